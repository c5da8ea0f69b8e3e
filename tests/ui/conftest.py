"""Fixtures for driving the real app with Pilot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tui_reader.core.launch import prepare
from tui_reader.ui.app import ReaderApp


@pytest.fixture
def make_app() -> Callable[..., ReaderApp]:
    """Build the app exactly as `reader [PATH]` does."""

    def _make(target: Path | str | None = None, lang: str = "en") -> ReaderApp:
        return ReaderApp.from_launch(prepare(None if target is None else str(target), lang), lang)

    return _make
