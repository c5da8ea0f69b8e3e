"""Themes: Textual's built-in ones plus "paper", a light theme for long reading sessions."""

from __future__ import annotations

from textual.app import App
from textual.theme import Theme

PAPER = Theme(
    name="paper",
    # Warm off-white page, near-black brown ink: about 14:1 contrast, less glare than white.
    background="#f6f0e1",
    surface="#efe7d4",
    panel="#e4d9c0",
    foreground="#2b2620",
    primary="#7a4b22",
    secondary="#5c6b3c",
    accent="#a0521c",
    warning="#9a6212",
    error="#a12d22",
    success="#47702f",
    dark=False,
    variables={
        "footer-background": "#e4d9c0",
        "footer-key-foreground": "#7a4b22",
        "block-cursor-foreground": "#f6f0e1",
        "block-cursor-background": "#7a4b22",
        "block-cursor-text-style": "none",
        "input-selection-background": "#d9c9a3",
        "border": "#a0521c",
        "border-blurred": "#cbbd9e",
        # The thumb stands out from its track: 3.3:1, WCAG's 3:1 for controls (it was
        # #d6c8a8 on #f6f0e1, 1.5:1, barely seen).
        "scrollbar": "#8c7650",
        "scrollbar-hover": "#735d3a",
        "scrollbar-active": "#7a4b22",
        "scrollbar-background": "#e9e0cb",
    },
)

EXTRA_THEMES = (PAPER,)

# Under NO_COLOR Textual turns every colour grey: Rich's magenta headings came out grey 237 on
# 233, nearly invisible. Headings are told apart by weight and underline instead, in the
# colour of the text.
NO_COLOR_STYLES = {
    "markdown.h1": "bold underline",
    "markdown.h2": "bold underline",
    "markdown.h3": "bold",
    "markdown.h4": "bold italic",
    "markdown.h5": "underline",
    "markdown.h6": "italic",
    "markdown.link": "underline",
}


def register_themes(app: App[object]) -> None:
    for theme in EXTRA_THEMES:
        app.register_theme(theme)
    if app.no_color:
        from rich.theme import Theme as RichTheme

        app.console.push_theme(RichTheme(NO_COLOR_STYLES))


def theme_names(app: App[object]) -> list[str]:
    """Every theme the app can use, "paper" first, then the others by name."""
    names = sorted(app.available_themes)
    extra = [theme.name for theme in EXTRA_THEMES if theme.name in names]
    return extra + [name for name in names if name not in extra]


def next_theme(app: App[object]) -> str:
    names = theme_names(app)
    if app.theme not in names:
        return names[0]
    return names[(names.index(app.theme) + 1) % len(names)]
