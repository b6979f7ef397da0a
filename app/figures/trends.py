"""Trends: events per week or month by topic or event type, as stacked bars."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from app.figures.lanes import lane_codes
from app.figures.periods import period_codes
from app.figures.style import OTHER_COLOUR, base_layout, message_figure, style
from app.messages import hover_escape

COLUMNS = ("topics", "event_type", "date_start")


def trend_counts(df: pd.DataFrame, period: str, by: str, top: int = 8) -> pd.DataFrame:
    """Events per period (week/month) and category (topic/event_type) as a wide table; extra categories
    beyond top are summed into "Other"."""
    positions, codes, names = lane_codes(df, "topic" if by == "topic" else "event_type", limit=10**9)
    if len(names) > top:  # lane codes are numbered by size, largest first
        codes = np.minimum(codes, top - 1)
        names = names[: top - 1] + ["Other"]
    periods, pcodes = period_codes(df["date_start"].to_numpy()[positions], period)
    keep = pcodes >= 0
    grid = np.bincount(pcodes[keep] * len(names) + codes[keep], minlength=len(periods) * len(names)).reshape(
        len(periods), len(names)
    )
    wide = pd.DataFrame(grid, index=pd.DatetimeIndex(periods, name="period"), columns=pd.Index(names, name="category"))
    return wide.loc[:, grid.sum(axis=0) > 0]


def trends_figure(wide: pd.DataFrame, period: str, by: str) -> go.Figure:
    """Stacked bars of events per period, one colour (and pattern) per category; "Other" on top, in grey.
    Lines of eight sparse categories cross into a tangle; stacked bars keep each period readable."""
    label = "topic" if by == "topic" else "event type"
    if wide.empty:
        return message_figure("No events to count.", f"Events per {period} by {label}")
    fig = go.Figure()
    for i, cat in enumerate(wide.columns):
        st_ = style(i)
        colour = OTHER_COLOUR if cat == "Other" else st_["colour"]
        fig.add_trace(
            go.Bar(
                x=wide.index,
                y=wide[cat],
                name=hover_escape(cat, 40),
                marker={"color": colour, "pattern": {"shape": st_["pattern"]}},
                hovertemplate="%{x|%Y-%m-%d}: %{y:,} events<extra>%{fullData.name}</extra>",
            )
        )
    base_layout(fig, f"Events per {period} by {label}", height=460)
    fig.update_layout(barmode="stack", bargap=0.15)
    fig.update_xaxes(type="date", title=None)
    # an event with two topics counts once in each: the stack is topic mentions
    fig.update_yaxes(title="events" if by != "topic" else "events (once per topic)", rangemode="tozero")
    return fig


def trends_chart(df: pd.DataFrame, period: str = "month", by: str = "topic") -> go.Figure:
    """The trends for a page: events per period (week/month) split by topic or event type."""
    return trends_figure(trend_counts(df, period, by), period, by)
