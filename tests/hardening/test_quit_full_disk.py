"""Quitting on a full disk (issue 16, item 8): Ctrl+Q exited at once and the text typed while
the disk was full was gone (3/3 in the audit): the composer's on_unmount ignored the save.

Now the first quit is refused with a message; the second keeps an emergency copy in a private
directory of the temporary folder, said on screen and on stderr, then quits. SIGHUP/SIGTERM
(`flush_and_exit`, the handler of both) write the copy at once. The disk is made full as in
test_draft_files.py: `os.open` fails with ENOSPC for new files of the drafts directory only.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.core.test_session import new_draft
from tests.hardening.hostile import write_article
from tests.ui.keys import press
from tui_reader.core.catalog import t
from tui_reader.core.comments import emergency
from tui_reader.core.comments.drafts import DraftStore
from tui_reader.core.storage.paths import drafts_dir
from tui_reader.ui.app import ReaderApp
from tui_reader.ui.comments.composer_screen import ComposerScreen

FIRST, LATER = "saved first.", " Typed on a full disk."


def fill_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    directory, real = str(drafts_dir()), os.open

    def failing(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if str(path).startswith(directory) and flags & os.O_CREAT:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", failing)


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$TMPDIR of the test (tempfile caches it: set there)."""
    path = tmp_path / "tmp"
    path.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(path))
    return path


def copies(temp_dir: Path) -> list[Path]:
    return sorted(temp_dir.glob(f"{emergency.DIRECTORY_PREFIX}-*/*.json"))


async def typed_on_a_full_disk(
    pilot: Pilot[object], app: ReaderApp, monkeypatch: pytest.MonkeyPatch
) -> Path:
    await pilot.pause()
    await press(pilot, "c")
    composer = app.screen
    assert isinstance(composer, ComposerScreen)
    composer.form.comment_area.insert(FIRST)
    await pilot.pause(1.0)  # autosaved
    (path,) = drafts_dir().glob("*.json")
    fill_the_disk(monkeypatch)
    composer.form.comment_area.insert(LATER)
    await pilot.pause()
    return path


async def test_quitting_on_a_full_disk_refuses_once_then_keeps_a_copy(
    tmp_path: Path,
    temp_dir: Path,
    make_app: Callable[..., ReaderApp],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app(write_article(tmp_path, "a.md", "# A\n\nText.\n"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        path = await typed_on_a_full_disk(pilot, app, monkeypatch)
        composer = app.screen
        await press(pilot, "ctrl+q")  # (`q` is no quit key in the composer)
        assert app.is_running and app.screen is composer  # refused
        messages = [n.message for n in app._notifications]
        assert t("composer.quit_blocked", "en") in messages
        assert json.loads(path.read_bytes())["comment"] == FIRST  # the disk is still full
        assert copies(temp_dir) == []  # nothing elsewhere yet: the user may free space
        await press(pilot, "ctrl+q")  # quit anyway
        await pilot.pause()
        assert not app.is_running
    (copy,) = copies(temp_dir)
    doc = json.loads(copy.read_bytes())
    assert doc["comment"] == FIRST + LATER and copy.name == path.name  # the draft's file
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    (note,) = app.quit_guard.exit_notes  # what cli.py writes on stderr after the app
    assert str(copy) in note and str(drafts_dir()) in note


async def test_quitting_once_space_is_back_saves_and_keeps_no_copy(
    tmp_path: Path,
    temp_dir: Path,
    make_app: Callable[..., ReaderApp],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app(write_article(tmp_path, "a.md", "# A\n\nText.\n"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        path = await typed_on_a_full_disk(pilot, app, monkeypatch)
        await press(pilot, "ctrl+q")
        assert app.is_running
        monkeypatch.undo()  # space freed
        monkeypatch.setattr(tempfile, "tempdir", str(temp_dir))
        await press(pilot, "ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert json.loads(path.read_bytes())["comment"] == FIRST + LATER
    assert copies(temp_dir) == [] and app.quit_guard.exit_notes == []


async def test_sigterm_or_sighup_on_a_full_disk_keeps_a_copy(
    tmp_path: Path,
    temp_dir: Path,
    make_app: Callable[..., ReaderApp],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app(write_article(tmp_path, "a.md", "# A\n\nText.\n"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await typed_on_a_full_disk(pilot, app, monkeypatch)
        app.flush_and_exit()  # the handler of both signals (tested for real in test_signals)
        # Written before the exit starts: after SIGHUP the exit may not get far.
        assert len(copies(temp_dir)) == 1
        await pilot.pause()
        assert not app.is_running
    (copy,) = copies(temp_dir)
    assert json.loads(copy.read_bytes())["comment"] == FIRST + LATER
    assert len(app.quit_guard.exit_notes) == 1  # once, though the screen unmounts after


async def test_any_other_exit_with_the_form_open_keeps_a_copy(
    tmp_path: Path,
    temp_dir: Path,
    make_app: Callable[..., ReaderApp],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`app.exit()` from anywhere: the composer's unmount is the last chance."""
    app = make_app(write_article(tmp_path, "a.md", "# A\n\nText.\n"))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await typed_on_a_full_disk(pilot, app, monkeypatch)
        app.exit()
        await pilot.pause()
    (copy,) = copies(temp_dir)
    assert json.loads(copy.read_bytes())["comment"] == FIRST + LATER


def test_with_nowhere_to_write_there_is_no_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(The composer then puts the comment itself in the note for stderr.)"""
    nowhere = tmp_path / "a-file"
    nowhere.write_text("not a directory")
    monkeypatch.setattr(emergency, "emergency_places", lambda: [nowhere])
    assert emergency.keep_emergency_copy(new_draft(DraftStore(tmp_path / "drafts"))) is None


def test_a_planted_emergency_directory_is_passed_over(
    tmp_path: Path, temp_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another user's (or a world-writable) directory of our name in /tmp is not used: the
    copy goes to the next place."""
    planted = temp_dir / f"{emergency.DIRECTORY_PREFIX}-{os.geteuid()}"
    planted.mkdir()
    planted.chmod(0o777)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setattr(emergency, "emergency_places", lambda: [temp_dir, home])
    draft = new_draft(DraftStore(tmp_path / "drafts"))
    draft.comment = "précieux"
    copy = emergency.keep_emergency_copy(draft)
    assert copy is not None and copy.parent.parent == home
    assert list(planted.iterdir()) == []
    assert json.loads(copy.read_bytes())["comment"] == "précieux"
