"""Which saved article was fetched from an address: `reader URL` asks before anything else, so
this reads a few front matter lines with a regex (no YAML, no network code) and stays cheap."""

from __future__ import annotations

import re
from pathlib import Path

BESIDE_MARK = ".fetched-"  # SLUG.fetched-TIME.md: a new version kept beside an edited file
# `source:` / `fetched_from:` lines as saved_article.render_file writes them (plain or quoted).
_SOURCE_LINE = re.compile(r"^(?:source|fetched_from):[ \t]*(['\"]?)(\S+?)\1[ \t]*$", re.MULTILINE)


def sources_of(path: Path) -> set[str]:
    """The addresses a saved article was fetched from (its `source` and `fetched_from`)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(16 * 1024).decode("utf-8", errors="replace")
    except OSError:
        return set()
    if not head.startswith("---"):
        return set()
    end = head.find("\n---", 3)
    block = head[: end if end > 0 else len(head)]
    return {match[2] for match in _SOURCE_LINE.finditer(block)}


def find_saved(directory: Path, url: str) -> Path | None:
    """The article in `directory` fetched from `url` (its own address or the one asked)."""
    try:
        candidates = sorted(directory.glob("*.md"))
    except OSError:
        return None
    wanted = url.strip().rstrip("/")
    for path in candidates:
        if BESIDE_MARK in path.name:
            continue
        if any(source.rstrip("/") == wanted for source in sources_of(path)):
            return path
    return None


class SavedIndex:
    """find_saved for many saves into one directory (a sync): each article's front matter is
    read once, and articles that appeared since (another tui-reader) when next asked."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._by_url: dict[str, Path] = {}
        self._read: set[str] = set()

    def _refresh(self) -> None:
        try:
            names = sorted(p.name for p in self.directory.glob("*.md"))
        except OSError:
            return
        for name in names:
            if name in self._read or BESIDE_MARK in name:
                continue
            self._read.add(name)
            path = self.directory / name
            for source in sources_of(path):
                self._by_url.setdefault(source.rstrip("/"), path)

    def find(self, url: str) -> Path | None:
        self._refresh()
        found = self._by_url.get(url.strip().rstrip("/"))
        return found if found is not None and found.exists() else None
