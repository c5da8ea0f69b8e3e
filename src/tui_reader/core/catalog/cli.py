"""The command line and the app's name."""

from __future__ import annotations

from tui_reader.core.catalog.entry import Entry

STRINGS: dict[str, Entry] = {
    # --- app and CLI -----------------------------------------------------------------------
    "cli.description": {
        "en": "Read long-form articles in the terminal and write their comments offline.",
        "fr": "Lire des articles longs dans le terminal et écrire leurs commentaires hors ligne.",
    },
    "cli.path_help": {
        "en": "an article (.md, .markdown, .txt, .html), a directory of articles, or - for stdin",
        "fr": (
            "un article (.md, .markdown, .txt, .html), un dossier d'articles, ou - pour l'entrée "
            "standard"
        ),
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
    "cli.usage_error": {
        "en": "{message} (see {prog} --help)",
        "fr": "{message} (voir {prog} --help)",
    },
    "cli.no_tty": {
        "en": "no terminal to read keys from; use --print to write the article to stdout",
        "fr": "aucun terminal pour lire le clavier ; utilisez --print pour écrire l'article",
    },
    "cli.print_needs_file": {
        "en": "--print needs an article file (or - for stdin)",
        "fr": "--print demande un fichier d'article (ou - pour l'entrée standard)",
    },
    "cli.drafts_help": {
        "en": "list, show, export and validate comment drafts",
        "fr": "lister, afficher, exporter et valider les brouillons de commentaires",
    },
    "cli.send_help": {
        "en": "send ready comments to their article's site",
        "fr": "envoyer les commentaires prêts au site de leur article",
    },
    "cli.interrupted": {"en": "interrupted", "fr": "interrompu"},
    "app.quit_hint": {"en": "Press {key} to quit.", "fr": "Appuyez sur {key} pour quitter."},
    "app.quit_hint_title": {"en": "Do you want to quit?", "fr": "Voulez-vous quitter ?"},
    "cli.no_pager_help": {
        "en": "with --print on a terminal, do not page the output through $PAGER",
        "fr": "avec --print dans un terminal, ne pas paginer la sortie avec $PAGER",
    },
    "cli.width_range": {
        "en": "the width must be a whole number from {low} to {high}, not {value}",
        "fr": "la largeur doit être un nombre entier de {low} à {high}, pas {value}",
    },
    "cli.drafts_folder": {
        "en": "a folder named drafts: reader ./drafts",
        "fr": "un dossier nommé drafts : reader ./drafts",
    },
    "cli.drafts_meant": {
        "en": "'drafts' is the drafts command; to open the folder drafts, run: reader ./drafts",
        "fr": "« drafts » est la commande des brouillons ; pour ouvrir le dossier drafts : "
        "reader ./drafts",
    },
}
