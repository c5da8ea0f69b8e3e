"""Snapshots of the command palette and of the paper theme, at 120x40 with an explicit theme.

Update them after an intended UI change with
`pytest tests/ui/test_palette_snapshots.py --snapshot-update` and look at the report first.
"""

from __future__ import annotations

from textual.command import CommandInput, CommandList
from textual.pilot import Pilot

from tests.repo_paths import ARTICLES
from tests.ui.snapshot_steps import settle, with_theme

SIZE = (120, 40)
LONG = ARTICLES / "en-field-guide-markdown-terminal.md"
FR = ARTICLES / "fr-centres-de-donnees.md"


async def palette_with_query(pilot: Pilot, query: str) -> None:
    await with_theme(pilot)
    await pilot.press("n", "n")
    await settle(pilot)
    await pilot.press("ctrl+p")
    await pilot.pause()
    pilot.app.screen.query_one(CommandInput).cursor_blink = False
    await pilot.press(*query)
    command_list = pilot.app.screen.query_one(CommandList)
    for _ in range(60):
        await pilot.pause(0.05)
        if command_list.option_count and pilot.app.screen.has_class("-ready"):
            break
    await pilot.pause(0.3)


def test_palette_finds_sections_commands_and_themes(snap_compare, make_app) -> None:
    async def run_before(pilot: Pilot) -> None:
        await palette_with_query(pilot, "wid")

    assert snap_compare(make_app(LONG, "en"), terminal_size=SIZE, run_before=run_before)


def test_paper_theme_reading_screen(snap_compare, make_app) -> None:
    async def run_before(pilot: Pilot) -> None:
        await with_theme(pilot, "paper")
        await pilot.press("n")
        await settle(pilot)

    assert snap_compare(make_app(FR, "fr"), terminal_size=SIZE, run_before=run_before)
