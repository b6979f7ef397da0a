"""Events sorted into categories (lanes): by country, actor, topic or event type. An event with several
countries (actors, topics) belongs to each of them. Used by the timeline's lanes and the trends' split."""

from __future__ import annotations

import numpy as np
import pandas as pd

from app.labels import NONE_LABEL, country_name, event_type_label, topic_label
from store.query import explode_codes

LANE_LIMIT = 25
LANES = {"country": "Country", "actor": "Actor", "topic": "Topic", "event_type": "Event type"}
LANE_COLUMNS = {"country": "countries", "actor": "actors", "topic": "topics", "event_type": "event_type"}


def lane_codes(df: pd.DataFrame, lane: str, limit: int = LANE_LIMIT) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(row positions, lane codes, lane names): one (position, code) pair per lane an event belongs to (list
    lanes exploded; events with an empty list go to "(not stated)"). Lanes are numbered by size, largest
    first (ties by name, "(not stated)" after the others); beyond limit the smallest are merged into "Other (k more)". Plain numpy, fast on a million rows.
    A "weight" column (rows that stand for that many events, as a warehouse's counts do) sizes the lanes."""
    if lane == "event_type":
        positions = np.arange(len(df))
        codes, uniques = pd.factorize(df["event_type"], use_na_sentinel=False)
        codes, uniques = np.asarray(codes, dtype=np.int64), list(uniques)
    else:
        lists = df[LANE_COLUMNS[lane]].to_numpy(dtype=object)
        rows, codes, elements = explode_codes(lists)
        empty = np.flatnonzero(np.bincount(rows, minlength=len(lists)) == 0)
        positions = np.concatenate([rows, empty])
        codes = np.concatenate([codes, np.full(len(empty), len(elements), dtype=np.int64)])
        uniques = list(elements) + [""]
    uniques = ["" if u is None or pd.isna(u) else u for u in uniques]  # missing values land in "(not stated)"
    if lane == "country":
        names = [country_name(str(u)) or NONE_LABEL for u in uniques]
    elif lane == "event_type":
        names = [event_type_label(str(u)) or NONE_LABEL for u in uniques]
    elif lane == "topic":
        names = [topic_label(str(u)) or NONE_LABEL for u in uniques]
    else:
        names = [str(u) or NONE_LABEL for u in uniques]
    # the same name can come from two codes (e.g. "" and a missing value): merge by name
    name_codes, name_list = pd.factorize(np.array(names, dtype=object))
    codes = name_codes[codes] if len(codes) else codes
    names = [str(n) for n in name_list]
    weights = df["weight"].to_numpy(dtype=np.int64)[positions] if "weight" in df.columns else None
    sizes = np.bincount(codes, weights, minlength=len(names)) if len(codes) else np.zeros(len(names), dtype=int)
    text = np.array(names, dtype=object).astype(str)
    order = np.lexsort((text, text == NONE_LABEL, -sizes))  # largest first; ties by name, "(not stated)" last
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    codes = rank[codes] if len(codes) else codes
    names = [names[i] for i in order]
    if len(names) > limit:
        codes = np.minimum(codes, limit - 1)
        names = names[: limit - 1] + [f"Other ({len(names) - (limit - 1)} more)"]
    return positions, codes, names


def lane_labels(df: pd.DataFrame, lane: str, limit: int = LANE_LIMIT) -> tuple[np.ndarray, np.ndarray]:
    """(row positions, lane labels): one pair per lane an event belongs to."""
    positions, codes, names = lane_codes(df, lane, limit)
    return positions, np.array(names, dtype=object)[codes]


def lane_rows(df: pd.DataFrame, lane: str, limit: int = LANE_LIMIT) -> pd.DataFrame:
    """df with a "lane" column, one row per lane an event belongs to (use for a few thousand rows at most)."""
    positions, labels = lane_labels(df, lane, limit)
    out = df.iloc[positions].copy()
    out["lane"] = labels
    return out
