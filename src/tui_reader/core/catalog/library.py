"""The library screen's filter, orders and columns (issues 11 and 15)."""

from __future__ import annotations

from tui_reader.core.catalog.entry import Entry

STRINGS: dict[str, Entry] = {
    "library.col.feed": {"en": "Feed", "fr": "Flux"},
    # The title's header when the column of the order is not shown (a narrow terminal).
    "library.sorted_by": {"en": "{column} · by {order}", "fr": "{column} · par {order}"},
    "library.order.date": {"en": "date", "fr": "date"},
    "library.order.title": {"en": "title", "fr": "titre"},
    "library.order.progress": {"en": "progress", "fr": "progression"},
    "library.order.feed": {"en": "feed", "fr": "flux"},
    "library.filter.label": {"en": "Filter:", "fr": "Filtrer :"},
    "library.filter.placeholder": {
        "en": "title, author, source, feed or folder",
        "fr": "titre, auteur, source, flux ou dossier",
    },
    # "3 of 5 articles", "3 sur 5 articles": {articles} is library.filter.articles.
    "library.filter.count": {"en": "{shown} of {articles}", "fr": "{shown} sur {articles}"},
    "library.filter.articles": {
        "en": ("{count} article", "{count} articles"),
        "fr": ("{count} article", "{count} articles"),
    },
    "keys.filter": {"en": "Filter", "fr": "Filtrer"},
    "keys.sort": {"en": "Sort", "fr": "Trier"},
    "keys.clear_filter": {"en": "Clear filter", "fr": "Effacer le filtre"},
    "help.library.filter": {
        "en": "Filter by title, author, source, feed or folder (accents ignored): "
        "Enter opens, ↑ ↓ move, Tab goes to the list",
        "fr": "Filtrer par titre, auteur, source, flux ou dossier (sans accents) : "
        "Entrée ouvre, ↑ ↓ déplacent, Tab va à la liste",
    },
    "help.library.clear": {"en": "Clear the filter", "fr": "Effacer le filtre"},
    "help.library.sort": {
        "en": "Next order: date, title, progress, feed (kept in the settings)",
        "fr": "Ordre suivant : date, titre, progression, flux (gardé dans les réglages)",
    },
}
