"""What `reader [PATH]` should show: which library, and which article to open first."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from tui_reader.core.article import Article, load_article, parse_article
from tui_reader.core.library import Listing, list_articles
from tui_reader.core.paths import bundled_articles_dir


@dataclass
class Launch:
    library_dir: Path
    listing: Listing
    article: Article | None


def resolve_target(target: str | None, lang: str) -> tuple[Path, Article | None]:
    """The library directory and the article for a command-line PATH (None, '-', file, dir).

    Raises ArticleError for a missing path or an unreadable article.
    """
    if target == "-":
        return bundled_articles_dir(), parse_article(sys.stdin.buffer.read(), None, fallback_lang=lang)
    if target is None:
        return bundled_articles_dir(), None
    path = Path(target).expanduser()
    if path.is_dir():
        return path, None
    article = load_article(path)
    return path.resolve().parent, article


def prepare(target: str | None, lang: str) -> Launch:
    library_dir, article = resolve_target(target, lang)
    return Launch(library_dir, list_articles(library_dir), article)
