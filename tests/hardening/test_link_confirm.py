"""Link spoofing in the app (issue 16, item 19): a link whose text reads as the address of
another site opened its real target at once, from a click or from the links list. Now a
confirmation names the real target first. $BROWSER is a script that writes the address it is
given to a file: it must not run on "no", and run with the real address on "yes".
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.hardening.hostile import write_article
from tests.ui.keys import press
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.dialogs.confirm_screen import ConfirmScreen
from tui_reader.ui.reading.article_view import ArticleView
from tui_reader.ui.reading.reading_screen import ReadingScreen

SPOOFED = "https://evil.example/phish"
HONEST = "https://example.org/about"
ARTICLE = (
    "# Banque\n\nIntro.\n\n## Connexion\n\n"
    f"Allez sur [https://bank.example/login]({SPOOFED}) pour payer.\n\n"
    f"Voir aussi [notre page]({HONEST}).\n"
)


@pytest.fixture
def browser_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$BROWSER: a script appending each address it gets to a file."""
    log = tmp_path / "opened.txt"
    script = tmp_path / "browser.sh"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> {log}\n')
    script.chmod(0o755)
    monkeypatch.setenv("BROWSER", str(script))
    return log


def opened(log: Path, count: int, deadline: float = 10.0) -> list[str]:
    """The addresses the browser got, once there are `count` of them (or at the deadline)."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        lines = log.read_text().splitlines() if log.exists() else []
        if len(lines) >= count:
            return lines
        time.sleep(0.05)
    return log.read_text().splitlines() if log.exists() else []


async def to_the_links(pilot: Pilot[object], app: ReaderApp) -> ArticleView:
    await pilot.pause()
    assert isinstance(app.screen, ReadingScreen)
    view = app.screen.query_one(ArticleView)
    assert view.jump_to_slug("connexion")
    await pilot.pause()
    return view


def question(app: ReaderApp) -> str:
    assert isinstance(app.screen, ConfirmScreen)
    return app.screen.question


async def test_a_spoofed_link_from_the_list_asks_first_naming_the_real_target(
    tmp_path: Path, browser_log: Path, make_app: Callable[..., ReaderApp]
) -> None:
    app = make_app(write_article(tmp_path, "a.md", ARTICLE))
    async with app.run_test(size=(120, 40)) as pilot:
        await to_the_links(pilot, app)
        await press(pilot, "l")
        await press(pilot, "enter")  # the first link: the spoofed one
        assert "evil.example" in question(app) and SPOOFED in question(app)
        await press(pilot, "n")
        assert not isinstance(app.screen, ConfirmScreen)
        await press(pilot, "l")
        await press(pilot, "enter")
        await press(pilot, "enter")  # Enter is on "No" (the dialog's default)
        await press(pilot, "l")
        await press(pilot, "enter")
        await press(pilot, "y")
        assert opened(browser_log, 1) == [SPOOFED]  # only after "yes"


async def test_a_click_on_a_spoofed_link_asks_an_honest_one_opens(
    tmp_path: Path, browser_log: Path, make_app: Callable[..., ReaderApp]
) -> None:
    app = make_app(write_article(tmp_path, "a.md", ARTICLE))
    async with app.run_test(size=(120, 40)) as pilot:
        view = await to_the_links(pilot, app)
        view.action_follow_link(SPOOFED)  # what the link's @click meta runs
        await pilot.pause()
        assert "evil.example" in question(app)
        await press(pilot, "escape")  # no
        assert isinstance(app.screen, ReadingScreen)
        view.action_follow_link(HONEST)  # its text names no site: no question
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert opened(browser_log, 1) == [HONEST]
        view.action_follow_link(SPOOFED)
        await pilot.pause()
        await press(pilot, "y")
        assert opened(browser_log, 2) == [HONEST, SPOOFED]
