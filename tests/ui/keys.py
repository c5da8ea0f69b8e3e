"""Pressing keys the way the UI tests need: each key, then let the app settle."""

from __future__ import annotations

from textual.pilot import Pilot


async def press(pilot: Pilot, *keys: str) -> None:
    """Press `keys` together, then wait for the app to process what they triggered."""
    await pilot.press(*keys)
    await pilot.pause()
