"""The command palette (ctrl+p): sections of a 2,000-section article, articles, themes, commands."""

from __future__ import annotations

import asyncio
import time
import tomllib
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette

from tests.repo_paths import ARTICLES
from tests.ui.keys import press
from tests.ui.screen_text import visible_text
from tui_reader.core.storage.settings import settings_path
from tui_reader.ui.app import SETTINGS_DEBOUNCE
from tui_reader.ui.commands.section_commands import SectionCommands
from tui_reader.ui.library.library_screen import LibraryScreen
from tui_reader.ui.reading.article_view import ArticleView
from tui_reader.ui.reading.reading_screen import ReadingScreen
from tui_reader.ui.reading.section_list import SectionList

SIZE = (120, 40)
FR = ARTICLES / "fr-centres-de-donnees.md"


def big_article(directory: Path, sections: int = 2000) -> Path:
    parts = ["---\ntitle: Two thousand sections\n---\n\nThe lead paragraph.\n"]
    for i in range(1, sections + 1):
        parts.append(f"## Section {i}\n\nParagraph {i} of the big article, with a few words.\n")
    path = directory / "big.md"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


async def open_palette(pilot, query: str = "") -> CommandList:
    await press(pilot, "ctrl+p")  # waits for the key queue (ui/key_queue.py)
    assert CommandPalette.is_open(pilot.app)
    if query:
        await pilot.press(*query)
    return await results(pilot)


async def results(pilot, minimum: int = 1) -> CommandList:
    """The palette's list once the search has delivered (it batches results)."""
    command_list = pilot.app.screen.query_one(CommandList)
    for _ in range(40):
        await pilot.pause(0.05)
        if command_list.option_count >= minimum and pilot.app.screen.has_class("-ready"):
            break
    return command_list


def prompts(command_list: CommandList) -> list[str]:
    return [
        str(command_list.get_option_at_index(i).prompt) for i in range(command_list.option_count)
    ]


async def test_section_1500_of_2000_is_found_and_jumped_to(make_app, tmp_path: Path) -> None:
    app = make_app(big_article(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert len(view.article.sections) == 2001
        target = view.article.section_by_slug("section-1500")
        assert target is not None
        await app.workers.wait_for_complete()  # the pane's background rendering, not ours
        command_list = await open_palette(pilot, "Section 1500")
        assert "Section: Section 1500" in prompts(command_list)[0]
        await pilot.press("enter")
        deadline = time.monotonic() + 5
        while view.current_section != target.index and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        assert not CommandPalette.is_open(app)
        assert view.current_section == target.index
        assert round(view.scroll_y) == view.section_offset(target.index)
        assert visible_text(view).lstrip().startswith("Section 1500")
        await pilot.pause()
        assert app.screen.query_one(SectionList).highlighted == target.index
        assert app.focused is view


async def test_section_search_on_2000_sections_is_capped(make_app, tmp_path: Path) -> None:
    # How long it takes: benchmarks/core_speed.py.
    app = make_app(big_article(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        provider = SectionCommands(app.screen)
        await provider.startup()
        hits = [hit async for hit in provider.search("section 15")]
        assert str(hits[0].text).endswith("Section 15")
        assert len(hits) <= 30  # capped: the palette renders each hit
        view = app.screen.query_one(ArticleView)
        target = view.article.section_by_slug("section-1500")
        assert target is not None
        app.screen.jump_to_section(target.index)
        assert view.current_section == target.index


async def test_fuzzy_and_accent_insensitive_section_titles(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        command_list = await open_palette(pilot, "electricite")
        first = prompts(command_list)[0]
        assert first.startswith("Section : ")
        assert "L'électricité" in first
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert "électricité" in view.article.sections[view.current_section].title


async def test_open_another_article_from_the_library(make_app) -> None:
    app = make_app(FR, "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_palette(pilot, "night trains")
        command_list = await results(pilot)
        entries = prompts(command_list)
        index = next(i for i, p in enumerate(entries) if p.startswith("Open: "))
        command_list.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert "night" in app.screen.article.title.lower()
        # The article replaced the previous one: Escape goes back to the library.
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_switch_theme_from_the_palette_is_persisted(make_app) -> None:
    app = make_app(FR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        command_list = await open_palette(pilot, "paper")
        assert prompts(command_list)[0] == "Theme: paper"
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "paper"
        await pilot.pause(SETTINGS_DEBOUNCE + 0.3)
        assert tomllib.loads(settings_path().read_text())["theme"] == "paper"


async def test_change_theme_command_opens_the_theme_picker(make_app) -> None:
    app = make_app(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        command_list = await open_palette(pilot)
        entries = prompts(command_list)
        assert entries[0] == "Change theme…"
        await pilot.press("enter")  # the first entry
        await pilot.pause()
        command_list = await results(pilot, minimum=5)
        themes = prompts(command_list)
        assert themes[0] == "paper"
        assert any("(current)" in entry for entry in themes)
        await pilot.press(*"nord", "enter")
        await pilot.pause()
        assert app.theme == "nord"


async def test_commands_listed_when_the_palette_opens(make_app) -> None:
    app = make_app(FR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        entries = prompts(await open_palette(pilot))
        for label in (
            "Change theme…",
            "Show / hide the contents",
            "Wider text",
            "Open the drafts",
            "Back to the library",
            "Keys (help)",
            "Quit",
        ):
            assert label in entries
        await pilot.press("escape")
        await pilot.pause()
    app = make_app(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        entries = prompts(await open_palette(pilot))
        assert "Show / hide the contents" not in entries  # no article here
        assert "Quit" in entries


async def test_toggle_sidebar_from_the_palette(make_app) -> None:
    app = make_app(FR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        sidebar = app.screen.query_one(SectionList)
        assert sidebar.display
        command_list = await open_palette(pilot, "hide the contents")
        assert prompts(command_list)[0] == "Show / hide the contents"
        await pilot.press("enter")
        await pilot.pause()
        assert not sidebar.display


@pytest.mark.parametrize(("lang", "placeholder"), [("en", "Go to a section"), ("fr", "Aller à")])
async def test_palette_speaks_the_interface_language(make_app, lang: str, placeholder: str) -> None:
    app = make_app(FR, lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_palette(pilot)
        from textual.command import CommandInput

        assert app.screen.query_one(CommandInput).placeholder.startswith(placeholder)
