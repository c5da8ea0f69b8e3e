"""Wide code blocks and tables in the article view: scrolled sideways with ← and →.

Each rendered section keeps, beside its lines, the lines that show part of a wide block
(core.render.wide_blocks). One shift applies to every wide block on screen (prose never moves):
← and → move it by half the text width, like less, up to the widest block in view. It goes
back to 0 once no wide block is on screen, so the next one starts at its left edge.
"""

from __future__ import annotations

from typing import Protocol

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

    def shifted(self, strips: SectionStrips, line: int) -> Strip:
        """Served line `line` of a section, its wide block shown from the current shift."""
        strip = strips[line]
        if not self.columns or line not in strips.wide:
            return strip
        margin = self.view.margin
        segments = strips.wide[line].shifted(self.columns)
        return Strip([*strip.crop(0, margin), *segments], strip.cell_length)
