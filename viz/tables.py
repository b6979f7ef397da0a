"""Pure table shaping for the Events page and for reports: events table -> a frame a person can read."""
from __future__ import annotations

import pandas as pd

from viz.messages import safe_url
from viz.names import country_name, event_type_label

TABLE_LIMIT = 10_000


def events_table(df: pd.DataFrame, limit: int = TABLE_LIMIT) -> pd.DataFrame:
    """The newest `limit` events as readable columns (names for codes, lists joined, unsafe links dropped)."""
    part = df.nlargest(limit, ["date_start", "salience"], keep="first") if len(df) > limit else \
        df.sort_values(["date_start", "salience"], ascending=False, kind="stable")
    return pd.DataFrame({
        "date": part["date"].astype(str),
        "precision": part["date_precision"].astype(str),
        "type": part["event_type"].map(event_type_label),
        "source actor": part["source_actor"].astype(str),
        "target actor": part["target_actor"].astype(str),
        "countries": part["countries"].map(lambda cs: ", ".join(country_name(c) for c in cs)),
        "topics": part["topics"].map(lambda ts: ", ".join(map(str, ts))),
        "mode": part["mode"].astype(str),
        "summary": part["summary"].astype(str),
        "outlet": part["source"].astype(str),
        "reports": part["mentions"].astype("int64"),
        "salience": part["salience"].astype(float),
        "link": part["url"].map(safe_url),
        "event id": part["event_id"].astype(str),
    }).reset_index(drop=True)
