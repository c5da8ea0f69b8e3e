"""The links list (`l`) and opening links, driven through Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from tests.repo_paths import ARTICLES
from tui_reader.core.find import links
from tui_reader.ui import browser
from tui_reader.ui.dialogs.links_screen import LinksScreen
from tui_reader.ui.reading.article_view import ArticleView
from tui_reader.ui.reading.reading_screen import ReadingScreen

LONG = ARTICLES / "en-field-guide-markdown-terminal.md"
FR = ARTICLES / "fr-centres-de-donnees.md"


@pytest.fixture
def no_browser(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """A headless session: no display, no $BROWSER. Returns the commands that were launched."""
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"):
        monkeypatch.delenv(var, raising=False)
    launched: list[list[str]] = []
    monkeypatch.setattr(browser, "launch", launched.append)
    return launched


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def go_to(app, slug: str) -> ArticleView:
    view = app.screen.query_one(ArticleView)
    assert view.jump_to_slug(slug)
    return view


async def test_links_list_shows_the_current_sections_links(make_app, no_browser) -> None:
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = go_to(app, "further-reading")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LinksScreen)
        links = app.screen.links
        assert [link.kind for link in links] == ["external"] * 4 + ["internal"]
        assert links[-1].href == "#why-read-long-documents-in-a-terminal"
        options = app.screen.query_one(OptionList)
        assert options.option_count == 5 and options.highlighted == 0
        assert app.focused is options
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert app.focused is view


async def test_enter_on_an_internal_link_jumps(make_app, no_browser) -> None:
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LinksScreen)
        assert screen.links[0].kind == "internal"
        await pilot.press("down", "j", "k", "down")  # j / k move too
        target = screen.links[2]
        assert target.kind == "internal"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        section = view.article.section_by_slug(target.slug)
        assert section is not None
        assert view.current_section == section.index
        assert round(view.scroll_y) == view.section_offset(section.index)
        assert no_browser == []


async def test_enter_on_an_external_link_copies_it_without_a_browser(make_app, no_browser) -> None:
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        go_to(app, "further-reading")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        href = app.screen.links[1].href
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert no_browser == []  # nothing launched: no text browser in this terminal
        assert app.clipboard == href
        assert any(href in m and "copied" in m for m in messages(app))


async def test_enter_on_an_external_link_opens_the_browser_with_a_display(
    make_app, no_browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr("shutil.which", lambda name: f"/usr/bin/{name}")
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        go_to(app, "further-reading")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        href = app.screen.links[0].href
        await pilot.press("enter")
        await pilot.pause()
        assert no_browser == [["xdg-open", href]]
        assert app.clipboard != href
        assert any(href in m for m in messages(app))


async def test_a_browser_that_fails_to_start_falls_back_to_copying(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(argv: list[str]) -> None:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(links, "system_browser_command", lambda url: ["x", url])
    monkeypatch.setattr(browser, "launch", broken)
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        go_to(app, "one-sentence-per-line")
        await pilot.pause()
        await pilot.press("l", "enter")
        await pilot.pause()
        assert app.clipboard == "https://sembr.org/"
        assert any("did not start" in m for m in messages(app))


async def test_clicking_an_external_link_in_the_text_copies_it(make_app, no_browser) -> None:
    app = make_app(LONG)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        view.action_follow_link("https://sembr.org/")  # what the link's @click meta runs
        await pilot.pause()
        assert app.clipboard == "https://sembr.org/"
        assert no_browser == []


async def test_a_section_without_links_says_so(make_app, no_browser) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert "Aucun lien dans cette section" in messages(app)


async def test_links_that_cannot_be_followed_are_listed_but_inert(
    make_app, no_browser, tmp_path: Path
) -> None:
    article = tmp_path / "links.md"
    article.write_text(
        "# Links\n\nSee [notes](notes.md), [nowhere](#no-such-section), "
        "[ftp](ftp://example.org/f) and [the end](#the-end).\n\n## The end\n\nDone.\n",
        encoding="utf-8",
    )
    app = make_app(article)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("l")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        disabled = [options.get_option_at_index(i).disabled for i in range(options.option_count)]
        assert disabled == [True, True, True, False]
        assert options.highlighted == 3  # the first link that can be followed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert view.article.sections[view.current_section].slug == "the-end"
