"""What `reader [PATH]` should show: which library, and which article to open first."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui_reader.core.article.model import Article, Notice, load_article, parse_article
from tui_reader.core.article.source import MAX_ARTICLE_BYTES
from tui_reader.core.errors import ArticleError
from tui_reader.core.storage.paths import bundled_articles_dir, expand_user
from tui_reader.core.storage.settings import LoadedSettings, load_settings

if TYPE_CHECKING:
    from tui_reader.core.storage.library import Listing


@dataclass
class Launch:
    library_dir: Path
    listing: Listing | None  # None when an article opens first: the library is listed later
    article: Article | None
    settings: LoadedSettings | None = None  # None: defaults (an app built by hand, in tests)
    notices: list[Notice] = field(default_factory=list)


def resolve_target(
    target: str | None, lang: str, articles_dir: Path | None = None
) -> tuple[Path, Article | None]:
    """The library directory and the article for a command-line PATH (None, '-', file, dir).
    `articles_dir` (the setting) replaces the bundled articles when no directory is given.

    Raises ArticleError for a missing path or an unreadable article.
    """
    library = articles_dir if articles_dir is not None else bundled_articles_dir()
    if target == "-":
        # Never more than the limit and a byte: parse_article refuses that with a message.
        raw = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
        return library, parse_article(raw, None, fallback_lang=lang)
    if target is None:
        return library, None
    path = expand_user(Path(target))
    if path.is_dir():
        return path, None
    article = load_article(path)
    return path.resolve().parent, article


def prepare(target: str | None, lang: str, settings: LoadedSettings | None = None) -> Launch:
    """`settings`: already loaded by the CLI (for --lang precedence), else read here."""
    loaded = settings if settings is not None else load_settings()
    notices: list[Notice] = []
    articles_dir = loaded.settings.articles_dir
    if articles_dir is not None and target in (None, "-") and not articles_dir.is_dir():
        params = {"path": str(loaded.path), "value": str(articles_dir)}
        notices.append(Notice("settings.problem.articles_dir", params))
        articles_dir = None
    library_dir, article = resolve_target(target, lang, articles_dir)
    # Opening an article directly: list its directory after the first paint, not before.
    listing = None
    if article is None:
        from tui_reader.core.storage.library import list_articles

        if target is None and articles_dir is None:
            library_dir, listing = _own_or_bundled(library_dir)
        else:
            listing = list_articles(library_dir)
    return Launch(library_dir, listing, article, loaded, notices)


def _own_or_bundled(bundled: Path) -> tuple[Path, Listing]:
    """`reader` alone: the articles the reader fetched or synced once there are some (no
    `articles_dir` setting), else the bundled ones, so a first run is never an empty screen."""
    from tui_reader.core.storage.library import list_articles
    from tui_reader.core.storage.paths import saved_articles_dir

    saved = saved_articles_dir()
    if saved.is_dir():
        try:
            return saved, list_articles(saved)
        except ArticleError:  # empty or unreadable: the bundled articles, as before
            pass
    return bundled, list_articles(bundled)
