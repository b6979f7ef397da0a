"""Reading the reference time (the article's publication time) that relative expressions resolve against."""

from __future__ import annotations

import datetime as dt
import re

from core.errors import ReferenceTimeError

_REFERENCE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?")


def parse_reference(value: dt.date | dt.datetime | str | None) -> dt.date | None:
    """The calendar date of a reference time given as a date, datetime, ISO string, or None.

    A string must look like YYYY-MM-DD[THH:MM[+HH:MM]]; anything else raises ReferenceTimeError.
    For an aware datetime the date is its local date in its own zone.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ReferenceTimeError(f"reference time {value!r}: expected a date, a datetime or YYYY-MM-DD text")
    text = value.strip()
    if not _REFERENCE.fullmatch(text):
        raise ReferenceTimeError(f"reference time {value!r}: expected YYYY-MM-DD[THH:MM[+HH:MM]]")
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise ReferenceTimeError(f"reference time {value!r}: {exc}") from None
