"""Top actors: the actors in most events, as stacked bars of events where they act, are acted on, or are
only mentioned."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from app.figures.style import PALETTE, base_layout, message_figure
from app.labels import short_labels
from app.messages import hover_escape, hover_lines
from store.query import list_value_counts

COLUMNS = ("source_actor", "target_actor", "actors")
NAME_LIMIT = 32  # characters of an actor's name on the axis


def actor_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Per actor: events as source, as target, and only mentioned (each event counted once per actor)."""
    cols = {"source": df["source_actor"].astype(str), "target": df["target_actor"].astype(str)}
    src = cols["source"][(cols["source"] != "") & (cols["source"] != "<NA>")].value_counts()
    tgt = cols["target"][(cols["target"] != "") & (cols["target"] != "<NA>")].value_counts()
    any_ = list_value_counts(df["actors"])  # each actor once per event
    out = pd.DataFrame({"as_source": src, "as_target": tgt, "mentioned": any_}).fillna(0).astype("int64")
    out["total"] = out[["as_source", "as_target", "mentioned"]].max(axis=1)
    out["only_mentioned"] = (out["total"] - out["as_source"] - out["as_target"]).clip(lower=0)
    out = out.sort_values(["total", "as_source"], ascending=False, kind="stable")
    out.index.name = "actor"
    return out.reset_index()


def top_actors_figure(counts: pd.DataFrame, top: int = 20) -> go.Figure:
    """The top actors: stacked bars of events as source, as target, and only mentioned."""
    if counts.empty:
        return message_figure("No actors in these events.", "Top actors")
    part = counts.head(top).iloc[::-1]
    # short names on the axis (distinct, so two long names never share a bar), the whole name in the hover
    names = [hover_escape(n) for n in short_labels(list(part["actor"].astype(str)), NAME_LIMIT)]
    whole = [hover_lines(n, 300) for n in part["actor"]]
    fig = go.Figure()
    for col, label, colour in (
        ("as_source", "acts", PALETTE[0]),
        ("as_target", "is acted on", PALETTE[1]),
        ("only_mentioned", "mentioned", "#999999"),
    ):
        fig.add_trace(
            go.Bar(
                x=part[col],
                y=names,
                orientation="h",
                name=label,
                marker={"color": colour},
                customdata=whole,
                hovertemplate="%{customdata}: %{x:,} events (" + label + ")<extra></extra>",
            )
        )
    base_layout(fig, f"Top {len(part)} actors by events", height=max(360, 120 + 24 * len(part)))
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.08, "traceorder": "normal"})
    fig.update_yaxes(automargin=True)
    return fig


def top_actors_chart(df: pd.DataFrame, top: int = 20) -> go.Figure:
    """The top actors for a page: the top busiest actors."""
    return top_actors_figure(actor_counts(df), top)
