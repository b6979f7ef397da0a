"""Timeline: events on a time axis in lanes (by country, actor, topic or event type); day-precise events as
markers, longer periods as bars; beyond a few thousand events, counts per period and lane.

Every text from articles goes through messages.hover_escape before it reaches a hover label."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from app.figures.lanes import LANE_COLUMNS, LANES, lane_codes
from app.figures.periods import choose_period, period_codes
from app.figures.style import base_layout, message_figure, style
from app.labels import NONE_LABEL, event_type_label, topic_label
from app.messages import hover_escape
from core.schema import PLOVER_TYPES

POINT_PRECISIONS = ("minute", "day")
MAX_POINTS = 3000  # beyond this the timeline shows counts per period instead of single events
GL_THRESHOLD = (
    100_000  # WebGL markers only beyond this (software-rendered WebGL in VMs and headless browsers is slower than SVG)
)
COLOURS = {"event_type": "Event type", "topic": "Topic"}
KEY_EVENTS = 200  # what the "Key events only" switch keeps
KEY_ORDER = ("salience", "mentions")  # most salient first; ties: more reports first

# The columns the timeline reads when it draws single events; beyond MAX_POINTS events it draws counts and
# needs only the lane and the start date (see columns()).
COLUMNS = (
    "event_id",
    "date",
    "date_precision",
    "date_start",
    "date_end",
    "event_type",
    "actors",
    "countries",
    "topics",
    "summary",
    "source",
    "salience",
    "mentions",
)


def key_events(df: pd.DataFrame, n: int = KEY_EVENTS) -> pd.DataFrame:
    """The n most salient events (ties broken by more reports, then by date)."""
    if len(df) <= n:
        return df
    cols = [c for c in KEY_ORDER if c in df.columns]
    return df.nlargest(n, cols, keep="first")


def colour_values(df: pd.DataFrame, colour: str) -> pd.Series:
    """The colour category of each event: its PLOVER type, or its first topic."""
    if colour == "topic":
        return df["topics"].map(lambda ts: topic_label(ts[0]) if len(ts) else NONE_LABEL).astype(str)
    return df["event_type"].map(event_type_label).astype(str)


def colour_order(values: pd.Series, colour: str) -> list[str]:
    """Legend order: PLOVER types from cooperation to conflict; topics by frequency."""
    present = set(values.unique())
    if colour == "event_type":
        ordered = [event_type_label(t) for t in PLOVER_TYPES if event_type_label(t) in present]
        return ordered + sorted(present - set(ordered))
    return list(values.value_counts().index)


def date_label(row_date: object, precision: object) -> str:
    """ "2024-03-05 (day)"; "2024-03 (month)"."""
    d = "" if row_date is None else str(row_date)
    p = "" if precision is None else str(precision)
    return f"{d} ({p})" if p else d


def hover_columns(df: pd.DataFrame) -> np.ndarray:
    """customdata for hover and selection: event_id, date label, actors, summary, source (escaped)."""
    actors = df["actors"].map(lambda a: hover_escape(", ".join(map(str, a)), 120))
    dates = [hover_escape(date_label(d, p)) for d, p in zip(df["date"], df["date_precision"], strict=True)]
    sources = df["source"].map(lambda s: hover_escape(s, 80))
    summaries = df["summary"].map(hover_escape)
    types = df["event_type"].map(lambda t: hover_escape(event_type_label(t)))
    return np.column_stack(
        [
            df["event_id"].astype(str).to_numpy(),
            dates,
            actors.to_numpy(),
            summaries.to_numpy(),
            sources.to_numpy(),
            types.to_numpy(),
        ]
    )


HOVER = (
    "<b>%{customdata[1]}</b> · %{customdata[5]}<br>%{customdata[3]}<br>"
    "<i>Actors:</i> %{customdata[2]}<br><i>Source:</i> %{customdata[4]}<extra></extra>"
)


def timeline_figure(
    df: pd.DataFrame,
    *,
    lane: str = "country",
    colour: str = "event_type",
    max_points: int = MAX_POINTS,
    highlight: frozenset[str] = frozenset(),
) -> go.Figure:
    """Events on a time axis in lanes; day-precise events as markers, longer periods as bars.

    Beyond max_points (lane rows), a heatmap of counts per period and lane replaces single events.
    highlight: event ids drawn with a dark outline (e.g. events just added)."""
    if lane not in LANES or colour not in COLOURS:
        raise ValueError(f"unknown lane {lane!r} or colour {colour!r}")
    if df.empty:
        return message_figure("No events to show.", "Timeline")
    positions, codes, names = lane_codes(df, lane)
    if len(codes) > max_points:
        return timeline_counts_figure(df["date_start"].to_numpy()[positions], codes, names, lane=lane, n_events=len(df))
    rows = df.iloc[positions].copy()
    rows["lane"] = np.array(names, dtype=object)[codes]
    lane_order = list(rows["lane"].value_counts().index)
    rows["colour"] = colour_values(rows, colour).to_numpy()
    order = colour_order(rows["colour"], colour)
    gl = len(rows) > GL_THRESHOLD
    fig = go.Figure()
    for i, cat in enumerate(order):
        part = rows[rows["colour"] == cat]
        st_ = style(i)
        is_point = part["date_precision"].isin(POINT_PRECISIONS)
        points, spans = part[is_point], part[~is_point]
        shown_in_legend = False
        if len(spans):
            width_ms = (spans["date_end"] - spans["date_start"]).dt.total_seconds().to_numpy() * 1000
            fig.add_trace(
                go.Bar(
                    base=spans["date_start"],
                    x=width_ms,
                    y=spans["lane"],
                    orientation="h",
                    name=cat,
                    legendgroup=cat,
                    showlegend=True,
                    width=0.5,
                    opacity=0.45,
                    marker={"color": st_["colour"], "pattern": {"shape": st_["pattern"]}, "line": {"width": 0}},
                    customdata=hover_columns(spans),
                    hovertemplate=HOVER,
                )
            )
            shown_in_legend = True
        if len(points):
            scatter = go.Scattergl if gl else go.Scatter
            sizes = 7 + 16 * points["salience"].clip(0, 1).fillna(0).to_numpy()
            fig.add_trace(
                scatter(
                    x=points["date_start"],
                    y=points["lane"],
                    mode="markers",
                    name=cat,
                    legendgroup=cat,
                    showlegend=not shown_in_legend,
                    marker={
                        "color": st_["colour"],
                        "symbol": st_["symbol"],
                        "size": sizes,
                        "opacity": 0.85,
                        "line": {"width": 0.5, "color": "#FFFFFF"},
                    },
                    customdata=hover_columns(points),
                    hovertemplate=HOVER,
                )
            )
    new = rows[rows["event_id"].isin(highlight)] if highlight else rows.head(0)
    if len(new):
        # events just added: a dark ring drawn over their markers, with its own legend entry
        fig.add_trace(
            go.Scatter(
                x=new["date_start"],
                y=new["lane"],
                mode="markers",
                name="Just added",
                hoverinfo="skip",
                marker={"symbol": "circle-open", "size": 22, "color": "#000000", "line": {"width": 2.5}},
            )
        )
    n_events = df["event_id"].nunique()
    title = f"{n_events:,} events by {LANES[lane].lower()}, coloured by {COLOURS[colour].lower()}"
    base_layout(fig, title, height=max(380, 140 + 34 * len(lane_order)))
    fig.update_layout(
        barmode="overlay",
        bargap=0.5,
        clickmode="event+select",
        dragmode="zoom",
        legend={"orientation": "v", "x": 1.01, "y": 1, "itemsizing": "constant"},
    )
    time_axis(fig, focus_range(rows["date_start"], rows["date_end"]))
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(lane_order)), title=None, automargin=True)
    return fig


def focus_range(starts: pd.Series, ends: pd.Series) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The stretch of time where most events sit, when a few outliers (background dates such as a
    treaty of 1994 in a 2024 story) would otherwise squash everything into one corner; else None.

    The bulk is the 2nd..98th percentile of event starts; outliers stay reachable with the range slider."""
    starts, ends = starts.dropna(), ends.dropna()
    if len(starts) < 20:
        return None
    lo, hi = starts.quantile(0.02), starts.quantile(0.98)
    full = max(ends.max(), starts.max()) - starts.min()
    bulk = hi - lo
    if bulk <= pd.Timedelta(0) or full <= 3 * bulk:
        return None
    pad = bulk * 0.04 + pd.Timedelta(days=1)
    return lo - pad, hi + pad


def time_axis(fig: go.Figure, focus: tuple[pd.Timestamp, pd.Timestamp] | None = None) -> None:
    if focus is not None:
        fig.update_xaxes(range=[focus[0], focus[1]])
    fig.update_xaxes(
        type="date",
        title=None,
        rangeslider={"visible": True, "thickness": 0.06},
        rangeselector={
            "x": 1,
            "xanchor": "right",
            "y": 1.02,
            "yanchor": "bottom",
            "buttons": [
                {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
                {"count": 6, "label": "6m", "step": "month", "stepmode": "backward"},
                {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                {"step": "all", "label": "all"},
            ],
        },
    )


def timeline_counts(starts: np.ndarray, codes: np.ndarray, n_lanes: int, period: str) -> tuple[np.ndarray, np.ndarray]:
    """(period starts, counts[lane, period]) from parallel arrays of start dates and lane codes."""
    periods, pcode = period_codes(starts, period)
    keep = pcode >= 0
    grid = np.bincount(codes[keep] * len(periods) + pcode[keep], minlength=n_lanes * len(periods)).reshape(
        n_lanes, len(periods)
    )
    return periods, grid


def timeline_counts_figure(
    starts: np.ndarray, codes: np.ndarray, names: list[str], *, lane: str, n_events: int
) -> go.Figure:
    """The timeline for many events: a heatmap of event counts per period and lane (largest lane on top)."""
    valid = ~np.isnat(starts)
    starts, codes = starts[valid], codes[valid]
    period = choose_period(pd.Timestamp(starts.min()), pd.Timestamp(starts.max()))
    periods, grid = timeline_counts(starts, codes, len(names), period)
    fig = go.Figure(
        go.Heatmap(
            x=periods,
            y=[hover_escape(n) for n in names[::-1]],
            z=grid[::-1],
            colorscale="Viridis",
            colorbar={"title": {"text": f"events / {period}"}},
            hovertemplate=f"%{{y}}<br>{period} of %{{x|%Y-%m-%d}}: %{{z:,}} events<extra></extra>",
        )
    )
    title = f"{n_events:,} events by {LANES[lane].lower()}: counts per {period}"
    base_layout(fig, title, height=max(380, 150 + 30 * len(names)))
    fig.update_layout(
        title={
            "subtitle": {
                "text": "Too many to draw one by one: turn on Key events or narrow the filters to see single events",
                "font": {"size": 12},
            }
        },
        margin={"t": 80},
    )
    time_axis(fig)
    fig.update_yaxes(title=None, automargin=True, dtick=1)  # every lane named
    return fig


def figure_event_ids(fig: go.Figure) -> set[str]:
    """The event ids a timeline figure draws (first customdata column of every trace)."""
    ids: set[str] = set()
    for trace in fig.data:
        data = getattr(trace, "customdata", None)
        if data is not None and len(data):
            ids.update(str(row[0]) for row in data)
    return ids


# ---- what the registry (app.figures.CHARTS) knows of the timeline --------------------------------------


def timeline_chart(
    df: pd.DataFrame,
    lane: str = "country",
    colour: str = "event_type",
    key_only: bool = False,
    highlight: tuple[str, ...] = (),
) -> go.Figure:
    """The timeline as a page asks for it: highlight is a tuple (hashable, for the page's cache)."""
    return timeline_figure(key_events(df) if key_only else df, lane=lane, colour=colour, highlight=frozenset(highlight))


def columns(
    n_events: int, lane: str = "country", key_only: bool = False, max_points: int = MAX_POINTS, **_opts
) -> tuple[str, ...]:
    """The columns the timeline reads from a view of n_events events (other options are ignored).
    An event takes at least one lane row, so more than max_points events always makes a counts timeline."""
    if key_only or n_events <= max_points:
        return COLUMNS
    return (LANE_COLUMNS.get(lane, "countries"), "date_start")


def key_rows(key_only: bool = False, **_opts) -> tuple[int, tuple[str, ...]] | None:
    """With the Key events switch the timeline needs only the KEY_EVENTS events largest by KEY_ORDER."""
    return (KEY_EVENTS, KEY_ORDER) if key_only else None
