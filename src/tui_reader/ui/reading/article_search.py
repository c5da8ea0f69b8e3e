"""The active search of an ArticleView: its matches, the current one, and the highlights.

Matches are counted in the sections' Markdown (core.find.search), which is fast on huge articles;
what the reader never sees (link addresses) is blanked out first. On screen, a match is found
again in the text of the section's rendered lines with the same regex: the current match is the
section's n-th rendered match, and every served line has its matches restyled. A match split by
a line wrap is counted but not highlighted.
"""

from __future__ import annotations

from collections import OrderedDict
from itertools import accumulate
from typing import TYPE_CHECKING, Protocol

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tui_reader.core.find.search import Hit, Matches, Query

if TYPE_CHECKING:
    from textual.geometry import Region

    from tui_reader.core.article.model import Article
    from tui_reader.ui.reading.wide_view import SectionStrips, WideShift

MATCH = "article-view--match"
CURRENT = "article-view--match-current"
# Sections whose rendered match positions are remembered.
LOCATED_SECTIONS = 64

Mark = tuple[int, int, Style]


class SearchedView(Protocol):
    """What a search needs of the view it highlights (ArticleView, which holds the search)."""

    article: Article
    scroll_y: float

    @property
    def current_section(self) -> int: ...

    @property
    def scrollable_content_region(self) -> Region: ...

    def _strips(self, index: int) -> SectionStrips: ...

    def section_at(self, y: int) -> int: ...

    def section_offset(self, index: int) -> int: ...

    def jump_to(self, index: int) -> None: ...

    def show_line(self, index: int, line: int) -> None: ...

    def remember_jump(self) -> None: ...

    @property
    def wide(self) -> WideShift: ...

    def refresh(self) -> object: ...

    def get_component_rich_style(self, name: str) -> Style: ...


def highlight(strip: Strip, marks: list[Mark]) -> Strip:
    """`strip` with each (start, end, style) character span restyled on top of its own style."""
    text = strip.text
    if len(text) == strip.cell_length:
        cells = [(a, b, style) for a, b, style in marks]
    else:  # wide characters: a character index is not a cell index
        edge = [0, *accumulate(cell_len(char) for char in text)]
        cells = [(edge[a], edge[b], style) for a, b, style in marks]
    cuts = sorted({c for a, b, _ in cells for c in (a, b)} | {strip.cell_length})
    out: list[Segment] = []
    pos = i = 0
    for piece in strip.divide(cuts):
        end = pos + piece.cell_length
        while i < len(cells) and cells[i][1] <= pos:
            i += 1
        if i < len(cells) and cells[i][0] <= pos and end <= cells[i][1] and end > pos:
            out.extend(Segment.apply_style(piece, post_style=cells[i][2]))
        else:
            out.extend(piece)
        pos = end
    return Strip(out, strip.cell_length)


class ArticleSearch:
    """One query over one view; `scope` limits it to a section."""

    def __init__(
        self, view: SearchedView, query: Query, scope: int | None, matches: Matches | None = None
    ) -> None:
        self.view = view
        self.query = query
        self.scope = scope
        # `matches`: counted already (while the query was typed).
        self.matches = matches or view.article.search_index.matches(query, scope)
        self.current: Hit | None = None
        self._located: OrderedDict[int, tuple[list[Strip], list[tuple[int, int, int]]]] = (
            OrderedDict()
        )

    # --- state --------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self.matches.total

    @property
    def rank(self) -> int:
        """1-based rank of the current match, 0 before the first jump."""
        return self.matches.rank(self.current) if self.current is not None else 0

    @property
    def counts(self) -> list[int]:
        return self.matches.counts

    def located(self, section: int) -> list[tuple[int, int, int]]:
        """The matches in the rendered lines of `section`: (line, start, end) in line text."""
        strips = self.view._strips(section)
        cached = self._located.get(section)
        if cached is not None and cached[0] is strips:
            self._located.move_to_end(section)
            return cached[1]
        # A wide code line or table row is searched whole, not only the part on screen.
        full = self.view.wide.full_text
        found = [
            (line, start, end)
            for line, strip in enumerate(strips)
            for start, end in self.query.spans(
                full(strips, line) if line in strips.wide else strip.text
            )
        ]
        self._located[section] = (strips, found)
        if len(self._located) > LOCATED_SECTIONS:
            self._located.popitem(last=False)
        return found

    def current_location(self) -> tuple[int, int, int, int] | None:
        """(section, line, start, end) of the current match on screen, if it is rendered."""
        hit = self.current
        if hit is None:
            return None
        found = self.located(hit.section)
        if not found:
            return None
        line, start, end = found[min(hit.ordinal, len(found) - 1)]
        return hit.section, line, start, end

    # --- moving -------------------------------------------------------------------------

    def first(self) -> Hit | None:
        """Jump to the first match at or after the top of the view (wrapping around)."""
        self.view.remember_jump()  # the search's first jump: Back returns here
        self.current = self._from_view(forward=True)
        self._reveal()
        return self.current

    def step(self, forward: bool) -> Hit | None:
        """Next or previous match: from the current one while it is on screen, else from
        the top of the view (the reader scrolled away since)."""
        if not self.total:
            return None
        if self.current is None:  # counted while typed: this is the search's first jump
            self.view.remember_jump()
        if self.current is not None and self._current_on_screen():
            hit = self.current
            self.current = self.matches.next(hit) if forward else self.matches.previous(hit)
        else:
            self.current = self._from_view(forward)
        self._reveal()
        return self.current

    def _from_view(self, forward: bool) -> Hit | None:
        view = self.view
        top = round(view.scroll_y)
        section = view.section_at(top)
        line = top - view.section_offset(section)
        # Matches on lines above the top of the view come before the reading position.
        before = sum(1 for found in self.located(section) if found[0] < line)
        source = self.matches.sources[section]
        in_source = self.query.spans(source)
        offset = in_source[before][0] if before < len(in_source) else len(source) + 1
        if forward:
            return self.matches.first_from(section, offset)
        return self.matches.last_before(section, offset)

    def _current_on_screen(self) -> bool:
        location = self.current_location()
        view = self.view
        if location is None:
            return self.current is not None and view.current_section == self.current.section
        section, line, _, _ = location
        y = view.section_offset(section) + line
        top = round(view.scroll_y)
        return top <= y < top + view.scrollable_content_region.height

    def _reveal(self) -> None:
        if self.current is None:
            return
        location = self.current_location()
        if location is None:
            self.view.jump_to(self.current.section)
        else:
            self.view.show_line(location[0], location[1])
            strips = self.view._strips(location[0])
            self.view.wide.reveal(strips, location[1], location[2], location[3])
        self.view.refresh()

    # --- painting -----------------------------------------------------------------------

    def decorate(self, strip: Strip, section: int, line: int) -> Strip:
        """A served line with its matches highlighted, the current one distinct."""
        if self.scope is not None and section != self.scope:
            return strip
        found = self.query.spans(strip.text)
        if not found:
            return strip
        view = self.view
        style = view.get_component_rich_style(MATCH)
        current: tuple[int, int] | None = None
        if self.current is not None and self.current.section == section:
            location = self.current_location()
            if location is not None and location[1] == line:
                strips = view._strips(section)
                current = view.wide.served(strips, line, location[2], location[3])
        current_style = view.get_component_rich_style(CURRENT) if current else style
        marks = [(a, b, current_style if (a, b) == current else style) for a, b in found]
        return highlight(strip, marks)
