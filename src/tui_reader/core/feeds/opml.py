"""OPML, the list of feeds every feed reader imports and exports.

Import reads untrusted XML: defusedxml refuses entity expansion bombs and external entities.
Every `<outline xmlUrl=…>` at any depth is a feed (folders are flattened); export writes OPML
2.0 with the feeds' titles.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from xml.etree.ElementTree import Element, SubElement, tostring

from tui_reader.core.feeds.errors import FeedError

MAX_OPML = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    url: str
    title: str


def read_opml(data: bytes, path: str) -> list[OpmlFeed]:
    """The feeds of an OPML document; FeedError when it is not one."""
    import defusedxml.ElementTree as safe_tree  # type: ignore[import-untyped]
    from defusedxml import DefusedXmlException

    if len(data) > MAX_OPML:
        raise FeedError("feeds.opml.too_big", path=path)
    try:
        root = safe_tree.fromstring(data)
    except DefusedXmlException:
        raise FeedError("feeds.opml.unsafe", path=path) from None
    except Exception as error:  # ParseError and friends: not XML
        raise FeedError("feeds.opml.invalid", path=path, reason=str(error)[:200]) from None
    if root.tag.lower() != "opml":
        raise FeedError("feeds.opml.invalid", path=path, reason=f"<{root.tag}>")
    found: list[OpmlFeed] = []
    seen: set[str] = set()
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not url or url in seen:
            continue
        seen.add(url)
        title = outline.get("title") or outline.get("text") or url
        found.append(OpmlFeed(url, " ".join(title.split())))
    return found


def write_opml(feeds: list[OpmlFeed], now: datetime | None = None) -> bytes:
    root = Element("opml", version="2.0")
    head = SubElement(root, "head")
    SubElement(head, "title").text = "tui-reader feeds"
    SubElement(head, "dateCreated").text = (now or datetime.now(UTC)).strftime(
        "%a, %d %b %Y %H:%M:%S GMT"
    )
    body = SubElement(root, "body")
    for feed in feeds:
        SubElement(body, "outline", type="rss", text=feed.title, title=feed.title, xmlUrl=feed.url)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="utf-8") + b"\n"
