"""Feed state in SQLite (docs/feeds-state.md): `feeds.sqlite3` in the data directory.

- WAL mode: a sync writing while the app reads, or two syncs, never block readers nor corrupt
  the file; each write is one short transaction, and a busy database is waited for (5 s).
- `PRAGMA user_version` is the schema version; a database from a newer tui-reader is refused.
- The feeds list is also kept in `feeds.json` (written atomically at every change): a damaged
  database is moved to `corrupt/` and rebuilt from it, and the user is told, never silently.
- Private like the other state files: 0600 in the 0700 data directory.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tui_reader.core.feeds.errors import FeedError
from tui_reader.core.storage.atomic_file import (
    CORRUPT_DIR,
    PRIVATE_FILE_MODE,
    FileProblem,
    atomic_write,
    ensure_private_dir,
    file_lock,
    json_bytes,
    move_aside,
    read_private,
)
from tui_reader.core.storage.paths import data_dir

DB_FILE = "feeds.sqlite3"
LIST_FILE = "feeds.json"
LOCK_FILE = ".feeds.lock"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 5000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    site TEXT NOT NULL DEFAULT '',
    added TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_checked TEXT,
    last_status TEXT,
    last_error TEXT,
    last_new INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS entries (
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    entry_key TEXT NOT NULL,
    link TEXT NOT NULL,
    path TEXT,
    seen TEXT NOT NULL,
    PRIMARY KEY (feed_id, entry_key)
);
"""


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    title: str
    site: str
    added: str
    etag: str | None = None
    last_modified: str | None = None
    last_checked: str | None = None
    last_status: str | None = None  # "new", "unchanged", "failed"
    last_error: str | None = None
    last_new: int = 0


_FEED_COLUMNS = (
    "id, url, title, site, added, etag, last_modified, last_checked, last_status, last_error, "
    "last_new"
)


class FeedStore:
    """The feeds and what each sync learnt. Every method opens its own connection: cheap, and
    safe from the sync's threads."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory if directory is not None else data_dir()
        self.problems: list[FileProblem] = []  # a damaged database set aside, to tell the user
        self._checked = False
        self._local = threading.local()

    @property
    def path(self) -> Path:
        return self.directory / DB_FILE

    @property
    def list_path(self) -> Path:
        return self.directory / LIST_FILE

    # --- opening, checking, rebuilding ----------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # In WAL mode NORMAL never corrupts; a power cut may forget the last commits, which
        # only makes the next sync look at those entries again (saving them is idempotent).
        conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection, kept open: opening and closing one per statement would
        checkpoint the WAL every time."""
        self.check()
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
        yield conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction (BEGIN IMMEDIATE: the write lock at once, waited for)."""
        with self._db() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def check(self) -> None:
        """Create, check or rebuild the database once per store. Raises FeedError (newer
        schema, or a database that cannot be opened or moved aside)."""
        if self._checked:
            return
        ensure_private_dir(self.directory)
        with file_lock(self.directory / LOCK_FILE):
            if not self.path.exists():
                self._create()
            else:
                problem = self._damage()
                if problem is not None:
                    self._rebuild(problem)
        self._checked = True

    def _create(self) -> None:
        # The file first, 0600: SQLite gives its -wal and -shm files the database's mode.
        os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE))
        with closing(self._connect()) as conn:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.executescript(_SCHEMA)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _damage(self) -> str | None:
        """None when the database is sound; else why not (for the report)."""
        try:
            with closing(self._connect()) as conn:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise FeedError("feeds.db.newer", path=str(self.path), version=version)
                verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
                if verdict != "ok":
                    return str(verdict)
                if version < 1:
                    conn.executescript(_SCHEMA)
                    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                conn.execute("SELECT count(*) FROM feeds").fetchone()
                conn.execute("SELECT count(*) FROM entries").fetchone()
                conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.DatabaseError as error:  # "file is not a database", a missing table…
            return str(error)
        return None

    def _rebuild(self, reason: str) -> None:
        corrupt = self.directory / CORRUPT_DIR
        try:
            moved = move_aside(self.path, corrupt)
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    move_aside(side, corrupt)
        except OSError as error:
            raise FeedError("feeds.db.not_moved", path=str(self.path), reason=str(error)) from None
        self._create()
        feeds = self._listed()
        with closing(self._connect()) as conn:
            conn.execute("BEGIN IMMEDIATE")
            for url, title, site, added in feeds:
                conn.execute(
                    "INSERT OR IGNORE INTO feeds (url, title, site, added) VALUES (?, ?, ?, ?)",
                    (url, title, site, added),
                )
            conn.execute("COMMIT")
        self.problems.append(
            FileProblem(
                "feeds.db.rebuilt", self.path, moved, {"count": str(len(feeds)), "reason": reason}
            )
        )

    def _listed(self) -> list[tuple[str, str, str, str]]:
        """The feeds of feeds.json (the copy kept for a rebuild)."""
        import json

        try:
            doc = json.loads(read_private(self.list_path))
        except (OSError, ValueError):
            return []
        out = []
        for item in doc.get("feeds", []) if isinstance(doc, dict) else []:
            if isinstance(item, dict) and isinstance(item.get("url"), str):
                out.append(
                    (
                        item["url"],
                        str(item.get("title") or item["url"]),
                        str(item.get("site") or ""),
                        str(item.get("added") or now_iso()),
                    )
                )
        return out

    def _write_list(self, conn: sqlite3.Connection) -> None:
        rows = conn.execute("SELECT url, title, site, added FROM feeds ORDER BY id").fetchall()
        doc = {
            "schema": 1,
            "feeds": [{"url": u, "title": t, "site": s, "added": a} for u, t, s, a in rows],
        }
        atomic_write(self.list_path, json_bytes(doc))

    # --- the feeds ------------------------------------------------------------------------

    def feeds(self) -> list[Feed]:
        with self._db() as conn:
            rows = conn.execute(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY id").fetchall()
        return [Feed(*row) for row in rows]

    def add(self, url: str, title: str, site: str = "") -> Feed | None:
        """The new feed; None when it is already there."""
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO feeds (url, title, site, added) VALUES (?, ?, ?, ?)",
                (url, title, site, now_iso()),
            )
            if cursor.rowcount == 0:
                return None
            self._write_list(conn)
            row = conn.execute(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE url = ?", (url,))
            return Feed(*row.fetchone())

    def remove(self, feed: Feed) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM entries WHERE feed_id = ?", (feed.id,))
            conn.execute("DELETE FROM feeds WHERE id = ?", (feed.id,))
            self._write_list(conn)

    # --- what a sync learns ---------------------------------------------------------------

    def seen(self, feed: Feed) -> set[str]:
        with self._db() as conn:
            rows = conn.execute("SELECT entry_key FROM entries WHERE feed_id = ?", (feed.id,))
            return {key for (key,) in rows}

    def mark_seen(self, feed: Feed, key: str, link: str, path: Path | None) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO entries (feed_id, entry_key, link, path, seen) "
                "VALUES (?, ?, ?, ?, ?)",
                (feed.id, key, link, str(path) if path else None, now_iso()),
            )

    def record(
        self,
        feed: Feed,
        *,
        status: str,
        error: str | None = None,
        new: int = 0,
        validators: tuple[str | None, str | None] | None = None,
        title: str | None = None,
        site: str | None = None,
    ) -> None:
        """The last result of `feed`; its validators (ETag, Last-Modified) when given."""
        with self._write() as conn:
            conn.execute(
                "UPDATE feeds SET last_checked = ?, last_status = ?, last_error = ?, "
                "last_new = ? WHERE id = ?",
                (now_iso(), status, error, new, feed.id),
            )
            if validators is not None:
                conn.execute(
                    "UPDATE feeds SET etag = ?, last_modified = ? WHERE id = ?",
                    (*validators, feed.id),
                )
            renamed = title is not None and title != feed.title
            if renamed or (site is not None and site != feed.site):
                conn.execute(
                    "UPDATE feeds SET title = ?, site = ? WHERE id = ?",
                    (title or feed.title, site if site is not None else feed.site, feed.id),
                )
                self._write_list(conn)
