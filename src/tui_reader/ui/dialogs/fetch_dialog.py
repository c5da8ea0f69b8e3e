""" "Fetch an article…": its address typed or pasted, fetched with its comments into the
library in a thread (core.web.fetch_report, as `reader fetch URL`), then opened by the app.

Dismissed with the saved article's path, or None (cancelled). A failure is shown in the dialog
with the command line's words and the address stays there to be corrected."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from tui_reader.core.catalog import t


class FetchDialog(ModalScreen[Path | None]):
    CSS_PATH = "fetch_dialog.tcss"
    AUTO_FOCUS = "#fetch-url"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False),
    ]

    def __init__(self, lang: str, directory: Path) -> None:
        super().__init__()
        self.lang = lang
        self.directory = directory  # the library's fetched articles
        self.fetching = False

    def compose(self) -> ComposeResult:
        with Vertical(id="fetch-box") as box:
            box.border_title = t("fetch.dialog.title", self.lang)
            yield Static(Text(t("fetch.dialog.prompt", self.lang)), id="fetch-prompt")
            yield Input(placeholder="https://", id="fetch-url")
            yield Static("", id="fetch-status")
            with Horizontal(id="fetch-buttons"):
                yield Button(t("fetch.dialog.fetch", self.lang), id="fetch", variant="primary")
                yield Button(t("fetch.dialog.cancel", self.lang), id="cancel")

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#fetch-status", Static)
        status.update(Text(text))  # an address is data: never markup
        status.set_class(error, "-error")

    @on(Input.Submitted, "#fetch-url")
    @on(Button.Pressed, "#fetch")
    def action_fetch(self) -> None:
        if self.fetching:
            return
        url = self.query_one("#fetch-url", Input).value.strip()
        if not url:
            self._status(t("fetch.dialog.empty", self.lang), error=True)
            return
        self.fetching = True
        self.query_one("#fetch-url", Input).disabled = True
        self.query_one("#fetch", Button).disabled = True
        self._status(t("fetch.dialog.fetching", self.lang, url=url))
        self.run_worker(
            lambda: self._fetch(url, self.app), thread=True, group="fetch", exit_on_error=False
        )

    def _fetch(self, url: str, app: App[object]) -> None:
        from tui_reader.core.web.fetch_report import fetch_into
        from tui_reader.core.web.fetcher import FetchError

        try:
            outcome = fetch_into(url, self.directory, self.lang)
        except FetchError as error:
            app.call_from_thread(self._failed, error.text(self.lang))
        except OSError as error:
            path = error.filename or self.directory
            reason = error.strerror or str(error)
            app.call_from_thread(
                self._failed, t("fetch.error.disk", self.lang, path=path, reason=reason)
            )
        except Exception as error:  # whatever the site sent: a message, never a traceback
            app.call_from_thread(self._failed, str(error) or type(error).__name__)
        else:
            app.call_from_thread(self._done, outcome.path, outcome.messages)

    def _failed(self, message: str) -> None:
        self.fetching = False
        if not self.is_attached:  # cancelled meanwhile
            return
        field = self.query_one("#fetch-url", Input)
        field.disabled = False
        self.query_one("#fetch", Button).disabled = False
        self._status(message, error=True)
        field.focus()

    def _done(self, path: Path, messages: list[str]) -> None:
        self.fetching = False
        if not self.is_attached:
            return
        for message in messages:
            self.notify(message, timeout=6)
        self.dismiss(path)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
