"""`reader sync` and the app's Ctrl+R: every feed fetched, new entries saved as articles, the
comment threads of articles read lately refreshed, then the outbox sent and held comments
checked (core.web.sender).

- Conditional GETs (If-None-Match / If-Modified-Since); the validators are kept only when every
  new entry of the feed was saved, so that a failed entry is tried again next time.
- Bounded concurrency: a few threads, at most two requests at a time to one host (WebClient).
- Failures are isolated: a feed that fails is reported and the others go on; a failure writes
  nothing in the library (an article is written whole, atomically, or not at all).
- Cancelling (Ctrl+C, the app quitting) stops between steps: what finished is kept, and the
  database stays consistent (an entry is marked seen only once its article is on disk).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from tui_reader.core.feeds.errors import FeedError
from tui_reader.core.feeds.state import Feed, FeedStore
from tui_reader.core.storage.atomic_file import file_lock

if TYPE_CHECKING:
    from tui_reader.core.web.client import Timeouts, WebClient
    from tui_reader.core.web.fetcher import FetchedArticle
    from tui_reader.core.web.library_lookup import SavedIndex
    from tui_reader.core.web.saved_article import SaveReport
    from tui_reader.core.web.sender import SendResult

WORKERS = 6
PER_HOST = 2
RECENT_DAYS = 30  # comment threads of articles read this recently are refreshed
SAVE_LOCK = ".sync-save.lock"  # in the data directory: one writer in the library at a time

T = TypeVar("T")


class Status:
    NEW = "new"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Failure:
    key: str  # catalog key
    params: dict[str, object]


@dataclass(slots=True)
class FeedOutcome:
    feed: Feed
    status: str
    title: str
    new: list[Path] = field(default_factory=list)
    failure: Failure | None = None


@dataclass(slots=True)
class ThreadOutcome:
    path: Path
    new_comments: int = 0
    failure: Failure | None = None


@dataclass(slots=True)
class SyncReport:
    feeds: list[FeedOutcome] = field(default_factory=list)
    threads: list[ThreadOutcome] = field(default_factory=list)
    sent: list[SendResult] = field(default_factory=list)
    checked: list[SendResult] = field(default_factory=list)
    interrupted: bool = False
    requests: int = 0  # HTTP requests of the feeds phase
    received: int = 0  # body bytes received in the feeds phase

    @property
    def new_articles(self) -> list[Path]:
        return [path for outcome in self.feeds for path in outcome.new]

    @property
    def failed(self) -> bool:
        return (
            any(o.status == Status.FAILED for o in self.feeds)
            or any(o.failure for o in self.threads)
            or any(r.failed for r in self.sent)
            or any(r.failed for r in self.checked)
        )


class SyncListener(Protocol):
    """What a progress display is told; called from the thread that runs the sync."""

    def phase(self, name: str, total: int) -> None: ...

    def feed_done(self, outcome: FeedOutcome) -> None: ...

    def thread_done(self, outcome: ThreadOutcome) -> None: ...

    def sent(self, result: SendResult) -> None: ...


class _Silent:
    def phase(self, name: str, total: int) -> None:
        pass

    def feed_done(self, outcome: FeedOutcome) -> None:
        pass

    def thread_done(self, outcome: ThreadOutcome) -> None:
        pass

    def sent(self, result: SendResult) -> None:
        pass


def failure_of(error: Exception) -> Failure:
    from tui_reader.core.web.fetcher import FetchError

    if isinstance(error, (FeedError, FetchError)):
        return Failure(error.key, dict(error.params))
    if isinstance(error, OSError):
        path = getattr(error, "filename", None) or "?"
        return Failure("fetch.error.disk", {"path": path, "reason": error.strerror or error})
    return Failure("feeds.error.unexpected", {"reason": f"{type(error).__name__}: {error}"})


def recently_read(
    library: Path, days: int = RECENT_DAYS, now: datetime | None = None
) -> list[Path]:
    """Fetched articles of `library` opened in the last `days` days (reading positions)."""
    from tui_reader.core.storage.positions import PositionStore
    from tui_reader.core.web.thread import read_thread

    since = (now or datetime.now(UTC)) - timedelta(days=days)
    try:
        root = library.resolve()
    except OSError:
        return []
    found = []
    for key, position in PositionStore().all().items():
        try:
            when = datetime.fromisoformat(position.updated)
        except ValueError:
            continue
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        path = Path(key)
        if when < since or path.parent != root or not path.is_file():
            continue
        thread = read_thread(path)
        if thread is not None and thread.api and thread.post_id:
            found.append(path)
    return sorted(found)


class Sync:
    """One run; `cancel` (set from another thread, or by Ctrl+C) stops it between steps."""

    def __init__(
        self,
        store: FeedStore,
        library: Path,
        *,
        listener: SyncListener | None = None,
        timeouts: Timeouts | None = None,
        outbox: bool = True,
        workers: int = WORKERS,
    ) -> None:
        self.store = store
        self.library = library
        self.listener: SyncListener = listener or _Silent()
        self.timeouts = timeouts
        self.outbox = outbox
        self.workers = workers
        self.cancel = threading.Event()
        self._save_lock = threading.Lock()
        self._index: SavedIndex | None = None  # the library's articles by address
        self.report = SyncReport()

    def run(self) -> SyncReport:
        from tui_reader.core.web.client import WebClient

        report = self.report
        feeds = self.store.feeds()
        self.listener.phase("feeds", len(feeds))
        with WebClient(self.timeouts, per_host=PER_HOST) as client:
            self._pool(
                [lambda f=f: self._sync_feed(client, f) for f in feeds],  # type: ignore[misc]
                self._feed_done,
            )
            report.requests, report.received = client.requests, client.received
        saved = set(report.new_articles)
        if not self.cancel.is_set():
            recent = [p for p in recently_read(self.library) if p not in saved]
            self.listener.phase("comments", len(recent))
            self._pool(
                [lambda p=p: self._refresh(p) for p in recent],  # type: ignore[misc]
                self._thread_done,
                workers=PER_HOST,
            )
        if self.outbox and not self.cancel.is_set():
            self._send()
        return report

    # --- the pool ---------------------------------------------------------------------------

    def _pool(
        self, jobs: list[Callable[[], T]], done: Callable[[T], None], workers: int | None = None
    ) -> None:
        if not jobs:
            return
        pool = ThreadPoolExecutor(max_workers=min(workers or self.workers, len(jobs)))
        futures: list[Future[T]] = [pool.submit(job) for job in jobs]
        finished: set[Future[T]] = set()
        try:
            for future in as_completed(futures):
                finished.add(future)
                done(future.result())
        except KeyboardInterrupt:
            # Ctrl+C: the jobs running finish their step, the others never start.
            self.stop()
            pool.shutdown(wait=True, cancel_futures=True)
            for future in futures:
                if future not in finished and future.done() and not future.cancelled():
                    done(future.result())
        finally:
            pool.shutdown(wait=True)

    def stop(self) -> None:
        self.cancel.set()
        self.report.interrupted = True

    def _feed_done(self, outcome: FeedOutcome) -> None:
        self.report.feeds.append(outcome)
        self.listener.feed_done(outcome)

    def _thread_done(self, outcome: ThreadOutcome) -> None:
        self.report.threads.append(outcome)
        self.listener.thread_done(outcome)

    # --- one feed ---------------------------------------------------------------------------

    def _sync_feed(self, client: WebClient, feed: Feed) -> FeedOutcome:
        try:
            return self._fetch_feed(client, feed)
        except Exception as error:  # isolated: one feed's trouble is its own
            failure = failure_of(error)
            # The database too may fail: the report says the feed failed anyway.
            with suppress(Exception):
                self.store.record(feed, status=Status.FAILED, error=failure.key)
            return FeedOutcome(feed, Status.FAILED, feed.title, failure=failure)

    def _fetch_feed(self, client: WebClient, feed: Feed) -> FeedOutcome:
        from tui_reader.core.feeds.discovery import fetch_feed
        from tui_reader.core.feeds.entry_article import article_from_entry
        from tui_reader.core.feeds.parsing import parse_feed
        from tui_reader.core.web.fetcher import FetchError
        from tui_reader.core.web.saved_article import Saved

        headers = {}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        if self.cancel.is_set():
            return FeedOutcome(feed, Status.UNCHANGED, feed.title)
        answer = fetch_feed(client, feed.url, headers)
        if answer.status == 304:
            self.store.record(feed, status=Status.UNCHANGED)
            return FeedOutcome(feed, Status.UNCHANGED, feed.title)
        parsed = parse_feed(answer.body, answer.url, answer.headers.get("content-type", ""))
        title = parsed.title if parsed.title != answer.url else feed.title
        seen = self.store.seen(feed)
        outcome = FeedOutcome(feed, Status.UNCHANGED, title)
        complete = True
        for entry in parsed.entries:
            if entry.key in seen:
                continue
            if self.cancel.is_set():
                complete = False
                break
            try:
                fetched = article_from_entry(client, parsed, entry, title)
                saved = self._save(fetched)
            except (FetchError, FeedError, OSError) as error:
                complete = False
                outcome.failure = outcome.failure or failure_of(error)
                continue
            self.store.mark_seen(feed, entry.key, entry.link, saved.path)
            if saved.outcome is Saved.CREATED:
                outcome.new.append(saved.path)
        if outcome.failure is not None:
            outcome.status = Status.FAILED
        elif outcome.new:
            outcome.status = Status.NEW
        validators = (answer.headers.get("etag"), answer.headers.get("last-modified"))
        self.store.record(
            feed,
            status=outcome.status,
            error=outcome.failure.key if outcome.failure else None,
            new=len(outcome.new),
            validators=validators if complete else None,
            title=title,
            site=parsed.site,
        )
        return outcome

    def _save(self, fetched: FetchedArticle) -> SaveReport:
        from tui_reader.core.web.library_lookup import SavedIndex
        from tui_reader.core.web.saved_article import save_fetched

        # One writer at a time, in this process and between processes: two syncs never pick
        # the same free name for two articles, nor save one article twice.
        with self._save_lock, file_lock(self.store.directory / SAVE_LOCK):
            if self._index is None:
                self._index = SavedIndex(self.library)
            return save_fetched(fetched, self.library, index=self._index)

    # --- comment threads --------------------------------------------------------------------

    def _refresh(self, path: Path) -> ThreadOutcome:
        from tui_reader.core.web.saved_article import update_comments

        if self.cancel.is_set():
            return ThreadOutcome(path)
        try:
            update = update_comments(path, timeouts=self.timeouts)
        except Exception as error:  # isolated, as feeds are
            return ThreadOutcome(path, failure=failure_of(error))
        return ThreadOutcome(path, update.new_comments)

    # --- the outbox -------------------------------------------------------------------------

    def _send(self) -> None:
        from tui_reader.core.comments.drafts import DraftStore
        from tui_reader.core.web.sender import Sender

        store = DraftStore()
        sender = Sender(store, timeouts=self.timeouts)
        pending = sender.pending()
        held = sender.to_check()
        self.listener.phase("outbox", len(pending) + len(held))
        try:
            if pending:
                self.report.sent = sender.send(pending, on_result=self._sent)
            if held and not self.cancel.is_set():
                self.report.checked = sender.check(held, on_result=self._sent)
        except KeyboardInterrupt:
            # The draft being sent is left "sending": the next send resolves it, exactly once.
            self.stop()

    def _sent(self, result: SendResult) -> None:
        self.listener.sent(result)
