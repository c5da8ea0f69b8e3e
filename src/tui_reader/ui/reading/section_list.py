"""The sidebar: the article's table of contents, nested by heading level."""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui_reader.core.article.model import Section
from tui_reader.ui.startup import after_first_paint


def section_label(section: Section, lead_title: str, drafts: int = 0) -> str:
    """A contents entry: indented by level. A plain string (the list has markup off, since
    titles are article data): 20,000 Rich Texts would cost a visible pause at start-up."""
    indent = "  " * max(0, section.level - 1)
    badge = f" ✎{drafts}" if drafts else ""
    return f"{indent}{section.title or lead_title}{badge}"


def with_badge(strip: Strip, badge: str) -> Strip:
    """`strip` with `badge` written over its right end (keeping one cell of margin), in the
    line's own colours; a title cut by it ends with an ellipsis."""
    width = strip.cell_length
    size = len(badge) + 1
    if width <= size:
        return strip
    style = next((seg.style for seg in reversed(list(strip)) if seg.style), None) or Style()
    kept = strip.crop(0, width - size)
    if strip.crop(width - size, width).text.strip():
        kept = Strip.join([kept.crop(0, width - size - 1), Strip([Segment("…", style)], 1)])
    end = Strip([Segment(badge, style + Style(bold=True)), Segment(" ", style)], size)
    return Strip.join([kept, end])


class SectionList(OptionList):
    def __init__(
        self,
        sections: list[Section],
        lead_title: str,
        drafts: dict[str, int] | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self._sections = sections
        self._lead_title = lead_title
        self._matches: list[int] = [0] * len(sections)  # search matches per section
        self._draft_counts = dict(drafts or {})
        self._filled = False
        self._wanted = 0  # the entry to highlight once the list is filled
        self._tail: str | None = None  # an entry after the sections (the comments)
        super().__init__(id=id, classes=classes, markup=False)

    def on_mount(self) -> None:
        # 20,000 entries cost ~0.1 s: the article paints first, its contents a frame later.
        after_first_paint(self, self._fill)

    def _fill(self) -> None:
        counts = self._draft_counts
        self.add_options(
            Option(section_label(s, self._lead_title, counts.get(s.slug, 0)), id=str(s.index))
            for s in self._sections
        )
        if self._tail is not None:
            self.add_option(Option(self._tail, id="tail"))
        self._filled = True
        self.highlighted = self._wanted

    def set_tail_entry(self, label: str | None) -> None:
        """The entry after the sections ("Comments (12)": ui.reading.comments_part); None: none.
        Selecting it selects index len(sections), the first block after the article."""
        had = self._tail is not None
        self._tail = label
        if not self._filled:
            return
        if label is None and had:
            self.remove_option("tail")
        elif label is not None and had:
            self.replace_option_prompt("tail", label)
        elif label is not None:
            self.add_option(Option(label, id="tail"))

    def follow(self, index: int) -> None:
        """Highlight the entry of the section being read (kept until the list is filled); past
        the sections, the entry after them."""
        index = min(index, len(self._sections) - (self._tail is None))
        self._wanted = index
        if self._filled and self.highlighted != index:
            self.highlighted = index

    def _update_lines(self) -> None:
        """Every entry is one line (no wrap, no dividers): fill OptionList's line cache
        without measuring each prompt, which took seconds on a 20,000-section article."""
        if not self.scrollable_content_region:
            return
        cache = self._line_cache
        start, count = len(cache.lines), len(self.options)
        if start < count:
            for index in range(start, count):
                cache.index_to_line[index] = index
                cache.heights[index] = 1
            cache.lines.extend((index, 0) for index in range(start, count))
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        virtual_size = Size(width, len(cache.lines))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def set_draft_counts(self, drafts: dict[str, int]) -> None:
        """Refresh the draft badges without losing the highlighted entry."""
        # Only the entries whose count changed: re-measuring 20,000 prompts is slow.
        changed = {
            slug
            for slug in {*drafts, *self._draft_counts}
            if drafts.get(slug, 0) != self._draft_counts.get(slug, 0)
        }
        self._draft_counts = dict(drafts)
        if not changed or not self._filled:
            return  # an unfilled list takes its labels from _draft_counts
        highlighted = self.highlighted
        for s in self._sections:
            if s.slug in changed:
                self.replace_option_prompt_at_index(
                    s.index, section_label(s, self._lead_title, drafts.get(s.slug, 0))
                )
        self.highlighted = highlighted

    # --- search marks (ui.reading.search_and_links) -------------------------------------

    def set_match_counts(self, counts: Sequence[int] | None) -> None:
        """Mark the sections that contain search matches with "•N"; None clears the marks.

        The marks are painted over the served lines (`render_line`), not put in the prompts:
        changing 20,000 prompts would make the list measure every entry again."""
        self._matches = list(counts) if counts is not None else [0] * len(self._sections)
        self.refresh()

    def match_count(self, index: int) -> int:
        return self._matches[index]

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            index, line_in_option = self._lines[self.scroll_offset.y + y]
        except IndexError:
            return strip
        count = self._matches[index] if index < len(self._matches) else 0
        if not count or line_in_option:
            return strip
        return with_badge(strip, f" •{count}")
