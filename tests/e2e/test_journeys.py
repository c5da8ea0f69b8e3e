"""The main journeys, as a user makes them: the installed `reader` in a real terminal.

Keys go in bursts where a user would type them fast; each step waits for what the user
would look for on the screen, then checks the files it should have written.
"""

from __future__ import annotations

import re

from tests.e2e.conftest import StartReader
from tests.pty_app import PtyApp
from tests.repo_paths import ARTICLES

FRENCH = ARTICLES / "fr-reforme-bibliotheques.md"
FRENCH_TITLE = "Bibliothèques : des horaires élargis et un prêt numérique à réinventer"
GUIDE = ARTICLES / "en-field-guide-markdown-terminal.md"
NIGHT = ARTICLES / "en-night-trains.md"


def article_top(app: PtyApp) -> str:
    """The first text row of the article pane (right of the sidebar)."""
    return app.lines()[2].split("▕", 1)[-1].strip()


def settled_article(reader: StartReader, path: str, title: str) -> PtyApp:
    app = reader(path)
    app.wait_text(title)
    app.wait_text("c Comment")  # the key bar comes after the first paint
    app.wait_settled()
    return app


def test_library_article_sections_and_back(reader: StartReader) -> None:
    app = reader()
    app.wait_text("Library — bundled articles")
    app.press("j", "Enter")  # the second article
    app.wait_text(FRENCH_TITLE)

    app.press("n")
    app.wait_until(lambda: article_top(app) == "Ouvrir quand les usagers sont disponibles")
    app.press("n", "n")
    app.wait_until(lambda: article_top(app) == "Le prêt numérique, un modèle économique contesté")
    app.press("p")
    app.wait_until(lambda: article_top(app) == "Le cas des petites communes")

    app.press("Escape")
    app.wait_text("Library — bundled articles")
    app.press("q")
    assert app.exit_code() == 0


def test_search_counts_and_steps_through_matches(reader: StartReader) -> None:
    app = settled_article(reader, str(FRENCH), FRENCH_TITLE)
    app.press("/", "numérique", "Enter")

    def status() -> str:
        match = re.search(r"\b(\d+)/(\d+)\b", app.lines()[-2])
        return match.group(0) if match else ""

    app.wait_until(lambda: status().startswith("1/"), what="1/N")
    total = status().split("/")[1]
    assert int(total) > 1
    app.press("Enter")
    app.wait_until(lambda: status() == f"2/{total}", what="2/N")
    app.press("Escape", "Escape")  # close the bar, then clear the highlights
    app.wait_gone(f"2/{total}")


def test_links_screen_jumps_to_a_section(reader: StartReader) -> None:
    app = settled_article(reader, str(GUIDE), "A Field Guide to Reading and Writing")
    app.press("l")
    app.wait_text("Links — Introduction")
    app.press("Down", "Down", "Enter")  # the third link: "Choosing a pager"... -> a section
    app.wait_gone("Links — Introduction")
    app.wait_until(lambda: article_top(app) == "The less pager, still the default")


def test_compose_and_post_a_comment_in_french(reader: StartReader) -> None:
    app = settled_article(reader, str(FRENCH), FRENCH_TITLE)
    app.press("c", "Très bon article, merci.", "Tab", "Marie Curie", "Tab", "marie@exemple.fr")
    app.wait_text("marie@exemple.fr")
    app.press("Ctrl+S")

    app.wait_text("Comment ready")  # the interface speaks English (LANG), the form French
    app.wait_gone("Laisser un commentaire")
    [draft] = app.wait_drafts(lambda d: len(d) == 1 and d[0]["status"] == "ready")
    assert (draft["comment"], draft["author"], draft["email"]) == (
        "Très bon article, merci.",
        "Marie Curie",
        "marie@exemple.fr",
    )
    assert draft["lang"] == "fr"


def test_compose_and_post_a_comment_in_english(reader: StartReader) -> None:
    app = settled_article(reader, str(NIGHT), "The Night Train Is Back")
    app.press("c")
    app.wait_text("Leave a Reply")
    app.press("A fine read.", "Tab", "Hannah", "Tab", "hannah@example.org", "Ctrl+S")

    app.wait_text("Comment ready")
    [draft] = app.wait_drafts(lambda d: len(d) == 1 and d[0]["status"] == "ready")
    assert (draft["comment"], draft["author"], draft["email"]) == (
        "A fine read.",
        "Hannah",
        "hannah@example.org",
    )
    assert draft["lang"] == "en"


def test_drafts_screen_lists_a_draft(reader: StartReader) -> None:
    app = settled_article(reader, str(FRENCH), FRENCH_TITLE)
    app.press("c", "Un brouillon à finir", "Escape")
    app.wait_gone("Laisser un commentaire")
    app.wait_drafts(lambda d: len(d) == 1)

    app.press("d")
    app.wait_text("Comment drafts — 1")
    app.wait_text("Un brouillon à finir")
    app.press("Escape")
    app.wait_gone("Comment drafts — 1")
    app.wait_text(FRENCH_TITLE)
