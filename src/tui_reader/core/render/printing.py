"""`reader --print`: the rendered article on standard output, like a pager's dump mode.

On a terminal (and through the pager, core.render.pager) the article is styled as in the app. Piped,
it is plain text made to be read as text: headings marked as in Markdown ("## Title") with a
blank line before them, link addresses after their text, the title once, no trailing spaces.
No colour under NO_COLOR. Article text is never interpreted as Rich markup.
"""

from __future__ import annotations

import io
import re
import sys
from typing import TextIO

from rich.console import Console, RenderableType
from rich.text import Text

from tui_reader.core.article.dates import shown_date
from tui_reader.core.article.model import Article, Section
from tui_reader.core.catalog import t
from tui_reader.core.render.markdown import section_renderable

_TITLE_LINE = re.compile(r"# [^\n]*\n?")


class _PrintConsole(Console):
    def on_broken_pipe(self) -> None:
        # Rich exits with status 1 when the reader of the pipe leaves (`reader --print x |
        # head -1`); the CLI treats that as the end of the output, as `cat` does: status 0.
        self.quiet = True
        raise BrokenPipeError


def meta_line(article: Article, lang: str) -> str:
    meta = [m for m in (article.author, article.source_url, shown_date(article.date)) if m]
    meta.append(t("reading.minutes", lang, minutes=article.reading_minutes))
    if article.comments_open:
        meta.append(t("reading.comments_open", lang))
    return " · ".join(meta)


def header(article: Article, lang: str) -> Text:
    text = Text(article.title, style="bold")
    text.append("\n" + meta_line(article, lang), style="dim")
    return text


def print_article(
    article: Article,
    *,
    width: int | None = None,
    lang: str = "en",
    file: TextIO | None = None,
    styled: bool | None = None,
) -> None:
    """Write the article to `file` (stdout). `styled`: Rich's styles (default: when `file` is a
    terminal); else the plain text described in the module."""
    out = file or sys.stdout
    console = Console(file=out, width=width, soft_wrap=False)
    if styled if styled is not None else console.is_terminal:
        console = _PrintConsole(file=out, width=width, soft_wrap=False, force_terminal=True)
        console.print(header(article, lang))
        console.print()
        for section in article.sections:
            # `#slug` links lead nowhere in a dump: no hyperlink for them. Too deep to lay
            # out: plain text rather than the text Rich would drop (core.render.markdown).
            # crop=False: code blocks and tables are written in full, never wrapped nor cut.
            console.print(
                section_renderable(section.source, console.width, lang=lang, internal_links=False),
                crop=False,
            )
        return
    out.write(plain_text(article, width=console.width, lang=lang))


def plain_text(article: Article, *, width: int = 80, lang: str = "en") -> str:
    """The article as plain text (see the module), `width` columns at most."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, soft_wrap=False, color_system=None, force_terminal=False
    )

    def rendered(renderable: RenderableType) -> str:
        buffer.seek(0)
        buffer.truncate()
        console.print(renderable, crop=False)  # wide code and tables in full
        lines = [line.rstrip() for line in buffer.getvalue().split("\n")]
        return "\n".join(lines).strip("\n") + "\n"

    # Text objects, never markup: a title like "[bold]" stays literal.
    parts = [rendered(Text(f"# {article.title}\n{meta_line(article, lang)}"))]
    for index, section in enumerate(article.sections):
        source = _without_title(section, article) if index < 2 else section.source
        if source.strip():
            parts.append(
                rendered(
                    section_renderable(source, width, lang=lang, internal_links=False, plain=True)
                )
            )
    # One blank line between the header and each section (each starts with its heading).
    return "\n".join(parts)


def _without_title(section: Section, article: Article) -> str:
    """The section without its `# Title` line when that is the article's title, printed once
    in the header."""
    if section.level == 1 and section.title == article.title:
        match = _TITLE_LINE.match(section.source)
        if match is not None:
            return section.source[match.end() :]
    return section.source
