"""End-to-end tests: the installed `reader` in a real pseudo-terminal, read by pyte.

`reader(*args)` starts the app in a 120×40 terminal whose data and config live under the
test's tmp_path; every app a test starts is killed at its end if it is still running.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.pty_app import PtyApp

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("needs a POSIX pty", allow_module_level=True)

StartReader = Callable[..., PtyApp]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def reader(home: Path) -> Iterator[StartReader]:
    started: list[PtyApp] = []

    def start(
        *args: str,
        rows: int = 40,
        cols: int = 120,
        env: dict[str, str] | None = None,
        home_dir: Path | None = None,
    ) -> PtyApp:
        """`home_dir`: another home than the test's (a second user, a fresh start)."""
        app = PtyApp(list(args), home_dir or home, rows, cols, installed=True, env=env)
        started.append(app)
        return app

    yield start
    for app in started:
        if app.status is None:
            app.kill()
