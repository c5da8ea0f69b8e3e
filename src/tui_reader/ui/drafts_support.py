"""What the composer, the drafts screen and the reading and library screens share about drafts."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import App

from tui_reader.core.article import Article, ArticleError, load_article
from tui_reader.core.atomic_file import FileProblem
from tui_reader.core.catalog import t
from tui_reader.core.drafts import Draft, DraftStore, normalise_article_path, parse_time
from tui_reader.core.identity import Identity, load_identity


def store_of(app: App) -> DraftStore:
    """The app's draft store (ReaderApp.drafts); a fresh one for an app without it (tests)."""
    store = getattr(app, "drafts", None)
    return store if isinstance(store, DraftStore) else DraftStore()


def problem_text(problem: FileProblem, lang: str) -> str:
    params = {"path": str(problem.path), "moved_to": str(problem.moved_to), **problem.params}
    return t(problem.key, lang, **params)


def report_problems(
    app: App, problems: list[FileProblem] | tuple[FileProblem, ...], lang: str
) -> None:
    """Tell the user about draft files set aside or unreadable (they stay on disk)."""
    for problem in problems:
        app.notify(problem_text(problem, lang), severity="warning", timeout=10)


def report_store_problems(app: App, lang: str) -> None:
    report_problems(app, store_of(app).take_problems(), lang)


def article_key(article: Article) -> str:
    """How the store finds an article's drafts: its path, or its text hash for stdin."""
    return str(article.path) if article.path is not None else article.text_hash


def same_article(article: Article, draft: Draft) -> bool:
    if article.path is not None and draft.article.path is not None:
        return normalise_article_path(article.path) == draft.article.path
    return bool(article.text_hash) and article.text_hash == draft.article.text_hash


def section_ref(article: Article, index: int) -> tuple[str, str]:
    """Slug and title of section `index`; the lead section is called like in the sidebar."""
    if not article.sections:
        return "", article.title
    section = article.sections[max(0, min(index, len(article.sections) - 1))]
    return section.slug, section.title or t("reading.lead", article.lang)


def load_saved_identity(app: App, lang: str) -> Identity | None:
    """The remembered name/email/website; problems are reported, never fatal."""
    result = load_identity()
    if result.problem is not None:
        report_problems(app, [result.problem], lang)
    if result.error_key is not None:
        app.notify(t(result.error_key, lang, **(result.error_params or {})), severity="warning")
    return result.identity


def new_draft(
    app: App, article: Article, section_slug: str, section_title: str, lang: str
) -> Draft:
    """A new draft (in memory only) on `article`, prefilled with the remembered identity."""
    section = article.section_by_slug(section_slug) or article.sections[0]
    return store_of(app).new_on(
        article, section, section_title=section_title, identity=load_saved_identity(app, lang)
    )


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


def draft_count_cells(app: App, articles: list, lang: str) -> dict[str, Text]:
    """The library's drafts column, keyed like its rows (str of the article path)."""
    store = store_of(app)
    counts = store.count_by_article()
    report_problems(app, store.take_problems(), lang)
    cells: dict[str, Text] = {}
    for info in articles:
        count = counts.get(normalise_article_path(info.path) or "", 0)
        cells[str(info.path)] = Text(f"✎ {count}" if count else "", justify="right")
    return cells
