"""Pressing keys the way the UI tests need: each key, then let the app settle."""

from __future__ import annotations

from textual.pilot import Pilot


async def press(pilot: Pilot, *keys: str) -> None:
    """Press `keys` together, then wait for the app to process what they triggered."""
    await pilot.press(*keys)
    await settled(pilot)


async def settled(pilot: Pilot) -> None:
    """Wait (up to ~5 s) until the app's key queue has let every pressed key through and the
    app handled what they set off: a busy machine must not make a test read the screen early."""
    queue = getattr(pilot.app, "keys", None)
    for _ in range(200):
        await pilot.pause()
        if queue is None or queue.idle:
            break
        await pilot.pause(0.02)
    await pilot.pause()
