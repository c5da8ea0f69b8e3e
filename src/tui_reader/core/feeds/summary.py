"""What a sync says: one line per feed as it finishes, and the summary at the end ("12 new
articles from 4 feeds, 3 new comments, 2 comments sent (1 held for moderation), 1 feed
failed: …"), in the interface language with each language's plurals."""

from __future__ import annotations

from tui_reader.core.catalog import t
from tui_reader.core.feeds.sync import Failure, FeedOutcome, Status, SyncReport, ThreadOutcome
from tui_reader.core.sanitize import make_inert

_DEFAULTS: dict[str, object] = {"url": "", "reason": "", "status": "", "path": "", "size": ""}


def failure_text(failure: Failure, lang: str) -> str:
    return make_inert(t(failure.key, lang, **{**_DEFAULTS, **failure.params}))


def feed_line(outcome: FeedOutcome, lang: str) -> str:
    title = make_inert(outcome.title)
    if outcome.failure is not None:
        reason = failure_text(outcome.failure, lang)
        return t("sync.feed.failed", lang, title=title, reason=reason)
    if outcome.status == Status.NEW:
        return t("sync.feed.new", lang, title=title, count=len(outcome.new))
    return t("sync.feed.unchanged", lang, title=title)


def thread_line(outcome: ThreadOutcome, lang: str) -> str | None:
    """Only what changed or failed: an unchanged thread says nothing."""
    name = make_inert(outcome.path.name)
    if outcome.failure is not None:
        reason = failure_text(outcome.failure, lang)
        return t("sync.thread.failed", lang, name=name, reason=reason)
    if outcome.new_comments:
        return t("sync.thread.new", lang, name=name, count=outcome.new_comments)
    return None


def summary(report: SyncReport, lang: str) -> str:
    from tui_reader.core.web.fate import Fate

    new_comments = sum(o.new_comments for o in report.threads)
    parts = [
        t("sync.summary.articles", lang, count=len(report.new_articles))
        + " "
        + t("sync.summary.from_feeds", lang, count=len(report.feeds)),
        t("sync.summary.comments", lang, count=new_comments),
    ]
    sent = [r for r in report.sent if r.ok]
    if report.sent:
        part = t("sync.summary.sent", lang, count=len(sent))
        held = sum(r.fate == Fate.HELD for r in sent)
        if held:
            part += " " + t("sync.summary.held", lang, count=held)
        parts.append(part)
        not_sent = sum(r.failed for r in report.sent)
        if not_sent:
            parts.append(t("sync.summary.not_sent", lang, count=not_sent))
    published = sum(r.fate == Fate.PUBLISHED for r in report.checked)
    if published:
        parts.append(t("sync.summary.published", lang, count=published))
    threads_failed = sum(o.failure is not None for o in report.threads)
    if threads_failed:
        parts.append(t("sync.summary.threads_failed", lang, count=threads_failed))
    failed = [o for o in report.feeds if o.status == Status.FAILED]
    if failed:
        reasons = "; ".join(
            f"{make_inert(o.title)} ({failure_text(o.failure, lang)})" for o in failed if o.failure
        )
        parts.append(t("sync.summary.feeds_failed", lang, count=len(failed), reasons=reasons))
    return ", ".join(parts) + "."
