"""Feeds and `reader sync` (core.feeds, cli_feeds, cli_sync, the app's Ctrl+R)."""

from __future__ import annotations

from tui_reader.core.catalog.entry import Entry

STRINGS: dict[str, Entry] = {
    # --- reader feeds ---------------------------------------------------------------------
    "feeds.cli.help": {
        "en": "follow RSS and Atom feeds: add, list, remove, import, export (OPML)",
        "fr": "suivre des flux RSS et Atom : ajouter, lister, retirer, importer, exporter (OPML)",
    },
    "feeds.cli.description": {
        "en": "The feeds `reader sync` reads: RSS or Atom feeds, or the sites that announce them.",
        "fr": "Les flux que lit `reader sync` : des flux RSS ou Atom, ou les sites qui les annoncent.",
    },
    "feeds.cli.add_help": {
        "en": "follow a feed, or the feed a site's page announces",
        "fr": "suivre un flux, ou le flux qu'annonce la page d'un site",
    },
    "feeds.cli.url_help": {
        "en": "a feed's address, or a site's (http or https)",
        "fr": "l'adresse d'un flux, ou d'un site (http ou https)",
    },
    "feeds.cli.list_help": {
        "en": "the feeds followed, with the last sync's result",
        "fr": "les flux suivis, avec le résultat de la dernière synchronisation",
    },
    "feeds.cli.remove_help": {
        "en": "stop following a feed (its articles stay in the library)",
        "fr": "ne plus suivre un flux (ses articles restent dans la bibliothèque)",
    },
    "feeds.cli.target_help": {
        "en": "the feed's address, or its number in `reader feeds list`",
        "fr": "l'adresse du flux, ou son numéro dans `reader feeds list`",
    },
    "feeds.cli.import_help": {
        "en": "follow the feeds of an OPML file (another feed reader's export)",
        "fr": "suivre les flux d'un fichier OPML (l'export d'un autre lecteur de flux)",
    },
    "feeds.cli.export_help": {
        "en": "write the feeds as OPML (to standard output without a file)",
        "fr": "écrire les flux en OPML (sur la sortie standard sans fichier)",
    },
    "feeds.cli.file_help": {"en": "the OPML file", "fr": "le fichier OPML"},
    "feeds.added": {"en": "Following: {title} ({url})", "fr": "Suivi : {title} ({url})"},
    "feeds.already": {
        "en": "Already followed: {url}",
        "fr": "Déjà suivi : {url}",
    },
    "feeds.removed": {
        "en": "No longer following: {title} ({url})",
        "fr": "N'est plus suivi : {title} ({url})",
    },
    "feeds.none": {
        "en": "No feeds yet: reader feeds add URL",
        "fr": "Aucun flux pour l'instant : reader feeds add URL",
    },
    "feeds.no_match": {
        "en": "no feed {target} (reader feeds list shows them)",
        "fr": "aucun flux {target} (reader feeds list les montre)",
    },
    "feeds.list.never": {"en": "never synced", "fr": "jamais synchronisé"},
    "feeds.list.new": {
        "en": ("{when}: {count} new article", "{when}: {count} new articles"),
        "fr": ("{when} : {count} nouvel article", "{when} : {count} nouveaux articles"),
    },
    "feeds.list.unchanged": {"en": "{when}: nothing new", "fr": "{when} : rien de nouveau"},
    "feeds.list.failed": {"en": "{when}: failed", "fr": "{when} : échec"},
    "feeds.imported": {
        "en": ("{count} feed imported", "{count} feeds imported"),
        "fr": ("{count} flux importé", "{count} flux importés"),
    },
    "feeds.import_skipped": {
        "en": ("{count} already followed", "{count} already followed"),
        "fr": ("{count} déjà suivi", "{count} déjà suivis"),
    },
    "feeds.import_bad": {
        "en": "skipped, not an http or https address: {url}",
        "fr": "ignoré, pas une adresse http ou https : {url}",
    },
    "feeds.exported": {
        "en": ("{count} feed written to {path}", "{count} feeds written to {path}"),
        "fr": ("{count} flux écrit dans {path}", "{count} flux écrits dans {path}"),
    },
    "feeds.error.not_feed": {
        "en": "not an RSS or Atom feed: {url}",
        "fr": "pas un flux RSS ou Atom : {url}",
    },
    "feeds.error.malformed": {
        "en": "the feed is not valid XML ({reason}): {url}",
        "fr": "le flux n'est pas du XML valide ({reason}) : {url}",
    },
    "feeds.error.too_big": {
        "en": "the feed is larger than {size} MB, refused: {url}",
        "fr": "le flux dépasse {size} Mo, refusé : {url}",
    },
    "feeds.error.no_feed": {
        "en": "no RSS or Atom feed found on this page or site: {url}",
        "fr": "aucun flux RSS ou Atom trouvé sur cette page ou ce site : {url}",
    },
    "feeds.error.unexpected": {
        "en": "unexpected error: {reason}",
        "fr": "erreur inattendue : {reason}",
    },
    "feeds.opml.too_big": {
        "en": "{path} is too large for an OPML file",
        "fr": "{path} est trop gros pour un fichier OPML",
    },
    "feeds.opml.unsafe": {
        "en": "{path} declares XML entities, refused (OPML has none)",
        "fr": "{path} déclare des entités XML, refusé (l'OPML n'en a pas)",
    },
    "feeds.opml.invalid": {
        "en": "{path} is not an OPML file: {reason}",
        "fr": "{path} n'est pas un fichier OPML : {reason}",
    },
    "feeds.opml.unreadable": {
        "en": "cannot read {path}: {reason}",
        "fr": "impossible de lire {path} : {reason}",
    },
    "feeds.db.newer": {
        "en": "{path} was written by a newer tui-reader (schema {version}): left as it is",
        "fr": "{path} a été écrit par une version plus récente de tui-reader (schéma {version}) : laissé tel quel",
    },
    "feeds.db.not_moved": {
        "en": "{path} is damaged and could not be moved aside: {reason}",
        "fr": "{path} est endommagé et n'a pas pu être mis de côté : {reason}",
    },
    "feeds.db.rebuilt": {
        "en": "The feeds database {path} was damaged ({reason}): moved to {moved_to} and rebuilt from the feeds list ({count} feeds).",
        "fr": "La base des flux {path} était endommagée ({reason}) : déplacée dans {moved_to} et reconstruite depuis la liste des flux ({count} flux).",
    },
    # --- reader sync ----------------------------------------------------------------------
    "sync.cli.help": {
        "en": "fetch every feed, refresh comments, send the outbox",
        "fr": "relever tous les flux, rafraîchir les commentaires, envoyer les commentaires prêts",
    },
    "sync.cli.description": {
        "en": "Fetch every feed and save its new articles, refresh the comment threads of articles read in the last 30 days, then send ready comments and check held ones.",
        "fr": "Relever chaque flux et enregistrer ses nouveaux articles, rafraîchir les commentaires des articles lus ces 30 derniers jours, puis envoyer les commentaires prêts et vérifier ceux en attente.",
    },
    "sync.cli.no_send_help": {
        "en": "do not send the outbox nor check held comments",
        "fr": "ne pas envoyer les commentaires prêts ni vérifier ceux en attente",
    },
    "sync.cli.into_help": {
        "en": "the folder to save articles into (default: the library)",
        "fr": "le dossier où enregistrer les articles (par défaut : la bibliothèque)",
    },
    "sync.no_feeds": {
        "en": "No feeds to sync yet (reader feeds add URL).",
        "fr": "Aucun flux à synchroniser pour l'instant (reader feeds add URL).",
    },
    "sync.interrupted": {
        "en": "Interrupted: what finished is kept; `reader sync` goes on from there.",
        "fr": "Interrompu : ce qui était fini est gardé ; `reader sync` reprendra à partir de là.",
    },
    "sync.phase.feeds": {"en": "Feeds", "fr": "Flux"},
    "sync.phase.comments": {"en": "Comments", "fr": "Commentaires"},
    "sync.phase.outbox": {"en": "Outbox", "fr": "Envoi"},
    "sync.feed.new": {
        "en": ("{title}: {count} new article", "{title}: {count} new articles"),
        "fr": ("{title} : {count} nouvel article", "{title} : {count} nouveaux articles"),
    },
    "sync.feed.unchanged": {"en": "{title}: nothing new", "fr": "{title} : rien de nouveau"},
    "sync.feed.failed": {"en": "{title}: failed, {reason}", "fr": "{title} : échec, {reason}"},
    "sync.thread.new": {
        "en": ("{name}: {count} new comment", "{name}: {count} new comments"),
        "fr": ("{name} : {count} nouveau commentaire", "{name} : {count} nouveaux commentaires"),
    },
    "sync.thread.failed": {
        "en": "{name}: comments not refreshed, {reason}",
        "fr": "{name} : commentaires non rafraîchis, {reason}",
    },
    "sync.summary.articles": {
        "en": ("{count} new article", "{count} new articles"),
        "fr": ("{count} nouvel article", "{count} nouveaux articles"),
    },
    "sync.summary.from_feeds": {
        "en": ("from {count} feed", "from {count} feeds"),
        "fr": ("de {count} flux", "de {count} flux"),
    },
    "sync.summary.comments": {
        "en": ("{count} new comment", "{count} new comments"),
        "fr": ("{count} nouveau commentaire", "{count} nouveaux commentaires"),
    },
    "sync.summary.sent": {
        "en": ("{count} comment sent", "{count} comments sent"),
        "fr": ("{count} commentaire envoyé", "{count} commentaires envoyés"),
    },
    "sync.summary.held": {
        "en": ("({count} held for moderation)", "({count} held for moderation)"),
        "fr": ("({count} en attente de modération)", "({count} en attente de modération)"),
    },
    "sync.summary.not_sent": {
        "en": ("{count} comment not sent", "{count} comments not sent"),
        "fr": ("{count} commentaire non envoyé", "{count} commentaires non envoyés"),
    },
    "sync.summary.published": {
        "en": ("{count} held comment now published", "{count} held comments now published"),
        "fr": (
            "{count} commentaire en attente désormais publié",
            "{count} commentaires en attente désormais publiés",
        ),
    },
    "sync.summary.threads_failed": {
        "en": ("{count} comment thread not refreshed", "{count} comment threads not refreshed"),
        "fr": (
            "{count} fil de commentaires non rafraîchi",
            "{count} fils de commentaires non rafraîchis",
        ),
    },
    "sync.summary.feeds_failed": {
        "en": ("{count} feed failed: {reasons}", "{count} feeds failed: {reasons}"),
        "fr": ("{count} flux en échec : {reasons}", "{count} flux en échec : {reasons}"),
    },
    # --- in the app -----------------------------------------------------------------------
    "keys.sync": {"en": "Sync", "fr": "Synchroniser"},
    "help.sync": {
        "en": "Sync feeds: new articles, comments, send the outbox",
        "fr": "Synchroniser les flux : nouveaux articles, commentaires, envoi",
    },
    "palette.cmd.sync": {"en": "Sync feeds", "fr": "Synchroniser les flux"},
    "sync.app.running": {
        "en": "A sync is already running.",
        "fr": "Une synchronisation est déjà en cours.",
    },
}
