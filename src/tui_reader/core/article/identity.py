"""Which article is which: the one way to name an article and to tell two apart.

An article read from a file is its path, in one normal form (absolute, `~` expanded, symlinks
resolved), so that the same file reached two ways is one article. An article read from
standard input has no path: its text hash names it. The stores key their files on this:
reading positions as `article_key` (positions.json), drafts by path or text hash
(`drafts_key`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from tui_reader.core.storage.paths import expand_user


class Named(Protocol):
    """An article as the stores see it (core.article.model.Article, a draft's ArticleRef)."""

    @property
    def path(self) -> Path | str | None: ...

    @property
    def text_hash(self) -> str: ...


def path_key(path: str | Path) -> str:
    """The normal form of an article's path."""
    expanded = expand_user(Path(path))
    try:
        return str(expanded.resolve())
    except (OSError, RuntimeError):  # a symlink loop, an unreadable directory
        return str(expanded.absolute())


def article_key(path: str | Path | None, text_hash: str = "") -> str:
    """The reading positions' key: the path, or "stdin:<hash>"."""
    return f"stdin:{text_hash}" if path is None else path_key(path)


def drafts_key(article: Named) -> str:
    """How the drafts store finds an article's drafts: its path, or its text hash (stdin)."""
    return path_key(article.path) if article.path is not None else article.text_hash


def same_article(one: Named, other: Named) -> bool:
    """The same file (two paths to it count as one), else the same text (standard input)."""
    if one.path is not None and other.path is not None:
        return path_key(one.path) == path_key(other.path)
    return bool(one.text_hash) and one.text_hash == other.text_hash
