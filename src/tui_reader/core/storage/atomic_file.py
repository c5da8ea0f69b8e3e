"""Small private files that survive crashes, full disks and hostile symlinks.

Used for drafts and the identity file, and meant for settings and reading positions too:
- `atomic_write`: a 0600 temp file in the same directory, fsync, os.replace, fsync of the
  directory: after a crash the file is either the old one or the new one, never half-written.
- `read_private`: reads with O_NOFOLLOW (a symlink planted where our file should be is never
  followed) and refuses anything that is not a regular file (a FIFO would block us forever).
- `move_aside`: a file we cannot use is renamed into a `corrupt/` directory, never deleted.
- `ensure_private_dir` / `check_private_dir`: our directories are created 0700 and refused
  when someone else owns them or can write in them (issue 16).
- `file_lock`: read-modify-write of a shared file serialised between instances (flock).
- `clean_stale_temps`: temp files left by a kill in the middle of a write are removed later.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tui_reader.core.catalog import t

# What turns an OSError into a message: core.errors (re-exported for the stores).
from tui_reader.core.errors import error_key as error_key
from tui_reader.core.errors import error_reason as error_reason

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600

# Absent on Windows: there the checks degrade to what the platform offers.
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)

TEMP_SUFFIX = ".tmp"
# Where a file we cannot use is moved (beside it), never deleted.
CORRUPT_DIR = "corrupt"
# `.<name>.<12 hex digits>.tmp`, as atomic_write names its temp files: nothing else matches.
_TEMP_RE = re.compile(r"\..+\.[0-9a-f]{12}" + re.escape(TEMP_SUFFIX) + r"\Z")
# A temp file untouched for this long belongs to no write in progress (a write touches its
# file continuously): it was left by a kill and can go.
STALE_TEMP_AGE = 600.0
# No state file of ours is this big (a draft's comment is limited to 64 KB): a bigger one is
# not read into memory (a symlink to /dev/zero or a planted 10 GB file would exhaust it).
STATE_FILE_LIMIT = 32 << 20

try:  # POSIX only; elsewhere two instances fall back to the content checks alone.
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class FileProblem:
    """A file that could not be used, for the user (catalog key and params)."""

    key: str
    path: Path
    moved_to: Path | None = None  # where the file was moved aside, if it was
    params: dict[str, str] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        """The message for the user (every problem key takes `path` and `moved_to`)."""
        params = {"path": str(self.path), "moved_to": str(self.moved_to), **self.params}
        return t(self.key, lang, **params)


def content_stamp(data: bytes) -> str:
    """What we remember of a file's content to notice that someone else rewrote it.

    A hash rather than mtime/size: mtime granularity is coarse on some filesystems and two
    saves of the same length within one tick would look identical.
    """
    return hashlib.sha256(data).hexdigest()


class UnsafeDirectoryError(PermissionError):
    """One of our directories is not ours alone: another user owns it or can write in it.

    `key` names the message in core.catalog (params: path); strerror says it in English for
    the error messages built from an OSError.
    """

    def __init__(self, key: str, path: Path, reason: str) -> None:
        super().__init__(errno.EPERM, reason, str(path))
        self.key = key
        self.path = path


def _uid() -> int | None:
    geteuid = getattr(os, "geteuid", None)  # absent on Windows: no owner check there
    return geteuid() if geteuid is not None else None


def check_private_dir(path: Path) -> None:
    """Make sure `path`, an existing directory, is ours alone; raise UnsafeDirectoryError if not.

    A symlink is followed (drafts synced elsewhere are the user's choice) when the link and
    its target are the user's. A directory of ours readable by others (made under umask 022
    by an older version) is narrowed to 0700; one that another user owns or can write in is
    refused: files may have been planted or swapped in it, and what we write could be read.
    Raises FileNotFoundError, NotADirectoryError, UnsafeDirectoryError.
    """
    uid = _uid()
    link = os.lstat(path)
    if stat.S_ISLNK(link.st_mode) and uid is not None and link.st_uid != uid:
        raise UnsafeDirectoryError("storage.unsafe_dir.owner", path, "symlink of another user")
    st = os.stat(path)
    if not stat.S_ISDIR(st.st_mode):
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
    if uid is None:
        return
    if st.st_uid != uid:
        raise UnsafeDirectoryError("storage.unsafe_dir.owner", path, "owned by another user")
    if st.st_mode & 0o022:
        raise UnsafeDirectoryError("storage.unsafe_dir.writable", path, "writable by others")
    if st.st_mode & 0o077:
        try:
            os.chmod(path, PRIVATE_DIR_MODE)
        except OSError:
            raise UnsafeDirectoryError(
                "storage.unsafe_dir.writable", path, "readable by others"
            ) from None


def ensure_private_dir(path: Path) -> None:
    """Create `path` and its missing parents as 0700 (whatever the umask), each creation made
    durable by an fsync of its parent; then check that `path` is ours alone (above)."""
    missing: list[Path] = []
    current = path
    while not os.path.lexists(current) and current.parent != current:
        missing.append(current)
        current = current.parent
    for directory in reversed(missing):
        try:
            os.mkdir(directory, PRIVATE_DIR_MODE)
        except FileExistsError:  # another instance was quicker
            continue
        _fsync_dir(directory.parent)
    check_private_dir(path)


def is_symlink(path: Path) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def read_private(
    path: Path, *, limit: int = STATE_FILE_LIMIT, follow_symlinks: bool = False
) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, never through a symlink (unless
    `follow_symlinks`: settings.toml managed by a dotfiles tool). The one way state files are
    read: drafts, identity, positions, settings, the library cache.

    Raises FileNotFoundError, OSError(ELOOP) for a symlink, OSError(EINVAL) for a non-regular
    file (a FIFO: opened without blocking, never read), OSError(EFBIG) beyond `limit`, or any
    other OSError from the system.
    """
    nofollow = 0 if follow_symlinks else _O_NOFOLLOW
    flags = os.O_RDONLY | nofollow | _O_CLOEXEC | _O_NONBLOCK
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        # Linux says ELOOP for O_NOFOLLOW on a symlink; some BSDs say EMLINK.
        if not follow_symlinks and (exc.errno in (errno.ELOOP, errno.EMLINK) or is_symlink(path)):
            raise OSError(errno.ELOOP, "symbolic link refused", str(path)) from exc
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        if st.st_size > limit:
            raise OSError(errno.EFBIG, os.strerror(errno.EFBIG), str(path))
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, 1 << 16):
            size += len(chunk)
            if size > limit:  # grew since the fstat
                raise OSError(errno.EFBIG, os.strerror(errno.EFBIG), str(path))
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable. Not possible everywhere (Windows, some network
    # filesystems): the data is already fsynced, so a failure here is not worth an error.
    try:
        fd = os.open(directory, os.O_RDONLY | _O_DIRECTORY | _O_CLOEXEC)
    except OSError:
        return
    try:
        with suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace `path` with `data` atomically, as a 0600 file. Raises OSError, leaving no temp.

    `durable=False` skips the fsyncs, for a cache that is rebuilt when lost: readers still see
    the old file or the new one, never half of one, but a power cut may lose the new one.
    Refuses (OSError ELOOP) when `path` is a symlink: os.replace would not follow it, but a
    planted link means someone is playing with our directory and the caller should know.
    """
    if is_symlink(path):
        raise OSError(errno.ELOOP, "symbolic link refused", str(path))
    directory = path.parent
    # A random name (os.urandom, as secrets does, without importing it at start-up).
    temp = directory / f".{path.name}.{os.urandom(6).hex()}{TEMP_SUFFIX}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW | _O_CLOEXEC
    fd = os.open(temp, flags, PRIVATE_FILE_MODE)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    if durable:
        _fsync_dir(directory)


def utc_timestamp(now: datetime | None = None) -> str:
    """Compact UTC time for file names: 20261126T080000Z."""
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")


def move_aside(path: Path, corrupt_dir: Path, now: datetime | None = None) -> Path:
    """Rename `path` (a symlink itself, not its target) to `corrupt_dir/<name>.<timestamp>`.

    Never overwrites an earlier casualty: a counter is added when the name is taken.
    Raises OSError when the rename is impossible (read-only directory...).
    """
    ensure_private_dir(corrupt_dir)
    base = f"{path.name}.{utc_timestamp(now)}"
    target = corrupt_dir / base
    counter = 1
    while os.path.lexists(target):
        target = corrupt_dir / f"{base}.{counter}"
        counter += 1
    os.rename(path, target)
    # The rename is durable only once both directories are: else a crash could lose the
    # entry in corrupt/, and the file with it.
    _fsync_dir(corrupt_dir)
    _fsync_dir(path.parent)
    return target


@contextmanager
def file_lock(lock_path: Path, *, blocking: bool = True, remove: bool = False) -> Iterator[bool]:
    """Serialise a read-modify-write between instances: an advisory flock on `lock_path`.

    The lock's directory must exist. A lock file we cannot create (read-only directory) must
    not stop a write that may still succeed: the caller then runs unlocked. Yields whether the
    lock is held (False only when not `blocking` and another process has it).

    `remove`: the file is unlinked on release, while still locked, so that per-item locks
    (drafts/.send-<id>.lock) do not pile up. Every user of such a lock must pass `remove`:
    after locking, it checks that the path still names the file it locked; if the holder it
    waited for removed it meanwhile, it locks the file now at that path instead.
    """
    fd = -1
    held = True
    if fcntl is not None:
        with suppress(OSError):
            while True:
                flags = os.O_RDWR | os.O_CREAT | _O_NOFOLLOW | _O_CLOEXEC
                fd = os.open(lock_path, flags, PRIVATE_FILE_MODE)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
                except BlockingIOError:
                    held = False
                    break
                if not remove or _still_at(fd, lock_path):
                    break
                os.close(fd)  # a file nobody will look at again: try the one there now
                fd = -1
    try:
        yield held
    finally:
        if fd >= 0:
            if remove and held:
                with suppress(OSError):
                    os.unlink(lock_path)  # before the release: see _still_at
            os.close(fd)  # releases the flock


def _still_at(fd: int, path: Path) -> bool:
    """Is the file open as `fd` the one `path` names now (not unlinked, not replaced)?"""
    try:
        here, there = os.fstat(fd), os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def clean_stale_temps(
    directories: Iterable[Path], *, max_age: float = STALE_TEMP_AGE, now: float | None = None
) -> list[Path]:
    """Remove atomic_write's temp files older than `max_age` seconds (left by a kill in the
    middle of a write): only regular files of ours with our name pattern. Never raises;
    the files removed."""
    moment = time.time() if now is None else now
    uid = _uid()
    removed: list[Path] = []
    for directory in directories:
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue
        for entry in entries:
            if not _TEMP_RE.match(entry.name):
                continue
            try:
                st = entry.stat(follow_symlinks=False)
                if not stat.S_ISREG(st.st_mode) or (uid is not None and st.st_uid != uid):
                    continue
                if moment - st.st_mtime < max_age:
                    continue  # perhaps another instance writing right now
                os.unlink(entry.path)
            except OSError:
                continue
            removed.append(Path(entry.path))
    return removed


def json_bytes(doc: object) -> bytes:
    """Readable UTF-8 JSON for our files; \\u escapes only when text holds a lone surrogate
    (which UTF-8 cannot encode, and which a terminal paste can produce)."""
    import json  # on the first write, not at start-up

    try:
        return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(doc, ensure_ascii=True, indent=2) + "\n").encode("ascii")
