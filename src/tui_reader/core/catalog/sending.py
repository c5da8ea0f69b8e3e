"""Sending comments to the site (`reader send`, core.web): what happened to each draft."""

from __future__ import annotations

from tui_reader.core.catalog.entry import Entry

STRINGS: dict[str, Entry] = {
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
        # Several counts in one line: a label before each number needs no agreement with it.
        "fr": "envoyés : {sent} ; non envoyés : {failed} ; laissés tels quels : {other}.",
    },
    "send.cli.check_summary": {
        "en": "{checked} checked: {published} published, {held} awaiting moderation.",
        "fr": "vérifiés : {checked} ; publiés : {published} ; en attente de modération : {held}.",
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
    # --- in the app: the outbox (ui.comments.outbox_runner), the drafts and reading screens ---
    "drafts.key.send": {"en": "Send", "fr": "Envoyer"},
    "drafts.key.send_all": {"en": "Send all", "fr": "Tout envoyer"},
    "drafts.key.check": {"en": "Check", "fr": "Vérifier"},
    "drafts.key.browser": {"en": "Link", "fr": "Lien"},
    "keys.send_comments": {"en": "Send", "fr": "Envoyer"},
    "palette.cmd.send_comments": {
        "en": "Send this article's ready comments",
        "fr": "Envoyer les commentaires prêts de cet article",
    },
    "help.drafts.send": {
        "en": "Send the selected ready comment to its site",
        "fr": "Envoyer le commentaire prêt sélectionné à son site",
    },
    "help.drafts.send_all": {
        "en": "Send every ready comment",
        "fr": "Envoyer tous les commentaires prêts",
    },
    "help.drafts.check": {
        "en": "Ask the sites whether comments awaiting moderation are published",
        "fr": "Demander aux sites si les commentaires en attente de modération sont publiés",
    },
    "help.drafts.browser": {
        "en": "Open a sent comment in the browser",
        "fr": "Ouvrir un commentaire envoyé dans le navigateur",
    },
    "help.send_comments": {
        "en": "Send this article's ready comments",
        "fr": "Envoyer les commentaires prêts de cet article",
    },
    "drafts.status.sending_now": {"en": "sending…", "fr": "envoi…"},
    "outbox.sending": {
        "en": ("Sending {count} comment…", "Sending {count} comments…"),
        "fr": ("Envoi de {count} commentaire…", "Envoi de {count} commentaires…"),
    },
    "outbox.progress": {"en": "{done}/{total} · {line}", "fr": "{done}/{total} · {line}"},
    "outbox.already_busy": {
        "en": "Already being sent.",
        "fr": "Déjà en cours d'envoi.",
    },
    "outbox.not_ready": {
        "en": "Only a ready comment is sent (this one is {status}): r marks it ready.",
        "fr": "Seul un commentaire prêt est envoyé (celui-ci est {status}) : r le marque prêt.",
    },
    "outbox.article_none": {
        "en": "No ready comment on this article to send.",
        "fr": "Aucun commentaire prêt à envoyer sur cet article.",
    },
    "outbox.broken": {
        "en": "Sending stopped: {reason}. The drafts are kept; try again.",
        "fr": "Envoi interrompu : {reason}. Les brouillons sont conservés ; réessayez.",
    },
    "outbox.checking": {
        "en": "Asking the sites about comments awaiting moderation…",
        "fr": "Interrogation des sites sur les commentaires en attente de modération…",
    },
    "outbox.already_checking": {
        "en": "Already checking.",
        "fr": "Vérification déjà en cours.",
    },
    "outbox.confirm_foreign": {
        "en": "The comment form of {site} posts to another host, {host}. Send the comment (with your name and e-mail) to {host}?",
        "fr": "Le formulaire de commentaire de {site} envoie à un autre hôte, {host}. Envoyer le commentaire (avec votre nom et votre e-mail) à {host} ?",
    },
    "outbox.foreign_declined": {
        "en": "Not sent; the comment stays ready: {reason}",
        "fr": "Non envoyé ; le commentaire reste prêt : {reason}",
    },
    "outbox.offer": {
        "en": (
            "{count} ready comment can be sent now. Send it?",
            "{count} ready comments can be sent now. Send them?",
        ),
        "fr": (
            "{count} commentaire prêt peut être envoyé maintenant. L'envoyer ?",
            "{count} commentaires prêts peuvent être envoyés maintenant. Les envoyer ?",
        ),
    },
    "outbox.offer_hint": {
        "en": (
            "{count} ready comment can be sent: d, then S.",
            "{count} ready comments can be sent: d, then S.",
        ),
        "fr": (
            "{count} commentaire prêt peut être envoyé : d, puis S.",
            "{count} commentaires prêts peuvent être envoyés : d, puis S.",
        ),
    },
    "outbox.no_link": {
        "en": "This comment has no address on the site yet.",
        "fr": "Ce commentaire n'a pas encore d'adresse sur le site.",
    },
    "outbox.being_sent": {
        "en": "This comment is being sent: it cannot be deleted now.",
        "fr": "Ce commentaire est en cours d'envoi : impossible de le supprimer maintenant.",
    },
    "outbox.last_attempt": {
        "en": "Last attempt, {time}: {what}",
        "fr": "Dernière tentative, {time} : {what}",
    },
    "outbox.field": {"en": "field: {field}", "fr": "champ : {field}"},
    "outbox.posted_at": {
        "en": "On the site since {time}: {link}",
        "fr": "Sur le site depuis {time} : {link}",
    },
    # --- the composer: where the comment goes -------------------------------------------------
    "composer.send_to": {"en": "Sent to {host}", "fr": "Envoyé à {host}"},
    "composer.send_insecure": {
        "en": "plain http: your name and e-mail travel unencrypted",
        "fr": "http simple : votre nom et votre e-mail circulent en clair",
    },
    "composer.send_nowhere": {
        "en": "This article has no web address: the comment cannot be sent from here (export it: reader drafts export).",
        "fr": "Cet article n'a pas d'adresse web : le commentaire ne peut pas être envoyé d'ici (exportez-le : reader drafts export).",
    },
}
