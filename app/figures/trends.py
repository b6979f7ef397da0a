"""Trends: events per week or month by topic or event type, as stacked bars.

The axis opens on the bulk of the events (app.figures.framing) with a note of those outside; a view whose
span would need more than MAX_PERIODS bars is counted per a coarser period (quarter, year) and says so. At
most eight legend entries: the seven largest categories and "Other" in grey. Events of which none has a topic
(imported GDELT and ACLED rows) are split by event type even when topics were asked, with a note saying so."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from app.figures.framing import Frame, frame_events
from app.figures.lanes import lane_codes
from app.figures.periods import MAX_PERIODS, PERIOD_WORDS, period_codes, period_label, period_range
from app.figures.style import NAMED, OTHER, OTHER_COLOUR, base_layout, message_figure, style, top_legend
from app.labels import short_labels
from app.messages import hover_escape

COLUMNS = ("topics", "event_type", "date_start")
NO_TOPICS = "None of these events has a topic (imported GDELT and ACLED rows carry none): split by event type instead."
TOP = NAMED + 1  # legend entries: the seven largest categories and Other
MIN_PERIODS = 6  # a view of one day still gets a few periods around it, so its bar reads as a bar
# plotly's period of a bar, so that a bar fills its whole period (centred on it) and the axis fits them exactly
BAR_PERIODS = {"day": 86_400_000, "week": 7 * 86_400_000, "month": "M1", "quarter": "M3", "year": "M12"}


def period_columns(starts: np.ndarray, periods: np.ndarray) -> np.ndarray:
    """The index of the period each start falls in, among consecutive period starts (-1: outside them)."""
    d = np.asarray(starts, dtype="datetime64[ns]")
    if len(periods) == 0:
        return np.full(len(d), -1, dtype=np.int64)
    column = np.searchsorted(periods, d, side="right") - 1
    column[np.isnat(d) | (column < 0)] = -1
    return column


def trend_counts(df: pd.DataFrame, period: str, by: str, top: int = TOP, frame: Frame | None = None) -> pd.DataFrame:
    """Events per period and category (topic/event_type) as a wide table; categories beyond the top - 1
    largest are summed into "Other". With a frame: every period of the frame's span (empty ones as 0), and
    only the events inside it; without: the periods that hold events. A "weight" column: the events each row
    stands for (a warehouse's counts)."""
    positions, codes, names = lane_codes(df, "topic" if by == "topic" else "event_type", limit=10**9)
    if len(names) > top - 1 and len(names) > 1:  # lane codes are numbered by size, largest first
        codes = np.minimum(codes, top - 1)
        names = names[: top - 1] + [OTHER]
    starts = df["date_start"].to_numpy()[positions]
    weights = df["weight"].to_numpy(dtype=np.int64)[positions] if "weight" in df.columns else None
    if frame is None:
        periods, pcodes = period_codes(starts, period)
    else:
        periods = period_range(frame.start, frame.end, period)
        pcodes = np.where(frame.contains(starts), period_columns(starts, periods), -1)
    keep = pcodes >= 0
    w = None if weights is None else weights[keep]
    grid = np.bincount(pcodes[keep] * len(names) + codes[keep], w, minlength=len(periods) * len(names))
    grid = grid.astype(np.int64).reshape(len(periods), len(names))
    wide = pd.DataFrame(grid, index=pd.DatetimeIndex(periods, name="period"), columns=pd.Index(names, name="category"))
    wide = wide.loc[:, grid.sum(axis=0) > 0]
    return wide if grid.sum() else wide.iloc[0:0]


def trends_figure(
    wide: pd.DataFrame,
    period: str,
    by: str,
    frame: Frame | None = None,
    asked: str | None = None,
    no_topics: bool = False,
) -> go.Figure:
    """Stacked bars of events per period, one colour per category; "Other" on top, in grey. Lines of eight
    sparse categories cross into a tangle; stacked bars keep each period readable. no_topics: split by topic
    was asked of events that have none (the note says so)."""
    label = "topic" if by == "topic" else "event type"
    word = PERIOD_WORDS.get(period, period)
    if wide.empty:
        return message_figure("No events with a date to count.", f"Events per {word} by {label}")
    fig = go.Figure()
    names = short_labels([str(c) for c in wide.columns], 40)
    hover_periods = np.array([period_label(p, period) for p in wide.index], dtype=object)
    for i, (cat, name) in enumerate(zip(wide.columns, names, strict=True)):
        colour = OTHER_COLOUR if cat == OTHER else style(i)["colour"]
        fig.add_trace(
            go.Bar(
                x=wide.index,
                y=wide[cat],
                xperiod=BAR_PERIODS[period],
                xperiod0="2000-01-03" if period == "week" else None,  # weeks start on a Monday
                xperiodalignment="middle",
                name=hover_escape(name, 40),
                marker={"color": colour, "line": {"width": 0}},
                customdata=hover_periods,
                hovertemplate="%{customdata}: %{y:,} events<extra>%{fullData.name}</extra>",
            )
        )
    notes = []
    if no_topics:
        notes.append(NO_TOPICS)
    if asked and asked != period:
        notes.append(f"Counted per {word}: per {PERIOD_WORDS.get(asked, asked)} the bars would be too thin to read.")
    if frame is not None and frame.note():
        notes.append(frame.note())
    base_layout(fig, f"Events per {word} by {label}", height=500, note="<br>".join(notes))
    fig.update_layout(barmode="stack", bargap=0.15)
    top_legend(fig, [t.name for t in fig.data])
    fig.update_xaxes(type="date", title=None)
    if frame is not None:
        fig.update_xaxes(range=frame.axis_range())
    # an event with two topics counts once in each: the stack is topic mentions
    fig.update_yaxes(title="events" if by != "topic" else "events (once per topic)", rangemode="tozero")
    return fig


def trends_chart(
    df: pd.DataFrame,
    period: str = "month",
    by: str = "topic",
    full_span: bool = False,
    dates: pd.DataFrame | None = None,
    no_topics: bool = False,
) -> go.Figure:
    """The trends for a page: events per period (week/month) split by topic or event type, on the bulk of the
    events unless full_span asks for every date. dates: the events' own start dates with a weight column
    (counted rows, where df's rows are per category and would count an event with two topics twice). Split by
    topic, events of which none has a topic (imported GDELT and ACLED rows) are split by event type instead, and
    the chart says so (one unnamed series would be all it could draw); no_topics: the caller did that already."""
    if by == "topic" and "event_type" in df.columns and not has_topics(df):
        by, no_topics = "event_type", True
    if dates is None:
        dates = df
    frame = frame_events(
        dates["date_start"],
        weights=dates["weight"] if "weight" in dates.columns else None,
        period=period,
        full=full_span,
        min_periods=MIN_PERIODS,
        max_periods=MAX_PERIODS,
    )
    label = "topic" if by == "topic" else "event type"
    if frame is None:
        return message_figure("No events with a date to count.", f"Events per {period} by {label}")
    wide = trend_counts(df, frame.period, by, frame=frame)
    return trends_figure(wide, frame.period, by, frame, asked=period, no_topics=no_topics)


def has_topics(df: pd.DataFrame) -> bool:
    """Does any event of df (events with a topics list, or counted rows by topic) have a topic?"""
    return any(len(t) for t in df["topics"]) if "topics" in df.columns else False
