"""Start-up: everything that exists to make the first screen of text appear sooner.

Time to first paint is what a reader feels on opening an article, so the start-up path is kept
on a diet (tests/test_startup.py enforces it): the sidebar's entries, the key bar, the search
bar, the draft counts and the background renders all come a frame later, through the
first-paint queue kept here. Also here: the garbage-collector policy (no collection while the
start-up objects are built, then they are frozen) and the deferred mount of widgets.

This module imports no Textual at import time: `cli` uses it before deciding to start the app.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode
    from textual.widget import AwaitMount, Widget

# Start-up work waiting for the first paint runs after this long in any case (a screen that
# never reports its first paint, such as the library).
FALLBACK = 0.3


def pause_gc() -> None:
    """No collection while start-up builds its many long-lived objects (cli, before imports)."""
    gc.disable()


def _freeze_and_collect() -> None:
    """Start-up objects (Textual's, the article's) live as long as the app: freeze them so
    later collections skip them, then let the collector run again."""
    gc.freeze()
    gc.enable()


class FirstPaint:
    """The queue of one app: callbacks that wait until the first screen of text is drawn."""

    def __init__(self, app: App[object]) -> None:
        self.app = app
        self.done = False
        self._waiting: list[Callable[[], object]] = []

    def later(self, callback: Callable[[], object]) -> None:
        if self.done:
            self.app.call_after_refresh(callback)
        else:
            self._waiting.append(callback)

    def report(self) -> None:
        """The frame being rendered holds the first screen of text: the callbacks run after
        this refresh, once the frame is written. (Callbacks asked for "after the refresh" at
        start-up run after a frame Textual renders but does not write, when its start-up
        batch is still open.)"""
        if self.done:
            return
        self.done = True
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            self.app.call_after_refresh(callback)


_QUEUES: WeakKeyDictionary[App[object], FirstPaint] = WeakKeyDictionary()


def first_paint(app: App[object]) -> FirstPaint:
    """The app's queue, made on first use: the widgets that use it work in any app."""
    queue = _QUEUES.get(app)
    if queue is None:
        queue = _QUEUES[app] = FirstPaint(app)
        app.set_timer(FALLBACK, queue.report)
    return queue


def start(app: App[object]) -> None:
    """Called once the app is mounted: the queue exists, the collector resumes after paint."""
    first_paint(app).later(_freeze_and_collect)


def after_first_paint(node: DOMNode, callback: Callable[[], object]) -> None:
    """Run `callback` after the first paint (after the next refresh once it happened)."""
    first_paint(node.app).later(callback)


def first_paint_done(node: DOMNode) -> None:
    """Report that the frame being rendered holds the first screen of text."""
    first_paint(node.app).report()


def painted(app: App[object]) -> bool:
    """Whether the first screen of text has been drawn (and start-up work released)."""
    return first_paint(app).done


class DeferredMount:
    """Widgets mounted once, when first asked for (`ensure`): after the first paint, or sooner
    when the reader needs them.

    `make` builds them when they are mounted, so their modules (the footer's) can wait too."""

    def __init__(
        self, parent: Widget, make: Callable[[], list[Widget]], *, after: str | None = None
    ) -> None:
        self.parent = parent
        self._make = make
        self._after = after
        self._mounting: AwaitMount | None = None

    async def ensure(self) -> bool:
        """Mount the widgets if not yet done; False when the parent was left meanwhile."""
        if self._mounting is None:
            if not self.parent.is_attached:
                return False
            self._mounting = self.parent.mount(*self._make(), after=self._after)
        await self._mounting
        return True
