"""Folding text for matching, one way for the whole program: search and the command palette.

Case and accents are ignored ("electricite" finds "électricité"), letters with a stroke or a
hook count as their letter ("ø" is "o"), the ligatures œ and æ are "oe" and "ae", "ß" is
"ss" ("coeur" finds "cœur", "strasse" finds "Straße"), and compatibility forms are their plain
letters ("ﬁ" is "fi"). Search does not fold the article (it compiles the query into a regex
of each letter's variants, core.find.search, built from the tables here); `fold` is then the
reference its tests check the regex against. The palette folds its titles (core.find.title_match).
"""

from __future__ import annotations

import re
import unicodedata

# Latin-1 Supplement, Latin Extended-A and -B, Latin Extended Additional (Vietnamese…).
_LATIN_RANGES = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))
_NAME = re.compile(r"LATIN (SMALL|CAPITAL) LETTER ([A-Z]) WITH (?!.*LETTER)")
# Letters that are two letters: what they match, in their case.
LIGATURES = {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ẞ": "SS"}
# The other way: a pair of letters, and the ligatures it also matches (small, capital).
PAIRS = {("o", "e"): "œŒ", ("a", "e"): "æÆ", ("s", "s"): "ßẞ"}
# Combining accents that belong to the letter before them (decomposed text).
COMBINING_RANGE = ("\u0300", "\u036f")


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
    bases: dict[str, tuple[str, bool]] = {}
    variants: dict[tuple[str, bool], list[str]] = {}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        variants[letter, False] = [letter]
        variants[letter, True] = [letter.upper()]
    for start, end in _LATIN_RANGES:
        for code in range(start, end + 1):
            char = chr(code)
            base = _base(char)
            if base is not None:
                bases[char] = base
                variants[base].append(char)
    return bases, {key: "".join(chars) for key, chars in variants.items()}


# Accented Latin letter → (ASCII letter, is capital); (ASCII letter, capital) → its variants.
BASES, VARIANTS = _tables()


def is_combining_accent(char: str) -> bool:
    return COMBINING_RANGE[0] <= char <= COMBINING_RANGE[1]


def fold_char(char: str) -> str:
    """One character folded: "" for a combining accent, else one or more characters."""
    if char.isascii():
        return char.lower()
    if is_combining_accent(char):
        return ""
    ligature = LIGATURES.get(char)
    if ligature is not None:
        return ligature.lower()
    base = BASES.get(char)
    if base is not None:
        return base[0]
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """Text as matching sees it: no accents, no case, ligatures spelt out, blanks collapsed."""
    out: list[str] = []
    for char in text:
        if char.isspace():
            if not out or out[-1] != " ":
                out.append(" ")
            continue
        folded = fold_char(char)
        if folded:  # a combining accent vanishes: blanks around it still collapse
            out.append(folded)
    return "".join(out)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text (blanks kept as they are), and for each of its characters the index of
    the original one: what a match in the folded text highlights in the original."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        folded = fold_char(char)
        out.append(folded)
        origin.extend([i] * len(folded))
    return "".join(out), origin
