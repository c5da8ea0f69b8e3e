"""Issue 11: Back after following a link, typed fast, in the installed reader in a real pty."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import StartReader

FILLER = "Une phrase pour remplir la section et la rendre assez longue. " * 12


def test_enter_on_a_link_then_backspace_in_one_burst_lands_back_exactly(
    reader: StartReader, tmp_path: Path
) -> None:
    article = tmp_path / "sauts.md"
    parts = [
        f"# Sauts\n\nVoir [la fin](#la-fin) plus bas.\n\n{FILLER}\n",
        *(f"## Partie {i}\n\nLigne {i}. {FILLER}\n\n{FILLER}\n" for i in range(8)),
        "## La fin\n\nLe mot zzfin est ici.\n",
    ]
    article.write_text("\n".join(parts), encoding="utf-8")
    app = reader(str(article))
    app.wait_text("Voir la fin")
    app.wait_text("Partie 7")  # the contents sidebar
    app.press("j", "j", "j", "j")
    app.wait_gone("Voir la fin")
    app.wait_stable()
    before = app.lines()[2:-1]  # the body: below the header, above the key bar

    app.press("l", "Enter", "Backspace")  # the links, the first one (#la-fin), back

    app.wait_stable()
    assert not app.exited()
    assert app.lines()[2:-1] == before, app.screen_text()
    assert "No links" not in app.screen_text()  # the link was there to follow
    # Alt+→ as terminals send it (ESC [1;3C) goes forward, and Alt+← back, not to the library.
    app.press("Alt+Right")
    app.wait_text("zzfin")
    app.press("Alt+Left")
    app.wait_gone("zzfin")
    app.wait_stable()
    assert app.lines()[2:-1] == before, app.screen_text()
