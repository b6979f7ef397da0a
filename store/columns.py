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


def cast(df: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Cast the named columns of df to their dtypes (lists for "object"), in the given order."""
    out = {}
    for name, dtype in columns.items():
        col = df[name]
        if dtype == "object":
            out[name] = col.map(lambda v: list(v) if v is not None and not isinstance(v, (str, float)) else [])
        elif dtype == "datetime64[ns, UTC]":
            out[name] = pd.to_datetime(col, utc=True).astype(dtype)
        elif dtype.startswith("datetime64"):
            out[name] = pd.to_datetime(col).astype(dtype)
        elif dtype == "string":
            out[name] = col.astype("string").fillna("")
        elif dtype == "bool":
            out[name] = col.fillna(False).astype(bool)
        elif dtype == "int64":
            out[name] = pd.to_numeric(col).fillna(0).astype("int64")
        else:
            out[name] = col.astype(dtype)
    return pd.DataFrame(out, index=df.index)


def stored_dtypes() -> dict[str, str]:
    return {c: d for c, (d, _) in ALL_COLUMNS.items()}
