"""Markdown → Rich, one section at a time.

Rich renders the Markdown (it parses with markdown-it-py). Article text never goes through Rich
markup, so `[bold]` in an article stays literal; control characters were made inert when the
article was loaded. Links are filtered here: only http, https and mailto become terminal
hyperlinks, `#slug` links become in-app jumps, anything else is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Iterable
from copy import copy
from functools import cache
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from tui_reader.core.catalog import t
from tui_reader.core.render.plain_blocks import PlainBlocks, plain_blocks

if TYPE_CHECKING:
    from rich.markdown import Markdown

    from tui_reader.core.render.wide_blocks import WideLine

EXTERNAL_SCHEMES = ("http://", "https://", "mailto:")
# Textual runs `@click` meta as an action on the widget that rendered the segment.
LINK_ACTION = "follow_link"
CODE_THEME = "monokai"
# Pygments takes ~30 µs a character to highlight code (a 1 MB minified script in a ```js fence
# would freeze the screen for half a minute): bigger code blocks are shown without colours.
HIGHLIGHT_LIMIT = 20_000


def is_external(href: str) -> bool:
    return href.lower().startswith(EXTERNAL_SCHEMES)


def _filter_links(tokens: list, internal: bool = True, mark_spoofed: bool = True) -> None:
    """Drop the href of links we refuse, so Rich renders their text without a hyperlink.

    Images too: Rich makes their `src` a hyperlink (smb:, data:, relative paths...).
    `internal`: whether `#slug` links are kept (not in `--print`, where nothing follows them).
    A link whose text reads as the address of another host gets the real host written after
    it (core.render.link_spoof), unless `mark_spoofed` is off (plain output writes every address).
    """
    if mark_spoofed:
        _mark_spoofed_links(tokens)
    for token in tokens:
        attr = "href" if token.type == "link_open" else "src" if token.type == "image" else None
        if attr is not None:
            href = str(token.attrs.get(attr, ""))
            if not ((internal and href.startswith("#")) or is_external(href)):
                token.attrs[attr] = ""
        if token.children:
            _filter_links(token.children, internal, mark_spoofed)


def _mark_spoofed_links(tokens: list) -> None:
    """Insert " (→ real.host)" after the text of each spoofed link of these inline tokens."""
    if not any(token.type == "link_open" for token in tokens):
        return
    from tui_reader.core.render.link_spoof import real_host_if_spoofed

    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if token.type != "link_open":
            continue
        start = index
        while index < len(tokens) and tokens[index].type != "link_close":
            index += 1
        text = "".join(t.content for t in tokens[start:index] if t.type in _TEXT_TOKENS)
        host = real_host_if_spoofed(text, str(token.attrs.get("href", "")))
        if host is not None and index < len(tokens):
            mark = copy(tokens[index - 1] if index > start else token)
            mark.type, mark.tag, mark.nesting, mark.children = "text", "", 0, None
            mark.content = f" (→ {host})"
            tokens.insert(index + 1, mark)  # after link_close: not part of the link
            index += 1


_TEXT_TOKENS = frozenset({"text", "code_inline"})


def section_markdown(source: str, *, internal_links: bool = True, plain: bool = False) -> Markdown:
    """Rich's Markdown for the section. `plain`: for text without styles (`--print` piped):
    headings keep their `#` marks and links show their address after their text."""
    # Imported on first use: markdown-it, Rich's Markdown and Pygments take ~25 ms, which a
    # first screen of plain prose (core.render.plain_blocks) does not wait for.
    from tui_reader.core.render.markdown_tokens import parse

    if plain:
        markdown: Markdown = _plain_markdown_class()("", code_theme=CODE_THEME, hyperlinks=False)
    else:
        markdown = _markdown_class()("", code_theme=CODE_THEME, hyperlinks=True)
    # Our parser: Rich's, with footnotes, and HTML rewritten to what it can show.
    markdown.markup = source
    markdown.parsed = parse(source)
    _filter_links(markdown.parsed, internal_links, mark_spoofed=not plain)
    if plain:
        _unlink_refused(markdown.parsed)
    for token in markdown.parsed:  # block tokens are flat: fences in lists and quotes too
        if token.type == "fence" and len(token.content) > HIGHLIGHT_LIMIT:
            token.info = ""  # Rich then uses Pygments' plain "text" lexer: fast
    return markdown


def _unlink_refused(tokens: list) -> None:
    """Without hyperlinks Rich writes "text (address)": refused links keep their text only."""
    for token in tokens:
        if token.children:
            kept, dropping = [], []
            for child in token.children:
                if child.type == "link_open" and not child.attrs.get("href"):
                    dropping.append(True)
                    continue
                if child.type == "link_open":
                    dropping.append(False)
                elif child.type == "link_close" and dropping and dropping.pop():
                    continue
                kept.append(child)
            token.children = kept


@cache
def _markdown_class() -> type[Markdown]:
    """Rich's Markdown with code blocks and tables never wrapped (core.render.wide_blocks)."""
    from rich.markdown import CodeBlock, Markdown, TableElement
    from rich.measure import Measurement
    from rich.syntax import Syntax

    from tui_reader.core.render.wide_blocks import WIDE_LIMIT, NoWrap

    class NoWrapCodeBlock(CodeBlock):
        def __rich_console__(self, console: Console, options: ConsoleOptions):
            code = str(self.text).rstrip().expandtabs(8)
            syntax = Syntax(code, self.lexer_name, theme=self.theme, word_wrap=False, padding=1)
            longest = max(cell_len(line) for line in code.split("\n"))
            if longest + 2 > WIDE_LIMIT:  # folded after all (wide_blocks)
                syntax.word_wrap = True
                yield syntax
            else:
                yield NoWrap(syntax, longest + 2)

    class NoWrapTable(TableElement):
        def __rich_console__(self, console: Console, options: ConsoleOptions):
            for table in super().__rich_console__(console, options):
                assert not isinstance(table, Segment)  # Rich's element yields its Table
                natural = Measurement.get(console, options.update_width(WIDE_LIMIT), table)
                yield NoWrap(table, natural.maximum)

    class ReaderMarkdown(Markdown):
        elements = {  # noqa: RUF012
            **Markdown.elements,
            "fence": NoWrapCodeBlock,
            "code_block": NoWrapCodeBlock,
            "table_open": NoWrapTable,
        }

    return ReaderMarkdown


@cache
def _plain_markdown_class() -> type[Markdown]:
    from rich.markdown import Heading

    class MarkedHeading(Heading):
        """A heading as Markdown writes it ("## Title"), on the left, for plain text."""

        def __rich_console__(self, console: Console, options: ConsoleOptions):
            text = Text("#" * int(self.tag[1:]) + " ") + self.text
            text.justify = "left"
            yield text

    base = _markdown_class()

    class PlainMarkdown(base):  # type: ignore[valid-type,misc]
        elements = {**base.elements, "heading_open": MarkedHeading}  # noqa: RUF012

    return PlainMarkdown


# markdown-it stops parsing containers nested deeper than its maxNesting and silently drops what
# is inside; Rich needs about 4 columns per block quote or list level and shows nothing of a
# paragraph left with no room. Past either limit a section is shown as plain text (issue 6).
@cache
def _max_nesting() -> int:
    from markdown_it import MarkdownIt

    return int(MarkdownIt().options["maxNesting"])


_COLUMNS_PER_LEVEL = 4
_CONTAINERS_OPEN = frozenset({"blockquote_open", "bullet_list_open", "ordered_list_open"})
_CONTAINERS_CLOSE = frozenset({"blockquote_close", "bullet_list_close", "ordered_list_close"})


def too_deep(markdown: Markdown, width: int) -> bool:
    """Whether Rich would lose part of the section: nesting markdown-it gives up on, or more
    quote/list levels than `width` columns can indent."""
    depth = deepest = level = 0
    for token in markdown.parsed:
        level = max(level, token.level)
        if token.type in _CONTAINERS_OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif token.type in _CONTAINERS_CLOSE:
            depth -= 1
    return level >= _max_nesting() - 1 or deepest * _COLUMNS_PER_LEVEL > width - _COLUMNS_PER_LEVEL


def plain_section(source: str, lang: str = "en") -> Group:
    """The section's text as written (never markup), under a notice saying why."""
    notice = Text(t("render.plain_text", lang), style="dim italic")
    return Group(notice, Text(source.rstrip("\n")))


# Rich lays out Markdown at 30–100 KB a second when it is dense (`*a*` spans, short lines,
# links) and plain Text at ~0.1 MB a second for long unbreakable lines: a bigger section is
# shown as plain text folded here, about 10 MB a second whatever it holds (issue 16).
LAYOUT_LIMIT = 50_000


class PlainLines:
    """A section's text as written, folded to the width without Rich's Text: at a space
    when a line has one within the width, else at the width, with a notice on top."""

    def __init__(self, source: str, lang: str = "en") -> None:
        self.source = source
        self.lang = lang

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterable[Segment]:
        yield from console.render(Text(t("render.plain_large", self.lang), style="dim italic"))
        yield Segment.line()
        width = max(1, options.max_width)
        for line in self.source.rstrip("\n").split("\n"):
            for piece in fold_line(line.expandtabs(8) if "\t" in line else line, width):
                yield Segment(piece)
                yield Segment.line()


def fold_line(line: str, width: int) -> list[str]:
    """`line` cut into pieces of at most `width` terminal cells, at spaces where possible.
    One slice a piece when every character is one cell wide (checked once per distinct
    character), else one step a character."""
    from rich.cells import get_character_cell_size

    sizes = {char: get_character_cell_size(char) for char in set(line)}
    if all(size == 1 for size in sizes.values()):
        pieces, start = [], 0
        while len(line) - start > width:
            cut = line.rfind(" ", start + 1, start + width + 1)
            if cut < 0:
                pieces.append(line[start : start + width])
                start += width
            else:
                pieces.append(line[start:cut])
                start = cut + 1
        pieces.append(line[start:])
        return pieces
    pieces, start, used = [], 0, 0
    for index, char in enumerate(line):
        size = sizes[char]
        if used + size > width and index > start:
            pieces.append(line[start:index])
            start, used = index, 0
        used += size
    pieces.append(line[start:])
    return pieces


def section_renderable(
    source: str,
    width: int,
    *,
    lang: str = "en",
    internal_links: bool = True,
    plain: bool = False,
) -> RenderableType:
    """Rich's Markdown for the section, or plain text when Markdown would lose some of it or
    take too long (LAYOUT_LIMIT). Plain prose takes the fast path, which renders the same
    without markdown-it (not for `plain` output, whose headings differ)."""
    if len(source) > LAYOUT_LIMIT:
        return PlainLines(source, lang)
    blocks = None if plain else plain_blocks(source)
    if blocks is not None:
        return PlainBlocks(blocks)
    try:
        markdown = section_markdown(source, internal_links=internal_links, plain=plain)
    except RecursionError:
        return plain_section(source, lang)
    return plain_section(source, lang) if too_deep(markdown, width) else markdown


def _link_style(style: Style) -> Style:
    """Turn a Rich link into our click action; internal links lose the OSC 8 hyperlink."""
    href = style.link or ""
    meta = Style.from_meta({"@click": f"{LINK_ACTION}({href!r})"})
    if href.startswith("#"):
        return style.update_link(None) + meta
    return style + meta


def render_lines(
    source: str,
    console: Console,
    width: int,
    options: ConsoleOptions | None = None,
    *,
    lang: str = "en",
    wide: dict[int, WideLine] | None = None,
) -> list[list[Segment]]:
    """The section's Markdown as lines of segments exactly `width` cells wide. Never raises for
    any text: what Rich cannot lay out (too deep, or any error of its own) is shown as plain
    text with a notice in `lang`, the interface language. Code blocks and tables wider than
    `width` are cut with a cue (core.render.wide_blocks); `wide` receives their full lines."""
    from tui_reader.core.render.wide_blocks import collect_wide_lines, collecting

    options = (options or console.options).update(width=width, max_width=width, height=None)
    with collecting() as blocks:
        try:
            lines = console.render_lines(
                section_renderable(source, width, lang=lang), options, pad=True
            )
        except Exception:  # RecursionError included: the reader must open whatever the text
            blocks.clear()
            lines = console.render_lines(plain_section(source, lang), options, pad=True)
    found = collect_wide_lines(lines, blocks)
    if wide is not None:
        wide.update(found)
    out: list[list[Segment]] = []
    for line in lines:
        if any(seg.style is not None and seg.style.link for seg in line):
            line = [
                Segment(seg.text, _link_style(seg.style))
                if seg.style is not None and seg.style.link
                else seg
                for seg in line
            ]
        out.append(line)
    # Exactly one blank line after each section, so consecutive sections don't abut.
    while out and _is_blank(out[-1]):
        out.pop()
    out.append([Segment(" " * width)])
    return out


def _is_blank(line: list[Segment]) -> bool:
    return not "".join(seg.text for seg in line).strip()


def estimate_height(source: str, width: int) -> int:
    """A cheap guess of a section's rendered height, used before it is rendered."""
    width = max(width - 4, 10)
    return source.count("\n") + len(source) // width + 2
