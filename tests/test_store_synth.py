"""Generated events: the full stored schema and believable spreads."""

from __future__ import annotations

import pandas as pd

from core.schema import EVENT_COLUMNS, PLOVER_TYPES, STORE_COLUMNS
from core.validate import validate
from service.synth import generate_events


def test_generated_events_pass_the_schema_and_cover_2022_to_2025():
    df = generate_events(5000, seed=1)
    assert list(df.columns) == list(EVENT_COLUMNS) + list(STORE_COLUMNS)
    validate(df[list(EVENT_COLUMNS)])
    assert df["event_id"].is_unique
    assert df["date_start"].min() >= pd.Timestamp("2022-01-01")
    assert df["date_start"].max() < pd.Timestamp("2026-01-01")
    assert (df["date_end"] > df["date_start"]).all()
    assert set(df["event_type"]) == set(PLOVER_TYPES)
    assert df["mode"].value_counts().idxmax() == "actual"
    assert df["salience"].between(0, 1).all() and df["salience"].std() > 0.02
    assert (df["mentions"] >= 1).all() and df["mentions"].max() > 3
    ukr = df["countries"].map(lambda c: "UKR" in c).mean()
    assert 0.05 < ukr < 0.6


def test_the_same_seed_gives_the_same_events():
    a, b = generate_events(300, seed=7), generate_events(300, seed=7)
    pd.testing.assert_frame_equal(a, b)
    assert not generate_events(300, seed=8)["event_id"].equals(a["event_id"])
