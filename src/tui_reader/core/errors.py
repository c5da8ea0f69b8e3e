"""The core's exception types, in one module that imports nothing of ours (no import cycles).

Each carries what the user is told: a catalog key (core.catalog) and its parameters.
"""

from __future__ import annotations

import errno


class ArticleError(Exception):
    """An article that cannot be opened. `key`/`params` index core.catalog for the message."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class FrontMatterError(ValueError):
    """The block is not YAML (TOML), or not a mapping: its metadata cannot be used. `end` is
    where the text after the block starts: the block is kept out of the article anyway."""

    def __init__(self, reason: str, end: int = 0) -> None:
        super().__init__(reason)
        self.end = end


# What error_key appends to its prefix: each family ("drafts.error", ...) has all five keys.
ERROR_SUFFIXES = ("no_space", "read_only_fs", "permission", "symlink", "io")


def error_key(exc: OSError, prefix: str) -> str:
    """`<prefix>.no_space` / `.read_only_fs` / `.permission` / `.symlink` / `.io` for an OSError."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"{prefix}.no_space"
    if code == errno.EROFS:
        return f"{prefix}.read_only_fs"
    if code in (errno.EACCES, errno.EPERM):
        return f"{prefix}.permission"
    if code in (errno.ELOOP, errno.EMLINK):
        return f"{prefix}.symlink"
    return f"{prefix}.io"


def error_reason(exc: OSError) -> str:
    """The system's words for an OSError ("No space left on device")."""
    return exc.strerror or str(exc)
