"""Filtering the events table: one implementation shared by the dashboard and `extract export`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

import numpy as np
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
    text: str = ""  # case-insensitive search in summary, sentence, title (and location in stored events)
    min_salience: float = 0.0
    modes: tuple[str, ...] = field(default=DEFAULT_MODES)

    def is_default(self) -> bool:
        return self == Filters()

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


def _distinct_objects(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(codes, first): the row -> distinct-object code, and the first row holding each distinct object.

    The store shares one list object among the rows that hold equal lists, so work done once per
    distinct object costs one id() per row plus the work itself."""
    n = len(values)
    ids = np.fromiter(map(id, values), dtype=np.int64, count=n)
    codes, uniq = pd.factorize(ids)
    first = np.empty(len(uniq), dtype=np.int64)
    first[codes[::-1]] = np.arange(n - 1, -1, -1)
    return codes, first


def _list_hits(values: np.ndarray, wanted: frozenset[str]) -> np.ndarray:
    """For an object array of lists: does each list share an element with wanted?"""
    if len(values) == 0:
        return np.zeros(0, dtype=bool)
    codes, first = _distinct_objects(values)
    probe = wanted.isdisjoint
    hits = np.fromiter(
        (isinstance(v, (list, tuple, np.ndarray)) and not probe(v) for v in values[first]), dtype=bool, count=len(first))
    return hits[codes]


def _any_in(series: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    """Rows whose list value shares an element with wanted."""
    return pd.Series(_list_hits(series.to_numpy(dtype=object), frozenset(wanted)), index=series.index)


def _contains(series: pd.Series, needle: str) -> np.ndarray:
    """Case-insensitive literal substring test; NA counts as no match."""
    return series.str.contains(needle, case=False, regex=False).to_numpy(dtype=bool, na_value=False)


def apply_filters(df: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """Return the rows of an events table that pass every filter in f (in their original order).

    Cheap vectorized tests (dates, types, modes, salience) run over the whole table first; the list
    and text tests then run only on the rows still in."""
    n = len(df)
    mask = np.ones(n, dtype=bool)
    if f.start is not None:
        mask &= (df["date_end"] > pd.Timestamp(f.start)).to_numpy(dtype=bool, na_value=False)
    if f.end is not None:
        mask &= (df["date_start"] <= pd.Timestamp(f.end)).to_numpy(dtype=bool, na_value=False)
    if f.event_types:
        mask &= df["event_type"].isin(f.event_types).to_numpy(dtype=bool, na_value=False)
    if f.modes:
        mask &= df["mode"].isin(f.modes).to_numpy(dtype=bool, na_value=False)
    if f.min_salience > 0 and "salience" in df.columns:
        mask &= (df["salience"] >= f.min_salience).to_numpy(dtype=bool, na_value=False)
    pos = np.flatnonzero(mask)
    if f.countries and len(pos):
        pos = pos[_list_hits(df["countries"].to_numpy(dtype=object)[pos], frozenset(f.countries))]
    if f.topics and len(pos):
        pos = pos[_list_hits(df["topics"].to_numpy(dtype=object)[pos], frozenset(f.topics))]
    if f.actors and len(pos):
        sub = df[["source_actor", "target_actor", "actors"]].iloc[pos]
        hit = (sub["source_actor"].isin(f.actors).to_numpy(dtype=bool, na_value=False)
               | sub["target_actor"].isin(f.actors).to_numpy(dtype=bool, na_value=False)
               | _list_hits(sub["actors"].to_numpy(dtype=object), frozenset(f.actors)))
        pos = pos[hit]
    if f.text.strip() and len(pos):
        needle = f.text.strip()
        cols = [c for c in ("summary", "sentence", "title", "location") if c in df.columns]
        sub = df[cols].iloc[pos]
        hit = np.zeros(len(pos), dtype=bool)
        for c in cols:
            hit |= _contains(sub[c], needle)
        pos = pos[hit]
    if len(pos) == n:
        return df.copy(deep=False)
    return df.iloc[pos]


def list_value_counts(series: pd.Series) -> pd.Series:
    """How many rows hold each element of a list column (countries, actors, topics, sources),
    most frequent first; empty strings are left out. Each distinct list object is read once, so a
    store's million rows (which share their lists) count in milliseconds."""
    values = series.to_numpy(dtype=object)
    if len(values) == 0:
        return pd.Series(dtype="int64")
    codes, first = _distinct_objects(values)
    per_list = np.bincount(codes, minlength=len(first))
    counts: dict[str, int] = {}
    for v, k in zip(values[first], per_list.tolist(), strict=True):
        if isinstance(v, (list, tuple, np.ndarray)):
            for x in dict.fromkeys(v):
                if x:
                    counts[x] = counts.get(x, 0) + k
    out = pd.Series(counts, dtype="int64")
    return out.sort_values(ascending=False, kind="stable")
