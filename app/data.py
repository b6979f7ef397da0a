"""Cached loading for the dashboard.

The store object is a connection-like resource (st.cache_resource, one per path); it keeps the loaded table
per snapshot generation itself and hands out shallow copies, so reading it on every rerun is cheap. A view
(store version + filters) is kept as the row positions that pass the filters (st.cache_resource, a few MB for
a million rows); each chart and table then takes only the columns it reads, because copying every text column
of 800,000 rows costs seconds and about 900 MB. Small derived results (filter options, mentions, figures,
the most salient events) are cached with st.cache_data. Every key includes the store's version(), so all of
it refreshes as soon as the store changes.

A store too large for that is a warehouse (store/warehouse): then nothing is loaded whole. Each function below
asks the warehouse's read interface (store/source.py) for what it needs: counts for the charts
(app/source_charts.py), the top rows for tables and the briefing, one event for the details. Pages do not know
which tier they read; tier() says it where a page must (the correction forms, adding articles).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from app import briefing as brief_lines
from app import source_charts
from app.figures import CHARTS
from app.figures.framing import Frame, frame_events
from app.figures.map import country_counts as count_countries
from store import EventStore
from store.columns import ALL_COLUMNS
from store.corrections import ADDED_COLUMNS, active, current_keys
from store.query import Filters, filter_positions, take_rows
from store.source import EventSource, open_store
from store.store import default_path
from store.warehouse import is_warehouse

# What a downloaded file from a warehouse view holds at most (a browser download of 100 million rows is not a
# file anyone can open); the page says so.
WAREHOUSE_EXPORT_ROWS = 100_000


def store_path() -> str:
    """The store the dashboard shows: $EVENTS_STORE, or data/store in the checkout."""
    return str(default_path())


@st.cache_resource(max_entries=4, show_spinner=False)
def _store(path: str) -> EventStore:
    return EventStore(path)


def store(path: str | None = None) -> EventStore:
    return _store(path or store_path())


@st.cache_resource(max_entries=4, show_spinner=False)
def source(path: str) -> EventSource:
    """The store's read interface (store.source.open_store): a Warehouse for a warehouse directory."""
    return open_store(path)


def tier(path: str) -> str:
    """ "warehouse" when the store at path is a warehouse, else "arrow" (checked on disk, so a store moved to the
    warehouse while the server runs is read as one on the next rerun)."""
    return "warehouse" if is_warehouse(path) else "arrow"


def version(path: str) -> str:
    """The store's version: it changes whenever its contents change."""
    return source(path).version() if tier(path) == "warehouse" else store(path).version()


def _with_review_columns(df: pd.DataFrame) -> pd.DataFrame:
    """Warehouse rows with the columns corrections add, empty (the warehouse does not apply corrections yet)."""
    for col, dtype in ADDED_COLUMNS.items():
        if col not in df.columns:
            df[col] = [[] for _ in range(len(df))] if dtype == "object" else pd.Series([""] * len(df), dtype=dtype)
    return df


@st.cache_data(max_entries=32, show_spinner=False)
def count(path: str, version: str, filters: Filters) -> int:
    """How many events pass filters."""
    if tier(path) == "warehouse":
        return source(path).count(filters)
    return len(positions(path, version, filters))


# What the pages read: every stored column but article_ids (a million distinct lists in a million-event
# store, about half a second to load, and only exports want it; they read the store whole), plus the columns
# the analysts' corrections add (corrected_fields, hidden_reason, note, flags): the review filter reads them,
# so a hidden event leaves every chart, and the Events table marks corrected fields.
VIEW_COLUMNS = tuple(c for c in ALL_COLUMNS if c != "article_ids") + tuple(ADDED_COLUMNS)


def table(path: str) -> pd.DataFrame:
    """The stored events the pages work on (VIEW_COLUMNS), kept by the store per snapshot generation."""
    return store(path).events(VIEW_COLUMNS)


@st.cache_resource(max_entries=8, show_spinner=False)
def _positions(path: str, version: str, filters: Filters) -> np.ndarray:
    pos = filter_positions(table(path), filters)
    pos.flags.writeable = False
    return pos


def positions(path: str, version: str, filters: Filters) -> np.ndarray:
    """Row positions (ascending, read-only) of the stored events passing filters, computed once per (store
    version, filters) and shared by every chart and table of a view. Keeping positions rather than a filtered
    copy is what keeps a million-event view light: each consumer takes only the columns it reads."""
    return _positions(path, version, filters)


def columns(path: str, version: str, filters: Filters, cols: tuple[str, ...] | list[str] | None) -> pd.DataFrame:
    """The events passing filters, only the columns cols (every column when None). Treat it as read-only."""
    df = store(path).events() if cols is None else table(path)
    return take_rows(df, positions(path, version, filters), None if cols is None else list(cols))


def filtered_events(path: str, version: str, filters: Filters) -> pd.DataFrame:
    """Every column of the events passing filters (a full copy of the text columns for a big view: use
    columns() for a page and this only for exports). Treat it as read-only."""
    return columns(path, version, filters, None)


@st.cache_data(max_entries=16, show_spinner=False)
def top_positions(path: str, version: str, filters: Filters, n: int, by: tuple[str, ...]) -> np.ndarray:
    """Positions of the n events in view with the largest values of the columns by (ties: earlier row first),
    largest first."""
    part = columns(path, version, filters, by)
    if len(part) > n:
        part = part.nlargest(n, list(by), keep="first")
    else:
        part = part.sort_values(list(by), ascending=False, kind="stable")
    return part.index.to_numpy(dtype=np.int64)


@st.cache_data(max_entries=32, show_spinner=False)
def top(
    path: str, version: str, filters: Filters, n: int, by: tuple[str, ...], cols: tuple[str, ...] | None
) -> pd.DataFrame:
    """The n events in view with the largest values of by (all columns, or cols), largest first."""
    if tier(path) == "warehouse":
        if n <= SHARED_TOP:  # the briefing (40) and the event chooser (50) share one query, of the columns they read
            shared = SHARED_COLUMNS if cols is not None and set(cols) <= set(SHARED_COLUMNS) else None
            rows = _warehouse_top(path, version, filters, SHARED_TOP, tuple(by), shared).head(n)
            return rows if cols is None else rows[list(cols)]
        return _warehouse_top(path, version, filters, n, tuple(by), None if cols is None else tuple(cols))
    return rows_at(path, version, top_positions(path, version, filters, n, tuple(by)), cols)


SHARED_TOP = 50  # a warehouse is asked for at least this many top rows, sliced for smaller asks
# The columns of that shared ask when the caller's fit in them: the briefing's (which hold the event chooser's labels).
# Each row is read by its position, column by column, so the long text columns (sentence, location) left out here
# are most of what a fetch of every column costs (0.4-0.6 s against 0.2 s for 50 rows of the 100M-event warehouse).
SHARED_COLUMNS = brief_lines.COLUMNS


@st.cache_data(max_entries=16, show_spinner=False)
def _warehouse_top(
    path: str, version: str, filters: Filters, n: int, by: tuple[str, ...], cols: tuple[str, ...] | None
) -> pd.DataFrame:
    return warehouse_top(source(path), filters, n, by, cols)


def warehouse_top(
    src: EventSource, filters: Filters, n: int, by: tuple[str, ...], cols: tuple[str, ...] | None
) -> pd.DataFrame:
    """The n events in view largest by by (cols of them, or all) as the pages read them from a warehouse."""
    wanted = None if cols is None else [c for c in cols if c in ALL_COLUMNS]
    return _with_review_columns(src.top_rows(filters, n, order=by, columns=wanted))


@st.cache_data(max_entries=32, show_spinner=False)
def time_frame(path: str, version: str, filters: Filters, full_span: bool) -> Frame | None:
    """Where a time axis over the events in view opens (app.figures.framing)."""
    if tier(path) == "warehouse":
        return source_charts.time_frame(source(path), filters, full_span)
    dates = columns(path, version, filters, ("date_start", "date_end"))
    return frame_events(dates["date_start"], ends=dates["date_end"], full=full_span)


@st.cache_data(max_entries=32, show_spinner=False)
def country_counts(path: str, version: str, filters: Filters) -> pd.DataFrame:
    """Events in view per country: iso3, events, name, most first."""
    if tier(path) == "warehouse":
        return source_charts.country_counts(source(path), filters)
    return count_countries(columns(path, version, filters, ("countries",)))


def export_rows(path: str, version: str, filters: Filters) -> pd.DataFrame:
    """The events in view for a download: every one from an Arrow store; from a warehouse the newest
    WAREHOUSE_EXPORT_ROWS."""
    if tier(path) == "warehouse":
        return source(path).top_rows(filters, WAREHOUSE_EXPORT_ROWS, order=("date_start",), columns=None)
    return filtered_events(path, version, filters)


def rows_at(path: str, version: str, pos: np.ndarray, cols: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Stored events at positions pos (in that order), all columns or only cols."""
    df = store(path).events() if cols is None else table(path)
    return (df if cols is None else df[list(cols)]).iloc[pos]


def find_event(path: str, version: str, filters: Filters, event_id: str) -> tuple[pd.DataFrame, bool]:
    """(the stored rows with this event id, whether they are in the view of filters)."""
    if tier(path) == "warehouse":
        rows = _with_review_columns(_warehouse_event(path, version, event_id))
        return rows, bool(len(rows)) and len(filter_positions(rows, filters)) > 0
    df = table(path)
    hits = np.flatnonzero((df["event_id"] == event_id).to_numpy(dtype=bool, na_value=False))
    pos = positions(path, version, filters)
    shown = bool(len(hits)) and bool(np.isin(hits, pos, assume_unique=True).any())
    return df.iloc[hits], shown


@st.cache_data(max_entries=64, show_spinner=False)
def _warehouse_event(path: str, version: str, event_id: str) -> pd.DataFrame:
    return source(path).event(event_id)


@dataclass(frozen=True)
class Options:
    """What the sidebar offers: values present in the store, most frequent first."""

    countries: tuple[str, ...]
    actors: tuple[str, ...]
    topics: tuple[str, ...]
    event_types: tuple[str, ...]
    first: pd.Timestamp | None
    last: pd.Timestamp | None
    total: int


def _by_frequency(values: pd.Series, limit: int | None = None) -> tuple[str, ...]:
    """Distinct non-empty values of a plain column, most frequent first."""
    values = values.dropna()
    counts = values[values.astype(str) != ""].value_counts(sort=True)
    if limit is not None:
        counts = counts.head(limit)
    return tuple(str(v) for v in counts.index)


SIDEBAR_ACTORS = 3000  # the actors the sidebar offers, most frequent first


@st.cache_data(max_entries=8, show_spinner=False)
def options(path: str, version: str, actor_limit: int = SIDEBAR_ACTORS) -> Options:
    """Sidebar choices for the store at path in the given version."""
    if tier(path) == "warehouse":
        o = source(path).options(actor_limit)
        return Options(
            tuple(o.countries.index), tuple(o.actors.index), tuple(o.topics.index), tuple(o.event_types.index),
            o.first, o.last, o.total,
        )  # fmt: skip
    df = table(path)
    if df.empty:
        return Options((), (), (), (), None, None, 0)
    s = store(path)
    return Options(  # list columns counted on the stored dictionaries (milliseconds for a million events)
        countries=tuple(s.list_counts("countries").index),
        actors=tuple(s.list_counts("actors").head(actor_limit).index),
        topics=tuple(s.list_counts("topics").index),
        event_types=_by_frequency(df["event_type"]),
        first=df["date_start"].min(),
        last=df["date_start"].max(),
        total=len(df),
    )


def _regrouped(s: EventStore) -> bool:
    """Whether a merge or split in force moves reports between events (then an event's reports are not its
    stored ones)."""
    return any(line.get("action") in ("merge", "split") for line in active(s.corrections.entries()))


@st.cache_data(max_entries=64, show_spinner=False)
def mentions(path: str, version: str, event_id: str) -> pd.DataFrame:
    """Every report of one event (article, sentence, link), oldest first; after an analyst's merge or split,
    the reports the event holds now (column key: each report's key, what corrections name it by)."""
    if tier(path) == "warehouse":
        out = source(path).mentions([event_id])
        return out.assign(key=out["origin_ref"].astype(str))
    s = store(path)
    if not _regrouped(s):
        out = s.mentions([event_id])
        return out.assign(key=out["origin_ref"].astype(str))
    keys = current_keys(s, event_id)
    every = s.report_keys()
    holders = every[every["key"].isin(keys)]
    whole = {eid for eid, part in every[every["event_id"].isin(holders["event_id"])].groupby("event_id")["key"]
             if set(part) <= set(keys)}  # fmt: skip
    out = s.mentions(sorted(set(holders["event_id"])))
    out = out[out["event_id"].isin(whole) | out["origin_ref"].isin(keys)]
    out = out.sort_values("published", kind="stable", na_position="last").reset_index(drop=True)
    return out.assign(key=out["origin_ref"].astype(str))


@st.cache_data(max_entries=64, show_spinner=False)
def event_keys(path: str, version: str, event_id: str) -> list[str]:
    """The report keys of one event as it reads now (after merges and splits)."""
    if tier(path) == "warehouse":
        return []
    s = store(path)
    return current_keys(s, event_id) if _regrouped(s) else s.event_keys(event_id)


@st.cache_data(max_entries=8, show_spinner=False)
def corrections(path: str, version: str) -> tuple[list[dict], frozenset[str]]:
    """Every line of the store's correction log, oldest first, and the ids of those in force."""
    if tier(path) == "warehouse":
        return [], frozenset()
    entries = store(path).corrections.entries()
    return entries, frozenset(str(e.get("id")) for e in active(entries))


@st.cache_data(max_entries=8, show_spinner=False)
def correction_orphans(path: str, version: str) -> list[dict]:
    """Corrections whose event is no longer in the store."""
    if tier(path) == "warehouse":
        return []
    return store(path).correction_orphans()


@st.cache_data(max_entries=32, show_spinner=False)
def neighbours(path: str, version: str, filters: Filters, event_id: str, n: int) -> pd.DataFrame:
    """Up to n other events in view nearest in time to event_id (candidates to merge it with), nearest first:
    event_id, date, event_type, summary."""
    if tier(path) == "warehouse":
        return pd.DataFrame({c: pd.Series(dtype=object) for c in ("event_id", "date", "event_type", "summary")})
    df = table(path)
    pos = positions(path, version, filters)
    own = np.flatnonzero((df["event_id"] == event_id).to_numpy(dtype=bool, na_value=False))
    if not len(own) or not len(pos):
        return df.iloc[:0][["event_id", "date", "event_type", "summary"]]
    others = pos[pos != own[0]]
    starts = df["date_start"].to_numpy(dtype="datetime64[ns]")
    at, theirs = starts[own[0]], starts[others]
    gap = np.zeros(len(others), dtype=np.int64) if np.isnat(at) else np.abs((theirs - at).astype("int64"))
    gap[np.isnat(theirs)] = np.iinfo(np.int64).max  # undated events last
    nearest = others[np.argsort(gap, kind="stable")[:n]]
    return df.iloc[nearest][["event_id", "date", "event_type", "summary"]]


@st.cache_data(max_entries=32, show_spinner=False)
def chart(kind: str, path: str, version: str, filters: Filters, **opts) -> go.Figure:
    """The figure of one registered chart (app.figures.CHARTS) for the filtered events, cached per view and
    options. The builder gets only the columns the registry says it reads, and only the rows it needs (with
    the timeline's Key events switch, the most salient events). From a warehouse: from its counts and top rows
    (app.source_charts)."""
    if tier(path) == "warehouse":
        return source_charts.SOURCE_CHARTS[kind](source(path), filters, **opts)
    spec = CHARTS[kind]
    key_rows = spec.rows(**opts)
    if key_rows is not None:
        pos = top_positions(path, version, filters, *key_rows)
        frame = rows_at(path, version, pos, spec.reads(len(pos), **opts))
    else:
        n = len(positions(path, version, filters))
        frame = columns(path, version, filters, spec.reads(n, **opts))
    return spec.build(frame, **opts)
