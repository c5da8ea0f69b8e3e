"""The thread as the reading screen lays it out (core.web.thread_layout): bounded indentation,
local dates, the "new", "held" and "yours" marks, inert text, a page without a thread."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.web.test_thread_model import comment, thread
from tui_reader.core.web.saved_article import write_thread
from tui_reader.core.web.thread import Thread
from tui_reader.core.web.thread_layout import MAX_DEPTH, load_layout, local_date, thread_layout


@pytest.fixture
def paris(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def sent(text: str, parent: int, comment_id: int | None, source: str) -> SimpleNamespace:
    """A sent outbox draft, as core.web.thread.own_comments reads it."""
    return SimpleNamespace(
        status="sent",
        posted=SimpleNamespace(comment_id=comment_id, at="2026-11-02T08:00:00Z", link=""),
        article=SimpleNamespace(source_url=source),
        comment_parent=parent,
        author="Me",
        comment=text,
    )


def test_replies_are_indented_up_to_a_bound() -> None:
    chain = [comment(2)] + [comment(n, n - 1, minute=n) for n in range(3, 3 + MAX_DEPTH + 4)]
    layout = thread_layout(thread(*chain, comment(40, minute=59)))
    depths = [block.depth for block in layout.blocks]
    assert depths == [*range(MAX_DEPTH + 1), *[MAX_DEPTH] * 4, 0]
    assert [b.comment_id for b in layout.blocks][-1] == 40
    assert layout.count == len(chain) + 1


def test_dates_are_local(paris: None) -> None:
    assert local_date("2026-11-30T09:56:36") == "2026-11-30 10:56"  # UTC+1 in winter
    assert local_date("2026-07-01T09:56:36") == "2026-07-01 11:56"
    assert local_date("") == "" and local_date("yesterday") == ""


def test_new_comments_are_marked_since_the_previous_fetch() -> None:
    old = comment(2, seen="2026-11-01T00:00:00Z")
    fresh = comment(3, 2, minute=5, seen="2026-11-02T00:00:00Z")
    layout = thread_layout(thread(old, fresh, previous="2026-11-01T12:00:00Z"))
    assert [(b.comment_id, b.marks) for b in layout.blocks] == [(2, ()), (3, ("comments.new",))]
    assert layout.new_count == 1
    # The first fetch: nothing is new.
    assert thread_layout(thread(old, fresh)).new_count == 0


def test_own_comments_held_until_published_and_not_answerable() -> None:
    base = thread(comment(2), comment(3, minute=3))
    source = base.source
    drafts = [
        sent("Held reply", 2, 77, source),  # not public yet
        sent("Published one", 0, 3, source),  # comment 3 is mine
        sent("Elsewhere", 0, 9, "https://other.example/"),
    ]
    blocks = thread_layout(base, drafts).blocks
    assert [(b.comment_id, b.depth, b.marks) for b in blocks] == [
        (2, 0, ()),
        (77, 1, ("comments.held", "comments.yours")),
        (3, 0, ("comments.yours",)),
    ]
    assert [b.can_reply for b in blocks] == [True, False, True]


def test_text_and_names_are_inert() -> None:
    hostile = comment(2)
    hostile = type(hostile)(
        **{**hostile.to_dict(), "author": "Eve\x1b[2J\nBis", "text": "hi \x1b]8;;x\x07 there"}
    )
    block = thread_layout(thread(hostile)).blocks[0]
    assert "\x1b" not in block.author and "\n" not in block.author
    assert block.author.startswith("Eve") and block.author.endswith("Bis")
    assert "\x1b" not in block.text and "\x07" not in block.text


def test_a_page_without_a_comment_form_has_no_thread(tmp_path: Path) -> None:
    article = tmp_path / "page.md"
    article.write_text("# Page\n", "utf-8")
    assert load_layout(article) is None  # no thread file: nothing shown
    write_thread(article, Thread(source="https://x.example/", post_id=0, api="", fetched="t"))
    layout = load_layout(article)
    assert layout is not None and not layout.available and layout.blocks == []
    write_thread(article, thread())
    layout = load_layout(article)
    assert layout is not None and layout.available and layout.count == 0
