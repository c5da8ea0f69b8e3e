"""Small private files that survive crashes, full disks and hostile symlinks.

Used for drafts and the identity file, and meant for settings and reading positions too:
- `atomic_write`: a 0600 temp file in the same directory, fsync, os.replace, fsync of the
  directory: after a crash the file is either the old one or the new one, never half-written.
- `read_private`: reads with O_NOFOLLOW (a symlink planted where our file should be is never
  followed) and refuses anything that is not a regular file (a FIFO would block us forever).
- `move_aside`: a file we cannot use is renamed into a `corrupt/` directory, never deleted.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from contextlib import suppress
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


def ensure_private_dir(path: Path) -> None:
    """Create `path` as 0700 (parents with the default mode), or narrow it if it is broader."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.mkdir(path, PRIVATE_DIR_MODE)
    except FileExistsError:
        # A directory symlink is the user's choice (drafts synced elsewhere): follow it.
        st = os.stat(path)
        if not stat.S_ISDIR(st.st_mode):
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path)) from None
        if st.st_mode & 0o077:
            # Not our directory (or a read-only filesystem): we still work, just less private.
            with suppress(OSError):
                os.chmod(path, PRIVATE_DIR_MODE)


def is_symlink(path: Path) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def read_private(path: Path) -> bytes:
    """The bytes of a regular file, never through a symlink.

    Raises FileNotFoundError, OSError(ELOOP) for a symlink, OSError(EINVAL) for a non-regular
    file, or any other OSError from the system.
    """
    flags = os.O_RDONLY | _O_NOFOLLOW | _O_CLOEXEC | _O_NONBLOCK
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        # Linux says ELOOP for O_NOFOLLOW on a symlink; some BSDs say EMLINK.
        if exc.errno in (errno.ELOOP, errno.EMLINK) or is_symlink(path):
            raise OSError(errno.ELOOP, "symbolic link refused", str(path)) from exc
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        chunks: list[bytes] = []
        while chunk := os.read(fd, 1 << 16):
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


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, as a 0600 file. Raises OSError, leaving no temp.

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
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
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
    return target


def json_bytes(doc: object) -> bytes:
    """Readable UTF-8 JSON for our files; \\u escapes only when text holds a lone surrogate
    (which UTF-8 cannot encode, and which a terminal paste can produce)."""
    import json  # on the first write, not at start-up

    try:
        return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(doc, ensure_ascii=True, indent=2) + "\n").encode("ascii")
