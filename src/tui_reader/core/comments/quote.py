"""The paragraph a reader is looking at, as a Markdown quote for a comment. Pure Python.

The reading view only knows rendered lines (wrapped, markup removed, bullets and quote bars
added); the comment wants the author's words. So the section's Markdown is split into blocks
with markdown-it (the parser Rich renders with), each block reduced to its plain words, and the
first lines shown at the top of the view are looked up among those words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from tui_reader.core.render.inline_text import inline_text

# Blocks worth quoting; headings, tables and rules are skipped in favour of the next one.
QUOTABLE = ("paragraph", "code")
# How many rendered lines (from the top) are used to tell apart blocks sharing a phrase.
WINDOW = 3

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # "paragraph" | "heading" | "code" | "table"
    text: str  # plain text: inline markup removed, soft line breaks made spaces
    words: tuple[str, ...]


def words(text: str) -> tuple[str, ...]:
    """The words of `text`, case-folded: what survives rendering unchanged."""
    return tuple(w.casefold() for w in _WORD.findall(text))


def blocks(source: str) -> list[Block]:
    """The section's blocks in order; list items and quoted paragraphs are blocks of their own."""
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    out: list[Block] = []
    table: list[str] | None = None
    kind = ""
    for token in md.parse(source):
        if token.type == "table_open":
            table = []
        elif token.type == "table_close" and table is not None:
            text = " ".join(table)
            out.append(Block("table", text, words(text)))
            table = None
        elif token.type in ("paragraph_open", "heading_open"):
            kind = "paragraph" if token.type == "paragraph_open" else "heading"
        elif token.type == "inline":
            text = inline_text(token.children or [], hard_break="\n").strip()
            if table is not None:
                table.append(text)
            elif kind and text:
                out.append(Block(kind, text, words(text)))
            kind = ""
        elif token.type in ("fence", "code_block"):
            text = token.content.rstrip("\n")
            if text.strip():
                out.append(Block("code", text, words(text)))
    return out


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    if n == 0 or n > len(haystack):
        return False
    first = needle[0]
    return any(
        haystack[i] == first and haystack[i : i + n] == needle for i in range(len(haystack) - n + 1)
    )


def _quotable_from(found: list[Block], index: int) -> Block | None:
    for block in found[index:]:
        if block.kind in QUOTABLE:
            return block
    return None


def paragraph_at(source: str, top_lines: list[str]) -> str:
    """The plain text of the block shown at the top of the view, "" when there is none.

    `top_lines` are the rendered lines of the section from the top of the view downwards. The
    first lines with words are looked up among the blocks' words (several lines together first,
    which tells apart blocks sharing a phrase). A heading or table at the top gives the first
    paragraph after it; lines that match nothing give the section's first paragraph.
    """
    found = blocks(source)
    if not found:
        return ""
    lines = [w for w in (words(line) for line in top_lines) if w]
    for size in range(min(WINDOW, len(lines)), 0, -1):
        needle = tuple(word for line in lines[:size] for word in line)
        for index, block in enumerate(found):
            if _contains(block.words, needle):
                chosen = _quotable_from(found, index)
                return chosen.text if chosen else ""
    chosen = _quotable_from(found, 0)
    return chosen.text if chosen else ""


def as_markdown_quote(text: str) -> str:
    """`text` as a Markdown block quote: every line prefixed with "> " (blank lines with ">")."""
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.splitlines())


def with_quote(comment: str, quote: str, previous: str = "") -> str:
    """The comment with `quote` as a block quote at the top.

    When the comment already starts with the `previous` quote (the one recorded in the draft),
    that quote is replaced rather than stacked, so quoting again changes the passage.
    """
    block = as_markdown_quote(quote)
    if previous:
        old = as_markdown_quote(previous)
        if comment.startswith(old):
            comment = comment[len(old) :].lstrip("\n")
    if not comment:
        return block + "\n\n"
    return f"{block}\n\n{comment}"
