"""Opening an article: why it cannot be read, what was odd about it."""

from __future__ import annotations

from tui_reader.core.catalog.entry import Entry

STRINGS: dict[str, Entry] = {
    # --- article loading errors and notices (core.article.model / core.article.source) -------------------
    "error.not_found": {
        "en": "no such file or directory: {path}",
        "fr": "fichier ou dossier introuvable : {path}",
    },
    "error.unreadable": {
        "en": "cannot read {path}: {reason}",
        "fr": "impossible de lire {path} : {reason}",
    },
    "error.binary": {
        "en": "{path} is a binary file, not an article",
        "fr": "{path} est un fichier binaire, pas un article",
    },
    "error.empty": {
        "en": "{path} is empty: nothing to read",
        "fr": "{path} est vide : rien à lire",
    },
    "error.unsupported": {
        "en": "{path} is not an article (.md, .markdown, .txt, .html or .htm)",
        "fr": "{path} n'est pas un article (.md, .markdown, .txt, .html ou .htm)",
    },
    "error.no_articles": {
        "en": "no articles (.md, .markdown, .txt, .html) in {path}",
        "fr": "aucun article (.md, .markdown, .txt, .html) dans {path}",
    },
    "notice.bad_encoding": {
        "en": (
            "{path}: not valid UTF-8; {count} undecodable byte shown as �",
            "{path}: not valid UTF-8; {count} undecodable bytes shown as �",
        ),
        "fr": (
            "{path} : UTF-8 invalide ; {count} octet illisible affiché comme �",
            "{path} : UTF-8 invalide ; {count} octets illisibles affichés comme �",
        ),
    },
    "notice.bad_front_matter": {
        "en": "{path}: the front matter is not valid YAML (or TOML) and was ignored",
        "fr": "{path} : l'en-tête YAML (ou TOML) est invalide et a été ignoré",
    },
    # Titles for what has none: stdin without a heading, a heading without text.
    "article.untitled": {"en": "Untitled", "fr": "Sans titre"},
    "article.untitled_section": {"en": "Untitled section", "fr": "Section sans titre"},
    "notice.assumed_encoding": {
        "en": "{path}: not UTF-8; read as {encoding}",
        "fr": "{path} : pas en UTF-8 ; lu comme {encoding}",
    },
    "error.too_large": {
        "en": "{path} is too large to open: more than {limit} MB",
        "fr": "{path} est trop volumineux pour être ouvert : plus de {limit} Mo",
    },
    "error.unparsable": {
        "en": "cannot read {path} as an article: {reason}",
        "fr": "impossible de lire {path} comme un article : {reason}",
    },
}
