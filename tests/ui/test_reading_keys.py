"""Every key of the reading screen, driven through Pilot on the real bundled articles."""

from __future__ import annotations

from textual.widgets import DataTable

from tests.repo_paths import ARTICLES
from tests.ui.screen_text import visible_text, widget_text
from tui_reader.ui.dialogs.help_screen import HelpScreen
from tui_reader.ui.library.library_screen import LibraryScreen
from tui_reader.ui.reading.article_view import ArticleView
from tui_reader.ui.reading.reading_screen import ReadingScreen
from tui_reader.ui.reading.section_list import SectionList

FR = ARTICLES / "fr-centres-de-donnees.md"
LONG = ARTICLES / "en-field-guide-markdown-terminal.md"


def parts(app):
    screen = app.screen
    return screen.query_one(ArticleView), screen.query_one(SectionList)


async def test_opening_a_file_shows_its_title_and_first_section(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        view, sidebar = parts(app)
        text = visible_text(view)
        assert "Centres de données" in text
        assert "Par Camille Martin" in text
        assert "Laisser un commentaire" not in text  # the footer was removed
        header = widget_text(app.screen.query_one("#article-header"))
        assert "commentaires ouverts" in header
        assert sidebar.option_count == len(view.article.sections)
        assert app.focused is view


async def test_next_and_previous_section_keys(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, sidebar = parts(app)
        second = view.article.sections[2]
        await pilot.press("n")
        assert view.current_section == 1
        assert round(view.scroll_y) == view.section_offset(1)
        await pilot.press("right_square_bracket")
        assert view.current_section == 2
        assert sidebar.highlighted == 2
        assert visible_text(view).lstrip().startswith(second.title)
        await pilot.press("p")
        assert view.current_section == 1
        await pilot.press("j", "j")
        # `[` mid-section goes back to the start of the section, then to the one before.
        await pilot.press("left_square_bracket")
        assert round(view.scroll_y) == view.section_offset(1)
        await pilot.press("left_square_bracket")
        assert view.current_section == 0
        assert round(view.scroll_y) == 0


async def test_scroll_keys(make_app) -> None:
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, _ = parts(app)
        height = view.scrollable_content_region.height
        await pilot.press("j", "j", "down")
        assert view.scroll_y == 3
        await pilot.press("k", "up")
        assert view.scroll_y == 1
        await pilot.press("space")
        assert view.scroll_y == 1 + height
        await pilot.press("b")
        assert view.scroll_y == 1
        await pilot.press("pagedown", "pagedown", "pageup")
        assert view.scroll_y == 1 + height
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y > 0
        await pilot.press("g")
        assert view.scroll_y == 0
        await pilot.press("end")
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("home")
        assert view.scroll_y == 0


async def test_sidebar_focus_and_enter_jumps(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, sidebar = parts(app)
        await pilot.press("tab")
        assert app.focused is sidebar
        await pilot.press("down", "down", "down", "enter")
        assert view.current_section == 3
        assert round(view.scroll_y) == view.section_offset(3)
        await pilot.press("tab")
        assert app.focused is view


async def test_click_on_sidebar_entry_jumps(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, _ = parts(app)
        await pilot.click(SectionList, offset=(4, 4))
        await pilot.pause()
        assert view.current_section == 4
        assert visible_text(view).lstrip().startswith(view.article.sections[4].title)


async def test_sidebar_follows_scrolling(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, sidebar = parts(app)
        target = view.section_offset(3) + 1
        for _ in range(target):
            await pilot.press("j")
        await pilot.pause()
        assert view.current_section == 3
        assert sidebar.highlighted == 3


async def test_toggle_sidebar_and_small_terminals(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _, sidebar = parts(app)
        assert sidebar.display
        await pilot.press("t")
        assert not sidebar.display
        await pilot.press("t")
        assert sidebar.display
    app = make_app(FR, "fr")
    async with app.run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        view, sidebar = parts(app)
        assert not sidebar.display  # collapsed on a narrow terminal
        assert "Centres" in visible_text(view)
        await pilot.press("t")
        assert sidebar.display
        for size in ((20, 6), (200, 60), (30, 8), (120, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.press("n")
        assert view.current_section == 4


async def test_resize_keeps_reading_position(make_app) -> None:
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, _ = parts(app)
        for _ in range(5):
            await pilot.press("n")
        title = view.article.sections[5].title
        assert visible_text(view).lstrip().startswith(title)
        await pilot.resize_terminal(70, 30)
        await pilot.pause()
        assert view.current_section == 5
        assert title.split()[0] in visible_text(view)


async def test_the_last_section_reaches_the_top_at_any_height(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, _ = parts(app)
        last = len(view.article.sections) - 1
        for height in (40, 24, 50):  # the width stays: only the room after the text changes
            await pilot.resize_terminal(120, height)
            await pilot.pause()
            await pilot.press("G")
            assert view.current_section == last
            assert round(view.scroll_y) == view.section_offset(last)


async def test_help_screen_lists_keys_and_closes(make_app) -> None:
    app = make_app(FR, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = widget_text(app.screen.query_one("#help-table"))
        for needle in ("Next section", "Show / hide the contents", "Back to the library"):
            assert needle in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)


async def test_escape_goes_back_to_library_and_enter_opens(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(DataTable)
        titles = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert any("Centres de données" in title for title in titles)
        await pilot.press("j")
        row = table.cursor_row
        await pilot.press("enter")
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article.title == titles[row]


async def test_q_quits(make_app) -> None:
    app = make_app(FR)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_internal_link_click_jumps_to_its_section(make_app) -> None:
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view, _ = parts(app)
        # Find the first internal link drawn on screen and click it.
        for y in range(view.scrollable_content_region.height):
            x = 0
            for seg in view.render_line(y):
                action = (seg.style.meta or {}).get("@click", "") if seg.style else ""
                if "'#" in action:
                    slug = action.split("'#", 1)[1].rstrip("')")
                    # render_line is relative to the content area, a click to the widget.
                    gutter = view.content_region.offset - view.region.offset
                    await pilot.click(ArticleView, offset=(x + 1 + gutter.x, y + gutter.y))
                    await pilot.pause()
                    section = view.article.section_by_slug(slug)
                    assert section is not None
                    assert view.current_section == section.index
                    return
                x += seg.cell_length
        raise AssertionError("no internal link on the first screen")
