"""kill -9 while typing a comment loses at most the last second: the real app, in a pty."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import signal
import struct
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from tests.repo_paths import ARTICLES

ARTICLE = ARTICLES / "en-night-trains.md"
ROWS, COLS = 40, 120
TYPED = "Typed before the crash: é, ü, 漢字."


class Terminal:
    """The master side of the pty, read continuously so the app never blocks on output."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.output = bytearray()
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:  # EIO once the child is gone
                return
            if not chunk:
                return
            with self.lock:
                self.output += chunk

    def mark(self) -> int:
        with self.lock:
            return len(self.output)

    def wait_for(self, needle: bytes, since: int = 0, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if needle in self.output[since:]:
                    return
            time.sleep(0.05)
        with self.lock:
            tail = bytes(self.output[-2000:])
        raise AssertionError(f"{needle!r} never appeared; last output: {tail!r}")

    def send(self, text: str, pause: float = 0.05) -> None:
        for char in text:
            os.write(self.fd, char.encode("utf-8"))
            time.sleep(pause)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_kill_9_while_typing_keeps_the_draft(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "LANG": "en_US.UTF-8",
        "TERM": "xterm-256color",
        "TEXTUAL_ANIMATIONS": "none",
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
    }
    pid, fd = pty.fork()
    if pid == 0:  # the child: size its terminal, then become the app
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            os.execve(sys.executable, [sys.executable, "-m", "tui_reader", str(ARTICLE)], env)
        finally:
            os._exit(127)
    terminal = Terminal(fd)
    try:
        terminal.wait_for(b"Night Train")  # painted
        time.sleep(1.0)
        mark = terminal.mark()
        terminal.send("c")
        terminal.wait_for(b"Leave a Reply", since=mark)
        time.sleep(0.5)
        terminal.send(TYPED)
        time.sleep(1.5)  # more than the autosave delay, no close, no quit
    finally:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL

    drafts = sorted((home / "data" / "tui-reader" / "drafts").glob("*.json"))
    assert len(drafts) == 1, drafts
    doc = json.loads(drafts[0].read_text("utf-8"))  # complete, valid JSON
    assert doc["comment"] == TYPED
    assert doc["status"] == "draft"
    assert doc["article"]["path"] == str(ARTICLE.resolve())
    # No temporary file left behind by an interrupted write is taken for a draft.
    assert all(not p.name.startswith(".") for p in drafts)
