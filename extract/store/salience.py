"""Salience: an importance score 0..1 for every stored event (weights in data/salience.toml)."""
from __future__ import annotations

import functools
import pathlib
import tomllib

import numpy as np
import pandas as pd

DATA = pathlib.Path(__file__).with_name("data") / "salience.toml"


@functools.cache
def weights() -> dict:
    """The parsed salience.toml."""
    with DATA.open("rb") as fh:
        return tomllib.load(fh)


def _log_share(values: np.ndarray, cap: float) -> np.ndarray:
    v = np.nan_to_num(values.astype("float64"), nan=0.0).clip(min=0.0)
    return np.minimum(np.log1p(v) / np.log1p(cap), 1.0)


def compute(events: pd.DataFrame) -> pd.Series:
    """Salience for each row of a stored-events table (needs mentions, sources, last_reported,
    event_type and fatalities). Recency is measured against the newest report in the table, so the
    score depends on the store's contents only, never on the clock."""
    w = weights()
    n = len(events)
    if n == 0:
        return pd.Series(np.zeros(0), index=events.index, dtype="float64")
    m = _log_share(events["mentions"].to_numpy(dtype="float64", na_value=0.0), w["mentions_cap"])
    n_sources = np.fromiter((len(s) for s in events["sources"].to_numpy()), dtype="float64", count=n)
    s = _log_share(n_sources, w["sources_cap"])
    last = events["last_reported"]
    if last.notna().any():
        newest = last.max()
        age_days = ((newest - last).dt.total_seconds() / 86400.0).to_numpy(dtype="float64", na_value=np.nan)
        r = np.where(np.isnan(age_days), 0.0, 0.5 ** (np.nan_to_num(age_days, nan=0.0) / w["half_life_days"]))
    else:
        r = np.zeros(n)
    f_raw = events["fatalities"].to_numpy(dtype="float64", na_value=np.nan)
    has_f = ~np.isnan(f_raw)
    f = _log_share(f_raw, w["fatalities_cap"])
    base = w["mentions_share"] * m + w["sources_share"] * s + w["recency_share"] * r
    total = w["mentions_share"] + w["sources_share"] + w["recency_share"]
    with_f = (base + w["fatalities_share"] * f) / (total + w["fatalities_share"])
    score = np.where(has_f, with_f, base / total)
    tw = events["event_type"].map(w["type_weight"]).to_numpy(dtype="float64", na_value=0.5)
    return pd.Series(np.clip(score * tw, 0.0, 1.0).round(4), index=events.index, dtype="float64")
