"""Damaged draft files and a failing disk, seen from the app (issue 6).

The store itself is tested in tests/core/test_drafts.py (every corruption, newer schemas, disk
errors by errno, symlinks); here the real app meets them: the other drafts load, the user is
told (a notification naming where the bytes went), the bytes are kept aside unchanged, and a
save that fails keeps the text in the form and succeeds once the disk is back.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hardening.hostile import write_article
from tui_reader.core.article.model import parse_article
from tui_reader.core.comments.drafts import Draft, DraftStore
from tui_reader.core.storage.paths import drafts_dir
from tui_reader.ui.app import ReaderApp


def _draft(store: DraftStore, path: Path, comment: str) -> Draft:
    article = parse_article(path.read_bytes(), path)
    draft = store.new(
        article_path=path,
        article_title=article.title,
        source_url=None,
        text_hash=article.text_hash,
        lang="en",
        section_slug="top",
        section_title="Top",
    )
    draft.comment = comment
    assert store.save(draft).ok
    return draft


async def test_damaged_draft_files_are_set_aside_told_and_the_rest_loads(
    tmp_path: Path, make_app: Callable[..., ReaderApp]
) -> None:
    article = write_article(tmp_path, "a.md", "# A\n\nText.\n")
    store = DraftStore()
    good = _draft(store, article, "the good one")
    damaged: dict[str, bytes] = {}
    for kind in ("corrupt", "truncated", "empty", "too deep", "not utf-8"):
        victim = _draft(store, article, f"victim {kind}")
        path = store.path_for(victim.id)
        raw = path.read_bytes()
        data = {
            "corrupt": b"{not json",
            "truncated": raw[: len(raw) // 2],
            "empty": b"",
            "too deep": b"[" * 100_000,
            "not utf-8": raw.replace(b"victim", b"vict\xff\xfem"),
        }[kind]
        path.write_bytes(data)
        damaged[victim.id] = data
    # A newer version's draft: loaded read-only, never rewritten.
    future = _draft(store, article, "from the future")
    future_path = store.path_for(future.id)
    doc = json.loads(future_path.read_bytes())
    doc.update(schema=99, new_field={"x": 1})
    future_bytes = json.dumps(doc).encode()
    future_path.write_bytes(future_bytes)
    # A symlink planted where a draft should be: never followed, its target untouched.
    secret = tmp_path / "secret.json"
    secret.write_bytes(b'{"precious": true}')
    planted = drafts_dir() / "11111111-1111-4111-8111-111111111111.json"
    planted.symlink_to(secret)

    app = make_app(article)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "DraftsScreen"
        shown = {draft.id: draft for draft in screen.drafts}
        assert set(shown) == {good.id, future.id}  # the others still load
        assert shown[future.id].read_only
        messages = [n.message for n in app._notifications]
        assert app.is_running

    corrupt_dir = drafts_dir() / "corrupt"
    kept = {p.name.split(".json")[0]: p for p in corrupt_dir.iterdir()}
    for draft_id, data in damaged.items():
        assert kept[draft_id].read_bytes() == data  # kept aside, byte for byte
        assert any(str(kept[draft_id]) in m for m in messages), messages  # and the user told
    link = kept["11111111-1111-4111-8111-111111111111"]
    assert link.is_symlink() and secret.read_bytes() == b'{"precious": true}'
    assert any("link" in m.lower() for m in messages)
    assert future_path.read_bytes() == future_bytes


FAULTS = {
    "read-only filesystem (EROFS on rename)": ("replace", errno.EROFS),
    "disk full (ENOSPC on create)": ("open", errno.ENOSPC),
    "permission denied (EACCES on create)": ("open", errno.EACCES),
}


@pytest.mark.parametrize("fault", FAULTS)
async def test_a_failing_disk_while_typing_is_told_and_loses_nothing(
    fault: str,
    tmp_path: Path,
    make_app: Callable[..., ReaderApp],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article = write_article(tmp_path, "a.md", "# A\n\nText.\n")
    directory = str(drafts_dir())
    name, code = FAULTS[fault]
    real = getattr(os, name)

    def failing(path: object, *args: object, **kwargs: object) -> object:
        # Only the drafts directory's disk fails; the rest of the process is untouched.
        if str(path).startswith(directory) and (name == "replace" or args[0] & os.O_CREAT):
            raise OSError(code, os.strerror(code), str(path))
        return real(path, *args, **kwargs)

    app = make_app(article)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        composer = app.screen
        composer.form.comment_area.insert("saved first.")
        await pilot.pause(1.0)  # autosaved
        (path,) = drafts_dir().glob("*.json")
        assert json.loads(path.read_bytes())["comment"] == "saved first."

        monkeypatch.setattr(os, name, failing)
        composer.form.comment_area.insert(" Typed while the disk fails.")
        await pilot.pause(1.0)
        error = composer.query_one("#save-error")
        assert error.display and str(error.content).strip()  # the user is told
        state = str(composer.query_one("#composer-state").content)
        assert "saved at" not in state and "not saved" in state  # issue 16, item 12
        assert "Typed while the disk fails." in composer.form.comment_area.text  # still in the form
        assert json.loads(path.read_bytes())["comment"] == "saved first."  # old file intact
        assert not [p for p in drafts_dir().iterdir() if p.name.endswith(".tmp")]

        monkeypatch.setattr(os, name, real)  # the disk is back: the retry saves
        await pilot.pause(2.6)
        assert not error.display
        assert app.is_running
    doc = json.loads(path.read_bytes())
    assert doc["comment"] == "saved first. Typed while the disk fails."
