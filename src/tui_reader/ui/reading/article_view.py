"""The article pane: a Line API view that stays fast on multi-megabyte articles.

Textual's Markdown widget mounts one widget per block and freezes on big documents, so this pane
renders each section with Rich on demand and serves cached Strips from `render_line`. Sections not
rendered yet have an estimated height; the visible ones are rendered before a paint and a thread
worker renders the neighbourhood in the background. Heights are kept when the Strips of a section
are evicted from the LRU, so memory stays bounded on huge articles.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import partial
from itertools import accumulate
from typing import TYPE_CHECKING, ClassVar, Protocol

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual import work
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from tui_reader.core.article.model import Article, Section
from tui_reader.core.render.markdown import estimate_height, is_external, render_lines
from tui_reader.ui.startup import after_first_paint, first_paint_done

if TYPE_CHECKING:
    from textual.app import App

    from tui_reader.ui.reading.article_search import ArticleSearch

# Rendered lines kept in memory across sections; a line costs roughly 1 KB.
LINE_BUDGET = 60_000
# How many sections around the view the background worker renders ahead of need.
NEIGHBOURHOOD = 400
# How often the background worker hands its renders to the UI thread.
BATCH_SECONDS = 0.1


CURRENT_PART = "article-view--part-current"


class Part(Protocol):
    """A block shown after the article (a comment of its thread: ui.reading.comments_part),
    rendered lazily like a section but not one of the article's sections."""

    @property
    def source(self) -> str: ...  # what its height is estimated from

    def render(self, console: Console, width: int, lang: str) -> list[list[Segment]]: ...


class ArticleView(ScrollView, can_focus=True):
    # Search matches (ui.reading.article_search): all of them, and the current one.
    # The first line of the part at the top of the view (the current comment) too.
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--match",
        "article-view--match-current",
        "article-view--part-current",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", show=False),
        Binding("k", "scroll_up", show=False),
        Binding("space", "page_down", show=False),
        Binding("b", "page_up", show=False),
        Binding("g", "scroll_home", show=False),
        Binding("G", "scroll_end", show=False),
    ]

    class SectionChanged(Message):
        """The section at the top of the view changed (scrolling or a jump)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class LinkFollowed(Message):
        """An external link was activated; the screen decides how to open it."""

        def __init__(self, href: str) -> None:
            super().__init__()
            self.href = href

    def __init__(
        self,
        article: Article,
        *,
        max_width: int = 88,
        lang: str = "en",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article = article
        self.max_width = max_width
        self.lang = lang  # the interface language, for notices drawn in the text
        # The article's sections, then the parts after it (append_parts): "blocks" below.
        self._sections: list[Section | Part] = list(article.sections)
        self._article_count = len(article.sections)
        self._width = 0  # column count the cached lines were rendered for (0: not yet)
        self._margin = 0
        self._heights: list[int] = []
        self._exact: list[bool] = []
        self._offsets: list[int] = [0]
        self._lines: OrderedDict[int, list[Strip]] = OrderedDict()
        self._line_count = 0
        self._current = 0
        self._line_style: Style | None = None
        self.search: ArticleSearch | None = None  # highlights of the active search, if any
        self._on_laid_out: list[Callable[[], object]] = []  # when_laid_out

    # --- geometry -----------------------------------------------------------------------

    @property
    def current_section(self) -> int:
        """The article's section at the top of the view (the last one while in the parts)."""
        return max(0, min(self._current, self._article_count - 1))

    @property
    def current_part(self) -> int | None:
        """The index (in append_parts order) of the part at the top of the view, if any."""
        index = self._current - self._article_count
        return index if index >= 0 else None

    @property
    def text_width(self) -> int:
        return self._width

    @property
    def available_width(self) -> int:
        """Columns the pane offers the text (what `max_width` is capped to)."""
        return self.scrollable_content_region.width or self.size.width

    def set_max_width(self, width: int) -> None:
        """Change the maximum text width and lay out again, keeping the reading position."""
        self.max_width = max(10, width)
        if self._width:
            self._relayout()

    def section_offset(self, index: int) -> int:
        return self._offsets[index]

    def section_at(self, y: int) -> int:
        """Index of the article's section holding virtual line `y` (the last one below it)."""
        return max(0, min(self._article_count - 1, self._block_at(y)))

    def _block_at(self, y: int) -> int:
        return max(0, min(len(self._sections) - 1, bisect_right(self._offsets, y) - 1))

    def append_parts(self, parts: Sequence[Part]) -> None:
        """Show `parts` after the article (replacing those shown before), rendered on demand.
        Nothing above them moves: the reader's place stays."""
        # A new list: renders of the old parts still in the background are dropped (_adopt).
        self._sections = [*self._sections[: self._article_count], *parts]
        for index in [i for i in self._lines if i >= self._article_count]:
            self._line_count -= len(self._lines.pop(index))
        if not self._width:
            return  # laid out with the article
        del self._heights[self._article_count :], self._exact[self._article_count :]
        self._heights += [estimate_height(p.source, self._width) for p in parts]
        self._exact += [False] * len(parts)
        self._recompute_offsets()
        self._ensure_visible(round(self.scroll_y))
        self.refresh()
        self._render_background(self._block_at(round(self.scroll_y)))

    def part_offset(self, index: int) -> int:
        return self._offsets[self._article_count + index]

    def jump_to_part(self, index: int) -> None:
        self.jump_to(self._article_count + index)

    def top_lines(self, limit: int = 40) -> tuple[int, list[str]]:
        """The section at the top of the view and the text of its rendered lines from the top
        line down (at most `limit`): what the composer's quote action looks for."""
        if not self._width or not self._sections:
            return 0, []
        top = round(self.scroll_y)
        index = self._block_at(top)
        if index >= self._article_count:
            return self._article_count - 1, []
        start = top - self._offsets[index]
        return index, [strip.text.strip() for strip in self._strips(index)[start : start + limit]]

    def _layout_width(self) -> tuple[int, int]:
        avail = self.scrollable_content_region.width or self.size.width
        width = max(10, min(avail, self.max_width))
        return width, max(0, (avail - width) // 2)

    def _recompute_offsets(self) -> None:
        self._offsets = [0, *accumulate(self._heights)]
        total = self._offsets[-1]
        # Room after the last section so that any section can be brought to the top.
        last = self._heights[-1] if self._heights else 0
        pad = max(0, self.scrollable_content_region.height - last)
        self.virtual_size = Size(self._width + self._margin, total + pad)

    def when_laid_out(self, callback: Callable[[], object]) -> None:
        """Run `callback` as soon as the view knows its width (now if it does): before the
        first frame is drawn, so that what it scrolls to is what the reader first sees."""
        if self._width:
            callback()
        else:
            self._on_laid_out.append(callback)

    def _relayout(self) -> None:
        """(Re)compute estimates for a new width, keeping the reading position."""
        width, margin = self._layout_width()
        if width == self._width and margin == self._margin:
            if self._width:  # taller or shorter: the room left after the last section follows
                self._recompute_offsets()
            return
        anchor, within = self._anchor()
        self._width, self._margin = width, margin
        self._lines.clear()
        self._line_count = 0
        self._heights = [estimate_height(s.source, width) for s in self._sections]
        self._exact = [False] * len(self._sections)
        self._recompute_offsets()
        self._ensure_rendered_around(anchor, self._offsets[anchor])
        target = self._offsets[anchor] + min(within, self._heights[anchor] - 1)
        self._ensure_visible(target)
        self.scroll_to(y=target, animate=False, immediate=True)
        self.refresh()
        # After the paint: the visible part must not wait for the background.
        after_first_paint(self, partial(self._render_background, anchor))
        callbacks, self._on_laid_out = self._on_laid_out, []
        for callback in callbacks:
            callback()

    def _anchor(self) -> tuple[int, int]:
        """The section at the top of the view and the line within it."""
        if not self._heights:
            return 0, 0
        y = round(self.scroll_y)
        index = self._block_at(y)
        return index, y - self._offsets[index]

    # --- rendering ----------------------------------------------------------------------

    def _render_section(
        self, index: int, width: int, margin: int, app: App[object] | None = None
    ) -> list[Strip]:
        # `app` from a background thread: there `self.app` walks up the DOM, which a widget
        # that has been removed no longer has (NoActiveAppError).
        app = app or self.app
        block = self._sections[index]
        if isinstance(block, Section):
            lines = render_lines(block.source, app.console, width, lang=self.lang)
        else:
            lines = block.render(app.console, width, self.lang)
        pad = [Segment(" " * margin)] if margin else []
        return [Strip([*pad, *line], width + margin) for line in lines]

    def _store(self, index: int, strips: list[Strip]) -> int:
        """Cache a section's lines; return how much its height changed."""
        if index in self._lines:
            return 0
        self._lines[index] = strips
        self._line_count += len(strips)
        while self._line_count > LINE_BUDGET and len(self._lines) > 1:
            _, evicted = self._lines.popitem(last=False)
            self._line_count -= len(evicted)
        delta = len(strips) - self._heights[index]
        self._heights[index] = len(strips)
        self._exact[index] = True
        return delta

    def _strips(self, index: int) -> list[Strip]:
        strips = self._lines.get(index)
        if strips is None:
            strips = self._render_section(index, self._width, self._margin)
            if self._store(index, strips):
                self._recompute_offsets()
        else:
            self._lines.move_to_end(index)
        return strips

    def _ensure_rendered_around(self, index: int, top: int) -> None:
        """Render from `index` downwards until the screen below `top` is covered."""
        bottom = top + max(self.scrollable_content_region.height, 1)
        i = index
        while i < len(self._sections) and self._offsets[i] < bottom:
            if i not in self._lines:
                strips = self._render_section(i, self._width, self._margin)
                if self._store(i, strips):
                    self._recompute_offsets()  # the sections below moved
            i += 1

    def _ensure_visible(self, top: int) -> None:
        if self._sections and self._width:
            self._ensure_rendered_around(self._block_at(top), top)

    def render_lines(self, crop: Region) -> list[Strip]:
        # `rich_style` walks the DOM; compute it once per paint, not once per line.
        self._line_style = self.rich_style
        if not self._width and self.size.width:
            # The first frame: lay out now rather than wait a frame for the Resize event.
            self._relayout()
        if self._width:
            first_paint_done(self)  # the article's first screen is in this frame
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        style = self._line_style or self.rich_style
        width = self.scrollable_content_region.width
        if not self._width or not self._sections:
            return Strip.blank(width, style)
        virtual_y = round(self.scroll_y) + y
        index = self._block_at(virtual_y)
        strips = self._strips(index)
        line_no = virtual_y - self._offsets[index]
        if not 0 <= line_no < len(strips):
            return Strip.blank(width, style)
        strip = strips[line_no].crop_extend(0, width, style)
        if index >= self._article_count:
            if index == self._current and line_no == 0:  # the current comment's first line
                strip = strip.apply_style(self.get_component_rich_style(CURRENT_PART))
        elif self.search is not None:
            strip = self.search.decorate(strip, index, line_no)
        return strip.apply_style(style).apply_offsets(0, virtual_y)

    def _render_background(self, around: int) -> None:
        """Render sections near `around` so heights become exact before they are needed
        (in a thread; started here, on the UI thread, where the app is known)."""
        if self.is_attached:  # not when the screen was left before the paint
            self._render_in_thread(around, self.app)

    @work(thread=True, exclusive=True, group="article-render")
    def _render_in_thread(self, around: int, app: App[object]) -> None:
        worker = get_current_worker()
        width, margin, sections = self._width, self._margin, self._sections
        n = len(sections)
        order = [*range(around, min(n, around + NEIGHBOURHOOD)), *range(around - 1, -1, -1)]
        if n <= NEIGHBOURHOOD * 2:
            # Small enough to render whole: every height becomes exact.
            order += range(around + NEIGHBOURHOOD, n)
        else:
            order = order[:NEIGHBOURHOOD]
        batch: list[tuple[int, list[Strip]]] = []
        sent = time.monotonic()
        for index in order:
            if worker.is_cancelled or width != self._width or sections is not self._sections:
                return
            if self._exact[index] and index in self._lines:
                continue
            batch.append((index, self._render_section(index, width, margin, app)))
            # Hand results over in batches: one relayout per batch, not one per section.
            if time.monotonic() - sent > BATCH_SECONDS:
                if worker.is_cancelled:
                    return
                app.call_from_thread(self._adopt, batch, width, sections)
                batch, sent = [], time.monotonic()
            time.sleep(0)  # let the UI thread take the GIL between sections
        if batch and not worker.is_cancelled:
            app.call_from_thread(self._adopt, batch, width, sections)

    def _adopt(
        self, batch: list[tuple[int, list[Strip]]], width: int, sections: object = None
    ) -> None:
        """Take background renders, keeping the view still if sections above it changed."""
        if width != self._width or not self.is_attached:  # resized, or the screen was left
            return
        if sections is not None and sections is not self._sections:  # other parts since
            return
        top = round(self.scroll_y)
        shift = 0
        changed = False
        for index, strips in batch:
            if index in self._lines:
                continue
            above = self._offsets[index + 1] <= top
            delta = self._store(index, strips)
            changed |= bool(delta)
            if above:
                shift += delta
        if not changed:
            return
        self._recompute_offsets()
        if shift:
            self.scroll_to(y=top + shift, animate=False, immediate=True)
            self.refresh()

    # --- events and actions -------------------------------------------------------------

    def on_resize(self) -> None:
        self._relayout()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        if self._width:
            self._ensure_visible(round(new_value))
            index = self._block_at(round(new_value))
            if index != self._current:
                if index >= self._article_count or self._current >= self._article_count:
                    self.refresh()  # the current part's highlight moved
                self._current = index
                self.post_message(self.SectionChanged(index))
        super().watch_scroll_y(old_value, new_value)

    # Paging and the ends are instant: an animated scroll over a long article renders every
    # section it passes, and a reader expects a pager's jump, not a glide.
    def action_page_down(self) -> None:
        self._scroll_instantly(round(self.scroll_y) + self.scrollable_content_region.height)

    def action_page_up(self) -> None:
        self._scroll_instantly(round(self.scroll_y) - self.scrollable_content_region.height)

    def action_scroll_home(self) -> None:
        self._scroll_instantly(0)

    def action_scroll_end(self) -> None:
        if not self._sections:
            return
        # Render the last screenful first so the end's exact height is known.
        last = len(self._sections) - 1
        bottom = self._offsets[-1]
        i = last
        while i > 0 and bottom - self._offsets[i] < self.scrollable_content_region.height:
            i -= 1
        self._ensure_rendered_around(i, self._offsets[i])
        self._scroll_instantly(self.max_scroll_y)

    def _scroll_instantly(self, y: int) -> None:
        self.scroll_to(y=max(0, min(y, self.max_scroll_y)), animate=False, immediate=True)
        self.refresh()
        self._render_background(self._block_at(round(self.scroll_y)))

    def jump_to(self, index: int) -> None:
        """Bring section `index` to the top of the view."""
        if not self._sections:
            return
        index = max(0, min(index, len(self._sections) - 1))
        self._ensure_rendered_around(index, self._offsets[index])
        self.scroll_to(y=self._offsets[index], animate=False, immediate=True)
        self.refresh()
        self._render_background(index)

    def jump_to_slug(self, slug: str) -> bool:
        section = self.article.section_by_slug(slug)
        if section is None:
            return False
        self.jump_to(section.index)
        return True

    def show_line(self, index: int, line: int) -> None:
        """Scroll so that rendered line `line` of section `index` is on screen: unchanged if it
        already is, else a third of the way down the view (some context above it)."""
        if not self._sections or not self._width:
            return
        height = max(self.scrollable_content_region.height, 1)
        shown = top = round(self.scroll_y)
        self._strips(index)
        # Rendering the sections above the target makes their heights exact: settle offsets.
        for _ in range(4):
            y = self._offsets[index] + line
            if top <= y < top + height:
                if top == shown:
                    return  # already on screen: the view does not move
                break  # the new top still shows it once the offsets settled
            top = max(0, y - height // 3)
            self._ensure_visible(top)
            if self._offsets[index] + line == y:
                break
        self.scroll_to(y=top, animate=False, immediate=True)
        self.refresh()
        self._render_background(index)

    def next_section(self) -> None:
        self.jump_to(self._current + 1)

    def previous_section(self) -> None:
        # Like `[` in an editor: back to the start of this section first, then the one before.
        top = round(self.scroll_y)
        self.jump_to(self._current if top > self._offsets[self._current] else self._current - 1)

    def action_follow_link(self, href: str) -> None:
        if href.startswith("#"):
            self.jump_to_slug(href[1:])
        elif is_external(href):
            self.post_message(self.LinkFollowed(href))
