"""Every user-facing string, in English and French, in one place.

`t(key, lang, **params)` formats a string with str.format. Keys are grouped by feature; each
group is owned by the module that uses it. A missing French string falls back to English and a
missing key raises KeyError so that typos fail the tests rather than show a raw key.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGS = ("en", "fr")

STRINGS: dict[str, dict[str, str]] = {
    # --- app and CLI -----------------------------------------------------------------------
    "app.title": {"en": "tui-reader", "fr": "tui-reader"},
    "cli.description": {
        "en": "Read long-form articles in the terminal and write their comments offline.",
        "fr": "Lire des articles longs dans le terminal et écrire leurs commentaires hors ligne.",
    },
    "cli.path_help": {
        "en": "an article (.md, .markdown, .txt), a directory of articles, or - for stdin",
        "fr": "un article (.md, .markdown, .txt), un dossier d'articles, ou - pour l'entrée standard",
    },
    "cli.print_help": {
        "en": "write the rendered article to standard output and exit",
        "fr": "écrire l'article rendu sur la sortie standard et quitter",
    },
    "cli.width_help": {
        "en": "width in columns for --print",
        "fr": "largeur en colonnes pour --print",
    },
    "cli.lang_help": {
        "en": "interface language (en or fr); default from the locale",
        "fr": "langue de l'interface (en ou fr) ; par défaut celle de la locale",
    },
    "cli.error": {"en": "reader: {message}", "fr": "reader : {message}"},
    # --- article loading errors and notices (core.article / core.source) -------------------
    "error.not_found": {"en": "no such file or directory: {path}", "fr": "fichier ou dossier introuvable : {path}"},
    "error.unreadable": {"en": "cannot read {path}: {reason}", "fr": "impossible de lire {path} : {reason}"},
    "error.binary": {
        "en": "{path} is a binary file, not an article",
        "fr": "{path} est un fichier binaire, pas un article",
    },
    "error.empty": {"en": "{path} is empty: nothing to read", "fr": "{path} est vide : rien à lire"},
    "error.unsupported": {
        "en": "{path} is not an article (.md, .markdown or .txt)",
        "fr": "{path} n'est pas un article (.md, .markdown ou .txt)",
    },
    "error.no_articles": {
        "en": "no articles (.md, .markdown, .txt) in {path}",
        "fr": "aucun article (.md, .markdown, .txt) dans {path}",
    },
    "notice.bad_encoding": {
        "en": "{path}: not valid UTF-8; {count} undecodable byte(s) shown as �",
        "fr": "{path} : UTF-8 invalide ; {count} octet(s) illisible(s) affiché(s) comme �",
    },
    "notice.bad_front_matter": {
        "en": "{path}: the front matter is not valid YAML and was ignored",
        "fr": "{path} : l'en-tête YAML est invalide et a été ignoré",
    },
    # --- library screen --------------------------------------------------------------------
    # --- reading screen --------------------------------------------------------------------
    # --- help screen -----------------------------------------------------------------------
    # --- composer (issue 3) ----------------------------------------------------------------
    # --- drafts store, drafts screen and drafts CLI (issue 3) ------------------------------
}


def t(key: str, lang: str = "en", /, **params: object) -> str:
    """The string for `key` in `lang` (falling back to English), formatted with `params`."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["en"]
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
