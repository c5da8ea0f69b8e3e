"""What the comment form says about where a draft goes (core.web.destination_note)."""

from __future__ import annotations

import pytest

from tui_reader.core.comments.drafts import Draft, DraftStore
from tui_reader.core.web.destination import Destination
from tui_reader.core.web.destination_note import destination_note


def draft_on(source: str | None, lang: str = "en") -> Draft:
    return DraftStore().new(
        article_path="/a.md", article_title="A", source_url=source, text_hash="0" * 64,
        lang=lang, section_slug="s", section_title="S",
    )  # fmt: skip


NOWHERE_EN = (
    "This article has no web address: the comment cannot be sent from here "
    "(export it: reader drafts export)."
)
NOWHERE_FR = (
    "Cet article n'a pas d'adresse web : le commentaire ne peut pas être envoyé d'ici "
    "(exportez-le : reader drafts export)."
)
PLAIN_HTTP = "Sent to example.org — plain http: your name and e-mail travel unencrypted"


@pytest.mark.parametrize(
    ("source", "lang", "note", "warning"),
    [
        ("https://exemple.fr/p/", "fr", "Envoyé à exemple.fr", False),
        ("https://example.org:8443/p/", "en", "Sent to example.org:8443", False),
        ("http://example.org/p/", "en", PLAIN_HTTP, True),
        (None, "en", NOWHERE_EN, True),
        ("file:///tmp/a.html", "fr", NOWHERE_FR, True),
    ],
)
def test_the_note_names_the_host_or_why_not(
    source: str | None, lang: str, note: str, warning: bool
) -> None:
    assert destination_note(draft_on(source, lang), lang) == (note, warning)


def test_the_forms_own_host_is_named_when_known() -> None:
    draft = draft_on("https://blog.example.org/p/")
    draft.destination = Destination(
        "https://blog.example.org/p/", "http://comments.example.net/post.php", 3
    )
    text, warning = destination_note(draft, "en")
    assert text.startswith("Sent to comments.example.net — plain http") and warning
