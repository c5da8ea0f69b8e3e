"""The plain text of Markdown inline tokens (markdown-it), as a reader sees it on screen.

Used where a piece of the article is taken as text: a link's label (core.find.links), a
quoted paragraph (core.comments.quote).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token


def inline_text(tokens: Iterable[Token], *, hard_break: str = " ") -> str:
    """Text and code as written, soft line breaks as spaces, hard ones as `hard_break`, an
    image as its alt text."""
    parts: list[str] = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type == "softbreak":
            parts.append(" ")
        elif token.type == "hardbreak":
            parts.append(hard_break)
        elif token.type == "image":
            parts.append(inline_text(token.children or [], hard_break=hard_break) or token.content)
    return "".join(parts)
