"""What the composer, the drafts screen and the reading and library screens share about drafts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import App

from tui_reader.core.article.identity import path_key
from tui_reader.core.article.model import Article, load_article
from tui_reader.core.catalog import t
from tui_reader.core.comments.drafts import Draft, parse_time
from tui_reader.core.comments.identity import Identity, load_identity
from tui_reader.core.errors import ArticleError
from tui_reader.ui.shell import shell

if TYPE_CHECKING:
    from tui_reader.core.storage.library import ArticleInfo


def section_ref(article: Article, index: int) -> tuple[str, str]:
    """Slug and title of section `index`; the lead section is called like in the sidebar."""
    if not article.sections:
        return "", article.title
    section = article.sections[max(0, min(index, len(article.sections) - 1))]
    return section.slug, section.title or t("reading.lead", article.lang)


def load_saved_identity(app: App[object], lang: str) -> Identity | None:
    """The remembered name/email/website; problems are reported, never fatal."""
    result = load_identity()
    if result.problem is not None:
        shell(app).report([result.problem])
    if result.error is not None:
        app.notify(result.error.text(lang), severity="warning")
    return result.identity


def new_draft(
    app: App[object], article: Article, section_slug: str, section_title: str, lang: str
) -> Draft:
    """A new draft (in memory only) on `article`, prefilled with the remembered identity."""
    section = article.section_by_slug(section_slug) or article.sections[0]
    draft = shell(app).drafts.new_on(
        article, section, section_title=section_title, identity=load_saved_identity(app, lang)
    )
    if article.path is not None and article.source_url:
        # A fetched article keeps its comment form in the front matter: no page to read first.
        from tui_reader.core.web.saved_article import destination_of

        draft.destination = destination_of(article.path, article.source_url)
    return draft


def draft_article(draft: Draft) -> tuple[Article | None, str | None]:
    """The article a draft comments on, loaded from its path, or why it cannot be."""
    if draft.article.path is None:
        return None, None
    path = Path(draft.article.path)
    try:
        return load_article(path), None
    except ArticleError as error:
        return None, error.key


def local_time(value: str, with_date: bool = True) -> str:
    """An ISO 8601 UTC stamp in local time: "2026-11-26 09:12" or "09:12:41"."""
    moment = parse_time(value)
    if moment is None:
        return value
    local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M") if with_date else local.strftime("%H:%M:%S")


def group_digits(number: int, lang: str) -> str:
    """12,345 in English, 12 345 (narrow no-break space) in French."""
    text = f"{number:,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def draft_count_cells(app: App[object], articles: list[ArticleInfo]) -> dict[str, Text]:
    """The library's drafts column, keyed like its rows (str of the article path)."""
    store = shell(app).drafts
    counts = store.count_by_article()
    shell(app).report(store.take_problems())
    cells: dict[str, Text] = {}
    for info in articles:
        count = counts.get(path_key(info.path), 0)
        cells[str(info.path)] = Text(f"✎ {count}" if count else "", justify="right")
    return cells
