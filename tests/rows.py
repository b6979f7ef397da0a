"""One events-table row for tests: every column of core.schema with plain values, any of them overridden."""

from __future__ import annotations

import pandas as pd


def event_row(event_id: str = "e1", day: str = "2024-03-15", **over) -> dict:
    """A day-precision ASSAULT of Russia on Ukraine on `day`, reported the same day; `over` replaces columns."""
    sentence = over.get("sentence", "Russia struck Ukraine.")
    row = {
        "event_id": event_id,
        "date": day,
        "date_precision": "day",
        "date_start": pd.Timestamp(day),
        "date_end": pd.Timestamp(day) + pd.Timedelta(days=1),
        "date_text": "",
        "date_from_publication": False,
        "source_actor": "Russia",
        "target_actor": "Ukraine",
        "actors": ["Russia", "Ukraine"],
        "countries": ["RUS", "UKR"],
        "event_type": "ASSAULT",
        "quad_class": "material_conflict",
        "topics": ["war"],
        "mode": "actual",
        "summary": sentence,
        "sentence": sentence,
        "sentence_start": 0,
        "sentence_end": len(sentence),
        "confidence": 0.9,
        "article_id": f"art-{event_id}",
        "title": "T",
        "url": f"https://news.example/{event_id}",
        "source": "Reuters",
        "published": pd.Timestamp(day, tz="UTC"),
    }
    row.update(over)
    return row
