"""The palette's providers, imported when the palette first opens rather than at start-up
(textual.command and the providers cost ~35 ms before the first paint otherwise)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.command import Provider


def reader_commands() -> type[Provider]:
    from tui_reader.ui.commands.app_commands import ReaderCommands

    return ReaderCommands


def library_commands() -> type[Provider]:
    from tui_reader.ui.commands.library_commands import LibraryCommands

    return LibraryCommands


def section_commands() -> type[Provider]:
    from tui_reader.ui.commands.section_commands import SectionCommands

    return SectionCommands
