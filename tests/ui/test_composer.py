"""The comment composer, driven with the keyboard through Pilot, in French and in English.

Every test reads the draft files the app wrote (under tmp_path, see tests/conftest.py) rather
than trusting the screen alone. What is saved when (no write for an untouched form, ready back
to draft, identity kept or forgotten, conflicts, failed saves) is tested on the DraftSession
itself in tests/core/test_session.py.
"""

from __future__ import annotations

import json
import os
import shlex
import stat
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Checkbox, Input, Static, TextArea

from tests.repo_paths import ARTICLES
from tests.ui.keys import press
from tui_reader.core.comments import drafts as drafts_module
from tui_reader.core.comments.drafts import DraftStore
from tui_reader.ui.comments.composer_screen import ComposerScreen
from tui_reader.ui.reading.reading_screen import ReadingScreen
from tui_reader.ui.reading.section_list import SectionList

FR = ARTICLES / "fr-centres-de-donnees.md"
EN = ARTICLES / "en-night-trains.md"
NBSP = "\u00a0"

MESSAGES = {
    "fr": {
        "title": "Laisser un commentaire",
        "comment": f"Erreur{NBSP}: veuillez saisir votre commentaire.",
        "required": f"Erreur{NBSP}: veuillez renseigner les champs obligatoires.",
        "email": f"Erreur{NBSP}: veuillez saisir une adresse e-mail valide.",
        "labels": ("Commentaire *", "Nom *", "E-mail *", "Site web"),
        "consent": "Enregistrer mon nom, mon e-mail et mon site sur cet appareil",
        "note": (
            "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *"
        ),
        "post": "Laisser un commentaire",
    },
    "en": {
        "title": "Leave a Reply",
        "comment": "Error: Please type your comment text.",
        "required": "Error: Please fill the required fields.",
        "email": "Error: Please enter a valid email address.",
        "labels": ("Comment *", "Name *", "Email *", "Website"),
        "consent": "Save my name, email, and website on this device",
        "note": "Your email address will not be published. Required fields are marked *",
        "post": "Post Comment",
    },
}
ARTICLE = {"fr": FR, "en": EN}


# --- helpers ------------------------------------------------------------------------------


def drafts_dir(home: Path) -> Path:
    return home / "data" / "tui-reader" / "drafts"


def draft_docs(home: Path) -> list[dict]:
    """Every draft file, parsed (a file that is not valid JSON fails the test)."""
    return [json.loads(p.read_text("utf-8")) for p in sorted(drafts_dir(home).glob("*.json"))]


def only_draft(home: Path) -> dict:
    docs = draft_docs(home)
    assert len(docs) == 1, docs
    return docs[0]


def keys(text: str) -> list[str]:
    return ["enter" if c == "\n" else c for c in text]


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*keys(text))


async def open_composer(pilot: Pilot) -> ComposerScreen:
    await press(pilot, "c")
    screen = pilot.app.screen
    assert isinstance(screen, ComposerScreen)
    return screen


def error_of(screen: ComposerScreen, field: str) -> str | None:
    """The error shown under a field, None when hidden."""
    widget = screen.query_one(f"#error-{field}", Static)
    return None if widget.has_class("hidden") else str(widget.render())


def text_of(screen: ComposerScreen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def focused_id(pilot: Pilot) -> str | None:
    return pilot.app.focused.id if pilot.app.focused is not None else None


async def fill(pilot: Pilot, field: str, text: str) -> None:
    pilot.app.screen.query_one(f"#{field}").focus()
    await type_text(pilot, text)


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


# --- opening, layout, language ------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_c_opens_the_form_of_the_article_in_its_language(make_app, lang: str) -> None:
    app = make_app(ARTICLE[lang], lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")  # read the second section
        section = app.screen.article.sections[1]
        screen = await open_composer(pilot)
        words = MESSAGES[lang]
        box = screen.query_one("#composer")
        assert box.border_title == words["title"]
        assert section.title in text_of(screen, "#comment-on")
        assert text_of(screen, "#form-note") == words["note"]
        labels = [str(label.render()) for label in screen.query(".field-label")]
        assert tuple(labels) == words["labels"]
        assert words["consent"] in str(screen.query_one(Checkbox).label)
        assert str(screen.query_one("#post", Button).label) == words["post"]
        # The comment has the focus; Tab follows the web form's order.
        assert focused_id(pilot) == "comment"
        order = []
        for _ in range(6):
            await pilot.press("tab")
            order.append(focused_id(pilot))
        assert order == ["author", "email", "url", "consent", "post", "close"]
        # Tab in the comment moved the focus instead of inserting a tab character.
        assert screen.query_one(TextArea).text == ""


async def test_the_form_follows_the_article_not_the_interface(make_app) -> None:
    app = make_app(EN, "fr")  # French interface, English article
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await open_composer(pilot)
        assert screen.query_one("#composer").border_title == "Leave a Reply"
        await pilot.press("ctrl+s")
        assert error_of(screen, "comment") == "Error: Please type your comment text."
        # The footer (the app's keys) speaks the interface language.
        descriptions = {b.description for b in screen._bindings.key_to_bindings["ctrl+s"]}
        assert "Publier" in descriptions


# --- validation, post, reopen -------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_post_empty_fix_post_then_c_starts_anew(
    make_app, isolated_dirs: Path, lang: str
) -> None:
    words = MESSAGES[lang]
    app = make_app(ARTICLE[lang], lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await open_composer(pilot)

        await pilot.press("ctrl+s")  # everything empty
        await pilot.pause()
        assert error_of(screen, "comment") == words["comment"]
        assert error_of(screen, "author") == words["required"]
        assert error_of(screen, "email") == words["required"]
        assert error_of(screen, "url") is None
        assert focused_id(pilot) == "comment"
        assert isinstance(app.screen, ComposerScreen)

        comment = "Très bon article.\nMerci !" if lang == "fr" else "Great piece.\nThanks!"
        await type_text(pilot, comment)
        await press(pilot, "ctrl+s")
        assert error_of(screen, "comment") is None
        assert focused_id(pilot) == "author"  # the first invalid field, in the form's order

        await type_text(pilot, "Ada")
        await fill(pilot, "email", "ada@localhost")  # is_email(): needs two labels
        await press(pilot, "ctrl+s")
        assert error_of(screen, "author") is None
        assert error_of(screen, "email") == words["email"]
        assert focused_id(pilot) == "email"

        await type_text(pilot, ".org")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ReadingScreen)  # posted: the modal closed
        doc = only_draft(isolated_dirs)
        assert doc["status"] == "ready"
        assert doc["comment"] == comment
        assert (doc["author"], doc["email"]) == ("Ada", "ada@localhost.org")
        assert doc["lang"] == lang
        assert doc["section"]["slug"] == app.screen.article.sections[0].slug
        assert any("prêt" in m or "ready" in m for m in notifications(app))

        # Posted (queued): `c` starts a new comment, it does not reopen the posted one.
        screen = await open_composer(pilot)
        assert screen.draft.id != doc["id"]
        assert screen.query_one(TextArea).text == ""
        assert screen.draft.status == "draft"


async def test_post_button_posts_and_close_button_keeps(make_app, isolated_dirs: Path) -> None:
    app = make_app(EN, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await open_composer(pilot)
        await type_text(pilot, "Kept")
        await pilot.click("#close")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert only_draft(isolated_dirs)["status"] == "draft"
        await open_composer(pilot)
        await fill(pilot, "author", "Bo")
        await fill(pilot, "email", "bo@example.com")
        await pilot.click("#post")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert only_draft(isolated_dirs)["status"] == "ready"


async def test_name_and_email_optional_when_the_article_says_so(
    make_app, tmp_path: Path, isolated_dirs: Path
) -> None:
    article = tmp_path / "open.md"
    article.write_text(
        "---\ntitle: Open form\nlang: en\nrequire_name_email: false\n---\n\n"
        "Lead.\n\n## Part\n\nText.\n",
        "utf-8",
    )
    app = make_app(article, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await open_composer(pilot)
        labels = [str(label.render()) for label in screen.query(".field-label")]
        assert labels == ["Comment *", "Name", "Email", "Website"]
        await type_text(pilot, "Anonymous thought")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ReadingScreen)
        doc = only_draft(isolated_dirs)
        assert doc["status"] == "ready"
        assert doc["article"]["require_name_email"] is False


async def test_escape_keeps_the_draft_and_the_sidebar_counts_it(
    make_app, isolated_dirs: Path
) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n", "n")
        await open_composer(pilot)
        await type_text(pilot, "Brouillon")
        await press(pilot, "escape")
        assert isinstance(app.screen, ReadingScreen)
        doc = only_draft(isolated_dirs)
        assert (doc["comment"], doc["status"]) == ("Brouillon", "draft")
        assert doc["section"]["slug"] == app.screen.article.sections[2].slug
        sidebar = app.screen.query_one(SectionList)
        assert "✎1" in str(sidebar.get_option_at_index(2).prompt)
        assert "✎" not in str(sidebar.get_option_at_index(1).prompt)


async def test_autosave_writes_within_a_second(make_app, isolated_dirs: Path) -> None:
    app = make_app(EN, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await open_composer(pilot)
        await type_text(pilot, "Typed, not closed")
        await pilot.pause(1.3)
        assert app.screen is screen  # still open
        doc = only_draft(isolated_dirs)
        assert doc["comment"] == "Typed, not closed"
        mode = stat.S_IMODE(os.stat(drafts_dir(isolated_dirs) / f"{doc['id']}.json").st_mode)
        assert mode == 0o600
        await fill(pilot, "url", "https://ex.org")
        await pilot.pause(1.3)
        assert only_draft(isolated_dirs)["url"] == "https://ex.org"
        assert "saved" in text_of(screen, "#composer-state")


async def test_quitting_with_the_form_open_saves_the_last_keystrokes(
    make_app, isolated_dirs: Path
) -> None:
    app = make_app(EN, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await open_composer(pilot)
        await type_text(pilot, "last words")
        await pilot.press("ctrl+q")  # before the autosave timer fires
        await pilot.pause()
    assert only_draft(isolated_dirs)["comment"] == "last words"


async def test_counter_counts_utf8_bytes(make_app) -> None:
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await open_composer(pilot)
        assert text_of(screen, "#counter") == "0 / 65\u202f525 octets"
        await type_text(pilot, "été")
        assert text_of(screen, "#counter") == "5 / 65\u202f525 octets"
        screen.query_one(TextArea).load_text("é" * 32763)  # 65,526 bytes: one too many
        await pilot.pause()
        assert screen.query_one("#counter").has_class("-over")
        await press(pilot, "ctrl+s")
        assert error_of(screen, "comment") == f"Erreur{NBSP}: votre commentaire est trop long."


# --- remember me --------------------------------------------------------------------------


async def test_remember_me_prefills_and_unticking_forgets(make_app, isolated_dirs: Path) -> None:
    identity = isolated_dirs / "data" / "tui-reader" / "identity.json"
    app = make_app(EN, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await open_composer(pilot)
        assert screen.query_one(Checkbox).value is False
        await type_text(pilot, "First")
        await fill(pilot, "author", "Ada")
        await fill(pilot, "email", "ada@example.org")
        await fill(pilot, "url", "https://ada.example.org")
        screen.query_one(Checkbox).focus()
        await pilot.press("space")  # tick "save my name..."
        await press(pilot, "ctrl+s")
        saved = json.loads(identity.read_text("utf-8"))
        assert (saved["author"], saved["email"]) == ("Ada", "ada@example.org")
        assert stat.S_IMODE(identity.stat().st_mode) == 0o600

        screen = await open_composer(pilot)  # reopens the ready draft...
        await pilot.press("ctrl+n")  # ...so start a new one
        await pilot.pause()
        assert screen.query_one(TextArea).text == ""
        assert screen.query_one("#author", Input).value == "Ada"
        assert screen.query_one("#email", Input).value == "ada@example.org"
        assert screen.query_one("#url", Input).value == "https://ada.example.org"
        assert screen.query_one(Checkbox).value is True
        await type_text(pilot, "Second, anonymous next time")
        screen.query_one(Checkbox).focus()
        await pilot.press("space")  # untick
        await press(pilot, "ctrl+s")
        assert not identity.exists()
        assert len(draft_docs(isolated_dirs)) == 2


async def test_ctrl_n_starts_a_new_draft_and_keeps_the_old(make_app, isolated_dirs: Path) -> None:
    app = make_app(EN, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await open_composer(pilot)
        await type_text(pilot, "One")
        first = screen.draft.id
        await press(pilot, "ctrl+n")
        assert screen.draft.id != first
        assert screen.query_one(TextArea).text == ""
        assert focused_id(pilot) == "comment"
        await type_text(pilot, "Two")
        await press(pilot, "escape")
        assert sorted(d["comment"] for d in draft_docs(isolated_dirs)) == ["One", "Two"]
        screen = await open_composer(pilot)  # the most recent one
        assert screen.query_one(TextArea).text == "Two"


async def test_quote_puts_the_top_paragraph_as_markdown(make_app, isolated_dirs: Path) -> None:
    app = make_app(EN, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")  # "How Europe lost its sleepers" at the top of the view
        await pilot.press("j", "j")  # into its first paragraph
        paragraph = "The decline was gradual and then sudden."
        screen = await open_composer(pilot)
        await type_text(pilot, "I agree.")
        await press(pilot, "ctrl+o")
        text = screen.query_one(TextArea).text
        assert text.startswith(f"> {paragraph}")
        assert text.endswith("\n\nI agree.")
        await press(pilot, "escape")
        doc = only_draft(isolated_dirs)
        assert doc["comment"] == text  # the quote is in the comment, and only there
        assert "quote" not in doc


def write_editor(tmp_path: Path, body: str) -> Path:
    (tmp_path / "my editors").mkdir(exist_ok=True)
    script = tmp_path / "my editors" / "editor.sh"  # a space: $EDITOR is split like a shell
    script.write_text(f"#!/bin/sh\n{body}\n", "utf-8")
    script.chmod(0o755)
    return script


async def test_ctrl_e_edits_in_the_external_editor(
    make_app, tmp_path: Path, isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = tmp_path / "seen.txt"
    # The editor gets the comment in a file, and what it writes back becomes the comment.
    script = write_editor(tmp_path, f'cp "$1" "{seen}"\nprintf "Écrit dans l\'éditeur\\n" > "$1"')
    monkeypatch.setenv("EDITOR", f"'{script}'")
    app = make_app(FR, "fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await open_composer(pilot)
        await type_text(pilot, "avant")
        await press(pilot, "ctrl+e")
        assert seen.read_text("utf-8") == "avant\n"  # a text file ends with a newline
        assert screen.query_one(TextArea).text == "Écrit dans l'éditeur"
        await pilot.pause(1.3)
        assert only_draft(isolated_dirs)["comment"] == "Écrit dans l'éditeur"


async def test_ctrl_e_errors_leave_the_text_unchanged(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing = write_editor(tmp_path, 'echo broken > "$1"\nexit 3')
    app = make_app(EN, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await open_composer(pilot)
        await type_text(pilot, "mine")
        await pilot.press("ctrl+e")  # no editor at all
        await pilot.pause()
        assert any("$EDITOR" in m for m in notifications(app))
        monkeypatch.setenv("VISUAL", shlex.quote(str(failing)))
        await press(pilot, "ctrl+e")
        assert any("exit status 3" in m for m in notifications(app))
        monkeypatch.setenv("VISUAL", str(tmp_path / "no-such-editor"))
        await press(pilot, "ctrl+e")
        assert any("no-such-editor" in m for m in notifications(app))
        assert screen.query_one(TextArea).text == "mine"
        assert isinstance(app.screen, ComposerScreen)


# --- disk trouble, conflicts, newer files -------------------------------------------------


async def test_failed_save_keeps_text_shows_error_and_retries(
    make_app, isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = drafts_module.atomic_write
    disk_full = True

    def write(path: Path, data: bytes) -> None:
        if disk_full:
            raise OSError(28, "No space left on device", str(path))
        real_write(path, data)

    monkeypatch.setattr(drafts_module, "atomic_write", write)
    app = make_app(EN, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await open_composer(pilot)
        await type_text(pilot, "precious words")
        await pilot.pause(1.3)
        error = screen.query_one("#save-error", Static)
        assert not error.has_class("hidden")
        assert "disk is full" in str(error.render())
        await pilot.press("escape")  # refuses to close: the text would be lost
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one(TextArea).text == "precious words"
        assert draft_docs(isolated_dirs) == []
        disk_full = False  # space freed: the retry timer saves without a keystroke
        await pilot.pause(2.5)
        assert only_draft(isolated_dirs)["comment"] == "precious words"
        assert error.has_class("hidden")
        await press(pilot, "escape")
        assert isinstance(app.screen, ReadingScreen)


async def test_conflict_with_another_instance_keeps_both_texts(
    make_app, isolated_dirs: Path
) -> None:
    app = make_app(EN, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await open_composer(pilot)
        await type_text(pilot, "mine")
        await pilot.pause(1.3)
        original = screen.draft.id
        # Another tui-reader rewrites the same draft meanwhile.
        other = DraftStore().get(original)
        assert other is not None
        other.comment = "theirs"
        assert DraftStore().save(other).ok
        await type_text(pilot, " and more")
        await pilot.pause(1.3)
        assert screen.draft.id != original
        assert screen.draft.conflict_of == original
        assert not screen.query_one("#composer-notice").has_class("hidden")
        assert any("another tui-reader" in m for m in notifications(app))
        await type_text(pilot, "!")
        await press(pilot, "escape")
        comments = {d["id"]: d["comment"] for d in draft_docs(isolated_dirs)}
        assert comments[original] == "theirs"
        assert comments[screen.draft.id] == "mine and more!"


async def test_a_newer_draft_opens_read_only(make_app, isolated_dirs: Path) -> None:
    app = make_app(EN, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        store = DraftStore()
        article = app.screen.article
        draft = store.new(
            article_path=article.path,
            article_title=article.title,
            source_url=None,
            text_hash=article.text_hash,
            lang="en",
            section_slug=article.sections[0].slug,
            section_title="Lead",
        )
        draft.comment = "from the future"
        assert store.save(draft).ok
        path = drafts_dir(isolated_dirs) / f"{draft.id}.json"
        doc = json.loads(path.read_text("utf-8"))
        doc["schema"] = 99
        doc["future_field"] = {"x": 1}
        path.write_text(json.dumps(doc), "utf-8")
        before = path.read_bytes()

        screen = await open_composer(pilot)
        assert screen.read_only
        assert "newer tui-reader" in text_of(screen, "#composer-notice")
        assert screen.query_one(TextArea).read_only
        assert screen.query_one("#post", Button).disabled
        await type_text(pilot, "x")
        await pilot.press("ctrl+s")
        await press(pilot, "escape")
        assert isinstance(app.screen, ReadingScreen)
        assert path.read_bytes() == before
