"""The sidebar: the article's table of contents, nested by heading level."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui_reader.core.article import Section


def section_label(
    section: Section, lead_title: str, drafts: int = 0, matches: int = 0
) -> Text | Table:
    """A contents entry: indented by level; titles are article data, so never markup.
    With search matches, their count is kept visible at the right of a cut title."""
    indent = "  " * max(0, section.level - 1)
    label = Text(indent + (section.title or lead_title), overflow="ellipsis", no_wrap=True)
    if section.level == 0:
        label.stylize("italic")
    if drafts:
        label.append(f" ✎{drafts}", style="bold")
    if not matches:
        return label
    grid = Table.grid(expand=True)
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(no_wrap=True, justify="right")
    grid.add_row(label, Text(f" •{matches}", style="bold"))
    return grid


class SectionList(OptionList):
    def __init__(
        self,
        sections: list[Section],
        lead_title: str,
        drafts: dict[str, int] | None = None,
        *,
        id: str | None = None,
    ) -> None:
        self._sections = sections
        self._lead_title = lead_title
        self._drafts = drafts or {}
        self._matches: list[int] = [0] * len(sections)
        counts = self._drafts
        super().__init__(
            *(
                Option(section_label(s, lead_title, counts.get(s.slug, 0)), id=str(s.index))
                for s in sections
            ),
            id=id,
        )

    def set_draft_counts(self, drafts: dict[str, int]) -> None:
        """Refresh the draft badges without losing the highlighted entry."""
        highlighted = self.highlighted
        self._drafts = drafts
        for s in self._sections:
            self.replace_option_prompt_at_index(
                s.index,
                section_label(s, self._lead_title, drafts.get(s.slug, 0), self._matches[s.index]),
            )
        self.highlighted = highlighted

    def set_match_counts(self, counts: Sequence[int] | None) -> None:
        """Mark the sections that contain search matches ("•N"); None clears the marks.
        Only the entries whose count changed are redrawn (a search can span 20,000 sections)."""
        new = list(counts) if counts is not None else [0] * len(self._sections)
        highlighted = self.highlighted
        for s in self._sections:
            if new[s.index] != self._matches[s.index]:
                self._matches[s.index] = new[s.index]
                self.replace_option_prompt_at_index(
                    s.index,
                    section_label(s, self._lead_title, self._drafts.get(s.slug, 0), new[s.index]),
                )
        self.highlighted = highlighted

    def match_count(self, index: int) -> int:
        return self._matches[index]
