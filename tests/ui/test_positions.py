"""Reading positions through the real app: saved as you read, restored, robust to edits."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from tests.repo_paths import ARTICLES
from tests.ui.screen_text import visible_text
from tui_reader.core.storage.paths import data_dir
from tui_reader.core.storage.positions import article_key
from tui_reader.ui.library.library_screen import LibraryScreen
from tui_reader.ui.reading.article_view import ArticleView
from tui_reader.ui.reading.position_keeper import DEBOUNCE
from tui_reader.ui.reading.reading_screen import ReadingScreen

LONG = ARTICLES / "en-field-guide-markdown-terminal.md"
SIZE = (120, 40)


def positions_file() -> dict:
    return json.loads((data_dir() / "positions.json").read_text(encoding="utf-8"))["articles"]


def copy_article(tmp_path: Path) -> Path:
    directory = tmp_path / "articles"
    directory.mkdir(exist_ok=True)
    return Path(shutil.copy(LONG, directory / "guide.md"))


async def read_to_section_3_line_2(app, pilot) -> ArticleView:
    await pilot.pause()
    view = app.screen.query_one(ArticleView)
    await pilot.press("n", "n", "n", "j", "j")
    assert view.current_section == 3
    assert round(view.scroll_y) == view.section_offset(3) + 2
    return view


async def test_position_is_saved_about_a_second_after_scrolling_stops(make_app) -> None:
    app = make_app(LONG)
    async with app.run_test(size=SIZE) as pilot:
        view = await read_to_section_3_line_2(app, pilot)
        await pilot.pause(DEBOUNCE + 0.6)
        entry = positions_file()[article_key(LONG)]
        assert entry["slug"] == view.article.sections[3].slug
        assert entry["line"] == 2
        assert 0 < entry["percent"] < 100
        assert entry["finished"] is False
        assert app.is_running  # saved while reading, not on quit


async def test_position_is_restored_by_a_new_app(make_app) -> None:
    app = make_app(LONG)
    async with app.run_test(size=SIZE) as pilot:
        view = await read_to_section_3_line_2(app, pilot)
        first_line = visible_text(view).splitlines()[0]
        await pilot.press("q")
    assert article_key(LONG) in positions_file()  # q saved it at once

    app = make_app(LONG)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.current_section == 3
        assert round(view.scroll_y) == view.section_offset(3) + 2
        assert visible_text(view).splitlines()[0] == first_line


async def test_leaving_the_article_saves_and_reopening_restores(make_app) -> None:
    app = make_app(LONG)
    async with app.run_test(size=SIZE) as pilot:
        await read_to_section_3_line_2(app, pilot)
        await pilot.press("escape")  # back to the library, no debounce wait
        assert isinstance(app.screen, LibraryScreen)
        assert positions_file()[article_key(LONG)]["line"] == 2
        table = app.screen.query_one(DataTable)
        row = next(
            i for i in range(table.row_count) if "Field Guide" in str(table.get_row_at(i)[0])
        )
        table.move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.current_section == 3
        assert round(view.scroll_y) == view.section_offset(3) + 2


async def test_position_survives_paragraphs_inserted_before_the_section(
    make_app, tmp_path: Path
) -> None:
    path = copy_article(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        view = await read_to_section_3_line_2(app, pilot)
        title = view.article.sections[3].title
        await pilot.press("q")

    text = path.read_text(encoding="utf-8")
    extra = "\n\n".join(
        f"An inserted paragraph number {i}, long enough to wrap." for i in range(30)
    )
    path.write_text(
        text.replace("## Choosing a pager\n", f"## Choosing a pager\n\n{extra}\n", 1),
        encoding="utf-8",
    )

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.article.sections[3].title == title
        assert view.current_section == 3
        assert round(view.scroll_y) == view.section_offset(3) + 2


async def test_a_renamed_section_falls_back_to_the_same_place_by_percent(
    make_app, tmp_path: Path
) -> None:
    path = copy_article(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        for _ in range(8):
            await pilot.press("n")
        index = view.current_section
        title = view.article.sections[index].title
        await pilot.pause(0.5)  # background rendering makes the heights exact
        await pilot.press("q")
    saved = positions_file()[article_key(path)]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"# {title}\n", f"# {title} (renamed)\n", 1), encoding="utf-8")

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        view = app.screen.query_one(ArticleView)
        assert view.article.sections[index].slug != saved["slug"]
        total = view.section_offset(len(view.article.sections))
        percent = 100 * round(view.scroll_y) / total
        # Restoring by percent works on estimated heights for sections not rendered yet.
        assert abs(percent - saved["percent"]) < 5
        assert abs(view.current_section - index) <= 1


async def test_library_shows_unread_percent_and_finished(make_app, tmp_path: Path) -> None:
    path = copy_article(tmp_path)
    shutil.copy(ARTICLES / "en-night-trains.md", path.parent / "trains.md")
    app = make_app(path.parent)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)

        read = "library.col.progress"

        def progress() -> dict[str, str]:
            return {
                str(table.get_cell(row, "library.col.title")): str(table.get_cell(row, read))
                for row in table.rows
            }

        assert set(progress().values()) == {"new"}  # never opened
        assert str(table.columns[ColumnKey(read)].label) == "Read"
        app.open_article(path)
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        view.scroll_to(y=view.max_scroll_y // 2, animate=False, immediate=True)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        cells = progress()
        guide = next(v for k, v in cells.items() if "Field Guide" in k)
        trains = next(v for k, v in cells.items() if "Field Guide" not in k)
        assert guide.endswith("%") and 20 <= int(guide.rstrip("%")) <= 80
        assert trains == "new"

        app.open_article(path)
        await pilot.pause()
        await pilot.press("G")  # the end of the article comes on screen
        await pilot.press("g")  # and back to the top: still finished
        await pilot.press("escape")
        await pilot.pause()
        guide = next(v for k, v in progress().items() if "Field Guide" in k)
        assert guide == "✓"


async def test_corrupt_positions_file_is_moved_aside_with_a_notice(make_app) -> None:
    path = data_dir() / "positions.json"
    path.parent.mkdir(parents=True)
    path.write_text("{broken", encoding="utf-8")
    app = make_app(LONG)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("unreadable reading positions" in m for m in messages)
        moved = list((data_dir() / "corrupt").iterdir())
        assert [p.read_text() for p in moved] == ["{broken"]
        await pilot.press("n", "q")
    assert article_key(LONG) in positions_file()


async def test_stdin_article_is_keyed_by_its_text(make_app, monkeypatch) -> None:
    import io
    import sys

    raw = LONG.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    app = make_app("-")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("n", "n", "q")
    [(key, entry)] = positions_file().items()
    assert key.startswith("stdin:") and len(key) > len("stdin:")
    assert entry["slug"] == "choosing-a-pager"
