"""The orders of the library list: by date, title, progress or feed (`s` cycles them).

Kept apart from the listing (core.storage.library) so that the settings, read at start-up,
know the order names without importing the listing. Pure Python, never imports Textual.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

# In the order `s` goes through them; the first is the default.
ORDERS = ("date", "title", "progress", "feed")
DEFAULT_ORDER = ORDERS[0]
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Listed(Protocol):
    """What ordering needs of an article of the list (core.storage.library.ArticleInfo)."""

    @property
    def path(self) -> Path: ...
    @property
    def title(self) -> str: ...
    @property
    def date(self) -> str | None: ...
    @property
    def feed(self) -> str | None: ...
    @property
    def folder(self) -> str: ...


A = TypeVar("A", bound=Listed)
# How far an article was read: None never opened, else (finished, percent).
Progress = Callable[[A], "tuple[bool, float] | None"]


def next_order(order: str) -> str:
    """The order after `order` (an unknown one starts again at the default)."""
    if order not in ORDERS:
        return DEFAULT_ORDER
    return ORDERS[(ORDERS.index(order) + 1) % len(ORDERS)]


def iso_date(article: Listed) -> str:
    """The date to sort by: an ISO date, else "" (undated and free-form dates sort last)."""
    date = article.date
    return date if date and _ISO_DATE.match(date) else ""


def sort_articles(
    articles: Sequence[A], order: str, progress: Progress[A] | None = None
) -> list[A]:
    """`articles` in `order` (ORDERS), each one a stable sort over the title order.

    date: newest first, undated last. title: A to Z, accents and case ignored. progress: the
    articles being read first (furthest first), then the unread, then those read to the end.
    feed: by feed name (articles from no feed last), newest first within a feed.
    """
    # Imported here: the settings import this module at start-up, fold builds tables (4 ms).
    from tui_reader.core.find.fold import fold

    # Every order breaks ties by title, then by where the file is.
    out = sorted(articles, key=lambda a: (fold(a.title), a.folder, a.path.name))
    if order == "title":
        return out
    out.sort(key=iso_date, reverse=True)
    if order == "progress" and progress is not None:
        out.sort(key=lambda a: _progress_rank(progress(a)))
    elif order == "feed":
        out.sort(key=lambda a: (a.feed is None, fold(a.feed or "")))
    return out


def _progress_rank(read: tuple[bool, float] | None) -> tuple[int, float]:
    if read is None:
        return 1, 0.0
    finished, percent = read
    return (2, 0.0) if finished else (0, -percent)
