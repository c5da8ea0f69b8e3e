"""Network tests: traffic only to 127.0.0.1, never through a proxy the machine may define."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(var, raising=False)
        monkeypatch.delenv(var.lower(), raising=False)


# The send tests close posts, unpublish them, require accounts, slow the server down: the
# session's sites are put back as the fixture made them afterwards too, for the tests that
# read them as they are (tests/wordpress).
@pytest.fixture
def wp_en(wp_en: Any) -> Iterator[Any]:
    yield wp_en
    wp_en.reset()


@pytest.fixture
def wp_fr(wp_fr: Any) -> Iterator[Any]:
    yield wp_fr
    wp_fr.reset()
