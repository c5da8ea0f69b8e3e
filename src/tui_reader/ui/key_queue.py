"""Keys handled one at a time, as if typed slowly (issue 10).

Textual routes a key the moment it reaches the app: onto the queue of the widget focused at
that moment. When a key opens a screen or moves the focus, the keys typed right after it are
already queued on the old target: `c` + text runs the text as reading commands, `Tab` in a
fast `Bonjour<Tab>Marie` is typed into the comment, `/quai` quits. And keys typed before the
first screen is ready go to an empty screen.

KeyQueue holds every key and paste from the terminal and lets the next one through only when
the app is quiet again: every message of the app, of the screens and of the current screen's
widgets handled, new widgets mounted, the screen's after-refresh callbacks run, the first
paint done.
That is what a slow typist gets between two keys. A paste is one event, so it stays as fast.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode
    from textual.message_pump import MessagePump

# A widget that never gets quiet (a bug, a wedged mount) must not swallow the keys: the next
# key goes after this long anyway.
SETTLE_LIMIT = 5.0
# Quiet must hold over this many turns of the event loop: a task resumed by the previous turn
# (an awaited mount, a removal) may post more work.
QUIET_TURNS = 3


def pending_messages(pump: MessagePump) -> int:
    """Messages queued on `pump` or being handled by it.

    Textual keeps no public count: this reads its queue (`_message_queue`, an asyncio.Queue
    whose `task_done()` Textual calls after each message), pinned by tests/ui/test_key_queue.py.
    """
    queue: Any = pump._message_queue
    return int(getattr(queue, "_unfinished_tasks", queue.qsize()))


class KeyQueue:
    """Owned by the app, whose `on_event` hands over every key and paste from the terminal."""

    def __init__(self, app: App[object], ready: Callable[[], bool]) -> None:
        self.app = app
        self._ready = ready  # the first screen is painted
        self._held: deque[events.Event] = deque()
        self._releasing: events.Event | None = None
        self._draining = False
        # The screen and focus when the last key was let through: after-refresh work is
        # waited for only once a key has changed them (typing must not wait a frame a key).
        self._before: tuple[object, object] = (None, None)

    def hold(self, event: events.Key | events.Paste) -> bool:
        """Take an event from the terminal. False: it is the event let through now, to be
        routed as Textual does; True: it is held, and will be posted again in its turn."""
        if event is self._releasing:
            self._releasing = None
            return False
        if not self._ready() and isinstance(event, events.Key) and event.key == "ctrl+j":
            # Typed before the app put the terminal in raw mode: the tty turned Enter (\r)
            # into a line feed.
            event = events.Key("enter", "\r")
        self._held.append(event)
        if not self._draining:
            self._draining = True
            self.app.run_worker(self._drain(), name="key-queue", group="key-queue")
        return True

    async def _drain(self) -> None:
        try:
            while self._held:
                await self._settle()
                event = self._held.popleft()
                self._releasing = event
                self._before = (self.app.screen, self.app.focused)
                if not self.app.screen_stack or not self.app.post_message(event):  # closing
                    self._held.clear()
                    self._releasing = None
        finally:
            self._draining = False

    async def _settle(self) -> None:
        """Wait until the app is quiet (or SETTLE_LIMIT)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SETTLE_LIMIT
        quiet = spins = 0
        while quiet < QUIET_TURNS and loop.time() < deadline:
            if self.busy():
                quiet = 0
                spins += 1
                # Yield at once while work is flowing; past that, poll without spinning.
                await asyncio.sleep(0 if spins < 100 else 0.002)
            else:
                quiet += 1
                await asyncio.sleep(0)

    @property
    def idle(self) -> bool:
        """No key held nor being let through (what tests wait for after pressing)."""
        return not self._held and not self._draining

    def busy(self) -> bool:
        """Whether anything the previous keys set off is still to be handled."""
        app = self.app
        if not self._ready() or pending_messages(app) or self._releasing is not None:
            return True
        stack = app.screen_stack
        if not stack:  # the app is closing
            return False
        *below, current = stack
        # A screen still reading what the next keys act on (a reading screen's comment thread).
        holds = getattr(current, "holds_keys", None)
        if holds is not None and holds():
            return True
        # call_after_refresh work, run by the current screen (Textual keeps no public count),
        # once the last key opened a screen or moved the focus (the library's rows, the
        # reading screen's sidebar). After a refresh the screen runs it when it next handles
        # a message: prompt it.
        from textual.widgets import Footer  # loaded by then (mounted after the first paint)

        moved = self._before != (current, app.focused)
        if moved and any(not _for_footer(callback) for callback, _ in current._callbacks):
            current.check_idle()
            return True
        # The screens below take their own messages (a dismissed screen's result), not their
        # widgets' (footers recomposing when the bindings change above them).
        if any(pending_messages(screen) for screen in below):
            return True
        # A key bar never takes a key: its recomposing does not hold the next one.
        nodes: list[DOMNode] = [current]
        while nodes:
            node = nodes.pop()
            if (isinstance(node, Widget) and not node.is_mounted) or pending_messages(node):
                return True
            if not isinstance(node, Footer):
                nodes.extend(node.children)
        return False


def _for_footer(callback: object) -> bool:
    """Whether an after-refresh callback is a key bar's (a Footer recomposing)."""
    from textual.widgets import Footer

    target = getattr(getattr(callback, "func", callback), "__self__", None)
    return isinstance(target, Footer)
