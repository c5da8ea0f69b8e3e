"""The reading screen: contents sidebar, article pane, header with metadata, footer."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from tui_reader.core.article import Article
from tui_reader.core.catalog import t
from tui_reader.ui.localized import localize_bindings
from tui_reader.ui.widgets.article_view import ArticleView
from tui_reader.ui.widgets.section_list import SectionList

# Below this many columns the sidebar starts hidden; `t` still shows it.
NARROW = 80


def header_text(article: Article, lang: str) -> Text:
    text = Text(article.title, style="bold", overflow="ellipsis", no_wrap=True)
    meta = [
        m
        for m in (article.author, article.source_url, article.date, article.lang.upper())
        if m
    ]
    meta.append(t("reading.minutes", lang, minutes=article.reading_minutes))
    if article.comments_open:
        meta.append(t("reading.comments_open", lang))
    text.append("\n")
    text.append(" · ".join(meta), style="dim")
    return text


class ReadingScreen(Screen[None]):
    CSS_PATH = "reading_screen.tcss"
    BINDINGS = [
        Binding("n,right_square_bracket", "next_section", "keys.next_section"),
        Binding("p,left_square_bracket", "previous_section", "keys.previous_section"),
        Binding("t", "toggle_sidebar", "keys.toggle_sidebar"),
        Binding("question_mark", "help", "keys.help", key_display="?"),
        Binding("escape", "back", "keys.back"),
        Binding("q", "app.quit", "keys.quit"),
    ]

    def __init__(self, article: Article, lang: str) -> None:
        super().__init__()
        self.article = article
        self.lang = lang
        self._sidebar_wanted: bool | None = None  # None: follow the terminal width
        localize_bindings(self, lang)

    def compose(self) -> ComposeResult:
        yield Static(header_text(self.article, self.lang), id="article-header")
        with Horizontal(id="body"):
            yield SectionList(
                self.article.sections, t("reading.lead", self.article.lang), id="sidebar"
            )
            yield ArticleView(self.article, id="article")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ArticleView).focus()
        self.query_one(SectionList).highlighted = 0

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    # --- sidebar ------------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._apply_sidebar(event.size.width)

    def _apply_sidebar(self, width: int) -> None:
        shown = self._sidebar_wanted if self._sidebar_wanted is not None else width >= NARROW
        self.set_class(not shown, "-no-sidebar")
        if not shown and self.focused is self.query_one(SectionList):
            self.view.focus()

    def action_toggle_sidebar(self) -> None:
        self._sidebar_wanted = self.has_class("-no-sidebar")
        self._apply_sidebar(self.size.width)

    @on(OptionList.OptionSelected, "#sidebar")
    def _jump_from_sidebar(self, event: OptionList.OptionSelected) -> None:
        self.view.jump_to(event.option_index)

    @on(ArticleView.SectionChanged)
    def _follow_reading(self, event: ArticleView.SectionChanged) -> None:
        sidebar = self.query_one(SectionList)
        if sidebar.highlighted != event.index:
            sidebar.highlighted = event.index

    @on(ArticleView.LinkFollowed)
    def _open_link(self, event: ArticleView.LinkFollowed) -> None:
        # Never launch a browser blindly: on a headless box webbrowser picks a text browser
        # that would take over this terminal. Show the URL and put it on the clipboard.
        self.app.copy_to_clipboard(event.href)
        self.notify(t("reading.link_shown", self.lang, url=event.href))

    # --- actions ------------------------------------------------------------------------

    def action_next_section(self) -> None:
        self.view.next_section()

    def action_previous_section(self) -> None:
        self.view.previous_section()

    def action_help(self) -> None:
        from tui_reader.ui.screens.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(self.lang))

    def action_back(self) -> None:
        self.dismiss()
