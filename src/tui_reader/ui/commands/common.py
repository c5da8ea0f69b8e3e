"""What the palette providers share: the interface language and match highlighting."""

from __future__ import annotations

from textual.app import App
from textual.command import Provider
from textual.content import Content
from textual.style import Style

from tui_reader.core.find.title_match import Match
from tui_reader.ui.shell import shell

# How many hits one provider offers for a query: the palette renders each one, so a cap keeps
# a 2,000-section article as quick as a short one.
MAX_HITS = 30


def lang_of(app: App[object]) -> str:
    return shell(app).lang


def highlight_style(provider: Provider) -> Style | str:
    """The palette's own highlight (component class), as Textual's matcher uses it."""
    return provider.match_style or "bold underline"


def hit_label(prefix: str, title: str, match: Match | None, style: Style | str) -> Content:
    """`prefix` dimmed, then the title (article data: plain text, never markup) with the
    matched parts highlighted."""
    body = Content(title)
    if match is not None:
        for start, end in match.spans:
            body = body.stylize(style, start, end)
    if not prefix:
        return body
    return Content.assemble((prefix, "dim"), body)
