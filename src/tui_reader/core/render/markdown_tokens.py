"""The Markdown parser Rich renders with and the links list reads, and the token rewrites that
make Markdown as people write it show well: HTML and footnotes.

- Inline HTML: `<br>` breaks the line, `<img alt>` shows its alt text, `<b>`/`<i>`/`<s>`/`<a>`
  become Markdown's emphasis and links, `<sup>`/`<sub>` digits become ¹/₁; any other tag is
  dropped, its text kept. `<kbd>` Rich shows itself.
- Block HTML (`<details>`, `<p>`, `<ul>`, a whole page saved as .md) goes through the HTML to
  Markdown converter (core.web.html_markdown, imported only then): scripts and styles never
  show, tags never show raw.
- Footnotes (mdit-py-plugins): a reference `[^1]` is a link to `#fn-1`, which
  Article.section_by_slug resolves to the section holding the definition (sections are
  rendered one at a time: the definition is usually in another one). A definition stays where
  it is written, as a paragraph starting "[1]".

Never imported on the start-up path: only sections that are not plain prose come here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from html import unescape
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

FOOTNOTE_PREFIX = "fn-"

_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*?)(/?)\s*>\Z", re.DOTALL)
_ATTR = re.compile(r"""([a-zA-Z:_-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_PAIRED = {
    "b": ("strong_open", "strong_close", "strong"),
    "strong": ("strong_open", "strong_close", "strong"),
    "i": ("em_open", "em_close", "em"),
    "em": ("em_open", "em_close", "em"),
    "s": ("s_open", "s_close", "s"),
    "del": ("s_open", "s_close", "s"),
    "strike": ("s_open", "s_close", "s"),
}
_SUP = str.maketrans("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ")
_SUB = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_SCRIPTS = {"sup": (_SUP, "^"), "sub": (_SUB, "_")}
_SILENT_BLOCK = re.compile(r"\s*<(script|style|!--)", re.IGNORECASE)
_SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)</summary\s*>", re.IGNORECASE | re.DOTALL)


@cache
def markdown_parser() -> MarkdownIt:
    """Rich's configuration (CommonMark, strikethrough, tables) with footnotes."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    parser = MarkdownIt().enable("strikethrough").enable("table")
    # References match even when the definition is in another section (see the module); the
    # definitions stay in place instead of being gathered at the end of each section.
    parser.use(footnote_plugin, always_match_refs=True)
    parser.core.ruler.disable("footnote_tail")
    return parser


def parse(source: str) -> list[Token]:
    """The block tokens of `source`, HTML and footnotes rewritten into what Rich renders."""
    return list(_rewrite_blocks(markdown_parser().parse(source), convert_html=True))


def _token(kind: str, tag: str = "", nesting: Literal[-1, 0, 1] = 0, content: str = "") -> Token:
    from markdown_it.token import Token

    token = Token(kind, tag, nesting)
    token.content = content
    return token


def _rewrite_blocks(tokens: list[Token], *, convert_html: bool) -> Iterator[Token]:
    note: str | None = None  # the label of the footnote definition just opened
    for token in tokens:
        if token.type == "footnote_reference_open":
            note = str(token.meta.get("label", ""))
            continue
        if token.type == "footnote_reference_close":
            continue
        if token.type == "html_block":
            yield from _html_block(token, convert_html)
            continue
        if token.type == "inline" and token.children is not None:
            children = list(_balanced(_rewrite_inline(token.children)))
            if note is not None:
                children[:0] = [
                    _token("strong_open", "strong", 1),
                    _token("text", content=f"[{note}]"),
                    _token("strong_close", "strong", -1),
                    _token("text", content=" "),
                ]
                note = None
            token.children = children
        yield token


def _html_block(token: Token, convert: bool) -> Iterator[Token]:
    html = token.content
    if not convert or _SILENT_BLOCK.match(html):
        return
    from tui_reader.core.web.html_markdown import html_to_markdown

    html = _SUMMARY.sub(lambda m: f"<p><strong>▸ {m[1].strip()}</strong></p>", html)
    markdown = html_to_markdown(html, "")
    if not markdown.strip():
        return
    for inner in _rewrite_blocks(markdown_parser().parse(markdown), convert_html=False):
        inner.level += token.level
        yield inner


def _attrs(text: str) -> dict[str, str]:
    return {k.lower(): unescape(v.strip("\"'")) for k, v in _ATTR.findall(text)}


def _rewrite_inline(children: list[Token]) -> Iterator[Token]:
    i = 0
    while i < len(children):
        token = children[i]
        i += 1
        if token.type == "footnote_ref":
            label = str(token.meta.get("label", ""))
            link = _token("link_open", "a", 1)
            link.attrs = {"href": "#" + FOOTNOTE_PREFIX + label}
            yield link
            yield _token("text", content=f"[{label}]")
            yield _token("link_close", "a", -1)
            continue
        if token.type != "html_inline":
            yield token
            continue
        match = _TAG.match(token.content.strip())
        if match is None:  # a comment, a declaration: nothing to show
            continue
        closing, name, rest = bool(match[1]), match[2].lower(), match[3]
        if name in ("script", "style") and not closing:
            end = _closing_index(children, i, name)
            i = len(children) if end is None else end + 1  # never shown, nor what follows
        elif name == "kbd":
            yield token  # Rich styles it
        elif name == "br":
            yield _token("hardbreak", "br")
        elif name == "img" and not closing:
            alt = " ".join(_attrs(rest).get("alt", "").split())
            if alt:
                yield _token("text", content=alt)
        elif name in _PAIRED:
            opening, closing_type, tag = _PAIRED[name]
            yield _token(closing_type if closing else opening, tag, -1 if closing else 1)
        elif name == "a":
            if closing:
                yield _token("link_close", "a", -1)
            else:
                link = _token("link_open", "a", 1)
                link.attrs = {"href": _attrs(rest).get("href", "")}
                yield link
        elif name in _SCRIPTS and not closing:
            end = _closing_index(children, i, name)
            if end is None:
                continue
            inner = children[i:end]
            i = end + 1
            yield _script(inner, name)
        # Any other tag (span, div, u, a closing sup without opening…): dropped, text kept.


def _balanced(tokens: Iterator[Token]) -> Iterator[Token]:
    """The inline tokens properly nested, as Rich needs them (its style stack underflows on
    a close with no open: `a </b>#` crashed `--print`, issue 16). HTML tags need not be
    balanced, nor nest with Markdown's emphasis: a close with no open is dropped, one that
    closes an outer open closes what is open inside it first, and what is still open at the
    end is closed there."""
    stack: list[Token] = []
    for token in tokens:
        if token.nesting == 1:
            stack.append(token)
        elif token.nesting == -1:
            wanted = _closing_type(token.type)
            if not any(_closing_type(opened.type) == wanted for opened in stack):
                continue
            while _closing_type((opened := stack.pop()).type) != wanted:
                yield _closing(opened)
        yield token
    while stack:
        yield _closing(stack.pop())


def _closing_type(kind: str) -> str:
    return kind.removesuffix("_open").removesuffix("_close")


def _closing(opened: Token) -> Token:
    return _token(_closing_type(opened.type) + "_close", opened.tag, -1)


def _closing_index(children: list[Token], start: int, name: str) -> int | None:
    for j in range(start, min(len(children), start + 16)):
        token = children[j]
        if token.type == "html_inline" and re.fullmatch(
            rf"<\s*/\s*{name}\s*>", token.content.strip(), re.IGNORECASE
        ):
            return j
    return None


def _script(inner: list[Token], name: str) -> Token:
    """`<sup>2</sup>` as "²" when every character has a superscript form, else "^(2a)"."""
    text = "".join(t.content for t in inner if t.type in ("text", "code_inline"))
    table, mark = _SCRIPTS[name]
    converted = text.translate(table)
    if all(c != o or c.isspace() for c, o in zip(converted, text, strict=True)) and text:
        return _token("text", content=converted)
    return _token("text", content=f"{mark}({text})" if len(text) > 1 else f"{mark}{text}")


def footnote_labels(source: str) -> Iterator[str]:
    """The labels of the footnote definitions in a Markdown text (`[^label]: …` lines)."""
    for match in _DEFINITION.finditer(source):
        yield match[1]


_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:", re.MULTILINE)
