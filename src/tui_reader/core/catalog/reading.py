"""Reading: the library, the reading screen, the help screen, search and links."""

from __future__ import annotations

from tui_reader.core.catalog.entry import Entry

STRINGS: dict[str, Entry] = {
    # --- library screen --------------------------------------------------------------------
    "library.title": {"en": "Library — {path}", "fr": "Bibliothèque — {path}"},
    "library.bundled": {"en": "bundled articles", "fr": "articles fournis"},
    "library.col.title": {"en": "Title", "fr": "Titre"},
    "library.col.byline": {"en": "Source", "fr": "Source"},
    "library.col.date": {"en": "Date", "fr": "Date"},
    "library.col.lang": {"en": "Lang", "fr": "Langue"},
    "library.col.time": {"en": "Reading", "fr": "Lecture"},
    "library.col.drafts": {"en": "Drafts", "fr": "Brouillons"},
    "library.minutes": {"en": "{minutes} min", "fr": "{minutes} min"},
    "library.skipped": {
        "en": ("{count} file skipped: {first}", "{count} files skipped: {first}"),
        "fr": ("{count} fichier ignoré : {first}", "{count} fichiers ignorés : {first}"),
    },
    "keys.open": {"en": "Open", "fr": "Ouvrir"},
    # --- reading screen --------------------------------------------------------------------
    "reading.minutes": {"en": "{minutes} min read", "fr": "{minutes} min de lecture"},
    "reading.comments_open": {"en": "comments open", "fr": "commentaires ouverts"},
    "reading.lead": {"en": "Introduction", "fr": "Introduction"},
    "render.plain_text": {
        "en": "(nested too deeply to lay out at this width: shown as plain text)",
        "fr": "(imbrication trop profonde pour cette largeur : affiché en texte brut)",
    },
    "keys.next_section": {"en": "Next section", "fr": "Section suivante"},
    "keys.previous_section": {"en": "Prev section", "fr": "Section préc."},
    "keys.toggle_sidebar": {"en": "Contents", "fr": "Sommaire"},
    "keys.help": {"en": "Help", "fr": "Aide"},
    "keys.back": {"en": "Library", "fr": "Bibliothèque"},
    "keys.quit": {"en": "Quit", "fr": "Quitter"},
    "keys.jump_back": {"en": "Back", "fr": "Revenir"},
    "keys.jump_forward": {"en": "Forward", "fr": "Repartir"},
    "reading.no_jump_back": {"en": "Nothing to go back to", "fr": "Rien avant"},
    "reading.no_jump_forward": {"en": "Nothing to go forward to", "fr": "Rien après"},
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
    "keyname.Backspace": {"en": "Backspace", "fr": "Retour arrière"},
    "help.close": {"en": "Escape, q or ? closes this help", "fr": "Échap, q ou ? ferme cette aide"},
    "help.group.library": {"en": "Library", "fr": "Bibliothèque"},
    "help.group.reading": {"en": "Reading", "fr": "Lecture"},
    "help.group.everywhere": {"en": "Everywhere", "fr": "Partout"},
    "help.library.move": {"en": "Move in the list", "fr": "Se déplacer dans la liste"},
    "help.library.open": {"en": "Open the article", "fr": "Ouvrir l'article"},
    "help.scroll": {"en": "Scroll a line", "fr": "Défiler d'une ligne"},
    "help.page": {"en": "Page down / page up", "fr": "Page suivante / précédente"},
    "help.ends": {"en": "Top / bottom of the article", "fr": "Début / fin de l'article"},
    "help.sideways": {
        "en": "Scroll a wide code block or table sideways",
        "fr": "Faire défiler un bloc de code ou un tableau large",
    },
    "help.jump_back_forward": {
        "en": "Back / forward after a link, a search, the contents, g or G",
        "fr": "Revenir / repartir après un lien, une recherche, le sommaire, g ou G",
    },
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
    # --- search and links (issue 5) -------------------------------------------------------
    # Search bar (ui.reading.search_bar, ui.reading.search_and_links).
    "search.placeholder": {
        "en": "Search the article (accents ignored, case ignored unless you type a capital)",
        "fr": "Rechercher dans l'article (sans accents, casse ignorée sauf majuscule)",
    },
    "search.count": {"en": "{rank}/{total}", "fr": "{rank}/{total}"},
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
    # Links list (ui.dialogs.links_screen) and opening links.
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
    # A link whose text names another site (issue 16): asked before the browser opens it.
    "links.confirm_spoofed": {
        "en": (
            "This link's text reads as an address of another site.\n\n"
            "It really leads to {host}:\n{url}\n\nOpen it?"
        ),
        "fr": (
            "Le texte de ce lien ressemble à l'adresse d'un autre site.\n\n"
            "Il mène en réalité à {host} :\n{url}\n\nL'ouvrir ?"
        ),
    },
    "links.confirm_open": {"en": "Open", "fr": "Ouvrir"},
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
    "search.counting": {"en": "…", "fr": "…"},
    "search.found_one": {"en": "1 match · Enter", "fr": "1 résultat · Entrée"},
    "search.found": {"en": "{total} matches · Enter", "fr": "{total} résultats · Entrée"},
    "render.plain_large": {
        "en": "(too large to lay out quickly: shown as plain text)",
        "fr": "(trop volumineux pour une mise en page rapide : affiché en texte brut)",
    },
}
