"""WordPress's own words: the comment form of the site and its error messages, as
WordPress writes them (fr_FR for French). Change them only to follow WordPress."""

from __future__ import annotations

from tui_reader.core.catalog.entry import Entry

STRINGS: dict[str, Entry] = {
    "composer.title": {"en": "Leave a Reply", "fr": "Laisser un commentaire"},
    # The label of WordPress's reply link ("Reply to %s"), the form's title for a reply.
    "composer.title_reply": {"en": "Reply to {author}", "fr": "Répondre à {author}"},
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
    # Validation (core.comments.validation): WordPress's own messages (fr_FR), without their prefix.
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
    # WordPress's answer when comments are closed (wp-comments-post.php).
    "composer.closed": {
        "en": "Sorry, comments are closed for this item.",
        "fr": "Désolé, les commentaires sont fermés pour cet élément.",
    },
}
