"""Signals and the autosave (issue 16): nothing typed is lost when the terminal closes.

SIGHUP (the terminal window closed) and SIGTERM (shutdown, `kill`) arrive while the last
keystrokes are still waiting for the autosave timer: the app saves them before it exits. And
SIGKILL, which nothing can catch, loses at most the autosave delay: text whose echo reached
the screen more than the promised half second plus a margin before the kill is on disk (the
kill test in test_kill_stress allows more, over many random rounds).
"""

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

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

ARTICLE = ARTICLES / "en-night-trains.md"
# What the README promises: a crash loses at most this much typing (composer AUTOSAVE_DELAY).
PROMISED_DELAY = 0.5
# Seconds between the echo of the last key and SIGKILL: the promised delay plus what a save
# takes on a loaded machine, and less than twice the delay (a slower autosave fails).
KILL_AFTER_ECHO = PROMISED_DELAY + 0.3


def _comment(home: Path) -> str:
    files = drafts_in(home)
    assert len(files) == 1, files
    return json.loads(files[0].read_bytes())["comment"]


def _type_and_wait_for_echo(app: PtyApp, words: list[str]) -> str:
    """Type `words` as a fast typist does and wait until the last one is on screen."""
    text = " ".join(words)
    mark = app.mark()
    app.send(text)
    app.wait_for(words[-1].encode(), since=mark)
    return text


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_closing_the_terminal_right_after_typing_keeps_every_character(
    sig: signal.Signals, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    app = PtyApp([str(ARTICLE)], home)
    try:
        open_composer(app, b"Night Train")
        first = _type_and_wait_for_echo(app, ["Saved", "by", "the", "timer."])
        time.sleep(PROMISED_DELAY + 0.7)
        assert _comment(home) == first
        # Then a burst, and the signal well within the autosave delay.
        second = _type_and_wait_for_echo(app, [" Then", "the", "window", "closed", "zqxv"])
        os.kill(app.pid, sig)
        status = app.wait_exit(timeout=20)
    finally:
        app.kill()
    assert not os.WIFSIGNALED(status) or os.WTERMSIG(status) != signal.SIGKILL, "had to kill"
    assert _comment(home) == first + second  # every character, nothing twice


def test_sigkill_loses_at_most_the_autosave_delay(tmp_path: Path) -> None:
    """Killed KILL_AFTER_ECHO after the last key was drawn: all of it is on disk. Doubling
    the composer's AUTOSAVE_DELAY makes this fail."""
    home = tmp_path / "home"
    app = PtyApp([str(ARTICLE)], home)
    try:
        open_composer(app, b"Night Train")
        typed = ""
        for round_no in range(3):
            typed += _type_and_wait_for_echo(app, [f"round{round_no}", "of", "typing", "qzx. "])
            time.sleep(KILL_AFTER_ECHO)
            assert _comment(home) == typed, f"round {round_no}"
        typed += _type_and_wait_for_echo(app, ["last", "words", "zqxv"])
        time.sleep(KILL_AFTER_ECHO)
    finally:
        app.kill()
    assert _comment(home) == typed
