"""Remembering where the reader is in an article: restored on open, saved as they read.

The reading screen owns one keeper. It restores the saved position once the article pane has a
width (before that no line exists), then records the position whenever the pane scrolls and
writes it about a second after the scrolling stops, and again when the article is left or the
app quits (`flush`). Writes go through core.storage.positions (atomic, merged with the disk).
"""

from __future__ import annotations

from time import monotonic

from textual.screen import Screen

from tui_reader.core.article.model import Article
from tui_reader.core.messages import Msg
from tui_reader.core.storage.positions import (
    Position,
    PositionStore,
    article_key,
    capture,
    line_for_percent,
    line_in_section,
)
from tui_reader.ui.reading.article_view import ArticleView
from tui_reader.ui.shell import shell

# Seconds without scrolling before the position is written.
DEBOUNCE = 1.0
# How often the keeper looks whether it is time to write.
TICK = 0.25


class PositionKeeper:
    def __init__(
        self, screen: Screen[None], view: ArticleView, article: Article, store: PositionStore
    ) -> None:
        self.screen = screen
        self.view = view
        self.article = article
        self.store = store
        self.key = article_key(article.path, article.text_hash)
        self.restored = False
        self._saved: Position | None = None  # what the store holds for this article
        self._latest: Position | None = None  # the position now, not yet written
        self._changed_at = 0.0
        self._end_seen = False
        self._error_shown = False

    # --- start and restore --------------------------------------------------------------

    def start(self) -> None:
        self.screen.watch(self.view, "scroll_y", self._scrolled, init=False)
        self.screen.set_interval(TICK, self._tick)
        self.view.when_laid_out(self._restore)

    def _restore(self) -> None:
        if self.restored:
            return
        view = self.view
        saved = self.store.get(self.key)
        self._saved = saved
        if saved is not None and self.article.sections:
            section = self.article.section_by_slug(saved.slug)
            if section is not None:
                view.jump_to(section.index)
                start = view.section_offset(section.index)
                height = view.section_offset(section.index + 1) - start
                y = start + line_in_section(saved, height)
            else:
                # The section is gone (renamed, removed): the same fraction of the article.
                # Heights far from the view are estimates that rendering corrects, so settle
                # the target in a few rounds.
                y = line_for_percent(saved.percent, self._total())
                for _ in range(3):
                    view.jump_to(view.section_at(y))
                    settled = line_for_percent(saved.percent, self._total())
                    if settled == y:
                        break
                    y = settled
            # force: right after the first layout the scrollbars are not computed yet, and
            # without them Textual refuses to scroll.
            view.scroll_to(y=y, animate=False, immediate=True, force=True)
        self.restored = True
        self._latest = self.capture()

    # --- recording ----------------------------------------------------------------------

    def _total(self) -> int:
        return self.view.section_offset(len(self.article.sections))

    def capture(self) -> Position | None:
        """The position the pane shows now (None before its first layout)."""
        view, sections = self.view, self.article.sections
        if not view.text_width or not sections:
            return None
        top = round(view.scroll_y)
        index = view.section_at(top)
        start = view.section_offset(index)
        lines = view.section_offset(index + 1) - start
        total = self._total()
        end_visible = top + max(1, view.scrollable_content_region.height) >= total
        self._end_seen |= end_visible
        return capture(
            slug=sections[index].slug,
            line=min(top - start, max(0, lines - 1)),  # in the comments: the article's end
            lines=lines,
            top=top,
            total=total,
            end_visible=self._end_seen,
            previous=self._saved,
        )

    def _scrolled(self, _value: float) -> None:
        if not self.restored:
            return
        self._latest = self.capture() or self._latest
        self._changed_at = monotonic()

    def _tick(self) -> None:
        if self._changed_at and monotonic() - self._changed_at >= DEBOUNCE:
            self._changed_at = 0.0
            self._write(self._latest)

    def flush(self) -> None:
        """Write the position now (leaving the article, quitting)."""
        if not self.restored:
            return
        self._changed_at = 0.0
        if self.view.is_attached:
            self._latest = self.capture() or self._latest
        self._write(self._latest)

    def _write(self, position: Position | None) -> None:
        if position is None:
            return
        if self._saved is not None and _same_place(self._saved, position):
            return
        result = self.store.save(self.key, position)
        lang = shell(self.screen).lang
        if result.problem is not None:
            shell(self.screen).report([result.problem])
        if result.ok:
            self._saved = position
        elif not self._error_shown:
            # Once per article: a full disk must not turn every scroll into a notification.
            self._error_shown = True
            self.screen.app.notify(
                (result.error or Msg("positions.error.io", {"reason": "?"})).text(lang),
                severity="error",
                timeout=10,
            )


def _same_place(a: Position, b: Position) -> bool:
    return (a.slug, a.line, a.lines, a.percent, a.finished) == (
        b.slug,
        b.line,
        b.lines,
        b.percent,
        b.finished,
    )
