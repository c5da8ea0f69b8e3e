"""Palette providers for the app's own commands and for themes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui_reader.core.catalog import t
from tui_reader.core.find.title_match import Match, TitleIndex
from tui_reader.ui.commands.common import MAX_HITS, highlight_style, hit_label, lang_of
from tui_reader.ui.themes import theme_names


@dataclass(frozen=True, slots=True)
class AppCommand:
    label: str
    run: Callable[[], object]


def app_commands(provider: Provider) -> list[AppCommand]:
    """The commands that make sense on the screen the palette was opened from."""
    app, screen, lang = provider.app, provider.screen, lang_of(provider.app)
    out = [AppCommand(t("palette.cmd.change_theme", lang), app.action_change_theme)]
    if hasattr(screen, "action_toggle_sidebar"):
        out.append(AppCommand(t("palette.cmd.toggle_sidebar", lang), screen.action_toggle_sidebar))
    if hasattr(screen, "action_wider"):
        out.append(AppCommand(t("palette.cmd.wider", lang), screen.action_wider))
        out.append(AppCommand(t("palette.cmd.narrower", lang), screen.action_narrower))
    # The drafts screen belongs to the comments feature: offered where a screen has it (`d`).
    drafts = getattr(app, "action_open_drafts", None) or getattr(screen, "action_drafts", None)
    if drafts is not None:
        out.append(AppCommand(t("palette.cmd.open_drafts", lang), drafts))
    if hasattr(screen, "action_back"):
        out.append(AppCommand(t("palette.cmd.library", lang), screen.action_back))
    if hasattr(screen, "action_help"):
        out.append(AppCommand(t("palette.cmd.help", lang), screen.action_help))
    out.append(AppCommand(t("palette.cmd.quit", lang), app.action_quit))
    return out


def _set_theme(provider: Provider, name: str) -> None:
    provider.app.theme = name


class ReaderCommands(Provider):
    """The app's commands (listed when the palette opens) and `Theme: <name>` hits."""

    async def startup(self) -> None:
        self._commands = app_commands(self)
        self._themes = theme_names(self.app)
        self._command_index = TitleIndex([c.label for c in self._commands])
        self._theme_index = TitleIndex(self._themes)

    async def discover(self) -> Hits:
        for command in self._commands:
            yield DiscoveryHit(Content(command.label), command.run, text=command.label)

    async def search(self, query: str) -> Hits:
        style = highlight_style(self)
        for match in self._command_index.rank(query, MAX_HITS):
            command = self._commands[match.index]
            # Commands first on a tie: they are few, and what a short query usually means.
            yield Hit(
                min(1.0, match.score + 0.01),
                hit_label("", command.label, match, style),
                command.run,
                text=command.label,
            )
        prefix = t("palette.prefix.theme", lang_of(self.app))
        for match in self._theme_index.rank(query, MAX_HITS):
            name = self._themes[match.index]
            yield Hit(
                match.score * 0.9,
                hit_label(prefix, name, match, style),
                partial(_set_theme, self, name),
                text=prefix + name,
            )


class ThemeCommands(Provider):
    """The theme picker opened by "Change theme…": every theme, the current one marked."""

    async def startup(self) -> None:
        self._themes = theme_names(self.app)
        self._index = TitleIndex(self._themes)

    def _label(self, name: str, match: Match | None = None) -> Content:
        label = hit_label("", name, match, highlight_style(self))
        if name == self.app.theme:
            return Content.assemble(label, (" " + t("palette.current", lang_of(self.app)), "dim"))
        return label

    async def discover(self) -> Hits:
        for name in self._themes:
            yield DiscoveryHit(self._label(name), partial(_set_theme, self, name), text=name)

    async def search(self, query: str) -> Hits:
        for match in self._index.rank(query, MAX_HITS):
            name = self._themes[match.index]
            yield Hit(
                match.score,
                self._label(name, match),
                partial(_set_theme, self, name),
                text=name,
            )
