"""The paragraph a reader is looking at, as a Markdown quote for a comment. Pure Python.

The reading view only knows rendered lines (wrapped, markup removed, bullets and quote bars
added); the comment wants the author's words. So the section's Markdown is split into blocks
with markdown-it (the parser Rich renders with), each block reduced to its plain words, and the
first lines shown at the top of the view are looked up among those words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    from markdown_it import MarkdownIt  # imported here: drafts read legacy quotes without it

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


def leading_quote_end(comment: str) -> int:
    """Where the block quote the comment starts with ends, blank lines after it included
    (0 when the comment does not start with one)."""
    end = 0
    lines = comment.splitlines(keepends=True)
    index = 0
    while index < len(lines) and lines[index].startswith(">"):
        end += len(lines[index])
        index += 1
    if not end:
        return 0
    while index < len(lines) and not lines[index].strip():
        end += len(lines[index])
        index += 1
    return end


def with_quote(comment: str, quote: str) -> str:
    """The comment with `quote` as a block quote at the top. The comment is the one place the
    quote is kept (what is posted is the comment), so quoting again replaces the block quote
    the comment starts with rather than stacking another."""
    block = as_markdown_quote(quote)
    comment = comment[leading_quote_end(comment) :]
    if not comment:
        return block + "\n\n"
    return f"{block}\n\n{comment}"


def fold_legacy_quote(comment: str, quote: str) -> str:
    """A draft written before the quote lived only in the comment kept it twice: in `quote`
    and as a `> ` block at the top of `comment`. The comment alone is kept: as it is when it
    already starts with a block quote (that one, perhaps edited), else with the quote put in
    front, so that no quoted text is lost."""
    if not quote.strip() or leading_quote_end(comment) or as_markdown_quote(quote) in comment:
        return comment
    return with_quote(comment, quote)


def for_editor(comment: str) -> str:
    """The comment as written to the $EDITOR file: ending with a newline, as text files do,
    so that a line an editor or a script appends starts on a line of its own."""
    return comment if not comment or comment.endswith("\n") else comment + "\n"


def from_editor(text: str, original: str) -> str:
    """What the editor wrote back, as the comment: without the final newline `for_editor`
    added (or the editor did) when the comment had none."""
    if original.endswith("\n"):
        return text
    for ending in ("\r\n", "\n"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text
