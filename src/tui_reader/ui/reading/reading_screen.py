"""The reading screen: contents sidebar, article pane, header with metadata, footer."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.console import Group
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import Resize
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.worker import get_current_worker

from tui_reader.core.article.dates import shown_date
from tui_reader.core.article.identity import drafts_key
from tui_reader.core.article.model import Article, count_words_in_pieces
from tui_reader.core.catalog import t
from tui_reader.core.storage.settings import (
    DEFAULT_READING_WIDTH,
    READING_WIDTH_MAX,
    READING_WIDTH_MIN,
    Settings,
)
from tui_reader.ui.commands.lazy import section_commands
from tui_reader.ui.localized import localize_bindings
from tui_reader.ui.reading.article_header import Details, header_with_details
from tui_reader.ui.reading.article_view import ArticleView
from tui_reader.ui.reading.comments_part import THREAD_BINDINGS, ThreadPart
from tui_reader.ui.reading.position_keeper import PositionKeeper
from tui_reader.ui.reading.search_and_links import SEARCH_BINDINGS, SearchAndLinks
from tui_reader.ui.reading.search_bar import SearchBar
from tui_reader.ui.reading.section_list import SectionList
from tui_reader.ui.reading.sidebar_width import sidebar_columns
from tui_reader.ui.shell import shell
from tui_reader.ui.startup import DeferredMount, after_first_paint

if TYPE_CHECKING:
    from textual.app import App
    from textual.command import Provider

# Below this many columns the sidebar starts hidden; `t` still shows it.
NARROW = 80
# Columns added or removed by `+` / `-`.
WIDTH_STEP = 4


# Counting the words of a longer article waits until after the first paint.
COUNT_LATER = 1_000_000


def header_text(article: Article, lang: str, *, count_words: bool = True) -> Group:
    rest = [article.lang.upper()] if article.lang else []
    if count_words:
        rest.append(t("reading.minutes", lang, minutes=article.reading_minutes))
    if article.comments_open:
        rest.append(t("reading.comments_open", lang))
    date = shown_date(article.date)
    details = Details(article.author or "", article.source_url or "", date, rest)
    return header_with_details(article.title, details)  # fitted to the width


class ReadingScreen(Screen[None]):
    # d, ?, Escape and q: ReaderApp.BINDINGS.
    APP_KEYS: ClassVar[frozenset[str]] = frozenset({"show_drafts", "show_help", "back", "quit"})
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,right_square_bracket", "next_section", "keys.next_section"),
        Binding("p,left_square_bracket", "previous_section", "keys.previous_section"),
        Binding("t", "toggle_sidebar", "keys.toggle_sidebar"),
        *SEARCH_BINDINGS,  # / > < l (search_and_links)
        Binding("plus,equals_sign", "wider", "keys.wider", show=False, key_display="+"),
        Binding("minus", "narrower", "keys.narrower", show=False, key_display="-"),
        Binding("c", "comment", "keys.comment"),
        *THREAD_BINDINGS,  # r R (comments_part)
        # The jump list (ArticleView.go_back): here so that it works from the contents too.
        Binding("backspace,alt+left", "jump_back", "keys.jump_back", show=False),
        Binding("alt+right", "jump_forward", "keys.jump_forward", show=False),
        Binding("S", "send_comments", "keys.send_comments", show=False),
    ]
    # ctrl+p: jump to a section by title
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {section_commands}

    # `t` or the setting (None: follow the terminal width); whether it is hidden now.
    sidebar_wanted: var[bool | None] = var(None)
    sidebar_hidden: var[bool] = var(False, toggle_class="-no-sidebar")

    def __init__(self, article: Article, lang: str) -> None:
        super().__init__()
        self.article = article
        self.lang = lang
        self._when_shown: list[Callable[[], object]] = []
        self._counted_drafts = False
        self.search_bar = SearchBar(lang, id="search-bar")
        self.sidebar = SectionList(
            article.sections, t("reading.lead", article.lang), id="sidebar", classes="sidebar"
        )
        self.finder = SearchAndLinks(  # the search and the links (search_and_links)
            self,
            lang=lang,
            view=lambda: self.view,
            search_bar=self.search_bar,
            sidebar=self.sidebar,
            mount_bars=self.mount_bars,
        )
        # The comment thread after the article, read after the first paint (comments_part).
        self.thread = ThreadPart(
            self, article, lang=lang, view=lambda: self.view, sidebar=self.sidebar
        )
        # The search bar and the footer: after the first paint, or as soon as "/" asks.
        self._bars = DeferredMount(self, self._make_bars, after="#body")
        localize_bindings(self, lang)

    def compose(self) -> ComposeResult:
        counted = len(self.article.body) < COUNT_LATER
        yield Static(header_text(self.article, self.lang, count_words=counted), id="article-header")
        with Horizontal(id="body"):
            # The contents list is mounted after the first paint (styling an OptionList costs
            # a few milliseconds); until then a plain widget of the same look holds its place.
            yield Widget(id="sidebar-placeholder", classes="sidebar")
            yield ArticleView(
                self.article, max_width=self.settings.reading_width, lang=self.lang, id="article"
            )
        # The search bar and the footer are mounted after the first paint (mount_bars).

    def on_mount(self) -> None:
        settings = self.settings
        self.sidebar_wanted = settings.sidebar_visible
        self._size_sidebar(self.size.width)
        self.keeper = PositionKeeper(self, self.view, self.article, shell(self).positions)
        self.keeper.start()
        self.view.focus()
        self.sidebar.follow(0)
        after_first_paint(self, self._mount_sidebar)
        after_first_paint(self, self.mount_bars)
        after_first_paint(self, self.thread.load)
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

    async def mount_bars(self) -> bool:
        """Mount the search bar and the footer now if not yet done (False: screen left)."""
        mounted = await self._bars.ensure()
        if mounted:
            self.refresh_bindings()  # the footer shows the keys when told they changed
        return mounted

    def _make_bars(self) -> list[Widget]:
        from tui_reader.ui.key_bar import KeyBar  # imported after the first paint too

        return [self.search_bar, KeyBar()]

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

    def _size_sidebar(self, terminal: int) -> None:
        columns = sidebar_columns(self.settings.sidebar_width, terminal, self.article.sections)
        for sidebar in (self.sidebar, *self.query("#sidebar-placeholder")):
            sidebar.styles.width = columns

    def _apply_sidebar(self, width: int) -> None:
        self._size_sidebar(width)
        shown = self.sidebar_wanted if self.sidebar_wanted is not None else width >= NARROW
        self.sidebar_hidden = not shown
        if not shown and self.focused is self.sidebar:
            self.view.focus()

    def action_toggle_sidebar(self) -> None:
        self.sidebar_wanted = self.sidebar_hidden
        self._apply_sidebar(self.size.width)

    @on(OptionList.OptionSelected, "#sidebar")
    def _jump_from_sidebar(self, event: OptionList.OptionSelected) -> None:
        self.view.jump_to(event.option_index, remember=True)

    @on(ArticleView.SectionChanged)
    def _follow_reading(self, event: ArticleView.SectionChanged) -> None:
        self.sidebar.follow(event.index)

    @on(ArticleView.LinkFollowed)
    def _open_link(self, event: ArticleView.LinkFollowed) -> None:
        # Never a text browser in this terminal: a graphical one when there is one, else the
        # URL is copied and shown (SearchAndLinks.open_external).
        self.finder.open_external(event.href)

    # --- search and links: the keys and the bar's messages go to the finder ----------------

    async def action_search(self) -> None:
        await self.finder.open_bar()

    def action_next_match(self) -> None:
        self.finder.next_match()

    def action_previous_match(self) -> None:
        self.finder.previous_match()

    def action_links(self) -> None:
        self.finder.list_links()

    def on_search_bar_edited(self, event: SearchBar.Edited) -> None:
        self.finder.edited(event)

    def on_search_bar_submitted(self, event: SearchBar.Submitted) -> None:
        self.finder.submitted(event)

    def on_search_bar_step(self, event: SearchBar.Step) -> None:
        self.finder.stepped(event)

    def on_search_bar_scope_toggled(self, event: SearchBar.ScopeToggled) -> None:
        self.finder.scope_toggled(event)

    def on_search_bar_closed(self, event: SearchBar.Closed) -> None:
        self.finder.closed(event)

    def escape_search(self) -> bool:
        """Escape: close the search bar, else clear the highlights; False when neither."""
        return self.finder.escape_search()

    # --- actions ------------------------------------------------------------------------

    def action_next_section(self) -> None:
        self.view.next_section()

    def action_previous_section(self) -> None:
        self.view.previous_section()

    def action_jump_back(self) -> None:
        if not self.view.go_back():
            self.notify(t("reading.no_jump_back", self.lang), timeout=2)

    def action_jump_forward(self) -> None:
        if not self.view.go_forward():
            self.notify(t("reading.no_jump_forward", self.lang), timeout=2)

    def action_back(self) -> None:
        """Escape (ReaderApp.action_back) and the palette's "back to the library"."""
        if self.escape_search():  # close the search bar, then clear the highlights
            return
        self.save_position()
        shell(self).back_to_library()

    def go_to_slug(self, slug: str) -> None:
        """Bring section `slug` to the top, now or once the view is laid out."""
        self.view.when_laid_out(lambda: self.view.jump_to_slug(slug, remember=False))

    # --- settings, reading position, reading width (issue 5) ------------------------------

    @property
    def settings(self) -> Settings:
        return shell(self).settings

    def save_position(self) -> None:
        if self.is_mounted:  # the keeper is made on mount
            self.keeper.flush()

    def on_unmount(self) -> None:
        self.save_position()

    def jump_to_section(self, index: int) -> None:
        """Bring section `index` to the top (the palette's section commands)."""
        self.view.jump_to(index, remember=True)
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
        # Widening up to the terminal's edge: it is the terminal that stops the text, so the
        # setting goes back to at least the default (after `-` then `+`s, 88, not 84).
        saved = max(width, DEFAULT_READING_WIDTH) if step > 0 and width >= available else width
        if width == current:
            key = "reading.width_full" if step > 0 else "reading.width_min"
            self.notify(t(key, self.lang, width=width), timeout=2)
            if step > 0 and self.settings.reading_width < saved:
                view.max_width = min(saved, READING_WIDTH_MAX)
                shell(self).remember_setting(reading_width=min(saved, READING_WIDTH_MAX))
            return
        view.set_max_width(saved)
        self.notify(t("reading.width", self.lang, width=width), timeout=2)
        shell(self).remember_setting(reading_width=min(saved, READING_WIDTH_MAX))

    # --- comments: the app opens the composer and the drafts screen ----------------------

    def when_shown(self, callback: Callable[[], object]) -> None:
        """Run `callback` once this screen has been shown (after its first paint)."""
        self._when_shown.append(callback)

    def on_screen_resume(self) -> None:
        # After the paint: the drafts store and the composer can wait a frame.
        after_first_paint(self, self._resumed)

    def _resumed(self) -> None:
        if not self.is_attached:  # replaced (palette, drafts screen) before the frame
            return
        if not self._counted_drafts:
            self.refresh_draft_counts()
        callbacks, self._when_shown = self._when_shown, []
        for callback in callbacks:
            callback()

    def refresh_draft_counts(self) -> None:
        """The sidebar's "✎N" per section (after a composer or the drafts screen closed)."""
        self._counted_drafts = True
        store = shell(self).drafts
        counts = store.count_by_section(drafts_key(self.article))
        shell(self).report(store.take_problems())
        self.sidebar.set_draft_counts(counts)

    def top_paragraph(self) -> str:
        """The paragraph at the top of the view, as plain text ("" when none): what the
        composer quotes."""
        from tui_reader.core.comments.quote import paragraph_at

        index, lines = self.view.top_lines()
        if not self.article.sections:
            return ""
        return paragraph_at(self.article.sections[index].source, lines)

    def action_comment(self) -> None:
        shell(self).compose_comment(self.article)

    def holds_keys(self) -> bool:
        """Keys wait while the comment thread is read (ui.key_queue): a fast `G r` must
        reply to the last comment, not find no thread yet."""
        return self.thread.reading

    def action_reply(self) -> None:
        self.thread.reply()

    def action_refresh_comments(self) -> None:
        self.thread.refresh()

    def action_send_comments(self) -> None:
        """`S` and the palette: send this article's ready comments (the app's outbox)."""
        from tui_reader.ui.comments.outbox_runner import outbox

        outbox(self.app).send_article(self.article)

    def action_drafts(self) -> None:
        """The palette's "drafts" command (`d` is ReaderApp's)."""
        shell(self).show_drafts(self.article)
