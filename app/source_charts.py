"""The registered charts drawn from a store's read interface (store/source.py), for stores too large to load:
the warehouse tier. Each chart asks the store for counts (per day and lane, per country, per actor pair ...)
or for its few top rows, never for every row, and hands them to the same pure builders in app/figures that
draw the Arrow tier's rows. Counted rows carry a "weight" column, the events each stands for; the builders
count with it, so both tiers draw the same chart from the same events (tests/test_source_charts.py).

No Streamlit here: app/data.py caches these per store version and filters.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from app.figures import balance, network, timeline, top_actors, trends
from app.figures import map as country_map
from app.figures.framing import Frame, frame_events
from app.figures.periods import choose_period
from app.figures.style import message_figure
from app.labels import country_name
from store.query import Filters
from store.source import EventSource

# The aggregate dimension of each timeline lane (store.source: "actor" is the actors list).
LANE_DIMENSIONS = {"country": "country", "actor": "actor", "topic": "topic", "event_type": "event_type"}
# Aggregate dimension -> the events column it stands for; list columns get [value] (or [] for "").
AS_COLUMN = {"period": "date_start", "country": "countries", "topic": "topics", "actor": "actors"}
LISTS = ("country", "topic", "actor")


def as_rows(agg: pd.DataFrame) -> pd.DataFrame:
    """An aggregate (dimension columns + events) as counted event rows: events columns named as in the store
    (period -> date_start, country -> countries as a one-element list ...) and weight, the events each stands for."""
    out = {}
    for name in agg.columns:
        if name == "events":
            out["weight"] = agg["events"].to_numpy(dtype="int64")
        elif name in LISTS:
            out[AS_COLUMN[name]] = [[] if v == "" else [str(v)] for v in agg[name].astype(str)]
        elif name == "period":
            out["date_start"] = agg["period"].to_numpy(dtype="datetime64[ns]")
        else:
            out[name] = agg[name].astype(str).to_numpy(dtype=object)
    return pd.DataFrame(out)


def day_counts(src: EventSource, f: Filters) -> pd.DataFrame:
    """Events in view per day of their start: date_start, weight."""
    return as_rows(src.aggregate(f, ("period:day",)))


def time_frame(src: EventSource, f: Filters, full_span: bool = False, **options) -> Frame | None:
    """The Frame a time axis opens on for the events in view (app.figures.framing), from their counts per day."""
    days = day_counts(src, f)
    return frame_events(days["date_start"], weights=days["weight"], full=full_span, **options)


def grain(period: str) -> str:
    """The finest aggregate period that nests in a chart's period (weeks do not nest in months)."""
    return period if period in ("day", "week") else "month"


def likely_grain(src: EventSource, f: Filters) -> str:
    """The aggregate period a time axis over f's events most likely takes, before their day counts are known: that
    of the span of the store's dates within f's (the axis then frames the bulk of the events, which may choose a
    finer period)."""
    o = src.options()
    first = o.first if f.start is None or o.first is None else max(o.first, pd.Timestamp(f.start))
    last = o.last if f.end is None or o.last is None else min(o.last, pd.Timestamp(f.end))
    return grain(choose_period(first, last))


def timeline_chart(
    src: EventSource,
    f: Filters,
    lane: str = "country",
    colour: str = "quad_class",
    key_only: bool = False,
    full_span: bool = False,
    highlight: tuple[str, ...] = (),
) -> go.Figure:
    """The timeline: single events (the key events, or every event of a small view) from the store's top rows;
    beyond timeline.MAX_POINTS events, counts per period and lane."""
    n = src.count(f)
    if key_only or n <= timeline.MAX_POINTS:
        rows = src.top_rows(
            f, timeline.KEY_EVENTS if key_only else n, order=timeline.KEY_ORDER, columns=timeline.COLUMNS
        )
        return timeline.timeline_chart(rows, lane, colour, key_only, full_span, highlight)
    frame = time_frame(src, f, full_span, min_periods=timeline.MIN_PERIODS)
    if frame is None:
        return message_figure("None of these events has a date to place on a time axis.", "Timeline")
    lanes = as_rows(src.aggregate(f, (f"period:{grain(frame.period)}", LANE_DIMENSIONS[lane])))
    return timeline.timeline_counts_chart(lanes, frame, lane=lane, n_events=n)


def country_counts(src: EventSource, f: Filters) -> pd.DataFrame:
    """Events per country (an event once per country it involves): iso3, events, name; most first."""
    agg = src.aggregate(f, ("country",))
    agg = agg[agg["country"] != ""]
    out = pd.DataFrame({"iso3": agg["country"].astype(str).to_numpy(dtype=object), "events": agg["events"].to_numpy()})
    out = out.sort_values(["events", "iso3"], ascending=[False, True], kind="stable").reset_index(drop=True)
    out["name"] = out["iso3"].map(country_name)
    return out


def map_chart(src: EventSource, f: Filters, shapes: bool = True) -> go.Figure:
    counts = country_counts(src, f)
    return country_map.map_figure(counts) if shapes else country_map.country_bar_figure(counts)


def network_chart(src: EventSource, f: Filters, top_nodes: int = 30) -> go.Figure:
    pairs = as_rows(src.network_pairs(f, top_nodes))
    return network.network_chart(pairs, top_nodes)


def top_actors_chart(src: EventSource, f: Filters, top: int = 20) -> go.Figure:
    return top_actors.top_actors_figure(src.top_actors(f, top), top)


def trends_chart(
    src: EventSource, f: Filters, period: str = "month", by: str = "topic", full_span: bool = False
) -> go.Figure:
    no_topics = by == "topic" and not store_topics(src)
    rows = None if no_topics else as_rows(src.aggregate(f, ("period:day", "topic" if by == "topic" else "event_type")))
    no_topics = no_topics or (by == "topic" and not trends.has_topics(rows))
    if no_topics:  # none has a topic (imported GDELT and ACLED rows): by event type, as the builder does
        by, rows = "event_type", as_rows(src.aggregate(f, ("period:day", "event_type")))
    return trends.trends_chart(rows, period, by, full_span, dates=day_counts(src, f), no_topics=no_topics)


def store_topics(src: EventSource) -> bool:
    """Does any stored event have a topic? (A warehouse of imported GDELT or ACLED rows has none.)"""
    return bool(len(src.options().topics))


def balance_chart(src: EventSource, f: Filters, period: str = "month", full_span: bool = False) -> go.Figure:
    rows = as_rows(src.aggregate(f, ("period:day", "quad_class")))
    return balance.balance_chart(rows, period, full_span)


def _timeline_ahead(src: EventSource, f: Filters, lane: str = "country", key_only: bool = False, **_) -> tuple | None:
    return None if key_only else (f"period:{likely_grain(src, f)}", LANE_DIMENSIONS[lane])


# Per chart, the aggregate that takes its time (None: none worth starting early), from the chart's options.
AHEAD: dict[str, Callable[..., tuple[str, ...] | None]] = {
    "timeline": _timeline_ahead,  # its lanes (a small view draws single events instead: then wasted, and cheap)
    "map": lambda src, f, **_: ("country",),
    "trends": lambda src, f, by="topic", **_: (
        "period:day",
        "topic" if by == "topic" and store_topics(src) else "event_type",
    ),
    "balance": lambda src, f, **_: ("period:day", "quad_class"),
}


def ahead(src: EventSource, f: Filters, kind: str, **options) -> None:
    """Start the aggregate that chart kind will ask of src (source.prefetch), so that it is answered beside the
    questions a page asks before drawing it (the view's count, which on a warehouse is its day counts)."""
    plan = AHEAD.get(kind)
    by = plan(src, f, **options) if plan else None
    if by:
        src.prefetch(f, by)


# Every chart of app.figures.CHARTS, drawn from a read interface (a test checks none is missing).
SOURCE_CHARTS: dict[str, Callable[..., go.Figure]] = {
    "timeline": timeline_chart,
    "map": map_chart,
    "network": network_chart,
    "top_actors": top_actors_chart,
    "trends": trends_chart,
    "balance": balance_chart,
}
