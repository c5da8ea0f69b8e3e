"""DraftSession: what the composer saves and when, without a screen (was Pilot-driven).

The composer's own tests (tests/ui/test_composer.py) keep what the reader sees and types.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui_reader.core.comments import drafts as drafts_module
from tui_reader.core.comments.drafts import Draft, DraftStore
from tui_reader.core.comments.identity import load_identity
from tui_reader.core.comments.session import DraftSession

VALID = {"comment": "Hi", "author": "Bo", "email": "bo@example.com", "url": ""}


@pytest.fixture
def store() -> DraftStore:
    return DraftStore()


def new_draft(store: DraftStore, *, require_name_email: bool = True) -> Draft:
    return store.new(
        article_path="/articles/one.md",
        article_title="One article",
        source_url=None,
        text_hash="0" * 64,
        lang="en",
        section_slug="intro",
        section_title="Intro",
        require_name_email=require_name_email,
    )


def on_disk(store: DraftStore) -> dict[str, dict]:
    return {
        path.stem: json.loads(path.read_text("utf-8")) for path in store.directory.glob("*.json")
    }


def test_an_untouched_new_draft_writes_nothing(store: DraftStore) -> None:
    session = DraftSession(store, new_draft(store))
    session.edit({"comment": "", "author": "", "email": "", "url": ""}, False)
    assert not session.dirty
    assert session.save() is None
    assert not store.directory.exists() or on_disk(store) == {}


def test_an_edit_is_written_once(store: DraftStore) -> None:
    session = DraftSession(store, new_draft(store))
    session.edit({**VALID, "comment": "Brouillon"}, False)
    assert session.dirty
    saved = session.save()
    assert saved is not None and saved.ok and not saved.conflict
    assert not session.dirty
    assert session.save() is None  # nothing new: no second write
    assert on_disk(store)[session.draft.id]["comment"] == "Brouillon"


def test_post_marks_ready_only_what_passes_the_rules(store: DraftStore) -> None:
    session = DraftSession(store, new_draft(store))
    session.edit({**VALID, "author": ""}, False)
    errors = session.errors()
    assert [e.field for e in errors] == ["author"]
    session.edit(VALID, False)
    assert session.errors() == []
    saved = session.post()
    assert saved is not None and saved.ok
    assert on_disk(store)[session.draft.id]["status"] == "ready"


def test_name_and_email_optional_when_the_article_says_so(store: DraftStore) -> None:
    session = DraftSession(store, new_draft(store, require_name_email=False))
    session.edit({"comment": "Hi", "author": "", "email": "", "url": ""}, False)
    assert session.errors() == []


def test_a_ready_draft_edited_into_an_invalid_one_is_a_draft_again(store: DraftStore) -> None:
    session = DraftSession(store, new_draft(store))
    session.edit(VALID, False)
    session.post()
    session.edit({**VALID, "comment": ""}, False)
    saved = session.save()
    assert saved is not None and saved.back_to_draft
    doc = on_disk(store)[session.draft.id]
    assert (doc["status"], doc["comment"]) == ("draft", "")


def test_a_failed_save_is_retried_and_posting_keeps_the_status(
    store: DraftStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = drafts_module.atomic_write
    full = True

    def write(path: Path, data: bytes) -> None:
        if full:
            raise OSError(28, "No space left on device", str(path))
        real_write(path, data)

    monkeypatch.setattr(drafts_module, "atomic_write", write)
    session = DraftSession(store, new_draft(store))
    session.edit(VALID, False)
    saved = session.post()
    assert saved is not None and not saved.ok
    assert saved.result.key == "drafts.error.no_space"
    assert session.draft.status == "draft"  # not ready: it was never written
    assert session.save_failed and session.needs_save
    full = False
    saved = session.save()  # the retry, with nothing new typed
    assert saved is not None and saved.ok
    assert on_disk(store)[session.draft.id]["comment"] == "Hi"


def test_a_conflict_continues_on_the_copy_and_keeps_both_texts(store: DraftStore) -> None:
    session = DraftSession(store, new_draft(store))
    session.edit({**VALID, "comment": "mine"}, False)
    session.save()
    original = session.draft.id
    other = DraftStore().get(original)  # another tui-reader rewrites it meanwhile
    assert other is not None
    other.comment = "theirs"
    assert DraftStore().save(other).ok
    session.edit({**VALID, "comment": "mine and more"}, False)
    saved = session.save()
    assert saved is not None and saved.ok and saved.conflict
    assert session.draft.id != original and session.draft.conflict_of == original
    session.edit({**VALID, "comment": "mine and more!"}, False)
    session.save()
    comments = {key: doc["comment"] for key, doc in on_disk(store).items()}
    assert comments == {original: "theirs", session.draft.id: "mine and more!"}


def test_read_only_drafts_are_never_written(store: DraftStore) -> None:
    draft = new_draft(store)
    draft.comment = "from the future"
    assert store.save(draft).ok
    path = store.directory / f"{draft.id}.json"
    doc = json.loads(path.read_text("utf-8"))
    doc["schema"] = 99
    path.write_text(json.dumps(doc), "utf-8")
    before = path.read_bytes()
    newer = store.get(draft.id)
    assert newer is not None
    session = DraftSession(store, newer)
    assert session.read_only
    assert "newer tui-reader" in (session.read_only_reason("en") or "")
    session.edit({**VALID, "comment": "x"}, False)
    assert session.save(force=True) is None and session.post() is None
    session.save_on_exit()
    assert path.read_bytes() == before


def test_sent_and_forced_read_only_reasons(store: DraftStore) -> None:
    draft = new_draft(store)
    draft.status = "sent"
    assert DraftSession(store, draft).read_only_reason("en")
    gone = DraftSession(store, new_draft(store), read_only_reason="the article is gone")
    assert gone.read_only and gone.read_only_reason("fr") == "the article is gone"
    gone.start(new_draft(store))  # ctrl+n: a new draft is editable
    assert not gone.read_only


def test_remember_identity_follows_the_box(store: DraftStore) -> None:
    session = DraftSession(store, new_draft(store))
    session.edit(VALID, True)
    assert session.remember_identity().error is None
    identity = load_identity().identity
    assert identity is not None and (identity.author, identity.email) == ("Bo", "bo@example.com")
    session.edit(VALID, False)  # unticked: forgotten, as WordPress forgets its cookies
    session.remember_identity()
    assert load_identity().identity is None
