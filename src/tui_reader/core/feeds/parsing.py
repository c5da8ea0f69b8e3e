"""A feed's bytes made into entries, by feedparser (imported here, when a feed is read).

feedparser sanitizes the HTML of entries (no scripts, no styles, no event attributes); a feed
it cannot read as XML is refused whole rather than half-read: a truncated download must not
save half-parsed entries.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from typing import Any

from tui_reader.core.feeds.errors import FeedError
from tui_reader.core.sanitize import make_inert
from tui_reader.core.web.destination import is_web_url

# feedparser's complaints that still leave a well-read feed.
_HARMLESS = ("CharacterEncodingOverride", "NonXMLContentType")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    key: str  # what identifies it across syncs: its id, else its link, else a hash
    link: str
    title: str
    author: str | None
    date: str | None  # ISO 8601 UTC, "…Z"
    html: str | None  # the full content (content:encoded, Atom content), when the feed has it
    summary: str | None = None  # the description, for an entry with neither content nor page


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str
    site: str  # the site's address (the feed's <link>)
    lang: str | None
    wordpress: bool  # made by WordPress: entries are read from its REST API
    entries: list[FeedEntry]


def _iso(parsed: Any) -> str | None:
    if not parsed:
        return None
    try:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
    except (TypeError, ValueError):
        return None


def _full_content(entry: Any) -> str | None:
    for content in entry.get("content") or []:
        value = content.get("value")
        if isinstance(value, str) and value.strip():
            return value
    return None


def _text(value: object) -> str:
    """A title, a name: one line, inert (escape sequences never reach the terminal)."""
    return " ".join(make_inert(str(value or "")).split())


def _entry(entry: Any) -> FeedEntry | None:
    link = str(entry.get("link") or "").strip()
    if not is_web_url(link):  # javascript:, data:, a relative path feedparser could not resolve
        link = ""
    title = _text(entry.get("title"))
    if not link and not title:
        return None
    key = entry.get("id") or link
    if not key:
        key = "sha256:" + hashlib.sha256(title.encode("utf-8")).hexdigest()
    date = _iso(entry.get("published_parsed")) or _iso(entry.get("updated_parsed"))
    return FeedEntry(
        key=str(key),
        link=str(link),
        title=title,
        author=_text(entry.get("author")) or None,
        date=date,
        html=_full_content(entry),
        summary=entry.get("summary") or None,
    )


def parse_feed(body: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """Raises FeedError: not a feed (an HTML page, text), or malformed XML."""
    import feedparser  # type: ignore[import-untyped]

    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True)
    problem = parsed.get("bozo_exception")
    if not parsed.get("version"):
        raise FeedError("feeds.error.not_feed", url=url)
    if parsed.get("bozo") and type(problem).__name__ not in _HARMLESS:
        raise FeedError("feeds.error.malformed", url=url, reason=str(problem)[:200])
    feed = parsed.feed
    generator = str(feed.get("generator") or "") + str(
        (feed.get("generator_detail") or {}).get("href") or ""
    )
    entries = [e for e in (_entry(entry) for entry in parsed.entries) if e is not None]
    lang = feed.get("language") or None
    return ParsedFeed(
        title=_text(feed.get("title")) or url,
        site=str(feed.get("link") or ""),
        lang=str(lang)[:2].lower() if lang else None,
        wordpress="wordpress" in generator.lower(),
        entries=entries,
    )
