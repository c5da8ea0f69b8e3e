"""The sidebar: the article's table of contents, nested by heading level."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui_reader.core.article import Section


def section_label(section: Section, lead_title: str, drafts: int = 0) -> Text:
    """A contents entry: indented by level; titles are article data, so never markup."""
    indent = "  " * max(0, section.level - 1)
    label = Text(indent + (section.title or lead_title), overflow="ellipsis", no_wrap=True)
    if section.level == 0:
        label.stylize("italic")
    if drafts:
        label.append(f" ✎{drafts}", style="bold")
    return label


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
        counts = drafts or {}
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
        for s in self._sections:
            self.replace_option_prompt_at_index(
                s.index, section_label(s, self._lead_title, drafts.get(s.slug, 0))
            )
        self.highlighted = highlighted
