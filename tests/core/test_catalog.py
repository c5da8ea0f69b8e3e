"""The whole catalog (core.catalog): every key in both languages with the same placeholders,
plurals where a count is said, and no key that nothing uses."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

import tui_reader
from tui_reader.core.catalog import FEATURES, LANGS, STRINGS, t
from tui_reader.core.errors import ERROR_SUFFIXES

SRC = Path(tui_reader.__file__).parent


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def texts(entry: dict) -> list[str]:
    return [
        text
        for value in entry.values()
        for text in (value if isinstance(value, tuple) else (value,))
    ]


def test_no_key_is_defined_twice() -> None:
    assert sum(len(feature.STRINGS) for feature in FEATURES) == len(STRINGS)


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_key_in_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = STRINGS[key]
    assert set(entry) == set(LANGS), f"{key}: languages {sorted(entry)}"
    plural = [isinstance(entry[lang], tuple) for lang in LANGS]
    assert all(plural) or not any(plural), f"{key}: a plural in one language only"
    for text in texts(entry):
        assert text.strip() or key == "validation.error_prefix", f"{key}: empty text"
        assert fields(text) == fields(texts(entry)[0]), f"{key}: placeholders differ: {text!r}"
    if all(plural):
        assert "count" in fields(texts(entry)[0]), f"{key}: a plural chosen by no count"


def test_no_one_or_many_in_brackets() -> None:
    # "file(s)": a plural (singular, plural) says it properly.
    odd = [key for key, entry in STRINGS.items() for text in texts(entry) if "(s)" in text]
    assert odd == []


def test_plurals_follow_each_language() -> None:
    assert t("library.skipped", "en", count=1, first="a.md") == "1 file skipped: a.md"
    assert t("library.skipped", "en", count=0, first="a.md") == "0 files skipped: a.md"
    assert t("library.skipped", "fr", count=0, first="a.md") == "0 fichier ignoré : a.md"
    assert t("library.skipped", "fr", count=2, first="a.md") == "2 fichiers ignorés : a.md"


def used_strings() -> tuple[set[str], set[str]]:
    """Every string literal of the program outside the catalog, and the literal starts of its
    f-strings (keys built at run time, such as f"drafts.status.{status}")."""
    literals: set[str] = set()
    prefixes: set[str] = set()
    for path in SRC.rglob("*.py"):
        if "catalog" in path.relative_to(SRC).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                head = node.values[0]
                if isinstance(head, ast.Constant) and isinstance(head.value, str) and head.value:
                    prefixes.add(head.value)
    return literals, prefixes


def test_no_unused_key() -> None:
    literals, prefixes = used_strings()

    def used(key: str) -> bool:
        if key in literals or any(key.startswith(prefix) for prefix in prefixes):
            return True
        family, _, suffix = key.rpartition(".")  # error_key(exc, "drafts.error")
        return suffix in ERROR_SUFFIXES and family in literals

    assert [key for key in STRINGS if not used(key)] == []


def test_the_unused_check_can_fail() -> None:
    literals, _ = used_strings()
    assert "reading.lead" in literals and "no.such.key.anywhere" not in literals
