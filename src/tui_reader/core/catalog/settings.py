"""The settings file, reading positions, themes and the command palette."""

from __future__ import annotations

from tui_reader.core.catalog.entry import Entry

STRINGS: dict[str, Entry] = {
    # --- settings, positions, themes, palette (issue 5) -------------------------------------
    # Settings file (core.storage.settings); params: path, name, value, expected, default, reason.
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
    "settings.expect.library_order": {
        "en": '"date", "title", "progress" or "feed"',
        "fr": "« date », « title », « progress » ou « feed »",
    },
    "settings.expect.send_ready": {
        "en": '"ask", "auto" or "manual"',
        "fr": "« ask », « auto » ou « manual »",
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
    # Reading positions (core.storage.positions); params: path, moved_to, reason.
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
    "library.unread": {"en": "new", "fr": "nouveau"},
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
}
