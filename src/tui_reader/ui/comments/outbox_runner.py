"""The outbox in the app: ready drafts sent by core.web.sender in a worker thread.

One Outbox per app (`outbox(app)`), shared by the drafts screen, the reading screen and the
start-up offer (`send_ready`), so a draft queued from one of them shows as "sending…" on the
others and is never queued twice. Sends run one batch after another in a single thread worker
(the Sender blocks on the network); each draft's result comes back to the UI thread through
`call_from_thread`, where it is told (core.web.sender.describe) and the screens that listen
redraw. The reader keeps reading and moving meanwhile.

A form that posts to another host than the article's (NEEDS_CONFIRMATION) is asked about with
the confirm dialog, naming both hosts; yes records the consent on the draft and sends it, no
leaves it ready with the reason. Nothing here imports the network code before a send, a check
or the start-up probe (which runs only when ready drafts exist): see tests/test_startup.py.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from tui_reader.core.catalog import t
from tui_reader.ui.shell import shell

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel

    from tui_reader.core.article.model import Article
    from tui_reader.core.comments.drafts import Draft, DraftStore
    from tui_reader.core.web.sender import Sender, SendResult

PROBE_TIMEOUT = 3.0  # seconds: the start-up "does the network answer?" request


class Outbox:
    def __init__(self, app: App[object]) -> None:
        self.app = app
        self.busy: set[str] = set()  # ids queued or being sent by this app
        self.checking = False
        self.status = ""  # the latest progress line, for the drafts screen
        self._queue: list[str] = []
        self._confirmed: set[str] = set()  # foreign hosts accepted, recorded before the send
        self._results: list[SendResult] = []  # of the current run (summary)
        self._total = 0
        self._running = False
        self._lock = threading.Lock()
        self._listeners: list[Callable[[], None]] = []
        self._questions: list[SendResult] = []  # foreign hosts waiting for the dialog
        self._asking = False

    @property
    def lang(self) -> str:
        return shell(self.app).lang

    @property
    def store(self) -> DraftStore:
        return shell(self.app).drafts

    def listen(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call `callback` (on the UI thread) whenever a draft's send state changed; returns
        the function that stops it."""
        self._listeners.append(callback)

        def stop() -> None:
            with suppress(ValueError):
                self._listeners.remove(callback)

        return stop

    def _changed(self) -> None:
        for callback in list(self._listeners):
            callback()

    # --- what to send -------------------------------------------------------------------

    def pending(self, article: Article | None = None) -> list[Draft]:
        """Ready drafts (and ones a crash left "sending"), of `article` when given."""
        from tui_reader.core.article.identity import same_article
        from tui_reader.core.comments.drafts import Status

        report = self.store.load_all()
        shell(self.app).report(report.problems)
        return [
            d
            for d in reversed(report.drafts)  # oldest first, as the site would have had them
            if d.status in (Status.READY, Status.SENDING)
            and (article is None or same_article(article, d.article))
        ]

    def send(self, drafts: list[Draft]) -> int:
        """Queue `drafts` for sending (those not already queued); how many were queued."""
        ids = [d.id for d in drafts if d.id not in self.busy]
        if not ids:
            key = "outbox.already_busy" if drafts else "send.cli.nothing"
            self.app.notify(t(key, self.lang))
            return 0
        self.busy.update(ids)
        with self._lock:
            if not self._running:
                self._results, self._total = [], 0
            self._total += len(ids)
            self._queue.extend(ids)
            start = not self._running
            self._running = True
        self.status = t("outbox.sending", self.lang, count=self._total - len(self._results))
        self._changed()
        if start:
            self.app.run_worker(
                self._send_in_thread, thread=True, group="outbox", exit_on_error=False
            )
        return len(ids)

    def send_article(self, article: Article) -> None:
        """The reading screen's key: the article's ready comments."""
        drafts = self.pending(article)
        if not drafts:
            self.app.notify(t("outbox.article_none", self.lang))
            return
        self.send(drafts)

    # --- in the worker --------------------------------------------------------------------

    def _sender(self) -> Sender:
        from tui_reader.core.web.sender import Sender

        return Sender(self.store)

    def _send_in_thread(self) -> None:
        try:
            self._send_batches()
        except Exception as error:  # a bug must not take the app (and the typing) down
            with self._lock:
                lost, self._queue, self._running = self._queue, [], False
            self._to_ui(self._broken, error, lost)
            return
        self._to_ui(self._finished)

    def _send_batches(self) -> None:
        sender = self._sender()
        while True:
            with self._lock:
                batch, self._queue = self._queue, []
                confirmed, self._confirmed = self._confirmed, set()
                if not batch:
                    self._running = False
                    break
            for draft_id in confirmed & set(batch):
                sender.confirm_foreign_action(draft_id)
            drafts = [d for d in (self.store.get(i) for i in batch) if d is not None]
            for missing in set(batch) - {d.id for d in drafts}:
                self._to_ui(self.busy.discard, missing)
            sender.send(drafts, on_result=lambda result: self._to_ui(self._told, result))

    def _to_ui(self, callback: Callable[..., object], *args: object) -> None:
        # The app may be closing: then nobody is left to tell, the drafts say it all.
        with suppress(RuntimeError):
            self.app.call_from_thread(callback, *args)

    # --- back on the UI thread ----------------------------------------------------------

    def _told(self, result: SendResult) -> None:
        from tui_reader.core.web.sender import SendOutcome, describe

        self.busy.discard(result.draft_id)
        self._results.append(result)
        line = describe(result, self.lang)
        self.status = t(
            "outbox.progress", self.lang, done=len(self._results), total=self._total, line=line
        )
        if result.outcome is SendOutcome.NEEDS_CONFIRMATION:
            self._questions.append(result)
            self._ask_next()
        else:
            severity: SeverityLevel = "information"
            if result.failed:
                severity = "warning" if result.outcome is SendOutcome.RETRY else "error"
            self.app.notify(line, severity=severity, timeout=10)
        self._changed()

    def _broken(self, error: Exception, lost: list[str]) -> None:
        # Every step was written before the next: the drafts on disk say where each one is.
        self.busy.clear()
        self.status = t("outbox.broken", self.lang, reason=str(error) or type(error).__name__)
        self.app.notify(self.status, severity="error", timeout=12)
        self._changed()

    def _finished(self) -> None:
        # A sent draft is no longer counted in the contents' "✎N" of its article.
        for screen in self.app.screen_stack:
            refresh = getattr(screen, "refresh_draft_counts", None)
            if refresh is not None and screen.is_attached:
                refresh()
        results = self._results
        if len(results) > 1:
            sent = sum(1 for r in results if r.ok)
            failed = sum(1 for r in results if r.failed)
            summary = t(
                "send.cli.summary", self.lang, sent=sent, failed=failed,
                other=len(results) - sent - failed,
            )  # fmt: skip
            self.status = summary
            self.app.notify(summary, timeout=10)
        self._changed()

    def _ask_next(self) -> None:
        if self._asking or not self._questions:
            return
        from tui_reader.ui.dialogs.confirm_screen import ConfirmScreen

        result = self._questions.pop(0)
        self._asking = True
        params = result.reason_params
        question = t(
            "outbox.confirm_foreign", self.lang, host=params.get("host", ""),
            site=params.get("site", ""),
        )  # fmt: skip

        def answered(yes: bool | None) -> None:
            self._asking = False
            if yes:
                with self._lock:
                    self._confirmed.add(result.draft_id)
                draft = self.store.get(result.draft_id)
                if draft is not None:
                    self.send([draft])
            else:
                reason = t(result.reason_key or "send.error.foreign_action", self.lang, **params)
                self.app.notify(t("outbox.foreign_declined", self.lang, reason=reason), timeout=10)
            self._ask_next()

        yes = t("drafts.key.send", self.lang)
        self.app.push_screen(ConfirmScreen(question, self.lang, yes=yes), answered)

    # --- held comments --------------------------------------------------------------------

    def check(self) -> None:
        """Ask the site again about the sent comments held for moderation."""
        if self.checking:
            self.app.notify(t("outbox.already_checking", self.lang))
            return
        self.checking = True
        self.status = t("outbox.checking", self.lang)
        self._changed()
        self.app.run_worker(
            self._check_in_thread, thread=True, group="outbox-check", exit_on_error=False
        )

    def _check_in_thread(self) -> None:
        try:
            results = self._sender().check(on_result=lambda r: self._to_ui(self._checked_one, r))
        except Exception as error:  # as for a send: told, never a crash
            self._to_ui(self._broken, error, [])
            self.checking = False
            return
        self._to_ui(self._checked, results)

    def _checked_one(self, result: SendResult) -> None:
        from tui_reader.core.web.sender import describe

        self.app.notify(describe(result, self.lang), timeout=10)
        self._changed()

    def _checked(self, results: list[SendResult]) -> None:
        from tui_reader.core.web.fate import Fate

        self.checking = False
        if not results:
            self.status = t("send.cli.nothing_to_check", self.lang)
        else:
            published = sum(1 for r in results if r.fate == Fate.PUBLISHED)
            held = sum(1 for r in results if r.fate == Fate.HELD)
            self.status = t(
                "send.cli.check_summary", self.lang, checked=len(results), published=published,
                held=held,
            )  # fmt: skip
        self.app.notify(self.status, timeout=10)
        self._changed()

    # --- at start-up (setting send_ready) -------------------------------------------------

    def offer_at_start(self) -> None:
        """After the first paint: when ready drafts exist and their site answers, offer to
        send them ("ask") or send them ("auto"); "manual" does nothing. Only the network
        probe runs in the worker: the drafts are read here, their problems reported."""
        if shell(self.app).settings.send_ready == "manual":
            return
        from tui_reader.core.web.destination import is_web_url

        ready = self.pending()
        web = [d for d in ready if is_web_url(d.article.source_url or "")]
        if not web:
            return
        store, first = self.store, web[0]
        self.app.run_worker(
            lambda: self._probe_in_thread(store, first, len(ready)), thread=True,
            group="outbox-probe", exit_on_error=False,
        )  # fmt: skip

    def _probe_in_thread(self, store: DraftStore, draft: Draft, count: int) -> None:
        from tui_reader.core.web.sender import Sender  # the HTTP client comes with it

        if Sender(store).site_answers(draft, timeout=PROBE_TIMEOUT):
            self._to_ui(self._offer, count)

    def _offer(self, count: int) -> None:
        if shell(self.app).settings.send_ready == "auto":
            self.send(self.pending())
            return
        from tui_reader.ui.dialogs.confirm_screen import ConfirmScreen

        if self.app.screen.is_modal:  # the reader is writing or reading help: not in the way
            self.app.notify(t("outbox.offer_hint", self.lang, count=count), timeout=12)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.send(self.pending())

        question = t("outbox.offer", self.lang, count=count)
        yes = t("drafts.key.send", self.lang)
        self.app.push_screen(ConfirmScreen(question, self.lang, yes=yes), answered)


_OUTBOXES: WeakKeyDictionary[App[object], Outbox] = WeakKeyDictionary()


def outbox(app: App[object]) -> Outbox:
    """The app's outbox, made on first use."""
    found = _OUTBOXES.get(app)
    if found is None:
        found = _OUTBOXES[app] = Outbox(app)
    return found
