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
from tui_reader.ui.shell import app_keys, shell
from tui_reader.ui.themes import theme_names

# (screen action, catalog key): the screen's own commands, in the palette's order.
SCREEN_COMMANDS = (
    ("action_toggle_sidebar", "palette.cmd.toggle_sidebar"),
    ("action_wider", "palette.cmd.wider"),
    ("action_narrower", "palette.cmd.narrower"),
    ("action_drafts", "palette.cmd.open_drafts"),  # the drafts of this screen's article, if any
    ("action_send_comments", "palette.cmd.send_comments"),  # the article's ready comments
    ("action_back", "palette.cmd.library"),
)


@dataclass(frozen=True, slots=True)
class AppCommand:
    label: str
    run: Callable[[], object]


def app_commands(provider: Provider) -> list[AppCommand]:
    """The commands that make sense on the screen the palette was opened from."""
    app, screen, lang = provider.app, provider.screen, lang_of(provider.app)
    out = [AppCommand(t("palette.cmd.change_theme", lang), app.action_change_theme)]
    out.append(AppCommand(t("palette.cmd.fetch", lang), shell(app).fetch_article))
    # Offered where the screen the palette was opened from has them.
    for action, key in SCREEN_COMMANDS:
        run = getattr(screen, action, None)
        if run is not None:
            out.append(AppCommand(t(key, lang), run))
    out.append(AppCommand(t("palette.cmd.sync", lang), shell(app).sync_feeds))
    if "show_help" in app_keys(screen):
        out.append(AppCommand(t("palette.cmd.help", lang), shell(app).show_help))
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
