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


@pytest.fixture(autouse=True)
def loopback_only_probe(monkeypatch: pytest.MonkeyPatch) -> None:
    """The start-up offer (`send_ready`) asks a ready draft's site whether it answers: in the
    tests only the loopback WordPress may be asked (a bundled article's source is on the web)."""
    from tui_reader.core.web.destination import is_loopback
    from tui_reader.core.web.sender import Sender

    real = Sender.site_answers

    def guarded(self: Sender, draft: object, timeout: float = 3.0) -> bool:
        source = getattr(getattr(draft, "article", None), "source_url", None) or ""
        return is_loopback(source) and real(self, draft, timeout)  # type: ignore[arg-type]

    monkeypatch.setattr(Sender, "site_answers", guarded)
