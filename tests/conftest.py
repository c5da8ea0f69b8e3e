"""Test isolation: no test touches the user's real files, and Textual runs without animation."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# The real WordPress sites (wordpress_en, wordpress_fr, wp_en, wp_fr) for every test that asks.
pytest_plugins = ["tests.wordpress.fixtures", "pytester"]

# Set before Textual is imported anywhere: animated scrolls make Pilot slow.
os.environ["TEXTUAL_ANIMATIONS"] = "none"
for _var in ("NO_COLOR", "TEXTUAL_THEME", "FORCE_COLOR"):
    os.environ.pop(_var, None)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point platformdirs (XDG on Linux) at tmp_path; English locale unless a test says so."""
    home = tmp_path / "home"
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    yield home
