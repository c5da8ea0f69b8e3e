"""The Textual application: a library screen with reading screens pushed on top."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import replace
from functools import cached_property
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from tui_reader.core.article.identity import drafts_key, same_article
from tui_reader.core.article.model import Article, load_article
from tui_reader.core.catalog import t
from tui_reader.core.errors import ArticleError
from tui_reader.core.launch import Launch
from tui_reader.core.sanitize import make_inert
from tui_reader.core.storage.atomic_file import clean_stale_temps
from tui_reader.core.storage.paths import state_dirs
from tui_reader.core.storage.positions import PositionStore
from tui_reader.core.storage.settings import (
    LoadedSettings,
    Settings,
    check_theme,
    load_settings,
    save_settings,
)
from tui_reader.ui import startup
from tui_reader.ui.commands.lazy import library_commands, reader_commands
from tui_reader.ui.key_queue import KeyQueue
from tui_reader.ui.localized import localize_bindings
from tui_reader.ui.quit_guard import QuitGuard
from tui_reader.ui.reading.reading_screen import ReadingScreen
from tui_reader.ui.shell import ReaderShell, app_keys
from tui_reader.ui.themes import next_theme, register_themes

if TYPE_CHECKING:
    from textual.command import Provider

    from tui_reader.core.comments.drafts import Draft, DraftStore
    from tui_reader.core.storage.atomic_file import FileProblem
    from tui_reader.core.storage.library import ArticleInfo, Listing
    from tui_reader.core.web.thread_layout import CommentBlock
    from tui_reader.ui.sync.feeds_sync import FeedsSync

# Settings changed in the app (+/-, theme) are written this long after the last change.
SETTINGS_DEBOUNCE = 0.5
# App-wide keys that apply only on the screens whose APP_KEYS name them (ui.shell.app_keys).
SCREEN_KEYS = frozenset({"show_drafts", "show_help", "back", "quit"})


class ReaderApp(App[object]):
    # The reading screen's styles load with the app's: a screen's own CSS_PATH makes Textual
    # parse every stylesheet again when it is pushed (~10 ms before the first paint).
    # The library's too: Textual never loads the CSS_PATH of the default screen.
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "app.tcss",
        "reading/reading_screen.tcss",
        "library/library_screen.tcss",
        "sync/sync_bar.tcss",
    ]
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
        Binding("ctrl+r", "sync_feeds", "keys.sync", show=False),
        Binding("d", "show_drafts", "keys.drafts"),
        Binding("question_mark", "show_help", "keys.help", key_display="?"),
        Binding("escape", "back", "keys.back"),
        Binding("q", "quit", "keys.quit"),
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
        self.keys = KeyQueue(self, ready=lambda: startup.painted(self))
        self.quit_guard = QuitGuard(self)  # a comment that cannot be saved (issue 16)

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
            notices=[notice.text(lang) for notice in launch.notices],
            settings=launch.settings,
        )
        if launch.listing is not None:
            app._initial_notices[:0] = skipped_notices(launch.listing, lang)
        return app

    @cached_property
    def drafts(self) -> DraftStore:
        """Comment drafts, shared by the composer and drafts screens (imported on first use)."""
        from tui_reader.core.comments.drafts import DraftStore

        return DraftStore()

    @property
    def articles(self) -> list[ArticleInfo]:
        """The library's articles; listed on first use when an article was opened directly."""
        if self._articles is None:
            from tui_reader.core.storage.library import list_articles

            try:
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
        from tui_reader.ui.library.library_screen import LibraryScreen

        return LibraryScreen(self.library_dir, self._articles, self.lang)

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
        quits = [
            (key, active)
            for key, active in self.active_bindings.items()
            if active.binding.action in ("quit", "app.quit")
        ]
        # The key the footer shows (q), rather than Textual's hidden ctrl+q.
        quits.sort(key=lambda pair: not pair[1].binding.show)
        for key, active in quits[:1]:
            shown = self.get_key_display(active.binding) or key
            self.notify(
                t("app.quit_hint", self.lang, key=shown),
                title=t("app.quit_hint_title", self.lang),
            )

    @property
    def painted(self) -> bool:
        """Whether the first screen of text has been drawn (and start-up work released)."""
        return startup.painted(self)

    def on_mount(self) -> None:
        startup.start(self)
        startup.after_first_paint(self, _clean_stale_temps)
        startup.after_first_paint(self, self._offer_ready_drafts)
        self._catch_terminating_signals()
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
        self.report(self.positions.take_problems(), timeout=12)

    def _offer_ready_drafts(self) -> None:
        """`send_ready` (issue 13): ready drafts are offered for sending (or sent) once their
        site answers, checked in a worker (ui.comments.outbox_runner)."""
        from tui_reader.ui.comments.outbox_runner import outbox

        outbox(self).offer_at_start()

    # --- settings, themes, palette, positions (issue 5) ------------------------------------

    @property
    def settings(self) -> Settings:
        return self.loaded_settings.settings

    def remember_setting(self, **changes: object) -> None:
        """Use `changes` now and write them to settings.toml shortly (one write for a burst)."""
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
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(
                    placeholder=t("palette.placeholder", self.lang), id="--command-palette"
                )
            )

    def note_on_exit(self, message: str) -> None:
        """Say `message` on stderr once the app has given the terminal back (cli.py)."""
        self.quit_guard.exit_notes.append(message)

    def report(self, problems: Iterable[FileProblem], *, timeout: float = 10) -> None:
        """Tell the user about state files set aside or unreadable (they stay on disk)."""
        for problem in problems:
            self.notify(problem.text(self.lang), severity="warning", timeout=timeout)

    def save_reading_positions(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, ReadingScreen):
                screen.save_position()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in SCREEN_KEYS:
            # Under a modal these keys do not reach the app; the answer is for the footer of
            # the screen below it, still on view.
            below = next((s for s in reversed(self.screen_stack) if not s.is_modal), self.screen)
            return action in app_keys(below)
        return True

    async def action_quit(self) -> None:
        if not self.quit_guard.ready_to_quit(self.lang):
            return
        self.feeds_sync.stop()
        self.save_reading_positions()
        self.write_settings()
        self.exit()

    # --- feeds (issue 15): Ctrl+R, the palette's "Sync feeds" ------------------------------

    @cached_property
    def feeds_sync(self) -> FeedsSync:
        from tui_reader.ui.sync.feeds_sync import FeedsSync

        return FeedsSync(self)

    def sync_feeds(self) -> None:
        from tui_reader.cli_fetch import library_dir

        self.feeds_sync.start(library_dir(self.loaded_settings))

    def action_sync_feeds(self) -> None:
        self.sync_feeds()

    def relist_library(self) -> None:
        """New articles arrived (a sync): the library screen, if open, lists its directory
        again keeping its filter, order and cursor; else it is listed anew when next needed."""
        from tui_reader.ui.library.library_screen import LibraryScreen

        screens = [s for s in self.screen_stack if isinstance(s, LibraryScreen)]
        self._articles = screens[0].reload() if screens else None

    # --- the terminal closed, or the system asks us to stop (issue 16) ---------------------

    def _catch_terminating_signals(self) -> None:
        """SIGHUP (the terminal window closed) and SIGTERM (shutdown, `kill`) would end the
        process at once, losing up to an autosave delay of typing: save first, then quit."""
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
        self.quit_guard.flush_or_keep()  # a comment that cannot be saved: a copy elsewhere
        with suppress(Exception):
            self.save_reading_positions()
            self.write_settings()
        self.exit()

    # --- navigation: the screens ask, the app builds them -----------------------------------

    def open_article(self, path: Path) -> None:
        try:
            article = load_article(path)
        except ArticleError as error:
            self.notify(t(error.key, self.lang, **error.params), severity="error")
            return
        self.show_article(article)

    def show_article(self, article: Article) -> None:
        self._show_article(article)

    def _show_article(self, article: Article) -> ReadingScreen:
        for notice in article.notices:
            self.notify(notice.text(self.lang), severity="warning", timeout=8)
        reading = ReadingScreen(article, self.lang)
        if isinstance(self.screen, ReadingScreen):
            # Another article from the palette: this one's place is saved, and it is replaced
            # rather than stacked, so Escape still leads back to the library.
            self.screen.save_position()
            self.switch_screen(reading)
        else:
            self.push_screen(reading)
        return reading

    def back_to_library(self) -> None:
        """Leave the reading screen for the library (built now if the app began on an article)."""
        from tui_reader.ui.library.library_screen import LibraryScreen

        self.pop_screen()
        if not isinstance(self.screen, LibraryScreen):
            self.push_screen(LibraryScreen(self.library_dir, self._articles, self.lang))

    async def action_back(self) -> None:
        """Escape: back, as the screen means it (the reading screen closes its search first)."""
        screen = self.screen
        if isinstance(screen, ReadingScreen):
            screen.action_back()

    def show_help(self) -> None:
        from tui_reader.ui.dialogs.help_screen import HelpScreen

        self.push_screen(HelpScreen(self.lang))

    def action_show_help(self) -> None:
        self.show_help()

    def show_drafts(self, article: Article | None = None) -> None:
        """Every draft; the cursor starts on `article`'s first one (the article being read)."""
        from tui_reader.ui.comments.drafts_screen import DraftsScreen

        below = self.screen

        def closed(_: None) -> None:
            if isinstance(below, ReadingScreen) and below.is_attached:
                below.refresh_draft_counts()

        self.push_screen(DraftsScreen(self.lang, article), closed)

    def action_show_drafts(self) -> None:
        screen = self.screen
        self.show_drafts(screen.article if isinstance(screen, ReadingScreen) else None)

    def compose_comment(
        self,
        article: Article,
        draft: Draft | None = None,
        *,
        new: bool = False,
        section_slug: str | None = None,
        back_to_drafts: bool = False,
    ) -> None:
        """The comment form over `article`'s reading screen (shown first if it is not the one
        below): `draft`, else the article's latest unsent draft unless `new`, else a new draft
        on `section_slug` or on the section being read. `back_to_drafts`: asked for from the
        drafts screen, which shows again when the form closes."""
        listed = self._close_drafts_screen()
        below = self.screen
        pushed_for_form = False
        if isinstance(below, ReadingScreen) and same_article(below.article, article):
            reading = below
        else:
            if isinstance(below, ReadingScreen):
                # Another article's: replaced, so Escape still leads to the library.
                self.pop_screen()
            else:
                pushed_for_form = True  # over the library: left again when the form closes
            reading = self._show_article(article)
        then = None
        if back_to_drafts:
            then = self._back_to_drafts(reading if pushed_for_form else None, listed)

        def compose() -> None:
            if section_slug:
                reading.go_to_slug(section_slug)
            self._open_composer(reading, draft, new=new, section_slug=section_slug, then=then)

        if reading is below:
            compose()
        else:
            # Once it is shown: the composer asks the reading screen where the reader is.
            reading.when_shown(compose)

    def compose_reply(self, article: Article, comment: CommentBlock) -> None:
        """The comment form as a reply to `comment` of the article's thread (its unsent reply
        to it, else a new one): titled "Reply to Ada", Ctrl+O quotes the comment."""
        from tui_reader.ui.comments.reply_support import reply_draft_for

        draft = reply_draft_for(self, article, comment.comment_id)
        if draft is not None:
            self.compose_comment(article, draft)

    def fetch_article(self) -> None:
        """ "Fetch an article…": its address asked in a dialog, fetched, then opened."""
        from tui_reader.core.web.fetch_report import library_dir
        from tui_reader.ui.dialogs.fetch_dialog import FetchDialog

        def fetched(path: Path | None) -> None:
            if path is not None:
                self.open_article(path)

        self.push_screen(FetchDialog(self.lang, library_dir(self.settings)), fetched)

    def open_draft(self, draft: Draft) -> None:
        """A draft from the drafts screen, in its article; read-only when the article is gone."""
        from tui_reader.ui.comments.drafts_support import draft_article

        article, error = draft_article(draft)
        if article is not None:
            self.compose_comment(
                article, draft, section_slug=draft.section.slug, back_to_drafts=True
            )
            return
        from tui_reader.ui.comments.composer_screen import ComposerScreen

        # The reason is shown in the form: in the form's (the draft's) language.
        where = draft.article.path or t("drafts.stdin_article", draft.lang)
        reason = t("composer.read_only.no_article", draft.lang, path=where)
        if error:
            self.notify(t(error, self.lang, path=where, reason=""), severity="warning")
        self.push_screen(ComposerScreen(self.drafts, draft, self.lang, read_only_reason=reason))

    def _close_drafts_screen(self) -> Article | None:
        """Close the drafts screen if it is on top; the article it was opened on, if any."""
        from tui_reader.ui.comments.drafts_screen import DraftsScreen

        screen = self.screen
        if not isinstance(screen, DraftsScreen):
            return None
        screen.dismiss()
        return screen.article

    def _back_to_drafts(
        self, reading: ReadingScreen | None, article: Article | None
    ) -> Callable[[], None]:
        """What runs when a form opened from the drafts screen closes: the list shows again,
        over the screen it was opened from (`reading`, pushed only for the form, is left)."""

        def back() -> None:
            if reading is not None and self.screen is reading:
                self.pop_screen()
            self.show_drafts(article)

        return back

    def _open_composer(
        self,
        reading: ReadingScreen,
        draft: Draft | None,
        *,
        new: bool = False,
        section_slug: str | None = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        from tui_reader.core.comments.drafts import Status
        from tui_reader.ui.comments.composer_screen import ComposerScreen
        from tui_reader.ui.comments.drafts_support import new_draft, section_ref
        from tui_reader.ui.comments.reply_support import composer_context

        article = reading.article
        if article.comments_closed and draft is None:
            # The site's answer, in the site's language, as validation errors are.
            self.notify(t("composer.closed", article.lang), severity="warning")
            if then is not None:
                then()
            return
        section = article.section_by_slug(section_slug) if section_slug else None
        index = section.index if section is not None else reading.view.current_section
        slug, title = section_ref(article, index)
        if draft is None and not new:
            # The latest draft not posted yet: a comment posted here is "ready", queued.
            key = drafts_key(article)
            draft = self.drafts.latest_unsent_for(key, statuses=(Status.DRAFT,))
            self.report(self.drafts.take_problems())
        if draft is None:
            draft = new_draft(self, article, slug, title, self.lang)
        context = composer_context(self, article, draft, (slug, title), reading.top_paragraph)
        # Comments closed: an existing draft opens read-only, saying why.
        refused = t("composer.closed", draft.lang) if article.comments_closed else None

        def closed(draft_id: str | None) -> None:
            # The id of the draft last saved: the sidebar counts it.
            if draft_id is not None and reading.is_attached:
                reading.refresh_draft_counts()
            if then is not None:
                then()

        composer = ComposerScreen(
            self.drafts, draft, self.lang, context=context, read_only_reason=refused
        )
        # Pushed from the app's own queue: the result callback runs on whoever pushes, and the
        # screen that asked (the drafts list) may be gone by the time the form closes.
        self.call_later(self.push_screen, composer, closed)


# What xterm sends for Shift+F3. Textual reads it as a cursor position report (row 1, column 2)
# and drops it, as the app never asks for one: it is the key.
SHIFT_F3_REPORT = (1, 0)


def shift_f3_key(message: Message) -> Message:
    """`message`, or a shift+f3 key event for the cursor report that is really Shift+F3."""
    if isinstance(message, events.CursorPosition) and (message.x, message.y) == SHIFT_F3_REPORT:
        return events.Key("shift+f3", None)
    return message


def skipped_notices(listing: Listing, lang: str) -> list[str]:
    """One notice for the files of a directory that could not be listed."""
    if not listing.problems:
        return []
    # A file name is data too: an escape sequence in it must not reach the terminal.
    first = make_inert(listing.problems[0][0].name)
    return [t("library.skipped", lang, count=len(listing.problems), first=first)]


def _clean_stale_temps() -> None:
    """Temp files left by a kill in the middle of a write (issue 16), after the first paint."""
    clean_stale_temps(state_dirs())


if TYPE_CHECKING:
    # ReaderApp is what ui.shell promises the screens (checked by mypy).
    _shell: type[ReaderShell] = ReaderApp
