"""User settings: `settings.toml` in config_dir(), read with tomllib, written with tomlkit.

Precedence is CLI flags > this file > defaults. The file is the user's: a bad value never stops
the program (the default is used for that key and a notice says so), and a file we could not
fully accept is never overwritten silently: before the first write it is moved to `corrupt/`
beside it and the caller is told where. Writing goes through tomlkit so the user's comments,
ordering and unknown keys survive a theme change made from the app. A symlinked settings.toml
(dotfiles managers) is followed for reading and writing.

Pure Python, never imports Textual: theme names are checked by the app, which knows them.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from tui_reader.core.catalog import LANGS, t
from tui_reader.core.messages import Msg
from tui_reader.core.storage.atomic_file import (
    CORRUPT_DIR,
    atomic_write,
    ensure_private_dir,
    error_key,
    error_reason,
    file_lock,
    move_aside,
    read_private,
)
from tui_reader.core.storage.library_order import DEFAULT_ORDER, ORDERS
from tui_reader.core.storage.paths import config_dir, expand_user

SETTINGS_FILE = "settings.toml"
LOCK_FILE = ".settings.toml.lock"

DEFAULT_THEME = "textual-dark"
DEFAULT_READING_WIDTH = 88
DEFAULT_SIDEBAR_WIDTH = 32
READING_WIDTH_MIN, READING_WIDTH_MAX = 40, 400
SIDEBAR_WIDTH_MIN, SIDEBAR_WIDTH_MAX = 12, 120
AUTO = "auto"
# At start-up, ready drafts and a network that answers: offer to send them, send them, or not.
SEND_READY_CHOICES = ("ask", "auto", "manual")

HEADER = "# tui-reader settings: every key is optional (see the README, section Settings).\n"


@dataclass(frozen=True, slots=True)
class Settings:
    articles_dir: Path | None = None  # None: the bundled articles
    theme: str = DEFAULT_THEME
    language: str | None = None  # None: from the locale
    sidebar_width: int = DEFAULT_SIDEBAR_WIDTH
    sidebar_visible: bool | None = None  # None: shown when the terminal is wide enough
    reading_width: int = DEFAULT_READING_WIDTH
    library_order: str = DEFAULT_ORDER  # the library's order (core.storage.library_order)
    send_ready: str = "ask"  # SEND_READY_CHOICES


SETTING_NAMES = tuple(f.name for f in fields(Settings))


@dataclass(frozen=True, slots=True)
class SettingsProblem:
    """Something wrong in the file, for the user: catalog key and its params."""

    key: str
    params: dict[str, str] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        params = dict(self.params)
        if "expected" in params:
            params["expected"] = t(params["expected"], lang, **_EXPECT_PARAMS)
        return t(self.key, lang, **params)


_EXPECT_PARAMS = {
    "rmin": READING_WIDTH_MIN,
    "rmax": READING_WIDTH_MAX,
    "smin": SIDEBAR_WIDTH_MIN,
    "smax": SIDEBAR_WIDTH_MAX,
}


@dataclass(frozen=True, slots=True)
class LoadedSettings:
    """The settings in force, what was wrong with the file, and whether writing must first
    move it aside (`bad`: invalid TOML, or a value we replaced by its default)."""

    path: Path
    settings: Settings = field(default_factory=Settings)
    problems: list[SettingsProblem] = field(default_factory=list)
    bad: bool = False


@dataclass(frozen=True, slots=True)
class SaveResult:
    loaded: LoadedSettings  # the settings now in force (the old ones when the save failed)
    moved_to: Path | None = None  # the user's bad file, kept here before the new one was written
    error: Msg | None = None  # the save failed

    @property
    def ok(self) -> bool:
        return self.error is None

    def notices(self, lang: str) -> list[str]:
        out = []
        if self.moved_to is not None:
            out.append(
                t(
                    "settings.notice.moved_aside",
                    lang,
                    path=str(self.loaded.path),
                    moved_to=str(self.moved_to),
                )
            )
        if self.error is not None:
            out.append(self.error.text(lang))
        return out


def settings_path(directory: Path | None = None) -> Path:
    return (directory if directory is not None else config_dir()) / SETTINGS_FILE


# --- reading --------------------------------------------------------------------------------


def _read_text(path: Path) -> str:
    """The file's text. Follows a symlink, but refuses what is not a regular file (a FIFO
    would block) or too big. Raises FileNotFoundError, OSError, UnicodeDecodeError."""
    return read_private(path, follow_symlinks=True).decode("utf-8")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check(name: str, value: object, base: Path) -> tuple[object, str | None]:
    """(the value to use, None) when valid, else (None, catalog key of what was expected)."""
    if name == "articles_dir":
        if isinstance(value, str) and value.strip():
            path = expand_user(Path(value))
            return (path if path.is_absolute() else base / path), None
        return None, "settings.expect.path"
    if name == "theme":
        if isinstance(value, str) and value.strip():
            return value.strip(), None
        return None, "settings.expect.theme"
    if name == "language":
        if isinstance(value, str) and value.lower() in LANGS:
            return value.lower(), None
        if value == AUTO:
            return None, None
        return None, "settings.expect.language"
    if name == "sidebar_visible":
        if isinstance(value, bool):
            return value, None
        if value == AUTO:
            return None, None
        return None, "settings.expect.visible"
    if name == "sidebar_width":
        if _is_int(value) and SIDEBAR_WIDTH_MIN <= value <= SIDEBAR_WIDTH_MAX:  # type: ignore[operator]
            return value, None
        return None, "settings.expect.sidebar_width"
    if name == "reading_width":
        if _is_int(value) and READING_WIDTH_MIN <= value <= READING_WIDTH_MAX:  # type: ignore[operator]
            return value, None
        return None, "settings.expect.reading_width"
    if name == "library_order":
        if isinstance(value, str) and value.strip().lower() in ORDERS:
            return value.strip().lower(), None
        return None, "settings.expect.library_order"
    if name == "send_ready":
        if isinstance(value, str) and value.strip().lower() in SEND_READY_CHOICES:
            return value.strip().lower(), None
        return None, "settings.expect.send_ready"
    raise KeyError(name)


def _shown(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def parse_settings(doc: Mapping[str, Any], path: Path) -> LoadedSettings:
    """Settings from a parsed TOML table: defaults for bad values, a problem for each."""
    values: dict[str, object] = {}
    problems: list[SettingsProblem] = []
    bad = False
    defaults = Settings()
    for name, value in doc.items():
        if name not in SETTING_NAMES:
            # Harmless (a newer version's key, a typo): reported, kept in the file.
            problems.append(
                SettingsProblem("settings.problem.unknown_key", {"path": str(path), "name": name})
            )
            continue
        checked, expected = _check(name, value, path.parent)
        if expected is None:
            values[name] = checked
            continue
        bad = True
        default = getattr(defaults, name)
        problems.append(
            SettingsProblem(
                "settings.problem.bad_value",
                {
                    "path": str(path),
                    "name": name,
                    "value": _shown(value),
                    "expected": expected,
                    "default": AUTO if default is None else str(default),
                },
            )
        )
    return LoadedSettings(path, Settings(**values), problems, bad)  # type: ignore[arg-type]


def check_theme(loaded: LoadedSettings, themes: Collection[str]) -> LoadedSettings:
    """Reject a theme the app does not know: the default theme, a problem, and a bad file."""
    if loaded.settings.theme in themes:
        return loaded
    problem = SettingsProblem(
        "settings.problem.unknown_theme",
        {
            "path": str(loaded.path),
            "value": _shown(loaded.settings.theme),
            "default": DEFAULT_THEME,
        },
    )
    return replace(
        loaded,
        settings=replace(loaded.settings, theme=DEFAULT_THEME),
        problems=[*loaded.problems, problem],
        bad=True,
    )


def load_settings(
    directory: Path | None = None, *, themes: Collection[str] | None = None
) -> LoadedSettings:
    """The settings in `directory` (config_dir() by default); `themes`, when given, are the
    theme names the app knows. Never raises."""
    path = settings_path(directory)
    try:
        text = _read_text(path)
    except FileNotFoundError:
        return LoadedSettings(path)
    except (OSError, UnicodeDecodeError) as exc:
        reason = error_reason(exc) if isinstance(exc, OSError) else "not UTF-8"
        problem = SettingsProblem(
            "settings.problem.unreadable", {"path": str(path), "reason": reason}
        )
        # Unreadable is not invalid: a write would fail the same way or replace a file we
        # never saw, so treat it as bad (moved aside first).
        return LoadedSettings(path, problems=[problem], bad=True)
    import tomllib  # only when there is a file: most start-ups have none

    try:
        doc = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:  # "a = [[[[…" nests too deep
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        problem = SettingsProblem(
            "settings.problem.invalid_toml", {"path": str(path), "reason": reason}
        )
        return LoadedSettings(path, problems=[problem], bad=True)
    loaded = parse_settings(doc, path)
    return loaded if themes is None else check_theme(loaded, themes)


# --- writing --------------------------------------------------------------------------------


def _toml_value(value: object) -> object:
    return str(value) if isinstance(value, Path) else value


def save_settings(
    changes: Mapping[str, object],
    directory: Path | None = None,
    *,
    themes: Collection[str] | None = None,
) -> SaveResult:
    """Write `changes` (setting name → value) into the file, keeping everything else in it.

    The file is read again first, so edits made meanwhile (in an editor, by another instance)
    are kept. If it is not acceptable as it is, it is moved aside first and the result says
    where; the new file keeps its valid content.
    `themes`: the theme names the app knows (an unknown theme makes the file bad).
    """
    for name in changes:
        if name not in SETTING_NAMES:
            raise KeyError(name)
    path = settings_path(directory)
    current: LoadedSettings | None = None
    moved: list[Path] = []  # where the user's file went, as soon as it is there
    try:
        ensure_private_dir(path.parent)
        # Re-read, change, write under the lock: two instances never revert each other.
        with file_lock(path.parent / LOCK_FILE):
            current = load_settings(directory, themes=themes)
            _write_changes(current, changes, moved)
    except OSError as exc:
        return SaveResult(
            current or load_settings(directory, themes=themes),
            moved[0] if moved else None,
            Msg(error_key(exc, "settings.error"), {"reason": error_reason(exc), "path": str(path)}),
        )
    new = replace(current.settings, **changes)  # type: ignore[arg-type]
    return SaveResult(LoadedSettings(path, new, [], False), moved[0] if moved else None)


def _write_changes(
    current: LoadedSettings, changes: Mapping[str, object], moved: list[Path]
) -> None:
    """Write `changes` over the file `current` was read from; `moved` gets the place the old
    file was moved aside to, if it was. Raises OSError."""
    import tomlkit

    path = current.path
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    text: str | None = None
    if os.path.lexists(target):
        try:
            text = _read_text(target)
        except (OSError, UnicodeDecodeError):
            text = None
    doc = None
    if text is not None:
        try:
            doc = tomlkit.parse(text)
        except Exception:  # tomlkit raises its own ParseError subclasses, RecursionError...
            doc = None
    if current.bad or (doc is None and os.path.lexists(target)):
        # Not accepted as it is, or valid for tomllib but beyond tomlkit (an array nested 150
        # deep): either way the user's file is kept in corrupt/ before a new one is written.
        if os.path.lexists(target):
            moved.append(move_aside(target, target.parent / CORRUPT_DIR))
        if doc is not None:
            # Keep what was valid; drop the values we replaced by their default.
            for problem in current.problems:
                if problem.key == "settings.problem.bad_value":
                    doc.pop(problem.params["name"], None)
                elif problem.key == "settings.problem.unknown_theme":
                    doc.pop("theme", None)
    if doc is None:
        doc = tomlkit.parse(HEADER)
        defaults = Settings()
        for name in SETTING_NAMES:  # the values in force, from a file tomlkit could not read
            value = getattr(current.settings, name)
            if value is not None and value != getattr(defaults, name):
                doc[name] = _toml_value(value)
    for name, value in changes.items():
        if value is None:
            doc.pop(name, None)  # absent means the default ("auto")
        else:
            doc[name] = _toml_value(value)
    atomic_write(target, tomlkit.dumps(doc).encode("utf-8"))
