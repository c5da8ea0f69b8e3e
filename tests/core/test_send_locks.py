"""The per-draft send locks (drafts/.send-<id>.lock): held by one sender at a time, and
removed once released, without ever letting two holders in (the unlink race)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from tui_reader.core.comments.drafts import Draft, DraftStore, SaveOutcome
from tui_reader.core.storage.atomic_file import file_lock


@pytest.fixture
def store() -> DraftStore:
    return DraftStore()


def saved_draft(store: DraftStore) -> Draft:
    draft = store.new(
        article_path="/a.md", article_title="A", source_url=None, text_hash="0" * 64,
        lang="en", section_slug="s", section_title="S",
    )  # fmt: skip
    assert store.save(draft).ok
    return draft


def send_locks(store: DraftStore) -> list[str]:
    return sorted(p.name for p in store.directory.glob(".send-*"))


def test_a_send_lock_is_exclusive_and_removed_when_released(store: DraftStore) -> None:
    draft = saved_draft(store)
    with store.send_lock(draft.id) as held:
        assert held
        assert send_locks(store) == [f".send-{draft.id}.lock"]
        with store.send_lock(draft.id) as again:  # another sender (same process or not)
            assert not again
        assert send_locks(store) == [f".send-{draft.id}.lock"]  # the loser removes nothing
    assert send_locks(store) == []


def test_a_lock_removed_while_waiting_for_it_is_taken_afresh(tmp_path: Path) -> None:
    # B waits on the file A holds; A removes it on release. B must not settle for the removed
    # file (a third sender would lock a new one at the same path): it locks the file there.
    path = tmp_path / ".send-x.lock"
    a_holds, b_waits, b_done = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def b() -> None:
        a_holds.wait()
        b_waits.set()
        with file_lock(path, remove=True) as held:
            fd = os.open(path, os.O_RDONLY)  # B's lock is on the file the path names now
            try:
                seen.append(held and path.exists())
                with file_lock(path, blocking=False, remove=True) as third:
                    seen.append(third)
            finally:
                os.close(fd)
        b_done.set()

    thread = threading.Thread(target=b)
    thread.start()
    with file_lock(path, remove=True) as held:
        assert held
        a_holds.set()
        b_waits.wait()
        time.sleep(0.2)  # let B block on this very file (the race under test), not an assertion
    thread.join(10)
    assert b_done.is_set()
    assert seen == [True, False]  # B held the live file; a third sender was kept out
    assert not path.exists()


def test_locks_left_by_a_killed_sender_are_cleaned(store: DraftStore) -> None:
    draft = saved_draft(store)
    left = store.directory / f".send-{draft.id}.lock"
    left.write_bytes(b"")  # a kill -9 in the middle of a send leaves it
    busy = store.directory / ".send-00000000-0000-4000-8000-000000000000.lock"
    with file_lock(busy, blocking=False, remove=True) as held:  # another instance sending
        assert held
        store.clean_send_locks()
        assert send_locks(store) == [busy.name]
    assert send_locks(store) == []


def test_a_draft_being_sent_is_not_deleted(store: DraftStore) -> None:
    draft = saved_draft(store)
    with store.send_lock(draft.id):
        result = store.delete(draft.id)
        assert (result.outcome, result.key) == (SaveOutcome.FAILED, "outbox.being_sent")
        assert store.get(draft.id) is not None
    assert store.delete(draft.id).outcome is SaveOutcome.DELETED
    assert send_locks(store) == []
