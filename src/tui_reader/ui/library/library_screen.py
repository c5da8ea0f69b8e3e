"""The library: the articles of a directory. `/` filters them, `s` changes their order, Enter
opens one.

The filter line takes the letters typed after `/` (so j, k, s, d, q and ? stay keys of the
list): the list narrows with every key (core.find.library_filter), Enter opens the article
under the cursor, ↑ ↓ move it, Tab goes back to the list keeping the filter, Escape clears it.
The columns are laid out for the terminal's width (ui.library.library_columns).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from tui_reader.core.article.dates import shown_date
from tui_reader.core.article.source import display_path
from tui_reader.core.catalog import t
from tui_reader.core.errors import ArticleError
from tui_reader.core.storage.library import ArticleInfo
from tui_reader.core.storage.library_order import ORDERS, next_order, sort_articles
from tui_reader.core.storage.paths import bundled_articles_dir
from tui_reader.core.storage.positions import PositionStore, article_key, progress_label
from tui_reader.ui.key_bar import KeyBar  # ? esc q never cut off
from tui_reader.ui.library.library_columns import BY_KEY, TITLE, layout
from tui_reader.ui.localized import localize_bindings
from tui_reader.ui.shell import shell

if TYPE_CHECKING:
    from rich.console import JustifyMethod
    from textual.timer import Timer

    from tui_reader.core.find.library_filter import LibraryFilter

# The rows follow the filter's query this long after the last key.
FILTER_DELAY = 0.06
# The column each order sorts by, and its arrow in that column's header.
ORDER_COLUMNS = {
    "date": ("library.col.date", "▼"),  # newest first
    "title": (TITLE, "▲"),  # A to Z
    "progress": ("library.col.progress", "▼"),  # furthest first
    "feed": ("library.col.feed", "▲"),
}


class LibraryScreen(Screen[None]):
    APP_KEYS: ClassVar[frozenset[str]] = frozenset({"show_drafts", "show_help", "quit"})
    # library_screen.tcss: loaded with the app's styles (ReaderApp.CSS_PATH).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
        # From the filter line (the list has its own): the cursor moves while typing.
        Binding("down", "cursor_down", show=False),
        Binding("up", "cursor_up", show=False),
        Binding("enter", "open", "keys.open"),
        Binding("F", "fetch", "keys.fetch"),  # "Fetch an article…" (the app's dialog)
        Binding("slash", "filter", "keys.filter", key_display="/"),
        Binding("s", "cycle_order", "keys.sort"),
        Binding("escape", "clear_filter", "keys.clear_filter"),
        # d, ? and q: ReaderApp.BINDINGS.
    ]

    def __init__(self, directory: Path, articles: list[ArticleInfo] | None, lang: str) -> None:
        super().__init__()
        self.directory = directory
        # None: an article was opened directly; the app lists the directory after first paint.
        self.articles: list[ArticleInfo] = articles or []
        self._listed = articles is not None
        self.lang = lang
        self._order = ORDERS[0]
        self._sorted: list[ArticleInfo] = []  # self.articles in self._order
        self._filter: LibraryFilter | None = None  # over self._sorted, built on first query
        self._query = ""
        self.shown: list[ArticleInfo] = []  # the rows, in their order
        self._widths: dict[str, int] = {}
        self._draft_cells: dict[str, Text] = {}
        # Each article's cells, made once: filtering refills the rows on every query.
        self._cell_cache: dict[Path, dict[str, Text]] = {}
        self._filter_timer: Timer | None = None
        localize_bindings(self, lang)

    def compose(self) -> ComposeResult:
        yield Static(
            Text(
                # A directory name may hold escape sequences: shown inert.
                t("library.title", self.lang, path=self._where()),
                no_wrap=True,
                overflow="ellipsis",
            ),
            id="library-header",
        )
        with Horizontal(id="library-filter"):
            yield Static(t("library.filter.label", self.lang), id="library-filter-label")
            yield Input(
                placeholder=t("library.filter.placeholder", self.lang),
                compact=True,
                id="library-query",
            )
            yield Static("", id="library-count")
        yield DataTable(id="library", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def _where(self) -> str:
        """The directory, as the header names it: the install path of the bundled articles
        means nothing to a reader."""
        if self.directory.resolve() == bundled_articles_dir().resolve():
            return t("library.bundled", self.lang)
        return display_path(self.directory)

    def action_fetch(self) -> None:
        shell(self).fetch_article()

    def on_mount(self) -> None:
        self._order = shell(self).settings.library_order
        self.query_one("#library-filter").display = False
        if self._listed:
            self._show_articles(self.articles)
        else:
            self.call_after_refresh(self._list_later)
        self.query_one(DataTable).focus()

    def _list_later(self) -> None:
        self._listed = True
        self._draft_cells = self._count_drafts()
        self._show_articles(shell(self).articles)

    # --- what the list shows ----------------------------------------------------------------

    @property
    def order(self) -> str:
        """The order of the list (core.storage.library_order.ORDERS)."""
        return self._order

    @property
    def filter_query(self) -> str:
        return self._query

    def reload(self) -> list[ArticleInfo]:
        """List the directory again (articles were added, a feed sync saved some), keeping
        the filter, the order and the article under the cursor. Returns the new list."""
        from tui_reader.core.storage.library import list_articles

        try:
            listing = list_articles(self.directory)
        except ArticleError as error:  # the folder is gone, or empty now: the list stays
            self.app.notify(t(error.key, self.lang, **error.params), severity="warning")
            return self.articles
        self._listed = True
        if not self.is_mounted:  # shown when it mounts
            self.articles = listing.articles
            return self.articles
        self._draft_cells = self._count_drafts()
        self._show_articles(listing.articles)
        return self.articles

    def _show_articles(self, articles: list[ArticleInfo]) -> None:
        keep = self._cursor_path()
        self.articles = articles
        self._cell_cache = {}
        self._sort()
        self._lay_out()
        self._fill(keep)

    def _sort(self) -> None:
        positions = shell(self).positions

        def progress(info: ArticleInfo) -> tuple[bool, float] | None:
            position = positions.get(article_key(info.path))
            return None if position is None else (position.finished, position.percent)

        self._sorted = sort_articles(self.articles, self._order, progress)
        self._filter = None

    def _matching(self) -> list[ArticleInfo]:
        if not self._query.strip():
            return self._sorted
        if self._filter is None:
            from tui_reader.core.find.library_filter import LibraryFilter

            self._filter = LibraryFilter(self._sorted)
        return [self._sorted[i] for i in self._filter.matching(self._query)]

    def _cursor_path(self) -> Path | None:
        if not self.is_mounted:
            return None
        row = self.query_one(DataTable).cursor_row
        return self.shown[row].path if 0 <= row < len(self.shown) else None

    def _fill(self, keep: Path | None = None) -> None:
        """The rows: the articles the filter keeps, in order; the cursor stays on `keep`."""
        table = self.query_one(DataTable)
        self.shown = self._matching()
        table.clear()
        for info in self.shown:
            cells = self._cells(info)
            table.add_row(*(cells[key] for key in self._widths), key=str(info.path))
        row = next((i for i, a in enumerate(self.shown) if a.path == keep), 0)
        if self.shown:
            table.move_cursor(row=row, animate=False)
        self._show_count()

    def _lay_out(self) -> None:
        """The columns, for this width and these articles (the filter does not change them)."""
        table = self.query_one(DataTable)
        order_column, arrow = ORDER_COLUMNS[self._order]
        wanted: dict[str, tuple[int, int]] = {}
        cells = [self._cells(info) for info in self.articles]
        for key in BY_KEY:
            if key == "library.col.feed" and not any(info.feed for info in self.articles):
                continue  # no article from a feed: no column of blanks
            header = cell_len(t(key, self.lang)) + (2 if key == order_column else 0)
            content = max((cell_len(c[key].plain) for c in cells), default=0)
            # "nouveau", "42 %": the progress is never cut.
            floor = content if key == "library.col.progress" else header
            wanted[key] = (max(header, content), floor)
        widths = layout(self.app.size.width, wanted)
        if widths == self._widths and table.columns:
            return
        self._widths = widths
        table.clear(columns=True)
        for key, width in widths.items():
            label = t(key, self.lang)
            if key == order_column:
                label = f"{label} {arrow}"
            elif key == TITLE and order_column not in widths:
                order = t(f"library.order.{self._order}", self.lang)
                label = t("library.sorted_by", self.lang, column=label, order=order)
                label = f"{label} {arrow}"
            numeric = key in BY_KEY and BY_KEY[key].numeric
            text = Text(label, no_wrap=True, overflow="ellipsis")
            text.justify = "right" if numeric else "left"
            table.add_column(text, key=key, width=width)

    def _cells(self, info: ArticleInfo) -> dict[str, Text]:
        cells = self._cell_cache.get(info.path)
        if cells is None:
            cells = self._cell_cache[info.path] = self._make_cells(info)
        elif len(cells) < len(BY_KEY) + 1:  # a column made again (progress, drafts)
            cells.update({k: v for k, v in self._make_cells(info).items() if k not in cells})
        return cells

    def _make_cells(self, info: ArticleInfo) -> dict[str, Text]:
        # Titles, authors, feeds and folders come from files: Text, never markup.
        return {
            TITLE: Text.assemble(
                (info.shown_path, "dim"), info.title, no_wrap=True, overflow="ellipsis"
            ),
            "library.col.feed": _cell(info.feed or ""),
            "library.col.byline": _cell(info.author or info.source_host or "", style="dim"),
            "library.col.date": _cell(shown_date(info.date), justify="right"),
            "library.col.lang": _cell(info.lang.upper()),
            "library.col.time": _cell(
                t("library.minutes", self.lang, minutes=info.reading_minutes), justify="right"
            ),
            "library.col.progress": progress_cell(shell(self).positions, info.path, self.lang),
            "library.col.drafts": self._draft_cells.get(str(info.path), Text("")),
        }

    def on_resize(self) -> None:
        if self._listed:
            keep = self._cursor_path()
            before = self._widths
            self._lay_out()
            if self._widths != before:
                self._fill(keep)

    def on_screen_resume(self) -> None:
        if not self._listed:
            return
        self.refresh_draft_counts()
        self.refresh_progress()

    def refresh_progress(self) -> None:
        """The progress column: reading positions change while an article is open. In the
        progress order, the rows move with them."""
        self._forget_cells("library.col.progress")
        if self._order == "progress":
            keep = self._cursor_path()
            self._sort()
            self._fill(keep)
            return
        self._update_column("library.col.progress")

    def refresh_draft_counts(self) -> None:
        """The drafts column: unsent drafts per article (comments written here, not sent)."""
        self._draft_cells = self._count_drafts()
        self._forget_cells("library.col.drafts")
        self._update_column("library.col.drafts")

    def _forget_cells(self, key: str) -> None:
        for cells in self._cell_cache.values():
            cells.pop(key, None)

    def _count_drafts(self) -> dict[str, Text]:
        from tui_reader.ui.comments.drafts_support import draft_count_cells

        return draft_count_cells(self.app, self.articles)

    def _update_column(self, key: str) -> None:
        if key not in self._widths:
            return  # not shown at this width
        table = self.query_one(DataTable)
        for info in self.shown:
            table.update_cell(str(info.path), key, self._cells(info)[key])

    # --- the filter line ----------------------------------------------------------------------

    def _show_count(self) -> None:
        total = t("library.filter.articles", self.lang, count=len(self.articles))
        count = t("library.filter.count", self.lang, shown=len(self.shown), articles=total)
        self.query_one("#library-count", Static).update(Text(count, no_wrap=True))

    def action_filter(self) -> None:
        """`/`: the filter line, ready for typing (again, to change the query)."""
        self.query_one("#library-filter").display = True
        self.query_one("#library-query", Input).focus()
        self.refresh_bindings()  # Escape now clears the filter

    @on(Input.Changed, "#library-query")
    def _query_changed(self, event: Input.Changed) -> None:
        # The rows follow a moment after the last key: a burst of keys refills them once.
        self._query = event.value
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(FILTER_DELAY, self.apply_filter)

    @property
    def filter_pending(self) -> bool:
        """Whether the rows are still to follow the query typed."""
        return self._filter_timer is not None

    def apply_filter(self) -> None:
        """The rows for the query typed, the best match first (Enter opens it)."""
        if self._filter_timer is not None:
            self._filter_timer.stop()
            self._filter_timer = None
        self._fill()

    @on(Input.Submitted, "#library-query")
    def _query_submitted(self, event: Input.Submitted) -> None:
        if self.filter_pending:  # Enter right after the query: it opens what the query keeps
            self.apply_filter()
        self.action_open()

    def action_clear_filter(self) -> None:
        """Escape: no filter, the whole list again, the cursor still on its article."""
        if self._filter_timer is not None:
            self._filter_timer.stop()
            self._filter_timer = None
        keep = self._cursor_path()
        query = self.query_one("#library-query", Input)
        with query.prevent(Input.Changed):
            query.value = ""
        self._query = ""
        self.query_one("#library-filter").display = False
        self.query_one(DataTable).focus()
        self.refresh_bindings()
        self._fill(keep)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            # Without a filter, Escape does what it did before (nothing, on the library).
            return self.is_mounted and bool(self.query_one("#library-filter").display)
        return True

    # --- keys -----------------------------------------------------------------------------------

    def action_cycle_order(self) -> None:
        """`s`: the next order (date, title, progress, feed), kept in the settings."""
        self._order = next_order(self._order)
        shell(self).remember_setting(library_order=self._order)
        keep = self._cursor_path()
        self._sort()
        self._widths = {}  # the headers change: the arrow moves
        self._lay_out()
        self._fill(keep)

    def action_drafts(self) -> None:
        """The palette's "drafts" command (`d` is ReaderApp's)."""
        shell(self).show_drafts()

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    def action_open(self) -> None:
        row = self.query_one(DataTable).cursor_row
        if 0 <= row < len(self.shown):
            shell(self).open_article(self.shown[row].path)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()


def _cell(text: str, *, style: str = "", justify: JustifyMethod = "left") -> Text:
    return Text(text, style=style, justify=justify, no_wrap=True, overflow="ellipsis")


def progress_cell(positions: PositionStore, path: Path, lang: str) -> Text:
    """The progress column: never opened "new", started "42 %", read to the end "✓"."""
    position = positions.get(article_key(path))
    label = progress_label(position)
    if label is None:
        return Text(t("library.unread", lang), style="bold", justify="right")
    if position is not None and position.finished:
        return Text(t("library.finished", lang), style="bold", justify="right")
    return Text(t("library.progress", lang, percent=label), justify="right")
