"""The outbox: ready drafts sent to their article's WordPress site, exactly once.

One draft's send, each step written to its file (DraftStore.update, atomic) before the next
network step:
    discover the form (if the draft has no destination yet, or it is stale) → write it
    status "sending" + an attempt → POST → write the answer: "sent" (with the comment's id
    and address), back to "ready" (network, 5xx, flood: retried later), "draft" (the site
    refused the text: edit it) or "failed" (closed, post gone, account required)
    → then, for a sent comment, its fate (published / held) from the REST API → write it.
Exactly once: the whole send of a draft holds its own lock (DraftStore.send_lock), so two
instances never send the same draft. A draft found "sending" under that lock was left by a
crash between the POST and the write that records the answer: it is resolved by posting the
same comment again, which is safe because WordPress refuses an identical comment (same post,
parent, author or e-mail, text) with 409 "duplicate": a 409 then means "it arrived the first
time", a 302 that it had not. Its id is then looked up among the post's published comments;
a held comment is not public, so it is recorded as sent, id unknown, until `--check` finds it.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from tui_reader.core.catalog import t
from tui_reader.core.comments.drafts import (
    Attempt,
    Draft,
    DraftStore,
    Posted,
    SaveResult,
    Status,
    format_time,
)
from tui_reader.core.web.answer import Outcome, PostAnswer, classify, retry_after
from tui_reader.core.web.client import NetworkProblem, Timeouts, WebClient
from tui_reader.core.web.destination import Destination, host_of, is_web_url, same_site
from tui_reader.core.web.fate import Fate, check_fate, find_published
from tui_reader.core.web.form import PageFindings, read_post_page

FLOOD_WAIT = 15.0  # WordPress's default comment_flood_filter interval, in seconds
FLOOD_TRIES = 3  # flood answers tolerated per draft before leaving it ready for later
FLOOD_WAIT_MAX = 120.0  # a longer Retry-After: the draft is left ready for a later send


class SendOutcome(StrEnum):
    SENT = "sent"  # on the site (see `fate`)
    ALREADY_THERE = "already_there"  # WordPress: duplicate, or a crashed send had arrived
    RETRY = "retry"  # still ready: network, server error, flood; the reason is recorded
    NEEDS_EDIT = "needs_edit"  # the site refused the text: back to draft, with its message
    FAILED = "failed"  # refused for good: closed, post gone, account required, no form
    NEEDS_CONFIRMATION = "needs_confirmation"  # the form posts to another host
    BUSY = "busy"  # another tui-reader is sending it right now
    NOT_READY = "not_ready"  # not a ready draft: nothing done
    SENT_BEFORE = "sent_before"  # already sent (by another instance, or an earlier run)
    WOULD_SEND = "would_send"  # --dry-run
    CHECKED = "checked"  # --check: the fate was read again


OK_OUTCOMES = (SendOutcome.SENT, SendOutcome.ALREADY_THERE, SendOutcome.CHECKED)
# Not failures of this run (someone else is on it, or nothing was asked of the site).
NEUTRAL_OUTCOMES = (SendOutcome.BUSY, SendOutcome.WOULD_SEND, SendOutcome.SENT_BEFORE)


@dataclass(frozen=True, slots=True)
class SendResult:
    draft_id: str
    outcome: SendOutcome
    status: str  # the draft's status afterwards
    fate: str | None = None  # Fate, for sent drafts
    comment_id: int | None = None
    link: str | None = None
    http_status: int | None = None
    message: str = ""  # the site's own words
    field: str | None = None  # the form field the site's message concerns
    reason_key: str | None = None  # catalog key of our explanation
    reason_params: dict[str, str] = dataclasses.field(default_factory=dict)
    site: str = ""  # the host the comment goes to
    action: str | None = None  # the form's address
    page: str = ""  # the article's page (the form is read there)
    insecure: bool = False  # plain http: name and e-mail travel unencrypted

    @property
    def ok(self) -> bool:
        return self.outcome in OK_OUTCOMES

    @property
    def failed(self) -> bool:
        return not self.ok and self.outcome not in NEUTRAL_OUTCOMES


def describe(result: SendResult, lang: str) -> str:
    """One line for the reader: what happened, and the comment's address."""
    reason = t(result.reason_key, lang, **result.reason_params) if result.reason_key else ""
    if result.message:
        reason = f"{reason} — {result.message}" if reason else result.message
    link = result.link or ""
    if result.outcome in (SendOutcome.SENT, SendOutcome.ALREADY_THERE, SendOutcome.CHECKED):
        fate = result.fate or Fate.UNKNOWN
        key = f"send.result.{result.outcome}.{fate}"
        if not link:
            key += ".no_link"
        return t(key, lang, link=link)
    return t(f"send.result.{result.outcome}", lang, reason=reason, site=result.site,
             action=result.action or result.page, status=result.status,
             link=link or result.page)  # fmt: skip


class _Flood(Exception):
    """The site said "too fast": this draft is back in the queue for later."""

    def __init__(self, result: SendResult, wait: float | None) -> None:
        super().__init__(result.draft_id)
        self.result = result
        self.wait = wait  # the site's Retry-After, if it said one


@dataclass(slots=True)
class _Job:
    draft_id: str
    host: str
    tries: int = 0
    not_before: float = 0.0


class Sender:
    """Sends drafts of a DraftStore. Blocking; the app runs it in a worker thread.

    `on_result` is called after each draft's final step (for progress); results also return.
    """

    def __init__(
        self,
        store: DraftStore,
        *,
        timeouts: Timeouts | None = None,
        allowed_hosts: Iterable[str] = (),
        flood_wait: float = FLOOD_WAIT,
        flood_tries: int = FLOOD_TRIES,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.store = store
        self.timeouts = timeouts or Timeouts()
        self.allowed_hosts = {host.lower() for host in allowed_hosts}
        self.flood_wait = flood_wait
        self.flood_tries = flood_tries
        self._sleep = sleep
        self._monotonic = monotonic
        self._clock = clock or (lambda: datetime.now(UTC))
        self._client: WebClient | None = None
        # Forms found during this run, by page: twenty drafts on one article, one page GET.
        self._forms: dict[str, Destination] = {}

    # --- what to send -------------------------------------------------------------------------

    def pending(self) -> list[Draft]:
        """Drafts to send: ready ones, and ones a crash left "sending" (oldest first)."""
        drafts = self.store.load_all().drafts
        return [d for d in reversed(drafts) if d.status in (Status.READY, Status.SENDING)]

    def to_check(self) -> list[Draft]:
        """Sent drafts whose fate may still change (held, or not known yet)."""
        return [
            d
            for d in reversed(self.store.load_all().drafts)
            if d.status == Status.SENT and d.posted and d.posted.fate in (Fate.HELD, Fate.UNKNOWN)
        ]

    def plan(self, drafts: Iterable[Draft]) -> list[SendResult]:
        """What `send` would do, contacting nothing (--dry-run)."""
        results = []
        for draft in drafts:
            if draft.status not in (Status.READY, Status.SENDING):
                results.append(self._result(draft, SendOutcome.NOT_READY))
                continue
            problem = _source_problem(draft)
            if problem:
                results.append(self._result(draft, SendOutcome.FAILED, reason_key=problem))
                continue
            results.append(self._result(draft, SendOutcome.WOULD_SEND))
        return results

    # --- sending ------------------------------------------------------------------------------

    def send(
        self,
        drafts: Iterable[Draft] | None = None,
        on_result: Callable[[SendResult], None] | None = None,
    ) -> list[SendResult]:
        """Send `drafts` (default: pending()). A site that says "too fast" gets its drafts
        retried after its interval; other sites' drafts go on meanwhile."""
        self.store.clean_send_locks()  # a killed send leaves its lock file behind
        queue = [_Job(d.id, _host(d)) for d in (self.pending() if drafts is None else drafts)]
        results: list[SendResult] = []
        blocked: dict[str, float] = {}  # host → not before (monotonic)
        try:
            while queue:
                now = self._monotonic()
                job = next(
                    (j for j in queue if j.not_before <= now and blocked.get(j.host, 0) <= now),
                    None,
                )
                if job is None:
                    soonest = min(max(j.not_before, blocked.get(j.host, 0)) for j in queue)
                    self._sleep(max(soonest - now, 0.0))
                    continue
                queue.remove(job)
                try:
                    result = self._send_one(job.draft_id, last_try=job.tries >= self.flood_tries)
                except _Flood as flood:
                    job.tries += 1
                    wait = self.flood_wait if flood.wait is None else flood.wait
                    job.not_before = self._monotonic() + wait
                    blocked[job.host] = job.not_before
                    queue.append(job)
                    del flood
                    continue
                results.append(result)
                if on_result:
                    on_result(result)
        finally:
            self._close()
        return results

    def check(
        self,
        drafts: Iterable[Draft] | None = None,
        on_result: Callable[[SendResult], None] | None = None,
    ) -> list[SendResult]:
        """Read again the fate of sent comments (default: those held or not known)."""
        results = []
        try:
            for draft in self.to_check() if drafts is None else drafts:
                result = self._check_one(draft)
                results.append(result)
                if on_result:
                    on_result(result)
        finally:
            self._close()
        return results

    def site_answers(self, draft: Draft, timeout: float = 3.0) -> bool:
        """Is the draft's site reachable now? (For the app's `send_ready = "ask"` at start-up:
        one quick GET of the article's page; nothing is sent, nothing written.)"""
        source = draft.article.source_url or ""
        if _source_problem(draft):
            return False
        with WebClient(Timeouts(connect=timeout, read=timeout)) as client:
            return not isinstance(client.get(source, follow=False), NetworkProblem)

    def confirm_foreign_action(self, draft_id: str) -> SaveResult:
        """The reader accepts that this draft's form posts to another host than the article's."""

        def change(draft: Draft) -> None:
            if draft.destination is not None:
                draft.destination.foreign_action_confirmed = True

        return self.store.update(draft_id, change)

    # --- one draft ------------------------------------------------------------------------------

    def _web(self) -> WebClient:
        if self._client is None:
            self._client = WebClient(self.timeouts)
        return self._client

    def _close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _now(self) -> str:
        return format_time(self._clock())

    def _send_one(self, draft_id: str, *, last_try: bool) -> SendResult:
        with self.store.send_lock(draft_id) as held:
            draft = self.store.get(draft_id)
            if draft is None:
                key = "send.error.gone_draft"
                return SendResult(draft_id, SendOutcome.FAILED, "", reason_key=key)
            if not held:
                return self._result(draft, SendOutcome.BUSY)
            if draft.status == Status.SENT:
                return self._result(draft, SendOutcome.SENT_BEFORE)
            if draft.read_only or draft.status not in (Status.READY, Status.SENDING):
                return self._result(draft, SendOutcome.NOT_READY)
            problem = _source_problem(draft)
            if problem:  # nowhere to send it: nothing contacted, nothing changed
                return self._result(draft, SendOutcome.FAILED, reason_key=problem)
            rediscovered = False
            destination = draft.destination
            source = draft.article.source_url or ""
            if destination is None or destination.page_url != source:
                known = self._forms.get(source)
                found = dataclasses.replace(known) if known else self._discover(draft)
                if isinstance(found, SendResult):
                    return found
                destination, rediscovered = found, known is None
            while True:
                refusal = self._refuse_host(draft, destination)
                if refusal:
                    return refusal
                step = self._record(draft.id, _mark_sending(self._now(), destination))
                if isinstance(step, SendResult):
                    return step
                draft = step
                answer = self._post(draft, destination)
                # Stale destination: the form moved, or the post id changed. Look again, once.
                stale = answer.outcome is Outcome.GONE or (
                    answer.outcome is Outcome.UNEXPECTED and answer.http_status in (404, 405, 410)
                )
                if stale and not rediscovered:
                    self._record_attempt(draft, answer, Status.READY)
                    found = self._discover(draft)
                    if isinstance(found, SendResult):
                        return found
                    rediscovered = True
                    if (found.action, found.post_id) != (destination.action, destination.post_id):
                        destination = found
                        continue
                    draft = self.store.get(draft.id) or draft
                return self._conclude(draft, destination, answer, last_try=last_try)

    def _post(self, draft: Draft, destination: Destination) -> PostAnswer:
        data = {
            "comment": draft.comment,
            "author": draft.author,
            "email": draft.email,
            "url": draft.url,
        }
        if draft.consent:  # an unticked checkbox is not sent by a browser
            data["wp-comment-cookies-consent"] = "yes"
        data["comment_post_ID"] = str(destination.post_id)
        data["comment_parent"] = str(draft.comment_parent)
        data["submit"] = destination.submit
        answer = self._web().post_form(destination.action, data)
        if isinstance(answer, NetworkProblem):
            return PostAnswer(Outcome.NETWORK, None, answer.reason, problem_key=answer.key)
        found = classify(answer.status, answer.location, answer.text)
        if found.outcome is Outcome.FLOOD:
            wait = retry_after(answer.headers.get("retry-after"))
            return dataclasses.replace(found, retry_after=wait)
        return found

    def _conclude(
        self, draft: Draft, destination: Destination, answer: PostAnswer, *, last_try: bool
    ) -> SendResult:
        outcome = answer.outcome
        if outcome is Outcome.ACCEPTED:
            fate = Fate.HELD if answer.held else Fate.UNKNOWN
            posted = Posted(self._now(), answer.comment_id, answer.link, fate)
            saved = self._record_attempt(draft, answer, Status.SENT, posted)
            if isinstance(saved, SendResult):
                return saved
            return self._refresh_fate(saved, SendOutcome.SENT)
        if outcome is Outcome.DUPLICATE:
            # On the site already: recorded as such first, then which comment it is.
            posted = Posted(self._now(), None, None, Fate.UNKNOWN, duplicate=True)
            saved = self._record_attempt(draft, answer, Status.SENT, posted)
            if isinstance(saved, SendResult):
                return saved
            return self._refresh_fate(saved, SendOutcome.ALREADY_THERE)
        if outcome is Outcome.FLOOD:
            saved = self._record_attempt(draft, answer, Status.READY, key="send.error.flood")
            if isinstance(saved, SendResult):
                return saved
            result = self._result(saved, SendOutcome.RETRY, answer, reason_key="send.error.flood")
            wait = answer.retry_after
            if last_try or (wait is not None and wait > FLOOD_WAIT_MAX):
                return result
            raise _Flood(result, wait)
        if outcome is Outcome.INVALID:
            return self._finish_answer(draft, answer, Status.DRAFT, SendOutcome.NEEDS_EDIT, None)
        if outcome is Outcome.GONE:
            key = "send.error.post_gone"
            return self._finish_answer(draft, answer, Status.FAILED, SendOutcome.FAILED, key)
        if outcome is Outcome.CLOSED:
            key = "send.error.closed"
            return self._finish_answer(draft, answer, Status.FAILED, SendOutcome.FAILED, key)
        if outcome is Outcome.LOGIN_REQUIRED:
            key = "send.error.login_required"
            return self._finish_answer(draft, answer, Status.FAILED, SendOutcome.FAILED, key)
        if outcome is Outcome.SERVER_ERROR:
            key = "send.error.server_error"
        elif outcome is Outcome.NETWORK:
            key = answer.problem_key or "send.error.network"
        else:
            key = "send.error.unexpected"
        return self._finish_answer(draft, answer, Status.READY, SendOutcome.RETRY, key)

    def _finish_answer(
        self,
        draft: Draft,
        answer: PostAnswer,
        status: Status,
        outcome: SendOutcome,
        key: str | None,
    ) -> SendResult:
        params = {"status": str(answer.http_status)} if answer.http_status else {}
        saved = self._record_attempt(draft, answer, status, key=key, params=params)
        if isinstance(saved, SendResult):
            return saved
        return self._result(saved, outcome, answer, reason_key=key, reason_params=params)

    def _finish(
        self, draft: Draft, status: Status, outcome: SendOutcome, what: str, key: str,
        params: dict[str, str] | None = None, http_status: int | None = None, message: str = "",
        destination: Destination | None = None,
    ) -> SendResult:  # fmt: skip
        attempt = Attempt(self._now(), what, http_status, message, key)

        def change(d: Draft) -> None:
            d.attempts.append(attempt)
            d.status = status
            if destination is not None:  # kept, so that the reader can confirm it
                d.destination = destination

        saved = self._record(draft.id, change)
        if isinstance(saved, SendResult):
            return saved
        return self._result(
            saved, outcome, http_status=http_status, message=message, reason_key=key,
            reason_params=params or {},
        )  # fmt: skip

    def _record_attempt(
        self,
        draft: Draft,
        answer: PostAnswer,
        status: Status,
        posted: Posted | None = None,
        *,
        key: str | None = None,
        params: dict[str, str] | None = None,
    ) -> Draft | SendResult:
        attempt = Attempt(
            self._now(), answer.outcome, answer.http_status, answer.message, key, answer.field
        )

        def change(d: Draft) -> None:
            d.attempts.append(attempt)
            d.status = status
            if posted is not None:
                d.posted = posted

        return self._record(draft.id, change)

    def _record(self, draft_id: str, change: Callable[[Draft], None]) -> Draft | SendResult:
        try:
            saved = self.store.update(draft_id, change)
        except _NotReady as not_ready:  # marked back to draft by hand in the meantime
            return SendResult(draft_id, SendOutcome.NOT_READY, str(not_ready))
        if saved.ok and saved.draft is not None:
            return saved.draft
        # The disk refused: stop here. A "sending" draft left behind is resolved next time.
        return SendResult(
            draft_id,
            SendOutcome.RETRY,
            saved.draft.status if saved.draft else "",
            reason_key=saved.key or "send.error.disk",
            reason_params=dict(saved.params),
        )

    def _discover(self, draft: Draft) -> Destination | SendResult:
        source = draft.article.source_url or ""
        answer = self._web().get(source)
        if isinstance(answer, NetworkProblem):
            return self._finish(
                draft, Status.READY, SendOutcome.RETRY, "discovery", answer.key,
                message=answer.reason,
            )  # fmt: skip
        params = {"status": str(answer.status)}
        if answer.status in (404, 410):
            return self._finish(
                draft, Status.FAILED, SendOutcome.FAILED, "discovery", "send.error.post_gone",
                params, answer.status,
            )  # fmt: skip
        if answer.status != 200:
            return self._finish(
                draft, Status.READY, SendOutcome.RETRY, "discovery", "send.error.page_status",
                params, answer.status,
            )  # fmt: skip
        findings = read_post_page(answer.text, answer.url, self._now())
        if findings.destination is None:
            key = findings.problem or "send.error.no_form"
            if key == "send.error.no_form" and self._closed(findings, answer.url):
                key = "send.error.closed"  # block themes print nothing where the form was
            return self._finish(
                draft, Status.FAILED, SendOutcome.FAILED, "discovery", key, params, answer.status
            )
        found = findings.destination
        self._forms[source] = dataclasses.replace(found)
        old = draft.destination
        if old is not None and old.action_host == found.action_host:
            found.foreign_action_confirmed = old.foreign_action_confirmed

        return found  # written with the "sending" step, before the POST

    def _closed(self, findings: PageFindings, page_url: str) -> bool:
        """Does the post's REST entry (on the same site) say comments are closed?"""
        if not findings.post_json or not same_site(page_url, findings.post_json):
            return False
        answer = self._web().get(findings.post_json)
        if isinstance(answer, NetworkProblem) or answer.status != 200 or not answer.is_json:
            return False
        try:
            doc = json.loads(answer.text)
        except ValueError:
            return False
        return isinstance(doc, dict) and doc.get("comment_status") == "closed"

    def _refuse_host(self, draft: Draft, destination: Destination) -> SendResult | None:
        """Only the article's own site is contacted, unless the reader confirmed the form's."""
        source = draft.article.source_url or ""
        if same_site(source, destination.action):
            return None
        if destination.foreign_action_confirmed or destination.action_host in self.allowed_hosts:
            return None
        key = "send.error.foreign_action"
        params = {"host": destination.action_host, "site": host_of(source)}
        outcome = SendOutcome.NEEDS_CONFIRMATION
        return self._finish(
            draft, Status.READY, outcome, "refused", key, params, destination=destination
        )

    def _refresh_fate(self, draft: Draft, outcome: SendOutcome) -> SendResult:
        posted = draft.posted
        if posted is None or draft.destination is None:
            return self._result(draft, outcome)
        if posted.comment_id is None:
            found = find_published(self._web(), draft.destination, draft.author, draft.comment)
            comment_id, link = found if isinstance(found, tuple) else (None, None)
            # Not among the published ones: held (or spam); no readable list: we do not know.
            fate = Fate.PUBLISHED if comment_id else (Fate.HELD if found is False else None)
        else:
            answer = check_fate(self._web(), draft.destination, posted.comment_id)
            fate, link, comment_id = answer.fate, answer.link, posted.comment_id
            if fate is Fate.UNKNOWN:
                fate = None  # no readable answer: keep what we knew
        checked = self._now()

        def change(d: Draft) -> None:
            if d.posted is None:
                return
            d.posted.checked = checked
            if fate is not None:
                d.posted.fate = fate
            if comment_id is not None:
                d.posted.comment_id = comment_id
            if link:
                d.posted.link = link

        saved = self._record(draft.id, change)
        return self._result(saved if isinstance(saved, Draft) else draft, outcome)

    def _check_one(self, draft: Draft) -> SendResult:
        if draft.status != Status.SENT or draft.posted is None:
            return self._result(draft, SendOutcome.NOT_READY)
        return self._refresh_fate(draft, SendOutcome.CHECKED)

    def _result(
        self,
        draft: Draft,
        outcome: SendOutcome,
        answer: PostAnswer | None = None,
        *,
        http_status: int | None = None,
        message: str = "",
        reason_key: str | None = None,
        reason_params: dict[str, str] | None = None,
    ) -> SendResult:
        destination = draft.destination
        posted = draft.posted
        source = draft.article.source_url or ""
        action = destination.action if destination else None
        return SendResult(
            draft_id=draft.id,
            outcome=outcome,
            status=draft.status,
            fate=posted.fate if posted else None,
            comment_id=posted.comment_id if posted else None,
            link=posted.link if posted else None,
            http_status=answer.http_status if answer else http_status,
            message=answer.message if answer else message,
            field=answer.field if answer else None,
            reason_key=reason_key,
            reason_params=reason_params or {},
            site=host_of(action or source),
            action=action,
            page=source,
            insecure=(action or source).startswith("http://"),
        )


def _mark_sending(now: str, destination: Destination) -> Callable[[Draft], None]:
    def change(draft: Draft) -> None:
        if draft.status not in (Status.READY, Status.SENDING):
            raise _NotReady(draft.status)
        # A draft already "sending" is being resolved: the same comment, posted again.
        outcome = "resolving" if draft.status == Status.SENDING else "sending"
        draft.attempts.append(Attempt(now, outcome))
        draft.status = Status.SENDING
        draft.destination = destination

    return change


class _NotReady(ValueError):
    pass


def _source_problem(draft: Draft) -> str | None:
    source = draft.article.source_url
    if not source:
        return "send.error.no_source"
    if not is_web_url(source):
        return "send.error.bad_source"
    return None


def _host(draft: Draft) -> str:
    if draft.destination is not None:
        return draft.destination.action_host
    return host_of(draft.article.source_url or "")
