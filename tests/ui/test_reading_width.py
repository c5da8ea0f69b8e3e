"""+ and - change the measure of the text, keep the reading position, and are remembered."""

from __future__ import annotations

import tomllib

from tests.repo_paths import ARTICLES
from tui_reader.core.storage.settings import READING_WIDTH_MIN, settings_path
from tui_reader.ui.app import SETTINGS_DEBOUNCE
from tui_reader.ui.reading.article_view import ArticleView
from tui_reader.ui.reading.reading_screen import WIDTH_STEP

LONG = ARTICLES / "en-field-guide-markdown-terminal.md"


def text_extent(view: ArticleView) -> tuple[int, int]:
    """(first, last) screen column holding a visible character, over the whole view."""
    first, last = 10**6, -1
    for y in range(view.scrollable_content_region.height):
        x = 0
        for seg in view.render_line(y):
            for char in seg.text:
                if not char.isspace():
                    first, last = min(first, x), max(last, x)
                x += 1
    return first, last


def widest_line(view: ArticleView) -> int:
    first, last = text_extent(view)
    return last - first + 1


async def test_default_width_is_88_columns_centred(make_app) -> None:
    app = make_app(LONG)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("t")  # no sidebar: the pane is 200 columns
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.text_width == 88
        first, last = text_extent(view)
        assert last - first + 1 <= 88
        margin = (view.available_width - 88) // 2
        assert first >= margin
        assert last < margin + 88


async def test_plus_and_minus_change_the_text_width_and_keep_the_section(make_app) -> None:
    app = make_app(LONG)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("n", "n", "n", "n", "n")
        assert view.current_section == 5
        before = widest_line(view)
        assert before <= 88
        for _ in range(5):
            await pilot.press("minus")
        await pilot.pause()
        assert view.text_width == 88 - 5 * WIDTH_STEP
        assert widest_line(view) <= 88 - 5 * WIDTH_STEP < before
        assert view.current_section == 5
        await pilot.press("plus", "plus", "equals_sign")  # = is + without Shift
        await pilot.pause()
        assert view.text_width == 88 - 2 * WIDTH_STEP
        assert view.current_section == 5
        await pilot.pause(SETTINGS_DEBOUNCE + 0.3)
        saved = tomllib.loads(settings_path().read_text(encoding="utf-8"))
        assert saved["reading_width"] == 88 - 2 * WIDTH_STEP

    app = make_app(LONG)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        assert app.screen.query_one(ArticleView).text_width == 88 - 2 * WIDTH_STEP


async def test_limits_minimum_and_terminal_width(make_app) -> None:
    app = make_app(LONG)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("t")  # hide the contents: the pane is the terminal's width
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        for _ in range(30):
            await pilot.press("minus")
        assert view.text_width == READING_WIDTH_MIN
        assert any("Narrowest" in n.message for n in app._notifications)
        for _ in range(30):
            await pilot.press("plus")
        await pilot.pause()
        assert view.text_width == view.available_width  # capped at the terminal
        assert widest_line(view) <= view.available_width
        assert any("whole width" in n.message for n in app._notifications)


async def test_minus_then_many_plus_keeps_the_default_width_in_the_settings(make_app) -> None:
    """Issue 11: on a pane narrower than 88 columns, `-` then `+` until the terminal's edge
    saved the pane's width (84), not the default 88 the text had before."""
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.available_width < 88  # the sidebar takes its share: the pane caps the text
        await pilot.press("minus")
        for _ in range(6):
            await pilot.press("plus")
        await pilot.pause(SETTINGS_DEBOUNCE + 0.3)
        saved = tomllib.loads(settings_path().read_text(encoding="utf-8"))
        assert saved["reading_width"] == 88
        assert view.text_width == view.available_width
