"""Dates as shown in the library, the header and --print."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tui_reader.core.article.dates import shown_date


@pytest.fixture
def paris(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_fetched_posts_gmt_time_is_its_local_day(paris: None) -> None:
    assert shown_date("2026-11-28T09:56:16Z") == "2026-11-28"
    assert shown_date("2026-11-28T23:30:00+00:00") == "2026-11-29"  # already the 29th in Paris


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2024-03-01", "2024-03-01"),
        ("2024-03-01T10:00:00", "2024-03-01"),
        ("mars 2024", "mars 2024"),
        ("", ""),
        (None, ""),
        ("0001-01-01T00:00:00+01:00", "0001-01-01"),
    ],
)
def test_other_dates(value: str | None, shown: str) -> None:
    assert shown_date(value) == shown
