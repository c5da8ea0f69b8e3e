"""The fast path for sections of plain prose: headings and one-line paragraphs, no markup.

Most opening screens are exactly that: a title, a byline, a few paragraphs. Rendering them
needs neither markdown-it nor Rich's Markdown module (with Pygments behind it, ~25 ms to import
before the first paint). `plain_blocks` accepts a section only when every block is an ATX
heading or a paragraph on a single line whose characters can mean nothing to Markdown; then
`PlainBlocks` renders what Rich's Markdown renders for it, segment style for segment style (the
tests compare the two on the bundled articles and on generated sections). Anything else is
left to Rich (core.render).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, JustifyMethod, RenderResult
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
    style_name: str  # "markdown.paragraph" or "markdown.h1".."markdown.h6"
    text: str
    justify: JustifyMethod


def plain_blocks(source: str) -> list[Block] | None:
    """The section's blocks when it is plain prose (see the module), else None."""
    blocks: list[Block] = []
    for line in source.split("\n"):
        if not line or line.isspace():
            continue
        heading = _HEADING.match(line)
        if heading is not None:
            marks, text = heading.groups()
            if _MARKUP.search(text):
                return None
            level = len(marks)
            blocks.append(Block(f"markdown.h{level}", text, "center" if level == 1 else "left"))
            continue
        if not (line[0].isalpha() or line[0] in _OPENERS) or line != line.rstrip():
            return None
        if _MARKUP.search(line):
            return None
        blocks.append(Block("markdown.paragraph", line, "left"))
    # Consecutive non-blank lines would join into one paragraph (or make a setext heading).
    if len(blocks) != _block_count(source):
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
    element over the document's, one empty line between blocks."""

    def __init__(self, blocks: Iterable[Block]) -> None:
        self.blocks = list(blocks)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        base = StyleStack(console.get_style("none", default="none"))
        options = options.update(height=None)
        for index, block in enumerate(self.blocks):
            base.push(console.get_style(block.style_name, default="none"))
            text = Text(justify=block.justify)
            text.append(block.text, base.current)
            base.pop()
            if index:
                yield Segment.line()
            yield from console.render(text, options)
