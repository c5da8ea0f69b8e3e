"""The search bar: a one-line input at the bottom of the reading screen, with "3/17".

The bar only collects the query and the keys; the reading screen runs the search (see
ui.reading.search_and_links) and counts the matches as the query is typed. Enter submits,
↓ / ↑ go to the next / previous match, ctrl+t limits the search to the current section,
Escape closes the bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import var
from textual.widgets import Input, Static

from tui_reader.core.catalog import t
from tui_reader.ui.localized import localize_bindings


class SearchBar(Horizontal):
    DEFAULT_CSS = (Path(__file__).parent / "search_bar.tcss").read_text(encoding="utf-8")
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the Input binds ↑ ↓ to scrolling, which would hide these from the footer.
        Binding("down", "step(True)", "keys.search_next", key_display="↓", priority=True),
        Binding("up", "step(False)", "keys.search_previous", key_display="↑", priority=True),
        Binding("ctrl+t", "toggle_scope", "keys.search_scope"),
        Binding("escape", "close", "keys.search_close"),
    ]

    class Submitted(Message):
        """Enter in the bar."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Edited(Message):
        """The query changed (typed, pasted, deleted)."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Step(Message):
        """↓ / ↑ in the bar."""

        def __init__(self, forward: bool) -> None:
            super().__init__()
            self.forward = forward

    class ScopeToggled(Message):
        """ctrl+t in the bar: `section_only` is the new scope."""

        def __init__(self, section_only: bool) -> None:
            super().__init__()
            self.section_only = section_only

    class Closed(Message):
        """Escape in the bar."""

    # Shown (the class styles it in search_bar.tcss), and the scope ctrl+t chose.
    is_open: var[bool] = var(False, toggle_class="-open")
    section_only: var[bool] = var(False, init=False)

    def __init__(self, lang: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        localize_bindings(self, lang)

    def compose(self) -> ComposeResult:
        yield Static("/", id="search-prompt")
        yield Input(placeholder=t("search.placeholder", self.lang), id="search-input")
        yield Static("", id="search-status")
        yield Static(t("search.scope.article", self.lang), id="search-scope")

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def status(self) -> str:
        return str(self.query_one("#search-status", Static).content)

    @property
    def value(self) -> str:
        return self.input.value

    def open(self, *, focus: bool = True) -> None:
        self.is_open = True
        if focus:
            self.input.focus()
            self.input.select_all()

    def close(self) -> None:
        self.is_open = False

    def show_status(self, text: str, *, no_match: bool = False) -> None:
        status = self.query_one("#search-status", Static)
        status.update(Text(text))  # it quotes the query: "[/]" is text, not markup
        status.set_class(no_match, "-no-match")

    def set_section_only(self, section_only: bool) -> None:
        self.section_only = section_only

    def watch_section_only(self, section_only: bool) -> None:
        scope = self.query_one("#search-scope", Static)
        key = "search.scope.section" if section_only else "search.scope.article"
        scope.update(t(key, self.lang))
        scope.set_class(section_only, "-section")

    @on(Input.Changed, "#search-input")
    def _edited(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Edited(event.value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value))

    def action_step(self, forward: bool) -> None:
        self.post_message(self.Step(forward))

    def action_toggle_scope(self) -> None:
        self.set_section_only(not self.section_only)
        self.post_message(self.ScopeToggled(self.section_only))

    def action_close(self) -> None:
        self.post_message(self.Closed())
