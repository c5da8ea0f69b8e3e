"""Where an article's sections start: headings of levels 1–3 found by a line scan, and slugs.

Not a Markdown parse: a 37 MB article must be cut in a fraction of a second. One regex finds
the few lines that matter (fences, `#`–`###` headings, `===`/`---` underlines) and Python only
looks at those. The rules follow CommonMark where it matters for sections:
- ATX headings: 0–3 spaces, 1–3 `#`, then a space or the end of the line (`#tag` is text);
  an optional closing run of `#` is dropped. `####` and deeper stay inside their section.
- Setext headings: `===` (level 1) or `---` (level 2) under a paragraph; a `---` after a blank
  line, a heading or a list/quote line is a thematic break or belongs to the container.
- Fenced code (``` or ~~~) hides everything up to a closing fence of the same character at
  least as long; an unclosed fence runs to the end of the text.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

# A line that may matter, after "\n" (or at offset 0 with _FIRST_LINE). Backtick fences may not
# have backticks in their info string (CommonMark), so "```x```" stays inline code.
_LINE = (
    r" {0,3}(?:"
    r"(?P<fence>`{3,}(?=[^`\n]*$)|~{3,})"
    r"|(?P<atx>\#{1,3})(?=[ \t]|$)(?P<atx_text>[^\n]*)"
    r"|(?P<rule>=+|-+)[ \t]*$"
    r")"
)
# Starting with a literal "\n" lets the regex engine skip to newlines quickly: several times
# faster than "^" with re.MULTILINE on a large text.
_NEXT_LINE = re.compile(r"\n" + _LINE, re.MULTILINE)
_FIRST_LINE = re.compile(_LINE, re.MULTILINE)

# The lines a paragraph cannot run across, looking up from a setext underline: blank lines,
# headings (levels 4–6 here), thematic breaks, and list items or quotes, whose paragraph the
# underline would only continue (CommonMark's lazy continuation). Breaks come before list
# items: "* * *" is a break.
_PARAGRAPH_STOP = re.compile(
    r"^(?:[^\S\n]*$| {0,3}(?:\#{1,6}(?:[ \t]|$)"
    r"|(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$"
    r"|(?P<container>>|(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$))))[^\n]*",
    re.MULTILINE,
)
# Indented code lines, which cannot start a paragraph (but can continue one).
_LEADING_CODE = re.compile(r"(?:(?: {4}| {0,3}\t)[^\n]*(?:\n|\Z))*")
# A heading's title is taken from its first characters only: a 37 MB paragraph under a "---"
# is a heading too, and a heading line can be megabytes long, but neither is a title.
_TITLE_SOURCE_CHARS = 1_000
# From the first blank of a run only: 40,000 spaces before "#x" would be rescanned from each.
_ATX_CLOSING = re.compile(r"(?:^|(?<![ \t])[ \t]+)#+[ \t]*$")


class Heading(NamedTuple):
    start: int  # offset of the heading's first line
    level: int  # 1..3
    title: str  # plain text (see plain_title); "" for a heading with no text at all


@lru_cache(maxsize=64)
def _closing_fence(char: str, length: int) -> re.Pattern[str]:
    return re.compile(rf"\n {{0,3}}{re.escape(char)}{{{length},}}[ \t]*$", re.MULTILINE)


def find_headings(text: str) -> list[Heading]:
    """The level 1–3 headings of Markdown `text`, in order."""
    return list(iter_headings(text))


def iter_headings(text: str) -> Iterator[Heading]:
    """find_headings, lazily: a caller that wants only the first one does not scan it all."""
    floor = 0  # a paragraph cannot start before this offset (after a fence, heading or break)
    lazy = -1  # start of the last underline taken as a list/quote's lazy continuation line
    skip_to = 0  # candidates before this offset are inside a fenced code block
    first = _FIRST_LINE.match(text)
    for match in chain((first,) if first else (), _NEXT_LINE.finditer(text)):
        line_start = match.start() + (match is not first)
        if line_start < skip_to:
            continue
        line_end = match.end()  # ATX and underline matches run to the end of their line
        if fence := match["fence"]:
            line_end = text.find("\n", line_end)
            if line_end < 0:
                break  # a fence on the last line opens nothing
            closing = _closing_fence(fence[0], len(fence)).search(text, line_end)
            if closing is None:
                break  # unclosed: code to the end
            close_end = text.find("\n", closing.start() + 1)
            if close_end < 0:
                break
            skip_to = floor = close_end + 1
        elif atx := match["atx"]:
            raw = match["atx_text"][:_TITLE_SOURCE_CHARS]  # a 3 MB heading line is no title
            if "#" in raw:
                raw = _ATX_CLOSING.sub("", raw)
            yield Heading(line_start, len(atx), plain_title(raw))
            floor = line_end + 1
        else:
            rule = match["rule"]
            paragraph = _paragraph_above(text, line_start, floor, lazy)
            if paragraph is not None and paragraph is not _LAZY:
                start, raw = paragraph
                yield Heading(start, 1 if rule[0] == "=" else 2, plain_title(raw))
                floor = line_end + 1
            elif rule[0] == "-" and len(rule) >= 3:
                floor = line_end + 1  # a thematic break, which also ends a list or quote
            elif paragraph is _LAZY:
                lazy = line_start


# _paragraph_above's answer for a paragraph that continues a list item or quote (lazily).
_LAZY = (-1, "")


def _paragraph_above(text: str, line_start: int, floor: int, lazy: int) -> tuple[int, str] | None:
    """(start, text) of the paragraph a setext underline at `line_start` makes a heading of.

    None when there is no paragraph above; _LAZY when the paragraph is the lazy continuation of
    a list item or block quote (`lazy` is the last underline found to be one). Regex scans, not
    a walk line by line: a paragraph may be megabytes long.
    """
    end = line_start - 1  # the "\n" that ends the line above
    if end < floor:
        return None
    # Nothing before an underline already known to continue a list item can change that: the
    # look-up stops there (else a run of such underlines would be scanned again and again).
    scan_from = lazy if floor <= lazy < end else floor
    # No paragraph runs across an empty line; whitespace-only lines are found below.
    empty = text.rfind("\n\n", scan_from, end)
    region = floor
    if empty >= 0:
        region = scan_from = empty + 2
    stops = deque(_PARAGRAPH_STOP.finditer(text, scan_from, end), maxlen=1)  # keeps the last
    last = stops[0] if stops else None
    if last is None:
        if scan_from == lazy:
            return _LAZY
        start = region
    elif last["container"] is not None:
        return _LAZY
    else:
        start = last.end() + 1
    code = _LEADING_CODE.match(text, start, end)
    if code is not None:
        start = code.end()
    if start >= end:
        return None
    return start, text[start : min(end, start + _TITLE_SOURCE_CHARS)]


# --- titles and slugs --------------------------------------------------------------------------

# Links and images keep their text: [text](url), [text][ref], ![alt](src); autolinks their URL.
# Every repetition stops at the next bracket or parenthesis, so that no match attempt scans the
# rest of the line: 40,000 `[` took 15 s when a label could hold `[` (issue 16).
_LINK = re.compile(
    r"!?\[(?P<label>[^\[\]\n]*)\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])"
    r"|<(?P<url>[A-Za-z][\w+.-]*:[^<>\s]*)>"
)
# HTML tags, code ticks and emphasis marks go; backslash escapes keep their character.
# Underscores only count at a word's edge: snake_case is text. A run is taken whole from its
# first underscore (possessive, no backtracking): "a" + 40,000 "_" + "a" took 44 s otherwise.
_MARKS = re.compile(
    r"</?[A-Za-z][^<>]*>|\\(?P<escaped>[!-/:-@\[-`{-~])|`+|\*+|~~|(?<!\w)_+|(?<!_)_++(?!\w)"
)
_HAS_MARKUP = re.compile(r"[\[<\\`*~_]")
_EMPHASIS = re.compile(r"`+|\*+|~~|(?<!\w)_+|(?<!_)_++(?!\w)")


def _link_text(match: re.Match[str]) -> str:
    return match["label"] if match["label"] is not None else match["url"]


def _unmark(match: re.Match[str]) -> str:
    return match["escaped"] or ""


def plain_title(raw: str) -> str:
    """A heading's text without inline Markdown, whitespace collapsed.

    A heading made only of markup ("**" or "![](x.png)") keeps its raw text, so that it never
    shows up as an empty entry.
    """
    text = raw
    if _HAS_MARKUP.search(text):
        if "[" in text or "<" in text:
            text = _LINK.sub(_link_text, text)
        # Cheapest way first: a Python call per match only for escapes and tags.
        if "\\" in text or "<" in text:
            text = _MARKS.sub(_unmark, text)
        elif "_" in text or "~" in text:
            text = _EMPHASIS.sub("", text)
        else:
            text = text.replace("*", "").replace("`", "")
    return " ".join(text.split()) or " ".join(raw.split())


# GitHub drops everything but letters, digits, marks, "_", "-" and spaces. \w covers letters,
# digits and "_"; combining marks (decomposed accents) are listed.
_SLUG_DROP = re.compile(
    r"[^\w\- \u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
DEFAULT_SLUG = "section"


def github_slug(title: str) -> str:
    """GitHub's anchor for a heading: "Élections à Paris !" → "élections-à-paris-"."""
    slug = title.lower()
    if not slug.replace(" ", "").isalnum():  # most titles are words and spaces only
        slug = _SLUG_DROP.sub("", slug)
    return slug.replace(" ", "-")


class SlugRegistry:
    """Unique slugs in a document, made as GitHub does: "a", "a-1", "a-2"..."""

    def __init__(self, reserved: tuple[str, ...] = ()) -> None:
        self._used: set[str] = set(reserved)
        self._count: dict[str, int] = {}

    def add(self, title: str) -> str:
        base = github_slug(title) or DEFAULT_SLUG
        slug = base
        while slug in self._used:
            self._count[base] = self._count.get(base, 0) + 1
            slug = f"{base}-{self._count[base]}"
        self._used.add(slug)
        return slug
