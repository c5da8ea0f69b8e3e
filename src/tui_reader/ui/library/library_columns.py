"""The library's columns, laid out for the terminal's width: the list never scrolls sideways.

The title takes what the other columns leave, and keeps at least TITLE_MIN columns: when it
would get less, the widest other columns shrink first (down to their floor), then columns are
dropped, the least useful first (language, reading time, drafts, feed, source, date; the
progress column last). Plain Python: the widths are decided here, the table only shows them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

TITLE = "library.col.title"
TITLE_MIN = 24
# Each cell has a column of padding on both sides (DataTable.cell_padding).
PADDING = 2
# The vertical scrollbar of a long list.
SCROLLBAR = 2


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # the header's catalog key, and the column's key in the table
    cap: int  # the widest it grows
    floor: int  # the narrowest it shrinks before it is dropped (its header may be wider)
    keep: int  # dropped in this order when the terminal is narrow: lowest first
    numeric: bool = False  # right-aligned, under a right-aligned header


# In their order on screen, after the title.
COLUMNS = (
    Column("library.col.feed", cap=24, floor=8, keep=3),
    Column("library.col.byline", cap=22, floor=10, keep=4),
    Column("library.col.date", cap=12, floor=10, keep=5, numeric=True),
    Column("library.col.lang", cap=6, floor=4, keep=0),
    Column("library.col.time", cap=8, floor=6, keep=1, numeric=True),
    Column("library.col.progress", cap=9, floor=4, keep=6, numeric=True),
    Column("library.col.drafts", cap=10, floor=4, keep=2, numeric=True),
)
BY_KEY = {column.key: column for column in COLUMNS}


def layout(width: int, wanted: Mapping[str, tuple[int, int]]) -> dict[str, int]:
    """The width of each column shown, the title's first, for a table `width` columns wide.

    `wanted`: for each column that has something to show, (the width its content and header
    want, the narrowest it may get); a column not in it is not shown. The total, with the
    padding of every cell and a scrollbar, is never more than `width`.
    """
    room = width - SCROLLBAR
    shown = [column for column in COLUMNS if column.key in wanted]
    while True:
        widths = {c.key: _clamp(c, *wanted[c.key]) for c in shown}
        floors = {c.key: min(widths[c.key], max(c.floor, wanted[c.key][1])) for c in shown}
        title = room - sum(w + PADDING for w in widths.values()) - PADDING
        # The widest shrink first, a column at a time, until the title has its minimum.
        while title < TITLE_MIN:
            shrinkable = [key for key, w in widths.items() if w > floors[key]]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda key: widths[key])
            widths[widest] -= 1
            title += 1
        if title >= TITLE_MIN or not shown:
            break
        shown.remove(min(shown, key=lambda c: c.keep))
    # In screen order, the title first (a terminal too narrow for anything still gets one).
    return {TITLE: max(1, title), **{c.key: widths[c.key] for c in shown}}


def _clamp(column: Column, want: int, floor: int) -> int:
    return max(min(want, column.cap), min(floor, column.cap), 1)
