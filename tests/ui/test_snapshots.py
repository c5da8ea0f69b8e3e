"""Snapshot tests: one per screen, at 120x40 with an explicit theme.

Update them after an intended UI change with `pytest tests/ui/test_snapshots.py --snapshot-update`
and look at the report before committing.
"""

from __future__ import annotations

from tests.repo_paths import ARTICLES
from tests.ui.snapshot_steps import dark_theme, keys_then_theme

SIZE = (120, 40)


def test_library_screen(snap_compare, make_app) -> None:
    assert snap_compare(make_app(None, "en"), terminal_size=SIZE, run_before=dark_theme)


def test_reading_screen_french(snap_compare, make_app) -> None:
    app = make_app(ARTICLES / "fr-centres-de-donnees.md", "fr")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys_then_theme("n"))


def test_reading_screen_long_article_with_tables(snap_compare, make_app) -> None:
    app = make_app(ARTICLES / "en-field-guide-markdown-terminal.md", "en")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys_then_theme("n", "n", "n"))


def test_reading_screen_narrow_terminal(snap_compare, make_app) -> None:
    app = make_app(ARTICLES / "en-night-trains.md", "en")
    assert snap_compare(app, terminal_size=(50, 16), run_before=dark_theme)


def test_help_screen(snap_compare, make_app) -> None:
    app = make_app(ARTICLES / "en-night-trains.md", "en")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys_then_theme("question_mark"))


def test_help_screen_french(snap_compare, make_app) -> None:
    app = make_app(ARTICLES / "fr-centres-de-donnees.md", "fr")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys_then_theme("question_mark"))
