"""The real app in a pseudo-terminal (stdlib pty), for the crash and concurrency tests."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import sys
import termios
import threading
import time
from pathlib import Path


def app_env(home: Path) -> dict[str, str]:
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
    }


class PtyApp:
    """`python -m tui_reader ARGS` on the slave side of a pty; the master side is read
    continuously so the app never blocks on its output."""

    def __init__(self, args: list[str], home: Path, rows: int = 40, cols: int = 120) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: size its terminal, then become the app
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                argv = [sys.executable, "-m", "tui_reader", *args]
                os.execve(sys.executable, argv, app_env(home))
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.output = bytearray()
        self.lock = threading.Lock()
        self.status: int | None = None
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

    def wait_for(self, needle: bytes, since: int = 0, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if needle in self.output[since:]:
                    return
            time.sleep(0.02)
        with self.lock:
            tail = bytes(self.output[-1500:])
        raise AssertionError(f"{needle!r} never appeared; last output: {tail!r}")

    def send(self, text: str) -> float:
        """Write `text` as keystrokes; the time it was written."""
        os.write(self.fd, text.encode("utf-8"))
        return time.monotonic()

    def kill(self) -> int:
        """SIGKILL, and reap: the wait status."""
        if self.status is None:
            os.kill(self.pid, signal.SIGKILL)
            _, self.status = os.waitpid(self.pid, 0)
            os.close(self.fd)
        return self.status

    def wait_exit(self, timeout: float = 15.0) -> int:
        """Wait for a clean exit (killing after `timeout`): the wait status."""
        deadline = time.monotonic() + timeout
        while self.status is None and time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
                os.close(self.fd)
                return status
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
