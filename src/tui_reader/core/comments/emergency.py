"""The last resort for a comment that cannot be saved where drafts live (a full or read-only
disk) when the app must end anyway: the user quits a second time, SIGTERM, SIGHUP (issue 16).

A copy goes to the first place where it can be written: the system's temporary directory
($TMPDIR, else /tmp…), /dev/shm (memory: writable when every disk is full), the home
directory. In each, a directory of our own, `tui-reader-emergency-<uid>`, 0700 and refused
if another user owns it or can write in it (then the next place); the file is 0600. It is
the draft's file, named as in drafts/ (`<id>.json`, the latest text of that draft replacing an
earlier copy): put back there, it opens again.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tui_reader.core.comments.drafts import Draft
from tui_reader.core.storage.atomic_file import atomic_write, ensure_private_dir, json_bytes

DIRECTORY_PREFIX = "tui-reader-emergency"


def emergency_places() -> list[Path]:
    """Where a copy may go, in order (duplicates and missing places left out)."""
    places: list[Path] = []
    for place in (tempfile.gettempdir(), "/dev/shm", os.path.expanduser("~")):
        path = Path(place)
        if path.is_dir() and path not in places:
            places.append(path)
    return places


def keep_emergency_copy(draft: Draft) -> Path | None:
    """Write `draft` as a draft file in the first place that takes it: its path, or None when
    no place could (the caller then has only the text to show)."""
    uid = getattr(os, "geteuid", lambda: "user")()
    data = json_bytes(draft.to_dict())
    for place in emergency_places():
        directory = place / f"{DIRECTORY_PREFIX}-{uid}"
        path = directory / f"{draft.id}.json"
        try:
            ensure_private_dir(directory)
            atomic_write(path, data)
        except OSError:  # full too, read-only, or not ours alone: the next place
            continue
        return path
    return None
