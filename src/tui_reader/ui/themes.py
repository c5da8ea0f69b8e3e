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
        "scrollbar": "#d6c8a8",
        "scrollbar-hover": "#c4b28b",
        "scrollbar-active": "#a08a5c",
    },
)

EXTRA_THEMES = (PAPER,)


def register_themes(app: App[object]) -> None:
    for theme in EXTRA_THEMES:
        app.register_theme(theme)


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
