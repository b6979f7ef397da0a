"""Test stores for the dashboard tests: generated events plus one hand-made event whose text is hostile."""

from __future__ import annotations

import pathlib

import pandas as pd

from service.synth import generate_events
from store import EventStore

HOSTILE = "<script>alert(1)</script> and <img src=x onerror=alert(1)> met in Paris"
HOSTILE_ID = "hostile-event-1"


def hostile_row(base: pd.DataFrame) -> pd.DataFrame:
    """One event in France on 2024-06-12 whose summary, sentence and title carry HTML that must show as text."""
    row = base.head(1).copy()
    row["event_id"] = HOSTILE_ID
    row["article_id"] = "hostile-article"
    row["date"] = "2024-06-12"
    row["date_precision"] = "day"
    row["date_start"] = pd.Timestamp("2024-06-12")
    row["date_end"] = pd.Timestamp("2024-06-13")
    row["mode"] = "actual"
    row["event_type"] = "CONSULT"
    row["quad_class"] = "verbal_cooperation"
    row["source_actor"] = "France"
    row["target_actor"] = "Germany"
    row["actors"] = [["France", "Germany"]]
    row["countries"] = [["FRA", "DEU"]]
    row["summary"] = HOSTILE
    row["sentence"] = HOSTILE + " on Wednesday."
    row["title"] = "<b>Hostile</b> title <script>alert(2)</script>"
    row["url"] = "javascript:alert(3)"
    row["mentions"] = 60
    row["sources"] = [["Outlet A", "Outlet B", "Outlet C", "Outlet D"]]
    row["origin_ref"] = "hostile-article:0-80"
    return row


def make_store(path: pathlib.Path, n: int = 300, seed: int = 3, hostile: bool = True) -> EventStore:
    """A store at path holding n generated events (and the hostile one)."""
    df = generate_events(n, seed=seed)
    if hostile:
        df = pd.concat([df, hostile_row(df)], ignore_index=True)
    store = EventStore(path)
    store.add_events(df, origin="extracted")
    return store
