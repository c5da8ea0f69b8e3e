"""Editing the comment in the reader's own editor ($VISUAL, else $EDITOR), as git does.

The terminal is handed to the editor (the app is suspended) with the text in a private temp
file, which is removed afterwards whatever happens.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from contextlib import suppress
from dataclasses import dataclass

from textual.app import App, SuspendNotSupported
from textual.notifications import SeverityLevel

from tui_reader.core.catalog import t
from tui_reader.core.comments.quote import for_editor, from_editor


@dataclass(frozen=True, slots=True)
class Edited:
    """The text as the editor left it, or (text None) what to tell the reader instead."""

    text: str | None
    message: str = ""
    severity: SeverityLevel = "error"
    timeout: float | None = 8


def edit_externally(app: App[object], original: str, lang: str) -> Edited:
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or ""
    try:
        argv = shlex.split(command)
    except ValueError as exc:
        return _failed(command, str(exc), lang)
    if not argv:
        return Edited(None, t("composer.no_editor", lang), "warning")
    fd, name = tempfile.mkstemp(prefix="tui-reader-comment-", suffix=".md")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="") as handle:
            handle.write(for_editor(original))
        code = _run(app, [*argv, name])
        if code != 0:
            return _failed(argv[0], t("composer.editor_exit", lang, code=code), lang)
        with open(name, encoding="utf-8", errors="replace", newline="") as handle:
            text = handle.read()
    except SuspendNotSupported:
        return Edited(None, t("composer.editor_unavailable", lang), timeout=None)
    except OSError as exc:
        return _failed(argv[0], exc.strerror or str(exc), lang)
    finally:
        with suppress(OSError):
            os.unlink(name)
    return Edited(from_editor(text, original))


def _run(app: App[object], argv: list[str]) -> int:
    if app.is_headless:  # nothing to hand the terminal to (tests, screenshots)
        devnull = subprocess.DEVNULL
        return subprocess.run(
            argv, stdin=devnull, stdout=devnull, stderr=devnull, check=False
        ).returncode
    with app.suspend():
        return subprocess.run(argv, check=False).returncode


def _failed(editor: str, reason: str, lang: str) -> Edited:
    return Edited(None, t("composer.editor_failed", lang, editor=editor, reason=reason))
