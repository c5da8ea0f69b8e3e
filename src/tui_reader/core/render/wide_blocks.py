"""Code blocks and tables are never wrapped: wider than the text, they scroll sideways.

A wide block is laid out at its natural width. In the app (`collecting`), each of its lines is
cut to the text width with a cue at the cut edge ("→" where more is to the right, "←" where
some is to the left) and the full line is kept in a `WideLine`, so that the view can show it
from any column (`WideLine.shifted`) without laying the section out again. Nested in a list or
a quote, only the block's own cells scroll: the indent before it stays in place. In `--print`
(nothing collecting) the lines are written in full, as long as they are.

A marker style (`WIDE_META` meta) on the cut lines tells `collect_wide_lines` which block and
row each one shows, after Rich's containers have indented them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style

WIDE_META = "tui_reader.wide"
# Past this many columns a line is folded after all: a 1 MB minified script on one line would
# make every line of its block a megabyte of padding.
WIDE_LIMIT = 1_000
CUE_RIGHT = "→"
CUE_LEFT = "←"
_CUE_STYLE = Style(bold=True, reverse=True)


@dataclass
class WideBlock:
    """A block laid out at its natural width: `lines`, each `width` cells."""

    lines: list[list[Segment]]
    width: int


@dataclass
class WideLine:
    """A served line showing row `row` of `block` in `visible` cells after `before`."""

    before: list[Segment]
    block: WideBlock
    row: int
    visible: int
    after: list[Segment]

    @property
    def max_shift(self) -> int:
        return max(0, self.block.width - self.visible)

    def shifted(self, shift: int) -> list[Segment]:
        """The line with the block shown from column `shift` (clamped), cues at the edges."""
        shift = max(0, min(shift, self.max_shift))
        full = self.block.lines[self.row]
        shown = _crop(full, shift, shift + self.visible)
        if shift > 0:
            shown = [_cue(CUE_LEFT, shown, 0), *_crop(shown, 1, self.visible)]
        if shift < self.max_shift:
            shown = [*_crop(shown, 0, self.visible - 1), _cue(CUE_RIGHT, shown, -1)]
        return [*self.before, *shown, *self.after]


def _crop(segments: list[Segment], start: int, end: int) -> list[Segment]:
    """The cells from `start` to `end` of a line (a double-width character cut in half at
    either edge becomes a space: the line keeps its exact width)."""
    out: list[Segment] = []
    pos = 0
    for segment in segments:
        length = segment.cell_length
        if pos + length <= start:
            pos += length
            continue
        if pos >= end:
            break
        if start <= pos and pos + length <= end:
            out.append(segment)
        else:
            cut = _cut_cells(segment.text, max(0, start - pos), min(length, end - pos))
            out.append(Segment(cut, segment.style, segment.control))
        pos += length
    return out


def _cut_cells(text: str, start: int, end: int) -> str:
    """`text` from cell `start` to cell `end`; a double-width character cut in half is a space."""
    if len(text) == cell_len(text):
        return text[start:end]
    out: list[str] = []
    pos = 0
    for char in text:
        size = cell_len(char)
        if pos >= start and pos + size <= end:
            out.append(char)
        elif pos < end and pos + size > start:
            out.append(" " * (min(end, pos + size) - max(start, pos)))
        pos += size
    return "".join(out)


def _cue(mark: str, shown: list[Segment], at: int) -> Segment:
    styled = [segment for segment in shown if segment.text]
    base = (styled[at].style if styled else None) or Style()
    return Segment(mark, base + _CUE_STYLE)


_collector: ContextVar[list[WideBlock] | None] = ContextVar("wide_blocks", default=None)


@contextmanager
def collecting() -> Iterator[list[WideBlock]]:
    """Within: wide blocks are cut to the width and kept in the list yielded."""
    blocks: list[WideBlock] = []
    token = _collector.set(blocks)
    try:
        yield blocks
    finally:
        _collector.reset(token)


class NoWrap:
    """`renderable` laid out at `natural` columns when that is wider than the room offered."""

    def __init__(self, renderable: RenderableType, natural: int) -> None:
        self.renderable = renderable
        self.natural = min(natural, WIDE_LIMIT)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        if self.natural <= width:
            yield self.renderable
            return
        lines = console.render_lines(
            self.renderable, options.update(width=self.natural, max_width=self.natural), pad=True
        )
        blocks = _collector.get()
        if blocks is None:  # --print: the lines in full
            for line in lines:
                yield from line
                yield Segment.line()
            return
        blocks.append(WideBlock(lines, self.natural))
        number = len(blocks) - 1
        for row, line in enumerate(lines):
            marker = Style.from_meta({WIDE_META: (number, row)})
            yield from Segment.apply_style(_crop(line, 0, width), post_style=marker)
            yield Segment.line()


def collect_wide_lines(lines: list[list[Segment]], blocks: list[WideBlock]) -> dict[int, WideLine]:
    """The lines of a rendered section that show part of a wide block (by line number),
    each replaced in `lines` by its cut version with the cue, without the marker."""
    wide: dict[int, WideLine] = {}
    if not blocks:
        return wide
    for number, line in enumerate(lines):
        first = next((i for i, seg in enumerate(line) if _marker(seg) is not None), None)
        if first is None:
            continue
        last = first
        while last + 1 < len(line) and _marker(line[last + 1]) is not None:
            last += 1
        marker = _marker(line[first])
        assert marker is not None
        block, row = marker
        run = line[first : last + 1]
        wide_line = WideLine(
            before=line[:first],
            block=blocks[block],
            row=row,
            visible=sum(seg.cell_length for seg in run),
            after=line[last + 1 :],
        )
        wide[number] = wide_line
        lines[number] = wide_line.shifted(0)
    return wide


def _marker(segment: Segment) -> tuple[int, int] | None:
    style = segment.style
    if style is None or not style._meta:
        return None
    found = style.meta.get(WIDE_META)
    return (found[0], found[1]) if found is not None else None
