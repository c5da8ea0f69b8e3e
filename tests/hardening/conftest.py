"""Fixtures of the hardening suite: the app exactly as `reader [PATH]` builds it."""

from __future__ import annotations

from tests.ui.conftest import make_app

__all__ = ["make_app"]
