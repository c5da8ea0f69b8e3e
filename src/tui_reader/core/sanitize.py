"""Control characters made inert: article text is data, never terminal commands.

The one function every string goes through before it reaches a terminal (article text, titles,
file names, drafts, CLI output). An ESC in an article would let it clear the screen, retitle
the window or write the clipboard (OSC 52) once printed. C0 controls (except newline and tab)
and DEL become their Unicode Control Pictures (ESC → ␛) so that they stay visible; C1 controls
become U+FFFD, as they have no pictures.

Invisible characters that can reorder or hide text ("Trojan Source": bidi embeddings, overrides
and isolates U+202A–U+202E, U+2066–U+2069; zero-width space U+200B, word joiner and invisible
operators U+2060–U+2064, deprecated format controls U+206A–U+206F, U+FEFF, U+180E, interlinear
annotations U+FFF9–U+FFFB) become U+FFFD too: visibly marked. What right-to-left and joined
scripts need stays: letters, LRM/RLM/ALM (U+200E, U+200F, U+061C), ZWNJ/ZWJ (U+200C, U+200D:
Persian, emoji sequences), the soft hyphen. Terminals lay out Arabic and Hebrew on their own.
Everything else, Rich markup such as `[bold]` included, is left as it is.
"""

from __future__ import annotations

import re

_KEEP = ("\n", "\t")
_C0 = [chr(code) for code in range(0x20) if chr(code) not in _KEEP]

# Control → replacement, for re.sub. U+2400 + code is the picture of C0 control `code`.
_REPLACEMENTS: dict[str, str] = {char: chr(0x2400 + ord(char)) for char in _C0}
_REPLACEMENTS["\x7f"] = "\u2421"  # ␡
_REPLACEMENTS.update({chr(code): "\ufffd" for code in range(0x80, 0xA0)})
_INVISIBLE = [0x180E, 0x200B, *range(0x202A, 0x202F), *range(0x2060, 0x2065)]
_INVISIBLE += [*range(0x2066, 0x2070), 0xFEFF, *range(0xFFF9, 0xFFFC)]
_REPLACEMENTS.update({chr(code): "\ufffd" for code in _INVISIBLE})

# Lone surrogates too: a file name byte that is not UTF-8 comes back as one (surrogateescape),
# and it cannot be encoded for the terminal (`--print` would die of UnicodeEncodeError).
# INERT_CHARS is public for JSON output, which escapes the same characters instead (lossless).
# They never occur in decoded article text, so utf8_has_controls need not look for them.
INERT_CHARS = re.compile(
    "[" + "".join(re.escape(char) for char in _REPLACEMENTS) + "\ud800-\udfff]"
)

# The same controls seen in UTF-8: C0 and DEL bytes never occur inside a multi-byte sequence,
# and C1 controls are always encoded as \xc2\x80-\xc2\x9f. \r is left out: line endings are
# normalised to \n before make_inert runs, so a \r in the bytes is no control in the text.
_C0_BYTES = bytes(ord(char) for char in _C0 if char != "\r") + b"\x7f"
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_CHUNK = 1 << 16
# The invisible characters in UTF-8, by lead byte. Patterns that start with a literal are
# searched at memchr speed (~40 ms on 37 MB); one alternation of them all would take 0.5 s.
_INVISIBLE_UTF8 = (
    (b"\xe2", re.compile(rb"\xe2\x80[\x8b\xaa-\xae]")),
    (b"\xe2", re.compile(rb"\xe2\x81[\xa0-\xa4\xa6-\xaf]")),
    (b"\xef", re.compile(rb"\xef\xbb\xbf|\xef\xbf[\xb9-\xbb]")),
    (b"\xe1", re.compile(rb"\xe1\xa0\x8e")),
)
_ALL_BUT_LEADS = bytes(code for code in range(256) if code not in (0xE1, 0xE2, 0xEF))


def _picture(match: re.Match[str]) -> str:
    return _REPLACEMENTS.get(match.group(), "\ufffd")


def make_inert(text: str) -> str:
    """`text` with every control character except \\n and \\t replaced by a harmless one
    (lone surrogates by U+FFFD), one character for one."""
    # One scan when there is nothing to do, which is nearly always.
    if INERT_CHARS.search(text) is None:
        return text
    return INERT_CHARS.sub(_picture, text)


def one_line_field(text: str) -> str:
    """A one-line form field (Name, Email, Website) as typed or pasted: tabs become spaces,
    other controls their harmless picture (make_inert)."""
    return make_inert(text.replace("\t", " "))


def utf8_has_controls(data: bytes) -> bool:
    """Whether UTF-8 `data` may hold a character that make_inert would replace (\\r excepted).

    Scanning bytes is several times faster than scanning the decoded str with a regex, which
    matters for a 37 MB article: callers skip make_inert entirely when this is False.
    """
    # By chunks: deleting from a 64 KB copy that stays in the CPU cache is faster than
    # building a 37 MB one.
    for offset in range(0, len(data), _CHUNK):
        chunk = data[offset : offset + _CHUNK]
        if len(chunk.translate(None, _C0_BYTES)) != len(chunk):
            return True
    if b"\xc2" in data and _C1_UTF8.search(data) is not None:
        return True
    leads = data.translate(None, _ALL_BUT_LEADS)  # nothing for ASCII and Latin text: done
    return any(lead in leads and pattern.search(data) for lead, pattern in _INVISIBLE_UTF8)
