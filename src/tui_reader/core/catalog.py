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
    "app.quit_hint": {"en": "Press {key} to quit.", "fr": "Appuyez sur {key} pour quitter."},
    "app.quit_hint_title": {"en": "Do you want to quit?", "fr": "Voulez-vous quitter ?"},
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
        "en": "{path} is not an article (.md, .markdown, .txt, .html or .htm)",
        "fr": "{path} n'est pas un article (.md, .markdown, .txt, .html ou .htm)",
    },
    "error.no_articles": {
        "en": "no articles (.md, .markdown, .txt, .html) in {path}",
        "fr": "aucun article (.md, .markdown, .txt, .html) dans {path}",
    },
    "notice.bad_encoding": {
        "en": "{path}: not valid UTF-8; {count} undecodable byte(s) shown as �",
        "fr": "{path} : UTF-8 invalide ; {count} octet(s) illisible(s) affiché(s) comme �",
    },
    "notice.bad_front_matter": {
        "en": "{path}: the front matter is not valid YAML (or TOML) and was ignored",
        "fr": "{path} : l'en-tête YAML (ou TOML) est invalide et a été ignoré",
    },
    # Titles for what has none: stdin without a heading, a heading without text.
    "article.untitled": {"en": "Untitled", "fr": "Sans titre"},
    "article.untitled_section": {"en": "Untitled section", "fr": "Section sans titre"},
    # --- library screen --------------------------------------------------------------------
    "library.title": {"en": "Library — {path}", "fr": "Bibliothèque — {path}"},
    "library.bundled": {"en": "bundled articles", "fr": "articles fournis"},
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
    "render.plain_text": {
        "en": "(nested too deeply to lay out at this width: shown as plain text)",
        "fr": "(imbrication trop profonde pour cette largeur : affiché en texte brut)",
    },
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
    # Key names as a French keyboard labels them (the help screen translates word by word).
    "keyname.Enter": {"en": "Enter", "fr": "Entrée"},
    "keyname.Escape": {"en": "Escape", "fr": "Échap"},
    "keyname.Space": {"en": "Space", "fr": "Espace"},
    "keyname.Shift": {"en": "Shift", "fr": "Maj"},
    "keyname.Del": {"en": "Del", "fr": "Suppr"},
    "keyname.Home": {"en": "Home", "fr": "Début"},
    "keyname.End": {"en": "End", "fr": "Fin"},
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
    # --- settings, positions, themes, palette (issue 5) -------------------------------------
    # Settings file (core.settings); params: path, name, value, expected, default, reason.
    "settings.problem.invalid_toml": {
        "en": "{path} is not valid TOML ({reason}); default settings are used",
        "fr": "{path} n'est pas du TOML valide ({reason}) ; réglages par défaut utilisés",
    },
    "settings.problem.unreadable": {
        "en": "cannot read {path} ({reason}); default settings are used",
        "fr": "impossible de lire {path} ({reason}) ; réglages par défaut utilisés",
    },
    "settings.problem.bad_value": {
        "en": "{path}: {name} = {value} is not valid (expected {expected}); using {default}",
        "fr": "{path} : {name} = {value} invalide (attendu : {expected}) ; {default} utilisé",
    },
    "settings.problem.unknown_key": {
        "en": "{path}: unknown setting {name}, ignored",
        "fr": "{path} : réglage inconnu {name}, ignoré",
    },
    "settings.problem.unknown_theme": {
        "en": "{path}: unknown theme {value}; using {default}",
        "fr": "{path} : thème inconnu {value} ; {default} utilisé",
    },
    "settings.problem.articles_dir": {
        "en": "{path}: articles_dir {value} is not a directory; showing the bundled articles",
        "fr": "{path} : articles_dir {value} n'est pas un dossier ; articles fournis affichés",
    },
    "settings.expect.path": {"en": "a directory path", "fr": "un chemin de dossier"},
    "settings.expect.theme": {"en": "a theme name", "fr": "un nom de thème"},
    "settings.expect.language": {
        "en": '"en", "fr" or "auto"',
        "fr": "« en », « fr » ou « auto »",
    },
    "settings.expect.visible": {
        "en": 'true, false or "auto"',
        "fr": "true, false ou « auto »",
    },
    "settings.expect.sidebar_width": {
        "en": "a whole number from {smin} to {smax}",
        "fr": "un nombre entier de {smin} à {smax}",
    },
    "settings.expect.reading_width": {
        "en": "a whole number from {rmin} to {rmax}",
        "fr": "un nombre entier de {rmin} à {rmax}",
    },
    "settings.notice.moved_aside": {
        "en": "{path} had errors: it was kept as {moved_to} and a corrected file was written",
        "fr": (
            "{path} contenait des erreurs : il est conservé sous {moved_to} et un fichier "
            "corrigé a été écrit"
        ),
    },
    "settings.error.no_space": {
        "en": "Settings not saved: the disk is full.",
        "fr": "Réglages non enregistrés : le disque est plein.",
    },
    "settings.error.read_only_fs": {
        "en": "Settings not saved: the disk is read-only.",
        "fr": "Réglages non enregistrés : le disque est en lecture seule.",
    },
    "settings.error.permission": {
        "en": "Settings not saved: permission denied ({reason}).",
        "fr": "Réglages non enregistrés : accès refusé ({reason}).",
    },
    "settings.error.symlink": {
        "en": "Settings not saved: a symbolic link is in the way.",
        "fr": "Réglages non enregistrés : un lien symbolique bloque l'écriture.",
    },
    "settings.error.io": {
        "en": "Settings not saved: {reason}.",
        "fr": "Réglages non enregistrés : {reason}.",
    },
    # Reading positions (core.positions); params: path, moved_to, reason.
    "positions.problem.corrupt": {
        "en": "{path}: unreadable reading positions, moved to {moved_to}",
        "fr": "{path} : positions de lecture illisibles, déplacées dans {moved_to}",
    },
    "positions.problem.symlink": {
        "en": "{path}: a symbolic link instead of the reading positions, moved to {moved_to}",
        "fr": (
            "{path} : un lien symbolique à la place des positions de lecture, "
            "déplacé dans {moved_to}"
        ),
    },
    "positions.problem.not_moved": {
        "en": "{path}: unreadable reading positions, left in place (cannot move them: {reason})",
        "fr": (
            "{path} : positions de lecture illisibles, laissées en place "
            "(déplacement impossible : {reason})"
        ),
    },
    "positions.error.no_space": {
        "en": "Reading position not saved: the disk is full.",
        "fr": "Position de lecture non enregistrée : le disque est plein.",
    },
    "positions.error.read_only_fs": {
        "en": "Reading position not saved: the disk is read-only.",
        "fr": "Position de lecture non enregistrée : le disque est en lecture seule.",
    },
    "positions.error.permission": {
        "en": "Reading position not saved: permission denied ({reason}).",
        "fr": "Position de lecture non enregistrée : accès refusé ({reason}).",
    },
    "positions.error.symlink": {
        "en": "Reading position not saved: a symbolic link is in the way.",
        "fr": "Position de lecture non enregistrée : un lien symbolique bloque l'écriture.",
    },
    "positions.error.io": {
        "en": "Reading position not saved: {reason}.",
        "fr": "Position de lecture non enregistrée : {reason}.",
    },
    # Library progress column.
    "library.col.progress": {"en": "Read", "fr": "Lu"},
    "library.progress": {"en": "{percent}%", "fr": "{percent}\u00a0%"},
    "library.unread": {"en": "—", "fr": "—"},
    "library.finished": {"en": "✓", "fr": "✓"},
    # Reading width and themes.
    "reading.width": {
        "en": "Text width: {width} columns",
        "fr": "Largeur du texte : {width} colonnes",
    },
    "reading.width_full": {
        "en": "The text already uses the whole width ({width} columns)",
        "fr": "Le texte occupe déjà toute la largeur ({width} colonnes)",
    },
    "reading.width_min": {
        "en": "Narrowest text width: {width} columns",
        "fr": "Largeur de texte minimale : {width} colonnes",
    },
    "theme.changed": {"en": "Theme: {name}", "fr": "Thème : {name}"},
    "keys.wider": {"en": "Wider", "fr": "Plus large"},
    "keys.narrower": {"en": "Narrower", "fr": "Plus étroit"},
    "keys.theme": {"en": "Theme", "fr": "Thème"},
    "keys.palette": {"en": "Commands", "fr": "Commandes"},
    # Command palette (ui.commands).
    "palette.placeholder": {
        "en": "Go to a section, open an article, change the theme…",
        "fr": "Aller à une section, ouvrir un article, changer de thème…",
    },
    "palette.theme_placeholder": {"en": "Search for a theme…", "fr": "Chercher un thème…"},
    "palette.prefix.section": {"en": "Section: ", "fr": "Section : "},
    "palette.prefix.article": {"en": "Open: ", "fr": "Ouvrir : "},
    "palette.prefix.theme": {"en": "Theme: ", "fr": "Thème : "},
    "palette.current": {"en": "(current)", "fr": "(actuel)"},
    "palette.cmd.change_theme": {"en": "Change theme…", "fr": "Changer de thème…"},
    "palette.cmd.toggle_sidebar": {
        "en": "Show / hide the contents",
        "fr": "Afficher / masquer le sommaire",
    },
    "palette.cmd.open_drafts": {"en": "Open the drafts", "fr": "Ouvrir les brouillons"},
    "palette.cmd.library": {"en": "Back to the library", "fr": "Retour à la bibliothèque"},
    "palette.cmd.wider": {"en": "Wider text", "fr": "Texte plus large"},
    "palette.cmd.narrower": {"en": "Narrower text", "fr": "Texte plus étroit"},
    "palette.cmd.help": {"en": "Keys (help)", "fr": "Touches (aide)"},
    "palette.cmd.quit": {"en": "Quit", "fr": "Quitter"},
    # Help screen rows.
    "help.palette": {
        "en": "Command palette: sections, articles, themes, commands",
        "fr": "Palette de commandes : sections, articles, thèmes, commandes",
    },
    "help.width": {"en": "Wider / narrower text", "fr": "Texte plus large / plus étroit"},
    "help.theme": {"en": "Next theme", "fr": "Thème suivant"},
    # --- search and links (issue 5) -------------------------------------------------------
    # Search bar (ui.widgets.search_bar, ui.screens.search_and_links).
    "search.placeholder": {
        "en": "Search the article (accents ignored, case ignored unless you type a capital)",
        "fr": "Rechercher dans l'article (sans accents, casse ignorée sauf majuscule)",
    },
    "search.count": {"en": "{rank}/{total}", "fr": "{rank}/{total}"},
    # Counted while the query is typed, before Enter moves the view.
    "search.counting": {"en": "…", "fr": "…"},
    "search.found_one": {"en": "1 match · Enter", "fr": "1 résultat · Entrée"},
    "search.found": {"en": "{total} matches · Enter", "fr": "{total} résultats · Entrée"},
    "search.no_match": {"en": "No match for “{query}”", "fr": "Aucun résultat pour « {query} »"},
    "search.no_match_section": {
        "en": "No match for “{query}” in this section",
        "fr": "Aucun résultat pour « {query} » dans cette section",
    },
    "search.scope.article": {"en": "Whole article", "fr": "Tout l'article"},
    "search.scope.section": {"en": "This section only", "fr": "Cette section seulement"},
    "search.none": {
        "en": "No search yet: press / to search the article",
        "fr": "Aucune recherche : appuyez sur / pour chercher dans l'article",
    },
    "keys.search": {"en": "Search", "fr": "Chercher"},
    "keys.links": {"en": "Links", "fr": "Liens"},
    "keys.search_next": {"en": "Next match", "fr": "Résultat suivant"},
    "keys.search_previous": {"en": "Prev match", "fr": "Résultat préc."},
    "keys.search_scope": {"en": "Scope", "fr": "Portée"},
    "keys.search_close": {"en": "Close", "fr": "Fermer"},
    # Links list (ui.screens.links_screen) and opening links.
    "links.title": {"en": "Links — {section}", "fr": "Liens — {section}"},
    "links.hint": {
        "en": "↑ ↓ choose · Enter follow · Escape close",
        "fr": "↑ ↓ choisir · Entrée suivre · Échap fermer",
    },
    "links.empty": {
        "en": "No links in this section",
        "fr": "Aucun lien dans cette section",
    },
    "links.internal": {"en": "→ {title}", "fr": "→ {title}"},
    "links.broken": {"en": "→ missing section #{slug}", "fr": "→ section #{slug} introuvable"},
    "links.inert": {"en": "{href} (not followed)", "fr": "{href} (non suivi)"},
    "links.opening": {
        "en": "Opening {url} in the browser",
        "fr": "Ouverture de {url} dans le navigateur",
    },
    "links.copied": {
        "en": "No browser to open here; link copied to the clipboard: {url}",
        "fr": "Pas de navigateur à ouvrir ici ; lien copié dans le presse-papiers : {url}",
    },
    "links.open_failed": {
        "en": "The browser did not start ({reason}); link copied to the clipboard: {url}",
        "fr": (
            "Le navigateur n'a pas démarré ({reason}) ; lien copié dans le presse-papiers : {url}"
        ),
    },
    "links.missing_section": {
        "en": "No section #{slug} in this article",
        "fr": "Aucune section #{slug} dans cet article",
    },
    # Help screen rows.
    "help.group.search": {"en": "Search and links", "fr": "Recherche et liens"},
    "help.search.open": {
        "en": "Search: Enter goes to the first match from the top of the view",
        "fr": "Chercher : Entrée va au premier résultat depuis le haut de l'écran",
    },
    "help.search.next_previous": {
        "en": "Next / previous match (n and p stay sections)",
        "fr": "Résultat suivant / précédent (n et p restent les sections)",
    },
    "help.search.in_bar": {
        "en": "In the search bar: next / previous match",
        "fr": "Dans la barre de recherche : résultat suivant / précédent",
    },
    "help.search.scope": {
        "en": "In the search bar: whole article ↔ this section only",
        "fr": "Dans la barre de recherche : tout l'article ↔ cette section seulement",
    },
    "help.search.close": {
        "en": "Close the search bar, then clear the highlights",
        "fr": "Fermer la barre de recherche, puis effacer le surlignage",
    },
    "help.links": {
        "en": "Links of this section: Enter jumps or opens (copies without a browser)",
        "fr": "Liens de cette section : Entrée y va ou l'ouvre (le copie sans navigateur)",
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
    # The counter of the comment's size (form language); numbers already grouped.
    "composer.counter": {"en": "{used} / {limit} bytes", "fr": "{used} / {limit} octets"},
    # Footer keys and notifications: interface language. The state line below is shown in the
    # form: article language (ui.screens.composer_screen says which is which).
    "composer.key.post": {"en": "Post", "fr": "Publier"},
    "composer.key.editor": {"en": "Editor", "fr": "Éditeur"},
    "composer.key.quote": {"en": "Quote", "fr": "Citer"},
    "composer.key.new": {"en": "New draft", "fr": "Nouveau brouillon"},
    "composer.key.close": {"en": "Close", "fr": "Fermer"},
    "composer.state.unsaved": {"en": "not saved yet", "fr": "pas encore enregistré"},
    "composer.state.saved": {"en": "saved at {time}", "fr": "enregistré à {time}"},
    "composer.state.line": {"en": "{status} · {state}", "fr": "{status} · {state}"},
    "composer.posted": {
        "en": "Comment ready: it will be sent once you are online.",
        "fr": "Commentaire prêt : il sera envoyé dès que vous serez en ligne.",
    },
    "composer.back_to_draft": {
        "en": "The comment no longer passes the form's checks: it is a draft again.",
        "fr": (
            "Le commentaire ne passe plus les vérifications du formulaire : "
            "il redevient un brouillon."
        ),
    },
    "composer.new_started": {"en": "New draft started.", "fr": "Nouveau brouillon commencé."},
    "composer.no_quote": {
        "en": "No paragraph to quote at the top of the article view.",
        "fr": "Aucun paragraphe à citer en haut de l'article.",
    },
    "composer.no_editor": {
        "en": "No editor set: define $VISUAL or $EDITOR (for example EDITOR=nano).",
        "fr": "Aucun éditeur défini : renseignez $VISUAL ou $EDITOR (par exemple EDITOR=nano).",
    },
    "composer.editor_failed": {
        "en": "The editor ({editor}) failed: {reason}. The comment is unchanged.",
        "fr": "L'éditeur ({editor}) a échoué : {reason}. Le commentaire n'a pas changé.",
    },
    "composer.editor_exit": {"en": "exit status {code}", "fr": "code de sortie {code}"},
    "composer.editor_unavailable": {
        "en": "An external editor cannot run in this terminal.",
        "fr": "Impossible de lancer un éditeur externe dans ce terminal.",
    },
    "composer.read_only.sent": {
        "en": "This comment was sent: it can be read here, not changed.",
        "fr": "Ce commentaire a été envoyé : lisible ici, pas modifiable.",
    },
    "composer.read_only.no_article": {
        "en": "The article of this draft is not available ({path}): the draft is shown read-only.",
        "fr": (
            "L'article de ce brouillon est introuvable ({path}) : "
            "le brouillon est affiché en lecture seule."
        ),
    },
    # WordPress's own answer (wp-comments-post.php) when an article's comments are closed:
    # always in the article's language, like the validation errors.
    "composer.closed": {
        "en": "Sorry, comments are closed for this item.",
        "fr": "Désolé, les commentaires sont fermés pour cet élément.",
    },
    "composer.close_blocked": {
        "en": "The draft could not be saved, so the composer stays open: your text is not lost.",
        "fr": (
            "Le brouillon n'a pas pu être enregistré, la fenêtre reste ouverte : "
            "votre texte n'est pas perdu."
        ),
    },
    "keys.comment": {"en": "Comment", "fr": "Commenter"},
    "keys.drafts": {"en": "Drafts", "fr": "Brouillons"},
    "help.group.composer": {"en": "Comment form", "fr": "Formulaire de commentaire"},
    "help.comment": {
        "en": "Write a comment (reopens this article's latest draft not posted yet)",
        "fr": "Écrire un commentaire (rouvre le dernier brouillon non publié de l'article)",
    },
    "help.drafts": {"en": "All comment drafts", "fr": "Tous les brouillons de commentaires"},
    "help.composer.fields": {
        "en": "Next / previous field",
        "fr": "Champ suivant / précédent",
    },
    "help.composer.post": {
        "en": "Check and post (the comment is queued, ready to send)",
        "fr": "Vérifier et publier (le commentaire attend d'être envoyé)",
    },
    "help.composer.editor": {
        "en": "Edit the comment in $VISUAL / $EDITOR",
        "fr": "Modifier le commentaire dans $VISUAL / $EDITOR",
    },
    "help.composer.quote": {
        "en": "Quote the paragraph at the top of the article",
        "fr": "Citer le paragraphe en haut de l'article",
    },
    "help.composer.new": {"en": "Start a new draft", "fr": "Commencer un nouveau brouillon"},
    "help.composer.close": {
        "en": "Close (the draft is kept)",
        "fr": "Fermer (le brouillon est conservé)",
    },
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
    # The drafts screen.
    "drafts.screen.title": {
        "en": "Comment drafts — {count}",
        "fr": "Brouillons de commentaires — {count}",
    },
    "drafts.screen.empty": {
        "en": "No drafts yet: press c while reading an article to write a comment.",
        "fr": "Aucun brouillon : appuyez sur c en lisant un article pour écrire un commentaire.",
    },
    "drafts.col.article": {"en": "Article", "fr": "Article"},
    "drafts.col.section": {"en": "Section", "fr": "Section"},
    "drafts.col.excerpt": {"en": "Excerpt", "fr": "Extrait"},
    "drafts.col.status": {"en": "Status", "fr": "État"},
    "drafts.col.updated": {"en": "Last change", "fr": "Modifié"},
    "drafts.key.open": {"en": "Open", "fr": "Ouvrir"},
    "drafts.key.new": {"en": "New", "fr": "Nouveau"},
    "drafts.key.ready": {"en": "Ready/draft", "fr": "Prêt/brouillon"},
    "drafts.key.delete": {"en": "Delete", "fr": "Supprimer"},
    "drafts.key.forget": {"en": "Forget me", "fr": "Oublier mon nom"},
    "drafts.key.back": {"en": "Back", "fr": "Retour"},
    "drafts.confirm.delete": {
        "en": "Delete this draft? This cannot be undone.\n\n{article} — {section}\n{excerpt}",
        "fr": "Supprimer ce brouillon ? C'est définitif.\n\n{article} — {section}\n{excerpt}",
    },
    "drafts.confirm.forget": {
        "en": "Forget the saved name, email and website? Drafts keep theirs.",
        "fr": "Oublier le nom, l'e-mail et le site mémorisés ? Les brouillons gardent les leurs.",
    },
    "drafts.confirm.yes": {"en": "Yes", "fr": "Oui"},
    "drafts.confirm.no": {"en": "No", "fr": "Non"},
    "drafts.deleted": {"en": "Draft deleted.", "fr": "Brouillon supprimé."},
    "drafts.marked": {"en": "Draft marked “{status}”.", "fr": "Brouillon marqué « {status} »."},
    "drafts.not_ready": {"en": "Not ready — {error}", "fr": "Pas prêt — {error}"},
    "drafts.sent_locked": {
        "en": "This comment was sent: its status cannot be changed.",
        "fr": "Ce commentaire a été envoyé : son état ne peut plus changer.",
    },
    "drafts.no_article": {
        "en": "The article of this draft is not available: {path}",
        "fr": "L'article de ce brouillon est introuvable : {path}",
    },
    "drafts.stdin_article": {"en": "(standard input)", "fr": "(entrée standard)"},
    "help.group.drafts": {"en": "Drafts", "fr": "Brouillons"},
    "help.drafts.open": {
        "en": "Open the draft in its article",
        "fr": "Ouvrir le brouillon dans son article",
    },
    "help.drafts.new": {
        "en": "New draft on the same article",
        "fr": "Nouveau brouillon sur le même article",
    },
    "help.drafts.ready": {
        "en": "Mark ready / back to draft",
        "fr": "Marquer prêt / repasser en brouillon",
    },
    "help.drafts.delete": {"en": "Delete (asks first)", "fr": "Supprimer (avec confirmation)"},
    "help.drafts.forget": {
        "en": "Forget the saved name, email and website",
        "fr": "Oublier le nom, l'e-mail et le site mémorisés",
    },
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
    # --- storage hardening (issue 16; core.atomic_file, core.paths) ----------------------------
    # Our directories, checked at every start; params: path.
    "storage.unsafe_dir.owner": {
        "en": (
            "{path} belongs to another user: refusing to read or write there. Check it, then "
            "remove it or give it back to yourself (chown) and restrict it (chmod 700)."
        ),
        "fr": (
            "{path} appartient à un autre utilisateur : rien n'y sera lu ni écrit. Vérifiez-le, "
            "puis supprimez-le ou reprenez-le (chown) et restreignez-le (chmod 700)."
        ),
    },
    "storage.unsafe_dir.writable": {
        "en": (
            "{path} can be changed by other users: refusing to read or write there. Check what "
            "it holds, then restrict it (chmod 700)."
        ),
        "fr": (
            "{path} peut être modifié par d'autres utilisateurs : rien n'y sera lu ni écrit. "
            "Vérifiez son contenu, puis restreignez-le (chmod 700)."
        ),
    },
    # --- sending comments (core.web.sender, cli_send) — owned by the outbox ----------------
    "cli.send_help": {
        "en": "send ready comments to their article's site",
        "fr": "envoyer les commentaires prêts au site de leur article",
    },
    "drafts.status.sending": {"en": "sending", "fr": "en cours d'envoi"},
    "drafts.status.failed": {"en": "failed", "fr": "refusé"},
    "send.cli.description": {
        "en": "Send ready comment drafts to their article's WordPress site, each exactly once.",
        "fr": "Envoyer les brouillons prêts au site WordPress de leur article, chacun une seule fois.",
    },
    "send.cli.ids_help": {
        "en": "drafts to send (an ID or its start); default: every ready draft",
        "fr": "brouillons à envoyer (un ID ou son début) ; par défaut tous les brouillons prêts",
    },
    "send.cli.dry_run_help": {
        "en": "show what would be sent where, contacting nothing",
        "fr": "montrer ce qui serait envoyé et où, sans rien contacter",
    },
    "send.cli.json_help": {"en": "print the results as JSON", "fr": "écrire les résultats en JSON"},
    "send.cli.check_help": {
        "en": "check again whether sent comments held for moderation are published",
        "fr": "vérifier si les commentaires envoyés en attente de modération sont publiés",
    },
    "send.cli.allow_host_help": {
        "en": "allow a comment form that posts to HOST, another host than the article's",
        "fr": "accepter un formulaire qui envoie à HOST, un autre hôte que celui de l'article",
    },
    "send.cli.nothing": {"en": "No ready drafts to send.", "fr": "Aucun brouillon prêt à envoyer."},
    "send.cli.nothing_to_check": {
        "en": "No sent comments awaiting moderation.",
        "fr": "Aucun commentaire envoyé en attente de modération.",
    },
    "send.cli.insecure": {
        "en": "warning: {site} is plain http: your name and e-mail travel unencrypted",
        "fr": "attention : {site} est en http simple : votre nom et votre e-mail circulent en clair",
    },
    "send.cli.summary": {
        "en": "{sent} sent, {failed} not sent, {other} left as they were.",
        "fr": "{sent} envoyé(s), {failed} non envoyé(s), {other} laissé(s) tels quels.",
    },
    "send.cli.check_summary": {
        "en": "{checked} checked: {published} published, {held} awaiting moderation.",
        "fr": "{checked} vérifié(s) : {published} publié(s), {held} en attente de modération.",
    },
    "send.result.sent.published": {"en": "published: {link}", "fr": "publié : {link}"},
    "send.result.sent.held": {
        "en": "sent, awaiting moderation: {link}",
        "fr": "envoyé, en attente de modération : {link}",
    },
    "send.result.sent.unknown": {"en": "sent: {link}", "fr": "envoyé : {link}"},
    "send.result.sent.gone": {
        "en": "sent, then removed by the site: {link}",
        "fr": "envoyé, puis retiré par le site : {link}",
    },
    "send.result.sent.published.no_link": {"en": "published", "fr": "publié"},
    "send.result.sent.held.no_link": {
        "en": "sent, awaiting moderation",
        "fr": "envoyé, en attente de modération",
    },
    "send.result.sent.unknown.no_link": {"en": "sent", "fr": "envoyé"},
    "send.result.sent.gone.no_link": {
        "en": "sent, then removed by the site",
        "fr": "envoyé, puis retiré par le site",
    },
    "send.result.already_there.published": {
        "en": "already on the site (WordPress: duplicate), published: {link}",
        "fr": "déjà sur le site (WordPress : doublon), publié : {link}",
    },
    "send.result.already_there.held": {
        "en": "already on the site (WordPress: duplicate), awaiting moderation: {link}",
        "fr": "déjà sur le site (WordPress : doublon), en attente de modération : {link}",
    },
    "send.result.already_there.unknown": {
        "en": "already on the site (WordPress: duplicate): {link}",
        "fr": "déjà sur le site (WordPress : doublon) : {link}",
    },
    "send.result.already_there.gone": {
        "en": "already on the site (WordPress: duplicate), then removed: {link}",
        "fr": "déjà sur le site (WordPress : doublon), puis retiré : {link}",
    },
    "send.result.already_there.published.no_link": {
        "en": "already on the site (WordPress: duplicate), published",
        "fr": "déjà sur le site (WordPress : doublon), publié",
    },
    "send.result.already_there.held.no_link": {
        "en": "already on the site (WordPress: duplicate); not public yet, so its address is unknown (awaiting moderation?)",
        "fr": "déjà sur le site (WordPress : doublon) ; pas encore public, son adresse est inconnue (en attente de modération ?)",
    },
    "send.result.already_there.unknown.no_link": {
        "en": "already on the site (WordPress: duplicate)",
        "fr": "déjà sur le site (WordPress : doublon)",
    },
    "send.result.already_there.gone.no_link": {
        "en": "already on the site (WordPress: duplicate), then removed",
        "fr": "déjà sur le site (WordPress : doublon), puis retiré",
    },
    "send.result.checked.published": {"en": "published: {link}", "fr": "publié : {link}"},
    "send.result.checked.held": {
        "en": "still awaiting moderation: {link}",
        "fr": "toujours en attente de modération : {link}",
    },
    "send.result.checked.unknown": {
        "en": "no answer from the site, fate unknown: {link}",
        "fr": "pas de réponse du site, sort inconnu : {link}",
    },
    "send.result.checked.gone": {
        "en": "removed by the site: {link}",
        "fr": "retiré par le site : {link}",
    },
    "send.result.checked.published.no_link": {"en": "published", "fr": "publié"},
    "send.result.checked.held.no_link": {
        "en": "not public yet (awaiting moderation?)",
        "fr": "pas encore public (en attente de modération ?)",
    },
    "send.result.checked.unknown.no_link": {"en": "fate unknown", "fr": "sort inconnu"},
    "send.result.checked.gone.no_link": {"en": "removed by the site", "fr": "retiré par le site"},
    "send.result.retry": {
        "en": "not sent, still ready (will be retried): {reason}",
        "fr": "non envoyé, toujours prêt (sera réessayé) : {reason}",
    },
    "send.result.needs_edit": {
        "en": "refused by the site, back to draft (edit it): {reason}",
        "fr": "refusé par le site, redevenu brouillon (à corriger) : {reason}",
    },
    "send.result.failed": {
        "en": "not sent, the site refuses it: {reason}",
        "fr": "non envoyé, le site le refuse : {reason}",
    },
    "send.result.needs_confirmation": {
        "en": "not sent: {reason}",
        "fr": "non envoyé : {reason}",
    },
    "send.result.busy": {
        "en": "being sent by another tui-reader: left alone",
        "fr": "en cours d'envoi par un autre tui-reader : laissé tel quel",
    },
    "send.result.not_ready": {
        "en": "not ready (status: {status}): not sent",
        "fr": "pas prêt (état : {status}) : non envoyé",
    },
    "send.result.sent_before": {
        "en": "already sent: {link}",
        "fr": "déjà envoyé : {link}",
    },
    "send.result.would_send": {
        "en": "would be sent to {site} ({action})",
        "fr": "serait envoyé à {site} ({action})",
    },
    "send.error.no_source": {
        "en": "the article has no web address (source) to send the comment to",
        "fr": "l'article n'a pas d'adresse web (source) où envoyer le commentaire",
    },
    "send.error.bad_source": {
        "en": "the article's address is not an http or https address",
        "fr": "l'adresse de l'article n'est pas une adresse http ou https",
    },
    "send.error.gone_draft": {
        "en": "the draft no longer exists",
        "fr": "le brouillon n'existe plus",
    },
    "send.error.timeout": {
        "en": "the site did not answer in time",
        "fr": "le site n'a pas répondu à temps",
    },
    "send.error.refused": {
        "en": "cannot reach the site (offline, or the server is down)",
        "fr": "site injoignable (hors ligne, ou serveur arrêté)",
    },
    "send.error.tls": {
        "en": "the site's certificate could not be verified",
        "fr": "le certificat du site n'a pas pu être vérifié",
    },
    "send.error.network": {"en": "network error", "fr": "erreur réseau"},
    "send.error.redirect_away": {
        "en": "the article's page redirects to another site: not followed",
        "fr": "la page de l'article redirige vers un autre site : non suivi",
    },
    "send.error.redirect_loop": {
        "en": "the article's page redirects too many times",
        "fr": "la page de l'article redirige trop de fois",
    },
    "send.error.page_status": {
        "en": "the article's page answered HTTP {status}",
        "fr": "la page de l'article a répondu HTTP {status}",
    },
    "send.error.no_form": {
        "en": "the article's page has no comment form",
        "fr": "la page de l'article n'a pas de formulaire de commentaire",
    },
    "send.error.bad_form": {
        "en": "the article's comment form is not one WordPress sends (no post id)",
        "fr": "le formulaire de commentaire de l'article n'est pas celui de WordPress (pas d'id d'article)",
    },
    "send.error.login_required": {
        "en": "this site requires an account to comment; the draft is kept",
        "fr": "ce site demande un compte pour commenter ; le brouillon est conservé",
    },
    "send.error.closed": {
        "en": "comments are closed on this article; the draft is kept",
        "fr": "les commentaires sont fermés sur cet article ; le brouillon est conservé",
    },
    "send.error.post_gone": {
        "en": "the article no longer takes comments (removed or unpublished); the draft is kept",
        "fr": "l'article n'accepte plus de commentaires (retiré ou dépublié) ; le brouillon est conservé",
    },
    "send.error.flood": {
        "en": "the site says comments are coming too fast",
        "fr": "le site dit que les commentaires arrivent trop vite",
    },
    "send.error.server_error": {
        "en": "the site failed (HTTP {status})",
        "fr": "le site a échoué (HTTP {status})",
    },
    "send.error.unexpected": {
        "en": "unexpected answer from the site (HTTP {status})",
        "fr": "réponse inattendue du site (HTTP {status})",
    },
    "send.error.foreign_action": {
        "en": "the comment form posts to {host}, not to the article's site {site} (allow it with --allow-host {host})",
        "fr": "le formulaire envoie à {host}, pas au site de l'article {site} (l'accepter avec --allow-host {host})",
    },
    "send.error.disk": {
        "en": "the draft could not be written",
        "fr": "le brouillon n'a pas pu être écrit",
    },
    # --- end of the outbox's strings -----------------------------------------------------------
    # --- issue 16, hostile input (engineer harden-input) -----------------------------------
    "error.too_large": {
        "en": "{path} is too large to open: more than {limit} MB",
        "fr": "{path} est trop volumineux pour être ouvert : plus de {limit} Mo",
    },
    "error.unparsable": {
        "en": "cannot read {path} as an article: {reason}",
        "fr": "impossible de lire {path} comme un article : {reason}",
    },
    "render.plain_large": {
        "en": "(too large to lay out quickly: shown as plain text)",
        "fr": "(trop volumineux pour une mise en page rapide : affiché en texte brut)",
    },
}


# --- issue 11: encodings, HTML, front matter, --print, the pager, argparse in French --------
STRINGS.update(
    {
        "notice.assumed_encoding": {
            "en": "{path}: not UTF-8; read as {encoding}",
            "fr": "{path} : pas en UTF-8 ; lu comme {encoding}",
        },
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
)

# argparse's own strings (it looks them up through gettext), for `--help` and usage errors.
ARGPARSE_FR: dict[str, str] = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments positionnels",
    "options": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version du programme et quitter",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "expected one argument": "un argument attendu",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "invalid %(type)s value: %(value)r": "valeur %(type)s invalide : %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix invalide : %(value)r (choisir parmi %(choices)s)"
    ),
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "ignored explicit argument %r": "argument explicite ignoré : %r",
}


# --- fetching articles and their comment threads (core/web/fetcher…, cli_fetch) -------------
# A block of its own, merged into STRINGS: owned by `reader fetch`, `reader comments`, `reader reply`.
_FETCH_STRINGS: dict[str, dict[str, str]] = {
    "fetch.cli.help": {
        "en": "save a web article and its comments for offline reading",
        "fr": "enregistrer un article du web et ses commentaires pour les lire hors ligne",
    },
    "fetch.cli.description": {
        "en": "Save a web article (and its WordPress comment thread) into the library for offline reading.",
        "fr": "Enregistrer un article du web (et ses commentaires WordPress) dans la bibliothèque pour le lire hors ligne.",
    },
    "fetch.cli.url_help": {
        "en": "the article's address (http or https); with --update, a saved article or its address",
        "fr": "l'adresse de l'article (http ou https) ; avec --update, un article enregistré ou son adresse",
    },
    "fetch.cli.into_help": {
        "en": "the folder to save into (default: the library, the articles_dir setting or the data folder's articles/)",
        "fr": "le dossier où enregistrer (par défaut : la bibliothèque, le réglage articles_dir ou articles/ du dossier de données)",
    },
    "fetch.cli.update_help": {
        "en": "fetch the comments again (all fetched articles of the library without an argument); one small request when nothing changed",
        "fr": "relire les commentaires (tous les articles récupérés de la bibliothèque sans argument) ; une petite requête quand rien n'a changé",
    },
    "fetch.saved.created": {"en": "Saved: {path}", "fr": "Enregistré : {path}"},
    "fetch.saved.updated": {"en": "Updated: {path}", "fr": "Mis à jour : {path}"},
    "fetch.saved.unchanged": {"en": "Already up to date: {path}", "fr": "Déjà à jour : {path}"},
    "fetch.saved.beside": {
        "en": "{path} was edited since the last fetch and was left as it is; the new version is in {beside}",
        "fr": "{path} a été modifié depuis la dernière récupération et n'a pas été touché ; la nouvelle version est dans {beside}",
    },
    "fetch.comments.count": {
        "en": "{count} comments ({new} new since the last fetch)",
        "fr": "{count} commentaires ({new} nouveaux depuis la dernière récupération)",
    },
    "fetch.comments.first": {"en": "{count} comments", "fr": "{count} commentaires"},
    "fetch.comments.unavailable": {
        "en": "Comments are not available for this page (it has no comment form).",
        "fr": "Les commentaires ne sont pas disponibles pour cette page (elle n'a pas de formulaire de commentaire).",
    },
    "fetch.comments.closed": {
        "en": "Comments are closed on this post.",
        "fr": "Les commentaires sont fermés sur cet article.",
    },
    "fetch.comments.failed": {
        "en": "The comments could not be read: {reason}",
        "fr": "Les commentaires n'ont pas pu être lus : {reason}",
    },
    "fetch.update.unchanged": {
        "en": "{path}: no new comments ({total})",
        "fr": "{path} : pas de nouveau commentaire ({total})",
    },
    "fetch.update.changed": {
        "en": "{path}: {total} comments, {new} new",
        "fr": "{path} : {total} commentaires, {new} nouveaux",
    },
    "fetch.update.nothing": {
        "en": "No fetched article with comments in {dir}.",
        "fr": "Aucun article récupéré avec des commentaires dans {dir}.",
    },
    "fetch.error.not_url": {
        "en": "not a web address: {url} (give an http:// or https:// address)",
        "fr": "ce n'est pas une adresse web : {url} (donnez une adresse http:// ou https://)",
    },
    "fetch.error.scheme": {
        "en": "only http and https addresses can be fetched, not {scheme}: {url}",
        "fr": "seules les adresses http et https peuvent être récupérées, pas {scheme} : {url}",
    },
    "fetch.error.dns": {
        "en": "the site's name could not be found (no such site, or no network): {url}",
        "fr": "le nom du site est introuvable (site inexistant, ou pas de réseau) : {url}",
    },
    "fetch.error.refused": {
        "en": "the site does not answer (connection refused, or no network): {url}",
        "fr": "le site ne répond pas (connexion refusée, ou pas de réseau) : {url}",
    },
    "fetch.error.tls": {
        "en": "the secure connection failed (certificate or TLS error): {url}",
        "fr": "la connexion sécurisée a échoué (certificat ou erreur TLS) : {url}",
    },
    "fetch.error.timeout": {
        "en": "the site took too long to answer: {url}",
        "fr": "le site a mis trop de temps à répondre : {url}",
    },
    "fetch.error.redirect_loop": {
        "en": "too many redirections (a redirect loop): {url}",
        "fr": "trop de redirections (une boucle) : {url}",
    },
    "fetch.error.redirect_bad": {
        "en": "the site redirects to an address that is not a web page: {url}",
        "fr": "le site redirige vers une adresse qui n'est pas une page web : {url}",
    },
    "fetch.error.network": {
        "en": "network error ({reason}): {url}",
        "fr": "erreur réseau ({reason}) : {url}",
    },
    "fetch.error.gone": {
        "en": "no such page (HTTP {status}): {url}",
        "fr": "page introuvable (HTTP {status}) : {url}",
    },
    "fetch.error.server": {
        "en": "the site failed (HTTP {status}), try again later: {url}",
        "fr": "le site est en erreur (HTTP {status}), réessayez plus tard : {url}",
    },
    "fetch.error.status": {
        "en": "unexpected answer (HTTP {status}): {url}",
        "fr": "réponse inattendue (HTTP {status}) : {url}",
    },
    "fetch.error.too_big": {
        "en": "the page is larger than {size} MB and was not fetched: {url}",
        "fr": "la page dépasse {size} Mo et n'a pas été récupérée : {url}",
    },
    "fetch.error.not_html": {
        "en": "not a web page ({type}): {url}",
        "fr": "ce n'est pas une page web ({type}) : {url}",
    },
    "fetch.error.no_thread": {
        "en": "{path} has no comment thread to update (not fetched from a site with comments)",
        "fr": "{path} n'a pas de fil de commentaires à mettre à jour (pas récupéré d'un site à commentaires)",
    },
    "fetch.error.no_comments_api": {
        "en": "the site's list of comments could not be read",
        "fr": "la liste des commentaires du site n'a pas pu être lue",
    },
    "fetch.error.not_fetched": {
        "en": "{url} has not been fetched yet (reader fetch {url})",
        "fr": "{url} n'a pas encore été récupéré (reader fetch {url})",
    },
    "fetch.error.no_file": {"en": "no such article: {path}", "fr": "article introuvable : {path}"},
    "fetch.error.disk": {
        "en": "could not write into {path}: {reason}",
        "fr": "impossible d'écrire dans {path} : {reason}",
    },
    "fetch.cli.usage_error": {
        "en": "{message} (see {prog} --help)",
        "fr": "{message} (voir {prog} --help)",
    },
    "fetch.cli.url_missing": {
        "en": "the address to fetch is missing",
        "fr": "il manque l'adresse à récupérer",
    },
    "comments.no_thread": {
        "en": "{path} has no saved comment thread (it was not fetched with reader fetch URL)",
        "fr": "{path} n'a pas de fil de commentaires enregistré (il n'a pas été récupéré avec reader fetch URL)",
    },
    "comments.cli.description": {
        "en": "Show the comment thread saved with a fetched article (offline).",
        "fr": "Afficher le fil de commentaires enregistré avec un article récupéré (hors ligne).",
    },
    "comments.cli.file_help": {"en": "a fetched article (.md)", "fr": "un article récupéré (.md)"},
    "comments.title": {"en": "Comments ({count})", "fr": "Commentaires ({count})"},
    "comments.none": {"en": "No comments yet.", "fr": "Pas encore de commentaire."},
    "comments.held": {"en": "held for moderation", "fr": "en attente de modération"},
    "comments.new": {"en": "new", "fr": "nouveau"},
    "comments.yours": {"en": "yours", "fr": "le vôtre"},
    "reply.cli.description": {
        "en": "Write a reply to a comment of a fetched article, offline; `reader send` posts it as a WordPress reply.",
        "fr": "Écrire une réponse à un commentaire d'un article récupéré, hors ligne ; `reader send` la publie comme réponse WordPress.",
    },
    "reply.cli.comment_help": {
        "en": "the id of the comment answered (see reader comments FILE)",
        "fr": "l'identifiant du commentaire auquel répondre (voir reader comments FICHIER)",
    },
    "reply.cli.text_help": {"en": "the reply's text", "fr": "le texte de la réponse"},
    "reply.cli.name_help": {
        "en": "your name (default: the remembered one)",
        "fr": "votre nom (par défaut : celui enregistré)",
    },
    "reply.cli.email_help": {
        "en": "your e-mail (default: the remembered one)",
        "fr": "votre e-mail (par défaut : celui enregistré)",
    },
    "reply.cli.url_help": {"en": "your website (optional)", "fr": "votre site web (facultatif)"},
    "reply.title": {"en": "Reply to {author}", "fr": "Répondre à {author}"},
    "reply.no_comment": {
        "en": "no comment {id} in the thread saved with {path}",
        "fr": "pas de commentaire {id} dans le fil enregistré avec {path}",
    },
    "reply.no_form": {
        "en": "comments cannot be sent for {path} (no comment form was found when it was fetched)",
        "fr": "impossible d'envoyer des commentaires pour {path} (aucun formulaire trouvé à la récupération)",
    },
    "reply.ready": {
        "en": "Reply to {author} saved, ready to send (reader send): draft {id}",
        "fr": "Réponse à {author} enregistrée, prête à envoyer (reader send) : brouillon {id}",
    },
    "reply.draft": {
        "en": "Reply to {author} saved as draft {id}, not ready: it does not pass the site's checks:",
        "fr": "Réponse à {author} enregistrée comme brouillon {id}, pas prête : elle ne passe pas les vérifications du site :",
    },
    "reply.not_saved": {
        "en": "the reply could not be saved: {reason}",
        "fr": "la réponse n'a pas pu être enregistrée : {reason}",
    },
}
STRINGS.update(_FETCH_STRINGS)
# --- end of the fetching strings ------------------------------------------------------------


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
