"""`reader --print`: the rendered article on standard output, like a pager's dump mode.

Rich decides colour: styled on a terminal, plain text with no escape sequences when piped, and
no colour under NO_COLOR. Article text is never interpreted as Rich markup.
"""

from __future__ import annotations

import sys
from typing import TextIO

from rich.console import Console
from rich.text import Text

from tui_reader.core.article import Article
from tui_reader.core.catalog import t
from tui_reader.core.render import section_renderable


class _PrintConsole(Console):
    def on_broken_pipe(self) -> None:
        # Rich exits with status 1 when the reader of the pipe leaves (`reader --print x |
        # head -1`); the CLI treats that as the end of the output, as `cat` does: status 0.
        self.quiet = True
        raise BrokenPipeError


def header(article: Article, lang: str) -> Text:
    meta = [m for m in (article.author, article.source_url, article.date) if m]
    meta.append(t("reading.minutes", lang, minutes=article.reading_minutes))
    if article.comments_open:
        meta.append(t("reading.comments_open", lang))
    text = Text(article.title, style="bold")
    text.append("\n" + " · ".join(meta), style="dim")
    return text


def print_article(
    article: Article, *, width: int | None = None, lang: str = "en", file: TextIO | None = None
) -> None:
    console = _PrintConsole(file=file or sys.stdout, width=width, soft_wrap=False)
    console.print(header(article, lang))
    console.print()
    for section in article.sections:
        # `#slug` links lead nowhere in a dump: no hyperlink for them. Too deep to lay out:
        # plain text rather than the text Rich would drop (core.render).
        console.print(
            section_renderable(section.source, console.width, lang=lang, internal_links=False)
        )
