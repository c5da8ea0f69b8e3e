"""Feed tests: traffic only to 127.0.0.1, never through a proxy the machine may define."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.feeds.feed_site import FeedSite


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(var, raising=False)
        monkeypatch.delenv(var.lower(), raising=False)


@pytest.fixture
def feed_site() -> Iterator[FeedSite]:
    site = FeedSite()
    yield site
    site.close()


# These tests add posts and comments: the session's site is put back as the fixture made it
# afterwards too, for the tests that read it as it is.
@pytest.fixture
def wp_en(wp_en: Any) -> Iterator[Any]:
    yield wp_en
    wp_en.reset()
