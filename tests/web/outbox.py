"""Ready drafts for the send tests, saved in the (isolated) drafts directory."""

from __future__ import annotations

import json

from tui_reader.core.comments.drafts import Draft, DraftStore, Status


def ready_draft(
    store: DraftStore,
    source_url: str | None,
    *,
    comment: str = "A thoughtful comment about water.",
    author: str = "Ada Lovelace",
    email: str = "ada@example.org",
    url: str = "",
    consent: bool = True,
    lang: str = "en",
    parent: int = 0,
) -> Draft:
    draft = store.new(
        article_path="/articles/post.md",
        article_title="A post",
        source_url=source_url,
        text_hash="0" * 64,
        lang=lang,
        section_slug="intro",
        section_title="Intro",
    )
    draft.comment, draft.author, draft.email, draft.url = comment, author, email, url
    draft.consent = consent
    draft.comment_parent = parent
    draft.status = Status.READY
    assert store.save(draft).ok
    return draft


def on_disk(store: DraftStore, draft_id: str) -> dict:
    return json.loads(store.path_for(draft_id).read_text("utf-8"))
