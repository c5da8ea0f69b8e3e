"""Terminal sizes (issue 6): from 200x60 down to 20x6 and back, live, on every screen.

The library, the reading screen, the help screen, and the composer modal with text typed in it:
no crash, the screen still inert (no control character, no foreign hyperlink), and the typed
text still in the form, then in the draft file once closed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hardening.hostile import article_text, write_article
from tests.hardening.terminal_checks import screen_problems
from tests.repo_paths import ARTICLES
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.reading.reading_screen import ReadingScreen

DOWN = [(200, 60), (120, 40), (80, 24), (40, 12), (20, 6)]
SIZES = [*DOWN, *reversed(DOWN[:-1])]  # down to 20x6, and back up to 200x60
TYPED = "Typed through the resizes: é, 漢字, [bold]not markup[/]."


async def _walk_sizes(pilot, app: ReaderApp, where: str) -> None:
    for width, height in SIZES:
        await pilot.resize_terminal(width, height)
        await pilot.pause()
        assert app.is_running, (where, width, height)
        assert app.screen.size == (width, height)
        assert screen_problems(app, f"{where} {width}x{height}") == []


async def test_library_at_every_size(make_app: Callable[..., ReaderApp]) -> None:
    app = make_app(ARTICLES)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        await _walk_sizes(pilot, app, "library")
        await pilot.press("j", "k")
        assert app.is_running


@pytest.mark.parametrize("article", ["bundled", "hostile"])
async def test_reading_and_help_at_every_size(
    article: str, tmp_path: Path, make_app: Callable[..., ReaderApp]
) -> None:
    path = (
        ARTICLES / "en-night-trains.md"
        if article == "bundled"
        else write_article(tmp_path, "hostile.md", article_text())
    )
    app = make_app(path)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("n", "n")
        await _walk_sizes(pilot, app, "reading")
        await pilot.press("t", "G", "g")  # the sidebar toggled at 200x60, then navigation
        await pilot.resize_terminal(20, 6)
        await pilot.press("n", "p", "t")
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await _walk_sizes(pilot, app, "help")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)


async def test_composer_keeps_typed_text_through_resizes(
    make_app: Callable[..., ReaderApp], isolated_dirs: Path
) -> None:
    app = make_app(ARTICLES / "en-night-trains.md")
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "ComposerScreen"
        area = screen.form.comment_area
        area.focus()
        await pilot.pause()
        area.insert(TYPED)  # as a paste would
        await pilot.press("space", "o", "k")
        await _walk_sizes(pilot, app, "composer")
        assert app.screen is screen  # still open
        assert TYPED + " ok" in area.text
        # Typing still works at the smallest size, and the form survives going back up.
        await pilot.resize_terminal(20, 6)
        await pilot.press("x")
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert TYPED + " okx" in area.text
        await pilot.press("escape")  # close: saved
        await pilot.pause()
    drafts = list((isolated_dirs / "data" / "tui-reader" / "drafts").glob("*.json"))
    assert len(drafts) == 1
    assert TYPED + " okx" in json.loads(drafts[0].read_text("utf-8"))["comment"]
