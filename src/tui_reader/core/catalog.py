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
    "cli.interrupted": {"en": "interrupted", "fr": "interrompu"},
    # --- article loading errors and notices (core.article / core.source) -------------------
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
    "library.title": {"en": "Library — {path}", "fr": "Bibliothèque — {path}"},
    "library.col.title": {"en": "Title", "fr": "Titre"},
    "library.col.byline": {"en": "Source / author", "fr": "Source / auteur"},
    "library.col.date": {"en": "Date", "fr": "Date"},
    "library.col.lang": {"en": "Lang", "fr": "Langue"},
    "library.col.time": {"en": "Reading", "fr": "Lecture"},
    "library.col.drafts": {"en": "Drafts", "fr": "Brouillons"},
    "library.minutes": {"en": "{minutes} min", "fr": "{minutes} min"},
    "library.skipped": {
        "en": "{count} file(s) skipped: {first}",
        "fr": "{count} fichier(s) ignoré(s) : {first}",
    },
    "keys.open": {"en": "Open", "fr": "Ouvrir"},
    # --- reading screen --------------------------------------------------------------------
    "reading.minutes": {"en": "{minutes} min read", "fr": "{minutes} min de lecture"},
    "reading.words": {"en": "{count} words", "fr": "{count} mots"},
    "reading.comments_open": {"en": "comments open", "fr": "commentaires ouverts"},
    "reading.contents": {"en": "Contents", "fr": "Sommaire"},
    "reading.lead": {"en": "Introduction", "fr": "Introduction"},
    "reading.link_opened": {"en": "Opening {url}", "fr": "Ouverture de {url}"},
    "reading.link_shown": {"en": "Link: {url}", "fr": "Lien : {url}"},
    "keys.next_section": {"en": "Next section", "fr": "Section suivante"},
    "keys.previous_section": {"en": "Prev section", "fr": "Section préc."},
    "keys.toggle_sidebar": {"en": "Contents", "fr": "Sommaire"},
    "keys.help": {"en": "Help", "fr": "Aide"},
    "keys.back": {"en": "Library", "fr": "Bibliothèque"},
    "keys.quit": {"en": "Quit", "fr": "Quitter"},
    # --- help screen -----------------------------------------------------------------------
    "help.title": {"en": "Keys", "fr": "Touches"},
    "help.close": {"en": "Escape, q or ? closes this help", "fr": "Échap, q ou ? ferme cette aide"},
    "help.group.library": {"en": "Library", "fr": "Bibliothèque"},
    "help.group.reading": {"en": "Reading", "fr": "Lecture"},
    "help.group.everywhere": {"en": "Everywhere", "fr": "Partout"},
    "help.library.move": {"en": "Move in the list", "fr": "Se déplacer dans la liste"},
    "help.library.open": {"en": "Open the article", "fr": "Ouvrir l'article"},
    "help.scroll": {"en": "Scroll a line", "fr": "Défiler d'une ligne"},
    "help.page": {"en": "Page down / page up", "fr": "Page suivante / précédente"},
    "help.ends": {"en": "Top / bottom of the article", "fr": "Début / fin de l'article"},
    "help.next_section": {"en": "Next section", "fr": "Section suivante"},
    "help.previous_section": {
        "en": "Start of this section, then the previous one",
        "fr": "Début de cette section, puis la précédente",
    },
    "help.focus": {"en": "Move focus: contents ↔ article", "fr": "Passer du sommaire à l'article"},
    "help.jump": {
        "en": "Jump to the section (in the contents)",
        "fr": "Aller à la section (dans le sommaire)",
    },
    "help.toggle_sidebar": {
        "en": "Show / hide the contents",
        "fr": "Afficher / masquer le sommaire",
    },
    "help.back": {"en": "Back to the library", "fr": "Retour à la bibliothèque"},
    "help.help": {"en": "This help", "fr": "Cette aide"},
    "help.quit": {"en": "Quit", "fr": "Quitter"},
    "help.mouse": {
        "en": "Mouse: click a contents entry to jump, wheel to scroll, click a link to follow it",
        "fr": "Souris : cliquer dans le sommaire pour y aller, molette pour défiler, clic sur un lien pour le suivre",
    },
    # --- composer (issue 3) ----------------------------------------------------------------
    "composer.title": {"en": "Leave a Reply", "fr": "Laisser un commentaire"},
    "composer.comment_on": {"en": "Comment on: {section}", "fr": "Commentaire sur : {section}"},
    "composer.note_private": {
        "en": "Your email address will not be published.",
        "fr": "Votre adresse e-mail ne sera pas publiée.",
    },
    "composer.note_required": {
        "en": "Required fields are marked *",
        "fr": "Les champs obligatoires sont indiqués avec *",
    },
    "composer.label.comment": {"en": "Comment", "fr": "Commentaire"},
    "composer.label.author": {"en": "Name", "fr": "Nom"},
    "composer.label.email": {"en": "Email", "fr": "E-mail"},
    "composer.label.url": {"en": "Website", "fr": "Site web"},
    # WordPress says "in this browser"; here the fields are kept on this device.
    "composer.consent": {
        "en": "Save my name, email, and website on this device for the next time I comment.",
        "fr": (
            "Enregistrer mon nom, mon e-mail et mon site sur cet appareil "
            "pour mon prochain commentaire."
        ),
    },
    "composer.post": {"en": "Post Comment", "fr": "Laisser un commentaire"},
    "composer.close": {"en": "Close", "fr": "Fermer"},
    # Validation (core.validation): WordPress's own messages (fr_FR), without their prefix.
    # The French prefix has a no-break space (U+00A0) before the colon, as in WordPress.
    "validation.error_prefix": {"en": "Error: ", "fr": "Erreur\u00a0: "},
    "validation.required": {
        "en": "Please fill the required fields.",
        "fr": "veuillez renseigner les champs obligatoires.",
    },
    "validation.invalid_email": {
        "en": "Please enter a valid email address.",
        "fr": "veuillez saisir une adresse e-mail valide.",
    },
    "validation.empty_comment": {
        "en": "Please type your comment text.",
        "fr": "veuillez saisir votre commentaire.",
    },
    "validation.author_too_long": {
        "en": "Your name is too long.",
        "fr": "votre nom est trop long.",
    },
    "validation.email_too_long": {
        "en": "Your email address is too long.",
        "fr": "votre adresse e-mail est trop longue.",
    },
    "validation.url_too_long": {"en": "Your URL is too long.", "fr": "votre URL est trop longue."},
    "validation.comment_too_long": {
        "en": "Your comment is too long.",
        "fr": "votre commentaire est trop long.",
    },
    # --- drafts store, drafts screen and drafts CLI (issue 3) ------------------------------
    "drafts.status.draft": {"en": "draft", "fr": "brouillon"},
    "drafts.status.ready": {"en": "ready", "fr": "prêt"},
    "drafts.status.sent": {"en": "sent", "fr": "envoyé"},
    "drafts.field_line": {"en": "{label}: {value}", "fr": "{label} : {value}"},
    "drafts.label.id": {"en": "Draft", "fr": "Brouillon"},
    "drafts.label.status": {"en": "Status", "fr": "État"},
    "drafts.label.article": {"en": "Article", "fr": "Article"},
    "drafts.label.source": {"en": "Source", "fr": "Source"},
    "drafts.label.file": {"en": "File", "fr": "Fichier"},
    "drafts.label.section": {"en": "Section", "fr": "Section"},
    "drafts.label.conflict_of": {"en": "Conflict copy of", "fr": "Copie en conflit de"},
    "drafts.label.created": {"en": "Created", "fr": "Créé"},
    "drafts.label.updated": {"en": "Updated", "fr": "Modifié"},
    "drafts.label.consent": {
        "en": "Remember name, email, website",
        "fr": "Mémoriser nom, e-mail, site",
    },
    # Files that could not be loaded (core.drafts); params: path, moved_to, reason, schema.
    "drafts.problem.corrupt": {
        "en": "{path}: unreadable draft, moved to {moved_to}",
        "fr": "{path} : brouillon illisible, déplacé dans {moved_to}",
    },
    "drafts.problem.symlink": {
        "en": "{path}: a symbolic link where a draft should be, moved to {moved_to}",
        "fr": "{path} : un lien symbolique à la place d'un brouillon, déplacé dans {moved_to}",
    },
    "drafts.problem.not_moved": {
        "en": "{path}: unreadable draft, left in place (cannot move it: {reason})",
        "fr": "{path} : brouillon illisible, laissé en place (déplacement impossible : {reason})",
    },
    "drafts.problem.newer_schema": {
        "en": "{path}: written by a newer tui-reader (format {schema}), left untouched",
        "fr": "{path} : écrit par un tui-reader plus récent (format {schema}), laissé intact",
    },
    "drafts.problem.unreadable": {
        "en": "cannot read {path}: {reason}",
        "fr": "impossible de lire {path} : {reason}",
    },
    "drafts.problem.dir_unreadable": {
        "en": "cannot read the drafts directory {path}: {reason}",
        "fr": "impossible de lire le dossier des brouillons {path} : {reason}",
    },
    # Save errors (core.drafts): the draft stays in memory; params: reason.
    "drafts.error.no_space": {
        "en": "Draft not saved: the disk is full. Your text is kept; free space and save again.",
        "fr": (
            "Brouillon non enregistré : le disque est plein. Votre texte est conservé ; "
            "libérez de la place et enregistrez à nouveau."
        ),
    },
    "drafts.error.read_only_fs": {
        "en": "Draft not saved: the disk is read-only. Your text is kept.",
        "fr": (
            "Brouillon non enregistré : le disque est en lecture seule. Votre texte est conservé."
        ),
    },
    "drafts.error.permission": {
        "en": "Draft not saved: permission denied ({reason}). Your text is kept.",
        "fr": "Brouillon non enregistré : accès refusé ({reason}). Votre texte est conservé.",
    },
    "drafts.error.symlink": {
        "en": "Draft not saved: a symbolic link is in the way. Your text is kept.",
        "fr": (
            "Brouillon non enregistré : un lien symbolique bloque l'écriture. "
            "Votre texte est conservé."
        ),
    },
    "drafts.error.io": {
        "en": "Draft not saved: {reason}. Your text is kept.",
        "fr": "Brouillon non enregistré : {reason}. Votre texte est conservé.",
    },
    "drafts.error.read_only_draft": {
        "en": "This draft was written by a newer tui-reader: it can be read here, not changed.",
        "fr": "Ce brouillon vient d'un tui-reader plus récent : lisible ici, pas modifiable.",
    },
    "drafts.error.not_found": {
        "en": "no draft with id {id}",
        "fr": "aucun brouillon avec l'identifiant {id}",
    },
    "drafts.notice.conflict": {
        "en": (
            "This draft was changed in another tui-reader window: your version was saved as a "
            "separate draft ({id}); the other one ({original}) is kept too."
        ),
        "fr": (
            "Ce brouillon a été modifié dans une autre fenêtre de tui-reader : votre version est "
            "enregistrée comme un brouillon séparé ({id}) ; l'autre ({original}) est conservée."
        ),
    },
    "drafts.notice.recreated": {
        "en": "This draft had been deleted elsewhere; it was saved again.",
        "fr": "Ce brouillon avait été supprimé ailleurs ; il a été enregistré à nouveau.",
    },
    # The remember-me identity (core.identity).
    "identity.problem.corrupt": {
        "en": "{path}: unreadable saved name/email, moved to {moved_to}",
        "fr": "{path} : nom/e-mail mémorisés illisibles, déplacés dans {moved_to}",
    },
    "identity.problem.symlink": {
        "en": "{path}: a symbolic link instead of the saved name/email, moved to {moved_to}",
        "fr": (
            "{path} : un lien symbolique à la place du nom/e-mail mémorisés, "
            "déplacé dans {moved_to}"
        ),
    },
    "identity.problem.not_moved": {
        "en": "{path}: unreadable saved name/email, left in place (cannot move it: {reason})",
        "fr": (
            "{path} : nom/e-mail mémorisés illisibles, laissés en place "
            "(déplacement impossible : {reason})"
        ),
    },
    "identity.error.no_space": {
        "en": "Name and email not remembered: the disk is full.",
        "fr": "Nom et e-mail non mémorisés : le disque est plein.",
    },
    "identity.error.read_only_fs": {
        "en": "Name and email not remembered: the disk is read-only.",
        "fr": "Nom et e-mail non mémorisés : le disque est en lecture seule.",
    },
    "identity.error.permission": {
        "en": "Saved name and email: permission denied ({reason}).",
        "fr": "Nom et e-mail mémorisés : accès refusé ({reason}).",
    },
    "identity.error.symlink": {
        "en": "Saved name and email: a symbolic link is in the way.",
        "fr": "Nom et e-mail mémorisés : un lien symbolique bloque l'accès.",
    },
    "identity.error.io": {
        "en": "Saved name and email: {reason}.",
        "fr": "Nom et e-mail mémorisés : {reason}.",
    },
    # `reader drafts` (cli_drafts).
    "drafts.cli.description": {
        "en": "List, show, export and validate the comment drafts.",
        "fr": "Lister, afficher, exporter et valider les brouillons de commentaires.",
    },
    "drafts.cli.list_help": {
        "en": "list the drafts, newest first",
        "fr": "lister les brouillons, les plus récents d'abord",
    },
    "drafts.cli.show_help": {
        "en": "show one draft in full",
        "fr": "afficher un brouillon en entier",
    },
    "drafts.cli.export_help": {
        "en": "write drafts to standard output",
        "fr": "écrire les brouillons sur la sortie standard",
    },
    "drafts.cli.validate_help": {
        "en": "check the ready drafts with the comment form's rules",
        "fr": "vérifier les brouillons prêts avec les règles du formulaire de commentaire",
    },
    "drafts.cli.forget_help": {
        "en": "forget the saved name, email and website",
        "fr": "oublier le nom, l'e-mail et le site mémorisés",
    },
    "drafts.cli.json_help": {"en": "print JSON", "fr": "écrire du JSON"},
    "drafts.cli.status_help": {
        "en": "only drafts with this status",
        "fr": "seulement les brouillons dans cet état",
    },
    "drafts.cli.format_help": {
        "en": "output format (default: json)",
        "fr": "format de sortie (par défaut : json)",
    },
    "drafts.cli.id_help": {
        "en": "the draft's id, or the start of it",
        "fr": "l'identifiant du brouillon, ou son début",
    },
    "drafts.cli.usage_error": {
        "en": "drafts: {message} (see reader drafts --help)",
        "fr": "drafts : {message} (voir reader drafts --help)",
    },
    "drafts.cli.none": {"en": "No drafts.", "fr": "Aucun brouillon."},
    "drafts.cli.no_match": {
        "en": "no draft matches {id}",
        "fr": "aucun brouillon ne correspond à {id}",
    },
    "drafts.cli.ambiguous": {
        "en": "{id} matches several drafts: {ids}",
        "fr": "{id} correspond à plusieurs brouillons : {ids}",
    },
    "drafts.cli.validate_none": {
        "en": "No ready drafts to validate.",
        "fr": "Aucun brouillon prêt à valider.",
    },
    "drafts.cli.validate_summary": {
        "en": "{checked} ready draft(s) checked, {failing} with errors.",
        "fr": "{checked} brouillon(s) prêt(s) vérifié(s), {failing} avec des erreurs.",
    },
    "drafts.cli.forgotten": {
        "en": "The saved name, email and website are forgotten.",
        "fr": "Le nom, l'e-mail et le site mémorisés sont oubliés.",
    },
    "drafts.cli.no_identity": {
        "en": "No name, email or website was saved.",
        "fr": "Aucun nom, e-mail ni site n'était mémorisé.",
    },
    "drafts.cli.conflict_mark": {"en": "(conflict copy)", "fr": "(copie en conflit)"},
    "drafts.cli.read_only_mark": {"en": "(read-only)", "fr": "(lecture seule)"},
    "drafts.cli.yes": {"en": "yes", "fr": "oui"},
    "drafts.cli.no": {"en": "no", "fr": "non"},
    "drafts.cli.col_id": {"en": "ID", "fr": "ID"},
    "drafts.cli.col_status": {"en": "STATUS", "fr": "ÉTAT"},
    "drafts.cli.col_updated": {"en": "UPDATED", "fr": "MODIFIÉ"},
    "drafts.cli.col_article": {"en": "ARTICLE", "fr": "ARTICLE"},
    "drafts.cli.col_section": {"en": "SECTION", "fr": "SECTION"},
    "drafts.cli.col_excerpt": {"en": "EXCERPT", "fr": "EXTRAIT"},
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
