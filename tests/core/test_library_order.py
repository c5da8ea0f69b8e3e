"""The orders of the library (issue 11: title, date, progress; issue 15: feed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_reader.core.storage.library import ArticleInfo
from tui_reader.core.storage.library_order import ORDERS, next_order, sort_articles


def article(
    name: str,
    title: str,
    date: str | None = None,
    feed: str | None = None,
    folder: str = "",
) -> ArticleInfo:
    return ArticleInfo(
        path=Path("/lib") / folder / name,
        title=title,
        author=None,
        date=date,
        lang="en",
        source_url=None,
        reading_minutes=1,
        comments_open=False,
        feed=feed,
        folder=folder,
    )


SHELF = [
    article("z.md", "Zèbres", "2024-03-01", feed="Nature"),
    article("e.md", "éléphants", "2026-01-02"),
    article("a.md", "Abeilles", None, feed="nature"),
    article("f.md", "Free date", "last spring", feed="Autres"),
    article("c.md", "Castors", "2025-06-30", feed="Nature"),
    article("d.md", "Abeilles", "2020-01-01", folder="sub"),
]


def titles(articles: list[ArticleInfo]) -> list[str]:
    return [f"{a.folder}/{a.title}" if a.folder else a.title for a in articles]


def test_date_newest_first_undated_and_free_form_last_then_by_title() -> None:
    assert titles(sort_articles(SHELF, "date")) == [
        "éléphants",
        "Castors",
        "Zèbres",
        "sub/Abeilles",
        "Abeilles",
        "Free date",
    ]


def test_title_ignores_accents_and_case_then_the_folder() -> None:
    assert titles(sort_articles(SHELF, "title")) == [
        "Abeilles",
        "sub/Abeilles",
        "Castors",
        "éléphants",
        "Free date",
        "Zèbres",
    ]


def test_progress_being_read_first_then_unread_then_finished() -> None:
    read = {"z.md": (False, 10.0), "a.md": (False, 75.5), "e.md": (True, 40.0)}
    order = sort_articles(SHELF, "progress", lambda a: read.get(a.path.name))
    # Unread ones keep the date order among them.
    assert titles(order) == [
        "Abeilles",
        "Zèbres",
        "Castors",
        "sub/Abeilles",
        "Free date",
        "éléphants",
    ]


def test_feed_by_name_folded_newest_first_no_feed_last() -> None:
    assert titles(sort_articles(SHELF, "feed")) == [
        "Free date",  # Autres
        "Castors",  # Nature, 2025
        "Zèbres",  # Nature, 2024
        "Abeilles",  # nature, undated
        "éléphants",  # no feed, newest first
        "sub/Abeilles",
    ]


def test_next_order_cycles_through_every_order() -> None:
    seen = ["date"]
    for _ in ORDERS:
        seen.append(next_order(seen[-1]))
    assert seen == ["date", "title", "progress", "feed", "date"]


@pytest.mark.parametrize("bad", ["", "size", "DATE"])
def test_an_unknown_order_starts_again_at_the_default(bad: str) -> None:
    assert next_order(bad) == "date"
