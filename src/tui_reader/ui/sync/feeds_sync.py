"""`Ctrl+R` and the palette's "Sync feeds": `reader sync` in a thread worker.

The app stays usable; a SyncBar shows the progress on whatever screen is on view; new articles
reach the library as they arrive (ReaderApp.relist_library); the summary is a notification at
the end. core.feeds is imported when the first sync starts, never at start-up.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.core.catalog import t
from tui_reader.ui.shell import shell
from tui_reader.ui.sync.sync_bar import SyncBar

if TYPE_CHECKING:
    from textual.app import App

    from tui_reader.core.feeds.sync import FeedOutcome, Sync, ThreadOutcome
    from tui_reader.core.web.sender import SendResult


class FeedsSync:
    """One sync at a time, for the app."""

    def __init__(self, app: App[object]) -> None:
        self.app = app
        self.lang = shell(app).lang
        self._sync: Sync | None = None
        self._bar: SyncBar | None = None
        self._phase: tuple[str, int] = ("", 0)
        self._done = 0

    @property
    def running(self) -> bool:
        return self._sync is not None

    def start(self, library: Path) -> None:
        if self._sync is not None:
            self.app.notify(t("sync.app.running", self.lang), timeout=3)
            return
        from tui_reader.core.feeds.state import FeedStore
        from tui_reader.core.feeds.sync import Sync

        store = FeedStore()
        self._sync = Sync(store, library, listener=self)
        self.app.run_worker(self._run, thread=True, group="feeds-sync", exit_on_error=False)

    def stop(self) -> None:
        """The app is quitting: the sync stops after its current step."""
        if self._sync is not None:
            self._sync.stop()

    # --- in the worker thread ---------------------------------------------------------------

    def _run(self) -> None:
        from tui_reader.core.feeds.summary import failure_text, summary
        from tui_reader.core.feeds.sync import failure_of

        sync = self._sync
        assert sync is not None
        try:
            report = sync.run()
            problems = list(sync.store.problems)
        except Exception as error:  # a database that cannot be opened, a full disk…
            self._later(self._finish, failure_text(failure_of(error), self.lang), "error", [])
            return
        severity = "warning" if report.failed else "information"
        message = summary(report, self.lang)
        if not report.feeds:
            message = t("sync.no_feeds", self.lang) + " " + message
        self._later(self._finish, message, severity, problems)

    def _later(self, callback: object, *args: object) -> None:
        with suppress(RuntimeError):  # the app has gone meanwhile
            self.app.call_from_thread(callback, *args)  # type: ignore[arg-type]

    def phase(self, name: str, total: int) -> None:
        self._later(self._show_phase, t(f"sync.phase.{name}", self.lang), total)

    def feed_done(self, outcome: FeedOutcome) -> None:
        self._later(self._step, bool(outcome.new))

    def thread_done(self, outcome: ThreadOutcome) -> None:
        self._later(self._step, False)

    def sent(self, result: SendResult) -> None:
        self._later(self._step, False)

    # --- on the app's thread ----------------------------------------------------------------

    def _bar_on_screen(self) -> SyncBar:
        """The bar, on the screen on view (moved there when the reader changed screens)."""
        screen = self.app.screen
        bar = self._bar
        if bar is None or bar.screen is not screen:
            if bar is not None:
                bar.remove()
            bar = self._bar = SyncBar()
            screen.mount(bar)
            label, total = self._phase
            bar.call_after_refresh(self._redraw, bar, label, total, self._done)
        return bar

    @staticmethod
    def _redraw(bar: SyncBar, label: str, total: int, done: int) -> None:
        if bar.is_attached:
            bar.show_phase(label, total)
            for _ in range(done):
                bar.advance()

    def _show_phase(self, label: str, total: int) -> None:
        self._phase, self._done = (label, total), 0
        bar = self._bar_on_screen()
        if bar.is_mounted:
            bar.show_phase(label, total)

    def _step(self, new_articles: bool) -> None:
        self._done += 1
        bar = self._bar_on_screen()
        if bar.is_mounted:
            bar.advance()
        if new_articles:
            shell(self.app).relist_library()

    def _finish(self, message: str, severity: str, problems: list[object]) -> None:
        self._sync = None
        if self._bar is not None:
            self._bar.remove()
            self._bar = None
        shell(self.app).report(problems)  # type: ignore[arg-type]
        self.app.notify(message, severity=severity, timeout=10)  # type: ignore[arg-type]
