"""The thread and the fetch dialog in the app against the real WordPress on 127.0.0.1
(tests/wordpress): `R` brings a new comment, marked new, and changes nothing when the site is
down; "Fetch an article…" saves the post with its comments and opens it; a bad address is
told with the command line's words."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tests.ui.keys import press
from tests.ui.screen_text import visible_lines
from tests.ui.test_thread import notifications, thread_shown
from tests.wordpress.site import WordPressSite
from tui_reader.core.web.fetch_report import fetch_into
from tui_reader.core.web.thread import sidecar_path
from tui_reader.ui.dialogs.fetch_dialog import FetchDialog
from tui_reader.ui.library.library_screen import LibraryScreen
from tui_reader.ui.reading.reading_screen import ReadingScreen


@pytest.fixture
def site(wp_en: WordPressSite) -> Iterator[WordPressSite]:
    """The English site, reset afterwards too (these tests add comments, stop the server)."""
    yield wp_en
    wp_en.reset()


async def until(pilot: Pilot, check: Callable[[], bool], what: str) -> None:
    for _ in range(500):  # ~10 s: the site answers in milliseconds when it is up
        if check():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never: {what}")


async def test_R_fetches_the_new_comments_and_changes_nothing_offline(
    make_app, site: WordPressSite, tmp_path: Path
) -> None:
    path = fetch_into(site.posts["open"].url, tmp_path, "en").path
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await thread_shown(pilot)
        thread = screen.thread
        assert thread.layout is not None and thread.layout.count == 3
        new_id = site.approve_author("Eve Later", "eve@example.com", site.posts["open"].id)
        await press(pilot, "R")
        await until(pilot, lambda: thread.layout is not None and thread.layout.count == 4, "R")
        assert "1 new comment (4 in all), marked new" in notifications(pilot)
        eve = thread.layout.find(new_id)
        assert eve is not None and eve.new and eve.author == "Eve Later"
        assert [b.comment_id for b in thread.layout.blocks if b.new] == [new_id]
        assert str(screen.sidebar.get_option_at_index(screen.sidebar.option_count - 1).prompt) == (
            "Comments (4)"
        )
        index = thread.layout.blocks.index(eve)
        screen.view.jump_to_part(index + 1)
        await pilot.pause()
        assert visible_lines(screen.view)[0].strip().startswith("Eve Later")
        assert visible_lines(screen.view)[0].rstrip().endswith(" new")

        site.stop_server()
        before = sidecar_path(path).read_bytes()
        shown = thread.layout
        await press(pilot, "R")
        await until(pilot, lambda: not thread.updating, "the failed update")
        (message,) = [m for m in notifications(pilot) if "not updated" in m]
        assert "the site does not answer" in message
        assert sidecar_path(path).read_bytes() == before
        assert thread.layout is shown


async def open_dialog(pilot: Pilot, palette: str = "") -> FetchDialog:
    """`F` in the library, or `palette`: the command typed in the palette."""
    await pilot.pause(0.3)  # the library is listed
    assert isinstance(pilot.app.screen, LibraryScreen)
    if palette:
        await press(pilot, "ctrl+p")
        await pilot.press(*palette)
        await pilot.pause(0.3)  # the palette searches in the background
        await press(pilot, "enter")
    else:
        await press(pilot, "F")
    dialog = pilot.app.screen
    assert isinstance(dialog, FetchDialog)
    return dialog


async def test_the_fetch_dialog_saves_the_post_and_opens_it(
    make_app, site: WordPressSite, isolated_dirs: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_dialog(pilot)
        dialog.query_one(Input).value = site.posts["open"].url  # as pasted
        await press(pilot, "enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, ReadingScreen), "the article")
        screen = await thread_shown(pilot)
        assert screen.article.title == "Comments are open"
        assert screen.thread.layout is not None and screen.thread.layout.count == 3
        saved = isolated_dirs / "data" / "tui-reader" / "articles" / f"{site.posts['open'].slug}.md"
        assert screen.article.path == saved and sidecar_path(saved).is_file()
        assert any(m.startswith("Saved: ") for m in notifications(pilot))


async def test_bad_addresses_are_told_and_the_dialog_stays(
    make_app, site: WordPressSite, isolated_dirs: Path
) -> None:
    app = make_app(lang="fr")
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_dialog(pilot, palette="Récupérer un")
        status = dialog.query_one("#fetch-status", Static)
        field = dialog.query_one(Input)
        cases = [
            ("ftp://127.0.0.1/x", "seules les adresses http et https peuvent être récupérées"),
            ("pas une adresse", "ce n'est pas une adresse web : pas une adresse"),
        ]
        site.stop_server()
        cases.append((site.posts["open"].url, "le site ne répond pas"))
        for url, words in cases:
            field.value = url
            await press(pilot, "enter")
            await until(pilot, lambda: not dialog.fetching, url)
            assert words in str(status.render())
            assert status.has_class("-error") and pilot.app.screen is dialog
            assert field.value == url and not field.disabled
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, LibraryScreen)
        assert not (isolated_dirs / "data" / "tui-reader" / "articles").exists()
