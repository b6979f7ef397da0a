"""Cached loading for the dashboard.

The store object is a connection-like resource (st.cache_resource, one per path); it keeps the loaded table
per snapshot generation itself and hands out shallow copies, so reading it on every rerun is cheap. The
filtered table of the last few views is kept the same way (pickling a million rows through st.cache_data
would cost seconds per rerun); pages only read these frames. Small derived results (filter options, mentions,
figures) are cached with st.cache_data. Every key includes the store's version(), so all of it refreshes as
soon as the store changes.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from extract.query import Filters, apply_filters
from extract.store import EventStore
from extract.store.store import default_path


def store_path() -> str:
    """The store the dashboard shows: $EVENTS_STORE, or data/store in the checkout."""
    return str(default_path())


@st.cache_resource(max_entries=4, show_spinner=False)
def _store(path: str) -> EventStore:
    return EventStore(path)


def store(path: str | None = None) -> EventStore:
    return _store(path or store_path())


def events(path: str | None = None) -> tuple[pd.DataFrame, str]:
    """(every stored event, the store's version). Treat the frame as read-only."""
    s = store(path)
    version = s.version()
    return s.events(), version


@st.cache_resource(max_entries=2, show_spinner=False)
def _filtered(path: str, version: str, filters: Filters) -> pd.DataFrame:
    return apply_filters(store(path).events(), filters)


def filtered_events(path: str, version: str, filters: Filters) -> pd.DataFrame:
    """The events passing filters, shared by every chart and table of a view. Treat it as read-only (like
    EventStore.events()); it is computed once per (store version, filters) rather than once per chart, which
    keeps a filter change on a million events within about a second."""
    return _filtered(path, version, filters).copy(deep=False)


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
    """Distinct non-empty values, most frequent first; a column of lists counts each element."""
    first = values.iloc[0] if len(values) else None
    if isinstance(first, list | tuple | np.ndarray):
        flat = list(itertools.chain.from_iterable(v for v in values if isinstance(v, list | tuple | np.ndarray)))
        values = pd.Series(np.array(flat, dtype=object))
    values = values.dropna()
    values = values[values.astype(str) != ""]
    counts = values.value_counts()
    if limit is not None:
        counts = counts.head(limit)
    return tuple(str(v) for v in counts.index)


@st.cache_data(max_entries=8, show_spinner=False)
def options(path: str, version: str, actor_limit: int = 3000) -> Options:
    """Sidebar choices for the store at path in the given version."""
    df = store(path).events()
    if df.empty:
        return Options((), (), (), (), None, None, 0)
    return Options(
        countries=_by_frequency(df["countries"]),
        actors=_by_frequency(df["actors"], actor_limit),
        topics=_by_frequency(df["topics"]),
        event_types=_by_frequency(df["event_type"]),
        first=df["date_start"].min(),
        last=df["date_start"].max(),
        total=len(df),
    )


@st.cache_data(max_entries=64, show_spinner=False)
def mentions(path: str, version: str, event_id: str) -> pd.DataFrame:
    """Every report of one event (article, sentence, link), oldest first."""
    return store(path).mentions([event_id])


@st.cache_data(max_entries=32, show_spinner=False)
def chart(kind: str, path: str, version: str, filters: Filters, **opts) -> go.Figure:
    """The figure of one chart kind (figures.CHARTS) for the filtered events, cached per view."""
    from viz.figures import CHARTS

    return CHARTS[kind](filtered_events(path, version, filters), **opts)
