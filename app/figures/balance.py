"""Balance: cooperation above the axis and conflict below it per week or month, with their balance as a line.

The axis opens on the bulk of the events, like every time axis (app.figures.framing); periods without events
are empty bars and a gap in the line (not a balance of 0)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from app.figures.framing import Frame, frame_events
from app.figures.periods import MAX_PERIODS, PERIOD_WORDS, period_codes, period_label, period_range
from app.figures.style import QUAD_COLOURS, base_layout, message_figure, top_legend
from app.figures.trends import BAR_PERIODS, MIN_PERIODS, period_columns
from app.labels import quad_label
from core.schema import QUAD_CLASSES

COLUMNS = ("date_start", "quad_class")


def quad_balance(df: pd.DataFrame, period: str, frame: Frame | None = None) -> pd.DataFrame:
    """Per period: events of each quad class and the balance (cooperation - conflict) / all, in -1..1 (NaN
    for a period without such events). With a frame: every period of its span, and only the events inside.
    A "weight" column: the events each row stands for (a warehouse's counts)."""
    starts = df["date_start"].to_numpy()
    if frame is None:
        periods, pcodes = period_codes(starts, period)
    else:
        periods = period_range(frame.start, frame.end, period)
        pcodes = np.where(frame.contains(starts), period_columns(starts, periods), -1)
    raw, uniques = pd.factorize(df["quad_class"])  # Arrow strings are coded without making Python strings
    quads = np.array([QUAD_CLASSES.index(u) if u in QUAD_CLASSES else -1 for u in uniques] + [-1])[raw]
    keep = (pcodes >= 0) & (quads >= 0)
    w = df["weight"].to_numpy(dtype=np.int64)[keep] if "weight" in df.columns else None
    grid = np.bincount(pcodes[keep] * len(QUAD_CLASSES) + quads[keep], w, minlength=len(periods) * len(QUAD_CLASSES))
    grid = grid.astype(np.int64).reshape(len(periods), len(QUAD_CLASSES))
    wide = pd.DataFrame(
        grid, index=pd.DatetimeIndex(periods, name="period"), columns=pd.Index(list(QUAD_CLASSES), name="quad")
    )
    coop = wide["verbal_cooperation"] + wide["material_cooperation"]
    conf = wide["verbal_conflict"] + wide["material_conflict"]
    total = (coop + conf).replace(0, np.nan)
    wide["balance"] = (coop - conf) / total
    return wide


def balance_figure(wide: pd.DataFrame, period: str, frame: Frame | None = None, asked: str | None = None) -> go.Figure:
    """Cooperation above the axis, conflict below, per period, and the balance as a line."""
    counted = int(wide[list(QUAD_CLASSES)].to_numpy().sum()) if not wide.empty else 0
    if counted == 0:
        return message_figure("No events with a date and a quad class to count.", "Cooperation and conflict")
    fig = go.Figure()
    hover_periods = np.array([period_label(p, period) for p in wide.index], dtype=object)
    bar_period = {"xperiod": BAR_PERIODS[period], "xperiodalignment": "middle"}
    if period == "week":
        bar_period["xperiod0"] = "2000-01-03"  # weeks start on a Monday
    for q in QUAD_CLASSES:
        sign = 1 if "cooperation" in q else -1
        fig.add_trace(
            go.Bar(
                x=wide.index,
                y=sign * wide[q],
                name=quad_label(q),
                marker={"color": QUAD_COLOURS[q], "line": {"width": 0}},
                customdata=np.column_stack([hover_periods, wide[q].to_numpy()]),
                hovertemplate="%{customdata[0]}: %{customdata[1]:,} events<extra>%{fullData.name}</extra>",
                **bar_period,
            )
        )
    fig.add_trace(
        go.Scatter(
            x=wide.index,
            y=wide["balance"],
            name="Balance (right axis)",
            yaxis="y2",
            mode="lines+markers",
            line={"color": "#000000", "width": 2, "dash": "dot"},
            marker={"size": 4, "color": "#000000"},
            connectgaps=False,  # a period without events is a gap, not a balance
            customdata=hover_periods,
            hovertemplate="%{customdata}: balance %{y:+.2f}<extra></extra>",
            **bar_period,
        )
    )
    coop = wide["verbal_cooperation"] + wide["material_cooperation"]
    conf = wide["verbal_conflict"] + wide["material_conflict"]
    top = 1.05 * max(float(coop.max()), float(conf.max()), 1.0)
    word = PERIOD_WORDS.get(period, period)
    notes = []
    if asked and asked != period:
        notes.append(f"Counted per {word}: per {PERIOD_WORDS.get(asked, asked)} the bars would be too thin to read.")
    if frame is not None and frame.note():
        notes.append(frame.note())
    base_layout(fig, f"Cooperation (up) and conflict (down) per {word}", height=500, note="<br>".join(notes))
    top_legend(fig, [t.name for t in fig.data])
    fig.update_layout(legend_itemsizing="trace")  # the balance's small dots stay small in the legend
    fig.update_layout(
        barmode="relative",
        yaxis={"title": "events", "range": [-top, top]},  # symmetric: both zero lines meet
        yaxis2={
            "title": "balance",
            "overlaying": "y",
            "side": "right",
            "range": [-1.05, 1.05],
            "autorange": False,
            "tickmode": "array",
            "tickvals": [-1, -0.5, 0, 0.5, 1],
            "zeroline": False,
            "showgrid": False,
        },
    )
    fig.update_xaxes(type="date", title=None)
    if frame is not None:
        fig.update_xaxes(range=frame.axis_range())
    return fig


def balance_chart(df: pd.DataFrame, period: str = "month", full_span: bool = False) -> go.Figure:
    """The balance for a page: cooperation and conflict per period (week/month), on the bulk of the events
    unless full_span asks for every date."""
    frame = frame_events(
        df["date_start"],
        weights=df["weight"] if "weight" in df.columns else None,
        period=period,
        full=full_span,
        min_periods=MIN_PERIODS,
        max_periods=MAX_PERIODS,
    )
    if frame is None:
        return message_figure("No events with a date to count.", "Cooperation and conflict")
    return balance_figure(quad_balance(df, frame.period, frame), frame.period, frame, asked=period)
