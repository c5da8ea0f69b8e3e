"""A web page that is not a WordPress post: its main text (readability-lxml, imported when
used) as Markdown, and what the head says of it (title, author, date, language)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from tui_reader.core.article.language import normalise_lang
from tui_reader.core.web.html_markdown import html_to_markdown, html_to_text

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"([a-zA-Z:_-]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TIME = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)", re.IGNORECASE)

AUTHOR_KEYS = ("author", "article:author", "dc.creator", "twitter:creator")
DATE_KEYS = ("article:published_time", "date", "dc.date", "dcterms.created", "pubdate")
TITLE_KEYS = ("og:title", "twitter:title")


@dataclass(frozen=True, slots=True)
class PageHead:
    lang: str | None  # "en" / "fr", from <html lang> (other languages: None)
    title: str | None
    author: str | None
    date: str | None


def read_head(html: str) -> PageHead:
    head_end = html.lower().find("</head>")
    head = html[: head_end if head_end > 0 else 200_000]
    metas: dict[str, str] = {}
    for tag in _META.findall(head):
        attrs = {k.lower(): unescape(v.strip("\"'")) for k, v in _ATTR.findall(tag)}
        name = (attrs.get("name") or attrs.get("property") or "").lower()
        if name and "content" in attrs:
            metas.setdefault(name, attrs["content"])
    lang_match = _HTML_LANG.search(html[:20_000])
    title_match = _TITLE.search(head)

    def first(keys: tuple[str, ...]) -> str | None:
        for key in keys:
            value = html_to_text(metas.get(key, ""))
            if value and not value.startswith(("http://", "https://")):
                return value
        return None

    time_match = _TIME.search(html)
    return PageHead(
        lang=normalise_lang(lang_match[1].lower()) if lang_match else None,
        title=first(TITLE_KEYS) or (html_to_text(title_match[1]) if title_match else None),
        author=first(AUTHOR_KEYS),
        date=first(DATE_KEYS) or (time_match[1] if time_match else None),
    )


def main_text(html: str, url: str) -> tuple[str | None, str]:
    """(title, Markdown of the main text) of a page."""
    from readability import Document  # type: ignore[import-untyped]

    document = Document(html, url=url)
    try:
        summary = document.summary(html_partial=True)
        title = document.short_title() or None
    except Exception:  # readability gives up on some pages: the whole body then
        summary, title = html, None
    return (html_to_text(title) if title else None), html_to_markdown(summary, url)
