"""In-process adapter for ../shared/eval/tempeval3.py (`--adapter extract.timex.adapter:tag_for_eval`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from extract.timex import tag


def tag_for_eval(text: str, reference: dt.date) -> Iterator[dict]:
    """The scorer's contract: dicts with start, end, text, value, type."""
    for t in tag(text, reference):
        yield t.as_json()
