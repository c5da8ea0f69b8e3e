"""The Textual application: a library screen with reading screens pushed on top."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from tui_reader.core.article import Article, ArticleError, Notice, load_article
from tui_reader.core.catalog import t
from tui_reader.core.launch import Launch
from tui_reader.core.library import ArticleInfo
from tui_reader.ui.screens.library_screen import LibraryScreen
from tui_reader.ui.screens.reading_screen import ReadingScreen


class ReaderApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "tui-reader"
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self,
        *,
        library_dir: Path,
        articles: list[ArticleInfo],
        lang: str,
        article: Article | None = None,
        notices: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.library_dir = library_dir
        self.articles = articles
        self.lang = lang
        self._initial_article = article
        self._initial_notices = notices or []

    @classmethod
    def from_launch(cls, launch: Launch, lang: str) -> ReaderApp:
        problems = launch.listing.problems
        skipped = (
            [t("library.skipped", lang, count=len(problems), first=problems[0][0].name)]
            if problems
            else []
        )
        return cls(
            library_dir=launch.library_dir,
            articles=launch.listing.articles,
            lang=lang,
            article=launch.article,
            notices=skipped,
        )

    def get_default_screen(self) -> LibraryScreen:
        return LibraryScreen(self.library_dir, self.articles, self.lang)

    def on_mount(self) -> None:
        if self._initial_article is not None:
            self.show_article(self._initial_article)
        for message in self._initial_notices:
            self.notify(message, severity="warning", timeout=8)

    def open_article(self, path: Path) -> None:
        try:
            article = load_article(path)
        except ArticleError as error:
            self.notify(t(error.key, self.lang, **error.params), severity="error")
            return
        self.show_article(article)

    def show_article(self, article: Article) -> None:
        for notice in article.notices:
            self.notify(notice_text(notice, self.lang), severity="warning", timeout=8)
        self.push_screen(ReadingScreen(article, self.lang))


def notice_text(notice: Notice, lang: str) -> str:
    return t(notice.key, lang, **notice.params)
