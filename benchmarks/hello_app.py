"""The floor for any Textual app: a hello-world, timed like the reader (first paint in tmux)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

MARKER = "Hello from Textual"


class HelloApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(f"{MARKER}: the time-to-first-paint floor.")


if __name__ == "__main__":
    HelloApp().run()
