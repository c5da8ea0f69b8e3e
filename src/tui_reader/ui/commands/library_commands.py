"""Palette provider: open another article of the library by (fuzzy) title."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from textual.command import Hit, Hits, Provider

from tui_reader.core.catalog import t
from tui_reader.core.find.title_match import TitleIndex
from tui_reader.ui.commands.common import MAX_HITS, highlight_style, hit_label, lang_of
from tui_reader.ui.shell import shell


class LibraryCommands(Provider):
    """`Open: <title>` hits for the articles of the library."""

    async def startup(self) -> None:
        articles = shell(self.app).articles
        self._paths: list[Path] = [info.path for info in articles]
        self._index = TitleIndex([info.title for info in articles])

    async def search(self, query: str) -> Hits:
        prefix = t("palette.prefix.article", lang_of(self.app))
        style = highlight_style(self)
        for match in self._index.rank(query, MAX_HITS):
            title = self._index.titles[match.index]
            yield Hit(
                match.score * 0.95,  # a section of the open article wins a tie
                hit_label(prefix, title, match, style),
                partial(self._open, self._paths[match.index]),
                text=prefix + title,
            )

    def _open(self, path: Path) -> None:
        shell(self.app).open_article(path)
