"""The stored tables' columns: events (EVENT_COLUMNS + STORE_COLUMNS) and mentions (one row per report)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from core.schema import EVENT_COLUMNS, LIST_COLUMNS, STORE_COLUMNS, STORE_LIST_COLUMNS

ALL_COLUMNS: dict[str, tuple[str, str]] = {**EVENT_COLUMNS, **STORE_COLUMNS}
ALL_LIST_COLUMNS: tuple[str, ...] = LIST_COLUMNS + STORE_LIST_COLUMNS

# One row per report of an event: every article's own evidence stays reachable.
MENTION_COLUMNS: dict[str, str] = {
    "mention_id": "string",  # the id the report arrived with (extract_events' event_id, or gdelt-/acled- row id)
    "event_id": "string",  # the stored event it belongs to
    "article_id": "string",
    "title": "string",
    "url": "string",
    "source": "string",
    "published": "datetime64[ns, UTC]",
    "sentence": "string",
    "sentence_start": "int64",
    "sentence_end": "int64",
    "summary": "string",
    "origin_ref": "string",
}
PUBLIC_MENTION_COLUMNS = [c for c in MENTION_COLUMNS if c not in ("mention_id", "summary")]

# Defaults for store columns an older store or an incoming batch lacks.
STORE_DEFAULTS: dict[str, object] = {
    "mentions": 1,
    "origin": "",
    "origin_ref": "",
    "cameo_code": "",
    "location": "",
    "latitude": np.nan,
    "longitude": np.nan,
    "fatalities": np.nan,
    "salience": 0.0,
}


def empty_mentions() -> pd.DataFrame:
    """A mentions table with no rows."""
    return pd.DataFrame({c: pd.Series(dtype=d) for c, d in MENTION_COLUMNS.items()})


def empty_stored() -> pd.DataFrame:
    """A stored-events table with no rows and the declared columns and dtypes."""
    return pd.DataFrame({c: pd.Series(dtype=d) for c, (d, _) in ALL_COLUMNS.items()})
