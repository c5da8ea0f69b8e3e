"""Control characters made inert: article text is data, never terminal commands.

An ESC in an article would let it clear the screen, retitle the window or write the clipboard
(OSC 52) once printed. C0 controls (except newline and tab) and DEL become their Unicode
Control Pictures (ESC → ␛) so that they stay visible; C1 controls become U+FFFD, as they have
no pictures. Everything else, Rich markup such as `[bold]` included, is left as it is.
"""

from __future__ import annotations

import re

_KEEP = ("\n", "\t")
_C0 = [chr(code) for code in range(0x20) if chr(code) not in _KEEP]

# Control → replacement, for re.sub. U+2400 + code is the picture of C0 control `code`.
_REPLACEMENTS: dict[str, str] = {char: chr(0x2400 + ord(char)) for char in _C0}
_REPLACEMENTS["\x7f"] = "\u2421"  # ␡
_REPLACEMENTS.update({chr(code): "\ufffd" for code in range(0x80, 0xA0)})

# Lone surrogates too: a file name byte that is not UTF-8 comes back as one (surrogateescape),
# and it cannot be encoded for the terminal (`--print` would die of UnicodeEncodeError).
# They never occur in decoded article text, so utf8_has_controls need not look for them.
_CONTROL = re.compile("[" + "".join(re.escape(char) for char in _REPLACEMENTS) + "\ud800-\udfff]")

# The same controls seen in UTF-8: C0 and DEL bytes never occur inside a multi-byte sequence,
# and C1 controls are always encoded as \xc2\x80-\xc2\x9f. \r is left out: line endings are
# normalised to \n before make_inert runs, so a \r in the bytes is no control in the text.
_C0_BYTES = bytes(ord(char) for char in _C0 if char != "\r") + b"\x7f"
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_CHUNK = 1 << 16


def _picture(match: re.Match[str]) -> str:
    return _REPLACEMENTS.get(match.group(), "\ufffd")


def make_inert(text: str) -> str:
    """`text` with every control character except \\n and \\t replaced by a harmless one
    (lone surrogates by U+FFFD), one character for one."""
    # One scan when there is nothing to do, which is nearly always.
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(_picture, text)


def one_line_field(text: str) -> str:
    """A one-line form field (Name, Email, Website) as typed or pasted: tabs become spaces,
    other controls their harmless picture (make_inert)."""
    return make_inert(text.replace("\t", " "))


def utf8_has_controls(data: bytes) -> bool:
    """Whether UTF-8 `data` may hold a control that make_inert would replace (\\r excepted).

    Scanning bytes is several times faster than scanning the decoded str with a regex, which
    matters for a 37 MB article: callers skip make_inert entirely when this is False.
    """
    # By chunks: deleting from a 64 KB copy that stays in the CPU cache is faster than
    # building a 37 MB one.
    for offset in range(0, len(data), _CHUNK):
        chunk = data[offset : offset + _CHUNK]
        if len(chunk.translate(None, _C0_BYTES)) != len(chunk):
            return True
    return b"\xc2" in data and _C1_UTF8.search(data) is not None
