"""Markdown → Rich, one section at a time.

Rich renders the Markdown (it parses with markdown-it-py). Article text never goes through Rich
markup, so `[bold]` in an article stays literal; control characters were made inert when the
article was loaded. Links are filtered here: only http, https and mailto become terminal
hyperlinks, `#slug` links become in-app jumps, anything else is shown as plain text.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions
from rich.markdown import Markdown
from rich.segment import Segment
from rich.style import Style

EXTERNAL_SCHEMES = ("http://", "https://", "mailto:")
# Textual runs `@click` meta as an action on the widget that rendered the segment.
LINK_ACTION = "follow_link"
CODE_THEME = "monokai"


def is_external(href: str) -> bool:
    return href.lower().startswith(EXTERNAL_SCHEMES)


def _filter_links(tokens: Iterable, internal: bool = True) -> None:
    """Drop the href of links we refuse, so Rich renders their text without a hyperlink.

    Images too: Rich makes their `src` a hyperlink (smb:, data:, relative paths...).
    `internal`: whether `#slug` links are kept (not in `--print`, where nothing follows them).
    """
    for token in tokens:
        attr = "href" if token.type == "link_open" else "src" if token.type == "image" else None
        if attr is not None:
            href = str(token.attrs.get(attr, ""))
            if not ((internal and href.startswith("#")) or is_external(href)):
                token.attrs[attr] = ""
        if token.children:
            _filter_links(token.children, internal)


def section_markdown(source: str, *, internal_links: bool = True) -> Markdown:
    markdown = Markdown(source, code_theme=CODE_THEME, hyperlinks=True)
    _filter_links(markdown.parsed, internal_links)
    return markdown


def _link_style(style: Style) -> Style:
    """Turn a Rich link into our click action; internal links lose the OSC 8 hyperlink."""
    href = style.link or ""
    meta = Style.from_meta({"@click": f"{LINK_ACTION}({href!r})"})
    if href.startswith("#"):
        return style.update_link(None) + meta
    return style + meta


def render_lines(
    source: str, console: Console, width: int, options: ConsoleOptions | None = None
) -> list[list[Segment]]:
    """The section's Markdown as lines of segments exactly `width` cells wide."""
    options = (options or console.options).update(width=width, max_width=width, height=None)
    lines = console.render_lines(section_markdown(source), options, pad=True)
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
