"""The shape of a catalog entry: a text per language; a plural is (one, other)."""

from __future__ import annotations

# A text, or a plural chosen by the `count` parameter: (singular, plural).
Text = str | tuple[str, str]
# {"en": ..., "fr": ...}
Entry = dict[str, Text]


def is_singular(lang: str, count: int) -> bool:
    """English: 1 only. French: 0 and 1 ("0 fichier ignoré", "1 fichier", "2 fichiers")."""
    return count in (0, 1) if lang == "fr" else count == 1
