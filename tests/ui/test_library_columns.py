"""The library's column layout (ui.library.library_columns): plain functions, no app."""

from __future__ import annotations

import pytest

from tui_reader.ui.library.library_columns import (
    BY_KEY,
    PADDING,
    SCROLLBAR,
    TITLE,
    TITLE_MIN,
    layout,
)

# What the French library of many articles from feeds wants: (content and header, floor).
FRENCH = {
    "library.col.feed": (25, 4),
    "library.col.byline": (26, 6),
    "library.col.date": (12, 6),  # a date "le 3 mars 2026" written by hand
    "library.col.lang": (6, 6),
    "library.col.time": (7, 7),
    "library.col.progress": (7, 7),  # "nouveau" is never cut
    "library.col.drafts": (10, 10),
}


def total(widths: dict[str, int]) -> int:
    return sum(w + PADDING for w in widths.values()) + SCROLLBAR


@pytest.mark.parametrize("width", [20, 40, 60, 80, 100, 120, 200])
def test_never_wider_than_the_terminal_and_the_title_first(width: int) -> None:
    widths = layout(width, FRENCH)
    assert next(iter(widths)) == TITLE
    assert total(widths) <= width or widths == {TITLE: 1}
    if width >= 40:
        assert widths[TITLE] >= TITLE_MIN
        assert widths["library.col.progress"] == 7


def test_the_widest_shrink_first_then_the_least_useful_go() -> None:
    wide = layout(200, FRENCH)
    everything = {k: min(w, BY_KEY[k].cap) for k, (w, _) in FRENCH.items()}  # up to their cap
    assert everything["library.col.byline"] == 22
    assert wide == {TITLE: 200 - total(everything) - PADDING, **everything}
    at_80 = layout(80, FRENCH)
    assert "library.col.lang" not in at_80 and "library.col.time" not in at_80
    assert at_80["library.col.date"] == 12  # not shrunk while wider ones could be
    assert at_80["library.col.feed"] < 25 and at_80["library.col.byline"] < 26
    assert list(layout(40, FRENCH)) == [TITLE, "library.col.progress"]


def test_a_column_with_nothing_to_show_is_not_laid_out() -> None:
    without_feed = {k: v for k, v in FRENCH.items() if k != "library.col.feed"}
    assert "library.col.feed" not in layout(120, without_feed)
