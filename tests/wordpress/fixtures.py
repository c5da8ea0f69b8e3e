"""pytest fixtures of the real WordPress test sites (a plugin registered in tests/conftest.py).

Session-scoped, so each xdist worker starts its own MariaDB and sites the first time a test asks for
one, and none at all when it runs no WordPress test.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator

import pytest

from tests.wordpress.site import (
    ENABLE_HINT,
    MariaDB,
    WordPressSite,
    close_mariadb,
    missing_requirements,
    start_mariadb,
)

_SKIP_REASON = "no WordPress test server"


@functools.cache
def _lacking() -> tuple[str, ...]:
    return tuple(missing_requirements())


@pytest.fixture(scope="session")
def wordpress_requirements() -> None:
    """Skip (fail under CI=true) when this machine cannot run the test sites."""
    lacking = _lacking()
    if lacking:
        message = f"{_SKIP_REASON} (missing: {', '.join(lacking)}); to enable: {ENABLE_HINT}"
        # CI must run these tests: there a missing server is a failure, not a skip.
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


@pytest.fixture(scope="session")
def wordpress_db(wordpress_requirements: None) -> Iterator[MariaDB]:
    """The MariaDB server holding both sites' databases."""
    db = start_mariadb()
    yield db
    close_mariadb(db)


@pytest.fixture(scope="session")
def wordpress_en(wordpress_db: MariaDB) -> Iterator[WordPressSite]:
    """The English site (en_US), shared by the session: reset it with wp_en before changing it."""
    site = WordPressSite("en_US", wordpress_db)
    yield site
    site.close()


@pytest.fixture(scope="session")
def wordpress_fr(wordpress_db: MariaDB) -> Iterator[WordPressSite]:
    """The French site (fr_FR), shared by the session: reset it with wp_fr before changing it."""
    site = WordPressSite("fr_FR", wordpress_db)
    yield site
    site.close()


@pytest.fixture
def wp_en(wordpress_en: WordPressSite) -> WordPressSite:
    """The English site reset to the fixture before the test (server up, flood check off)."""
    wordpress_en.reset()
    return wordpress_en


@pytest.fixture
def wp_fr(wordpress_fr: WordPressSite) -> WordPressSite:
    """The French site reset to the fixture before the test (server up, flood check off)."""
    wordpress_fr.reset()
    return wordpress_fr


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line, not one per test, when the WordPress tests were skipped."""
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if _SKIP_REASON in str(getattr(report, "longrepr", ""))
    ]
    if skipped:
        terminalreporter.write_line(
            f"{len(skipped)} WordPress tests skipped (no test server); "
            f"to enable them: {ENABLE_HINT}"
        )
