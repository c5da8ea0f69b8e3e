"""kill -9 while typing a comment loses at most the last second: the real app, in a pty."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.pty_app import PtyApp, drafts_in, open_composer
from tests.repo_paths import ARTICLES

ARTICLE = ARTICLES / "en-night-trains.md"
TYPED = "Typed before the crash: é, ü, 漢字."


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_kill_9_while_typing_keeps_the_draft(tmp_path: Path) -> None:
    home = tmp_path / "home"
    app = PtyApp([str(ARTICLE)], home)
    try:
        open_composer(app, b"Night Train")
        for char in TYPED:  # one keystroke at a time, as a person types
            app.send(char)
            time.sleep(0.05)
        time.sleep(1.5)  # more than the autosave delay, no close, no quit
    finally:
        status = app.kill()
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL

    drafts = drafts_in(home)
    assert len(drafts) == 1, drafts
    doc = json.loads(drafts[0].read_text("utf-8"))  # complete, valid JSON
    assert doc["comment"] == TYPED
    assert doc["status"] == "draft"
    assert doc["article"]["path"] == str(ARTICLE.resolve())
    # No temporary file left behind by an interrupted write is taken for a draft.
    assert all(not p.name.startswith(".") for p in drafts)
