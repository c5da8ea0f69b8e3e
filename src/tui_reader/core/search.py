"""Search in an article: smart case, accent-insensitive, literal. Pure Python, no Textual.

A query becomes one compiled regular expression in which every letter is a character class of
its accented variants ("e" → [eéèêëēĕėęě…]), so the search runs in C over the original text and
the offsets it reports are offsets in that text. The variants are derived once with unicodedata
over the Latin blocks. Smart case: the search ignores case unless the query has a capital; then
each letter keeps its case ("Cafe" finds "Café" but not "café"). The ligatures œ and æ match
"oe" and "ae" both ways ("coeur" finds "cœur"), and combining accents written after a letter
(decomposed text) are part of its match.

`fold` is the reference the tests check the regex against: a span the regex reports always
folds to the folded query.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

# Latin-1 Supplement, Latin Extended-A and -B, Latin Extended Additional (Vietnamese…).
_LATIN_RANGES = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))
_NAME = re.compile(r"LATIN (SMALL|CAPITAL) LETTER ([A-Z]) WITH (?!.*LETTER)")
_LIGATURES = {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"}
_COMBINING = "[\u0300-\u036f]*"


def _base(char: str) -> tuple[str, bool] | None:
    """The ASCII letter an accented Latin letter is a variant of, and whether it is a capital."""
    decomposed = unicodedata.normalize("NFD", char)
    head = decomposed[0]
    if (
        len(decomposed) > 1
        and head.isascii()
        and head.isalpha()
        and all(unicodedata.combining(c) for c in decomposed[1:])
    ):
        return head.lower(), head.isupper()
    # Letters with a stroke or a hook have no decomposition (ø, ł, đ, ƀ): their name says.
    match = _NAME.match(unicodedata.name(char, ""))
    if match:
        return match.group(2).lower(), match.group(1) == "CAPITAL"
    return None


def _tables() -> tuple[dict[str, tuple[str, bool]], dict[tuple[str, bool], str]]:
    fold: dict[str, tuple[str, bool]] = {}
    variants: dict[tuple[str, bool], list[str]] = {}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        variants[letter, False] = [letter]
        variants[letter, True] = [letter.upper()]
    for start, end in _LATIN_RANGES:
        for code in range(start, end + 1):
            char = chr(code)
            base = _base(char)
            if base is not None:
                fold[char] = base
                variants[base].append(char)
    return fold, {key: "".join(chars) for key, chars in variants.items()}


_FOLD, _VARIANTS = _tables()


def fold(text: str) -> str:
    """Text as the search sees it: no accents, no case, ligatures spelt out, blanks collapsed."""
    out: list[str] = []
    for char in text:
        if unicodedata.combining(char) and "\u0300" <= char <= "\u036f":
            continue
        if char.isspace():
            if not out or out[-1] != " ":
                out.append(" ")
            continue
        char = _LIGATURES.get(char, char)
        base = _FOLD.get(char)
        out.append(base[0] if base else char.lower())
    return "".join(out)


def is_case_sensitive(query: str) -> bool:
    """Smart case: a capital anywhere in the query makes the search case-sensitive."""
    return any(char.isupper() for char in query)


def _letter_class(base: str, upper: bool | None) -> str:
    """A character class for an ASCII letter: `upper` None means either case."""
    chars = (
        _VARIANTS[base, False] + _VARIANTS[base, True] if upper is None else _VARIANTS[base, upper]
    )
    return "[" + chars + "]" + _COMBINING


def _other_class(char: str, sensitive: bool) -> str:
    """A character that is not a Latin letter: itself, or its single-character other cases."""
    if sensitive or not char.isalpha():
        return re.escape(char)
    lower = char.lower()
    chars = {c for c in (char, lower, char.upper()) if len(c) == 1 and c.lower() == lower}
    if len(chars) == 1:
        return re.escape(char)
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _units(query: str) -> list[tuple[str, bool | None] | str]:
    """The query as letters (ASCII base, is capital), single other characters and " " for blanks."""
    units: list[tuple[str, bool | None] | str] = []
    for char in query:
        if unicodedata.combining(char) and "\u0300" <= char <= "\u036f":
            continue
        if char.isspace():
            if not units or units[-1] != " ":
                units.append(" ")
            continue
        ligature = _LIGATURES.get(char)
        if ligature is not None:
            # Œ is "Oe" in "Œuvre" and "OE" in "ŒUVRE": its second letter takes either case.
            units.append((ligature[0].lower(), ligature[0].isupper()))
            units.append((ligature[1].lower(), None if ligature[1].isupper() else False))
            continue
        if char.isascii() and char.isalpha():
            units.append((char.lower(), char.isupper()))
        elif char in _FOLD:
            units.append(_FOLD[char])
        else:
            units.append(char)
    return units


@lru_cache(maxsize=64)
def compile_query(query: str) -> re.Pattern[str] | None:
    """The regex for a query, or None when there is nothing to search (empty or blank)."""
    units = _units(query)
    if all(unit == " " for unit in units):
        return None
    sensitive = is_case_sensitive(query)
    parts: list[str] = []
    i = 0
    while i < len(units):
        unit = units[i]
        if unit == " ":
            parts.append(r"\s+")
        elif isinstance(unit, str):
            parts.append(_other_class(unit, sensitive))
        else:
            base, upper = unit
            following = units[i + 1] if i + 1 < len(units) else None
            if base in "oa" and isinstance(following, tuple) and following[0] == "e":
                # "oe" also matches the ligature œ (and "ae" æ), in the case of its first letter.
                ligature = {"o": "œŒ", "a": "æÆ"}[base]
                if sensitive:
                    ligature = ligature[1] if upper else ligature[0]
                pair = _letter_class(base, upper if sensitive else None) + _letter_class(
                    "e", following[1] if sensitive else None
                )
                parts.append(f"(?:{pair}|[{ligature}]{_COMBINING})")
                i += 2
                continue
            parts.append(_letter_class(base, upper if sensitive else None))
        i += 1
    return re.compile("".join(parts))


# What Markdown never shows: the address of a link or image, and reference definitions.
_DESTINATION = re.compile(r"\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:.*$", re.MULTILINE)


def searchable(source: str) -> str:
    """The Markdown with what the reader never sees blanked out (link and image addresses,
    reference definitions), so that a search counts only visible text. Offsets are unchanged."""
    if "](" in source:
        source = _DESTINATION.sub(_blank, source)
    if "]:" in source:
        source = _REFERENCE.sub(_blank, source)
    return source


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def _hidden_probes(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Regexes finding the pattern inside a link address, or a reference definition."""
    query = pattern.pattern
    return (
        re.compile(rf"\]\([^()\n]*?(?:{query})"),
        re.compile(rf"^ {{0,3}}\[[^\]\n]+\]:[^\n]*?(?:{query})", re.MULTILINE),
    )


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Every non-overlapping match of the pattern in `text`, as (start, end) offsets."""
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]


def count_matches(pattern: re.Pattern[str], sources: Sequence[str]) -> list[int]:
    """How many matches each section has."""
    findall = pattern.findall
    return [len(findall(source)) for source in sources]


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: its section, its rank among the section's matches, and where it is."""

    section: int
    ordinal: int
    start: int
    end: int


class Matches:
    """The matches of one query in an article's sections, with wrap-around navigation.

    Only counts are kept per section (a query such as "e" has millions of matches in a big
    article); the spans of a section are found again when needed. Link addresses are not
    searched: a section where the query occurs inside one is searched again with them blanked
    out (`searchable`), so that cost is paid only there. `sources` holds the text searched.
    """

    def __init__(self, pattern: re.Pattern[str], sources: Sequence[str]) -> None:
        self.pattern = pattern
        self.sources = list(sources)
        self.counts = count_matches(pattern, self.sources)
        findall = pattern.findall
        in_address, in_reference = _hidden_probes(pattern)
        for index, count in enumerate(self.counts):
            source = self.sources[index]
            if count and (
                ("](" in source and in_address.search(source))
                or ("]:" in source and in_reference.search(source))
            ):
                self.sources[index] = searchable(self.sources[index])
                self.counts[index] = len(findall(self.sources[index]))
        self._before = [0, *accumulate(self.counts)]

    @property
    def total(self) -> int:
        return self._before[-1]

    def rank(self, hit: Hit) -> int:
        """1-based position of a hit among all matches ("3" of "3/17")."""
        return self._before[hit.section] + hit.ordinal + 1

    def hit(self, section: int, ordinal: int) -> Hit:
        start, end = spans(self.pattern, self.sources[section])[ordinal]
        return Hit(section, ordinal, start, end)

    def first_from(self, section: int, offset: int = 0, *, wrap: bool = True) -> Hit | None:
        """The first match starting at or after `offset` in `section`, else in the sections
        after it, wrapping around to the start of the article (and of `section`) if `wrap`."""
        if not self.total:
            return None
        for ordinal, (start, end) in enumerate(spans(self.pattern, self.sources[section])):
            if start >= offset:
                return Hit(section, ordinal, start, end)
        following = self._next_section_with_matches(section + 1)
        if following is None:
            if not wrap:
                return None
            following = self._next_section_with_matches(0)
            if following is None:  # pragma: no cover - total > 0 guarantees one
                return None
        return self.hit(following, 0)

    def last_before(self, section: int, offset: int, *, wrap: bool = True) -> Hit | None:
        """The last match starting before `offset` in `section`, else in the sections before
        it, wrapping around to the end of the article if `wrap`."""
        if not self.total:
            return None
        found = [s for s in spans(self.pattern, self.sources[section]) if s[0] < offset]
        if found:
            return Hit(section, len(found) - 1, *found[-1])
        previous = self._previous_section_with_matches(section - 1)
        if previous is None:
            if not wrap:
                return None
            previous = self._previous_section_with_matches(len(self.counts) - 1)
            if previous is None:  # pragma: no cover
                return None
        return self.hit(previous, self.counts[previous] - 1)

    def next(self, hit: Hit) -> Hit:
        """The match after `hit`, wrapping from the last match to the first."""
        if hit.ordinal + 1 < self.counts[hit.section]:
            return self.hit(hit.section, hit.ordinal + 1)
        section = self._next_section_with_matches(hit.section + 1)
        if section is None:
            section = self._next_section_with_matches(0)
        assert section is not None
        return self.hit(section, 0)

    def previous(self, hit: Hit) -> Hit:
        """The match before `hit`, wrapping from the first match to the last."""
        if hit.ordinal > 0:
            return self.hit(hit.section, hit.ordinal - 1)
        section = self._previous_section_with_matches(hit.section - 1)
        if section is None:
            section = self._previous_section_with_matches(len(self.counts) - 1)
        assert section is not None
        return self.hit(section, self.counts[section] - 1)

    def _next_section_with_matches(self, start: int) -> int | None:
        # The first section at or after `start` whose cumulative count grows.
        if start >= len(self.counts):
            return None
        index = bisect_right(self._before, self._before[start]) - 1
        return index if index < len(self.counts) else None

    def _previous_section_with_matches(self, start: int) -> int | None:
        # The last section at or before `start` whose cumulative count grows.
        if start < 0 or not self._before[start + 1]:
            return None
        return bisect_left(self._before, self._before[start + 1]) - 1
