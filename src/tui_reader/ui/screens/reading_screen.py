"""The reading screen: contents sidebar, article pane, header with metadata, footer."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import Resize
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.worker import get_current_worker

from tui_reader.core.article import Article, count_words_in_pieces
from tui_reader.core.catalog import t
from tui_reader.core.settings import (
    DEFAULT_READING_WIDTH,
    READING_WIDTH_MAX,
    READING_WIDTH_MIN,
    Settings,
)
from tui_reader.ui.commands.lazy import section_commands
from tui_reader.ui.first_paint import after_first_paint
from tui_reader.ui.localized import localize_bindings
from tui_reader.ui.position_keeper import PositionKeeper
from tui_reader.ui.screens.search_and_links import SEARCH_BINDINGS, SearchAndLinks
from tui_reader.ui.widgets.article_view import ArticleView
from tui_reader.ui.widgets.search_bar import SearchBar
from tui_reader.ui.widgets.section_list import SectionList

if TYPE_CHECKING:
    from textual.app import App
    from textual.command import Provider
    from textual.widget import AwaitMount

# Below this many columns the sidebar starts hidden; `t` still shows it.
NARROW = 80
# Columns added or removed by `+` / `-`.
WIDTH_STEP = 4


# Counting the words of a longer article waits until after the first paint.
COUNT_LATER = 1_000_000


def header_text(article: Article, lang: str, *, count_words: bool = True) -> Text:
    text = Text(article.title, style="bold", overflow="ellipsis", no_wrap=True)
    meta = [
        m for m in (article.author, article.source_url, article.date, article.lang.upper()) if m
    ]
    if count_words:
        meta.append(t("reading.minutes", lang, minutes=article.reading_minutes))
    if article.comments_open:
        meta.append(t("reading.comments_open", lang))
    text.append("\n")
    text.append(" · ".join(meta), style="dim")
    return text


class ReadingScreen(SearchAndLinks, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,right_square_bracket", "next_section", "keys.next_section"),
        Binding("p,left_square_bracket", "previous_section", "keys.previous_section"),
        Binding("t", "toggle_sidebar", "keys.toggle_sidebar"),
        *SEARCH_BINDINGS,  # / > < l (search_and_links)
        Binding("plus,equals_sign", "wider", "keys.wider", show=False, key_display="+"),
        Binding("minus", "narrower", "keys.narrower", show=False, key_display="-"),
        Binding("c", "comment", "keys.comment"),
        Binding("d", "drafts", "keys.drafts"),
        Binding("question_mark", "help", "keys.help", key_display="?"),
        Binding("escape", "back", "keys.back"),
        Binding("q", "app.quit", "keys.quit"),
    ]
    COMMANDS: ClassVar[set[Callable[[], type[Provider]]]] = {
        section_commands
    }  # ctrl+p: jump to a section by title

    def __init__(self, article: Article, lang: str) -> None:
        super().__init__()
        self.article = article
        self.lang = lang
        self._sidebar_wanted: bool | None = None  # None: follow the terminal width
        self.pending_composer: object | None = None  # set by the drafts screen (composer_screen)
        self.search_bar = SearchBar(lang, id="search-bar")
        self.sidebar = SectionList(
            article.sections, t("reading.lead", article.lang), id="sidebar", classes="sidebar"
        )
        self._bars: AwaitMount | None = None
        localize_bindings(self, lang)

    def compose(self) -> ComposeResult:
        counted = len(self.article.body) < COUNT_LATER
        yield Static(header_text(self.article, self.lang, count_words=counted), id="article-header")
        with Horizontal(id="body"):
            # The contents list is mounted after the first paint (styling an OptionList costs
            # a few milliseconds); until then a plain widget of the same look holds its place.
            yield Widget(id="sidebar-placeholder", classes="sidebar")
            yield ArticleView(self.article, max_width=self.settings.reading_width, id="article")
        # The search bar and the footer are mounted after the first paint (mount_bars).

    def on_mount(self) -> None:
        settings = self.settings
        self._sidebar_wanted = settings.sidebar_visible
        self.sidebar.styles.width = settings.sidebar_width
        self.query_one("#sidebar-placeholder").styles.width = settings.sidebar_width
        self.keeper = PositionKeeper(self, self.query_one(ArticleView), self.article)
        self.keeper.start()
        self.query_one(ArticleView).focus()
        self.sidebar.follow(0)
        after_first_paint(self, self._mount_sidebar)
        after_first_paint(self, self.mount_bars)
        if len(self.article.body) >= COUNT_LATER:
            after_first_paint(self, self._count_words)

    async def _mount_sidebar(self) -> None:
        if not self.is_attached:  # left before the first paint
            return
        placeholder = self.query_one("#sidebar-placeholder")
        body = self.query_one("#body")
        async with body.batch():  # one frame: the text must not widen, then narrow again
            await placeholder.remove()
            await body.mount(self.sidebar, before=self.view)

    async def mount_bars(self) -> None:
        """Mount the search bar and the footer (once): after the first paint, or as soon as
        the search is asked for."""
        if self._bars is not None:
            await self._bars
            return
        if not self.is_attached:  # left before the first paint
            return
        from textual.widgets import Footer  # imported after the first paint too

        self._bars = self.mount(self.search_bar, Footer(), after="#body")
        await self._bars
        self.refresh_bindings()  # the footer shows the keys when told they changed

    def _count_words(self) -> None:
        if self.is_attached:  # the thread is given the app: there `self.app` may be gone
            self._count_words_in_thread(self.app)

    @work(thread=True, exclusive=True, group="word-count")
    def _count_words_in_thread(self, app: App[object]) -> None:
        worker = get_current_worker()
        total = 0
        for count in count_words_in_pieces(self.article.body):
            if worker.is_cancelled:  # the screen was left
                return
            total += count
            time.sleep(0)  # let the UI thread run between pieces
        self.article.word_count = total  # the cached property, computed in pieces
        if not worker.is_cancelled:
            app.call_from_thread(self._show_word_count)

    def _show_word_count(self) -> None:
        # Nothing to update when the screen was left while counting (its widgets are gone).
        for header in self.query("#article-header").results(Static):
            header.update(header_text(self.article, self.lang))

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    # --- sidebar ------------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._apply_sidebar(event.size.width)

    def _apply_sidebar(self, width: int) -> None:
        shown = self._sidebar_wanted if self._sidebar_wanted is not None else width >= NARROW
        self.set_class(not shown, "-no-sidebar")
        if not shown and self.focused is self.sidebar:
            self.view.focus()

    def action_toggle_sidebar(self) -> None:
        self._sidebar_wanted = self.has_class("-no-sidebar")
        self._apply_sidebar(self.size.width)

    @on(OptionList.OptionSelected, "#sidebar")
    def _jump_from_sidebar(self, event: OptionList.OptionSelected) -> None:
        self.view.jump_to(event.option_index)

    @on(ArticleView.SectionChanged)
    def _follow_reading(self, event: ArticleView.SectionChanged) -> None:
        self.sidebar.follow(event.index)

    @on(ArticleView.LinkFollowed)
    def _open_link(self, event: ArticleView.LinkFollowed) -> None:
        # Never a text browser in this terminal: a graphical one when there is one, else the
        # URL is copied and shown (search_and_links.open_external).
        self.open_external(event.href)

    # --- actions ------------------------------------------------------------------------

    def action_next_section(self) -> None:
        self.view.next_section()

    def action_previous_section(self) -> None:
        self.view.previous_section()

    def action_help(self) -> None:
        from tui_reader.ui.screens.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(self.lang))

    def action_back(self) -> None:
        if self.escape_search():  # close the search bar, then clear the highlights
            return
        self.save_position()
        self.app.back_to_library()  # type: ignore[attr-defined]

    # --- settings, reading position, reading width (issue 5) ------------------------------

    @property
    def settings(self) -> Settings:
        settings = getattr(self.app, "settings", None)
        return settings if isinstance(settings, Settings) else Settings()

    def save_position(self) -> None:
        keeper = getattr(self, "keeper", None)
        if keeper is not None:
            keeper.flush()

    def on_unmount(self) -> None:
        self.save_position()

    def jump_to_section(self, index: int) -> None:
        """Bring section `index` to the top (the palette's section commands)."""
        self.view.jump_to(index)
        self.view.focus()

    def action_wider(self) -> None:
        self._change_width(+WIDTH_STEP)

    def action_narrower(self) -> None:
        self._change_width(-WIDTH_STEP)

    def _change_width(self, step: int) -> None:
        view = self.view
        available = max(READING_WIDTH_MIN, view.available_width)
        current = min(view.max_width, available)
        width = max(READING_WIDTH_MIN, min(available, current + step))
        remember = getattr(self.app, "remember_setting", None)
        # Widening up to the terminal's edge: it is the terminal that stops the text, so the
        # setting goes back to at least the default (after `-` then `+`s, 88, not 84).
        saved = max(width, DEFAULT_READING_WIDTH) if step > 0 and width >= available else width
        if width == current:
            key = "reading.width_full" if step > 0 else "reading.width_min"
            self.notify(t(key, self.lang, width=width), timeout=2)
            if step > 0 and remember is not None and self.settings.reading_width < saved:
                view.max_width = min(saved, READING_WIDTH_MAX)
                remember(reading_width=min(saved, READING_WIDTH_MAX))
            return
        view.set_max_width(saved)
        self.notify(t("reading.width", self.lang, width=width), timeout=2)
        if remember is not None:
            remember(reading_width=min(saved, READING_WIDTH_MAX))

    # --- comments (composer_screen, drafts_screen) ---------------------------------------

    def on_screen_resume(self) -> None:
        # After the paint: the composer module is heavy and the counts can wait a frame.
        after_first_paint(self, self._resumed)

    def _resumed(self) -> None:
        if not self.is_attached:  # replaced (palette, drafts screen) before the frame
            return
        from tui_reader.ui.screens.composer_screen import reading_resumed

        reading_resumed(self)  # sidebar draft counts, a composer asked for by the drafts screen

    def action_comment(self) -> None:
        from tui_reader.ui.screens.composer_screen import open_composer

        open_composer(self)

    def action_drafts(self) -> None:
        from tui_reader.ui.screens.drafts_screen import DraftsScreen

        self.app.push_screen(DraftsScreen(self.lang, self.article))
