"""Network: who acts on whom. Actors are nodes sized by their events; a line runs from the actor who acts
to the actor acted upon, thicker for more events."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from app.figures.style import PALETTE, base_layout, message_figure
from app.messages import hover_escape

COLUMNS = ("source_actor", "target_actor")


def actor_edges(df: pd.DataFrame) -> pd.DataFrame:
    """source -> target pairs weighted by how many events link them (both named and different)."""
    s, t = df["source_actor"].astype(str), df["target_actor"].astype(str)
    keep = (s != "") & (t != "") & (s != t) & (s != "<NA>") & (t != "<NA>")
    if not keep.any():
        return pd.DataFrame(
            {"source": pd.Series(dtype=str), "target": pd.Series(dtype=str), "events": pd.Series(dtype="int64")}
        )
    return (
        pd.DataFrame({"source": s[keep], "target": t[keep]})
        .groupby(["source", "target"])
        .size()
        .rename("events")
        .reset_index()
        .sort_values("events", ascending=False, kind="stable")
        .reset_index(drop=True)
    )


def top_network(edges: pd.DataFrame, top_nodes: int = 30) -> pd.DataFrame:
    """The edges among the top_nodes actors with the largest weighted degree."""
    if edges.empty:
        return edges
    degree = pd.concat([edges.groupby("source")["events"].sum(), edges.groupby("target")["events"].sum()])
    keep = set(degree.groupby(level=0).sum().nlargest(top_nodes).index)
    return edges[edges["source"].isin(keep) & edges["target"].isin(keep)].reset_index(drop=True)


def spring_layout(nodes: list[str], edges: pd.DataFrame, iterations: int = 80, seed: int = 7) -> dict[str, tuple]:
    """Positions in [-1, 1]^2 by a small force-directed layout, started from a circle (deterministic)."""
    n = len(nodes)
    if n == 0:
        return {}
    angle = np.linspace(0, 2 * math.pi, n, endpoint=False)
    pos = np.column_stack([np.cos(angle), np.sin(angle)])
    if n > 2 and not edges.empty:
        rng = np.random.default_rng(seed)
        pos += rng.normal(scale=0.01, size=pos.shape)
        index = {name: i for i, name in enumerate(nodes)}
        ei = np.array(
            [
                [index[a], index[b]]
                for a, b in zip(edges["source"], edges["target"], strict=True)
                if a in index and b in index
            ],
            dtype=int,
        ).reshape(-1, 2)
        w = np.log1p(edges["events"].to_numpy(dtype=float))[: len(ei)]
        k = 1.0 / math.sqrt(n)
        temp = 0.1
        for _ in range(iterations):
            delta = pos[:, None, :] - pos[None, :, :]
            dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
            disp = ((k * k / dist**2)[:, :, None] * delta).sum(axis=1)  # repulsion
            if len(ei):
                d = pos[ei[:, 0]] - pos[ei[:, 1]]
                dl = np.maximum(np.linalg.norm(d, axis=1), 1e-3)
                pull = d * (dl / k * w / max(w.max(), 1e-9))[:, None]
                np.add.at(disp, ei[:, 0], -pull)
                np.add.at(disp, ei[:, 1], pull)
            length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
            pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
            temp *= 0.95
        pos -= pos.mean(axis=0)
        pos /= max(np.abs(pos).max(), 1e-9)
    return {name: (float(x), float(y)) for name, (x, y) in zip(nodes, pos, strict=True)}


def circle_layout(nodes: list[str], edges: pd.DataFrame) -> dict[str, tuple]:
    """Nodes on a circle, busiest first, so dense networks stay legible."""
    weight = pd.concat([edges.groupby("source")["events"].sum(), edges.groupby("target")["events"].sum()])
    weight = weight.groupby(level=0).sum()
    order = sorted(nodes, key=lambda n: (-float(weight.get(n, 0)), n))
    angle = np.linspace(math.pi / 2, math.pi / 2 - 2 * math.pi, len(order), endpoint=False)
    return {n: (float(math.cos(a)), float(math.sin(a))) for n, a in zip(order, angle, strict=True)}


def network_figure(edges: pd.DataFrame, top_nodes: int = 30) -> go.Figure:
    """Who acts on whom: nodes are actors sized by events, lines are source -> target weighted by events."""
    net = top_network(edges, top_nodes)
    if net.empty:
        return message_figure("No events name both a source and a target actor.", "Who acts on whom")
    nodes = sorted(set(net["source"]) | set(net["target"]))
    density = len(net) / max(len(nodes) * (len(nodes) - 1), 1)
    pos = circle_layout(nodes, net) if density > 0.15 else spring_layout(nodes, net)
    fig = go.Figure()
    wmax = net["events"].max()
    bins = np.unique(np.ceil(4 * net["events"] / wmax).clip(1, 4))
    for b in bins:
        part = net[np.ceil(4 * net["events"] / wmax).clip(1, 4) == b]
        xs, ys = [], []
        for a, c in zip(part["source"], part["target"], strict=True):
            xs += [pos[a][0], pos[c][0], None]
            ys += [pos[a][1], pos[c][1], None]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                hoverinfo="skip",
                showlegend=False,
                line={"width": 0.8 + 1.6 * b, "color": "rgba(80,80,80,0.35)"},
            )
        )
    # arrow heads: a marker three quarters of the way along each edge, pointing at the target
    mx = [pos[a][0] + 0.75 * (pos[c][0] - pos[a][0]) for a, c in zip(net["source"], net["target"], strict=True)]
    my = [pos[a][1] + 0.75 * (pos[c][1] - pos[a][1]) for a, c in zip(net["source"], net["target"], strict=True)]
    angles = [
        math.degrees(math.atan2(pos[c][0] - pos[a][0], pos[c][1] - pos[a][1]))
        for a, c in zip(net["source"], net["target"], strict=True)
    ]
    labels = [
        f"{hover_escape(a, 60)} → {hover_escape(c, 60)}: {n:,} events"
        for a, c, n in zip(net["source"], net["target"], net["events"], strict=True)
    ]
    fig.add_trace(
        go.Scatter(
            x=mx,
            y=my,
            mode="markers",
            showlegend=False,
            text=labels,
            hovertemplate="%{text}<extra></extra>",
            marker={"symbol": "triangle-up", "angle": angles, "size": 9, "color": "rgba(80,80,80,0.6)"},
        )
    )
    out_w = net.groupby("source")["events"].sum()
    in_w = net.groupby("target")["events"].sum()
    total = np.array([out_w.get(n, 0) + in_w.get(n, 0) for n in nodes], dtype=float)
    fig.add_trace(
        go.Scatter(
            x=[pos[n][0] for n in nodes],
            y=[pos[n][1] for n in nodes],
            mode="markers+text",
            showlegend=False,
            text=[hover_escape(n, 40) for n in nodes],
            textposition=[
                "middle right"
                if pos[n][0] > 0.2
                else "middle left"
                if pos[n][0] < -0.2
                else ("top center" if pos[n][1] > 0 else "bottom center")
                for n in nodes
            ],
            customdata=np.column_stack([[int(out_w.get(n, 0)) for n in nodes], [int(in_w.get(n, 0)) for n in nodes]]),
            hovertemplate="<b>%{text}</b><br>acts in %{customdata[0]:,} events<br>"
            "is acted on in %{customdata[1]:,} events<extra></extra>",
            marker={
                "size": 10 + 30 * np.sqrt(total / total.max()),
                "color": PALETTE[0],
                "opacity": 0.9,
                "line": {"width": 1, "color": "#FFFFFF"},
            },
        )
    )
    base_layout(fig, f"Who acts on whom ({len(nodes)} actors, {int(net['events'].sum()):,} events)", height=640)
    fig.update_xaxes(visible=False, range=[-1.9, 1.9])
    fig.update_yaxes(visible=False, range=[-1.25, 1.25], scaleanchor="x")
    return fig


def network_chart(df: pd.DataFrame, top_nodes: int = 30) -> go.Figure:
    """The network for a page: the top_nodes busiest actors and the events between them."""
    return network_figure(actor_edges(df), top_nodes)
