"""Snapshots of the comment form (French, English, with errors) and of the drafts screen.

Update after an intended UI change with
`.venv/bin/python -m pytest tests/ui/test_composer_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from tests.repo_paths import ARTICLES
from tests.ui.snapshot_steps import settle, with_theme
from tui_reader.core.article.model import load_article
from tui_reader.core.comments.drafts import DraftStore
from tui_reader.ui.comments import composer_screen

SIZE = (120, 40)
FR = ARTICLES / "fr-centres-de-donnees.md"
EN = ARTICLES / "en-night-trains.md"


def press_then_freeze(*keys: str):
    """Dark theme, the keys, then a steady (non-blinking) cursor for a stable picture."""

    async def run(pilot: Pilot) -> None:
        await with_theme(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        widgets = list(pilot.app.screen.query("TextArea, Input"))
        for widget in widgets:
            widget.cursor_blink = False
        await pilot.pause()  # a blink already queued may still toggle the cursor...
        for widget in widgets:  # ...so set it and repaint; TextArea's line cache ignores
            widget._cursor_visible = widget.has_focus  # the blink setting: drop it
            if isinstance(widget, TextArea):
                widget._line_cache.clear()
            widget.refresh()
        await pilot.pause()

    return run


def test_composer_french(snap_compare, make_app) -> None:
    app = make_app(FR, "fr")
    assert snap_compare(app, terminal_size=SIZE, run_before=press_then_freeze("n", "c"))


def test_composer_english(snap_compare, make_app) -> None:
    app = make_app(EN, "en")
    assert snap_compare(app, terminal_size=SIZE, run_before=press_then_freeze("n", "c"))


def test_composer_french_with_errors(snap_compare, make_app) -> None:
    app = make_app(FR, "fr")
    assert snap_compare(app, terminal_size=SIZE, run_before=press_then_freeze("c", "ctrl+s"))


def test_composer_english_with_errors(
    snap_compare, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Posting saves the typed text: the "saved at" time is pinned for a stable picture.
    monkeypatch.setattr(composer_screen, "local_time", lambda value, with_date=True: "08:00:00")
    keys = ("c", *"Nice", "tab", "tab", *"not-an-email", "ctrl+s")
    app = make_app(EN, "en")
    assert snap_compare(app, terminal_size=SIZE, run_before=press_then_freeze(*keys))


@pytest.fixture
def utc() -> Iterator[None]:
    """Local time = UTC, so that the drafts' times are the same on every machine."""
    mp = pytest.MonkeyPatch()
    mp.setenv("TZ", "UTC")
    time.tzset()
    yield
    mp.undo()
    time.tzset()


def test_drafts_screen(snap_compare, make_app, utc: None) -> None:
    for minute, (path, section, comment, status) in enumerate(
        [
            (FR, 2, "Et le prix garanti sur quinze ans, qui le porte ?", "draft"),
            (EN, 1, "We took the Vienna sleeper last spring: worth it.", "ready"),
            (FR, 4, "", "draft"),
        ]
    ):
        article = load_article(path)
        moment = datetime(2026, 11, 26, 8, minute, tzinfo=UTC)
        store = DraftStore(clock=lambda moment=moment: moment)
        draft = store.new_on(article, article.sections[section])
        # A draft holding only the quote inserted with Ctrl+O.
        comment = comment or "> Un campus de plusieurs centaines de mégawatts\n\n"
        draft.comment, draft.status = comment, status
        draft.author, draft.email = "Ada", "ada@example.org"
        assert store.save(draft).ok
    app = make_app(None, "en")
    assert snap_compare(app, terminal_size=SIZE, run_before=press_then_freeze("d"))
