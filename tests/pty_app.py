"""The real app in a pseudo-terminal (stdlib pty), read by a terminal emulator (pyte).

Used by the crash and concurrency tests (raw output, `wait_for`) and by the end-to-end tests
in tests/e2e (what the user sees: `wait_text`, `screen_text`; keys written in one burst as a
fast typist, a paste or a terminal macro sends them).
"""

from __future__ import annotations

import contextlib
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyte

# What a terminal sends for each named key (xterm); anything else in `keys()` is sent as text.
KEYS: dict[str, str] = {
    "Enter": "\r",
    "Tab": "\t",
    "BackTab": "\x1b[Z",
    "Escape": "\x1b",
    "Backspace": "\x7f",
    "Space": " ",
    "Up": "\x1b[A",
    "Down": "\x1b[B",
    "Right": "\x1b[C",
    "Left": "\x1b[D",
    "Alt+Left": "\x1b[1;3D",  # what xterm, tmux and most terminals send
    "Alt+Right": "\x1b[1;3C",
    "Home": "\x1b[H",
    "End": "\x1b[F",
    "PgUp": "\x1b[5~",
    "PgDn": "\x1b[6~",
    "F3": "\x1bOR",
    "Shift+F3": "\x1b[1;2R",
    "Ctrl+C": "\x03",
    "Ctrl+O": "\x0f",
    "Ctrl+Q": "\x11",
    "Ctrl+S": "\x13",
    "Ctrl+T": "\x14",
}


def keys(*parts: str) -> str:
    """`keys("c", "Bonjour", "Tab")`: named keys (KEYS) and literal text, as one string."""
    return "".join(KEYS.get(part, part) for part in parts)


def reader_script() -> Path:
    """The installed `reader` console script of the running interpreter's environment."""
    return Path(sys.executable).parent / "reader"


def app_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment whose data, config and cache live under `home` (shared by instances)."""
    return {
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
        **extra,
    }


class PtyApp:
    """The app on the slave side of a pty; the master side is read continuously (so the app
    never blocks on its output) and fed to a pyte screen of the same size.

    `installed=True` runs the `reader` console script (what a user runs), else
    `python -m tui_reader`. `env` adds to or overrides `app_env(home)` (LANG, EDITOR…)."""

    def __init__(
        self,
        args: list[str],
        home: Path,
        rows: int = 40,
        cols: int = 120,
        *,
        installed: bool = False,
        env: dict[str, str] | None = None,
    ) -> None:
        self.home = home
        if installed:
            argv = [str(reader_script()), *args]
        else:
            argv = [sys.executable, "-m", "tui_reader", *args]
        environment = app_env(home, **(env or {}))
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        pid, fd = pty.fork()
        if pid == 0:  # the child: size its terminal, then become the app
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                os.execve(argv[0], argv, environment)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.output = bytearray()
        self.lock = threading.Lock()
        self.last_output = self.last_input = time.monotonic()
        self.status: int | None = None
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def __enter__(self) -> PtyApp:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.status is None:
            self.kill()

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
                # pyte chokes on some sequences (a CSI H with 8 params): it resets its parser,
                # and the next frame repaints what this one lost.
                with contextlib.suppress(Exception):
                    self.stream.feed(chunk)
                self.last_output = time.monotonic()

    # --- raw output ------------------------------------------------------------------------

    def mark(self) -> int:
        with self.lock:
            return len(self.output)

    def wait_for(self, needle: bytes, since: int = 0, timeout: float = 30.0) -> None:
        """Wait until `needle` appears in the raw output written after `since`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if needle in self.output[since:]:
                    return
            time.sleep(0.02)
        with self.lock:
            tail = bytes(self.output[-1500:])
        raise AssertionError(f"{needle!r} never appeared; last output: {tail!r}")

    # --- input -----------------------------------------------------------------------------

    def send(self, text: str) -> float:
        """Write `text` as keystrokes, in one write (one burst); the time it was written."""
        os.write(self.fd, text.encode("utf-8"))
        self.last_input = time.monotonic()
        return self.last_input

    def press(self, *parts: str) -> float:
        """Named keys and text (see `keys`) in one burst."""
        return self.send(keys(*parts))

    def resize(self, rows: int, cols: int) -> None:
        """Resize the terminal as a window manager does: TIOCSWINSZ, then SIGWINCH."""
        with self.lock:
            self.screen.resize(rows, cols)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.kill(self.pid, signal.SIGWINCH)

    # --- the screen ------------------------------------------------------------------------

    def lines(self) -> list[str]:
        """The screen as the user sees it, one string per row (trailing spaces removed)."""
        with self.lock:
            return [line.rstrip() for line in self.screen.display]

    def screen_text(self) -> str:
        return "\n".join(self.lines())

    def wait_text(self, text: str, timeout: float = 30.0) -> None:
        """Wait until `text` is on the screen (within one row)."""
        self.wait_until(lambda: any(text in line for line in self.lines()), timeout, text)

    def wait_gone(self, text: str, timeout: float = 30.0) -> None:
        """Wait until `text` is no longer on the screen."""
        self.wait_until(lambda: all(text not in line for line in self.lines()), timeout, text)

    def wait_until(self, check: Callable[[], bool], timeout: float = 30.0, what: str = "") -> None:
        """Wait until `check()` is true (polling), or fail showing the screen."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if check():
                return
            if self.exited():
                break
            time.sleep(0.02)
        if check():
            return
        state = "exited" if self.exited() else "running"
        raise AssertionError(
            f"waited for {what!r} ({state}); the screen:\n{self.screen_text()}\n"
            f"last output: {self.tail()!r}"
        )

    def wait_stable(self, quiet: float = 0.3, timeout: float = 30.0) -> None:
        """Wait until nothing has been written for `quiet` seconds (the screen settled)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                idle = time.monotonic() - self.last_output
            if idle >= quiet or self.exited():
                return
            time.sleep(min(0.02, quiet - idle))
        raise AssertionError(f"the screen never settled:\n{self.screen_text()}")

    def wait_settled(self, quiet: float = 0.5, timeout: float = 30.0) -> None:
        """Wait until the screen's text has not changed for `quiet` seconds since the last
        key was sent (a blinking cursor changes no text, so it does not count)."""
        deadline = time.monotonic() + timeout
        text, changed = self.screen_text(), self.last_input
        while time.monotonic() < deadline:
            time.sleep(0.02)
            now, current = time.monotonic(), self.screen_text()
            if current != text:
                text, changed = current, now
            elif now - changed >= quiet or self.exited():
                return
        raise AssertionError(f"the screen never settled:\n{self.screen_text()}")

    def tail(self, size: int = 1500) -> bytes:
        with self.lock:
            return bytes(self.output[-size:])

    # --- files -----------------------------------------------------------------------------

    def drafts(self) -> list[Path]:
        return drafts_in(self.home)

    def read_drafts(self) -> list[dict[str, Any]]:
        """The draft files on disk, parsed (in file name order)."""
        return [json.loads(path.read_text("utf-8")) for path in self.drafts()]

    def wait_drafts(
        self, check: Callable[[list[dict[str, Any]]], bool], timeout: float = 30.0
    ) -> list[dict[str, Any]]:
        """Wait until the drafts on disk satisfy `check` (autosave runs on a timer)."""
        found: list[dict[str, Any]] = []

        def ok() -> bool:
            nonlocal found
            try:
                found = self.read_drafts()
            except (OSError, ValueError):  # caught between writes: try again
                return False
            return check(found)

        self.wait_until(ok, timeout, "drafts on disk")
        return found

    # --- the process -----------------------------------------------------------------------

    def exited(self) -> bool:
        """Whether the app has exited (reaping it if so)."""
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
                os.close(self.fd)
        return self.status is not None

    def exit_code(self, timeout: float = 30.0) -> int:
        """Wait for the app to exit on its own: its exit code (-N for a signal N)."""
        return os.waitstatus_to_exitcode(self.wait_exit(timeout))

    def kill(self) -> int:
        """SIGKILL, and reap: the wait status."""
        if self.status is None:
            os.kill(self.pid, signal.SIGKILL)
            _, self.status = os.waitpid(self.pid, 0)
            os.close(self.fd)
        return self.status

    def wait_exit(self, timeout: float = 30.0) -> int:
        """Wait for a clean exit (killing after `timeout`): the wait status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.exited():
                assert self.status is not None
                return self.status
            time.sleep(0.05)
        return self.kill()


def open_composer(app: PtyApp, title: bytes) -> None:
    """Wait for the article (`title` painted), press `c`, wait for the form."""
    app.wait_for(title)
    time.sleep(0.3)
    mark = app.mark()
    app.send("c")
    app.wait_for(b"Leave a Reply", since=mark)
    time.sleep(0.3)


def drafts_in(home: Path) -> list[Path]:
    return sorted((home / "data" / "tui-reader" / "drafts").glob("*.json"))
