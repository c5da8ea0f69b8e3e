"""What the palette providers share: the interface language and match highlighting."""

from __future__ import annotations

from rich.style import Style as RichStyle
from rich.text import Text
from textual.app import App
from textual.command import Provider

from tui_reader.core.title_match import Match

# How many hits one provider offers for a query: the palette renders each one, so a cap keeps
# a 2,000-section article as quick as a short one.
MAX_HITS = 30


def lang_of(app: App[object]) -> str:
    return str(getattr(app, "lang", "en"))


def highlight_style(provider: Provider) -> RichStyle:
    style = provider.match_style
    if style is not None:
        try:
            return style.rich_style
        except Exception:  # an unexpected Style flavour: fall back to a plain highlight
            pass
    return RichStyle(bold=True, underline=True)


def hit_label(prefix: str, title: str, match: Match | None, style: RichStyle) -> Text:
    """`prefix` dimmed, then the title (article data: never markup) with the matched parts."""
    label = Text(prefix, style="dim", no_wrap=True, overflow="ellipsis")
    body = Text(title)
    if match is not None:
        for start, end in match.spans:
            body.stylize(style, start, end)
    label.append_text(body)
    return label
