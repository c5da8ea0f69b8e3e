"""The remember-me identity file: private, atomic, corrupt files moved aside and reported."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from tui_reader.core.catalog import t
from tui_reader.core.comments.identity import (
    Identity,
    forget_identity,
    identity_path,
    load_identity,
    save_identity,
)
from tui_reader.core.storage.paths import data_dir

ADA = Identity("Ada Lovelace", "ada@example.org", "https://ada.example.org")


def corrupt_files() -> list[Path]:
    folder = data_dir() / "corrupt"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_nothing_saved() -> None:
    result = load_identity()
    assert (result.identity, result.problem, result.ok) == (None, None, True)


def test_save_and_load(isolated_dirs: Path) -> None:
    assert save_identity(ADA).ok
    path = identity_path()
    assert path == data_dir() / "identity.json"
    assert str(path).startswith(str(isolated_dirs))
    assert load_identity().identity == ADA
    assert json.loads(path.read_text("utf-8")) == {
        "schema": 1,
        "author": "Ada Lovelace",
        "email": "ada@example.org",
        "url": "https://ada.example.org",
    }
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_save_replaces_a_valid_identity_silently() -> None:
    save_identity(ADA)
    grace = Identity("Grace", "grace@example.org")
    result = save_identity(grace)
    assert result.ok and result.problem is None
    assert load_identity().identity == grace
    assert corrupt_files() == []


@pytest.mark.parametrize(
    "content",
    [b"", b"{", b"[]", b'{"author": "Ada"}', b'{"author": 1, "email": "", "url": ""}', b"\xff"],
)
def test_corrupt_file_is_moved_aside_on_load(content: bytes) -> None:
    path = identity_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)

    result = load_identity()

    assert result.identity is None and result.ok
    assert result.problem is not None and result.problem.key == "identity.problem.corrupt"
    assert not path.exists()
    (moved,) = corrupt_files()
    assert moved == result.problem.moved_to and moved.read_bytes() == content
    assert str(moved) in t(result.problem.key, "fr", path=path, moved_to=moved)


def test_save_over_a_corrupt_file_keeps_it_and_reports_it() -> None:
    path = identity_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"author": "half-writ')
    result = save_identity(ADA)
    assert result.ok
    assert result.problem is not None and result.problem.key == "identity.problem.corrupt"
    (moved,) = corrupt_files()
    assert moved.read_bytes() == b'{"author": "half-writ'
    assert load_identity().identity == ADA


def test_symlinked_identity_is_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.json"
    target.write_text(json.dumps({"author": "Mallory", "email": "m@x.org", "url": ""}))
    path = identity_path()
    path.parent.mkdir(parents=True)
    path.symlink_to(target)

    result = load_identity()
    assert result.identity is None
    assert result.problem is not None and result.problem.key == "identity.problem.symlink"
    assert not path.is_symlink() and target.exists()

    path.symlink_to(target)
    assert save_identity(ADA).ok
    assert json.loads(target.read_text())["author"] == "Mallory"  # not written through
    assert load_identity().identity == ADA


def test_save_error_is_a_result(monkeypatch: pytest.MonkeyPatch) -> None:
    save_identity(ADA)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    real_replace = os.replace
    monkeypatch.setattr(os, "replace", full)
    result = save_identity(Identity("Grace", "grace@example.org"))
    # Not monkeypatch.undo(): that would also undo the isolated XDG directories.
    monkeypatch.setattr(os, "replace", real_replace)
    assert not result.ok and result.error is not None
    assert result.error.key == "identity.error.no_space"
    assert load_identity().identity == ADA
    assert [p.name for p in identity_path().parent.iterdir() if p.name.endswith(".tmp")] == []


def test_website_is_optional() -> None:
    path = identity_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"author": "Ada", "email": "ada@example.org"}))
    assert load_identity().identity == Identity("Ada", "ada@example.org", "")


def test_forget() -> None:
    assert forget_identity().identity is None  # nothing to forget is fine
    save_identity(ADA)
    assert forget_identity().identity == ADA
    assert not identity_path().exists()
    assert load_identity().identity is None


def test_identity_in_another_directory(tmp_path: Path) -> None:
    assert save_identity(ADA, tmp_path / "elsewhere").ok
    assert load_identity(tmp_path / "elsewhere").identity == ADA
    assert load_identity().identity is None
