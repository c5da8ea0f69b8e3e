"""Time to first paint, black-box: a command in a detached tmux pane until a marker is on screen.

Each run gets its own tmux server (`-L` socket, no config file), a 120x40 window, and the given
environment; the pane is read with `capture-pane -p` every ~5 ms. The clock starts just before
`tmux new-session`, so the tmux start-up (a few ms) is in every figure, the hello-world floor
included. The server is killed after each run and the command's process waited for, so that a
slow program still working does not steal CPU from the next run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

POLL = 0.005


@dataclass(frozen=True)
class Paint:
    seconds: float | None  # None: the marker was not seen within the timeout
    screen: str  # the last capture, to show what was on screen when it failed


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ", 1)[1][0] != "Z"
    except (OSError, IndexError):
        return False


def _reap(pid: int, grace: float = 3.0) -> None:
    """Wait for the pane's process to end after the server's SIGHUP; SIGKILL it past `grace`."""
    deadline = time.monotonic() + grace
    while _alive(pid):
        if time.monotonic() > deadline:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                return
        time.sleep(0.01)


def first_paint(
    command: str,
    marker: str,
    env: dict[str, str],
    *,
    size: tuple[int, int] = (120, 40),
    timeout: float = 60.0,
) -> Paint:
    """Seconds from starting `command` (a shell command line) until `marker` is visible."""
    socket = "bench-" + uuid.uuid4().hex[:10]
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    width, height = size
    start = time.perf_counter()
    new = ["new-session", "-d", "-P", "-F", "#{pane_pid}", "-s", socket]
    created = subprocess.run(
        [*tmux, *new, "-x", str(width), "-y", str(height), command],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    pid = int(created.stdout.strip() or 0)
    screen = ""
    try:
        while True:
            elapsed = time.perf_counter() - start
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", socket],
                env=env,
                capture_output=True,
                text=True,
            ).stdout
            if marker in screen:
                return Paint(elapsed, screen)
            if elapsed > timeout:
                return Paint(None, screen)
            time.sleep(POLL)
    finally:
        subprocess.run([*tmux, "kill-server"], env=env, capture_output=True)
        if pid:
            _reap(pid)
        # The server leaves its socket file behind.
        directory = Path(env.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
        (directory / socket).unlink(missing_ok=True)
