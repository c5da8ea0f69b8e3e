"""Bytes → text: reading an article file and decoding it, or saying why it cannot be read.

Errors are ArticleError (core.article) with a catalog key and the path as shown to the user.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.core.sanitize import make_inert

if TYPE_CHECKING:
    from tui_reader.core.article import ArticleError

SUPPORTED_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
STDIN_NAME = "<stdin>"
# Larger articles are refused with a message (issue 16): a 100 MB one needed 2.3 GB and 46 s
# to its first screen; the 37 MB benchmark article opens in well under a second.
MAX_ARTICLE_BYTES = 50_000_000


def _error(key: str, **params: object) -> ArticleError:
    # Imported here: core.article imports this module.
    from tui_reader.core.article import ArticleError

    return ArticleError(key, **params)


def display_path(path: Path | None) -> str:
    """The path as written in messages. File names may hold escape sequences too."""
    return STDIN_NAME if path is None else make_inert(str(path))


def is_supported(path: Path | str) -> bool:
    """Whether the file name has an article's extension (.md, .markdown, .txt, any case)."""
    return os.path.splitext(path)[1].lower() in SUPPORTED_SUFFIXES


def os_reason(error: OSError) -> str:
    return error.strerror or str(error)


def read_source(path: Path) -> bytes:
    """The bytes of the article at `path`.

    Raises ArticleError: error.not_found, error.unsupported (a directory, a FIFO or device, or
    another extension) or error.unreadable (permissions, I/O errors).
    """
    shown = display_path(path)
    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise _error("error.not_found", path=shown) from None
    except OSError as error:
        raise _error("error.unreadable", path=shown, reason=os_reason(error)) from None
    # A FIFO named x.md would block the read forever: only regular files are articles.
    if not stat.S_ISREG(st.st_mode) or not is_supported(path):
        raise _error("error.unsupported", path=shown)
    check_size(st.st_size, shown)
    try:
        with open(path, "rb") as file:
            # Never more than the limit and a byte, even if the file grew since stat.
            raw = file.read(MAX_ARTICLE_BYTES + 1)
    except FileNotFoundError:
        raise _error("error.not_found", path=shown) from None
    except OSError as error:
        raise _error("error.unreadable", path=shown, reason=os_reason(error)) from None
    check_size(len(raw), shown)
    return raw


def check_size(size: int, shown: str) -> None:
    """Raises ArticleError error.too_large for an article of more than MAX_ARTICLE_BYTES."""
    if size > MAX_ARTICLE_BYTES:
        raise _error("error.too_large", path=shown, limit=MAX_ARTICLE_BYTES // 1_000_000)


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str  # BOM removed, line endings \n; control characters NOT yet made inert
    text_hash: str  # sha256 hex of the decoded text, before line endings were normalised
    bad_bytes: int  # how many undecodable sequences became U+FFFD (0 for valid UTF-8)


def decode_source(raw: bytes, shown: str) -> DecodedText:
    """Decode UTF-8 (with or without BOM) leniently.

    Raises ArticleError error.binary for bytes holding NUL, error.empty for nothing but
    whitespace, error.too_large past MAX_ARTICLE_BYTES.
    """
    check_size(len(raw), shown)
    if b"\x00" in raw:
        raise _error("error.binary", path=shown)
    data = raw[len(codecs.BOM_UTF8) :] if raw.startswith(codecs.BOM_UTF8) else raw
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", "replace")
        # Replacement characters that were already in the file are not errors.
        bad = text.count("\ufffd") - data.count("\ufffd".encode())
        text_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    else:
        bad = 0
        # Valid UTF-8: the bytes are the encoded text, no need to encode 37 MB again.
        text_hash = hashlib.sha256(data).hexdigest()
    if not text or text.isspace():
        raise _error("error.empty", path=shown)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return DecodedText(text, text_hash, bad)
