"""The library: the articles of a directory, Enter opens one."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui_reader.core.article.source import display_path
from tui_reader.core.catalog import t
from tui_reader.core.storage.library import ArticleInfo
from tui_reader.core.storage.paths import bundled_articles_dir
from tui_reader.core.storage.positions import PositionStore, article_key, progress_label
from tui_reader.ui.localized import localize_bindings
from tui_reader.ui.shell import shell

# (catalog key, width) of every column but the title, which gets the rest of the width.
FIXED_COLUMNS = (
    ("library.col.byline", 22),
    ("library.col.date", 10),
    ("library.col.lang", 6),
    ("library.col.time", 8),
    ("library.col.progress", 6),
    ("library.col.drafts", 10),
)
TITLE_MIN = 20


class LibraryScreen(Screen[None]):
    APP_KEYS: ClassVar[frozenset[str]] = frozenset({"show_drafts", "show_help", "quit"})
    CSS_PATH = "library_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
        Binding("enter", "open", "keys.open"),
        Binding("F", "fetch", "keys.fetch"),  # "Fetch an article…" (the app's dialog)
        # d, ? and q: ReaderApp.BINDINGS.
    ]

    def __init__(self, directory: Path, articles: list[ArticleInfo] | None, lang: str) -> None:
        super().__init__()
        self.directory = directory
        # None: an article was opened directly; the app lists the directory after first paint.
        self.articles: list[ArticleInfo] = articles or []
        self._listed = articles is not None
        self._title_columns = 0
        self.lang = lang
        localize_bindings(self, lang)

    def compose(self) -> ComposeResult:
        yield Static(
            Text(
                # A directory name may hold escape sequences: shown inert.
                t("library.title", self.lang, path=self._where()),
                no_wrap=True,
            ),
            id="library-header",
        )
        yield DataTable(id="library", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def _where(self) -> str:
        """The directory, as the header names it: the install path of the bundled articles
        means nothing to a reader."""
        if self.directory.resolve() == bundled_articles_dir().resolve():
            return t("library.bundled", self.lang)
        return display_path(self.directory)

    def action_fetch(self) -> None:
        shell(self).fetch_article()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self._add_columns(table)
        if self._listed:
            self._fill()
        else:
            self.call_after_refresh(self._list_later)
        table.focus()

    def _title_width(self, table: DataTable) -> int:
        others = sum(width + 2 * table.cell_padding for _, width in FIXED_COLUMNS)
        return max(TITLE_MIN, self.app.size.width - others - 2 * table.cell_padding - 2)

    def _add_columns(self, table: DataTable) -> None:
        # The title takes what the other columns leave: the table never scrolls sideways.
        self._title_columns = self._title_width(table)
        for key, width in (("library.col.title", self._title_columns), *FIXED_COLUMNS):
            table.add_column(t(key, self.lang), key=key, width=width)

    def on_resize(self) -> None:
        table = self.query_one(DataTable)
        if self._title_width(table) == self._title_columns:
            return
        row = table.cursor_row
        table.clear(columns=True)
        self._add_columns(table)
        if self._listed:
            self._fill()
            self.refresh_draft_counts()
            self.refresh_progress()
            table.move_cursor(row=row)

    def _list_later(self) -> None:
        self.articles = shell(self).articles
        self._listed = True
        self._fill()
        self.refresh_draft_counts()
        self.refresh_progress()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        for info in self.articles:
            table.add_row(*self._cells(info), key=str(info.path))

    def _cells(self, info: ArticleInfo) -> list[Text]:
        # Titles and authors come from files: Text, never markup.
        return [
            Text(info.title, overflow="ellipsis", no_wrap=True),
            Text(info.author or _host(info.source_url) or "", style="dim", overflow="ellipsis"),
            Text(info.date or ""),
            Text(info.lang.upper()),
            Text(t("library.minutes", self.lang, minutes=info.reading_minutes), justify="right"),
            progress_cell(shell(self).positions, info.path, self.lang),
            Text(""),  # drafts: filled in by refresh_draft_counts
        ]

    def reload(self) -> None:
        """List the directory again (new articles from a sync), the cursor kept on its row."""
        if not self._listed or not self.is_mounted:
            return
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        self._list_later()
        table.move_cursor(row=row)

    def on_screen_resume(self) -> None:
        self.refresh_draft_counts()
        self.refresh_progress()

    def refresh_progress(self) -> None:
        """The progress column: reading positions change while an article is open."""
        table = self.query_one(DataTable)
        for info in self.articles:
            cell = progress_cell(shell(self).positions, info.path, self.lang)
            table.update_cell(str(info.path), "library.col.progress", cell)

    def refresh_draft_counts(self) -> None:
        """The drafts column: unsent drafts per article (comments written here, not sent)."""
        from tui_reader.ui.comments.drafts_support import draft_count_cells

        table = self.query_one(DataTable)
        for key, cell in draft_count_cells(self.app, self.articles).items():
            table.update_cell(key, "library.col.drafts", cell)

    def action_drafts(self) -> None:
        """The palette's "drafts" command (`d` is ReaderApp's)."""
        shell(self).show_drafts()

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if self.articles:
            shell(self).open_article(self.articles[table.cursor_row].path)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()


def _host(url: str | None) -> str | None:
    if not url:
        return None
    return urlsplit(url).hostname or url


def progress_cell(positions: PositionStore, path: Path, lang: str) -> Text:
    """The progress column: unread "—", started "42 %", read to the end "✓"."""
    position = positions.get(article_key(path))
    label = progress_label(position)
    if label is None:
        return Text(t("library.unread", lang), style="dim", justify="right")
    if position is not None and position.finished:
        return Text(t("library.finished", lang), style="bold", justify="right")
    return Text(t("library.progress", lang, percent=label), justify="right")
