"""Temporal expression tagger: find dates, times, durations and sets in English news text.

`tag(text, reference)` returns TIMEX3-normalized expressions (extract.model.Timex), sorted by start,
with relative expressions ("on Tuesday", "last week") resolved against the reference time.
"""

from __future__ import annotations

import datetime as dt

from extract.model import Timex

__all__ = ["tag"]


def tag(text: str, reference: dt.date | dt.datetime | str | None) -> list[Timex]:
    """Temporal expressions of `text`, sorted by start offset (Python str offsets).

    reference: the publication time (date, datetime or 'YYYY-MM-DD[THH:MM[+HH:MM]]'); None means
    relative expressions cannot be resolved and are given only where a value without it exists.
    A malformed reference string raises core.errors.ReferenceTimeError.
    """
    from extract.timex.reference import parse_reference
    from extract.timex.tagger import tag_text

    ref = parse_reference(reference)
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return tag_text(text, ref)
