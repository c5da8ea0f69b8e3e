"""Steps before a snapshot: an explicit theme, and an app at rest.

Background renders make section heights exact (and so the scrollbar's thumb) some time after a
key: a picture taken before they finish would depend on how busy the machine is.
"""

from __future__ import annotations

from textual.pilot import Pilot


async def settle(pilot: Pilot) -> None:
    """Wait until the first paint released the start-up work, the app has processed
    everything and its workers are done."""
    for _ in range(100):
        await pilot.pause()
        if getattr(pilot.app, "painted", True):
            break
        await pilot.pause(0.01)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def with_theme(pilot: Pilot, theme: str = "textual-dark") -> None:
    await settle(pilot)
    pilot.app.theme = theme
    await pilot.pause()


async def dark_theme(pilot: Pilot) -> None:
    await with_theme(pilot)
    await settle(pilot)


def keys_then_theme(*keys: str):
    """Dark theme, then the keys, then rest."""

    async def run(pilot: Pilot) -> None:
        await with_theme(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run
