"""Every user-facing string, in English and French: `t(key, lang, **params)`.

The strings live in one module per feature (cli, articles, reading, settings, comments,
sending, fetching, storage) and WordPress's own wording, which must follow WordPress, in `wordpress`. A text is
formatted with str.format; a plural is a (singular, plural) pair chosen by the `count`
parameter, by each language's rule. A missing French string falls back to English and a
missing key raises KeyError, so that typos fail the tests rather than show a raw key.
tests/core/test_catalog.py checks the whole catalog: both languages, the same placeholders,
no key left unused.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from tui_reader.core.catalog import (
    articles,
    cli,
    comments,
    feeds,
    fetching,
    reading,
    sending,
    settings,
    storage,
    wordpress,
)
from tui_reader.core.catalog.entry import Entry, is_singular

# The languages of the interface and of the articles' comment forms: the one list.
LANGS = ("en", "fr")

FEATURES = (
    cli,
    articles,
    reading,
    settings,
    comments,
    sending,
    fetching,
    feeds,
    storage,
    wordpress,
)
STRINGS: dict[str, Entry] = {
    key: entry for feature in FEATURES for key, entry in feature.STRINGS.items()
}


def t(key: str, lang: str = "en", /, **params: object) -> str:
    """The string for `key` in `lang` (falling back to English), formatted with `params`."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["en"]
    if isinstance(text, tuple):  # a plural, chosen by the count
        count = params["count"]
        text = text[0] if isinstance(count, int) and is_singular(lang, count) else text[1]
    return text.format(**params) if params else text


def locale_language(env: Mapping[str, str] | None = None) -> str:
    """'fr' when the locale (LC_ALL, LC_MESSAGES, LANG, in POSIX order) is French, else 'en'."""
    env = os.environ if env is None else env
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def resolve_language(requested: str | None, env: Mapping[str, str] | None = None) -> str:
    """The interface language: an explicit --lang / setting wins, else the locale."""
    if requested and requested.lower()[:2] in LANGS:
        return requested.lower()[:2]
    return locale_language(env)
