"""Filtering the events table: one implementation shared by the dashboard and `extract export`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

import pandas as pd

# Modes that always show; the others are opt-in (the timeline hides what did not happen).
DEFAULT_MODES = ("actual",)


@dataclass(frozen=True)
class Filters:
    """What a person narrowed the events to. Empty tuples mean "no restriction"."""

    start: dt.date | None = None
    end: dt.date | None = None  # inclusive
    countries: tuple[str, ...] = ()  # ISO alpha-3; an event matches if any of its countries is listed
    actors: tuple[str, ...] = ()  # canonical names; matches source, target or any mentioned actor
    topics: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    text: str = ""  # case-insensitive search in summary, sentence and title
    min_salience: float = 0.0
    modes: tuple[str, ...] = field(default=DEFAULT_MODES)

    def is_default(self) -> bool:
        return self == Filters()

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


def _any_in(series: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    """Rows whose list value shares an element with wanted (vectorized through explode)."""
    exploded = series.explode()
    hit = exploded.isin(wanted)
    return hit.groupby(level=0).any().reindex(series.index, fill_value=False)


def apply_filters(df: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """Return the rows of an events table that pass every filter in f."""
    mask = pd.Series(True, index=df.index)
    if f.start is not None:
        mask &= df["date_end"] > pd.Timestamp(f.start)
    if f.end is not None:
        mask &= df["date_start"] <= pd.Timestamp(f.end)
    if f.event_types:
        mask &= df["event_type"].isin(f.event_types)
    if f.modes:
        mask &= df["mode"].isin(f.modes)
    if f.min_salience > 0 and "salience" in df.columns:
        mask &= df["salience"] >= f.min_salience
    if f.countries:
        mask &= _any_in(df["countries"], f.countries)
    if f.topics:
        mask &= _any_in(df["topics"], f.topics)
    if f.actors:
        mask &= (df["source_actor"].isin(f.actors) | df["target_actor"].isin(f.actors)
                 | _any_in(df["actors"], f.actors))
    if f.text.strip():
        needle = f.text.strip()
        hay = df["summary"].fillna("") + " " + df["sentence"].fillna("") + " " + df["title"].fillna("")
        mask &= hay.str.contains(needle, case=False, regex=False)
    return df[mask]
