"""The comment thread's pure model (core.web.thread): order, indentation, new and held marks,
the sidecar file read back, and saved names (core.web.saved_article)."""

from __future__ import annotations

import json
from pathlib import Path

from tui_reader.core.web.saved_article import slug_for, slugify
from tui_reader.core.web.thread import (
    Comment,
    OwnComment,
    Thread,
    read_thread,
    sidecar_path,
    thread_view,
)


def comment(
    cid: int, parent: int = 0, minute: int = 0, seen: str = "2026-11-01T00:00:00Z"
) -> Comment:
    return Comment(
        id=cid,
        parent=parent,
        author=f"author {cid}",
        author_url="",
        date_gmt=f"2026-11-01T10:{minute:02d}:00",
        link=f"https://blog.example/post/#comment-{cid}",
        text=f"text {cid}",
        first_seen=seen,
    )


def thread(*comments: Comment, previous: str | None = None) -> Thread:
    return Thread(
        source="https://blog.example/post/",
        post_id=7,
        api="https://blog.example/wp-json",
        fetched="2026-11-02T00:00:00Z",
        previous_fetch=previous,
        comments=list(comments),
    )


def shape(entries: list) -> list[tuple[int, int]]:
    return [(entry.comment.id, entry.depth) for entry in entries]


def test_replies_follow_their_comment_oldest_first_indented() -> None:
    view = thread_view(
        thread(
            comment(1, minute=0),
            comment(2, minute=1),
            comment(3, parent=1, minute=2),
            comment(4, parent=3, minute=3),
            comment(5, parent=1, minute=4),
            comment(6, parent=99, minute=5),  # its parent is not public: shown at the top
        )
    )
    assert shape(view) == [(1, 0), (3, 1), (4, 2), (5, 1), (2, 0), (6, 0)]


def test_a_deep_thread_needs_no_recursion() -> None:
    chain = [comment(1)] + [comment(i, parent=i - 1, minute=i % 60) for i in range(2, 3001)]
    view = thread_view(thread(*chain))
    assert len(view) == 3000 and view[-1].depth == 2999


def test_new_comments_are_those_first_seen_after_the_previous_fetch() -> None:
    old, new = "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"
    view = thread_view(
        thread(comment(1, seen=old), comment(2, 1, 1, seen=new), previous="2026-11-01T00:00:00Z")
    )
    assert [(e.comment.id, e.comment.new) for e in view] == [(1, False), (2, True)]
    first = thread_view(thread(comment(1, seen=new)))  # a first fetch: nothing is "new"
    assert first[0].comment.new is False


def test_own_comments_held_until_published() -> None:
    held = OwnComment(12, parent=1, author="Me", text="my reply", sent="2026-11-01T10:30:00.000Z")
    published = OwnComment(2, parent=0, author="Me", text="older", sent="2026-11-01T10:01:00.000Z")
    view = thread_view(thread(comment(1), comment(2, minute=1)), [held, published])
    assert shape(view) == [(1, 0), (12, 1), (2, 0)]
    mine = {e.comment.id: e.comment for e in view}
    assert mine[12].held and mine[12].mine and mine[12].text == "my reply"
    assert mine[2].mine and not mine[2].held  # on the site now: the site's copy, marked yours


def test_sidecar_round_trip_and_unreadable_files(tmp_path: Path) -> None:
    article = tmp_path / "post.md"
    saved = thread(comment(1), comment(2, 1, 1), previous="2026-11-01T00:00:00Z")
    sidecar_path(article).write_text(json.dumps(saved.to_dict()), "utf-8")
    assert sidecar_path(article).name == "post.comments.json"
    back = read_thread(article)
    assert back is not None and back.comments == saved.comments
    assert back.previous_fetch == saved.previous_fetch
    for bad in (
        "{",
        "[]",
        json.dumps({"format": "other"}),
        json.dumps({**saved.to_dict(), "version": 99}),
    ):
        sidecar_path(article).write_text(bad, "utf-8")
        assert read_thread(article) is None
    doc = saved.to_dict()
    doc["comments"] = [{"id": "x"}, {"id": 3, "parent": -1}, comment(4).to_dict()]
    sidecar_path(article).write_text(json.dumps(doc), "utf-8")
    back = read_thread(article)
    assert back is not None and [c.id for c in back.comments] == [4]


def test_file_names() -> None:
    assert (
        slugify("Réforme des bibliothèques : ça change !") == "reforme-des-bibliotheques-ca-change"
    )

    class Page:
        slug = None
        source = "https://site.example/2026/09/les-trains%20de-nuit.html"
        title = "Ignored"

    assert slug_for(Page()) == "les-trains-de-nuit"
    Page.source = "https://site.example/"
    assert slug_for(Page()) == "ignored"
