"""What the comment form says about where a draft will go (pure: no network, no Textual)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_reader.core.catalog import t
from tui_reader.core.web.destination import host_of, is_web_url

if TYPE_CHECKING:
    from tui_reader.core.comments.drafts import Draft


def destination_note(draft: Draft, lang: str) -> tuple[str, bool]:
    """("Sent to exemple.fr", False); with plain http, the warning that name and e-mail travel
    unencrypted (True: a warning); without a web address, that it cannot be sent from here."""
    source = draft.article.source_url or ""
    destination = draft.destination
    if destination is None and not is_web_url(source):
        return t("composer.send_nowhere", lang), True
    # The form's host when known: that is where the name and e-mail go.
    host = destination.action_host if destination is not None else host_of(source)
    note = t("composer.send_to", lang, host=host)
    insecure = destination.insecure if destination is not None else source.startswith("http:")
    if insecure:
        return f"{note} — {t('composer.send_insecure', lang)}", True
    return note, False
