"""The Textual application: a library screen with reading screens pushed on top."""

from __future__ import annotations

import gc
from collections.abc import Callable
from contextlib import suppress
from functools import cached_property
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from tui_reader.core.article import Article, ArticleError, Notice, load_article
from tui_reader.core.catalog import t
from tui_reader.core.launch import Launch
from tui_reader.core.positions import PositionStore
from tui_reader.core.sanitize import make_inert
from tui_reader.core.settings import (
    LoadedSettings,
    Settings,
    check_theme,
    load_settings,
    save_settings,
)
from tui_reader.ui.commands.lazy import library_commands, reader_commands
from tui_reader.ui.key_queue import KeyQueue
from tui_reader.ui.localized import localize_bindings
from tui_reader.ui.screens.reading_screen import ReadingScreen
from tui_reader.ui.themes import next_theme, register_themes

if TYPE_CHECKING:
    from textual.command import Provider

    from tui_reader.core.drafts import DraftStore
    from tui_reader.core.library import ArticleInfo, Listing

# Settings changed in the app (+/-, theme) are written this long after the last change.
SETTINGS_DEBOUNCE = 0.5
# Start-up work waiting for the first paint runs after this long in any case.
FIRST_PAINT_FALLBACK = 0.3


class ReaderApp(App[None]):
    # The reading screen's styles load with the app's: a screen's own CSS_PATH makes Textual
    # parse every stylesheet again when it is pushed (~10 ms before the first paint).
    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "screens/reading_screen.tcss"]
    TITLE = "tui-reader"
    ENABLE_COMMAND_PALETTE = True
    # Our providers replace Textual's system commands (English only, and not ours).
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {
        reader_commands,
        library_commands,
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+p", "command_palette", "keys.palette", show=False, priority=True),
        Binding("T", "cycle_theme", "keys.theme", show=False),
    ]

    def __init__(
        self,
        *,
        library_dir: Path,
        articles: list[ArticleInfo] | None,
        lang: str,
        article: Article | None = None,
        notices: list[str] | None = None,
        settings: LoadedSettings | None = None,
    ) -> None:
        super().__init__()
        localize_bindings(self, lang)
        register_themes(self)
        # Settings (issue 5): the theme is checked here, where the theme names are known.
        self.loaded_settings = check_theme(
            settings if settings is not None else load_settings(), self.available_themes
        )
        self._pending_settings: dict[str, object] = {}
        self.positions = PositionStore()  # reading positions, shared by the screens
        self.library_dir = library_dir
        self._articles = articles
        self.lang = lang
        self._initial_article = article
        self._initial_notices = notices or []
        self._painted = False
        self._after_paint: list[Callable[[], object]] = []
        self.keys = KeyQueue(self, ready=lambda: self._painted)

    async def on_event(self, event: events.Event) -> None:
        # Keys and pastes from the terminal go through the key queue: each one is routed once
        # the previous ones are fully handled, as if typed slowly (ui/key_queue.py).
        # Not routed now: held, or the app is closing (no screen left to take it).
        if (
            isinstance(event, (events.Key, events.Paste))
            and not event.is_forwarded
            and (self.keys.hold(event) or not self.screen_stack)
        ):
            return
        await super().on_event(event)

    @classmethod
    def from_launch(cls, launch: Launch, lang: str) -> ReaderApp:
        app = cls(
            library_dir=launch.library_dir,
            articles=None if launch.listing is None else launch.listing.articles,
            lang=lang,
            article=launch.article,
            notices=[t(n.key, lang, **n.params) for n in launch.notices],
            settings=launch.settings,
        )
        if launch.listing is not None:
            app._initial_notices[:0] = skipped_notices(launch.listing, lang)
        return app

    @cached_property
    def drafts(self) -> DraftStore:
        """Comment drafts, shared by the composer and drafts screens (imported on first use)."""
        from tui_reader.core.drafts import DraftStore

        return DraftStore()

    @property
    def articles(self) -> list[ArticleInfo]:
        """The library's articles; listed on first use when an article was opened directly."""
        if self._articles is None:
            try:
                from tui_reader.core.library import list_articles

                listing = list_articles(self.library_dir)
            except ArticleError as error:
                self.notify(t(error.key, self.lang, **error.params), severity="warning")
                self._articles = []
            else:
                self._articles = listing.articles
                for message in skipped_notices(listing, self.lang):
                    self.notify(message, severity="warning", timeout=8)
        return self._articles

    def get_default_screen(self) -> Screen[None]:
        if self._initial_article is not None:
            # The article paints first; the library is built when the reader goes back to it.
            return Screen()
        from tui_reader.ui.screens.library_screen import LibraryScreen

        return LibraryScreen(self.library_dir, self._articles, self.lang)

    def back_to_library(self) -> None:
        """Leave the reading screen for the library (built now if the app began on an article)."""
        self.pop_screen()
        from tui_reader.ui.screens.library_screen import LibraryScreen

        if not isinstance(self.screen, LibraryScreen):
            self.push_screen(LibraryScreen(self.library_dir, self._articles, self.lang))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every message is plain, inert text (issue 6): they quote file names, setting values
        and article titles, where `[/]` would crash Textual's markup parser and `[@click=…]`
        would run an action. Our catalog strings hold no markup, so `markup` is ignored."""
        super().notify(
            make_inert(message),
            title=make_inert(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def post_message(self, message: Message) -> bool:
        return super().post_message(shift_f3_key(message))

    def action_help_quit(self) -> None:
        """Ctrl+C: say how to quit, in our words (Textual's notice holds markup, which our
        notify shows as it is)."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                shown = self.get_key_display(active.binding) or key
                self.notify(
                    t("app.quit_hint", self.lang, key=shown),
                    title=t("app.quit_hint_title", self.lang),
                )
                return

    # --- the first paint ----------------------------------------------------------------

    @property
    def painted(self) -> bool:
        """Whether the first screen of text has been drawn (and start-up work released)."""
        return self._painted

    def after_first_paint(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the first screen of text has gone to the terminal: start-up
        work the reader need not wait for. Later, it runs after the next refresh."""
        if self._painted:
            self.call_after_refresh(callback)
        else:
            self._after_paint.append(callback)

    def first_paint_done(self) -> None:
        """Called by the widget whose text the first screen shows, while it renders it: the
        callbacks run after this refresh, once the frame is written. (Callbacks asked for
        "after the refresh" at start-up run after a frame Textual renders but does not write,
        when its start-up batch is still open.)"""
        if self._painted:
            return
        self._painted = True
        callbacks, self._after_paint = self._after_paint, []
        for callback in callbacks:
            self.call_after_refresh(callback)

    def on_mount(self) -> None:
        self.after_first_paint(_collect_after_first_paint)
        self.after_first_paint(_clean_stale_temps)
        self._catch_terminating_signals()
        # For screens that do not report their first paint (the library).
        self.set_timer(FIRST_PAINT_FALLBACK, self.first_paint_done)
        self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self._initial_article is not None:
            # Once Textual's start-up batch is over: it renders a frame that it never shows.
            self.call_later(self.show_article, self._initial_article)
        for message in self._initial_notices:
            self.notify(message, severity="warning", timeout=8)
        for problem in self.loaded_settings.problems:
            self.notify(problem.text(self.lang), severity="warning", timeout=12)
        self.positions.all()
        self.report_position_problems()

    # --- settings, themes, palette, positions (issue 5) ------------------------------------

    @property
    def settings(self) -> Settings:
        return self.loaded_settings.settings

    def remember_setting(self, **changes: object) -> None:
        """Use `changes` now and write them to settings.toml shortly (one write for a burst)."""
        from dataclasses import replace

        self.loaded_settings = replace(
            self.loaded_settings,
            settings=replace(self.settings, **changes),  # type: ignore[arg-type]
        )
        first = not self._pending_settings
        self._pending_settings.update(changes)
        if first:
            self.set_timer(SETTINGS_DEBOUNCE, self.write_settings)

    def write_settings(self) -> None:
        changes, self._pending_settings = self._pending_settings, {}
        if not changes:
            return
        result = save_settings(
            changes, self.loaded_settings.path.parent, themes=self.available_themes
        )
        if result.ok:
            self.loaded_settings = result.loaded
        for message in result.notices(self.lang):
            self.notify(message, severity="warning" if result.ok else "error", timeout=12)

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self.settings.theme:
            self.remember_setting(theme=theme.name)

    def action_cycle_theme(self) -> None:
        self.theme = next_theme(self)
        self.notify(t("theme.changed", self.lang, name=self.theme), timeout=2)

    def action_change_theme(self) -> None:
        """The palette's theme picker (replaces Textual's, to be translated)."""
        from textual.command import CommandPalette

        from tui_reader.ui.commands.app_commands import ThemeCommands

        if not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(
                    providers=[ThemeCommands],
                    placeholder=t("palette.theme_placeholder", self.lang),
                    id="--command-palette",
                )
            )

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(
                    placeholder=t("palette.placeholder", self.lang), id="--command-palette"
                )
            )

    def report_position_problems(self) -> None:
        for problem in self.positions.take_problems():
            params = {
                "path": str(problem.path),
                "moved_to": str(problem.moved_to),
                **problem.params,
            }
            self.notify(t(problem.key, self.lang, **params), severity="warning", timeout=12)

    def save_reading_positions(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, ReadingScreen):
                screen.save_position()

    async def action_quit(self) -> None:
        self.save_reading_positions()
        self.write_settings()
        self.exit()

    # --- the terminal closed, or the system asks us to stop (issue 16) ---------------------

    def _catch_terminating_signals(self) -> None:
        """SIGHUP (the terminal window closed) and SIGTERM (shutdown, `kill`) would end the
        process at once, losing up to an autosave delay of typing: save first, then quit."""
        import asyncio
        import signal

        loop = asyncio.get_running_loop()
        for name in ("SIGHUP", "SIGTERM"):
            number = getattr(signal, name, None)
            if number is not None:
                with suppress(NotImplementedError, RuntimeError, ValueError):  # not on Windows
                    loop.add_signal_handler(number, self.flush_and_exit)

    def flush_and_exit(self) -> None:
        """Write everything pending (each screen's `flush_pending`, positions, settings), then
        exit. Writing happens first and synchronously: after SIGHUP the terminal is gone and
        the exit may not get far."""
        for screen in self.screen_stack:
            flush = getattr(screen, "flush_pending", None)
            if flush is not None:
                with suppress(Exception):  # one screen's trouble must not stop the others'
                    flush()
        with suppress(Exception):
            self.save_reading_positions()
            self.write_settings()
        self.exit()

    def open_article(self, path: Path) -> None:
        try:
            article = load_article(path)
        except ArticleError as error:
            self.notify(t(error.key, self.lang, **error.params), severity="error")
            return
        self.show_article(article)

    def show_article(self, article: Article) -> None:
        for notice in article.notices:
            self.notify(notice_text(notice, self.lang), severity="warning", timeout=8)
        if isinstance(self.screen, ReadingScreen):
            # Another article from the palette: this one's place is saved, and it is replaced
            # rather than stacked, so Escape still leads back to the library.
            self.screen.save_position()
            self.switch_screen(ReadingScreen(article, self.lang))
            return
        self.push_screen(ReadingScreen(article, self.lang))


# What xterm sends for Shift+F3. Textual reads it as a cursor position report (row 1, column 2)
# and drops it, as the app never asks for one: it is the key.
SHIFT_F3_REPORT = (1, 0)


def shift_f3_key(message: Message) -> Message:
    """`message`, or a shift+f3 key event for the cursor report that is really Shift+F3."""
    if isinstance(message, events.CursorPosition) and (message.x, message.y) == SHIFT_F3_REPORT:
        return events.Key("shift+f3", None)
    return message


def notice_text(notice: Notice, lang: str) -> str:
    return t(notice.key, lang, **notice.params)


def skipped_notices(listing: Listing, lang: str) -> list[str]:
    """One notice for the files of a directory that could not be listed."""
    if not listing.problems:
        return []
    # A file name is data too: an escape sequence in it must not reach the terminal.
    first = make_inert(listing.problems[0][0].name)
    return [t("library.skipped", lang, count=len(listing.problems), first=first)]


def _clean_stale_temps() -> None:
    """Temp files left by a kill in the middle of a write (issue 16), after the first paint."""
    from tui_reader.core.atomic_file import clean_stale_temps
    from tui_reader.core.paths import state_dirs

    clean_stale_temps(state_dirs())


def _collect_after_first_paint() -> None:
    """Start-up objects (Textual's, the article's) live as long as the app: freeze them so
    later collections skip them, then let the collector run again."""
    gc.freeze()
    gc.enable()
