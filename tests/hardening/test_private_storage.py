"""Our directories and files on disk (issue 16): private whatever the umask, refused when
another user owns or can change them, renames and creations fsynced, temp files of a killed
write cleaned, and a kill in the middle of a write never leaving half a file.

The tests run as root in CI, which can give a directory to another user (uid 65534) for real;
elsewhere those cases are skipped.
"""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.repo_paths import ARTICLES
from tui_reader import cli
from tui_reader.core.comments.drafts import DraftStore
from tui_reader.core.comments.identity import Identity, save_identity
from tui_reader.core.storage import atomic_file, library
from tui_reader.core.storage.atomic_file import move_aside
from tui_reader.core.storage.paths import config_dir, data_dir, drafts_dir
from tui_reader.core.storage.positions import Position, PositionStore
from tui_reader.core.storage.settings import save_settings
from tui_reader.ui.app import ReaderApp

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_root = pytest.mark.skipif(not AS_ROOT, reason="giving a directory to another user")
OTHER_UID = 65534


def _state_dirs() -> list[Path]:
    return [config_dir(), data_dir(), drafts_dir(), library.cache_path().parent]


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _new_draft(store: DraftStore, text: str = "hello") -> object:
    draft = store.new(
        article_path="/a.md",
        article_title="A",
        source_url=None,
        text_hash="h",
        lang="en",
        section_slug="top",
        section_title="A",
    )
    draft.comment = text
    return draft


def _write_everything() -> None:
    """One write of each kind of file: draft, identity, position, setting, library cache."""
    assert DraftStore().save(_new_draft(DraftStore())).ok  # type: ignore[arg-type]
    assert save_identity(Identity("Ann", "ann@example.org")).ok
    assert PositionStore().save("/a.md", Position("top", 1, 2, 3.0)).ok
    assert save_settings({"reading_width": 70}).ok
    library.list_articles(ARTICLES)


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    previous = os.umask(0o022)
    os.umask(previous)
    yield os.umask
    os.umask(previous)


@pytest.mark.parametrize("mask", [0o000, 0o022], ids=["umask 000", "umask 022"])
def test_every_directory_and_file_is_private_whatever_the_umask(
    mask: int, umask: Callable[[int], None], isolated_dirs: Path
) -> None:
    umask(mask)
    _write_everything()
    for directory in _state_dirs():
        assert _mode(directory) == 0o700, directory
        assert _mode(directory.parent) == 0o700, directory.parent  # created by us too
    for path in [*drafts_dir().glob("*.json"), *data_dir().glob("*.json")]:
        assert _mode(path) == 0o600, path
    assert _mode(config_dir() / "settings.toml") == 0o600
    assert _mode(library.cache_path()) == 0o600


def test_a_directory_readable_by_others_is_narrowed_at_start(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """tui-reader/ made 0755 by an older version (umask 022): made 0700 at the next start,
    before anything is read or written."""
    for directory in (data_dir(), config_dir()):
        directory.mkdir(parents=True, mode=0o755)
        os.chmod(directory, 0o755)
    assert cli.main(["drafts", "list"]) == 0
    assert (_mode(data_dir()), _mode(config_dir())) == (0o700, 0o700)


def _refused(capsys: pytest.CaptureFixture[str], path: Path, needle: str) -> None:
    """`reader` and `reader drafts list` both stop with one clear line and exit code 1."""
    for argv in (["drafts", "list"], [str(ARTICLES / "en-short-note.txt")]):
        code = cli.main(argv)
        err = capsys.readouterr().err
        assert code == cli.EXIT_ERROR, (argv, err)
        assert str(path) in err and needle in err, err
        assert "Traceback" not in err and err.count("\n") == 1, err
    code = cli.main(["--lang", "fr", str(ARTICLES / "en-short-note.txt")])
    err = capsys.readouterr().err
    assert code == cli.EXIT_ERROR and err.startswith("reader : ") and "chmod 700" in err, err


def test_a_directory_others_can_write_in_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    drafts = drafts_dir()
    drafts.mkdir(parents=True)
    os.chmod(drafts, 0o777)  # umask 000 and an older version: anyone could plant files here
    _refused(capsys, drafts, "can be changed by other users")
    result = DraftStore().save(_new_draft(DraftStore()))  # type: ignore[arg-type]
    assert not result.ok and result.key == "drafts.error.permission"
    assert list(drafts.iterdir()) == []  # nothing written there
    assert _mode(drafts) == 0o777  # and nothing changed behind the user's back


@needs_root
@pytest.mark.parametrize("how", ["owned", "symlinked", "their link to ours"])
def test_drafts_of_another_user_are_refused(
    how: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second user swapped drafts/ for their own directory (or a link to it): the next
    draft must not land there, and their drafts are not read as ours."""
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o700)
    planted = theirs / "00000000-0000-4000-8000-000000000001.json"
    planted.write_text("{}")
    os.chown(theirs, OTHER_UID, OTHER_UID)
    drafts = drafts_dir()
    drafts.parent.mkdir(parents=True, mode=0o700)
    if how == "owned":
        os.rename(theirs, drafts)
        planted = drafts / planted.name
    elif how == "symlinked":
        drafts.symlink_to(theirs)
    else:  # a link they planted, to a private directory of ours: still not ours to follow
        ours = tmp_path / "ours"
        ours.mkdir(mode=0o700)
        drafts.symlink_to(ours)
        os.lchown(drafts, OTHER_UID, OTHER_UID)
        planted = ours / planted.name
        planted.write_text("{}")
    _refused(capsys, drafts, "belongs to another user")
    store = DraftStore()
    report = store.load_all()
    assert report.drafts == [] and [p.key for p in report.problems] == [
        "drafts.problem.dir_unreadable"
    ]
    assert not store.save(_new_draft(store)).ok  # type: ignore[arg-type]
    assert sorted(p.name for p in Path(os.path.realpath(drafts)).iterdir()) == [planted.name]
    assert planted.read_text() == "{}"  # neither moved nor read


def test_a_symlinked_drafts_directory_of_ours_is_followed(tmp_path: Path) -> None:
    """Drafts kept elsewhere (a synced folder) by the user's own link: still used."""
    elsewhere = tmp_path / "synced"
    elsewhere.mkdir(mode=0o700)
    drafts_dir().parent.mkdir(parents=True, mode=0o700)
    drafts_dir().symlink_to(elsewhere)
    assert cli.main(["drafts", "list"]) == 0
    assert DraftStore().save(_new_draft(DraftStore())).ok  # type: ignore[arg-type]
    assert len(list(elsewhere.glob("*.json"))) == 1


# --- fsync of directories ---------------------------------------------------------------------


@pytest.fixture
def fsynced(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The directories fsynced from now on (os.fsync spied on, then called for real)."""
    seen: list[Path] = []
    real = os.fsync

    def spy(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            seen.append(Path(os.readlink(f"/proc/self/fd/{fd}")))
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    return seen


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_renames_and_new_directories_are_fsynced(fsynced: list[Path], tmp_path: Path) -> None:
    """A rename or a mkdir is durable only once its directory is fsynced: else a crash can
    lose the entry, and the file with it."""
    store = DraftStore()
    assert store.save(_new_draft(store)).ok  # type: ignore[arg-type]
    drafts = drafts_dir().resolve()
    # The new file's entry in drafts/, drafts/'s entry in tui-reader/, and so on up.
    assert {drafts, drafts.parent, drafts.parent.parent} <= set(fsynced)
    fsynced.clear()
    bad = drafts / "bad.json"
    bad.write_text("not json")
    moved = move_aside(bad, drafts / "corrupt")
    assert moved.read_text() == "not json"
    # corrupt/ created (its parent fsynced), the file's new entry and its old one.
    assert fsynced.count(drafts) >= 2 and drafts / "corrupt" in fsynced


# --- temp files of a killed write, and atomicity under kill -----------------------------------

_WRITER = """
import sys
from pathlib import Path
from tui_reader.core.comments.drafts import DraftStore
store = DraftStore(Path(sys.argv[1]))
draft = store.get(sys.argv[2])
print("ready", flush=True)
turn = 0
while True:  # rewrites of a big comment, as fast as the disk goes, until killed
    turn += 1
    draft.comment = str(turn % 10) * int(sys.argv[3])
    assert store.save(draft).ok
"""


def test_a_write_is_never_seen_half_done_nor_left_half_done_by_a_kill(tmp_path: Path) -> None:
    """A child rewrites a 4 MB draft in a loop, and is SIGKILLed at a random moment, 8 times.
    Meanwhile the file is watched: every version has the same size, so any other size seen
    is a half-written file (an in-place write fails this in the first round: a kill rarely
    lands in its few milliseconds, a watcher does). After each kill the file is one complete
    version. Temp files a kill may leave are then cleaned, and only they."""
    size = 4 << 20
    store = DraftStore(tmp_path / "drafts")
    draft = _new_draft(store, "0" * size)
    assert store.save(draft).ok  # type: ignore[arg-type]
    path = store.path_for(draft.id)  # type: ignore[attr-defined]
    full = path.stat().st_size
    rng = random.Random(16)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    sizes_seen: set[int] = set()
    for round_no in range(8):
        child = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(store.directory), draft.id, str(size)],  # type: ignore[attr-defined]
            env=env,
            stdout=subprocess.PIPE,
        )
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        kill_at = time.monotonic() + rng.uniform(0.1, 0.6)
        while time.monotonic() < kill_at:
            sizes_seen.add(os.stat(path).st_size)
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert sizes_seen == {full}, f"round {round_no}: sizes {sorted(sizes_seen)[:5]} seen"
        comment = json.loads(path.read_bytes())["comment"]  # complete, valid JSON
        assert len(comment) == size and len(set(comment)) == 1, f"round {round_no}"
    leftovers = [p for p in store.directory.iterdir() if p.name.endswith(".tmp")]
    print(f"\n{len(leftovers)} temp files left by 8 kills")
    mine = store.directory / "notes.tmp"  # not of our pattern: never touched
    mine.write_text("mine")
    removed = atomic_file.clean_stale_temps([store.directory], now=time.time() + 3600)
    assert sorted(removed) == sorted(leftovers)
    assert sorted(p.name for p in store.directory.iterdir()) == sorted(
        [".lock", path.name, "notes.tmp"]
    )


async def test_stale_temp_files_are_removed_after_the_first_paint(
    tmp_path: Path, make_app: Callable[..., ReaderApp]
) -> None:
    """At start, after the first paint: temp files of ours older than STALE_TEMP_AGE go;
    a fresh one (another instance writing now), other names and symlinks stay."""
    old = time.time() - 3600  # STALE_TEMP_AGE is 10 minutes
    drafts, data, cache = drafts_dir(), data_dir(), library.cache_path().parent
    for directory in (drafts, cache):
        directory.mkdir(parents=True, mode=0o700)
    stale = [
        drafts / ".0d8b2c1e-1111-4222-8333-444455556666.json.0123456789ab.tmp",
        data / ".positions.json.a1b2c3d4e5f6.tmp",
        cache / ".library.json.00ff00ff00ff.tmp",
    ]
    fresh = drafts / ".0d8b2c1e-1111-4222-8333-444455556666.json.ba9876543210.tmp"
    other = drafts / "notes.tmp"
    link = data / ".identity.json.cccccccccccc.tmp"
    for path in [*stale, fresh, other]:
        path.write_bytes(b"x" * 1000)
    link.symlink_to(other)
    for path in [*stale, other]:
        os.utime(path, (old, old))
    os.utime(link, (old, old), follow_symlinks=False)
    app = make_app(ARTICLES / "en-short-note.txt")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        deadline = time.monotonic() + 10
        while any(p.exists() for p in stale) and time.monotonic() < deadline:
            await pilot.pause(0.05)
    assert [p for p in stale if p.exists()] == []
    assert fresh.exists() and other.exists() and link.is_symlink()
