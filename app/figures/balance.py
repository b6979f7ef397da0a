"""Balance: cooperation above the axis and conflict below it per week or month, with their balance as a line."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from app.figures.periods import period_codes
from app.figures.style import base_layout, message_figure
from app.labels import quad_label
from core.schema import QUAD_CLASSES

COLUMNS = ("date_start", "quad_class")

QUAD_COLOURS = {
    "verbal_cooperation": "#56B4E9",
    "material_cooperation": "#0072B2",
    "verbal_conflict": "#E69F00",
    "material_conflict": "#D55E00",
}


def quad_balance(df: pd.DataFrame, period: str) -> pd.DataFrame:
    """Per period: events of each quad class and the balance (cooperation - conflict) / all, in -1..1."""
    periods, pcodes = period_codes(df["date_start"].to_numpy(), period)
    raw, uniques = pd.factorize(df["quad_class"])  # Arrow strings are coded without making Python strings
    quads = np.array([QUAD_CLASSES.index(u) if u in QUAD_CLASSES else -1 for u in uniques] + [-1])[raw]
    keep = (pcodes >= 0) & (quads >= 0)
    grid = np.bincount(
        pcodes[keep] * len(QUAD_CLASSES) + quads[keep], minlength=len(periods) * len(QUAD_CLASSES)
    ).reshape(len(periods), len(QUAD_CLASSES))
    wide = pd.DataFrame(
        grid, index=pd.DatetimeIndex(periods, name="period"), columns=pd.Index(list(QUAD_CLASSES), name="quad")
    )
    coop = wide["verbal_cooperation"] + wide["material_cooperation"]
    conf = wide["verbal_conflict"] + wide["material_conflict"]
    total = (coop + conf).replace(0, np.nan)
    wide["balance"] = ((coop - conf) / total).fillna(0.0)
    return wide


def balance_figure(wide: pd.DataFrame, period: str) -> go.Figure:
    """Cooperation above the axis, conflict below, per period, and the balance as a line."""
    if wide.empty:
        return message_figure("No events to count.", "Cooperation and conflict")
    fig = go.Figure()
    for q in QUAD_CLASSES:
        sign = 1 if "cooperation" in q else -1
        fig.add_trace(
            go.Bar(
                x=wide.index,
                y=sign * wide[q],
                name=quad_label(q),
                marker={"color": QUAD_COLOURS[q]},
                customdata=wide[q],
                hovertemplate="%{x|%Y-%m-%d}: %{customdata:,} events<extra>%{fullData.name}</extra>",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=wide.index,
            y=wide["balance"],
            name="Balance (right axis)",
            yaxis="y2",
            mode="lines",
            line={"color": "#000000", "width": 2, "dash": "dot"},
            hovertemplate="%{x|%Y-%m-%d}: balance %{y:+.2f}<extra></extra>",
        )
    )
    coop = wide["verbal_cooperation"] + wide["material_cooperation"]
    conf = wide["verbal_conflict"] + wide["material_conflict"]
    top = 1.05 * max(float(coop.max()), float(conf.max()), 1.0)
    base_layout(fig, f"Cooperation (up) and conflict (down) per {period}", height=480)
    fig.update_layout(
        barmode="relative",
        legend={"orientation": "h", "y": -0.12},
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
    return fig


def balance_chart(df: pd.DataFrame, period: str = "month") -> go.Figure:
    """The balance for a page: cooperation and conflict per period (week/month)."""
    return balance_figure(quad_balance(df, period), period)
