"""The help screen: every key of the app, in the interface language."""

from __future__ import annotations

import re
from typing import ClassVar

from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widgets import Static

from tui_reader.core.catalog import STRINGS, t

# (group, [(keys, catalog key)]) — the single list the help screen and README are checked against.
HELP_ROWS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "help.group.library",
        [
            ("↑ ↓ / j k", "help.library.move"),
            ("Enter", "help.library.open"),
            ("F", "help.library.fetch"),
            ("/", "help.library.filter"),
            ("Escape", "help.library.clear"),
            ("s", "help.library.sort"),
            ("d", "help.drafts"),
        ],
    ),
    (
        "help.group.reading",
        [
            ("j k ↑ ↓", "help.scroll"),
            ("Space PgDn / b PgUp", "help.page"),
            ("g Home / G End", "help.ends"),
            ("← →", "help.sideways"),
            ("Backspace Alt+← / Alt+→", "help.jump_back_forward"),
            ("n ]", "help.next_section"),
            ("p [", "help.previous_section"),
            ("Tab", "help.focus"),
            ("Enter", "help.jump"),
            ("t", "help.toggle_sidebar"),
            ("+ -", "help.width"),
            ("c", "help.comment"),
            ("r", "help.reply"),
            ("R", "help.refresh_comments"),
            ("S", "help.send_comments"),
            ("d", "help.drafts"),
            ("Escape", "help.back"),
        ],
    ),
    (
        "help.group.search",
        [
            ("/", "help.search.open"),
            ("> F3 / < Shift+F3", "help.search.next_previous"),
            ("Enter ↓ / ↑", "help.search.in_bar"),
            ("Ctrl+T", "help.search.scope"),
            ("Escape", "help.search.close"),
            ("l", "help.links"),
        ],
    ),
    (
        "help.group.composer",
        [
            ("Tab / Shift+Tab", "help.composer.fields"),
            ("Ctrl+S", "help.composer.post"),
            ("Ctrl+E", "help.composer.editor"),
            ("Ctrl+O", "help.composer.quote"),
            ("Ctrl+N", "help.composer.new"),
            ("Escape", "help.composer.close"),
        ],
    ),
    (
        "help.group.drafts",
        [
            ("Enter", "help.drafts.open"),
            ("n", "help.drafts.new"),
            ("r", "help.drafts.ready"),
            ("s", "help.drafts.send"),
            ("S", "help.drafts.send_all"),
            ("u", "help.drafts.check"),
            ("o", "help.drafts.browser"),
            ("Del x", "help.drafts.delete"),
            ("f", "help.drafts.forget"),
        ],
    ),
    (
        "help.group.everywhere",
        [
            ("Ctrl+P", "help.palette"),
            ("Ctrl+R", "help.sync"),
            ("T", "help.theme"),
            ("?", "help.help"),
            ("q", "help.quit"),
        ],
    ),
]


def key_names(keys: str, lang: str) -> str:
    """`keys` with each key name in `lang` ("Shift+F3" → "Maj+F3" in French)."""
    return re.sub(
        r"[A-Za-z]{3,}",
        lambda m: t(f"keyname.{m[0]}", lang) if f"keyname.{m[0]}" in STRINGS else m[0],
        keys,
    )


def help_table(lang: str) -> Table:
    table = Table(show_header=False, box=None, padding=(0, 2), expand=True)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1)
    for group, rows in HELP_ROWS:
        table.add_row(Text(t(group, lang), style="bold underline"), "")
        for keys, description in rows:
            table.add_row(key_names(keys, lang), t(description, lang))
        table.add_row("", "")
    table.add_row("", Text(t("help.mouse", lang), style="italic"))
    return table


# Narrower than this, each key is written above what it does (two columns would leave the
# descriptions one word a line).
TWO_COLUMNS = 56


class FittedHelp:
    """The help as two columns, or one under the other on a narrow terminal."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= TWO_COLUMNS:
            yield help_table(self.lang)
            return
        lang = self.lang
        for group, rows in HELP_ROWS:
            yield Text(t(group, lang), style="bold underline")
            for keys, description in rows:
                yield Text(key_names(keys, lang), style="bold")
                yield Padding(Text(t(description, lang)), (0, 0, 0, 2))
            yield Text("")
        yield Text(t("help.mouse", lang), style="italic")


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss_help", show=False),
    ]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = t("help.title", self.lang)
            box.border_subtitle = t("help.close", self.lang)
            yield Static(FittedHelp(self.lang), id="help-table")

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < TWO_COLUMNS or event.size.height < 20, "-small")

    def action_dismiss_help(self) -> None:
        self.dismiss()
