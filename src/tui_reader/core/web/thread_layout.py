"""The comment thread as the reading screen lays it out after the article: one block per
comment, in thread order (core.web.thread.thread_view), indented by depth up to a bound, with
the author, the local date and the marks ("new", "held for moderation", "yours").

Pure Python and cheap to import: the reading screen builds it in a thread after the first
paint. Every text here comes from the sidecar file, which anyone can edit: it is made inert
(control characters, escape sequences) like article text, and rendered as Markdown like it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui_reader.core.comments.drafts import parse_time
from tui_reader.core.sanitize import make_inert, one_line_field
from tui_reader.core.web.thread import Thread, own_comments, read_thread, thread_view

# Replies deeper than this are drawn at this depth: a 40-deep thread must stay readable.
MAX_DEPTH = 5
INDENT = 3  # columns per level ("│  ")


@dataclass(frozen=True, slots=True)
class CommentBlock:
    comment_id: int  # 0 for one of the reader's comments the site has not numbered yet
    parent: int
    depth: int  # bounded by MAX_DEPTH
    author: str
    when: str  # local time, "2026-11-30 10:56" ("" when the site gave no date)
    text: str  # Markdown
    marks: tuple[str, ...] = ()  # catalog keys: comments.new, comments.held, comments.yours

    @property
    def source(self) -> str:
        """What the view estimates the block's height from before rendering it."""
        return self.text + "\n\n"

    @property
    def can_reply(self) -> bool:
        """A held comment is not public: the site would refuse a reply to it."""
        return bool(self.comment_id) and "comments.held" not in self.marks

    @property
    def new(self) -> bool:
        return "comments.new" in self.marks


@dataclass(frozen=True, slots=True)
class ThreadLayout:
    blocks: list[CommentBlock]
    available: bool = True  # False: the page had no comment form (no thread at all)

    @property
    def count(self) -> int:
        return len(self.blocks)

    @property
    def new_count(self) -> int:
        return sum(1 for block in self.blocks if block.new)

    def find(self, comment_id: int) -> CommentBlock | None:
        return next((b for b in self.blocks if b.comment_id == comment_id), None)


def local_date(date_gmt: str) -> str:
    """WordPress's `date_gmt` ("2026-11-30T09:56:36", UTC) in local time: "2026-11-30 10:56"."""
    moment = parse_time(date_gmt) if date_gmt else None
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


def thread_layout(thread: Thread, drafts: Iterable[Any] = ()) -> ThreadLayout:
    """The blocks of `thread`, with the reader's own sent comments (outbox drafts) in it."""
    if not thread.api and not thread.comments:
        return ThreadLayout([], available=False)
    blocks: list[CommentBlock] = []
    for entry in thread_view(thread, own_comments(drafts, thread.source)):
        c = entry.comment
        marks = [
            key
            for key, on in (
                ("comments.new", c.new),
                ("comments.held", c.held),
                ("comments.yours", c.mine),
            )
            if on
        ]
        blocks.append(
            CommentBlock(
                comment_id=c.id,
                parent=c.parent,
                depth=min(entry.depth, MAX_DEPTH),
                author=one_line_field(c.author).replace("\n", " ").strip() or "?",
                when=local_date(c.date_gmt),
                text=make_inert(c.text).strip(),
                marks=tuple(marks),
            )
        )
    return ThreadLayout(blocks)


def load_layout(article: Path, drafts: Iterable[Any] = ()) -> ThreadLayout | None:
    """The saved thread of `article` laid out; None when it has no (readable) thread file."""
    thread = read_thread(article)
    return None if thread is None else thread_layout(thread, drafts)
