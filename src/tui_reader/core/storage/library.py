"""The library: the articles of a directory and what the list shows of each, cached.

Articles in subfolders are listed too, down to MAX_DEPTH folders below the library (hidden and
symlinked folders are not entered), each with its folder relative to the library.

Reading an article needs its whole text (the reading time counts its words), so the details are
kept in a JSON cache under the user cache directory, keyed by absolute path and checked against
size and mtime_ns: a warm listing reads no article at all. The cache is only a speed-up; a
missing, corrupt or unwritable one is rebuilt or skipped silently.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui_reader.core.article.model import reading_minutes, summarize_article
from tui_reader.core.article.source import display_path, is_supported, read_source
from tui_reader.core.catalog import LANGS
from tui_reader.core.errors import ArticleError, error_reason
from tui_reader.core.sanitize import make_inert
from tui_reader.core.storage.atomic_file import (
    atomic_write,
    ensure_private_dir,
    is_symlink,
    read_private,
)
from tui_reader.core.storage.library_order import DEFAULT_ORDER, sort_articles
from tui_reader.core.storage.paths import cache_dir

# Bump when parsing changes what an entry would hold: older entries are then ignored.
CACHE_VERSION = 3
CACHE_NAME = "library.json"
# Files that are not articles: remembered like articles, for as long as they do not change.
# Unreadable files are not: their permissions can change without their mtime.
_CACHED_ERRORS = frozenset({"error.binary", "error.empty"})
# Folders below the library that are listed: library/a/b/article.md at most.
MAX_DEPTH = 2
# {"info": {title, author, ...}} or {"error": {"key": ..., "params": {...}}}: JSON-ready, and
# checked by _valid_record when it comes back from the cache file.
_Record = dict[str, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    path: Path
    title: str
    author: str | None
    date: str | None
    lang: str
    source_url: str | None
    reading_minutes: int
    comments_open: bool
    feed: str | None = None  # front matter `feed`: the feed it was saved from
    folder: str = ""  # its folder relative to the library, "/"-separated; "" at the top

    @property
    def source_host(self) -> str | None:
        """The host of the source address ("example.org"), or the address as written."""
        if not self.source_url:
            return None
        from urllib.parse import urlsplit

        try:
            return urlsplit(self.source_url).hostname or self.source_url
        except ValueError:  # "http://[::1" and such: shown as written
            return self.source_url

    @property
    def shown_path(self) -> str:
        """Where the file is in the library: "news/" for library/news/article.md."""
        return f"{self.folder}/" if self.folder else ""


@dataclass(frozen=True, slots=True)
class Listing:
    """A directory's articles, and the files that could not be listed (for one message)."""

    articles: list[ArticleInfo]  # newest first, then by title (library_order "date")
    problems: list[tuple[Path, ArticleError]]  # files that look like articles but cannot be read


def cache_path() -> Path:
    return cache_dir() / CACHE_NAME


def list_articles(directory: Path, *, fallback_lang: str = "en") -> Listing:
    """The articles (core.article.source.is_supported) of `directory` and of its subfolders,
    MAX_DEPTH deep.

    Hidden files and folders are left out, and folders reached through a symlink (a link to
    a parent would loop). Raises ArticleError error.not_found, error.unreadable (the
    directory itself), or error.no_articles when it holds no such file; files that cannot be
    read are reported in Listing.problems instead.
    """
    shown = display_path(directory)
    try:
        entries = _scan(os.fspath(directory))
    except (FileNotFoundError, NotADirectoryError):
        raise ArticleError("error.not_found", path=shown) from None
    except OSError as error:
        raise ArticleError("error.unreadable", path=shown, reason=error_reason(error)) from None
    if not entries:
        raise ArticleError("error.no_articles", path=shown)

    cache = _Cache.load(cache_path())
    articles: list[ArticleInfo] = []
    problems: list[tuple[Path, ArticleError]] = []
    for entry in entries:
        path = Path(entry.path)
        try:
            st = entry.stat()
        except OSError:
            continue  # gone since the scan
        key = os.path.abspath(entry.path)
        stamp = [st.st_size, st.st_mtime_ns, fallback_lang]
        record = cache.get(key, stamp)
        if record is None:
            record = _read(path, fallback_lang)
            if "info" in record or record["error"]["key"] in _CACHED_ERRORS:
                cache.put(key, stamp, record)
        info = _info(path, record, _folder(directory, entry.path))
        if info is not None:
            articles.append(info)
        else:
            problems.append((path, _error(record)))
    cache.forget_missing(os.path.abspath(directory), {os.path.abspath(e.path) for e in entries})
    cache.save()
    return Listing(sort_articles(articles, DEFAULT_ORDER), problems)


def _scan(directory: str) -> list[os.DirEntry[str]]:
    """The candidate files of `directory` and its subfolders. Raises OSError for `directory`
    itself; a subfolder that cannot be read is left out (it may belong to someone else)."""
    found: list[os.DirEntry[str]] = []
    folders: list[tuple[str, int]] = []
    with os.scandir(directory) as scan:
        _sort_entries(scan, 1, found, folders)
    while folders:
        folder, depth = folders.pop()
        try:
            with os.scandir(folder) as scan:
                _sort_entries(scan, depth + 1, found, folders)
        except OSError:
            continue
    return found


def _sort_entries(
    scan: Iterable[os.DirEntry[str]],
    depth: int,
    found: list[os.DirEntry[str]],
    folders: list[tuple[str, int]],
) -> None:
    for entry in scan:
        if _is_candidate(entry):
            found.append(entry)
        elif depth <= MAX_DEPTH and _is_folder(entry):
            folders.append((entry.path, depth))


def _is_folder(entry: os.DirEntry[str]) -> bool:
    if entry.name.startswith("."):
        return False
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _folder(directory: Path, path: str) -> str:
    """`path`'s folder relative to `directory`, "/"-separated, "" when it is `directory`."""
    relative = os.path.relpath(os.path.dirname(path), directory)
    return "" if relative == os.curdir else make_inert(relative.replace(os.sep, "/"))


def _is_candidate(entry: os.DirEntry[str]) -> bool:
    if entry.name.startswith(".") or not is_supported(entry.name):
        return False
    try:
        return entry.is_file()  # follows symlinks; a broken one is not a file
    except OSError:
        return False


def _read(path: Path, fallback_lang: str) -> _Record:
    try:
        summary = summarize_article(read_source(path), path, fallback_lang=fallback_lang)
    except ArticleError as error:
        return {"error": {"key": error.key, "params": error.params}}
    except Exception as error:  # one bad article never stops the listing of the others
        reason = make_inert(f"{type(error).__name__}: {error}"[:200])
        return {
            "error": {
                "key": "error.unparsable",
                "params": {"path": display_path(path), "reason": reason},
            }
        }
    return {
        "info": {
            "title": summary.title,
            "author": summary.author,
            "date": summary.date,
            "lang": summary.lang,
            "source_url": summary.source_url,
            "reading_minutes": reading_minutes(summary.word_count),
            "comments_open": summary.comments_open,
            "feed": summary.feed,
        }
    }


def _info(path: Path, record: _Record, folder: str) -> ArticleInfo | None:
    data = record.get("info")
    if data is None:
        return None
    return ArticleInfo(
        path=path,
        title=make_inert(data["title"]),  # the cache file is data too: it may be edited
        author=_optional_str(data.get("author")),
        date=_optional_str(data.get("date")),
        lang=data["lang"],
        source_url=_optional_str(data.get("source_url")),
        reading_minutes=data["reading_minutes"],
        comments_open=data["comments_open"],
        feed=_optional_str(data.get("feed")),
        folder=folder,
    )


def _optional_str(value: object) -> str | None:
    return make_inert(value) if isinstance(value, str) else None


def _error(record: _Record) -> ArticleError:
    error = record["error"]
    params = error.get("params")
    return ArticleError(str(error["key"]), **(params if isinstance(params, dict) else {}))


def _valid_record(record: object) -> bool:
    """Whether a cached record has the shape _info and _error expect (the file may be edited)."""
    if not isinstance(record, dict) or len(record) != 1:
        return False
    if isinstance(info := record.get("info"), dict):
        return (
            isinstance(info.get("title"), str)
            and info.get("lang") in LANGS
            and type(info.get("reading_minutes")) is int
            and isinstance(info.get("comments_open"), bool)
        )
    error = record.get("error")
    return isinstance(error, dict) and error.get("key") in _CACHED_ERRORS


class _Cache:
    """{absolute path: {"stamp": [size, mtime_ns, fallback_lang], "record": {...}}} in JSON."""

    def __init__(self, path: Path, entries: dict[str, object]) -> None:
        self.path = path
        self.entries = entries
        self.changed = False

    @classmethod
    def load(cls, path: Path) -> _Cache:
        try:
            # Like every state file: never through a symlink, never a FIFO (it would block
            # every start), never more than a state file's size (a link to /dev/zero).
            doc = json.loads(read_private(path))
        # Missing, unreadable or corrupt ("[[[[…" nests too deep for json): start afresh.
        except (OSError, ValueError, RecursionError):
            return cls(path, {})
        if not isinstance(doc, dict) or doc.get("version") != CACHE_VERSION:
            return cls(path, {})
        entries = doc.get("entries")
        return cls(path, entries if isinstance(entries, dict) else {})

    def get(self, key: str, stamp: list[object]) -> _Record | None:
        entry = self.entries.get(key)
        if not isinstance(entry, dict) or entry.get("stamp") != stamp:
            return None
        record = entry.get("record")
        return record if _valid_record(record) else None

    def put(self, key: str, stamp: list[object], record: _Record) -> None:
        self.entries[key] = {"stamp": stamp, "record": record}
        self.changed = True

    def forget_missing(self, directory: str, present: set[str]) -> None:
        """Drop the entries of the files that are gone from `directory` and the subfolders
        listed with it, so the cache does not grow (a file moved to a subfolder is a new key)."""
        prefix = os.path.join(directory, "")
        gone = [
            key
            for key in self.entries
            if key not in present
            and key.startswith(prefix)
            and key.count(os.sep, len(prefix)) <= MAX_DEPTH
        ]
        for key in gone:
            del self.entries[key]
        self.changed = self.changed or bool(gone)

    def save(self) -> None:
        if not self.changed:
            return
        doc = {"version": CACHE_VERSION, "entries": self.entries}
        # ASCII: a file name that is not valid UTF-8 (a lone surrogate here) survives the trip.
        data = json.dumps(doc, separators=(",", ":")).encode("ascii")
        # A reader sees the old cache or the new one, never half of one. Not fsynced: a cache
        # lost in a power cut is rebuilt, and the first paint of `reader DIR` waits for this.
        with suppress(OSError):
            ensure_private_dir(self.path.parent)
            if is_symlink(self.path):  # replaced, never written through
                os.unlink(self.path)
            atomic_write(self.path, data, durable=False)
