"""Snapshots of search and links, at 120x40 with an explicit theme.

Update them after an intended UI change with
`pytest tests/ui/test_search_snapshots.py --snapshot-update` and look at the report first.
"""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from tests.repo_paths import ARTICLES
from tests.ui.snapshot_steps import dark_theme, settle
from tui_reader.ui.reading.article_view import ArticleView

SIZE = (120, 40)


async def search_french(pilot: Pilot) -> None:
    await dark_theme(pilot)
    await pilot.press("slash")
    pilot.app.screen.query_one("#search-input", Input).cursor_blink = False
    await pilot.press(*"electricite", "enter", "down", "down")
    await settle(pilot)


async def links_of_further_reading(pilot: Pilot) -> None:
    await dark_theme(pilot)
    pilot.app.screen.query_one(ArticleView).jump_to_slug("further-reading")
    await pilot.pause()
    await pilot.press("l", "down")
    await settle(pilot)


def test_search_bar_with_highlights(snap_compare, make_app) -> None:
    app = make_app(ARTICLES / "fr-centres-de-donnees.md", "fr")
    assert snap_compare(app, terminal_size=SIZE, run_before=search_french)


def test_links_screen(snap_compare, make_app) -> None:
    app = make_app(ARTICLES / "en-field-guide-markdown-terminal.md", "en")
    assert snap_compare(app, terminal_size=SIZE, run_before=links_of_further_reading)
