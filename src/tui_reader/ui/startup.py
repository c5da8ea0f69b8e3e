"""Start-up work that waits until the first screen of text is on the terminal.

Time to first paint is what a reader feels on opening an article: the sidebar's entries, the
key bar, the search bar, the draft counts and the background renders all come a frame later.
ReaderApp keeps the queue; these helpers are what widgets and screens call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from tui_reader.ui.app import ReaderApp


def after_first_paint(node: DOMNode, callback: Callable[[], object]) -> None:
    """Run `callback` after the first paint (after the next refresh once it happened)."""
    cast("ReaderApp", node.app).after_first_paint(callback)


def first_paint_done(node: DOMNode) -> None:
    """Report that the frame being rendered holds the first screen of text."""
    cast("ReaderApp", node.app).first_paint_done()
