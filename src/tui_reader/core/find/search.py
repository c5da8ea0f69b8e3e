"""Search in an article: smart case, accent-insensitive, literal. Pure Python, no Textual.

A query becomes one compiled regular expression in which every letter is a character class of
its accented variants ("e" → [eéèêëēĕėęě…]), so the search runs in C over the original text and
the offsets it reports are offsets in that text. The variants are derived once with unicodedata
over the Latin blocks. Smart case: the search ignores case unless the query has a capital; then
each letter keeps its case ("Cafe" finds "Café" but not "café"). The ligatures œ and æ match
"oe" and "ae" both ways ("coeur" finds "cœur"), and combining accents written after a letter
(decomposed text) are part of its match.

Speed (a 37 MB article is searched in well under 0.3 s): when the article holds no combining
marks (core.article.model looks at its bytes) the letter classes drop their mark suffix, and the
regex starts at the query's rarest letter with a lookbehind for the letters before it, since the
regex engine scans quickly for the first character of a match but tries a whole match wherever
it finds one ("e" is everywhere, "c" is not). Link addresses are cut out by subtracting what
the query finds in them, computed once per section (`SearchIndex`).

`fold` is the reference the tests check the regex against: a span the regex reports always
folds to the folded query.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from tui_reader.core.find.fold import (
    BASES,
    LIGATURES,
    PAIRS,
    VARIANTS,
    is_combining_accent,
)

_COMBINING = "[\u0300-\u036f]*"
SHARP_S = "ßẞ"
# A query unit: an ASCII letter (base, is capital; None: either case), another character, or " ".
_Unit = tuple[str, bool | None] | str


def is_case_sensitive(query: str) -> bool:
    """Smart case: a capital anywhere in the query makes the search case-sensitive."""
    return any(char.isupper() for char in query)


def _letters(base: str, upper: bool | None) -> str:
    """An ASCII letter and its accented variants: `upper` None means either case."""
    if upper is None:
        return VARIANTS[base, False] + VARIANTS[base, True]
    return VARIANTS[base, upper]


def _letter_class(base: str, upper: bool | None, marks: bool = True) -> str:
    """A character class for an ASCII letter, followed by any combining marks if `marks`."""
    return "[" + _letters(base, upper) + "]" + (_COMBINING if marks else "")


def _other_class(char: str, sensitive: bool) -> tuple[str, set[str]]:
    """A character that is not a Latin letter: itself, or its single-character other cases;
    the regex and the characters it matches."""
    if sensitive or not char.isalpha():
        return re.escape(char), {char}
    lower = char.lower()
    chars = {c for c in (char, lower, char.upper()) if len(c) == 1 and c.lower() == lower}
    if len(chars) == 1:
        return re.escape(char), chars
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]", chars


def _units(query: str) -> list[_Unit]:
    """The query as letters (ASCII base, is capital), single other characters and " " for blanks."""
    units: list[_Unit] = []
    for char in query:
        if is_combining_accent(char):
            continue
        if char.isspace():
            if not units or units[-1] != " ":
                units.append(" ")
            continue
        if char in SHARP_S:
            units.append(char)  # kept whole: "sß" is s + (ß or ss), not a run of three s
            continue
        ligature = LIGATURES.get(char)
        if ligature is not None:
            # Œ is "Oe" in "Œuvre" and "OE" in "ŒUVRE": its second letter takes either case.
            units.append((ligature[0].lower(), ligature[0].isupper()))
            units.append((ligature[1].lower(), None if ligature[1].isupper() else False))
            continue
        if char.isascii() and char.isalpha():
            units.append((char.lower(), char.isupper()))
        elif char in BASES:
            units.append(BASES[char])
        else:
            units.append(char)
    return units


# Letters from the most to the least frequent in French and English prose: a query's regex
# starts at its rarest letter, so the regex engine tries a match at fewer places.
_RARITY = {letter: rank for rank, letter in enumerate("eaistnroludcmphgfvbyqwjxkz")}
_OTHER_RARITY = _RARITY["p"]
# What a query must not match for its matches to lie wholly inside or wholly outside a link
# address or a reference definition (see Matches).
_ADDRESS_EDGES = frozenset("[]()\x00 ")


@dataclass(frozen=True, slots=True)
class _Token:
    """One unit of a query's regex, and what it can match: `chars` is None when the token
    spans a varying number of characters (blanks, "oe"/"œ", a letter and its combining marks)."""

    regex: str
    chars: frozenset[str] | None
    rarity: int


def _is_s(units: list[_Unit], index: int) -> bool:
    return 0 <= index < len(units) and isinstance(units[index], tuple) and units[index][0] == "s"


def _sharp_s(unit: str, sensitive: bool, marks: bool) -> _Token:
    """ß (ẞ) in the query: itself, or "ss" ("SS", its second letter in either case)."""
    upper = unit == "ẞ"
    ligature = unit if sensitive else SHARP_S
    first = _letter_class("s", upper if sensitive else None, marks)
    second = _letter_class("s", (None if upper else False) if sensitive else None, marks)
    suffix = _COMBINING if marks else ""
    return _Token(f"(?:[{ligature}]{suffix}|{first}{second})", None, 0)


def _tokens(units: list[_Unit], sensitive: bool, marks: bool) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(units):
        unit = units[i]
        if unit == " ":
            tokens.append(_Token(r"\s+", None, 0))
        elif isinstance(unit, str) and unit in SHARP_S:
            tokens.append(_sharp_s(unit, sensitive, marks))
        elif isinstance(unit, str):
            regex, others = _other_class(unit, sensitive)
            tokens.append(_Token(regex, frozenset(others), _OTHER_RARITY))
        else:
            base, upper = unit
            following = units[i + 1] if i + 1 < len(units) else None
            ligature = PAIRS.get((base, following[0])) if isinstance(following, tuple) else None
            if base == "s" and (_is_s(units, i - 1) or _is_s(units, i + 2)):
                ligature = None  # "sss": which two would be the ß is not the query's to say
            if ligature is not None and isinstance(following, tuple):
                # "oe" also matches the ligature œ ("ae" æ, "ss" ß), in the case of its first
                # letter.
                if sensitive:
                    ligature = ligature[1] if upper else ligature[0]
                suffix = _COMBINING if marks else ""
                pair = _letter_class(base, upper if sensitive else None, marks) + _letter_class(
                    following[0], following[1] if sensitive else None, marks
                )
                tokens.append(_Token(f"(?:{pair}|[{ligature}]{suffix})", None, 0))
                i += 2
                continue
            chars = _letters(base, upper if sensitive else None)
            regex = _letter_class(base, upper if sensitive else None, marks)
            tokens.append(_Token(regex, None if marks else frozenset(chars), _RARITY[base]))
        i += 1
    return tokens


def _anchor(tokens: list[_Token]) -> tuple[int, bool]:
    """The token the regex should start at (its rarest), and whether the regex must then find
    overlapping occurrences (its matches are filtered afterwards).

    The tokens before the anchor are checked by a lookbehind, so they must have a fixed width.
    The scan resumes at the end of the previous match while an anchored match starts `anchor`
    characters before the place it is found: when two occurrences can overlap by `anchor`
    characters or fewer (the anchor is at or past the query's shortest border, a head that may
    also be its tail, as "e" in "electricite"), the regex would find both. Then it consumes only
    the anchor, checks the rest with a lookahead, and `Query` keeps the leftmost of overlapping
    occurrences, as a plain scan would.
    """
    if any(token.chars is None for token in tokens):
        return 0, False
    size = len(tokens)
    border = next(
        (
            length
            for length in range(1, size)
            if all(tokens[i].chars & tokens[size - length + i].chars for i in range(length))  # type: ignore[operator]
        ),
        size,
    )
    anchor = max(range(size), key=lambda i: (tokens[i].rarity, -i))
    return anchor, anchor >= border


@dataclass(frozen=True, slots=True)
class Query:
    """A compiled query. When `head` > 0, the regex starts at a rare letter and checks the
    `head` characters before it with a lookbehind whose group 1 is where the match starts.
    When `overlapping`, the regex finds every occurrence of the query's `size` characters,
    overlapping ones included, and the spans keep the leftmost of each overlapping run.
    `local`: no match can be partly inside a link address (see Matches)."""

    text: str
    pattern: re.Pattern[str]
    head: int
    local: bool
    overlapping: bool = False
    size: int = 0

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Every non-overlapping match in `text`, as (start, end) offsets."""
        if self.overlapping:
            found, end, size = [], 0, self.size
            for match in self.pattern.finditer(text):
                start = match.start(1)
                if start >= end:
                    end = start + size
                    found.append((start, end))
            return found
        if self.head:
            return [(m.start(1), m.end()) for m in self.pattern.finditer(text)]
        return [m.span() for m in self.pattern.finditer(text)]

    def count(self, text: str) -> int:
        if self.overlapping:
            return len(self.spans(text))
        return len(self.pattern.findall(text))


@lru_cache(maxsize=64)
def compile_query(query: str, *, marks: bool = True) -> Query | None:
    """The compiled query, or None when there is nothing to search (empty or blank). `marks`
    False promises that the text holds no combining marks: the regex is then simpler."""
    units = _units(query)
    if all(unit == " " for unit in units):
        return None
    tokens = _tokens(units, is_case_sensitive(query), marks)
    head, overlapping = _anchor(tokens)
    regexes = [token.regex for token in tokens]
    if head:
        anchor, behind, ahead = regexes[head], "".join(regexes[:head]), regexes[head + 1 :]
        rest = f"(?={''.join(ahead)})" if overlapping and ahead else "".join(ahead)
        regexes = [anchor, f"(?<=({behind}){anchor})", rest]
    local = not any(isinstance(unit, str) and unit in _ADDRESS_EDGES for unit in units)
    pattern = re.compile("".join(regexes))
    return Query(query, pattern, head, local, overlapping and head > 0, len(tokens))


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


def hidden_spans(source: str) -> list[tuple[int, int]]:
    """Where `searchable` blanks `source` out, as sorted, disjoint (start, end) spans."""
    spans = [m.span() for m in _DESTINATION.finditer(source)] if "](" in source else []
    if "]:" in source:
        blanked = _DESTINATION.sub(_blank, source) if spans else source
        # A reference definition may hold what looks like a link address: one span for both.
        for match in _REFERENCE.finditer(blanked):
            start, end = match.span()
            spans = [(a, b) for a, b in spans if not start <= a < end]
            spans.append((start, end))
        spans.sort()
    return spans


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


# How many sections a count goes through between two looks at its `stop` callback.
STOP_EVERY = 256


class SearchStopped(Exception):
    """A count of matches was stopped by its `stop` callback."""


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
    article); the spans of a section are found again when needed, in `sources[section]`: the
    section's Markdown, or that Markdown with what the reader never sees blanked out
    (`searchable`) where the two differ for this query.

    A local query (one that cannot match a bracket, a parenthesis or a blank) has each match
    wholly inside or wholly outside the hidden pieces, so what it finds in them is subtracted
    and only sections where it found some are blanked. Other queries search the blanked text of
    every section that has hidden pieces.
    """

    def __init__(
        self,
        query: Query,
        index: SearchIndex,
        scope: int | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> None:
        self.query = query
        self.sources = list(index.sources)
        if scope is not None:
            self.sources = [source if i == scope else "" for i, source in enumerate(self.sources)]
        count = query.count
        local = query.local
        self.counts = []
        for section, source in enumerate(self.sources):
            if stop is not None and section % STOP_EVERY == 0 and stop():
                raise SearchStopped  # a query typed since: this count is not wanted any more
            if not local and source and index.hidden(section):
                source = self.sources[section] = index.blanked(section)
            found = count(source)
            if local and found and (inside := count(index.hidden(section))):
                self.sources[section] = index.blanked(section)
                found -= inside
            self.counts.append(found)
        self._before = [0, *accumulate(self.counts)]

    @property
    def total(self) -> int:
        return self._before[-1]

    def rank(self, hit: Hit) -> int:
        """1-based position of a hit among all matches ("3" of "3/17")."""
        return self._before[hit.section] + hit.ordinal + 1

    def hit(self, section: int, ordinal: int) -> Hit:
        start, end = self.query.spans(self.sources[section])[ordinal]
        return Hit(section, ordinal, start, end)

    def first_from(self, section: int, offset: int = 0, *, wrap: bool = True) -> Hit | None:
        """The first match starting at or after `offset` in `section`, else in the sections
        after it, wrapping around to the start of the article (and of `section`) if `wrap`."""
        if not self.total:
            return None
        for ordinal, (start, end) in enumerate(self.query.spans(self.sources[section])):
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
        found = [s for s in self.query.spans(self.sources[section]) if s[0] < offset]
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


_NOTHING: tuple[list[tuple[int, int]], str] = ([], "")  # shared by sections hiding nothing


class SearchIndex:
    """An article's sections as search reads them. Where a section hides text from the reader
    (`hidden_spans`) is found once, the first time a search needs it."""

    def __init__(self, sources: Sequence[str], *, marks: bool = True) -> None:
        self.sources = sources
        self.marks = marks
        self._hidden: dict[int, tuple[list[tuple[int, int]], str]] = {}

    def prepare(self, pause: Callable[[], object] = lambda: None, every: int = 256) -> None:
        """Find the hidden text of every section now (~0.1 s for a 37 MB article full of links),
        calling `pause` every `every` sections: a thread can do it while the query is typed."""
        for section in range(len(self.sources)):
            self._spans_and_text(section)
            if section % every == every - 1:
                pause()

    def compile(self, query: str) -> Query | None:
        return compile_query(query, marks=self.marks)

    def matches(
        self, query: Query, scope: int | None = None, stop: Callable[[], bool] | None = None
    ) -> Matches:
        """The matches of `query` in every section, or only in section `scope`. `stop` is
        called now and then (a thread counting while the query is typed): when it returns
        True, SearchStopped is raised."""
        return Matches(query, self, scope, stop)

    def _spans_and_text(self, section: int) -> tuple[list[tuple[int, int]], str]:
        found = self._hidden.get(section)
        if found is None:
            source = self.sources[section]
            spans = hidden_spans(source)
            # NUL never occurs in an article (control characters are made inert).
            found = (spans, "\x00".join(source[a:b] for a, b in spans)) if spans else _NOTHING
            self._hidden[section] = found
        return found

    def hidden(self, section: int) -> str:
        """What the reader never sees of a section, its pieces joined by NUL ("" for none)."""
        return self._spans_and_text(section)[1]

    def blanked(self, section: int) -> str:
        """The section with its hidden pieces blanked out: `searchable`, from the cached spans."""
        source = self.sources[section]
        pieces, position = [], 0
        for start, end in self._spans_and_text(section)[0]:
            pieces += [source[position:start], " " * (end - start)]
            position = end
        pieces.append(source[position:])
        return "".join(pieces)
