"""The key queue (ui/key_queue.py) in-process: keys posted at once are routed one at a time,
and the two Textual internals it reads still mean what it takes them to mean."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual import events
from textual.widgets import Input, TextArea

from tests.repo_paths import ARTICLES
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.key_queue import pending_messages


async def until(check: Callable[[], bool], timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check():
        assert loop.time() < deadline, "never happened"
        await asyncio.sleep(0.01)


async def test_keys_posted_at_once_land_in_the_screen_and_field_they_open(
    make_app: Callable[..., ReaderApp],
) -> None:
    app = make_app(ARTICLES / "fr-reforme-bibliotheques.md")
    async with app.run_test() as pilot:
        await pilot.pause()
        await until(lambda: app.painted)
        # One burst, as the driver posts a fast typist's keys: nothing waits in between.
        for key, char in [("c", "c"), ("B", "B"), ("o", "o"), ("tab", "\t"), ("M", "M")]:
            app.post_message(events.Key(key, char))
        await until(lambda: bool(app.screen.query("#author")))  # the form is open
        author = app.screen.query_one("#author", Input)
        await until(lambda: author.value == "M")
        assert app.screen.query_one("#comment", TextArea).text == "Bo"
        assert app.focused is author


async def test_pending_messages_counts_until_a_message_is_handled(
    make_app: Callable[..., ReaderApp],
) -> None:
    """Pins Textual's `_message_queue` (an asyncio.Queue, task_done() after each message)."""
    app = make_app(ARTICLES / "en-short-note.txt")
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        await until(lambda: pending_messages(screen) == 0)
        screen.post_message(events.Callback(callback=lambda: None))
        assert pending_messages(screen) == 1
        await until(lambda: pending_messages(screen) == 0)
        # call_after_refresh work waits on the screen's `_callbacks` (read by busy()).
        assert isinstance(screen._callbacks, list)
