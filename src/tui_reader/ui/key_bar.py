"""The footer's key bar, which never loses the keys a reader cannot do without.

Textual's Footer lays out every shown binding in a row and cuts what does not fit at the right,
where the app-wide keys are (`esc` and `q` went first, in French even more). This one leaves
out the other keys, from the right, until the essential ones fit.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# Always shown, whatever the width: how to leave, how to go back, where every key is.
ESSENTIAL = frozenset({"quit", "back", "show_help", "app.quit", "app.back", "app.show_help"})


def key_width(key: FooterKey) -> int:
    """Cells a key takes in the (non-compact) footer: " k description "."""
    width = len(key.key_display) + 2
    if key.description:
        width += len(key.description) + 1
    if key.has_class("-command-palette"):
        width += 1  # its border
    return width


def kept_keys(keys: list[FooterKey], width: int) -> list[FooterKey]:
    """`keys` without the non-essential ones, dropped from the right, until they fit."""
    total = sum(key_width(key) for key in keys)
    kept = list(keys)
    for key in reversed(keys):
        if total <= width:
            break
        if key.action in ESSENTIAL or key.has_class("-command-palette"):
            continue
        kept.remove(key)
        total -= key_width(key)
    if total > width:  # a tiny terminal: the palette's key gives way to the essential ones
        kept = [key for key in kept if not key.has_class("-command-palette")]
    return kept


class KeyBar(Footer):
    def compose(self) -> ComposeResult:
        widgets: list[Widget] = list(super().compose())
        keys = [widget for widget in widgets if isinstance(widget, FooterKey)]
        kept = set(map(id, kept_keys(keys, self.app.size.width)))
        yield from (w for w in widgets if not isinstance(w, FooterKey) or id(w) in kept)

    def on_resize(self, event: Resize) -> None:
        # Wider or narrower: which keys fit changes.
        if self.is_attached and getattr(self, "_width", None) != event.size.width:
            self._width = event.size.width
            self.call_after_refresh(self.recompose)
