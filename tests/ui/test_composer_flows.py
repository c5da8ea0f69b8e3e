"""Composer flows of issue 10, through Pilot: the quote kept once, closed comments, `c` after
posting, the $EDITOR file's last line, tabs pasted into one-line fields, and which language each
message of the form speaks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, Static, TextArea

from tests.repo_paths import ARTICLES
from tests.ui.keys import press
from tests.ui.test_composer import (
    draft_docs,
    notifications,
    only_draft,
    open_composer,
    type_text,
    write_editor,
)
from tests.ui.test_drafts_screen import make_draft, status_on_disk
from tui_reader.cli_drafts import run_drafts
from tui_reader.core.catalog import resolve_language
from tui_reader.core.comments.drafts import DraftStore
from tui_reader.core.comments.export import to_markdown
from tui_reader.ui.comments.composer_screen import ComposerScreen
from tui_reader.ui.comments.drafts_screen import DraftsScreen
from tui_reader.ui.reading.reading_screen import ReadingScreen

FR = ARTICLES / "fr-centres-de-donnees.md"
EN = ARTICLES / "en-night-trains.md"
CLOSED_EN = "Sorry, comments are closed for this item."
CLOSED_FR = "Désolé, les commentaires sont fermés pour cet élément."


def state_line(screen: ComposerScreen) -> str:
    return str(screen.query_one("#composer-state", Static).render())


# --- the quote: once ------------------------------------------------------------------------


async def test_a_quote_is_kept_once_and_exported_once(make_app, isolated_dirs: Path) -> None:
    app = make_app(EN, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n", "j", "j")
        paragraph = "The decline was gradual and then sudden."
        screen = await open_composer(pilot)
        await type_text(pilot, "I agree.")
        await press(pilot, "ctrl+o")
        await press(pilot, "ctrl+o")  # again: replaces, never stacks
        text = screen.query_one(TextArea).text
        assert text.count(paragraph) == 1 and text.endswith("\n\nI agree.")
        await press(pilot, "escape")
    doc = only_draft(isolated_dirs)
    assert doc["comment"] == text and "quote" not in doc
    exported = to_markdown(DraftStore().load_all().drafts, "en")
    assert exported.count(paragraph) == 1


# --- comments closed ------------------------------------------------------------------------


def closed_article(tmp_path: Path, lang: str = "en") -> Path:
    path = tmp_path / "closed.md"
    path.write_text(
        f"---\ntitle: Closed\nlang: {lang}\ncomments: closed\n---\n\n# Closed\n\nText.\n\n"
        "## Part\n\nMore text.\n",
        "utf-8",
    )
    return path


async def test_closed_comments_open_no_form_and_queue_nothing(
    make_app, tmp_path: Path, isolated_dirs: Path
) -> None:
    article = closed_article(tmp_path)
    app = make_app(article, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "c")
        assert isinstance(app.screen, ReadingScreen)  # no form
        assert CLOSED_EN in notifications(app)
        await pilot.press(*"typed after")
        await pilot.pause()
    assert draft_docs(isolated_dirs) == []


async def test_a_draft_on_an_article_closed_since_cannot_be_made_ready(
    make_app, tmp_path: Path, isolated_dirs: Path
) -> None:
    article = closed_article(tmp_path, "fr")
    draft = make_draft(article, 1, comment="Écrit avant la fermeture", author="Ada",
                       email="ada@example.org")  # fmt: skip
    app = make_app(article, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "d")
        assert isinstance(app.screen, DraftsScreen)
        await press(pilot, "r")  # it would pass the form's checks, but the site is closed
        assert CLOSED_FR in notifications(app)  # the site's answer, in the article's language
        assert status_on_disk(isolated_dirs, draft) == "draft"
        await press(pilot, "enter")  # opens it, read-only, saying why
        composer = app.screen
        assert isinstance(composer, ComposerScreen) and composer.read_only
        assert CLOSED_FR in str(composer.query_one("#composer-notice", Static).render())
        await press(pilot, "ctrl+s")
        await press(pilot, "ctrl+n")  # no new draft either
        assert isinstance(app.screen, ComposerScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, DraftsScreen)
    assert status_on_disk(isolated_dirs, draft) == "draft"
    assert len(draft_docs(isolated_dirs)) == 1


def test_reader_drafts_validate_fails_a_ready_draft_whose_article_closed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = closed_article(tmp_path)
    draft = make_draft(article, 1, comment="Queued", author="Ada", email="ada@example.org")
    assert DraftStore().set_status(draft.id, "ready").ok
    assert run_drafts(["validate"], "en") == 1
    out = capsys.readouterr().out
    assert f"{draft.short_id}  {CLOSED_EN}" in out


# --- after posting, `c` starts anew; Escape goes back to the drafts screen ------------------


async def test_c_after_posting_opens_a_new_draft(make_app, isolated_dirs: Path) -> None:
    app = make_app(EN, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await open_composer(pilot)
        await type_text(pilot, "First, posted.")
        screen.query_one("#author", Input).value = "Ada"
        screen.query_one("#email", Input).value = "ada@example.org"
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ReadingScreen)
        posted = only_draft(isolated_dirs)
        assert posted["status"] == "ready"
        screen = await open_composer(pilot)
        assert screen.draft.id != posted["id"]
        assert screen.query_one(TextArea).text == ""
        await type_text(pilot, "Second.")
        await press(pilot, "escape")
    docs = {d["comment"]: d["status"] for d in draft_docs(isolated_dirs)}
    assert docs == {"First, posted.": "ready", "Second.": "draft"}


async def test_escape_in_a_form_opened_from_the_drafts_screen_returns_there(make_app) -> None:
    make_draft(EN, 1, comment="About sleepers")
    app = make_app(EN, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        reading = app.screen
        await press(pilot, "d")
        await press(pilot, "enter")
        assert isinstance(app.screen, ComposerScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, DraftsScreen)
        await press(pilot, "n")  # a new one from the list: back to the list too
        assert isinstance(app.screen, ComposerScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, DraftsScreen)
        await press(pilot, "escape")
        assert app.screen is reading


# --- the $EDITOR file, pasted tabs, Ctrl+C ---------------------------------------------------


async def test_a_line_the_editor_appends_is_a_line_of_its_own(
    make_app, tmp_path: Path, isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = write_editor(tmp_path, 'echo "Added by the editor." >> "$1"')
    monkeypatch.setenv("EDITOR", f"'{script}'")
    app = make_app(EN, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await open_composer(pilot)
        await type_text(pilot, "Typed here.")
        await press(pilot, "ctrl+e")
        assert screen.query_one(TextArea).text == "Typed here.\nAdded by the editor."
        await press(pilot, "escape")
    assert only_draft(isolated_dirs)["comment"] == "Typed here.\nAdded by the editor."


async def test_a_tab_pasted_into_name_or_email_is_not_kept(make_app, isolated_dirs: Path) -> None:
    app = make_app(EN, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await open_composer(pilot)
        await type_text(pilot, "Hi")
        for name, pasted, kept in (
            ("author", "Ada\tLovelace", "Ada Lovelace"),
            ("email", "ada@example.org\t", "ada@example.org "),
        ):
            field = screen.query_one(f"#{name}", Input)
            field.focus()
            field.post_message(events.Paste(pasted))
            await pilot.pause()
            assert field.value == kept
        await press(pilot, "escape")
    doc = only_draft(isolated_dirs)
    assert (doc["author"], doc["email"]) == ("Ada Lovelace", "ada@example.org ")
    assert "\t" not in json.dumps(doc) and "\\t" not in json.dumps(doc)


@pytest.mark.parametrize(("lang", "hint"), [("en", "Press q to quit."), ("fr", "Appuyez sur q")])
async def test_ctrl_c_says_how_to_quit_without_markup(make_app, lang: str, hint: str) -> None:
    app = make_app(EN, lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+c")
        messages = notifications(app)
        assert any(m.startswith(hint) for m in messages), messages
        assert not any("[b]" in m or "[/b]" in m for m in messages)
        assert app.is_running


# --- languages: the form follows the article, the rest the interface -------------------------


async def test_a_french_form_under_an_english_interface(
    make_app, isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "C")
    app = make_app(FR, resolve_language(None))  # as `reader` picks it
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.lang == "en"
        screen = await open_composer(pilot)
        assert state_line(screen) == "brouillon · pas encore enregistré"
        await type_text(pilot, "Bonjour")
        await press(pilot, "ctrl+s")  # errors: shown in the form, in French; the text is saved
        assert "Erreur" in str(screen.query_one("#error-author", Static).render())
        assert state_line(screen).startswith("brouillon · enregistré à ")
        # The footer speaks the interface language.
        shown = [b.binding.description for b in screen.active_bindings.values() if b.binding.show]
        assert "Post" in shown
        await press(pilot, "escape")
        await press(pilot, "d")
        await press(pilot, "r")  # not ready: the verdict of the site's form, in French
        assert any(m.startswith("Pas prêt — Erreur") for m in notifications(app))
        assert isinstance(app.screen, DraftsScreen)
