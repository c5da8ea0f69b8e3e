"""The drafts store: format, atomic private writes, corrupt files, newer schemas, two instances,
disk errors and symlinks."""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui_reader.core.catalog import STRINGS, t
from tui_reader.core.comments.drafts import (
    SCHEMA_VERSION,
    Draft,
    DraftStore,
    SaveOutcome,
    match_prefix,
    parse_time,
)
from tui_reader.core.comments.identity import Identity
from tui_reader.core.storage import atomic_file
from tui_reader.core.storage.paths import drafts_dir

HASH = "a" * 64
OTHER_HASH = "b" * 64
ISO_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\Z")


class Clock:
    """A clock that moves one minute per call, so that every save has its own time."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def store() -> DraftStore:
    return DraftStore(clock=Clock())


def make(
    store: DraftStore,
    *,
    path: str | Path | None = "/articles/one.md",
    text_hash: str = HASH,
    slug: str = "intro",
    comment: str = "A comment.",
    status: str = "draft",
    save: bool = True,
) -> Draft:
    draft = store.new(
        article_path=path,
        article_title="One article",
        source_url="https://example.org/one",
        text_hash=text_hash,
        lang="en",
        section_slug=slug,
        section_title=slug.title(),
    )
    draft.comment = comment
    draft.status = status
    if save:
        assert store.save(draft).outcome is SaveOutcome.SAVED
    return draft


def temp_files(directory: Path) -> list[Path]:
    return [p for p in directory.iterdir() if p.name.endswith(atomic_file.TEMP_SUFFIX)]


# --- format and round trip ------------------------------------------------------------------


def test_default_directory_is_drafts_dir(store: DraftStore, isolated_dirs: Path) -> None:
    assert store.directory == drafts_dir()
    assert str(store.directory).startswith(str(isolated_dirs))


def test_save_writes_documented_json(store: DraftStore) -> None:
    draft = make(store)
    path = store.directory / f"{draft.id}.json"
    doc = json.loads(path.read_text("utf-8"))
    assert doc == {
        "schema": 2,
        "id": draft.id,
        "lang": "en",
        "status": "draft",
        "article": {
            "path": str(Path("/articles/one.md").resolve()),
            "title": "One article",
            "source_url": "https://example.org/one",
            "text_hash": HASH,
            "require_name_email": True,
        },
        "section": {"slug": "intro", "title": "Intro"},
        "comment": "A comment.",
        "author": "",
        "email": "",
        "url": "",
        "consent": False,
        "created": "2026-11-26T08:01:00.000Z",
        "updated": "2026-11-26T08:02:00.000Z",
        "comment_parent": 0,
    }
    assert ISO_UTC.match(doc["created"]) and ISO_UTC.match(doc["updated"])
    assert re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", draft.id
    )


def test_files_are_private(store: DraftStore) -> None:
    draft = make(store)
    assert stat.S_IMODE(store.directory.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.path_for(draft.id).stat().st_mode) == 0o600


def test_broad_directory_is_narrowed(store: DraftStore) -> None:
    store.directory.mkdir(parents=True, mode=0o755)
    os.chmod(store.directory, 0o755)
    make(store)
    assert stat.S_IMODE(store.directory.stat().st_mode) == 0o700


def test_round_trip_through_a_second_store(store: DraftStore) -> None:
    draft = make(store, comment="Line one\nLine two — «é»")
    draft.author, draft.email, draft.url, draft.consent = "Ada", "ada@x.org", "https://a.org", True
    store.save(draft)
    loaded = DraftStore(store.directory).get(draft.id)
    assert loaded == draft
    assert loaded is not None and loaded.disk_stamp == draft.disk_stamp


def test_new_prefills_identity_and_ticks_consent(store: DraftStore) -> None:
    draft = store.new(
        article_path=None,
        article_title="stdin",
        source_url=None,
        text_hash=HASH,
        lang="fr",
        section_slug="",
        section_title="",
        identity=Identity("Ada", "ada@x.org", "https://a.org"),
    )
    assert (draft.author, draft.email, draft.url, draft.consent) == (
        "Ada",
        "ada@x.org",
        "https://a.org",
        True,
    )
    assert draft.article.path is None
    assert not store.path_for(draft.id).exists()  # nothing written before save()


def test_load_all_newest_first_and_ignores_other_files(store: DraftStore) -> None:
    first = make(store, comment="first")
    second = make(store, comment="second")
    first.comment = "first, edited"
    store.save(first)  # first is now the most recently updated
    (store.directory / "notes.txt").write_text("not a draft")
    (store.directory / ".hidden.json").write_text("{")
    report = store.load_all()
    assert [d.id for d in report.drafts] == [first.id, second.id]
    assert report.problems == []


def test_unknown_keys_survive_a_save(store: DraftStore) -> None:
    draft = make(store)
    path = store.path_for(draft.id)
    doc = json.loads(path.read_text())
    doc["x_future"] = {"kept": True}
    path.write_text(json.dumps(doc))
    loaded = store.get(draft.id)
    assert loaded is not None
    loaded.comment = "edited"
    assert store.save(loaded).outcome is SaveOutcome.SAVED
    assert json.loads(path.read_text())["x_future"] == {"kept": True}


def test_unchanged_draft_is_not_rewritten(store: DraftStore) -> None:
    draft = make(store)
    before = store.path_for(draft.id).read_bytes()
    assert store.save(draft).outcome is SaveOutcome.SAVED
    assert store.path_for(draft.id).read_bytes() == before


@settings(max_examples=60, deadline=None)
@given(
    comment=st.text(),
    author=st.text(max_size=50),
    title=st.text(max_size=50),
    consent=st.booleans(),
)
def test_any_text_round_trips(comment: str, author: str, title: str, consent: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = DraftStore(Path(tmp) / "drafts")
        draft = make(store, save=False, comment=comment)
        draft.author, draft.consent = author, consent
        draft.section.title = title
        assert store.save(draft).ok
        report = DraftStore(store.directory).load_all()
        assert report.problems == []
        assert report.drafts == [draft]


def test_lone_surrogate_is_saved_escaped(store: DraftStore) -> None:
    draft = make(store, comment="bad \udc80 paste")
    assert store.save(draft).ok
    assert store.get(draft.id) == draft


# --- corrupt files --------------------------------------------------------------------------


def _without(key: str) -> Callable[[dict[str, object], bytes], bytes]:
    return lambda doc, raw: json.dumps({k: v for k, v in doc.items() if k != key}).encode()


def _with(key: str, value: object) -> Callable[[dict[str, object], bytes], bytes]:
    return lambda doc, raw: json.dumps({**doc, key: value}).encode()


CORRUPTIONS: dict[str, Callable[[dict[str, object], bytes], bytes]] = {
    "invalid json": lambda doc, raw: b"{not json",
    "truncated": lambda doc, raw: raw[: len(raw) // 2],
    "empty": lambda doc, raw: b"",
    "not an object": lambda doc, raw: b"[1, 2, 3]",
    "not utf-8": lambda doc, raw: raw.replace(b"A comment.", b"A comm\xff\xfe."),
    "missing comment": _without("comment"),
    "missing article": _without("article"),
    "missing schema": _without("schema"),
    "wrong type": _with("comment", 42),
    "bool schema": _with("schema", True),
    "zero schema": _with("schema", 0),
    "unknown status": _with("status", "posted"),
    "bad time": _with("updated", "yesterday"),
    "id mismatch": _with("id", "00000000-0000-4000-8000-000000000000"),
    "article not an object": _with("article", "One article"),
}


@pytest.mark.parametrize("kind", list(CORRUPTIONS))
def test_corrupt_file_is_moved_aside_and_reported(store: DraftStore, kind: str) -> None:
    good = make(store, comment="survivor")
    bad = make(store)
    path = store.path_for(bad.id)
    raw = path.read_bytes()
    broken = CORRUPTIONS[kind](json.loads(raw), raw)
    path.write_bytes(broken)

    report = store.load_all()

    assert [d.id for d in report.drafts] == [good.id]
    assert len(report.problems) == 1
    problem = report.problems[0]
    assert problem.key == "drafts.problem.corrupt"
    assert problem.path == path
    assert not path.exists()
    assert problem.moved_to is not None
    assert problem.moved_to.parent == store.directory / "corrupt"
    assert re.fullmatch(rf"{bad.id}\.json\.\d{{8}}T\d{{6}}Z", problem.moved_to.name)
    assert problem.moved_to.read_bytes() == broken  # kept as it was
    message = t(problem.key, "en", path=problem.path, moved_to=problem.moved_to)
    assert str(problem.moved_to) in message
    # Reported once; the next load is clean.
    assert store.load_all().problems == []


def test_corrupt_files_never_overwrite_each_other(store: DraftStore) -> None:
    draft = make(store)
    path = store.path_for(draft.id)
    moved = []
    for content in (b"first", b"second"):  # the fixed clock gives both the same timestamp
        path.write_bytes(content)
        (problem,) = DraftStore(store.directory, clock=lambda: Clock().now).load_all().problems
        moved.append(problem.moved_to)
    assert moved[0] != moved[1]
    assert [p.read_bytes() for p in moved if p] == [b"first", b"second"]


def test_directory_and_fifo_named_like_drafts(store: DraftStore) -> None:
    make(store)
    (store.directory / "11111111-1111-4111-8111-111111111111.json").mkdir()
    fifo = store.directory / "22222222-2222-4222-8222-222222222222.json"
    os.mkfifo(fifo)
    report = store.load_all()  # must not block on the FIFO
    assert len(report.drafts) == 1
    assert sorted(p.key for p in report.problems) == ["drafts.problem.corrupt"] * 2
    assert not fifo.exists()


def test_corrupt_found_by_a_lookup_is_reported_by_the_next_load(store: DraftStore) -> None:
    draft = make(store)
    store.path_for(draft.id).write_bytes(b"")
    assert store.latest_unsent_for("/articles/one.md") is None
    (problem,) = store.load_all().problems
    assert problem.key == "drafts.problem.corrupt"


def test_unmovable_corrupt_file_is_reported_and_left(
    store: DraftStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = make(store)
    path = store.path_for(draft.id)
    path.write_bytes(b"{")

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "rename", refuse)
    (problem,) = store.load_all().problems
    assert problem.key == "drafts.problem.not_moved"
    assert path.read_bytes() == b"{"
    assert "Read-only" in t(problem.key, "en", path=path, **problem.params)


# --- newer schema ---------------------------------------------------------------------------


def test_newer_schema_is_read_only(store: DraftStore) -> None:
    draft = make(store)
    path = store.path_for(draft.id)
    doc = json.loads(path.read_text())
    doc["schema"] = SCHEMA_VERSION + 1
    doc["x_new_field"] = [1, 2]
    path.write_text(json.dumps(doc))
    before = path.read_bytes()

    report = store.load_all()
    (loaded,) = report.drafts
    assert loaded.read_only and report.problems == []

    loaded.comment = "changed"
    result = store.save(loaded)
    assert result.outcome is SaveOutcome.FAILED
    assert result.key == "drafts.error.read_only_draft"
    assert store.set_status(draft.id, "ready").outcome is SaveOutcome.FAILED
    assert path.read_bytes() == before


def test_newer_schema_we_cannot_parse_is_left_in_place(store: DraftStore) -> None:
    path = store.directory / "33333333-3333-4333-8333-333333333333.json"
    store.directory.mkdir(parents=True)
    path.write_text(json.dumps({"schema": 7, "payload": "something new"}))
    report = store.load_all()
    assert report.drafts == []
    (problem,) = report.problems
    assert (problem.key, problem.moved_to, problem.params) == (
        "drafts.problem.newer_schema",
        None,
        {"schema": "7"},
    )
    assert path.exists()


# --- two instances --------------------------------------------------------------------------


def test_two_instances_never_overwrite_each_other(store: DraftStore) -> None:
    original = make(store, comment="v1")
    other = DraftStore(store.directory, clock=Clock())
    theirs = other.get(original.id)
    assert theirs is not None

    original.comment = "mine, written first"
    assert store.save(original).outcome is SaveOutcome.SAVED

    theirs.comment = "theirs, written second"
    result = other.save(theirs)

    assert result.outcome is SaveOutcome.CONFLICT
    assert result.key == "drafts.notice.conflict"
    copy = result.draft
    assert copy is not None and copy.id != original.id
    assert copy.conflict_of == original.id
    assert (copy.article, copy.section) == (original.article, original.section)
    on_disk = {d.id: d.comment for d in store.load_all().drafts}
    assert on_disk == {original.id: "mine, written first", copy.id: "theirs, written second"}
    assert json.loads(store.path_for(copy.id).read_text())["conflict_of"] == original.id
    assert "conflict_of" not in json.loads(store.path_for(original.id).read_text())

    # The copy is the draft to edit from now on: saving it again is a plain save.
    copy.comment += " (continued)"
    assert other.save(copy).outcome is SaveOutcome.SAVED
    # Saving the stale object again would fork again rather than clobber.
    assert other.save(theirs).outcome is SaveOutcome.CONFLICT


def test_two_new_drafts_with_same_content_detect_each_other(store: DraftStore) -> None:
    draft = make(store, save=False)
    twin = replace(draft, comment="typed in another window")
    assert store.save(draft).outcome is SaveOutcome.SAVED
    # A draft never read from disk (disk_stamp None) never replaces an existing file.
    assert DraftStore(store.directory).save(twin).outcome is SaveOutcome.CONFLICT


def test_draft_deleted_elsewhere_is_saved_again(store: DraftStore) -> None:
    draft = make(store)
    assert DraftStore(store.directory).delete(draft.id).outcome is SaveOutcome.DELETED
    draft.comment = "still typing"
    result = store.save(draft)
    assert (result.outcome, result.key) == (SaveOutcome.SAVED, "drafts.notice.recreated")
    reloaded = store.get(draft.id)
    assert reloaded is not None and reloaded.comment == "still typing"


def test_first_save_has_no_notice(store: DraftStore) -> None:
    draft = make(store, save=False)
    result = store.save(draft)
    assert (result.outcome, result.key) == (SaveOutcome.SAVED, None)


# --- disk errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "code", "key"),
    [
        ("replace", errno.ENOSPC, "drafts.error.no_space"),
        ("replace", errno.EROFS, "drafts.error.read_only_fs"),
        ("write", errno.ENOSPC, "drafts.error.no_space"),
        ("write", errno.EACCES, "drafts.error.permission"),
        ("fsync", errno.EIO, "drafts.error.io"),
    ],
)
def test_disk_error_returns_a_result_and_loses_nothing(
    store: DraftStore, monkeypatch: pytest.MonkeyPatch, target: str, code: int, key: str
) -> None:
    draft = make(store, comment="saved text")
    path = store.path_for(draft.id)
    on_disk = path.read_bytes()
    draft.comment = "newer text, not yet on disk"
    before = (draft.comment, draft.updated, draft.disk_stamp)
    real = getattr(os, target)

    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, target, fail)
    result = store.save(draft)
    monkeypatch.setattr(os, target, real)

    assert result.outcome is SaveOutcome.FAILED and not result.ok
    assert result.key == key
    assert t(result.key, "fr", **result.params)  # a message exists for it
    assert (draft.comment, draft.updated, draft.disk_stamp) == before
    assert path.read_bytes() == on_disk
    assert temp_files(store.directory) == []

    retry = store.save(draft)
    assert retry.outcome is SaveOutcome.SAVED
    reloaded = store.get(draft.id)
    assert reloaded is not None and reloaded.comment == "newer text, not yet on disk"


def test_new_draft_on_a_full_disk(store: DraftStore, monkeypatch: pytest.MonkeyPatch) -> None:
    make(store)  # the directory exists
    draft = make(store, save=False)

    def full(*args: object, **kwargs: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    assert store.save(draft).key == "drafts.error.no_space"
    assert not store.path_for(draft.id).exists()
    assert temp_files(store.directory) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_directory(store: DraftStore) -> None:
    draft = make(store)
    draft.comment = "more"
    os.chmod(store.directory, 0o500)
    try:
        result = store.save(draft)
    finally:
        os.chmod(store.directory, 0o700)
    assert result.key == "drafts.error.permission"
    assert store.save(draft).outcome is SaveOutcome.SAVED


def test_unwritable_drafts_location(store: DraftStore) -> None:
    # A file where the directory should be: an error result, not an exception.
    store.directory.parent.mkdir(parents=True)
    store.directory.write_text("oops")
    result = store.save(make(store, save=False))
    assert result.outcome is SaveOutcome.FAILED


# --- symlinks -------------------------------------------------------------------------------


def test_symlink_planted_as_a_draft_is_not_followed(store: DraftStore, tmp_path: Path) -> None:
    draft = make(store)
    secret = tmp_path / "secret.json"
    secret.write_bytes(store.path_for(draft.id).read_bytes())  # even valid content is refused
    store.path_for(draft.id).unlink()
    store.path_for(draft.id).symlink_to(secret)

    report = store.load_all()
    assert report.drafts == []
    (problem,) = report.problems
    assert problem.key == "drafts.problem.symlink"
    assert problem.moved_to is not None and problem.moved_to.is_symlink()
    assert secret.exists()


def test_save_never_writes_through_a_symlink(store: DraftStore, tmp_path: Path) -> None:
    draft = make(store)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    path = store.path_for(draft.id)
    path.unlink()
    path.symlink_to(victim)

    draft.comment = "edited"
    result = store.save(draft)

    assert result.ok
    assert [n.key for n in result.notices] == ["drafts.problem.symlink"]
    assert victim.read_text() == "precious"
    assert not path.is_symlink()
    reloaded = store.get(draft.id)
    assert reloaded is not None and reloaded.comment == "edited"


def test_atomic_write_refuses_a_symlink(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious")
    link = tmp_path / "link"
    link.symlink_to(victim)
    with pytest.raises(OSError) as caught:
        atomic_file.atomic_write(link, b"evil")
    assert caught.value.errno == errno.ELOOP
    assert victim.read_text() == "precious"


# --- lookups and status ---------------------------------------------------------------------


def test_ids_are_validated(store: DraftStore) -> None:
    with pytest.raises(ValueError):
        store.path_for("../../etc/passwd")
    assert store.get("../x") is None
    assert store.delete("../x").key == "drafts.error.not_found"
    assert store.set_status("0" * 36, "ready").key == "drafts.error.not_found"
    with pytest.raises(ValueError):
        store.set_status("0" * 36, "posted")


def test_set_status_and_delete(store: DraftStore) -> None:
    draft = make(store)
    result = store.set_status(draft.id, "ready")
    assert result.outcome is SaveOutcome.SAVED
    reloaded = store.get(draft.id)
    assert reloaded is not None and reloaded.status == "ready"
    assert store.delete(draft.id).outcome is SaveOutcome.DELETED
    assert store.get(draft.id) is None
    assert store.delete(draft.id).key == "drafts.error.not_found"


def test_the_latest_of_two_drafts_saved_in_the_same_second() -> None:
    # ctrl+n then a few words: both saves fall in one second, milliseconds tell them apart.
    moments = iter(datetime(2026, 11, 26, 8, 0, 0, ms * 1000, tzinfo=UTC) for ms in range(100))
    store = DraftStore(clock=lambda: next(moments))
    first = make(store, comment="One")
    second = make(store, comment="Two")
    assert first.updated == "2026-11-26T08:00:00.001Z"
    assert store.latest_unsent_for("/articles/one.md") == second
    # Times written to the second by earlier versions still sort and load.
    assert parse_time("2026-11-26T08:00:00Z") == datetime(2026, 11, 26, 8, tzinfo=UTC)


def test_latest_unsent_and_counts(store: DraftStore) -> None:
    old = make(store, slug="intro")
    newer = make(store, slug="water")
    sent = make(store, slug="water", status="sent")
    other = make(store, path="/articles/two.md", text_hash=OTHER_HASH, slug="intro")
    stdin = make(store, path=None, text_hash="c" * 64, slug="intro")

    assert store.latest_unsent_for("/articles/one.md") == newer
    assert store.latest_unsent_for(Path("/articles/one.md")) == newer
    assert store.latest_unsent_for(HASH) == newer  # by text hash: the file may have moved
    assert store.latest_unsent_for("/articles/one.md", section_slug="intro") == old
    assert store.latest_unsent_for("/articles/none.md") is None
    assert store.latest_unsent_for("") is None
    assert store.latest_unsent_for(OTHER_HASH) == other

    assert store.count_by_section("/articles/one.md") == {"intro": 1, "water": 1}
    assert store.count_by_section(HASH, include_sent=True) == {"intro": 1, "water": 2}
    one, two = str(Path("/articles/one.md").resolve()), str(Path("/articles/two.md").resolve())
    assert store.count_by_article() == {one: 2, two: 1, "c" * 64: 1}
    assert store.count_by_article(include_sent=True)[one] == 3
    assert sent.status == "sent" and stdin.article.path is None


def test_relative_article_paths_are_normalised(
    store: DraftStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    draft = make(store, path="article.md")
    assert draft.article.path == str(tmp_path / "article.md")
    assert store.latest_unsent_for(tmp_path / "article.md") == draft


def test_match_prefix(store: DraftStore) -> None:
    drafts = [make(store), make(store)]
    assert match_prefix(drafts[0].id, drafts) == [drafts[0]]
    assert match_prefix(" " + drafts[1].id.upper(), drafts) == [drafts[1]]
    assert len(match_prefix(drafts[0].id[:1], drafts)) >= 1
    assert match_prefix("", drafts) == []
    assert match_prefix("zz", drafts) == []


def test_every_store_message_is_translated() -> None:
    for key in (k for k in STRINGS if k.startswith(("drafts.", "identity."))):
        assert STRINGS[key].get("en") and STRINGS[key].get("fr"), key
    suffixes = ("no_space", "read_only_fs", "permission", "symlink", "io")
    keys = [f"{group}.error.{s}" for group in ("drafts", "identity") for s in suffixes]
    keys += [
        "drafts.problem.corrupt", "drafts.problem.symlink", "drafts.problem.not_moved",
        "drafts.problem.newer_schema", "drafts.problem.unreadable", "drafts.problem.dir_unreadable",
        "drafts.error.read_only_draft", "drafts.error.not_found", "drafts.notice.conflict",
        "drafts.notice.recreated", "identity.problem.corrupt", "identity.problem.symlink",
        "identity.problem.not_moved",
    ]  # fmt: skip
    params = {
        "path": "p",
        "moved_to": "m",
        "reason": "r",
        "schema": "2",
        "id": "i",
        "original": "o",
    }
    for key in keys:
        for lang in ("en", "fr"):
            assert t(key, lang, **params), (key, lang)


# --- the quote lives in the comment only (issue 10) ------------------------------------------


@pytest.mark.parametrize(
    ("comment", "quote", "read"),
    [
        # As the app wrote them: the quote twice. The comment is kept as it is.
        ("> Water is scarce.\n\nI agree.", "Water is scarce.", "> Water is scarce.\n\nI agree."),
        # The quote edited in the comment: that one is kept, the recorded one dropped.
        ("> Water.\n\nI agree.", "Water is scarce.", "> Water.\n\nI agree."),
        # A quote only in `quote` (a file written by hand or another tool): not lost.
        ("I agree.", "Water is scarce.\nVery.", "> Water is scarce.\n> Very.\n\nI agree."),
        ("", "Water is scarce.", "> Water is scarce.\n\n"),
        ("I agree.", "", "I agree."),
    ],
)
def test_older_drafts_with_a_quote_are_read_with_it_once(
    store: DraftStore, comment: str, quote: str, read: str
) -> None:
    draft = make(store, comment=comment)
    path = store.path_for(draft.id)
    doc = json.loads(path.read_text("utf-8"))
    doc["quote"] = quote
    path.write_text(json.dumps(doc), "utf-8")
    loaded = store.get(draft.id)
    assert loaded is not None
    assert loaded.comment == read
    assert loaded.comment.count("> ") == read.count("> ")
    # Saved again: one source of truth on disk too.
    loaded.author = "Ada"
    assert store.save(loaded).ok
    again = json.loads(path.read_text("utf-8"))
    assert "quote" not in again and again["comment"] == read
