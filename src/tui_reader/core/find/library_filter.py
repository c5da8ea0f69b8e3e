"""The library's filter: which articles a typed query keeps (`/` on the library screen).

An article is kept when every word of the query is found in its title, author, source host,
feed or folder, each word anywhere ("trains nuit" finds "Le retour des trains de nuit"), folded
as the rest of the program folds text (core.find.fold: accents and case ignored). Each
article's text is folded once, so filtering on every key press stays cheap. Pure Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from tui_reader.core.find.fold import fold


class Filtered(Protocol):
    """What the filter reads of an article (core.storage.library.ArticleInfo)."""

    @property
    def title(self) -> str: ...
    @property
    def author(self) -> str | None: ...
    @property
    def source_host(self) -> str | None: ...
    @property
    def feed(self) -> str | None: ...
    @property
    def folder(self) -> str: ...


def searchable_text(article: Filtered) -> str:
    """The folded text a query is looked for in (fields apart: no word spans two)."""
    fields = (article.title, article.author, article.source_host, article.feed, article.folder)
    return "\n".join(fold(field) for field in fields if field)


def query_words(query: str) -> list[str]:
    """The words of a query, folded: "" and blanks keep everything."""
    return fold(query).split()


class LibraryFilter:
    """The articles' searchable text, folded once; `matching` on every key press."""

    def __init__(self, articles: Sequence[Filtered]) -> None:
        self._texts = [searchable_text(article) for article in articles]

    def matching(self, query: str) -> list[int]:
        """The indexes of the articles that `query` keeps, in their order."""
        words = query_words(query)
        if not words:
            return list(range(len(self._texts)))
        return [i for i, text in enumerate(self._texts) if all(w in text for w in words)]
