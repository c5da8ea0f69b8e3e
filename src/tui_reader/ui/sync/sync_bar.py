"""The sync's progress, docked at the bottom of the screen while `Ctrl+R` runs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class SyncBar(Horizontal):
    """A phase name ("Feeds", "Comments", "Outbox") and how far it is."""

    def compose(self) -> ComposeResult:
        yield Label("", id="sync-phase")
        yield ProgressBar(total=None, show_eta=False, id="sync-progress")

    def show_phase(self, label: str, total: int) -> None:
        self.query_one("#sync-phase", Label).update(label)
        self.query_one(ProgressBar).update(total=total or None, progress=0)

    def advance(self) -> None:
        self.query_one(ProgressBar).advance(1)
