"""Composer flows in a real terminal (issue 10): closed comments, `c` after posting, Escape
back to the drafts screen, a French form's status line under LANG=C. Keys are typed one group
at a time, waiting for the screen (these are not the fast-typing cases)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.conftest import StartReader
from tests.pty_app import PtyApp
from tests.repo_paths import ARTICLES

EN = ARTICLES / "en-night-trains.md"
FR = ARTICLES / "fr-centres-de-donnees.md"


def typed(app: PtyApp, *parts: str, shows: str | None = None) -> None:
    """Type, then wait for `shows` (or for the screen to settle)."""
    app.press(*parts)
    if shows is not None:
        app.wait_text(shows)
    app.wait_stable()


def open_form(app: PtyApp, title: str = "Leave a Reply") -> None:
    app.wait_stable()
    typed(app, "c", shows=title)


def test_closed_comments_open_no_form(reader: StartReader, tmp_path: Path) -> None:
    article = tmp_path / "closed.md"
    article.write_text(
        "---\ntitle: Closed here\nlang: en\ncomments: closed\n---\n\n# Closed here\n\nText.\n",
        "utf-8",
    )
    app = reader(str(article))
    app.wait_text("Closed here")
    app.wait_stable()
    app.press("c")
    app.wait_text("Sorry, comments are closed for this item.")
    assert "Leave a Reply" not in app.screen_text()
    assert app.drafts() == []
    app.press("q")
    assert app.exit_code() == 0
    assert app.drafts() == []


def remember_identity(home: Path) -> None:
    """Name and email remembered (identity.json): new drafts are prefilled, no Tab needed."""
    data = home / "data" / "tui-reader"
    data.mkdir(parents=True, mode=0o700)
    identity = {"schema": 1, "author": "Ada", "email": "ada@example.org", "url": ""}
    (data / "identity.json").write_text(json.dumps(identity), "utf-8")
    (data / "identity.json").chmod(0o600)


def test_c_after_posting_opens_a_new_draft(reader: StartReader, home: Path) -> None:
    remember_identity(home)
    app = reader(str(EN))
    app.wait_text("The Night Train Is Back")
    open_form(app)
    app.wait_text("ada@example.org")
    typed(app, "Posted once.", shows="Posted once.")
    app.press("Ctrl+S")
    app.wait_gone("Leave a Reply")
    app.wait_drafts(lambda docs: [d["status"] for d in docs] == ["ready"])
    open_form(app)
    app.wait_text("draft · not saved yet")  # a new one, not the posted one
    assert "Posted once." not in app.screen_text()
    typed(app, "Second.", shows="Second.")
    app.press("Escape")
    app.wait_gone("Leave a Reply")
    docs = app.wait_drafts(lambda docs: len(docs) == 2)
    assert sorted((d["comment"], d["status"]) for d in docs) == [
        ("Posted once.", "ready"),
        ("Second.", "draft"),
    ]


def test_escape_in_a_form_opened_from_the_drafts_screen_returns_to_it(
    reader: StartReader,
) -> None:
    app = reader(str(EN))
    app.wait_text("The Night Train Is Back")
    open_form(app)
    typed(app, "Kept for later.", shows="Kept for later.")
    app.press("Escape")
    app.wait_gone("Leave a Reply")
    app.wait_drafts(lambda docs: len(docs) == 1)
    app.wait_stable()
    typed(app, "d", shows="Comment drafts — 1")
    typed(app, "Enter", shows="Leave a Reply")
    app.press("Escape")
    app.wait_gone("Leave a Reply")
    app.wait_text("Comment drafts — 1")
    app.wait_stable()
    app.press("Escape")
    app.wait_gone("Comment drafts")
    app.wait_text("The Night Train Is Back")


def test_a_french_form_speaks_french_under_lang_c(reader: StartReader) -> None:
    app = reader(str(FR), env={"LANG": "C"})
    app.wait_text("Centres de données")
    app.wait_text("min read")  # the interface is English
    open_form(app, "Commentaire sur :")  # the heading "Laisser un commentaire" is in the article
    app.wait_text("brouillon · pas encore enregistré")
    assert "not saved yet" not in app.screen_text()
    typed(app, "Bonjour", shows="Bonjour")
    app.wait_text("brouillon · enregistré à ")  # autosaved
    app.wait_until(lambda: "esc Close" in app.lines()[-1], what="English footer")
    app.press("Escape")
    app.wait_gone("Commentaire sur :")
