"""The help screen speaks the interface language, key names included."""

from __future__ import annotations

from tests.repo_paths import ARTICLES
from tests.ui.screen_text import widget_text
from tui_reader.ui.dialogs.help_screen import HelpScreen, key_names


def test_key_names_follow_the_language() -> None:
    assert key_names("> F3 / < Shift+F3", "fr") == "> F3 / < Maj+F3"
    assert key_names("Space PgDn / b PgUp", "fr") == "Espace PgDn / b PgUp"
    assert key_names("Space PgDn / b PgUp", "en") == "Space PgDn / b PgUp"
    assert key_names("g Home / G End", "fr") == "g Début / G Fin"


async def test_french_help_names_french_keys(make_app) -> None:
    app = make_app(ARTICLES / "fr-centres-de-donnees.md", "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = widget_text(app.screen.query_one("#help-table"))
        assert "Échap" in text and "Entrée" in text
        assert "Escape" not in text
