"""Bytes → text: reading an article file and decoding it, or saying why it cannot be read.

Errors are ArticleError (core.errors) with a catalog key and the path as shown to the user.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from tui_reader.core.errors import ArticleError, error_reason
from tui_reader.core.sanitize import make_inert

HTML_SUFFIXES = frozenset({".html", ".htm"})
SUPPORTED_SUFFIXES = frozenset({".md", ".markdown", ".txt"}) | HTML_SUFFIXES
STDIN_NAME = "<stdin>"
# Larger articles are refused with a message (issue 16): a 100 MB one needed 2.3 GB and 46 s
# to its first screen; the 37 MB benchmark article opens in well under a second.
MAX_ARTICLE_BYTES = 50_000_000


def _error(key: str, **params: object) -> ArticleError:
    return ArticleError(key, **params)


def display_path(path: Path | None) -> str:
    """The path as written in messages. File names may hold escape sequences too."""
    return STDIN_NAME if path is None else make_inert(str(path))


def is_supported(path: Path | str) -> bool:
    """Whether the file name has an article's extension (.md, .markdown, .txt, .html, .htm)."""
    return os.path.splitext(path)[1].lower() in SUPPORTED_SUFFIXES


def is_html(path: Path | None) -> bool:
    return path is not None and path.suffix.lower() in HTML_SUFFIXES


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
        raise _error("error.unreadable", path=shown, reason=error_reason(error)) from None
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
        raise _error("error.unreadable", path=shown, reason=error_reason(error)) from None
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
    # The encoding assumed when the bytes were not UTF-8 (Python's codec name), else None:
    # the text then no longer matches the bytes (controls, marks must be looked for in it).
    encoding: str | None = None


# Byte order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A text file may hold a stray NUL or two (a bad copy, an editor crash), shown inert; a file
# with more than one in a thousand bytes (a few bytes with a NUL among them) is binary.
_NUL_PER_BYTES = 1000


def _looks_binary(raw: bytes) -> bool:
    nuls = raw.count(0)
    return nuls > 0 and nuls > len(raw) // _NUL_PER_BYTES


def decode_source(raw: bytes, shown: str) -> DecodedText:
    """Decode UTF-8 (with or without BOM) leniently; UTF-16 and UTF-32 with a BOM; any other
    text by detection (charset-normalizer, imported only then).

    Raises ArticleError error.binary for bytes that are no text, error.empty for nothing but
    whitespace, error.too_large past MAX_ARTICLE_BYTES.
    """
    check_size(len(raw), shown)
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            data = raw[len(bom) :]
            try:
                text, bad = data.decode(codec), 0
            except UnicodeDecodeError:
                text = data.decode(codec, "replace")
                bad = max(1, text.count("\ufffd"))
            return _finish(text, shown, _hash(text), bad, codec)
    if _looks_binary(raw):
        raise _error("error.binary", path=shown)
    data = raw[len(codecs.BOM_UTF8) :] if raw.startswith(codecs.BOM_UTF8) else raw
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if b"\x00" in data:  # a stray NUL is allowed in text that is otherwise sound only
            raise _error("error.binary", path=shown) from None
        return _detected(data, shown)
    # Valid UTF-8: the bytes are the encoded text, no need to encode 37 MB again.
    return _finish(text, shown, hashlib.sha256(data).hexdigest(), 0, None)


_ENCODING_NAMES = {
    "cp1252": "Windows-1252",
    "cp1250": "Windows-1250",
    "iso8859-1": "ISO-8859-1",
    "latin-1": "ISO-8859-1",
    "iso8859-15": "ISO-8859-15",
    "mac-roman": "Mac Roman",
    "utf-16-le": "UTF-16 LE",
    "utf-16-be": "UTF-16 BE",
    "utf-32-le": "UTF-32 LE",
    "utf-32-be": "UTF-32 BE",
}


def encoding_name(codec: str) -> str:
    """The name people know an encoding by ("Windows-1252"), from Python's codec name."""
    return _ENCODING_NAMES.get(codec, codec.upper())


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _detected(data: bytes, shown: str) -> DecodedText:
    """Bytes that are not UTF-8: the encoding charset-normalizer finds most likely, or UTF-8
    with replacement characters when it finds mostly UTF-8 (a few damaged bytes)."""
    lenient = data.decode("utf-8", "replace")
    # Replacement characters that were already in the file are not errors.
    bad = lenient.count("\ufffd") - data.count("\ufffd".encode())
    # UTF-8 with a few damaged bytes: more sound multi-byte characters than broken ones (in
    # cp1252 text, é then a letter is no UTF-8 sequence: sound ones are rare by chance).
    sound = sum(1 for char in lenient if char > "\x7f") - lenient.count("\ufffd")
    if sound > bad:
        return _finish(lenient, shown, _hash(lenient), bad, None)
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    best = from_bytes(data).best()
    # Western European text scores close in cp1250, cp1252, cp1256… (the letters differ only for
    # é, è, à), and a short one may not even be offered cp1252: our readers' articles are French
    # or English, so cp1252 is measured on its own and wins unless another encoding is clearer.
    western = _western(data)
    if western is not None and (best is None or best.encoding != "utf_8"):
        chaos = mess_ratio(western[:_MEASURED], 1.0)
        if best is None or chaos <= max(best.chaos + _TOLERANCE, _CLEAR_ENOUGH):
            return _finish(western, shown, _hash(western), 0, "cp1252")
    if best is None:  # no single-byte or multi-byte encoding makes text of it
        raise _error("error.binary", path=shown)
    codec = codecs.lookup(best.encoding).name
    if codec != "utf-8":
        text = data.decode(codec, "replace")
        return _finish(text, shown, _hash(text), 0, codec)
    return _finish(lenient, shown, _hash(lenient), bad, None)


# Below this "mess" (charset-normalizer's measure), or within _TOLERANCE of the best other
# encoding, cp1252 reads as text (short texts measure noisily): Polish or Russian
# bytes read as cp1252 measure above 1.
_CLEAR_ENOUGH, _TOLERANCE = 0.15, 0.05
_MEASURED = 1 << 16  # characters measured for cp1252's "mess": enough, and fast


def _western(data: bytes) -> str | None:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d: not cp1252
        return None


def _finish(text: str, shown: str, text_hash: str, bad: int, encoding: str | None) -> DecodedText:
    if not text or text.isspace():
        raise _error("error.empty", path=shown)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return DecodedText(text, text_hash, bad, encoding)
