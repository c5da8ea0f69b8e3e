"""The remember-me identity: name, email and website kept for the next comment.

The equivalent of WordPress's comment_author_* cookies, in `identity.json` in data_dir() (0600,
written atomically). A file we cannot read is moved to `corrupt/` and reported, never silently
replaced: it may hold the only copy of what the user typed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from tui_reader.core.messages import Msg
from tui_reader.core.storage.atomic_file import (
    CORRUPT_DIR,
    FileProblem,
    atomic_write,
    ensure_private_dir,
    error_key,
    error_reason,
    is_symlink,
    json_bytes,
    move_aside,
    read_private,
)
from tui_reader.core.storage.paths import data_dir

IDENTITY_FILE = "identity.json"
IDENTITY_SCHEMA = 1


@dataclass(frozen=True, slots=True)
class Identity:
    author: str
    email: str
    url: str = ""


@dataclass(frozen=True, slots=True)
class IdentityResult:
    """What load/save/forget did. `error` set means the operation failed."""

    identity: Identity | None = None
    problem: FileProblem | None = None  # a corrupt file moved aside, to tell the user about
    error: Msg | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def identity_path(directory: Path | None = None) -> Path:
    return (directory if directory is not None else data_dir()) / IDENTITY_FILE


def _parse(raw: bytes) -> Identity | None:
    """The identity in `raw`, or None when the content is not a valid identity file."""
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # "[[[[…" nests too deep
        return None
    if not isinstance(doc, dict):
        return None
    author, email, url = doc.get("author"), doc.get("email"), doc.get("url", "")
    # The website is optional in the form; name and email are what the file is for.
    if not (isinstance(author, str) and isinstance(email, str) and isinstance(url, str)):
        return None
    return Identity(author=author, email=email, url=url)


def _set_aside(path: Path, key: str) -> tuple[FileProblem, Msg | None]:
    """Move an unusable file aside; the problem to report and an error if that failed."""
    try:
        moved = move_aside(path, path.parent / CORRUPT_DIR)
    except OSError as exc:
        problem = FileProblem(
            "identity.problem.not_moved", path, None, {"reason": error_reason(exc)}
        )
        return problem, Msg(error_key(exc, "identity.error"))
    return FileProblem(key, path, moved), None


def _failure(exc: OSError) -> Msg:
    return Msg(error_key(exc, "identity.error"), {"reason": error_reason(exc)})


def load_identity(directory: Path | None = None) -> IdentityResult:
    """The saved identity (None when there is none); a corrupt file is moved aside and reported."""
    path = identity_path(directory)
    try:
        raw = read_private(path)
    except FileNotFoundError:
        return IdentityResult()
    except OSError as exc:
        if error_key(exc, "identity.error") == "identity.error.symlink":
            problem, _ = _set_aside(path, "identity.problem.symlink")
            return IdentityResult(problem=problem)
        # Unreadable (permissions, I/O): leave it where it is and say so.
        return IdentityResult(error=_failure(exc))
    identity = _parse(raw)
    if identity is None:
        problem, _ = _set_aside(path, "identity.problem.corrupt")
        return IdentityResult(problem=problem)
    return IdentityResult(identity=identity)


def save_identity(identity: Identity, directory: Path | None = None) -> IdentityResult:
    """Write the identity. An existing corrupt file (or symlink) is moved aside first."""
    path = identity_path(directory)
    problem: FileProblem | None = None
    try:
        ensure_private_dir(path.parent)
        if is_symlink(path):
            problem, failed = _set_aside(path, "identity.problem.symlink")
            if failed:
                return IdentityResult(problem=problem, error=failed)
        elif path.exists():
            current = read_private(path)
            if _parse(current) is None:
                problem, failed = _set_aside(path, "identity.problem.corrupt")
                if failed:
                    return IdentityResult(problem=problem, error=failed)
        doc = {
            "schema": IDENTITY_SCHEMA,
            "author": identity.author,
            "email": identity.email,
            "url": identity.url,
        }
        atomic_write(path, json_bytes(doc))
    except OSError as exc:
        return IdentityResult(problem=problem, error=_failure(exc))
    return IdentityResult(identity=identity, problem=problem)


def forget_identity(directory: Path | None = None) -> IdentityResult:
    """Delete the saved identity. `identity` of the result is the one forgotten (None if none)."""
    path = identity_path(directory)
    previous: Identity | None = None
    try:
        if not is_symlink(path):
            previous = _parse(read_private(path))
        path.unlink()
    except FileNotFoundError:
        return IdentityResult()
    except OSError as exc:
        return IdentityResult(error=_failure(exc))
    return IdentityResult(identity=previous)
