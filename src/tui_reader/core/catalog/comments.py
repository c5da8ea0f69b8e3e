"""tui-reader's own words about comments: the composer, the drafts store, screen and CLI."""

from __future__ import annotations

from tui_reader.core.catalog.entry import Entry

STRINGS: dict[str, Entry] = {
    # --- composer (issue 3) ----------------------------------------------------------------
    "composer.comment_on": {"en": "Comment on: {section}", "fr": "Commentaire sur : {section}"},
    "composer.close": {"en": "Close", "fr": "Fermer"},
    # The counter of the comment's size (form language); numbers already grouped.
    "composer.counter": {"en": "{used} / {limit} bytes", "fr": "{used} / {limit} octets"},
    # The composer's own messages (interface language, not the site's form).
    "composer.key.post": {"en": "Post", "fr": "Publier"},
    "composer.key.editor": {"en": "Editor", "fr": "Éditeur"},
    "composer.key.quote": {"en": "Quote", "fr": "Citer"},
    "composer.key.new": {"en": "New draft", "fr": "Nouveau brouillon"},
    "composer.key.close": {"en": "Close", "fr": "Fermer"},
    "composer.state.unsaved": {"en": "not saved yet", "fr": "pas encore enregistré"},
    "composer.state.saved": {"en": "saved at {time}", "fr": "enregistré à {time}"},
    "composer.state.save_failed": {"en": "not saved", "fr": "non enregistré"},
    "composer.state.line": {"en": "{status} · {state}", "fr": "{status} · {state}"},
    "composer.posted": {
        "en": "Comment ready: s on the drafts screen (d) sends it, or reader send.",
        "fr": "Commentaire prêt : s dans les brouillons (d) l'envoie, ou reader send.",
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
    "composer.read_only.sending": {
        "en": "This comment is being sent: it can be read here, not changed.",
        "fr": "Ce commentaire est en cours d'envoi : lisible ici, pas modifiable.",
    },
    "composer.read_only.no_article": {
        "en": "The article of this draft is not available ({path}): the draft is shown read-only.",
        "fr": (
            "L'article de ce brouillon est introuvable ({path}) : "
            "le brouillon est affiché en lecture seule."
        ),
    },
    "composer.close_blocked": {
        "en": "The draft could not be saved, so the composer stays open: your text is not lost.",
        "fr": (
            "Le brouillon n'a pas pu être enregistré, la fenêtre reste ouverte : "
            "votre texte n'est pas perdu."
        ),
    },
    # Quitting while a comment cannot be saved (issue 16): refused once, then a copy.
    "composer.quit_blocked": {
        "en": (
            "The comment could not be saved, so tui-reader stays open: free some space and "
            "quit again, or press Ctrl+Q again to quit anyway, keeping a copy of the comment "
            "in a temporary folder."
        ),
        "fr": (
            "Le commentaire n'a pas pu être enregistré, tui-reader reste ouvert : libérez de "
            "la place et quittez à nouveau, ou appuyez encore sur Ctrl+Q pour quitter quand "
            "même en gardant une copie du commentaire dans un dossier temporaire."
        ),
    },
    "composer.emergency_kept": {
        "en": (
            "The comment could not be saved with the drafts: a copy is in {path} "
            "(put it in {drafts} to open it again)."
        ),
        "fr": (
            "Le commentaire n'a pas pu être enregistré avec les brouillons : une copie est "
            "dans {path} (placez-la dans {drafts} pour le rouvrir)."
        ),
    },
    "composer.emergency_failed": {
        "en": "The comment could not be saved anywhere. Here it is:\n{comment}",
        "fr": "Le commentaire n'a pu être enregistré nulle part. Le voici :\n{comment}",
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
    # --- drafts store, drafts screen and drafts CLI (issue 3) ------------------------------
    "drafts.status.draft": {"en": "draft", "fr": "brouillon"},
    "drafts.status.ready": {"en": "ready", "fr": "prêt"},
    "drafts.status.sent": {"en": "sent", "fr": "envoyé"},
    "drafts.status.sending": {"en": "sending", "fr": "en cours d'envoi"},
    "drafts.status.failed": {"en": "failed", "fr": "refusé"},
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
    # Files that could not be loaded (core.comments.drafts); params: path, moved_to, reason, schema.
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
    # Save errors (core.comments.drafts): the draft stays in memory; params: reason.
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
    # The remember-me identity (core.comments.identity).
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
        "en": (
            "{count} ready draft checked, {failing} with errors.",
            "{count} ready drafts checked, {failing} with errors.",
        ),
        "fr": (
            "{count} brouillon prêt vérifié, {failing} avec des erreurs.",
            "{count} brouillons prêts vérifiés, {failing} avec des erreurs.",
        ),
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
