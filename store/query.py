"""Filtering the events table: one implementation shared by the dashboard and `extract export`."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field, fields

import numpy as np
import pandas as pd

# Modes that always show; the others are opt-in (the timeline hides what did not happen).
DEFAULT_MODES = ("actual",)
# Which events by their review state (store/corrections.py): hidden events show only when asked for.
REVIEW_STATES = {
    "visible": "every event not hidden",
    "corrected": "events an analyst corrected",
    "uncorrected": "events no analyst has corrected",
    "hidden": "hidden events only",
    "all": "every event, hidden ones too",
}


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
    min_confidence: float = 0.0  # how likely an extracted event is a real happening (extract/events/confidence.py)
    modes: tuple[str, ...] = field(default=DEFAULT_MODES)
    review: str = "visible"  # one of REVIEW_STATES

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
        (isinstance(v, (list, tuple, np.ndarray)) and not probe(v) for v in values[first]), dtype=bool, count=len(first)
    )
    return hits[codes]


def _any_in(series: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    """Rows whose list value shares an element with wanted."""
    return pd.Series(_list_hits(series.to_numpy(dtype=object), frozenset(wanted)), index=series.index)


def _contains(series: pd.Series, needle: str) -> np.ndarray:
    """Case-insensitive literal substring test; NA counts as no match."""
    return series.str.contains(needle, case=False, regex=False).to_numpy(dtype=bool, na_value=False)


def _review_mask(df: pd.DataFrame, review: str) -> np.ndarray:
    """Rows in the review state asked for. A table without the corrections' columns has no corrections."""
    if review not in REVIEW_STATES:
        raise ValueError(f"unknown review state {review!r}; one of {', '.join(REVIEW_STATES)}")
    n = len(df)
    hidden = (
        (df["hidden_reason"].fillna("") != "").to_numpy(dtype=bool)
        if "hidden_reason" in df.columns
        else np.zeros(n, dtype=bool)
    )
    if review == "hidden":
        return hidden
    if review == "visible":
        return ~hidden
    corrected = (
        np.fromiter((len(v) > 0 for v in df["corrected_fields"].to_numpy(dtype=object)), dtype=bool, count=n)
        if "corrected_fields" in df.columns
        else np.zeros(n, dtype=bool)
    )
    return ~hidden & (corrected if review == "corrected" else ~corrected)


def filter_positions(df: pd.DataFrame, f: Filters) -> np.ndarray:
    """The row positions (ascending int64) of an events table that pass every filter in f.

    Cheap vectorized tests (dates, types, modes, salience, confidence) run over the whole table first; the list
    and text tests then run only on the rows still in. Only the columns a filter needs are read, so
    a caller can keep the positions and take just the columns it shows (see apply_filters)."""
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
    if f.min_confidence > 0:
        mask &= (df["confidence"] >= f.min_confidence).to_numpy(dtype=bool, na_value=False)
    if f.review != "all":
        mask &= _review_mask(df, f.review)
    pos = np.flatnonzero(mask)
    if f.countries and len(pos):
        pos = pos[_list_hits(df["countries"].to_numpy(dtype=object)[pos], frozenset(f.countries))]
    if f.topics and len(pos):
        pos = pos[_list_hits(df["topics"].to_numpy(dtype=object)[pos], frozenset(f.topics))]
    if f.actors and len(pos):
        sub = df[["source_actor", "target_actor", "actors"]].iloc[pos]
        hit = (
            sub["source_actor"].isin(f.actors).to_numpy(dtype=bool, na_value=False)
            | sub["target_actor"].isin(f.actors).to_numpy(dtype=bool, na_value=False)
            | _list_hits(sub["actors"].to_numpy(dtype=object), frozenset(f.actors))
        )
        pos = pos[hit]
    if f.text.strip() and len(pos):
        needle = f.text.strip()
        cols = [c for c in ("summary", "sentence", "title", "location") if c in df.columns]
        sub = df[cols].iloc[pos]
        hit = np.zeros(len(pos), dtype=bool)
        for c in cols:
            hit |= _contains(sub[c], needle)
        pos = pos[hit]
    return pos.astype(np.int64, copy=False)


def take_rows(df: pd.DataFrame, pos: np.ndarray, columns: list[str] | None = None) -> pd.DataFrame:
    """The rows at positions pos (from filter_positions) of the given columns (all when None); a shallow
    copy when pos is every row in order, so a default view costs no copy."""
    part = df if columns is None else df[list(columns)]
    if len(pos) == len(df) and np.array_equal(pos, np.arange(len(df))):
        return part.copy(deep=False)
    return part.iloc[pos]


def apply_filters(df: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """Return the rows of an events table that pass every filter in f (in their original order)."""
    return take_rows(df, filter_positions(df, f))


def explode_codes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For an object array of lists: (rows, codes, elements), one (row, code) pair per element of each
    row's list, in row order then list order; elements[code] is the element itself (first seen first).
    A value that is not a list, or an empty list, gives no pair. Like numpy's repeat-and-concatenate of
    the lists, but each distinct list object is read once, so a million rows sharing their lists explode
    in milliseconds."""
    n = len(values)
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.array([], dtype=object)
    row_list, first = _distinct_objects(values)
    lists = [v if isinstance(v, (list, tuple, np.ndarray)) else () for v in values[first]]
    list_len = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    flat = np.fromiter(itertools.chain.from_iterable(lists), dtype=object, count=int(list_len.sum()))
    flat_codes, elements = pd.factorize(flat, use_na_sentinel=False)
    list_start = np.cumsum(list_len) - list_len
    row_len = list_len[row_list]
    rows = np.repeat(np.arange(n, dtype=np.int64), row_len)
    if len(rows) == 0:
        return rows, np.zeros(0, dtype=np.int64), np.asarray(elements, dtype=object)
    row_start = np.cumsum(row_len) - row_len
    within = np.arange(len(rows), dtype=np.int64) - row_start[rows]
    codes = flat_codes[list_start[row_list[rows]] + within].astype(np.int64, copy=False)
    return rows, codes, np.asarray(elements, dtype=object)


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
