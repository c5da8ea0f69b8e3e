"""Quitting while a comment cannot be saved (a full or read-only disk, issue 16).

The first quit (Ctrl+Q, `q`) is refused with a message: the comment could not be saved, free
some space and quit again, or quit again at once to leave anyway. The second one writes an
emergency copy of each unsaved comment (core.comments.emergency) and quits; the copy's path is
said on screen and on stderr once the app is gone. SIGHUP and SIGTERM ask no one: the copy is
written straight away. Screens take part through two methods, `flush_pending() -> bool` and
`keep_emergency_copy()` (the composer's).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui_reader.core.catalog import t

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen


class QuitGuard:
    def __init__(self, app: App[object]) -> None:
        self.app = app
        self.refused = False  # a quit was refused: the next one keeps a copy and quits
        self.exit_notes: list[str] = []  # for stderr, once the terminal is ours again

    def ready_to_quit(self, lang: str) -> bool:
        """Save what every screen has pending; False (and the user told) when a comment
        could not be saved and this is the first try."""
        unsaved = self._flush()
        if not unsaved:
            return True
        if not self.refused:
            self.refused = True
            self.app.notify(t("composer.quit_blocked", lang), severity="error", timeout=20)
            return False
        self._keep(unsaved)
        return True

    def flush_or_keep(self) -> None:
        """On SIGHUP / SIGTERM: save, else keep a copy, without asking."""
        self._keep(self._flush())

    def _flush(self) -> list[Screen[object]]:
        """The screens whose pending work could not be written (each one tried)."""
        unsaved = []
        for screen in self.app.screen_stack:
            flush = getattr(screen, "flush_pending", None)
            if flush is None:
                continue
            try:
                if not flush():
                    unsaved.append(screen)
            except Exception:  # one screen's trouble must not stop the others'
                unsaved.append(screen)
        return unsaved

    def _keep(self, screens: list[Screen[object]]) -> None:
        for screen in screens:
            keep = getattr(screen, "keep_emergency_copy", None)
            if keep is not None:
                keep()
