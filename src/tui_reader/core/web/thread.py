"""The comment thread of a fetched post: read from the REST API, kept beside the article,
modelled for the reading screen.

`/wp/v2/comments?post=N` lists the approved comments only (a held or spam comment is never
public): every page of 100, oldest first, threaded by `parent`. What is kept per comment is
what the site shows anyone: id, parent, author's name and URL, date, text (HTML → Markdown),
link. WordPress never shows e-mail addresses and none are stored. The sidecar file format is
docs/comments-format.md.

An update costs one small request when nothing changed: the newest comment and the count
(`per_page=1`, `X-WP-Total`), sent as a conditional request (`If-None-Match` /
`If-Modified-Since`) whenever the site gave validators; the whole thread is read again only
when that answer differs from the last fetch.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tui_reader.core.web.client import Answer, NetworkProblem, WebClient
from tui_reader.core.web.html_markdown import html_to_markdown, html_to_text
from tui_reader.core.web.wordpress import RestApi

FORMAT = "tui-reader/comments"
VERSION = 1
PER_PAGE = 100
MAX_PAGES = 200  # 20,000 comments: beyond that a thread is not read in a terminal
SIDECAR_SUFFIX = ".comments.json"


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    parent: int
    author: str
    author_url: str
    date_gmt: str  # ISO 8601, UTC, as WordPress gives it ("2026-11-30T10:00:00")
    link: str
    text: str  # Markdown
    first_seen: str = ""  # the fetch that first saw it (ISO 8601 UTC)
    held: bool = False  # the reader's own comment, awaiting moderation (not public)
    mine: bool = False  # sent by the reader from this machine (an outbox draft)
    new: bool = False  # not there at the previous fetch

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "parent": self.parent,
            "author": self.author,
            "author_url": self.author_url,
            "date_gmt": self.date_gmt,
            "link": self.link,
            "text": self.text,
            "first_seen": self.first_seen,
        }

    @classmethod
    def from_dict(cls, doc: object) -> Comment | None:
        if not isinstance(doc, dict):
            return None
        ids = (doc.get("id"), doc.get("parent", 0))
        if not all(type(value) is int and value >= 0 for value in ids) or not ids[0]:
            return None
        texts = [doc.get(k, "") for k in ("author", "author_url", "date_gmt", "link", "text")]
        if not all(isinstance(value, str) for value in texts):
            return None
        first_seen = doc.get("first_seen", "")
        seen = first_seen if isinstance(first_seen, str) else ""
        return cls(ids[0], ids[1], *texts, first_seen=seen)  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class Probe:
    """What the cheap request saw: the thread is unchanged while this stays the same."""

    total: int | None
    newest_id: int | None
    etag: str | None = None
    last_modified: str | None = None


@dataclass(slots=True)
class Thread:
    """The sidecar's content: the thread as last fetched, and how to fetch it again."""

    source: str  # the article's page
    post_id: int
    api: str  # RestApi.root
    fetched: str
    previous_fetch: str | None = None
    comments: list[Comment] = field(default_factory=list)
    probe: Probe | None = None
    article_sha256: str = ""  # the article file as last written by a fetch
    comments_open: bool = True

    def to_dict(self) -> dict[str, Any]:
        probe = self.probe
        return {
            "format": FORMAT,
            "version": VERSION,
            "source": self.source,
            "post_id": self.post_id,
            "api": self.api,
            "comments_open": self.comments_open,
            "fetched": self.fetched,
            "previous_fetch": self.previous_fetch,
            "article_sha256": self.article_sha256,
            "probe": None
            if probe is None
            else {
                "total": probe.total,
                "newest_id": probe.newest_id,
                "etag": probe.etag,
                "last_modified": probe.last_modified,
            },
            "comments": [comment.to_dict() for comment in self.comments],
        }

    @classmethod
    def from_dict(cls, doc: object) -> Thread:
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ThreadFormatError("not a tui-reader comments file")
        if type(doc.get("version")) is not int or doc["version"] > VERSION:
            raise ThreadFormatError("written by a newer tui-reader")
        source, api, fetched = doc.get("source"), doc.get("api"), doc.get("fetched")
        post_id = doc.get("post_id")
        if not (isinstance(source, str) and isinstance(api, str) and isinstance(fetched, str)):
            raise ThreadFormatError("source, api or fetched missing")
        if type(post_id) is not int:
            raise ThreadFormatError("post_id missing")
        raw = doc.get("comments")
        comments = [c for c in map(Comment.from_dict, raw if isinstance(raw, list) else []) if c]
        probe_doc = doc.get("probe")
        probe = None
        if isinstance(probe_doc, dict):
            probe = Probe(
                _int_or_none(probe_doc.get("total")),
                _int_or_none(probe_doc.get("newest_id")),
                _str_or_none(probe_doc.get("etag")),
                _str_or_none(probe_doc.get("last_modified")),
            )
        previous = doc.get("previous_fetch")
        sha = doc.get("article_sha256", "")
        return cls(
            source=source,
            post_id=post_id,
            api=api,
            fetched=fetched,
            previous_fetch=previous if isinstance(previous, str) else None,
            comments=comments,
            probe=probe,
            article_sha256=sha if isinstance(sha, str) else "",
            comments_open=doc.get("comments_open") is not False,
        )


class ThreadFormatError(ValueError):
    pass


def _int_or_none(value: object) -> int | None:
    return value if type(value) is int else None


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def sidecar_path(article: Path) -> Path:
    """`night-trains.md` → `night-trains.comments.json`, in the same folder."""
    return article.with_name(article.stem + SIDECAR_SUFFIX)


def read_thread(article: Path) -> Thread | None:
    """The saved thread of an article; None when it has none (or an unreadable one)."""
    path = sidecar_path(article)
    try:
        return Thread.from_dict(json.loads(path.read_bytes()))
    except (OSError, ValueError):
        return None


# --- fetching ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ThreadProblem:
    key: str  # catalog key
    reason: str = ""


def _comment(doc: object, base_url: str, now: str) -> Comment | None:
    if not isinstance(doc, dict) or type(doc.get("id")) is not int:
        return None
    if doc.get("status", "approved") != "approved":  # the API shows approved ones only anyway
        return None
    parent = doc.get("parent")
    link = doc.get("link")
    url = doc.get("author_url")
    date = doc.get("date_gmt")
    content = doc.get("content")
    html = content.get("rendered") if isinstance(content, dict) else ""
    return Comment(
        id=doc["id"],
        parent=parent if type(parent) is int and parent >= 0 else 0,
        author=html_to_text(str(doc.get("author_name") or "")),
        author_url=url if isinstance(url, str) and url.startswith(("http://", "https://")) else "",
        date_gmt=date if isinstance(date, str) else "",
        link=link if isinstance(link, str) else "",
        text=html_to_markdown(html if isinstance(html, str) else "", base_url).strip(),
        first_seen=now,
    )


def _total(answer: Answer, name: str) -> int | None:
    value = answer.headers.get(name, "")
    return int(value) if value.strip().isdigit() else None


def probe_thread(
    client: WebClient, api: RestApi, post_id: int, last: Probe | None
) -> Probe | ThreadProblem | None:
    """The newest comment and the count; None when the site says "not modified" (304)."""
    params = {"post": str(post_id), "per_page": "1", "orderby": "date_gmt", "order": "desc"}
    params["_fields"] = "id"
    headers: dict[str, str] = {}
    if last is not None and last.etag:
        headers["If-None-Match"] = last.etag
    if last is not None and last.last_modified:
        headers["If-Modified-Since"] = last.last_modified
    answer = client.get(api.url("/wp/v2/comments", params), headers=headers)
    if isinstance(answer, NetworkProblem):
        return ThreadProblem(answer.key, answer.reason)
    if answer.status == 304:
        return None
    doc = _json(answer)
    if not isinstance(doc, list):
        return ThreadProblem("fetch.error.no_comments_api", str(answer.status))
    newest = doc[0].get("id") if doc and isinstance(doc[0], dict) else None
    return Probe(
        _total(answer, "x-wp-total"),
        newest if type(newest) is int else None,
        answer.headers.get("etag"),
        answer.headers.get("last-modified"),
    )


def _json(answer: Answer) -> object:
    if answer.status != 200 or not answer.is_json:
        return None
    try:
        return json.loads(answer.text)
    except ValueError:
        return None


def fetch_comments(
    client: WebClient, api: RestApi, post_id: int, base_url: str, now: str
) -> list[Comment] | ThreadProblem:
    """Every approved comment of the post, oldest first (all pages of 100)."""
    comments: list[Comment] = []
    page = 1
    while page <= MAX_PAGES:
        params = {
            "post": str(post_id),
            "per_page": str(PER_PAGE),
            "page": str(page),
            "orderby": "date_gmt",
            "order": "asc",
        }
        answer = client.get(api.url("/wp/v2/comments", params))
        if isinstance(answer, NetworkProblem):
            return ThreadProblem(answer.key, answer.reason)
        doc = _json(answer)
        if not isinstance(doc, list):
            # Past the last page WordPress answers 400 rest_post_invalid_page_number.
            if page > 1 and answer.status == 400:
                break
            return ThreadProblem("fetch.error.no_comments_api", str(answer.status))
        comments.extend(c for c in (_comment(item, base_url, now) for item in doc) if c)
        pages = _total(answer, "x-wp-totalpages")
        if len(doc) < PER_PAGE or (pages is not None and page >= pages):
            break
        page += 1
    unique = {comment.id: comment for comment in comments}  # a comment posted meanwhile
    return sorted(unique.values(), key=lambda c: (c.date_gmt, c.id))


def merge(previous: Thread | None, fresh: list[Comment]) -> list[Comment]:
    """`fresh` with each comment's first sighting kept from the previous fetch."""
    seen = {c.id: c.first_seen for c in previous.comments} if previous else {}
    return [replace(c, first_seen=seen.get(c.id) or c.first_seen) for c in fresh]


# --- the model the reading screen renders -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class OwnComment:
    """A comment the reader sent from this machine (an outbox draft that was posted)."""

    comment_id: int | None
    parent: int
    author: str
    text: str
    sent: str  # ISO 8601 UTC
    link: str = ""


@dataclass(frozen=True, slots=True)
class ThreadEntry:
    comment: Comment
    depth: int  # 0 for a comment on the post, 1 for a reply to it, …


def thread_view(thread: Thread, own: Iterable[OwnComment] = ()) -> list[ThreadEntry]:
    """The thread as the reader sees it: comments oldest first, each followed by its replies
    (oldest first, indented one more level); comments new since the previous fetch marked;
    the reader's own sent comments that the site does not show yet added, "held for
    moderation", under the comment they answer. A reply whose parent is not public is shown
    at the top level, so nothing is hidden."""
    comments = list(thread.comments)
    public = {c.id for c in comments}
    mine: set[int] = set()
    for item in own:
        if item.comment_id is not None and item.comment_id in public:
            mine.add(item.comment_id)
            continue
        comments.append(
            Comment(
                id=item.comment_id or 0,
                parent=item.parent,
                author=item.author,
                author_url="",
                date_gmt=item.sent.removesuffix("Z").split(".")[0],
                link=item.link,
                text=item.text,
                held=True,
                mine=True,
            )
        )
    since = thread.previous_fetch
    marked = [
        replace(c, mine=c.mine or c.id in mine, new=bool(since and c.first_seen > since))
        for c in comments
    ]
    ids = {c.id for c in marked if c.id}
    children: dict[int, list[Comment]] = {}
    for comment in marked:
        parent = comment.parent if comment.parent in ids and comment.parent != comment.id else 0
        children.setdefault(parent, []).append(comment)
    for replies in children.values():
        replies.sort(key=lambda c: (c.date_gmt, c.id or 1 << 62))
    entries: list[ThreadEntry] = []
    stack: list[tuple[Comment, int]] = [(c, 0) for c in reversed(children.get(0, []))]
    done: set[int] = set()
    while stack:  # depth-first without recursion: a deep thread must not hit the limit
        comment, depth = stack.pop()
        key = id(comment)
        if key in done:
            continue
        done.add(key)
        entries.append(ThreadEntry(comment, depth))
        if comment.id:
            stack.extend((reply, depth + 1) for reply in reversed(children.get(comment.id, [])))
    return entries


def own_comments(drafts: Iterable[Any], source: str) -> list[OwnComment]:
    """The sent drafts on the article at `source` (core.comments.drafts.Draft objects)."""
    found: list[OwnComment] = []
    for draft in drafts:
        posted = getattr(draft, "posted", None)
        if posted is None or draft.status != "sent" or draft.article.source_url != source:
            continue
        found.append(
            OwnComment(
                comment_id=posted.comment_id,
                parent=draft.comment_parent,
                author=draft.author,
                text=draft.comment,
                sent=posted.at,
                link=posted.link or "",
            )
        )
    return found
