"""Fetch an article into the library and say what happened, in the reader's words: what
`reader fetch URL` prints and the app's "Fetch an article…" dialog shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.core.catalog import t

if TYPE_CHECKING:
    from tui_reader.core.storage.settings import Settings


def library_dir(settings: Settings) -> Path:
    """Where fetched articles go: the `articles_dir` setting, else `articles/` in the data dir."""
    from tui_reader.core.storage.paths import saved_articles_dir

    configured = settings.articles_dir
    return configured if configured is not None else saved_articles_dir()


@dataclass(frozen=True, slots=True)
class FetchOutcome:
    path: Path  # the article to open
    messages: list[str] = field(default_factory=list)


def fetch_into(url: str, directory: Path, lang: str) -> FetchOutcome:
    """Fetch `url` with its comments into `directory`. Raises FetchError, OSError."""
    from tui_reader.core.web.fetcher import fetch_article
    from tui_reader.core.web.saved_article import Saved, save_fetched

    fetched = fetch_article(url)
    report = save_fetched(fetched, directory)
    messages: list[str] = []
    if report.outcome is Saved.BESIDE:
        messages.append(t("fetch.saved.beside", lang, path=report.path, beside=report.beside))
    else:
        messages.append(t(f"fetch.saved.{report.outcome}", lang, path=report.path))
    if fetched.comments is not None:
        count = len(fetched.comments)
        if report.new_comments or report.outcome is not Saved.CREATED:
            messages.append(t("fetch.comments.count", lang, count=count, new=report.new_comments))
        else:
            messages.append(t("fetch.comments.first", lang, count=count))
    elif fetched.thread_problem:
        reason = t(fetched.thread_problem, lang, url=fetched.source, reason="", status="")
        messages.append(t("fetch.comments.failed", lang, reason=reason))
    if not fetched.comments_available:
        messages.append(t("fetch.comments.unavailable", lang))
    elif not fetched.comments_open:
        messages.append(t("fetch.comments.closed", lang))
    return FetchOutcome(report.path, messages)
