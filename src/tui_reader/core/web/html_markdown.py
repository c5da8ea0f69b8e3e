"""HTML from the web → Markdown the reader can show, with markdownify (imported when used).

HTML is data. Before conversion every element that could act or hide things is removed with
its content: scripts, styles, iframes, objects, forms (the comment form is read separately, by
core.web.form), templates, SVG. Links keep only http, https and mailto addresses (made absolute
against the page); any other link keeps its text only. Images become their alt text as a link
to the image: nothing is downloaded at read time. Control characters are made inert.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from tui_reader.core.sanitize import make_inert

LINK_SCHEMES = ("http", "https", "mailto")
# Removed with everything inside them.
DROPPED_TAGS = (
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
    "input", "button", "select", "textarea", "template", "noscript", "svg", "math", "canvas",
    "audio", "video", "source", "track", "link", "meta", "head", "title", "base", "dialog",
)  # fmt: skip

COMMENT_AREA_IDS = ("respond", "comments")
COMMENT_AREA_CLASSES = ("comment-respond", "comments-area", "wp-block-comments")

_BLANK_LINES = re.compile(r"\n{3,}")


def safe_href(href: str | None, base_url: str) -> str | None:
    """The absolute address of a link if it is http, https or mailto; else None."""
    if not href:
        return None
    href = href.strip()
    try:
        absolute = urljoin(base_url, href)
        scheme = urlsplit(absolute).scheme.lower()
    except ValueError:
        return None
    if scheme not in LINK_SCHEMES:
        return None
    # Markdown link destinations end at a space or ")": keep the address in one piece.
    return absolute.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


@cache
def _converter_class() -> Any:
    from markdownify import MarkdownConverter

    class _Converter(MarkdownConverter):  # type: ignore[misc]
        def __init__(self, base_url: str, **options: Any) -> None:
            super().__init__(**options)
            self.base_url = base_url

        def convert_a(self, el: Any, text: str, parent_tags: set[str]) -> str:
            href = safe_href(el.get("href"), self.base_url)
            if href is None:
                return text
            el.attrs = {"href": href}  # no title: nothing but the address reaches the screen
            return super().convert_a(el, text, parent_tags)

        def convert_img(self, el: Any, text: str, parent_tags: set[str]) -> str:
            alt = " ".join((el.get("alt") or "").split()) or "image"
            src = safe_href(el.get("src"), self.base_url)
            label = alt.replace("[", "(").replace("]", ")")
            if src is None or "a" in parent_tags:
                return label
            return f"[{label}]({src})"

    return _Converter


def _hidden(tag: Any) -> bool:
    if tag.name in DROPPED_TAGS or tag.get("id") in COMMENT_AREA_IDS:
        return True
    classes = tag.get("class") or ()
    return any(name in COMMENT_AREA_CLASSES for name in classes)


def clean_soup(html: str) -> Any:
    """The parsed HTML without the elements that never reach the screen (one pass)."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(html, "html.parser")
    # WordPress's comment area ("Leave a Reply", the form, the thread) goes too: the thread is
    # read through the API.
    for element in soup.find_all(_hidden):
        if not element.decomposed:
            element.decompose()
    if "<!--" in html:
        for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
            comment.extract()
    return soup


def html_to_markdown(html: str, base_url: str) -> str:
    """Markdown for an HTML fragment (a post's content, a comment's text)."""
    soup = clean_soup(html)
    converter = _converter_class()(
        base_url,
        heading_style="ATX",
        bullets="-",
        strong_em_symbol="*",
        escape_underscores=False,
        escape_misc=False,
    )
    markdown = converter.convert_soup(soup)
    lines = [line.rstrip() for line in make_inert(markdown).replace("\r", "").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip() + "\n"


def html_to_text(html: str) -> str:
    """One line of plain text (a title, an author's name): tags dropped, entities decoded."""
    from html import unescape

    text = unescape(re.sub(r"<[^>]*>", "", html or ""))
    return " ".join(make_inert(text).split())
