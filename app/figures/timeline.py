"""Timeline: events on a time axis in lanes (by country, actor, topic or event type); day-precise events as
markers, longer periods as bars; beyond a few thousand events, counts per period and lane.

Colour says cooperation or conflict by default (four colours, the marker shape repeating verbal or
material); the finer views (event type, topic) name the seven largest categories with a colour and a symbol
each and put the rest into "Other" in grey. The axis opens on the bulk of the events (app.figures.framing)
and says in a note how many lie outside. Every text from articles goes through messages.hover_escape before it
reaches a hover label, and lane names are shortened (whole in the hover)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from app.figures.framing import Frame, frame_events
from app.figures.lanes import LANE_COLUMNS, LANES, lane_codes
from app.figures.periods import PERIOD_WORDS, period_label, period_range
from app.figures.style import (
    NAMED,
    OTHER,
    OTHER_COLOUR,
    OTHER_SYMBOL,
    QUAD_COLOURS,
    QUAD_PATTERNS,
    QUAD_SYMBOLS,
    UNKNOWN_COLOUR,
    base_layout,
    message_figure,
    style,
    top_legend,
)
from app.labels import NONE_LABEL, QUAD_LABELS, event_type_label, quad_label, short_labels, topic_label
from app.messages import hover_escape, hover_lines
from core.schema import PLOVER_TYPES, QUAD_CLASSES

POINT_PRECISIONS = ("minute", "day")
MAX_POINTS = 3000  # beyond this the timeline shows counts per period instead of single events
GL_THRESHOLD = (
    100_000  # WebGL markers only beyond this (software-rendered WebGL in VMs and headless browsers is slower than SVG)
)
COLOURS = {"quad_class": "Cooperation / conflict", "event_type": "Event type", "topic": "Topic"}
LANE_LABEL_LIMIT = 24  # characters of a lane's name on the axis (the hover has it whole)
MIN_PERIODS = 7  # the axis spans at least a week (one event, or all on one day, still get dates around them)
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
    "quad_class",
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
    """The colour category of each event: its quad class, its PLOVER type, or its first topic."""
    if colour == "topic":
        return df["topics"].map(lambda ts: topic_label(ts[0]) if len(ts) else NONE_LABEL).astype(str)
    if colour == "quad_class":
        return df["quad_class"].map(lambda q: quad_label(q) if isinstance(q, str) and q else NONE_LABEL).astype(str)
    return df["event_type"].map(event_type_label).astype(str)


def colour_categories(values: pd.Series, colour: str) -> tuple[pd.Series, list[str], dict[str, dict[str, str]]]:
    """(the category each value is drawn as, the legend's order, each category's colour/symbol/pattern).

    Quad classes keep their four fixed colours. Event types and topics: the NAMED most frequent get a colour
    and a symbol each (the most frequent the first colour), the rest are merged into "Other (k ...)" in grey;
    the legend lists PLOVER types from cooperation to conflict, topics by frequency, Other last."""
    counts = values.value_counts()
    if colour == "quad_class":
        by_label = {quad_label(q): q for q in QUAD_CLASSES}
        order = [quad_label(q) for q in QUAD_CLASSES if quad_label(q) in counts.index]
        order += [v for v in counts.index if v not in by_label]
        styles = {
            v: {
                "colour": QUAD_COLOURS[by_label[v]],
                "symbol": QUAD_SYMBOLS[by_label[v]],
                "pattern": QUAD_PATTERNS[by_label[v]],
            }
            if v in by_label
            else {"colour": UNKNOWN_COLOUR, "symbol": OTHER_SYMBOL, "pattern": ""}
            for v in order
        }
        return values, order, styles
    named = list(counts.index[:NAMED]) if len(counts) > NAMED + 1 else list(counts.index)
    styles = {v: style(i) for i, v in enumerate(named)}
    shown = values
    rest = [v for v in counts.index if v not in styles]
    if rest:
        other = f"{OTHER} ({len(rest)} {'types' if colour == 'event_type' else 'topics'})"
        shown = values.where(values.isin(named), other)
        styles[other] = {"colour": OTHER_COLOUR, "symbol": OTHER_SYMBOL, "pattern": ""}
    if colour == "event_type":
        plover = [event_type_label(t) for t in PLOVER_TYPES]
        order = [v for v in plover if v in named] + sorted(v for v in named if v not in plover)
    else:
        order = list(named)
    order += [c for c in styles if c not in order]
    return shown, order, styles


def date_label(row_date: object, precision: object) -> str:
    """ "2024-03-05 (day)"; "2024-03 (month)"."""
    d = "" if row_date is None else str(row_date)
    p = "" if precision is None else str(precision)
    return f"{d} ({p})" if p else d


def hover_columns(df: pd.DataFrame) -> np.ndarray:
    """customdata for hover and selection: event_id, date label, actors, summary, source (escaped)."""
    actors = df["actors"].map(lambda a: hover_lines(", ".join(map(str, a)), 300))
    dates = [hover_escape(date_label(d, p)) for d, p in zip(df["date"], df["date_precision"], strict=True)]
    sources = df["source"].map(lambda s: hover_escape(s, 80))
    summaries = df["summary"].map(hover_lines)
    quads = df["quad_class"] if "quad_class" in df.columns else pd.Series("", index=df.index)
    types = [
        hover_escape(f"{event_type_label(t)} ({QUAD_LABELS[q].lower()})" if q in QUAD_LABELS else event_type_label(t))
        for t, q in zip(df["event_type"], quads, strict=True)
    ]
    return np.column_stack(
        [
            df["event_id"].astype(str).to_numpy(),
            dates,
            actors.to_numpy(),
            summaries.to_numpy(),
            sources.to_numpy(),
            np.asarray(types, dtype=object),
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
    colour: str = "quad_class",
    max_points: int = MAX_POINTS,
    highlight: frozenset[str] = frozenset(),
    full_span: bool = False,
) -> go.Figure:
    """Events on a time axis in lanes; day-precise events as markers, longer periods as bars.

    Beyond max_points (lane rows), a heatmap of counts per period and lane replaces single events.
    highlight: event ids drawn with a dark outline (e.g. events just added). The axis opens on the bulk of
    the events, with a note of those outside, unless full_span asks for every date."""
    if lane not in LANES or colour not in COLOURS:
        raise ValueError(f"unknown lane {lane!r} or colour {colour!r}")
    if df.empty:
        return message_figure("No events to show.", "Timeline")
    frame = frame_events(df["date_start"], ends=df.get("date_end"), full=full_span, min_periods=MIN_PERIODS)
    if frame is None:
        return message_figure("None of these events has a date to place on a time axis.", "Timeline")
    positions, codes, names = lane_codes(df, lane)
    names = short_labels(names, LANE_LABEL_LIMIT)
    if len(codes) > max_points:
        return timeline_counts_figure(
            df["date_start"].to_numpy()[positions], codes, names, lane=lane, n_events=len(df), frame=frame
        )
    rows = df.iloc[positions].copy()
    rows["lane"] = np.array(names, dtype=object)[codes]
    lane_order = list(rows["lane"].value_counts().index)
    shown, order, styles = colour_categories(colour_values(rows, colour), colour)
    rows["colour"] = shown.to_numpy()
    gl = len(rows) > GL_THRESHOLD
    fig = go.Figure()
    for cat in order:
        part = rows[rows["colour"] == cat]
        st_ = styles[cat]
        is_point = part["date_precision"].isin(POINT_PRECISIONS)
        points, spans = part[is_point], part[~is_point]
        # the legend shows the category's marker (solid, with its symbol); only a category of periods alone
        # shows its pale bar
        shown_in_legend = len(points) > 0
        name = hover_escape(cat, 40)
        if len(spans):
            width_ms = (spans["date_end"] - spans["date_start"]).dt.total_seconds().to_numpy() * 1000
            fig.add_trace(
                go.Bar(
                    base=spans["date_start"],
                    x=width_ms,
                    y=spans["lane"],
                    orientation="h",
                    name=name,
                    legendgroup=cat,
                    showlegend=not shown_in_legend,
                    width=0.5,
                    opacity=0.45,
                    marker={"color": st_["colour"], "pattern": {"shape": st_["pattern"]}, "line": {"width": 0}},
                    customdata=hover_columns(spans),
                    hovertemplate=HOVER,
                )
            )
        if len(points):
            scatter = go.Scattergl if gl else go.Scatter
            sizes = 7 + 16 * points["salience"].clip(0, 1).fillna(0).to_numpy()
            fig.add_trace(
                scatter(
                    x=points["date_start"],
                    y=points["lane"],
                    mode="markers",
                    name=name,
                    legendgroup=cat,
                    showlegend=True,
                    marker={
                        "color": st_["colour"],
                        "symbol": st_["symbol"],
                        "size": sizes,
                        "opacity": 0.85,
                        "line": {"width": 0.5, "color": "#FFFFFF"}
                        if not st_["symbol"].endswith("-open")
                        else {"width": 1.5, "color": st_["colour"]},
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
    base_layout(fig, title, height=max(400, 170 + 34 * len(lane_order)), note=frame.note())
    fig.update_layout(
        barmode="overlay",
        bargap=0.5,
        clickmode="event+select",
        dragmode="zoom",
    )
    # the legend above the plot, not beside it: the whole width is left to the time axis
    top_legend(fig, [t.name for t in fig.data if t.showlegend], axis_labels=lane_order)
    time_axis(fig, frame, pad=0.02)
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(lane_order)), title=None, automargin=True)
    return fig


def time_axis(fig: go.Figure, frame: Frame, pad: float = 0.0) -> None:
    """The time axis: it opens on the frame, with a range slider below over the same span to zoom in (the
    events outside the frame are reached with the Show all dates switch, which widens both)."""
    span = frame.axis_range(pad)
    fig.update_xaxes(
        type="date",
        title=None,
        range=span,
        rangeslider={"visible": True, "thickness": 0.06, "range": span, "autorange": False},
    )


def timeline_counts(
    starts: np.ndarray,
    codes: np.ndarray,
    n_lanes: int,
    periods: np.ndarray,
    end: np.datetime64,
    weights: np.ndarray | None = None,
) -> np.ndarray:
    """counts[lane, period] from parallel arrays of start dates and lane codes (and how many events each pair
    stands for, one when weights is None), over the given consecutive period starts, the last period ending at
    end (a date before the first period or from end on is not counted)."""
    d = np.asarray(starts, dtype="datetime64[ns]")
    column = np.searchsorted(periods, d, side="right") - 1
    keep = ~np.isnat(d) & (column >= 0) & (d < np.datetime64(end, "ns"))
    w = None if weights is None else np.asarray(weights)[keep]
    counts = np.bincount(codes[keep] * len(periods) + column[keep], w, minlength=n_lanes * len(periods))
    return counts.astype(np.int64).reshape(n_lanes, len(periods))


def timeline_counts_figure(
    starts: np.ndarray,
    codes: np.ndarray,
    names: list[str],
    *,
    lane: str,
    n_events: int,
    frame: Frame,
    weights: np.ndarray | None = None,
) -> go.Figure:
    """The timeline for many events: a heatmap of event counts per period and lane (largest lane on top) over
    the frame's span; an empty cell is left blank. weights: events per (start, code) pair (None: one each)."""
    period = frame.period
    periods = period_range(frame.start, frame.end, period)
    inside = frame.contains(starts)
    w = None if weights is None else np.asarray(weights)[inside]
    grid = timeline_counts(starts[inside], codes[inside], len(names), periods, np.datetime64(frame.end, "ns"), w)
    edges = np.append(periods, np.datetime64(frame.end, "ns"))  # cells span their whole period
    z = grid[::-1].astype(float)
    z[z == 0] = np.nan
    labels = np.array([period_label(p, period) for p in periods], dtype=object)
    fig = go.Figure(
        go.Heatmap(
            x=edges,
            y=[hover_escape(n) for n in names[::-1]],
            z=z,
            customdata=np.broadcast_to(labels, z.shape),
            colorscale="Viridis",
            hoverongaps=False,
            colorbar={"title": {"text": f"events / {PERIOD_WORDS[period]}"}},
            hovertemplate="%{y}<br>%{customdata}: %{z:,} events<extra></extra>",
        )
    )
    title = f"{n_events:,} events by {LANES[lane].lower()}: counts per {PERIOD_WORDS[period]}"
    lines = ["Too many to draw one by one: turn on Key events or narrow the filters to see single events"]
    if frame.note():
        lines.append(frame.note())
    base_layout(fig, title, height=max(400, 170 + 30 * len(names)), note="<br>".join(lines))
    fig.update_layout(margin={"t": 100 if len(lines) > 1 else 80})
    time_axis(fig, frame)
    fig.update_yaxes(title=None, automargin=True, dtick=1)  # every lane named
    return fig


def timeline_counts_chart(lanes: pd.DataFrame, frame: Frame, *, lane: str = "country", n_events: int) -> go.Figure:
    """The counts timeline from counted rows (a warehouse's aggregate): lanes has date_start (the start of the
    day, week or month counted, no coarser than the frame's period), the lane's column (a list column holds
    [value] or [] per row) and weight, the events a row stands for; frame comes from the events' own dates
    (framing.frame_events with their counts as weights), n_events is how many events are in view."""
    if lane not in LANES:
        raise ValueError(f"unknown lane {lane!r}")
    if lanes.empty or not n_events:
        return message_figure("No events to show.", "Timeline")
    positions, codes, names = lane_codes(lanes, lane)
    names = short_labels(names, LANE_LABEL_LIMIT)
    starts = lanes["date_start"].to_numpy(dtype="datetime64[ns]")[positions]
    weights = lanes["weight"].to_numpy(dtype=np.int64)[positions]
    return timeline_counts_figure(starts, codes, names, lane=lane, n_events=n_events, frame=frame, weights=weights)


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
    colour: str = "quad_class",
    key_only: bool = False,
    full_span: bool = False,
    highlight: tuple[str, ...] = (),
) -> go.Figure:
    """The timeline as a page asks for it: highlight is a tuple (hashable, for the page's cache)."""
    return timeline_figure(
        key_events(df) if key_only else df,
        lane=lane,
        colour=colour,
        highlight=frozenset(highlight),
        full_span=full_span,
    )


def columns(
    n_events: int, lane: str = "country", key_only: bool = False, max_points: int = MAX_POINTS, **_opts
) -> tuple[str, ...]:
    """The columns the timeline reads from a view of n_events events (other options are ignored).
    An event takes at least one lane row, so more than max_points events always makes a counts timeline."""
    if key_only or n_events <= max_points:
        return COLUMNS
    return (LANE_COLUMNS.get(lane, "countries"), "date_start", "date_end")


def key_rows(key_only: bool = False, **_opts) -> tuple[int, tuple[str, ...]] | None:
    """With the Key events switch the timeline needs only the KEY_EVENTS events largest by KEY_ORDER."""
    return (KEY_EVENTS, KEY_ORDER) if key_only else None
