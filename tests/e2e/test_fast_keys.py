"""Keys typed fast (one burst on the pty) land where the reader meant them (issue 10).

Each test writes its keys in ONE write, as a fast typist, a paste of keys or a terminal macro
does, and checks what a slow typist would get: the screen, and the drafts on disk.
"""

from __future__ import annotations

from tests.e2e.conftest import StartReader
from tests.pty_app import PtyApp
from tests.repo_paths import ARTICLES

FRENCH = ARTICLES / "fr-reforme-bibliotheques.md"
FRENCH_TITLE = "Bibliothèques : des horaires élargis et un prêt numérique à réinventer"
FORM_FR = "Laisser un commentaire"


def open_french(reader: StartReader) -> PtyApp:
    """The French article, painted and settled (sidebar and key bar mounted)."""
    app = reader(str(FRENCH))
    app.wait_text(FRENCH_TITLE)
    app.wait_text("Le cas des petites communes")  # the contents sidebar
    app.wait_stable()
    return app


def test_form_fields_typed_fast_land_in_their_fields(reader: StartReader) -> None:
    app = open_french(reader)
    app.press("c")
    app.wait_text(FORM_FR)
    app.wait_stable()

    app.press("Bonjour", "Tab", "Marie", "Tab", "m@ex.fr")

    # Wait for the autosave of whatever the form got, then check where each part went.
    drafts = app.wait_drafts(lambda d: len(d) == 1 and "m@ex.fr" in d[0]["comment"] + d[0]["email"])
    draft = drafts[0]
    assert (draft["comment"], draft["author"], draft["email"]) == ("Bonjour", "Marie", "m@ex.fr")
    app.wait_text("Marie")
    assert "BonjourMarie" not in app.screen_text()


def test_text_typed_right_after_c_goes_into_the_form(reader: StartReader) -> None:
    app = open_french(reader)
    app.press("c", "Bonjour à tous")

    app.wait_text(FORM_FR)
    # Autosave may catch the form mid-burst: wait for the whole text, or fail showing it.
    app.wait_drafts(lambda d: len(d) == 1 and d[0]["comment"] == "Bonjour à tous")
    app.wait_text("Bonjour à tous")
    assert FRENCH_TITLE not in app.screen_text() or FORM_FR in app.screen_text()


def test_query_typed_right_after_slash_goes_into_the_search_bar(reader: StartReader) -> None:
    app = open_french(reader)
    app.press("/", "quai")  # `q` would quit if it reached the reading screen

    app.wait_text("quai")
    app.wait_stable()
    assert not app.exited()
    bar = [line for line in app.lines() if "quai" in line]
    assert len(bar) == 1, app.screen_text()

    app.press("Enter")  # the search runs on what was typed
    app.wait_text("No match for “quai”")  # the interface speaks the locale's language
    assert not app.exited()


def test_keys_typed_before_the_first_paint_are_kept(reader: StartReader) -> None:
    app = reader()
    app.press("j", "j", "Enter")  # before the library is even drawn

    # The third article of the library is open: its full title is in the reading header.
    app.wait_text("Centres de données : la France mise sur l'IA, mais qui paiera la facture ?")
    app.wait_stable()
    assert not app.exited()


def test_library_burst_opens_leaves_and_opens_the_next(reader: StartReader) -> None:
    app = reader()
    app.wait_text("The Night Train Is Back")
    app.wait_stable()

    app.press("Enter", "Escape", "Down", "Enter")

    # The first article was opened and left, the second one is open; nothing failed.
    app.wait_text(FRENCH_TITLE)
    app.wait_stable()
    assert not app.exited()
    assert b"Error" not in app.tail(100_000)
    app.press("q")
    assert app.exit_code() == 0


def test_a_bracketed_paste_right_after_c_lands_whole_in_the_form(reader: StartReader) -> None:
    app = open_french(reader)
    text = "Collé d'un coup : " + "une phrase assez longue, " * 40
    app.send("c" + "\x1b[200~" + text + "\x1b[201~")  # as a terminal sends a paste

    app.wait_drafts(lambda d: len(d) == 1 and d[0]["comment"] == text)
    assert not app.exited()
