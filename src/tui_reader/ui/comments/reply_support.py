"""Replies to a comment of a fetched article's thread, in the composer (`r` on the reading
screen): the draft carries `comment_parent` and the comment form saved at fetch time
(core.web.reply), the form is titled as WordPress titles it ("Reply to Ada"), and Ctrl+O quotes
the comment answered rather than the article."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.core.catalog import t
from tui_reader.ui.comments.composer_screen import ComposerContext
from tui_reader.ui.comments.drafts_support import load_saved_identity
from tui_reader.ui.shell import shell

if TYPE_CHECKING:
    from textual.app import App

    from tui_reader.core.article.model import Article
    from tui_reader.core.comments.drafts import Draft
    from tui_reader.core.web.thread import Comment


def _parent(article: Article, comment_id: int) -> Comment | None:
    from tui_reader.core.web.reply import ReplyError, find_comment

    if article.path is None:
        return None
    try:
        return find_comment(Path(article.path), comment_id)
    except ReplyError:
        return None


def reply_draft_for(app: App[object], article: Article, comment_id: int) -> Draft | None:
    """The reader's reply to `comment_id` not posted yet, else a new one (in memory); None
    when no reply can be written (said in a notice)."""
    from tui_reader.core.comments.drafts import Status
    from tui_reader.core.web.reply import ReplyError, reply_draft

    lang = shell(app).lang
    if article.comments_closed:
        app.notify(t("composer.closed", article.lang), severity="warning")
        return None
    parent = _parent(article, comment_id)
    if parent is None or article.path is None:
        app.notify(t("thread.reply_held", lang), severity="warning")
        return None
    store = shell(app).drafts
    loaded = store.load_all()
    shell(app).report(loaded.problems)
    for draft in loaded.drafts:  # newest first
        if (
            draft.comment_parent == comment_id
            and draft.status == Status.DRAFT
            and draft.article.source_url == article.source_url
        ):
            return draft
    try:
        identity = load_saved_identity(app, lang)
        return reply_draft(store, article, Path(article.path), parent, identity=identity)
    except ReplyError as error:
        app.notify(t(error.key, lang, **error.params), severity="warning")
        return None


def composer_context(
    app: App[object],
    article: Article,
    draft: Draft,
    section: tuple[str, str],
    top_paragraph: Callable[[], str],
) -> ComposerContext:
    """What the composer knows of where it was opened: for a reply, the comment answered."""
    slug, title = section
    parent = _parent(article, draft.comment_parent) if draft.comment_parent else None
    if parent is None:
        return ComposerContext(article, slug, title, top_paragraph)
    text = parent.text

    def new_reply() -> Draft | None:  # Ctrl+N: another reply to the same comment
        from tui_reader.core.web.reply import ReplyError, reply_draft

        assert parent is not None and article.path is not None
        identity = load_saved_identity(app, shell(app).lang)
        try:
            return reply_draft(
                shell(app).drafts, article, Path(article.path), parent, identity=identity
            )
        except ReplyError:
            return None

    return ComposerContext(
        article,
        draft.section.slug,
        draft.section.title,
        lambda: text,
        reply_to=parent.author,
        new_reply=new_reply,
    )
