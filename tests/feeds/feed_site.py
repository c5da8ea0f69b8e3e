"""A local feed server (tests/web/local_server.py) serving fixed RSS and Atom feeds with ETag
and Last-Modified support, broken and huge feeds, and the articles' pages."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape

from tests.web.local_server import LocalSite, Reply, Seen


@dataclass
class Item:
    slug: str
    title: str
    html: str | None = None  # content:encoded; None: a summary only, the page is fetched
    date: str = "Tue, 01 Dec 2026 08:00:00 +0000"


@dataclass
class Feed:
    title: str
    items: list[Item] = field(default_factory=list)
    atom: bool = False
    version: int = 0  # bumped on every change: the ETag follows it


def rss(feed: Feed, base: str) -> str:
    items = "".join(
        f"<item><title>{escape(i.title)}</title><link>{base}/posts/{i.slug}</link>"
        f"<guid>{base}/posts/{i.slug}</guid><pubDate>{i.date}</pubDate>"
        f"<description>Summary of {escape(i.title)}</description>"
        + (f"<content:encoded><![CDATA[{i.html}]]></content:encoded>" if i.html else "")
        + "</item>"
        for i in feed.items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(feed.title)}</title><link>{base}/</link><language>en-US</language>"
        f"{items}</channel></rss>"
    )


def atom(feed: Feed, base: str) -> str:
    entries = "".join(
        f'<entry><title>{escape(i.title)}</title><link href="{base}/posts/{i.slug}"/>'
        f"<id>urn:test:{i.slug}</id><updated>2026-12-01T08:00:00Z</updated>"
        f"<author><name>Ada</name></author>"
        + (f'<content type="html">{escape(i.html)}</content>' if i.html else "")
        + "</entry>"
        for i in feed.items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>{escape(feed.title)}</title><link href="{base}/"/><id>urn:test</id>'
        f"<updated>2026-12-01T08:00:00Z</updated>{entries}</feed>"
    )


def page(title: str, text: str) -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{escape(title)}</title></head><body>"
        f"<article><h1>{escape(title)}</h1><p>{escape(text)}</p>"
        f"<p>{'More words of the article. ' * 30}</p></article></body></html>"
    )


class FeedSite(LocalSite):
    def __init__(self) -> None:
        super().__init__()
        self.feeds: dict[str, Feed] = {}

    def add_feed(self, path: str, feed: Feed) -> str:
        """Serve `feed` at `path` (conditional GETs answered 304), and its items' pages."""
        self.feeds[path] = feed
        self.route("GET", path, lambda seen: self._serve_feed(seen, feed))
        for item in feed.items:
            self.add_page(item)
        return self.base_url + path

    def add_page(self, item: Item) -> None:
        self.route("GET", f"/posts/{item.slug}", Reply(200, page(item.title, "Page text.")))

    def add_item(self, path: str, item: Item) -> None:
        feed = self.feeds[path]
        feed.items.insert(0, item)
        feed.version += 1
        self.add_page(item)

    def _serve_feed(self, seen: Seen, feed: Feed) -> Reply:
        body = atom(feed, self.base_url) if feed.atom else rss(feed, self.base_url)
        etag = '"' + hashlib.sha256(body.encode()).hexdigest()[:16] + '"'
        modified = formatdate(1_764_576_000 + feed.version * 60, usegmt=True)
        headers = {"ETag": etag, "Last-Modified": modified}
        if seen.headers.get("If-None-Match") == etag:
            return Reply(304, "", headers)
        kind = "application/atom+xml" if feed.atom else "application/rss+xml"
        return Reply(200, body, {**headers, "Content-Type": f"{kind}; charset=utf-8"})

    def feed_requests(self) -> list[Seen]:
        return [s for s in self.requests if s.path in self.feeds]
