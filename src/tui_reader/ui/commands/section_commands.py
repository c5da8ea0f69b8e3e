"""Palette provider of the reading screen: jump to a section by (fuzzy) title."""

from __future__ import annotations

from collections import OrderedDict
from functools import partial

from textual.command import Hit, Hits, Provider

from tui_reader.core.article.model import Article
from tui_reader.core.catalog import t
from tui_reader.core.find.title_match import TitleIndex
from tui_reader.ui.commands.common import MAX_HITS, highlight_style, hit_label, lang_of

# Folded titles per article, kept across palette openings (a provider lives for one opening).
_INDEXES: OrderedDict[int, tuple[Article, TitleIndex]] = OrderedDict()
_KEEP = 4


def section_titles(article: Article) -> list[str]:
    lead = t("reading.lead", article.lang)
    return [section.title or lead for section in article.sections]


def title_index(article: Article) -> TitleIndex:
    cached = _INDEXES.get(id(article))
    if cached is not None and cached[0] is article:
        _INDEXES.move_to_end(id(article))
        return cached[1]
    index = TitleIndex(section_titles(article))
    _INDEXES[id(article)] = (article, index)
    while len(_INDEXES) > _KEEP:
        _INDEXES.popitem(last=False)
    return index


class SectionCommands(Provider):
    """`Section: <title>` hits; choosing one brings the section to the top of the view."""

    async def startup(self) -> None:
        article = getattr(self.screen, "article", None)
        self._index = title_index(article) if isinstance(article, Article) else TitleIndex([])

    async def search(self, query: str) -> Hits:
        prefix = t("palette.prefix.section", lang_of(self.app))
        style = highlight_style(self)
        for match in self._index.rank(query, MAX_HITS):
            title = self._index.titles[match.index]
            yield Hit(
                match.score,
                hit_label(prefix, title, match, style),
                partial(self._jump, match.index),
                text=prefix + title,
            )

    def _jump(self, index: int) -> None:
        jump = getattr(self.screen, "jump_to_section", None)
        if jump is not None:
            jump(index)
