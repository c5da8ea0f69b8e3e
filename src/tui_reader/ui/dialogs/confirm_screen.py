"""A yes/no question in a small modal: y or Enter on "Yes" confirms, n or Escape declines."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui_reader.core.catalog import t


class ConfirmScreen(ModalScreen[bool]):
    CSS_PATH = "confirm_screen.tcss"
    AUTO_FOCUS = "#no"  # a stray Enter must not destroy anything
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", show=False),
        Binding("n,escape", "answer(False)", show=False),
    ]

    def __init__(self, question: str, lang: str, *, yes: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.lang = lang
        self.yes_label = yes or t("drafts.confirm.yes", lang)

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Text(self.question), id="question")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.yes_label} (y)", id="yes", variant="error")
                yield Button(f"{t('drafts.confirm.no', self.lang)} (n)", id="no")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
