"""The library screen (issues 11 and 15): type-to-filter, orders, subfolders, the feed column,
the "new" mark, and columns that fit the terminal, through Pilot."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from tests.hardening.terminal_checks import screen_text
from tests.ui.keys import press
from tui_reader.core.storage.paths import config_dir
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.library.library_screen import LibraryScreen
from tui_reader.ui.reading.reading_screen import ReadingScreen

TITLE = "library.col.title"
ARTICLES = {
    "cafe.md": "---\ntitle: Le café des électriciens\nauthor: Zoé Martin\ndate: 2026-03-02\n"
    "feed: Le Blog du Rail\n---\nUn texte.\n",
    "night.md": "---\ntitle: Night trains are back\nauthor: Ann Lee\ndate: 2026-05-01\n---\n"
    "Words.\n",
    "nuit.md": "---\ntitle: Le retour des trains de nuit\ndate: 2025-12-24\n"
    "source: https://rail.example.org/nuit/\nfeed: Le Blog du Rail\n---\nDes mots.\n",
    "alpha.md": "# Alpha, an undated note\n\nText.\n",
    "sub/deeper.md": "---\ntitle: Deep in a folder\ndate: 2024-01-01\n---\nText.\n",
}


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    directory = tmp_path / "shelf"
    for name, text in ARTICLES.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return directory


def titles(app: ReaderApp) -> list[str]:
    """The title cells on screen, top to bottom (the folder included)."""
    table = app.screen.query_one(DataTable)
    return [str(table.get_cell(row, TITLE)) for row in table.rows]


def column(app: ReaderApp, key: str) -> dict[str, str]:
    table = app.screen.query_one(DataTable)
    return {str(table.get_cell(row, TITLE)): str(table.get_cell(row, key)) for row in table.rows}


def headers(app: ReaderApp) -> list[str]:
    return [str(c.label) for c in app.screen.query_one(DataTable).columns.values()]


def lines(app: ReaderApp) -> list[str]:
    """The composited screen, one string per row."""
    return screen_text(app).splitlines()


def filter_line(app: ReaderApp) -> str:
    """The row under the header: the filter line while it is shown."""
    return lines(app)[1]


async def until(pilot: Pilot, done: Callable[[], bool], what: str) -> None:
    """Wait for `done`, up to a deadline (the filter follows the keys a moment later)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 10
    while not done():
        assert loop.time() < deadline, f"still waiting for {what}"
        await pilot.pause(0.02)


async def typed(pilot: Pilot, *keys: str) -> None:
    """Keys typed into the filter line, then the rows updated."""
    await press(pilot, *keys)
    screen = pilot.app.screen
    assert isinstance(screen, LibraryScreen)
    await until(pilot, lambda: not screen.filter_pending, "the filter")
    await pilot.pause()


async def test_typed_query_narrows_the_list_and_counts(make_app, shelf: Path) -> None:
    app = make_app(shelf)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert len(titles(app)) == 5
        assert not app.screen.query_one("#library-filter").display
        await typed(pilot, "slash", *"ELECTRICIEN")  # case and accents ignored
        assert titles(app) == ["Le café des électriciens"]
        line = filter_line(app)
        assert "Filter:" in line and "ELECTRICIEN" in line and "1 of 5 articles" in line
        await typed(pilot, *["backspace"] * 10, *"rail")  # "E" + "rail"
        assert app.screen.query_one(Input).value == "Erail"
        assert titles(app) == []
        assert "0 of 5 articles" in filter_line(app)
        await typed(pilot, "ctrl+u", *"nuit trains")  # every word, any order
        assert titles(app) == ["Le retour des trains de nuit"]
        await typed(pilot, "ctrl+u", *"blog du rail")  # the feed
        assert titles(app) == ["Le café des électriciens", "Le retour des trains de nuit"]
        assert "2 of 5 articles" in filter_line(app)


async def test_letters_go_to_the_query_not_to_the_library_keys(make_app, shelf: Path) -> None:
    app = make_app(shelf)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await typed(pilot, "slash", *"dsqjkT?")
        # Still the library, same order and theme, nothing opened: the letters are the query.
        assert isinstance(app.screen, LibraryScreen) and app.is_running
        assert app.screen.query_one(Input).value == "dsqjkT?"
        assert app.screen.order == "date"


async def test_escape_clears_the_filter_and_a_second_one_does_what_it_did(
    make_app, shelf: Path
) -> None:
    app = make_app(shelf)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        everything = titles(app)
        await typed(pilot, "slash", *"trains")
        assert len(titles(app)) == 2
        await press(pilot, "tab")  # to the list: the filter stays, the letters are keys
        assert app.screen.query_one(DataTable).has_focus
        assert len(titles(app)) == 2 and "trains" in filter_line(app)
        await press(pilot, "escape")
        assert titles(app) == everything
        assert not app.screen.query_one("#library-filter").display
        assert app.screen.query_one(DataTable).has_focus
        await press(pilot, "escape")  # as before: the library stays
        assert isinstance(app.screen, LibraryScreen) and titles(app) == everything
        await typed(pilot, "slash", *"deep")  # `/` again starts afresh
        assert titles(app) == ["sub/Deep in a folder"]
        await press(pilot, "escape")
        assert titles(app) == everything


async def test_enter_opens_the_article_the_filter_kept(make_app, shelf: Path) -> None:
    app = make_app(shelf)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await typed(pilot, "slash", *"trains")
        assert titles(app) == ["Night trains are back", "Le retour des trains de nuit"]
        await press(pilot, "down")  # the cursor moves from the filter line
        await press(pilot, "enter")
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article.path == shelf / "nuit.md"
        await press(pilot, "escape")  # back: the filter and the cursor are as they were
        assert isinstance(app.screen, LibraryScreen)
        assert titles(app) == ["Night trains are back", "Le retour des trains de nuit"]
        assert app.screen.query_one(DataTable).cursor_row == 1


async def test_s_cycles_the_orders_shown_in_the_header_and_kept(make_app, shelf: Path) -> None:
    app = make_app(shelf)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert titles(app) == [
            "Night trains are back",  # newest first
            "Le café des électriciens",
            "Le retour des trains de nuit",
            "sub/Deep in a folder",
            "Alpha, an undated note",
        ]
        assert "Date ▼" in headers(app)
        await press(pilot, "s")
        assert "Title ▲" in headers(app) and "Date" in headers(app)
        assert titles(app) == [
            "Alpha, an undated note",
            "sub/Deep in a folder",
            "Le café des électriciens",  # "le cafe" < "le retour", accents ignored
            "Le retour des trains de nuit",
            "Night trains are back",
        ]
        settings = config_dir() / "settings.toml"
        await until(
            pilot,
            lambda: settings.exists() and 'library_order = "title"' in settings.read_text(),
            "the order in settings.toml",
        )
        await press(pilot, "s")
        assert "Read ▼" in headers(app)
        await press(pilot, "s")
        assert "Feed ▲" in headers(app)
        assert titles(app)[:2] == ["Le café des électriciens", "Le retour des trains de nuit"]
        await press(pilot, "q")
    assert 'library_order = "feed"' in settings.read_text()

    again = make_app(shelf)  # the next start keeps the order
    async with again.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert again.screen.order == "feed" and "Feed ▲" in headers(again)


async def test_folder_feed_and_new_mark(make_app, shelf: Path) -> None:
    app = make_app(shelf, "fr")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert "sub/Deep in a folder" in titles(app)
        feeds = column(app, "library.col.feed")
        assert feeds["Le café des électriciens"] == "Le Blog du Rail"
        assert feeds["Night trains are back"] == ""
        assert "Flux" in headers(app)
        assert set(column(app, "library.col.progress").values()) == {"nouveau"}
        app.open_article(shelf / "night.md")
        await pilot.pause()
        await press(pilot, "escape")
        marks = column(app, "library.col.progress")
        assert marks["Night trains are back"] != "nouveau"  # opened once: not new any more
        assert marks["Le café des électriciens"] == "nouveau"
        await typed(pilot, "slash", *"rail")
        assert "2 sur 5 articles" in filter_line(app)  # French, and its plural
        await typed(pilot, "ctrl+u", *"deep")
        assert "1 sur 5 articles" in filter_line(app)


def numbered_shelf(directory: Path, count: int) -> Path:
    for i in range(count):
        folder = directory / ("feeds/rail" if i % 3 else "")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"a{i:03d}.md").write_text(
            f"---\ntitle: A rather long title for the article number {i} of the library\n"
            f"author: Someone With A Long Name {i}\ndate: 2026-01-{1 + i % 28:02d}\n"
            f"feed: {'The Feed With A Long Name' if i % 3 else ''}\n---\n" + "word " * i,
            encoding="utf-8",
        )
    return directory


@pytest.mark.parametrize("width", [80, 160])
async def test_300_articles_never_scroll_sideways(make_app, tmp_path: Path, width: int) -> None:
    app = make_app(numbered_shelf(tmp_path / "many", 300))
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.row_count == 300
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert table.max_scroll_x == 0 and not table.show_horizontal_scrollbar
        shown = lines(app)
        assert all(len(line) <= width for line in shown)
        header = shown[1]
        # The numeric columns' headers are right-aligned over their figures.
        row = shown[2]
        assert header.index("Date ▼") + len("Date ▼") == row.index("2026-01-") + len("2026-01-01")
        if width == 80:
            assert "…" in row  # the title is cut, not the line
            assert headers(app)[0] == "Title"
        if width >= 120:
            assert "Feed" in headers(app) and "Reading" in headers(app)


async def test_40_columns_keep_the_title_and_the_progress(make_app, tmp_path: Path) -> None:
    app = make_app(numbered_shelf(tmp_path / "many", 30))
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        assert headers(app) == ["Title · by date ▼", "Read"]
        shown = lines(app)
        assert all(len(line) <= 40 for line in shown)
        assert "A rather long title for" in shown[2] and shown[2].endswith("new")
        await typed(pilot, "slash", *"number 7 ")
        assert "3 of 30 articles" in filter_line(app)  # 7, 17 and 27
        assert all(len(line) <= 40 for line in lines(app))
        await pilot.resize_terminal(120, 20)  # wider: the columns come back
        await pilot.pause()
        assert "Date ▼" in headers(app) and "Source" in headers(app)


async def test_reload_keeps_filter_order_and_cursor(make_app, shelf: Path) -> None:
    app = make_app(shelf)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await press(pilot, "s")  # by title
        await typed(pilot, "slash", *"trains")
        await press(pilot, "down")
        assert titles(app) == ["Le retour des trains de nuit", "Night trains are back"]
        (shelf / "sub" / "more.md").write_text("# More trains, arrived by feed\n", "utf-8")
        (shelf / "other.md").write_text("# Not matching the query\n", "utf-8")
        app.relist_library()  # what a feed sync calls as articles arrive
        await pilot.pause()
        assert titles(app) == [
            "Le retour des trains de nuit",
            "sub/More trains, arrived by feed",
            "Night trains are back",
        ]
        table = app.screen.query_one(DataTable)
        assert titles(app)[table.cursor_row] == "Night trains are back"
        assert "3 of 7 articles" in filter_line(app)
        # The palette knows the new article too.
        assert any(a.title == "Not matching the query" for a in app.articles)


async def test_relist_library_from_an_article_lists_again_later(make_app, shelf: Path) -> None:
    app = make_app(shelf / "night.md")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        (shelf / "later.md").write_text("# Arrived while reading\n", "utf-8")
        app.relist_library()  # no library screen yet: nothing to redraw
        await press(pilot, "escape")
        await until(pilot, lambda: "Arrived while reading" in titles(app), "the new article")
        assert isinstance(app.screen.query_one("#library-header", Static), Static)
