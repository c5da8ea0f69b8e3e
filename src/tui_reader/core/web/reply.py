"""A reply to a comment of a fetched article: an outbox draft whose `comment_parent` is that
comment, and whose destination is the comment form saved at fetch time, so that it is
validated and queued offline, and `reader send` posts it as a WordPress reply without
reading the page again."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.core.comments.drafts import Draft, DraftStore, SaveResult, Status
from tui_reader.core.comments.identity import Identity
from tui_reader.core.comments.validation import FieldError, validate
from tui_reader.core.web.saved_article import destination_of
from tui_reader.core.web.thread import Comment, read_thread

if TYPE_CHECKING:
    from tui_reader.core.article.model import Article


class ReplyError(ValueError):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(slots=True)
class ReplyResult:
    draft: Draft
    parent: Comment
    saved: SaveResult
    errors: list[FieldError] = field(default_factory=list)  # empty: the draft is ready


def find_comment(article: Path, comment_id: int) -> Comment:
    thread = read_thread(article)
    for comment in thread.comments if thread else []:
        if comment.id == comment_id:
            return comment
    raise ReplyError("reply.no_comment", id=comment_id, path=str(article))


def reply_draft(
    store: DraftStore,
    article: Article,
    article_path: Path,
    parent: Comment,
    *,
    identity: Identity | None = None,
) -> Draft:
    """A new reply draft on `parent`, in memory (nothing written): on the article's lead
    section, with the comment form saved at fetch time as its destination."""
    destination = destination_of(article_path, article.source_url)
    if destination is None or not article.source_url or not article.sections:
        raise ReplyError("reply.no_form", path=str(article_path))
    lead = article.sections[0]
    draft = store.new_on(article, lead, section_title=article.title, identity=identity)
    draft.comment_parent = parent.id
    draft.destination = destination
    return draft


def new_reply(
    store: DraftStore,
    article_path: Path,
    comment_id: int,
    *,
    identity: Identity | None = None,
    text: str = "",
    ready: bool = True,
) -> ReplyResult:
    """A reply draft on `comment_id`, saved; marked ready when `ready` and it passes the rules."""
    from tui_reader.core.article.model import load_article

    parent = find_comment(article_path, comment_id)
    article = load_article(article_path)
    draft = reply_draft(store, article, article_path, parent, identity=identity)
    draft.comment = text
    errors = validate(draft.fields(), draft.lang, article.require_name_email)
    if ready and not errors:
        draft.status = Status.READY
    return ReplyResult(draft, parent, store.save(draft), errors)
