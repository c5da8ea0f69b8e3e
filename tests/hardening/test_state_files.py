"""Settings and state files (issue 6): settings.toml, positions.json, identity.json and the
library cache, damaged in every way, never crash anything.

The matrix (each file × corrupt, truncated, empty, wrong type, nested too deep, not UTF-8, a
directory in its place, a symlink in its place) runs on the loaders; then the app meets one bad
file of each kind and tells the user. What is expected of each:
- settings.toml: defaults for what is bad, a notice; the file is the user's, so a load never
  touches it, and the first write moves it to corrupt/ first. A symlink is followed on purpose
  (dotfiles managers), reading and writing.
- positions.json, identity.json: defaults, a notice, the bytes moved to corrupt/ unchanged; a
  symlink is never followed (moved aside as a link, its target untouched).
- the library cache: only a speed-up, holding nothing of the user's: rebuilt silently, never
  a crash, a symlink replaced rather than written through.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hardening.hostile import write_article
from tests.hardening.terminal_checks import screen_problems
from tests.repo_paths import ARTICLES
from tui_reader.core.comments.identity import load_identity
from tui_reader.core.storage import library
from tui_reader.core.storage.library import CACHE_VERSION
from tui_reader.core.storage.paths import config_dir, data_dir
from tui_reader.core.storage.positions import PositionStore
from tui_reader.core.storage.settings import DEFAULT_READING_WIDTH, DEFAULT_THEME, load_settings
from tui_reader.ui.app import ReaderApp

VALID = {
    "settings": b'theme = "nord"\nreading_width = 72\n',
    "positions": json.dumps(
        {"schema": 1, "articles": {"/a.md": {"slug": "top", "line": 1, "lines": 2, "percent": 5}}}
    ).encode(),
    "identity": json.dumps({"schema": 1, "author": "Ann", "email": "ann@example.org"}).encode(),
    "cache": json.dumps({"version": CACHE_VERSION, "entries": {}}).encode(),
}
WRONG_TYPE = {
    "settings": b'theme = 42\nreading_width = "wide"\nsidebar_visible = 3\n',
    "positions": b'{"schema": 1, "articles": ["not", "a", "mapping"]}',
    "identity": b'{"author": 5, "email": ["x"]}',
    "cache": json.dumps({"version": CACHE_VERSION, "entries": [1, 2]}).encode(),
}
TOO_DEEP = {
    "settings": b"a = " + b"[" * 50_000,
    "positions": b"[" * 100_000,
    "identity": b"[" * 100_000,
    "cache": b"[" * 100_000,
}
CASES = ["corrupt", "truncated", "empty", "wrong type", "too deep", "not utf-8", "directory"]


def damaged(kind: str, case: str) -> bytes:
    valid = VALID[kind]
    return {
        "corrupt": b"{not json, not toml = [",
        "truncated": valid[: len(valid) // 2],
        "empty": b"",
        "wrong type": WRONG_TYPE[kind],
        "too deep": TOO_DEEP[kind],
        "not utf-8": valid.replace(b"n", b"\xff\xfe", 1),
    }[case]


def _path(kind: str) -> Path:
    return {
        "settings": config_dir() / "settings.toml",
        "positions": data_dir() / "positions.json",
        "identity": data_dir() / "identity.json",
        "cache": library.cache_path(),
    }[kind]


def _plant(kind: str, case: str, tmp_path: Path) -> tuple[Path, bytes | None]:
    """Put the damaged file in place; (its path, its bytes, or None for a directory)."""
    path = _path(kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    if case == "directory":
        path.mkdir()
        return path, None
    data = damaged(kind, case)
    path.write_bytes(data)
    return path, data


def _load(kind: str) -> tuple[bool, list[str], list[Path]]:
    """Load as the program does: (whether defaults are in force, problem keys, moved-to paths)."""
    if kind == "settings":
        loaded = load_settings(themes={DEFAULT_THEME})
        defaults = loaded.settings.theme == DEFAULT_THEME
        defaults &= loaded.settings.reading_width in (DEFAULT_READING_WIDTH, 72)
        return defaults, [p.key for p in loaded.problems], []
    if kind == "positions":
        store = PositionStore()
        entries = store.all()
        problems = store.take_problems()
        moved = [p.moved_to for p in problems if p.moved_to]
        return entries == {}, [p.key for p in problems], moved
    if kind == "identity":
        result = load_identity()
        keys = [
            k
            for k in (result.problem and result.problem.key, result.error and result.error.key)
            if k
        ]
        moved = [result.problem.moved_to] if result.problem and result.problem.moved_to else []
        return result.identity is None, keys, moved
    shelf = _path("cache").parent.parent / "shelf"
    shelf.mkdir(exist_ok=True)
    (shelf / "a.md").write_text("# A\n\nText.\n")
    listing = library.list_articles(shelf)
    return [a.title for a in listing.articles] == ["A"], [], []


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("kind", ["settings", "positions", "identity", "cache"])
def test_damaged_state_files_never_crash(kind: str, case: str, tmp_path: Path) -> None:
    path, data = _plant(kind, case, tmp_path)
    defaults, problems, moved = _load(kind)  # never raises
    assert defaults
    if kind == "cache":
        return  # rebuilt silently: nothing of the user's is in it
    told = not (kind == "settings" and case == "empty")  # an empty settings.toml is valid TOML
    told &= not (kind == "settings" and case == "truncated")  # half of it is still valid
    if told:
        assert problems, f"{kind}/{case}: the user is not told"
    if data is None:
        assert path.is_dir() or moved[0].is_dir()  # left alone or set aside, and reported
    elif kind == "settings":
        assert path.read_bytes() == data  # a load never touches the user's file
    elif moved:
        assert [p.read_bytes() for p in moved] == [data]  # kept aside, byte for byte
        assert not path.exists()


@pytest.mark.parametrize("kind", ["positions", "identity", "cache"])
def test_symlink_in_place_of_a_state_file_is_not_followed(kind: str, tmp_path: Path) -> None:
    target = tmp_path / "target.json"
    target.write_bytes(VALID[kind])
    path = _path(kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)
    defaults, problems, moved = _load(kind)
    if kind == "cache":
        # Read through (it is our cache, validated field by field) but never written through:
        # the listing's save replaced the link by a regular file.
        assert defaults
        assert not path.is_symlink() and path.is_file()
    else:
        assert defaults and problems and moved
        assert moved[0].is_symlink() and not path.exists()
    assert target.read_bytes() == VALID[kind]  # the target is untouched


def test_settings_symlink_is_followed_on_purpose(tmp_path: Path) -> None:
    target = tmp_path / "dotfiles" / "settings.toml"
    target.parent.mkdir()
    target.write_bytes(VALID["settings"])
    path = _path("settings")
    path.parent.mkdir(parents=True)
    path.symlink_to(target)
    assert load_settings(themes={"nord"}).settings.theme == "nord"
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    path.unlink()
    path.symlink_to(loop)  # a symlink loop: a problem, defaults, no crash
    loaded = load_settings(themes={"nord"})
    assert loaded.settings.theme == DEFAULT_THEME and loaded.problems


# --- in the app ---------------------------------------------------------------------------------


def _messages(app: ReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


HOSTILE_SETTINGS = (
    b'"\\u001b]52;c;ZXZpbA==\\u0007[/]" = 1\n'  # an unknown key naming an escape sequence
    b'theme = "[/] \\u001b[2J [@click=app.quit]q"\n'  # markup and escapes in a value
    b'reading_width = "wide"\n'
)


@pytest.mark.parametrize("content", ["invalid toml", "hostile values"])
async def test_app_tells_about_a_bad_settings_file_and_keeps_it(
    content: str, make_app: Callable[..., ReaderApp]
) -> None:
    path = _path("settings")
    path.parent.mkdir(parents=True)
    data = b"theme = [unclosed\n" if content == "invalid toml" else HOSTILE_SETTINGS
    path.write_bytes(data)
    app = make_app(ARTICLES / "en-short-note.txt")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert app.settings.theme == DEFAULT_THEME
        assert any(str(path) in m for m in _messages(app))  # told, naming the file
        assert screen_problems(app, "settings notices") == []  # shown inert
        assert path.read_bytes() == data  # untouched by loading
        await pilot.press("minus")  # a change of reading width: written 0.5 s later
        await pilot.pause(0.9)
        assert app.is_running
    kept = list((path.parent / "corrupt").iterdir())
    assert [p.read_bytes() for p in kept] == [data]  # the user's file, moved aside first
    assert not load_settings().bad  # and a clean file in its place (unknown keys kept)
    assert any("kept as" in m for m in _messages(app))


@pytest.mark.parametrize("case", ["corrupt", "symlink"])
async def test_app_tells_about_bad_positions_and_carries_on(
    case: str, tmp_path: Path, make_app: Callable[..., ReaderApp]
) -> None:
    path = _path("positions")
    path.parent.mkdir(parents=True)
    target = tmp_path / "target.json"
    target.write_bytes(VALID["positions"])
    if case == "symlink":
        path.symlink_to(target)
    else:
        path.write_bytes(b"[" * 100_000)
    article = write_article(tmp_path, "a.md", "# A\n\n" + "Text.\n\n" * 200)
    app = make_app(article)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert any("moved to" in m for m in _messages(app))
        await pilot.press("G", "escape")  # leaving the article saves its position
        await pilot.pause()
        assert app.is_running
    assert target.read_bytes() == VALID["positions"]
    saved = json.loads(path.read_bytes())  # a new, valid file
    assert list(saved["articles"]) == [str(article.resolve())]
    assert len(list((path.parent / "corrupt").iterdir())) == 1


@pytest.mark.parametrize("case", ["corrupt", "symlink"])
async def test_app_tells_about_a_bad_identity_when_the_form_opens(
    case: str, tmp_path: Path, make_app: Callable[..., ReaderApp]
) -> None:
    path = _path("identity")
    path.parent.mkdir(parents=True)
    target = tmp_path / "target.json"
    target.write_bytes(VALID["identity"])
    if case == "symlink":
        path.symlink_to(target)
    else:
        path.write_bytes(b'{"author": "Ann", "email": ')  # truncated
    app = make_app(ARTICLES / "en-night-trains.md")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert type(app.screen).__name__ == "ComposerScreen"
        assert any("moved to" in m for m in _messages(app))
        assert app.screen.form.values()["author"] == ""  # no identity: empty, never garbage
    kept = list((path.parent / "corrupt").iterdir())
    assert len(kept) == 1 and not path.exists()
    if case == "symlink":
        assert kept[0].is_symlink()
    assert target.read_bytes() == VALID["identity"]


async def test_app_starts_over_a_corrupt_library_cache(
    tmp_path: Path, make_app: Callable[..., ReaderApp]
) -> None:
    cache = _path("cache")
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"[" * 100_000)
    app = make_app(ARTICLES)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert len(app.articles) == len(list(ARTICLES.iterdir()))
    assert json.loads(cache.read_bytes())["version"] == CACHE_VERSION  # rebuilt
    assert os.stat(cache).st_size > 100


async def test_a_tampered_library_cache_shows_inert(
    tmp_path: Path, make_app: Callable[..., ReaderApp]
) -> None:
    """The cache is read back as data: a title or author edited into it stays inert."""
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    article = write_article(shelf, "a.md", "# A\n\nText.\n")
    st = article.stat()
    record = {
        "title": "Evil \x1b[2J\x1b]52;c;ZXZpbA==\x07 [bold red]t[/]",
        "author": "\x1b]8;;file:///etc/passwd\x1b\\me",
        "date": "2024 \x9b2J",
        "lang": "en",
        "source_url": None,
        "reading_minutes": 1,
        "comments_open": False,
    }
    entry = {"stamp": [st.st_size, st.st_mtime_ns, "en"], "record": {"info": record}}
    cache = _path("cache")
    cache.parent.mkdir(parents=True)
    cache.write_text(
        json.dumps({"version": CACHE_VERSION, "entries": {os.path.abspath(article): entry}})
    )
    app = make_app(shelf)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert app.articles[0].title.startswith("Evil ␛[2J")  # the cache was used
        assert screen_problems(app, "library from a tampered cache") == []


# --- issue 16: files another user can plant, and a file tomlkit cannot rewrite ----------------

_LIST_IN_A_CHILD = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # a read of /dev/zero fails fast
from tui_reader.core.storage.library import list_articles
listing = list_articles(Path(sys.argv[1]))
print([a.title for a in listing.articles])
"""


@pytest.mark.parametrize("planted", ["fifo", "link to /dev/zero", "huge file"])
def test_a_planted_library_cache_never_blocks_nor_eats_memory(planted: str, tmp_path: Path) -> None:
    """The cache is read like every state file: a FIFO would block every start forever, a
    symlink to /dev/zero or a huge file would fill memory. The listing runs in a child with a
    deadline and 1 GB of address space."""
    cache = _path("cache")
    cache.parent.mkdir(parents=True)
    if planted == "fifo":
        os.mkfifo(cache)
    elif planted == "huge file":
        with open(cache, "wb") as file:
            file.truncate(2 << 30)  # sparse: 2 GB of zeros
    else:
        cache.symlink_to("/dev/zero")
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    write_article(shelf, "a.md", "# A\n\nText.\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    try:
        done = subprocess.run(
            [sys.executable, "-c", _LIST_IN_A_CHILD, str(shelf)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"listing with a {planted} as the cache never returned")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "['A']"
    assert cache.is_file() and not cache.is_symlink()  # replaced by a real cache
    assert json.loads(cache.read_bytes())["version"] == CACHE_VERSION


def test_state_files_are_read_size_bounded(tmp_path: Path) -> None:
    """One reader for every state file: beyond STATE_FILE_LIMIT nothing is read into memory."""
    from tui_reader.core.storage.atomic_file import STATE_FILE_LIMIT, read_private

    big = tmp_path / "big.json"
    with open(big, "wb") as file:
        file.truncate(STATE_FILE_LIMIT + 1)
    with pytest.raises(OSError) as info:
        read_private(big)
    assert info.value.errno == errno.EFBIG
    store = PositionStore()
    store.path.parent.mkdir(parents=True)
    os.replace(big, store.path)
    assert store.all() == {}  # a problem, not a crash
    assert store.take_problems()


def test_settings_tomlkit_cannot_rewrite_are_kept_aside_not_lost() -> None:
    """Valid TOML for tomllib (an array nested 150 deep) that tomlkit refuses: the next change
    made in the app used to replace the file by a bare header. Now the file goes to corrupt/
    first, the user is told, and the new file keeps the settings in force."""
    from tui_reader.core.storage.settings import save_settings

    path = _path("settings")
    path.parent.mkdir(parents=True)
    data = (
        b'# my comment\ntheme = "nord"\nreading_width = 72\nx = ' + b"[" * 150 + b"]" * 150 + b"\n"
    )
    path.write_bytes(data)
    assert not load_settings(themes={"nord"}).bad  # valid: loaded as it is
    result = save_settings({"sidebar_width": 40}, themes={"nord"})
    assert result.ok and result.moved_to is not None
    assert result.moved_to.read_bytes() == data  # the user's file, byte for byte
    assert result.notices("en")  # and the user is told where it is
    settings = load_settings(themes={"nord"}).settings
    assert (settings.theme, settings.reading_width, settings.sidebar_width) == ("nord", 72, 40)
