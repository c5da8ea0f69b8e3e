"""Drafts as JSON or Markdown, for `reader drafts export` and the drafts screen.

Both outputs are meant for a terminal as much as for a file, so text is made inert: a quote
comes from an article, and an article can hide escape sequences that would drive the terminal.
"""

from __future__ import annotations

import json
import re

from tui_reader.core.catalog import t
from tui_reader.core.comments.drafts import Draft
from tui_reader.core.sanitize import INERT_CHARS, make_inert

# What json.dumps(ensure_ascii=False) leaves raw but make_inert would replace (C1 controls,
# bidi overrides, zero-width characters, lone surrogates) or a JavaScript consumer would choke
# on (U+2028/U+2029): escaped instead, so that the JSON stays exact and inert.
_JSON_UNSAFE = re.compile(f"{INERT_CHARS.pattern}|[\u2028\u2029]")


def inert_lines(text: str) -> str:
    """Multi-line text (a quote, a comment) for a terminal: CRLF as newlines, then the one
    make_inert (core.sanitize), so ESC shows as ␛ here as everywhere else."""
    return make_inert(text.replace("\r\n", "\n"))


def one_line(text: str) -> str:
    """Whitespace collapsed, controls made inert: for titles, table cells and headings."""
    return " ".join(make_inert(text).split())


def excerpt(draft: Draft, width: int = 60) -> str:
    """The start of what the reader wrote, on one line: the quote the comment starts with is
    skipped (and shown when nothing else is written yet)."""
    lines = draft.comment.splitlines()
    while lines and (lines[0].startswith(">") or not lines[0].strip()):
        lines.pop(0)
    quoted = (line.lstrip(">") for line in draft.comment.splitlines())
    text = " ".join(" ".join(lines).split()) or " ".join(" ".join(quoted).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _terminal_safe_json(doc: object) -> str:
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    # Only possible inside JSON strings, where a \u escape means the same character.
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def to_json(drafts: list[Draft]) -> str:
    """A JSON list of the drafts, every field as in the files (docs/drafts-format.md)."""
    return _terminal_safe_json([draft.to_dict() for draft in drafts])


def draft_to_json(draft: Draft) -> str:
    """One draft as a JSON object."""
    return _terminal_safe_json(draft.to_dict())


def to_markdown(drafts: list[Draft], lang: str) -> str:
    """One block per draft: article title, source URL, section, author, status, then the
    comment as it will be posted (a quote is the `> ` block it starts with)."""
    blocks = [_markdown_block(draft, lang) for draft in drafts]
    return "\n---\n\n".join(blocks)


def _markdown_block(draft: Draft, lang: str) -> str:
    title = one_line(draft.article.title) or one_line(draft.article.path or "") or "?"
    lines = [f"## {title}", ""]

    def item(label_key: str, value: str) -> None:
        lines.append("- " + t("drafts.field_line", lang, label=t(label_key, lang), value=value))

    if draft.article.source_url:
        item("drafts.label.source", f"<{one_line(draft.article.source_url)}>")
    item("drafts.label.section", one_line(draft.section.title) or one_line(draft.section.slug))
    if one_line(draft.author):
        item("composer.label.author", one_line(draft.author))
    item("drafts.label.status", t("drafts.status." + draft.status, lang))
    lines.append("")
    comment = inert_lines(draft.comment).strip("\n")
    if comment:
        lines.extend([comment, ""])
    return "\n".join(lines)
