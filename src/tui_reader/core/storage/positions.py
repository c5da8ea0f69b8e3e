"""Where the reader stopped in each article: `positions.json` in data_dir().

A position is anchored on the section's slug and the line within that section (scaled when the
section's height changed, e.g. another reading width), plus the percent of the article at the top
of the view as a fallback when the slug is gone (the section was renamed or removed). The key is
the article's resolved path, or `stdin:<text hash>` for an article read from standard input.

Saving re-reads the file under a lock shared by all instances (storage.atomic_file.file_lock)
and changes only this article's entry, so two instances lose nothing.
A corrupt file is moved to `corrupt/` beside it and reported.
Pure Python, never imports Textual.
"""

from __future__ import annotations

import errno
import math
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeGuard

from tui_reader.core.article.identity import article_key as article_key
from tui_reader.core.messages import Msg
from tui_reader.core.storage.atomic_file import (
    CORRUPT_DIR,
    FileProblem,
    atomic_write,
    ensure_private_dir,
    error_key,
    error_reason,
    file_lock,
    json_bytes,
    move_aside,
    read_private,
)
from tui_reader.core.storage.paths import data_dir

POSITIONS_FILE = "positions.json"
LOCK_FILE = ".positions.json.lock"
POSITIONS_SCHEMA = 1
# Oldest entries are dropped beyond this many articles.
MAX_ENTRIES = 2000


@dataclass(frozen=True, slots=True)
class Position:
    slug: str  # the section at the top of the view
    line: int  # lines from the start of that section to the top of the view
    lines: int  # the section's height then, to scale `line` when it changed
    percent: float  # top of the view, 0..100 of the article
    finished: bool = False  # the end of the article was on screen once
    updated: str = ""  # ISO 8601 UTC


def capture(
    *,
    slug: str,
    line: int,
    lines: int,
    top: int,
    total: int,
    end_visible: bool,
    previous: Position | None = None,
    now: datetime | None = None,
) -> Position:
    """The position for a view whose top is virtual line `top` of `total`."""
    percent = 100.0 if total <= 0 else max(0.0, min(100.0, 100.0 * top / total))
    finished = end_visible or (previous is not None and previous.finished)
    return Position(
        slug=slug,
        line=max(0, line),
        lines=max(1, lines),
        percent=round(percent, 2),
        finished=finished,
        updated=(now or datetime.now(UTC)).isoformat(timespec="seconds"),
    )


def line_in_section(position: Position, height: int) -> int:
    """The saved line within its section, scaled to the section's height now."""
    if height <= 0:
        return 0
    line = position.line
    if height != position.lines:
        line = round(line * height / max(1, position.lines))
    return max(0, min(line, height - 1))


def line_for_percent(percent: float, total: int) -> int:
    """The fallback when the slug is gone: the same fraction of the article."""
    if total <= 0:
        return 0
    return max(0, min(total - 1, math.floor(percent / 100.0 * total)))


def progress_label(position: Position | None) -> str | None:
    """What the library shows: None (unread), "✓" (finished) or a whole percent as text."""
    if position is None:
        return None
    if position.finished:
        return "✓"
    return str(int(position.percent))


_MAX_NUMBER = 2**53  # larger line counts or percents are not ours: the entry is skipped


def _parse_entry(value: object) -> Position | None:
    if not isinstance(value, dict):
        return None
    slug, line, lines = value.get("slug"), value.get("line"), value.get("lines")
    percent, finished, updated = (
        value.get("percent"),
        value.get("finished", False),
        value.get("updated", ""),
    )
    if not (
        isinstance(slug, str)
        and _is_int(line)
        and _is_int(lines)
        and isinstance(percent, int | float)
        and not isinstance(percent, bool)
        and isinstance(finished, bool)
        and isinstance(updated, str)
    ):
        return None
    # Edited files may hold 10**400: too big for a float (OverflowError) or for line arithmetic.
    if abs(percent) > _MAX_NUMBER or max(abs(line), abs(lines)) > _MAX_NUMBER:
        return None
    if not math.isfinite(percent):
        return None
    return Position(
        slug, max(0, line), max(1, lines), max(0.0, min(100.0, float(percent))), finished, updated
    )


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _parse(raw: bytes) -> dict[str, Position] | None:
    """The entries of a positions file; None when it is not one. Bad entries are skipped."""
    import json  # only when there is a file to read

    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(doc, dict) or not isinstance(doc.get("articles"), dict):
        return None
    out: dict[str, Position] = {}
    for key, value in doc["articles"].items():
        position = _parse_entry(value)
        if position is not None:
            out[key] = position
    return out


@dataclass(frozen=True, slots=True)
class StoreResult:
    problem: FileProblem | None = None  # a corrupt file moved aside, to tell the user about
    error: Msg | None = None  # the operation failed

    @property
    def ok(self) -> bool:
        return self.error is None


class PositionStore:
    """The positions file, cached after the first read; `save` merges with the disk."""

    def __init__(
        self, directory: Path | None = None, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.directory = directory if directory is not None else data_dir()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._cache: dict[str, Position] | None = None
        self._unreported: list[FileProblem] = []

    @property
    def path(self) -> Path:
        return self.directory / POSITIONS_FILE

    def take_problems(self) -> list[FileProblem]:
        problems, self._unreported = self._unreported, []
        return problems

    def _set_aside(self, key: str) -> tuple[FileProblem, str | None]:
        try:
            moved = move_aside(self.path, self.directory / CORRUPT_DIR, self._clock())
        except OSError as exc:
            problem = FileProblem(
                "positions.problem.not_moved", self.path, None, {"reason": error_reason(exc)}
            )
            return problem, error_key(exc, "positions.error")
        return FileProblem(key, self.path, moved), None

    def _read(self) -> tuple[dict[str, Position], str | None, dict[str, str]]:
        """The entries on disk (a corrupt file is moved aside), and an error key if unreadable."""
        try:
            raw = read_private(self.path)
        except FileNotFoundError:
            return {}, None, {}
        except OSError as exc:
            if error_key(exc, "positions.error") == "positions.error.symlink":
                problem, failed = self._set_aside("positions.problem.symlink")
                self._unreported.append(problem)
                return {}, failed, {"reason": error_reason(exc)}
            if exc.errno == errno.EINVAL:  # a directory or FIFO in its place: set aside
                problem, failed = self._set_aside("positions.problem.corrupt")
                self._unreported.append(problem)
                return {}, failed, {}
            # Unreadable (permissions, I/O): left where it is, and the user is told.
            reason = {"reason": error_reason(exc)}
            self._unreported.append(
                FileProblem("positions.problem.not_moved", self.path, None, reason)
            )
            return {}, error_key(exc, "positions.error"), reason
        entries = _parse(raw)
        if entries is None:
            problem, failed = self._set_aside("positions.problem.corrupt")
            self._unreported.append(problem)
            return {}, failed, {}
        return entries, None, {}

    def all(self) -> dict[str, Position]:
        if self._cache is None:
            self._cache, _, _ = self._read()
        return self._cache

    def reload(self) -> dict[str, Position]:
        self._cache = None
        return self.all()

    def get(self, key: str) -> Position | None:
        return self.all().get(key)

    def save(self, key: str, position: Position) -> StoreResult:
        """Record `position` for `key`, keeping the other articles' entries from the disk."""
        self.all()[key] = position  # in memory first: the session keeps it even if writing fails
        try:
            ensure_private_dir(self.directory)
            with file_lock(self.directory / LOCK_FILE):  # read, merge, write: one step
                entries, failed, params = self._read()
                if failed is not None:
                    error = Msg(failed, {"reason": "?", **params})
                    return StoreResult(self._pop_problem(), error)
                entries.pop(key, None)
                if len(entries) >= MAX_ENTRIES:
                    newest = sorted(entries.items(), key=lambda kv: kv[1].updated, reverse=True)
                    entries = dict(newest[: MAX_ENTRIES - 1])
                entries[key] = position
                doc = {
                    "schema": POSITIONS_SCHEMA,
                    "articles": {k: asdict(v) for k, v in entries.items()},
                }
                atomic_write(self.path, json_bytes(doc))
        except OSError as exc:
            error = Msg(error_key(exc, "positions.error"), {"reason": error_reason(exc)})
            return StoreResult(self._pop_problem(), error)
        self._cache = entries
        return StoreResult(self._pop_problem())

    def _pop_problem(self) -> FileProblem | None:
        return self._unreported.pop() if self._unreported else None
