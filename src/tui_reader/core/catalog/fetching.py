"""Fetching articles and comment threads (`reader fetch`, `reader comments`, `reader reply`,
core.web): what was fetched, what failed and why."""

from __future__ import annotations

from tui_reader.core.catalog.entry import Entry

STRINGS: dict[str, Entry] = {
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
    # --- the thread in the app (ui.reading.comments_part) and the fetch dialog -------------
    "thread.reply_where": {
        "en": "r answers the comment at the top of the view: the comments follow the article (n and p move from one to the next)",
        "fr": "r répond au commentaire en haut de la vue : les commentaires suivent l'article (n et p passent de l'un à l'autre)",
    },
    "thread.reply_held": {
        "en": "This comment is not published yet: it cannot be answered.",
        "fr": "Ce commentaire n'est pas encore publié : on ne peut pas y répondre.",
    },
    "thread.none": {
        "en": "This article has no saved comment thread (articles fetched from a site have one).",
        "fr": "Cet article n'a pas de fil de commentaires enregistré (les articles récupérés d'un site en ont un).",
    },
    "thread.updating": {
        "en": "Fetching the comments from the site…",
        "fr": "Récupération des commentaires sur le site…",
    },
    "thread.busy": {
        "en": "The comments are being fetched already.",
        "fr": "Les commentaires sont déjà en cours de récupération.",
    },
    "thread.unchanged": {
        "en": ("No new comment ({count} comment)", "No new comment ({count} comments)"),
        "fr": (
            "Pas de nouveau commentaire ({count} commentaire)",
            "Pas de nouveau commentaire ({count} commentaires)",
        ),
    },
    "thread.updated": {
        "en": (
            "{count} new comment ({total} in all), marked new",
            "{count} new comments ({total} in all), marked new",
        ),
        "fr": (
            "{count} nouveau commentaire ({total} en tout), marqué nouveau",
            "{count} nouveaux commentaires ({total} en tout), marqués nouveaux",
        ),
    },
    "thread.not_updated": {
        "en": "The comments were not updated (nothing changed): {reason}",
        "fr": "Les commentaires n'ont pas été mis à jour (rien n'a changé) : {reason}",
    },
    "fetch.dialog.title": {"en": "Fetch an article", "fr": "Récupérer un article"},
    "fetch.dialog.prompt": {
        "en": "The article's address (http or https), typed or pasted; Enter fetches it, with its comments, into the library.",
        "fr": "L'adresse de l'article (http ou https), tapée ou collée ; Entrée le récupère, avec ses commentaires, dans la bibliothèque.",
    },
    "fetch.dialog.fetch": {"en": "Fetch", "fr": "Récupérer"},
    "fetch.dialog.cancel": {"en": "Cancel", "fr": "Annuler"},
    "fetch.dialog.fetching": {"en": "Fetching {url}…", "fr": "Récupération de {url}…"},
    "fetch.dialog.empty": {
        "en": "Type or paste the address of an article.",
        "fr": "Tapez ou collez l'adresse d'un article.",
    },
    "palette.cmd.fetch": {"en": "Fetch an article…", "fr": "Récupérer un article…"},
    "keys.fetch": {"en": "Fetch", "fr": "Récupérer"},
    "keys.reply": {"en": "Reply", "fr": "Répondre"},
    "keys.refresh_comments": {"en": "Comments again", "fr": "Relire les commentaires"},
    "help.reply": {
        "en": "Reply to the comment at the top of the view (highlighted; n p move by comment in the comments)",
        "fr": "Répondre au commentaire en haut de la vue (surligné ; n p passent d'un commentaire à l'autre)",
    },
    "help.refresh_comments": {
        "en": "Fetch the comments again (new ones are marked)",
        "fr": "Récupérer à nouveau les commentaires (les nouveaux sont marqués)",
    },
    "help.library.fetch": {
        "en": "Fetch an article from the web (its address typed or pasted)",
        "fr": "Récupérer un article du web (son adresse tapée ou collée)",
    },
}
