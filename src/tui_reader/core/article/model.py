"""The article model: what the rest of the program knows about an article.

Pure Python, never imports Textual. `parse_article` runs the pipeline: bytes → text
(core.article.source), control characters made inert (core.sanitize), YAML front matter
(core.article.front_matter), WordPress comment form cut off (core.article.footer), sections
(core.article.sections), language (core.article.language). It stays linear and regex-driven:
a 37 MB article loads in a fraction of a second.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from tui_reader.core.article.footer import find_comment_footer
from tui_reader.core.article.front_matter import FrontMatter, read_front_matter
from tui_reader.core.article.language import guess_language, normalise_lang
from tui_reader.core.article.sections import Heading, SlugRegistry, find_headings, iter_headings
from tui_reader.core.article.source import (
    decode_source,
    display_path,
    encoding_name,
    is_html,
    read_source,
)
from tui_reader.core.catalog import t
from tui_reader.core.errors import ArticleError, FrontMatterError
from tui_reader.core.messages import Msg
from tui_reader.core.sanitize import make_inert, utf8_has_controls

if TYPE_CHECKING:
    from tui_reader.core.find.search import SearchIndex

WORDS_PER_MINUTE = 230
FOOTNOTE_PREFIX = "fn-"  # core.render.markdown_tokens links footnote references to #fn-label
LEAD_SLUG = "top"


# Something the user should be told about an article that still opened.
Notice = Msg


@dataclass(frozen=True, slots=True)
class Section:
    index: int  # position in Article.sections
    level: int  # 0 for the lead (text before the first heading), else 1..3
    title: str  # plain text of the heading, inline markup removed ("" for the lead)
    slug: str  # unique GitHub-style slug, usable as (#slug); "top" for the lead
    source: str  # Markdown of the section, heading line(s) included


@dataclass
class Article:
    path: Path | None  # None when read from stdin
    title: str
    # Markdown without front matter nor comment-form footer, control chars made inert, without
    # leading blank lines nor trailing whitespace (but its final newline). The sections'
    # sources concatenated are exactly the body.
    body: str
    sections: list[Section]
    lang: str  # "fr" or "en"
    author: str | None = None
    date: str | None = None
    source_url: str | None = None
    tags: list[str] = field(default_factory=list)
    comments_open: bool = False  # footer found, or front matter comments: open
    require_name_email: bool = True  # WordPress default; front matter can turn it off
    comments_closed: bool = False  # front matter `comments: closed`: no comment can be queued
    notices: list[Notice] = field(default_factory=list)
    text_hash: str = ""  # sha256 hex of the decoded text as read
    footer_lang: str | None = None  # language of the comment-form footer that was cut off
    marks: bool = True  # may hold combining marks (search is faster when it surely does not)

    @cached_property
    def word_count(self) -> int:
        return count_words(self.body)

    @cached_property
    def search_index(self) -> SearchIndex:
        # Imported on first use: its tables are built at import, which start-up need not pay.
        from tui_reader.core.find.search import SearchIndex

        return SearchIndex([section.source for section in self.sections], marks=self.marks)

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.word_count)

    @cached_property
    def _sections_by_slug(self) -> dict[str, Section]:
        return {section.slug: section for section in self.sections}

    def section_by_slug(self, slug: str) -> Section | None:
        """The section for `slug`, as written in a link: "#slug", percent-encoded or not."""
        slug = slug.removeprefix("#")
        found = self._sections_by_slug.get(slug)
        if found is None and "%" in slug:
            found = self._sections_by_slug.get(unquote(slug))
        if found is None and slug.startswith(FOOTNOTE_PREFIX):
            found = self._footnote_sections.get(unquote(slug[len(FOOTNOTE_PREFIX) :]))
        return found

    @cached_property
    def _footnote_sections(self) -> dict[str, Section]:
        """Footnote label → the section holding its definition (a reference is a link to
        `#fn-label`, core.render.markdown_tokens)."""
        from tui_reader.core.render.markdown_tokens import footnote_labels

        found: dict[str, Section] = {}
        for section in self.sections:
            if "[^" in section.source:
                for label in footnote_labels(section.source):
                    found.setdefault(label, section)
        return found


# Whitespace bytes → " ", every other byte → "a": words are the " a" transitions. Counting in
# bytes avoids building millions of str objects (str.split takes seconds on 37 MB).
_WORD_BYTES = bytes.maketrans(
    bytes(range(256)), bytes(0x20 if chr(b) in " \t\n\r\x0b\x0c" else 0x61 for b in range(256))
)


def reading_minutes(words: int) -> int:
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def count_words(text: str) -> int:
    """Runs of non-whitespace, as str.split() would count them for ASCII whitespace."""
    data = text.encode("utf-8", "surrogatepass").translate(_WORD_BYTES)
    return data.count(b" a") + data.startswith(b"a")


def count_words_in_pieces(text: str, piece: int = 1 << 20) -> Iterator[int]:
    """The word counts of consecutive pieces of `text`, cut at line ends so that no word is
    split: their sum is count_words(text). A thread can pause between pieces, where one call
    on 37 MB would hold the interpreter lock for ~0.1 s."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", min(size, start + piece))
        end = size if end == -1 else end + 1
        yield count_words(text[start:end])
        start = end


def load_article(path: Path, *, fallback_lang: str = "en") -> Article:
    """Read and parse a file.

    Raises ArticleError for a missing, unreadable, binary, empty or unsupported file.
    """
    return parse_article(read_source(path), path, fallback_lang=fallback_lang)


def parse_article(raw: bytes, path: Path | None, *, fallback_lang: str = "en") -> Article:
    """Parse bytes already read (a file, or stdin when path is None).

    Raises ArticleError for binary (NUL bytes) or empty input; anything else opens, with
    notices for what had to be ignored or repaired.
    """
    parts = _read_parts(raw, path, fallback_lang)
    meta = parts.meta
    headings = find_headings(parts.body)
    return Article(
        path=path,
        title=_title(parts, headings, path),
        body=parts.body,
        sections=_sections(parts.body, headings, parts.lang),
        lang=parts.lang,
        author=meta.author,
        date=meta.date,
        source_url=meta.source_url,
        tags=meta.tags,
        comments_open=parts.comments_open,
        require_name_email=meta.require_name_email,
        comments_closed=meta.comments is False,
        notices=parts.notices,
        text_hash=parts.text_hash,
        footer_lang=parts.footer_lang,
        marks=parts.encoding is not None or may_hold_marks(raw),
    )


def comments_closed(path: str | Path | None) -> bool:
    """Whether the article file at `path` says `comments: closed`: then no comment on it may
    be queued (a draft's article is read again, it may have closed since the draft began).
    False for an article that cannot be read (stdin, moved, deleted): nothing says closed."""
    if path is None:
        return False
    try:
        return load_article(Path(path)).comments_closed
    except ArticleError:
        return False


def may_hold_marks(utf8: bytes) -> bool:
    """Whether UTF-8 text may hold combining marks (U+0300-U+036F): all of them start with the
    byte CC or CD, which memchr finds in milliseconds in 37 MB (a regex on the text: 0.15 s)."""
    return b"\xcc" in utf8 or b"\xcd" in utf8


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What a list of articles shows, without cutting sections (core.storage.library)."""

    title: str
    author: str | None
    date: str | None
    lang: str
    source_url: str | None
    word_count: int
    comments_open: bool
    feed: str | None = None  # front matter `feed`: the feed it was saved from


def summarize_article(
    raw: bytes, path: Path | None, *, fallback_lang: str = "en"
) -> ArticleSummary:
    """The same title, language and metadata parse_article would find, at a fraction of the cost.

    Raises ArticleError like parse_article.
    """
    parts = _read_parts(raw, path, fallback_lang)
    return ArticleSummary(
        # iter_headings is lazy: the scan stops at the first level-1 heading.
        title=_title(parts, iter_headings(parts.body), path),
        author=parts.meta.author,
        date=parts.meta.date,
        lang=parts.lang,
        source_url=parts.meta.source_url,
        word_count=count_words(parts.body),
        comments_open=parts.comments_open,
        feed=parts.meta.feed,
    )


@dataclass(frozen=True, slots=True)
class _Parts:
    """An article read up to, not including, its sections."""

    body: str
    meta: FrontMatter
    footer_lang: str | None
    lang: str
    comments_open: bool
    notices: list[Notice]
    text_hash: str
    encoding: str | None = None


def _read_parts(raw: bytes, path: Path | None, fallback_lang: str) -> _Parts:
    shown = display_path(path)
    decoded = decode_source(raw, shown)
    notices: list[Notice] = []
    if decoded.encoding is not None:
        encoding = encoding_name(decoded.encoding)
        notices.append(Notice("notice.assumed_encoding", {"path": shown, "encoding": encoding}))
    if decoded.bad_bytes:
        notices.append(Notice("notice.bad_encoding", {"path": shown, "count": decoded.bad_bytes}))
    text = decoded.text
    # The check on bytes is the fast path; invalid UTF-8 was re-encoded as U+FFFD, not controls.
    # Text decoded from another encoding is checked itself.
    if decoded.encoding is not None or utf8_has_controls(raw):
        text = make_inert(text)
    html_meta: FrontMatter | None = None
    if is_html(path):
        # Imported only for .html / .htm files: bs4 and markdownify are heavy.
        from tui_reader.core.article.html import html_article

        html_meta, text = html_article(text)
    try:
        meta, start = read_front_matter(text)
    except FrontMatterError as error:
        notices.append(Notice("notice.bad_front_matter", {"path": shown, "reason": str(error)}))
        # The block is not the article: it stays out of the text, as a valid one would.
        meta, start = None, error.end
    meta = meta or html_meta or FrontMatter()
    end, footer_lang = find_comment_footer(text, start)
    # One slice for all three cuts (none at all for a plain file): each copy of a 37 MB text
    # costs ~15 ms.
    start, end = _trimmed(text, start, end)
    body = text[start:end]
    lang = meta.lang or footer_lang or guess_language(body) or normalise_lang(fallback_lang) or "en"
    comments_open = meta.comments if meta.comments is not None else footer_lang is not None
    return _Parts(
        body, meta, footer_lang, lang, comments_open, notices, decoded.text_hash, decoded.encoding
    )


def _title(parts: _Parts, headings: Iterable[Heading], path: Path | None) -> str:
    """Front matter title, else the first level-1 heading, else the file name, else Untitled."""
    if parts.meta.title:
        return parts.meta.title
    first_h1 = next((h.title for h in headings if h.level == 1 and h.title), None)
    return first_h1 or title_from_path(path) or t("article.untitled", parts.lang)


_LEADING_BLANK_LINES = re.compile(r"\s*\n")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] without leading blank lines nor trailing whitespace (the final newline
    stays).

    Trimming the start guarantees the text before the first heading is either empty or not
    blank, so the lead section exists exactly when it has something to show.
    """
    if match := _LEADING_BLANK_LINES.match(text, start, end):
        start = match.end()
    content_end = end
    while content_end > start and text[content_end - 1].isspace():  # walks the tail only
        content_end -= 1
    if content_end == start:
        return start, start  # blank
    if content_end < end and text[content_end] == "\n":
        content_end += 1
    return start, content_end


def _sections(body: str, headings: list[Heading], lang: str) -> list[Section]:
    sections: list[Section] = []
    # The lead: text before the first heading, or the whole body when there is no heading.
    lead_end = headings[0].start if headings else len(body)
    if lead_end > 0 or not headings:
        sections.append(Section(0, 0, "", LEAD_SLUG, body[:lead_end]))
    slugs = SlugRegistry(reserved=(LEAD_SLUG,))
    untitled = t("article.untitled_section", lang)
    ends = [h.start for h in headings[1:]] + [len(body)] if headings else []
    for heading, end in zip(headings, ends, strict=True):
        sections.append(
            Section(
                index=len(sections),
                level=heading.level,
                title=heading.title or untitled,
                slug=slugs.add(heading.title),
                source=body[heading.start : end],
            )
        )
    return sections


def title_from_path(path: Path | None) -> str | None:
    """A file name made readable: "my-first_post.md" → "My first post"."""
    if path is None:
        return None
    words = " ".join(make_inert(path.stem).replace("-", " ").replace("_", " ").split())
    return words[:1].upper() + words[1:] or None
