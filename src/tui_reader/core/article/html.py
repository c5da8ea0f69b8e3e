"""An .html / .htm file as an article: its main content converted to Markdown.

The converter is the one web pages go through (core.web.html_markdown, markdownify behind it):
scripts, styles, forms and the comment area never reach the text. Only <article>, else <main>,
else <body> is kept, without the page's navigation, header, footer and asides. Imported only
when such a file is opened.
"""

from __future__ import annotations

import re
from html import unescape

from tui_reader.core.article.front_matter import FrontMatter
from tui_reader.core.article.language import normalise_lang
from tui_reader.core.web.html_markdown import clean_soup, html_to_markdown

_AROUND = ("nav", "header", "footer", "aside")
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def html_article(html: str) -> tuple[FrontMatter, str]:
    """(what the page's head says of it, the Markdown of its main content)."""
    title_match = _TITLE.search(html)
    title = (
        " ".join(unescape(re.sub(r"<[^>]*>", "", title_match[1])).split()) if title_match else ""
    )
    lang_match = _LANG.search(html[:20_000])
    soup = clean_soup(html)
    main = soup.find("article") or soup.find("main") or soup.find("body") or soup
    for element in main.find_all(_AROUND):
        if not element.decomposed:
            element.decompose()
    meta = FrontMatter(
        title=title or None, lang=normalise_lang(lang_match[1].lower()) if lang_match else None
    )
    return meta, html_to_markdown(str(main), "")
