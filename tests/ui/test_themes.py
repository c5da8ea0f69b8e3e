"""Themes and settings through the real app: paper theme, T key, persistence, bad files."""

from __future__ import annotations

import asyncio
import tomllib
from pathlib import Path

from tests.repo_paths import ARTICLES
from tui_reader.core.storage.paths import config_dir
from tui_reader.core.storage.settings import settings_path
from tui_reader.ui.app import SETTINGS_DEBOUNCE
from tui_reader.ui.library.library_screen import LibraryScreen
from tui_reader.ui.reading.article_view import ArticleView
from tui_reader.ui.reading.reading_screen import ReadingScreen
from tui_reader.ui.reading.section_list import SectionList
from tui_reader.ui.themes import PAPER, theme_names

FR = ARTICLES / "fr-centres-de-donnees.md"
SIZE = (120, 40)


def write_settings(text: str) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def saved() -> dict:
    return tomllib.loads(settings_path().read_text(encoding="utf-8"))


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_paper_theme_is_registered_and_light(make_app) -> None:
    app = make_app(FR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "paper" in app.available_themes
        assert theme_names(app)[0] == "paper"
        app.theme = "paper"
        await pilot.pause()
        assert not app.current_theme.dark
        view = app.screen.query_one(ArticleView)
        assert view.styles.background.hex.lower() == PAPER.background


async def test_theme_from_settings_is_applied(make_app) -> None:
    write_settings('theme = "paper"\n')
    app = make_app(FR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "paper"
        assert messages(app) == []


async def test_t_key_cycles_and_the_theme_is_persisted(make_app) -> None:
    app = make_app(FR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = app.theme
        await pilot.press("T")
        assert app.theme != before
        chosen = app.theme
        assert any(chosen in m for m in messages(app))
        await pilot.pause(SETTINGS_DEBOUNCE + 0.3)
        assert saved()["theme"] == chosen

    app = make_app(FR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == chosen


async def test_theme_set_elsewhere_is_persisted_on_quit(make_app) -> None:
    app = make_app(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        app.theme = "nord"
        await pilot.pause()
        await pilot.press("q")  # before the debounce: quitting writes it
        for _ in range(250):  # the key waits its turn in the key queue (ui/key_queue.py)
            if not app.is_running:
                break
            await asyncio.sleep(0.02)
    assert saved()["theme"] == "nord"


async def test_bad_settings_file_gives_notice_defaults_and_is_kept(make_app) -> None:
    original = 'theme = "no-such-theme"\nreading_width = 7\nsidebar_width = 20\n'
    path = write_settings(original)
    app = make_app(FR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notes = messages(app)
        assert any("reading_width = 7 is not valid" in m for m in notes)
        assert any("unknown theme 'no-such-theme'" in m for m in notes)
        assert app.theme == "textual-dark"
        view = app.screen.query_one(ArticleView)
        assert view.max_width == 88  # the default
        assert app.screen.query_one(SectionList).outer_size.width == 20  # the good value applies
        assert path.read_text(encoding="utf-8") == original  # reading never writes
        # A change from the app moves the bad file aside first, and says so.
        await pilot.press("T")
        await pilot.pause(SETTINGS_DEBOUNCE + 0.3)
        [kept] = (config_dir() / "corrupt").iterdir()
        assert kept.read_text(encoding="utf-8") == original
        assert any(str(kept) in m for m in messages(app))
        assert saved() == {"sidebar_width": 20, "theme": app.theme}


async def test_invalid_toml_gives_defaults_and_a_notice(make_app) -> None:
    write_settings("theme = \n")
    app = make_app(FR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert any("is not valid TOML" in m for m in messages(app))
        assert app.theme == "textual-dark"


async def test_sidebar_settings(make_app) -> None:
    write_settings("sidebar_visible = false\nsidebar_width = 40\n")
    app = make_app(FR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        sidebar = app.screen.query_one(SectionList)
        assert not sidebar.display  # hidden although the terminal is wide
        await pilot.press("t")
        assert sidebar.display
        await pilot.pause()
        assert sidebar.outer_size.width == 40
    write_settings("sidebar_visible = true\n")
    app = make_app(FR)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert app.screen.query_one(SectionList).display  # shown although narrow


async def test_articles_dir_setting_is_the_default_library(make_app, tmp_path: Path) -> None:
    library = tmp_path / "mine"
    library.mkdir()
    (library / "only.md").write_text("# Only one\n\nText.\n", encoding="utf-8")
    write_settings(f'articles_dir = "{library}"\n')
    app = make_app(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.library_dir == library
        assert [info.title for info in app.articles] == ["Only one"]
    # A directory given on the command line wins over the setting.
    app = make_app(ARTICLES)
    assert app.library_dir == ARTICLES


async def test_missing_articles_dir_falls_back_with_a_notice(make_app, tmp_path: Path) -> None:
    write_settings(f'articles_dir = "{tmp_path / "gone"}"\n')
    app = make_app(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.library_dir == ARTICLES
        assert any("is not a directory" in m for m in messages(app))
