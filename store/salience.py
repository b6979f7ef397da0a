"""Salience: an importance score 0..1 for every stored event (weights in data/salience.toml)."""

from __future__ import annotations

import functools
import pathlib
import tomllib

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

DATA = pathlib.Path(__file__).with_name("data") / "salience.toml"


@functools.cache
def weights() -> dict:
    """The parsed salience.toml."""
    with DATA.open("rb") as fh:
        return tomllib.load(fh)


def _log_share(values: np.ndarray, cap: float) -> np.ndarray:
    v = np.nan_to_num(values.astype("float64"), nan=0.0).clip(min=0.0)
    return np.minimum(np.log1p(v) / np.log1p(cap), 1.0)


def score(
    mentions: np.ndarray, n_sources: np.ndarray, last_ns: np.ndarray, event_types: np.ndarray, fatalities: np.ndarray
) -> np.ndarray:
    """Salience per event from plain arrays: mention counts, distinct-source counts, last report time
    (int64 nanoseconds, NaT as the int64 minimum), PLOVER types (objects) and fatalities (NaN unknown).
    Recency is measured against the newest report among them, so the score depends on the store's
    contents only, never on the clock."""
    w = weights()
    n = len(mentions)
    if n == 0:
        return np.zeros(0, dtype="float64")
    m = _log_share(mentions, w["mentions_cap"])
    s = _log_share(n_sources, w["sources_cap"])
    nat = last_ns == np.iinfo(np.int64).min
    if (~nat).any():
        age_days = (last_ns[~nat].max() - last_ns) / (86400.0 * 1e9)
        r = np.where(nat, 0.0, 0.5 ** (np.where(nat, 0.0, age_days) / w["half_life_days"]))
    else:
        r = np.zeros(n)
    f_raw = fatalities.astype("float64")
    has_f = ~np.isnan(f_raw)
    f = _log_share(f_raw, w["fatalities_cap"])
    base = w["mentions_share"] * m + w["sources_share"] * s + w["recency_share"] * r
    total = w["mentions_share"] + w["sources_share"] + w["recency_share"]
    with_f = (base + w["fatalities_share"] * f) / (total + w["fatalities_share"])
    out = np.where(has_f, with_f, base / total)
    codes, uniq = pd.factorize(event_types)
    tw = np.array([w["type_weight"].get(t, 0.5) for t in uniq] + [0.5], dtype="float64")[codes]
    return np.clip(out * tw, 0.0, 1.0).round(4)


def compute(events: pd.DataFrame) -> pd.Series:
    """Salience for each row of a stored-events table (mentions, sources, last_reported, event_type,
    fatalities)."""
    n = len(events)
    n_sources = np.fromiter((len(s) for s in events["sources"].to_numpy()), dtype="float64", count=n)
    last = events["last_reported"].dt.tz_convert("UTC").dt.tz_localize(None).to_numpy(dtype="datetime64[ns]")
    out = score(
        events["mentions"].to_numpy(dtype="float64", na_value=0.0),
        n_sources,
        last.view("int64"),
        events["event_type"].to_numpy(dtype=object, na_value=""),
        events["fatalities"].to_numpy(dtype="float64", na_value=np.nan),
    )
    return pd.Series(out, index=events.index, dtype="float64")


def compute_table(table: pa.Table) -> pa.Array:
    """Salience for each row of a stored-events Arrow table (list columns \\x1f-joined, dictionary-encoded)."""
    sources = table.column("sources").combine_chunks()
    if pa.types.is_dictionary(sources.type):
        d = sources.dictionary
        per = np.where(
            pc.equal(d, "").to_numpy(zero_copy_only=False),
            0,
            pc.count_substring(d, "\x1f").to_numpy(zero_copy_only=False) + 1,
        )
        n_sources = (
            per[sources.indices.fill_null(0).to_numpy(zero_copy_only=False)] if len(d) else np.zeros(len(sources))
        )
    else:
        n_sources = np.where(
            pc.equal(sources, "").to_numpy(zero_copy_only=False),
            0,
            pc.count_substring(sources, "\x1f").to_numpy(zero_copy_only=False) + 1,
        )
    last = table.column("last_reported").combine_chunks().cast(pa.int64()).fill_null(np.iinfo(np.int64).min)
    types = table.column("event_type").combine_chunks().to_numpy(zero_copy_only=False)
    fat = table.column("fatalities").combine_chunks().fill_null(np.nan).to_numpy(zero_copy_only=False)
    mentions = table.column("mentions").combine_chunks().fill_null(0).to_numpy(zero_copy_only=False)
    return pa.array(
        score(mentions.astype("float64"), n_sources.astype("float64"), last.to_numpy(zero_copy_only=False), types, fat),
        type=pa.float64(),
    )
