"""Wide code blocks and tables in the article view: scrolled sideways with ← and →.

Each rendered section keeps, beside its lines, the lines that show part of a wide block
(core.render.wide_blocks). One shift applies to every wide block on screen (prose never moves):
← and → move it by half the text width, like less, up to the widest block in view. It goes
back to 0 once no wide block is on screen, so the next one starts at its left edge. A search
finds matches in the whole of a wide line, and its jump scrolls sideways to the match.
"""

from __future__ import annotations

from typing import Protocol

from rich.segment import Segment
from textual.strip import Strip

from tui_reader.core.render.wide_blocks import WideLine


class SectionStrips(list[Strip]):
    """A section's served lines, and its wide lines by line number (unshifted in the list)."""

    def __init__(self, strips: list[Strip], wide: dict[int, WideLine]) -> None:
        super().__init__(strips)
        self.wide = wide


class ShiftedView(Protocol):
    """What WideShift needs of the view (ArticleView)."""

    scroll_y: float

    @property
    def text_width(self) -> int: ...

    @property
    def margin(self) -> int: ...

    def visible_lines(self) -> list[tuple[SectionStrips, int]]: ...

    def refresh(self) -> object: ...


class WideShift:
    def __init__(self, view: ShiftedView) -> None:
        self.view = view
        self.columns = 0

    def reset(self) -> None:
        self.columns = 0

    def wide_in_view(self) -> list[WideLine]:
        return [
            strips.wide[line] for strips, line in self.view.visible_lines() if line in strips.wide
        ]

    def step(self, direction: int) -> bool:
        """Move the wide blocks in view by half the text width; False when none is there
        or it is at that edge already."""
        widest = max((line.max_shift for line in self.wide_in_view()), default=0)
        step = max(4, self.view.text_width // 2)
        columns = max(0, min(widest, self.columns + direction * step))
        if columns == self.columns:
            return False
        self.columns = columns
        self.view.refresh()
        return True

    def scrolled(self) -> None:
        """After a vertical move: back to the left edge when no wide block is in view."""
        if self.columns and not self.wide_in_view():
            self.columns = 0

    # --- search: matches in the part of a wide line that is not on screen --------------------

    def full_text(self, strips: SectionStrips, line: int) -> str:
        """The text of served line `line` with its wide block's row in full."""
        wide = strips.wide.get(line)
        if wide is None:
            return strips[line].text
        return "".join(s.text for s in self._whole(strips, line, wide))

    def reveal(self, strips: SectionStrips, line: int, start: int, end: int) -> None:
        """Scroll sideways so that characters `start`-`end` of the full text are shown."""
        wide = strips.wide.get(line)
        if wide is None:
            return
        first = start - self._block_start(strips, wide)
        last = end - self._block_start(strips, wide)
        if first < 0 or (self.columns < first and last < self.columns + wide.visible - 1):
            return  # before the block (its indent), or on screen already
        self.columns = max(0, min(wide.max_shift, first - wide.visible // 3))
        self.view.refresh()

    def served(self, strips: SectionStrips, line: int, start: int, end: int) -> tuple[int, int]:
        """Where characters `start`-`end` of the full text are in the served line."""
        wide = strips.wide.get(line)
        if wide is None or not self.columns or start < self._block_start(strips, wide):
            return start, end
        return start - self.columns, end - self.columns

    def _block_start(self, strips: SectionStrips, wide: WideLine) -> int:
        return self.view.margin + sum(len(segment.text) for segment in wide.before)

    def _whole(self, strips: SectionStrips, line: int, wide: WideLine) -> list[Segment]:
        margin = list(strips[line].crop(0, self.view.margin))
        return [*margin, *wide.before, *wide.block.lines[wide.row], *wide.after]

    def shifted(self, strips: SectionStrips, line: int) -> Strip:
        """Served line `line` of a section, its wide block shown from the current shift."""
        strip = strips[line]
        if not self.columns or line not in strips.wide:
            return strip
        margin = self.view.margin
        segments = strips.wide[line].shifted(self.columns)
        return Strip([*strip.crop(0, margin), *segments], strip.cell_length)
