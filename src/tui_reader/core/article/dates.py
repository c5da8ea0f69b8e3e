"""An article's date as the reader sees it: the day, in local time, whatever the source wrote."""

from __future__ import annotations

import contextlib
import datetime as dt


def shown_date(value: str | None) -> str:
    """`2026-11-28T09:56:16Z` (a fetched post's `date_gmt`) → `2026-11-28` in local time; a
    plain date stays as it is, and text that is not an ISO date is shown as written."""
    if not value:
        return ""
    text = value.strip()
    try:
        moment = dt.datetime.fromisoformat(text)  # 3.11: takes "Z" and a bare date too
    except ValueError:
        return text
    if moment.tzinfo is not None:
        with contextlib.suppress(OverflowError, OSError, ValueError):  # year 1 or 9999
            moment = moment.astimezone()
    return moment.date().isoformat()
