"""The fast path for sections of plain prose: headings, paragraphs and quotes, no markup.

Most opening screens are exactly that: a title, a byline, a few paragraphs. Rendering them
needs neither markdown-it nor Rich's Markdown module (with Pygments behind it, ~25 ms to import
before the first paint). `plain_blocks` accepts a section only when every block is an ATX
heading, a paragraph on a single line or a block quote of such lines, whose characters can
mean nothing to Markdown; then
`PlainBlocks` renders what Rich's Markdown renders for it, segment style for segment style (the
tests compare the two on the bundled articles and on generated sections). Anything else is
left to Rich (core.render.markdown).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, JustifyMethod, RenderResult
from rich.containers import Renderables
from rich.segment import Segment
from rich.style import StyleStack
from rich.text import Text

# Characters with a meaning somewhere in CommonMark, GFM tables or strikethrough, or HTML: a
# line holding one goes to Rich. Tabs and carriage returns too (indentation rules).
_MARKUP = re.compile(r"[\\`*_\[\]<>&!|~#\t\r]")
_HEADING = re.compile(r"(#{1,6}) +(\S(?:.*\S)?)\Z")
# A paragraph must open on a letter or an opening quote: not a list, quote, rule or number.
_OPENERS = "«“‘\"'("


@dataclass(frozen=True, slots=True)
class Block:
    style_name: str  # "markdown.paragraph", "markdown.h1".."markdown.h6", or QUOTE
    text: str
    justify: JustifyMethod


QUOTE = "markdown.block_quote"  # a paragraph in a block quote


def _plain(line: str) -> bool:
    """A line that Markdown takes as it is, in a paragraph: no markup, no list or quote mark."""
    return (
        bool(line)
        and (line[0].isalpha() or line[0] in _OPENERS)
        and line == line.rstrip()
        and not _MARKUP.search(line)
    )


def plain_blocks(source: str) -> list[Block] | None:
    """The section's blocks when it is plain prose (see the module), else None."""
    blocks: list[Block] = []
    quote: list[str] = []  # the lines of the block quote being read
    runs = 0
    for line in [*source.split("\n"), ""]:
        if line.startswith("> "):
            if not _plain(line[2:]):
                return None
            quote.append(line[2:])
            continue
        if quote:  # a quote ends at a blank line (a lazy continuation line goes to Rich)
            if line and not line.isspace():
                return None
            blocks.append(Block(QUOTE, " ".join(quote), "left"))  # soft breaks are spaces
            quote, runs = [], runs + 1
            continue
        if not line or line.isspace():
            continue
        heading = _HEADING.match(line)
        if heading is not None:
            marks, text = heading.groups()
            if _MARKUP.search(text):
                return None
            level = len(marks)
            blocks.append(Block(f"markdown.h{level}", text, "center" if level == 1 else "left"))
        elif _plain(line):
            blocks.append(Block("markdown.paragraph", line, "left"))
        else:
            return None
        runs += 1
    # Consecutive non-blank lines would join into one paragraph (or make a setext heading).
    if runs != _block_count(source):
        return None
    return blocks or None


def _block_count(source: str) -> int:
    """Runs of non-blank lines."""
    count, inside = 0, False
    for line in source.split("\n"):
        blank = not line or line.isspace()
        if not blank and not inside:
            count += 1
        inside = not blank
    return count


class PlainBlocks:
    """What Rich's Markdown yields for these blocks: each block's text in the style of its
    element over the document's, one empty line between blocks; a quote's paragraph is laid
    out 4 columns narrower, behind "▌ "."""

    def __init__(self, blocks: Iterable[Block]) -> None:
        self.blocks = list(blocks)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        stack = StyleStack(console.get_style("none", default="none"))
        options = options.update(height=None)
        for index, block in enumerate(self.blocks):
            # Rich's quote follows the line break its inner paragraph asks for, even first.
            if index or block.style_name == QUOTE:
                yield Segment.line()
            if block.style_name != QUOTE:
                stack.push(console.get_style(block.style_name, default="none"))
                yield from console.render(_text(block, stack), options)
                stack.pop()
                continue
            stack.push(console.get_style(QUOTE, default="none"))
            quote_style = stack.current
            stack.push(console.get_style("markdown.paragraph", default="none"))
            inner = Renderables([_text(block, stack)])
            stack.pop()
            stack.pop()
            narrower = options.update(width=options.max_width - 4)
            for line in console.render_lines(inner, narrower, style=quote_style):
                yield Segment("▌ ", quote_style)
                yield from line
                yield Segment("\n")


def _text(block: Block, stack: StyleStack) -> Text:
    text = Text(justify=block.justify)
    text.append(block.text, stack.current)
    return text
