"""Network: who acts on whom. Actors are nodes sized by their events and coloured by their kind (state,
person, organisation or group); an arrow runs from the actor who acts to the actor acted upon, coloured by the
most common kind of event between them (cooperation or conflict, verbal or material) and thicker for more
events. Only the strongest links are drawn, so a busy view stays a picture rather than a hairball.

The layout is computed in pixels on a canvas no larger than the plot area of a 1024-pixel-wide window, so
labels can be placed where they overlap neither each other nor a node (in a larger window the nodes move apart
while the text keeps its size). A label that finds no free place is left out; the node's hover names it."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from app.figures.style import OTHER_COLOUR, QUAD_COLOURS, UNKNOWN_COLOUR, base_layout, message_figure, text_width
from app.labels import OTHER_KIND, QUAD_LABELS, actor_kind, short_label
from app.messages import hover_escape
from core.schema import QUAD_CLASSES

COLUMNS = ("source_actor", "target_actor", "quad_class")
MAX_EDGES = 45  # the strongest links drawn; the others are counted in the title
CANVAS = (500.0, 460.0)  # px: width, height of the layout (a 1024 px window gives the plot about 530 x 550)
HEIGHT = 700
LABEL_SIZE = 12  # px, the labels' font size
LABEL_LIMIT = 24  # characters of a label (the hover has the whole name)
LABEL_HEIGHT = 16.0  # px, the box a one-line label takes
KIND_COLOURS = {
    "State": "#009E73",
    "Person": "#CC79A7",
    "Organisation or group": "#F0E442",
    OTHER_KIND: OTHER_COLOUR,  # grey, like every "other" and "unknown" of the charts
}


def actor_edges(df: pd.DataFrame) -> pd.DataFrame:
    """source -> target pairs (both named and different) with the events that link them: in all ("events"),
    per quad class, and the most common quad class ("quad", "" when none is known); largest first. A "weight"
    column: the events each row stands for (a warehouse's counts)."""
    s, t = df["source_actor"].astype(str), df["target_actor"].astype(str)
    keep = (s != "") & (t != "") & (s != t) & (s != "<NA>") & (t != "<NA>")
    cols = ["source", "target", "events", *QUAD_CLASSES, "quad"]
    if not keep.any():
        return pd.DataFrame({c: pd.Series(dtype=str if c in ("source", "target", "quad") else "int64") for c in cols})
    quad = df["quad_class"].astype(str) if "quad_class" in df.columns else pd.Series("", index=df.index)
    pairs = pd.DataFrame(
        {"source": s[keep], "target": t[keep], "q": quad[keep].where(quad[keep].isin(QUAD_CLASSES), "")}
    )
    if "weight" in df.columns:  # counted rows (a warehouse's aggregate): each stands for weight events
        wide = df.loc[keep, "weight"].astype("int64").groupby([pairs["source"], pairs["target"], pairs["q"]]).sum()
        wide = wide.unstack("q", fill_value=0)
    else:
        wide = pairs.groupby(["source", "target", "q"]).size().unstack("q", fill_value=0)
    for q in QUAD_CLASSES:
        if q not in wide.columns:
            wide[q] = 0
    out = pd.DataFrame(index=wide.index)
    out["events"] = wide.sum(axis=1).astype("int64")
    for q in QUAD_CLASSES:
        out[q] = wide[q].astype("int64")
    known = out[list(QUAD_CLASSES)]
    out["quad"] = np.where(known.sum(axis=1) > 0, known.idxmax(axis=1), "")
    out = out.reset_index()
    return out.sort_values(["events", "source", "target"], ascending=[False, True, True], kind="stable").reset_index(
        drop=True
    )[cols]


def degrees(edges: pd.DataFrame) -> pd.Series:
    """Each actor's events as source or target over these edges, largest first (ties by name)."""
    degree = pd.concat([edges.groupby("source")["events"].sum(), edges.groupby("target")["events"].sum()])
    degree = degree.groupby(level=0).sum()
    return degree.sort_index().sort_values(ascending=False, kind="stable")


def top_network(edges: pd.DataFrame, top_nodes: int = 30) -> pd.DataFrame:
    """The edges among the top_nodes actors with the largest weighted degree."""
    if edges.empty:
        return edges
    keep = set(degrees(edges).head(top_nodes).index)
    return edges[edges["source"].isin(keep) & edges["target"].isin(keep)].reset_index(drop=True)


def spring_layout(nodes: list[str], edges: pd.DataFrame, iterations: int = 200, seed: int = 7) -> dict[str, tuple]:
    """Positions in [-1, 1]^2 by a force-directed layout (repulsion between all nodes, pull along edges, a
    weak pull to the centre that keeps separate groups on the page), started from a circle; deterministic."""
    n = len(nodes)
    if n == 0:
        return {}
    angle = np.linspace(0, 2 * math.pi, n, endpoint=False)
    pos = np.column_stack([np.cos(angle), np.sin(angle)])
    if n > 2 and not edges.empty:
        rng = np.random.default_rng(seed)
        pos += rng.normal(scale=0.01, size=pos.shape)
        index = {name: i for i, name in enumerate(nodes)}
        pairs = [
            (index[a], index[b], w)
            for a, b, w in zip(edges["source"], edges["target"], edges["events"], strict=True)
            if a in index and b in index
        ]
        ei = np.array([(a, b) for a, b, _ in pairs], dtype=int).reshape(-1, 2)
        w = np.log1p(np.array([w for _, _, w in pairs], dtype=float))
        w = w / max(w.max(), 1e-9) if len(w) else w
        k = 1.8 / math.sqrt(n)
        temp = 0.15
        for _ in range(iterations):
            delta = pos[:, None, :] - pos[None, :, :]
            dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
            disp = ((k * k / dist**2)[:, :, None] * delta).sum(axis=1)  # repulsion
            if len(ei):
                d = pos[ei[:, 0]] - pos[ei[:, 1]]
                dl = np.maximum(np.linalg.norm(d, axis=1), 1e-3)
                pull = d * (dl / k * (0.3 + 0.7 * w))[:, None]
                np.add.at(disp, ei[:, 0], -pull)
                np.add.at(disp, ei[:, 1], pull)
            disp -= 0.02 * pos * np.linalg.norm(pos, axis=1)[:, None] / k  # gravity
            length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
            pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
            temp = max(temp * 0.97, 0.005)
        pos -= pos.mean(axis=0)
        pos /= max(np.abs(pos).max(), 1e-9)
    return {name: (float(x), float(y)) for name, (x, y) in zip(nodes, pos, strict=True)}


def circle_layout(nodes: list[str], edges: pd.DataFrame) -> dict[str, tuple]:
    """Nodes on a circle, busiest first, so dense networks stay legible."""
    weight = degrees(edges) if not edges.empty else pd.Series(dtype=float)
    order = sorted(nodes, key=lambda n: (-float(weight.get(n, 0)), n))
    angle = np.linspace(math.pi / 2, math.pi / 2 - 2 * math.pi, len(order), endpoint=False)
    return {n: (float(math.cos(a)), float(math.sin(a))) for n, a in zip(order, angle, strict=True)}


@dataclass(frozen=True)
class Label:
    """A node's label: its text, the node's centre and radius (px on the canvas), the side it sits on, and
    its box (x0, y0, x1, y1) in canvas px (y up)."""

    node: str
    text: str
    x: float
    y: float
    radius: float
    side: str
    box: tuple[float, float, float, float]


# where a label may sit around its node: (side, x anchor, y anchor)
SIDES = {
    "right": ("left", "middle"),
    "left": ("right", "middle"),
    "top": ("center", "bottom"),
    "bottom": ("center", "top"),
    "top right": ("left", "bottom"),
    "bottom right": ("left", "top"),
    "top left": ("right", "bottom"),
    "bottom left": ("right", "top"),
}
SIDE_DIRECTIONS = {
    side: np.array([("right" in side) - ("left" in side), ("top" in side) - ("bottom" in side)], dtype=float)
    / max(1.0, math.hypot(("right" in side) - ("left" in side), ("top" in side) - ("bottom" in side)))
    for side in SIDES
}
GAP = 3.0  # px between a node's edge and its label
ARROW = 18.0  # px from a node's rim to the tail of the arrow that points at it
HEAD = 3.4  # arrow head size times line width (plotly's arrowsize is relative to the line's width)


def label_box(x: float, y: float, r: float, w: float, side: str) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1) of a label of width w on this side of a node at (x, y) with radius r."""
    h = LABEL_HEIGHT
    d = r + GAP
    diag = r * 0.7 + GAP
    if side == "right":
        return (x + d, y - h / 2, x + d + w, y + h / 2)
    if side == "left":
        return (x - d - w, y - h / 2, x - d, y + h / 2)
    if side == "top":
        return (x - w / 2, y + d, x + w / 2, y + d + h)
    if side == "bottom":
        return (x - w / 2, y - d - h, x + w / 2, y - d)
    dx = diag if "right" in side else -diag
    dy = diag if "top" in side else -diag
    x0 = x + dx if "right" in side else x + dx - w
    y0 = y + dy if "top" in side else y + dy - h
    return (x0, y0, x0 + w, y0 + h)


def _boxes_overlap(a: tuple, b: tuple, pad: float = 1.0) -> bool:
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


def _box_hits_disc(b: tuple, x: float, y: float, r: float) -> bool:
    nx, ny = min(max(x, b[0]), b[2]), min(max(y, b[1]), b[3])
    return (nx - x) ** 2 + (ny - y) ** 2 < (r + 1.0) ** 2


def _dense(points: np.ndarray, step: float = 3.0) -> np.ndarray:
    """The polyline through points, sampled every step px (so a box it crosses holds one of the samples)."""
    out = [points[:1]]
    for a, b in zip(points[:-1], points[1:], strict=True):
        k = max(1, int(np.hypot(*(b - a)) / step))
        out.append(a + (b - a) * (np.arange(1, k + 1)[:, None] / k))
    return np.concatenate(out)


def place_labels(
    nodes: list[str],
    xy: dict[str, tuple[float, float]],
    radius: dict[str, float],
    canvas: tuple = CANVAS,
    links: list[np.ndarray] | None = None,
) -> list[Label]:
    """Labels for as many nodes as fit, largest node first: each on the first side (outward first) where its
    box stays on the canvas and overlaps no other label and no node, preferring a side that no link crosses
    (links: the drawn links as polylines, canvas px)."""
    half_w, half_h = canvas[0] / 2, canvas[1] / 2
    samples = np.concatenate([_dense(p) for p in links]) if links else np.zeros((0, 2))
    placed: list[Label] = []
    for node in sorted(nodes, key=lambda n: (-radius[n], n)):
        x, y = xy[node]
        text = short_label(node, LABEL_LIMIT)
        if not text:
            continue
        w = text_width(text)
        # outward first: the sides facing away from the middle of the picture, where the links run
        radial = np.array([x / half_w, y / half_h])
        radial = radial / max(float(np.hypot(*radial)), 1e-9)
        sides = sorted(SIDES, key=lambda side: -float(np.dot(SIDE_DIRECTIONS[side], radial)))
        free = []
        for side in sides:
            box = label_box(x, y, radius[node], w, side)
            if box[0] < -half_w or box[2] > half_w or box[1] < -half_h or box[3] > half_h:
                continue
            if any(_boxes_overlap(box, other.box) for other in placed):
                continue
            if any(_box_hits_disc(box, *xy[m], radius[m]) for m in nodes):
                continue
            crossed = bool(
                len(samples)
                and (
                    (samples[:, 0] > box[0] - 1)
                    & (samples[:, 0] < box[2] + 1)
                    & (samples[:, 1] > box[1] - 1)
                    & (samples[:, 1] < box[3] + 1)
                ).any()
            )
            free.append((crossed, side, box))
            if not crossed:
                break
        if free:
            _crossed, side, box = min(free, key=lambda f: f[0])  # a side no link crosses, else the first free
            placed.append(Label(node, text, x, y, radius[node], side, box))
    return placed


def separate(xy: np.ndarray, radius: np.ndarray, canvas: tuple = CANVAS, gap: float = 6.0) -> np.ndarray:
    """Positions (px) moved apart until no two nodes overlap (with gap px between them), kept on the canvas."""
    pos = xy.copy()
    n = len(pos)
    lim = np.array(canvas) / 2 - radius[:, None] - 2
    for _ in range(200):
        moved = False
        for i in range(n):
            for j in range(i + 1, n):
                d = pos[j] - pos[i]
                dist = float(np.hypot(*d))
                need = radius[i] + radius[j] + gap
                if dist < need:
                    direction = d / dist if dist > 1e-6 else np.array([math.cos(i + j), math.sin(i + j)])
                    push = (need - dist) / 2 + 0.5
                    pos[i] -= direction * push
                    pos[j] += direction * push
                    moved = True
        pos = np.clip(pos, -lim, lim)
        if not moved:
            break
    return pos


def _curve(a: np.ndarray, b: np.ndarray, bend: float = 0.12, steps: int = 12) -> np.ndarray:
    """Points of a gentle curve from a to b, bowed to the right of the direction of travel (so a link and its
    reverse are two separate curves)."""
    mid = (a + b) / 2
    d = b - a
    ctrl = mid + bend * np.array([d[1], -d[0]])
    t = np.linspace(0, 1, steps)[:, None]
    return (1 - t) ** 2 * a + 2 * (1 - t) * t * ctrl + t**2 * b


def network_figure(edges: pd.DataFrame, top_nodes: int = 30, max_edges: int = MAX_EDGES) -> go.Figure:
    """Who acts on whom: nodes are actors sized by events and coloured by kind, arrows run from source to
    target, coloured by the most common quad class between them and weighted by events."""
    net = top_network(edges, top_nodes)
    if net.empty:
        return message_figure("No events name both a source and a target actor.", "Who acts on whom")
    drawn = net.head(max_edges)
    weight = degrees(net)
    nodes = sorted(weight.index)
    # a view where most actors act on most others is a hairball in any force layout: put them on a circle
    density = len(net) / max(len(nodes) * (len(nodes) - 1), 1)
    circle = density > 0.3
    unit = circle_layout(nodes, drawn) if circle else spring_layout(nodes, drawn)
    total = np.array([float(weight[n]) for n in nodes])
    # room for labels at the edge (on a circle every label sits outside it, beside its node: more room left and
    # right, where the labels run)
    widest = max(text_width(short_label(n, LABEL_LIMIT)) for n in nodes)
    half = np.array(CANVAS) / 2 - (np.array([float(np.clip(widest + 26, 60, 160)), 45.0]) if circle else 40.0)
    biggest = 40.0  # px, the busiest actor's marker
    if circle:  # nodes side by side round the circle: small enough to leave a gap between neighbours
        perimeter = math.pi * (3 * (half[0] + half[1]) - math.sqrt((3 * half[0] + half[1]) * (half[0] + 3 * half[1])))
        biggest = float(np.clip(perimeter / len(nodes) - 8, 10.0, 40.0))
    size = 10 + (biggest - 10) * np.sqrt(total / total.max())  # marker diameter, px
    radius = size / 2
    # nodes at least this far apart (rim to rim), so a link between them shows its line and its arrow head
    room = perimeter / len(nodes) if circle else math.sqrt(CANVAS[0] * CANVAS[1] / len(nodes))
    gap = float(np.clip(room - 2 * radius.mean(), 4.0, 2 * ARROW))
    # on a circle, a node pushed to the top or bottom edge keeps a label's height (and its gap) above or below it:
    # there its neighbours take the sides, and a hub at the top would otherwise be left unnamed
    room_for = (CANVAS[0], CANVAS[1] - 2 * (LABEL_HEIGHT + GAP + 1)) if circle else CANVAS
    xy = separate(np.array([unit[n] for n in nodes]) * half, radius, canvas=room_for, gap=gap)
    at = {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy, strict=True)}
    r_of = dict(zip(nodes, radius.tolist(), strict=True))
    fig = go.Figure()
    wmax = float(drawn["events"].max())
    mids_x, mids_y, mids_text = [], [], []
    arrows = []
    lines: dict[tuple[str, int], tuple[list, list]] = {}  # (quad, width level) -> xs, ys of the link shafts
    curves = []
    for row in drawn.itertuples(index=False):
        a, b = np.array(at[row.source]), np.array(at[row.target])
        pts = _curve(a, b)
        curves.append(pts)
        colour = QUAD_COLOURS.get(row.quad, UNKNOWN_COLOUR)
        level = max(1, math.ceil(4 * math.sqrt(row.events / wmax)))  # four widths, so links group into few traces
        width = 0.8 + 1.1 * level
        xs, ys = lines.setdefault((row.quad, level), ([], []))
        xs += [*pts[:, 0].tolist(), None]
        ys += [*pts[:, 1].tolist(), None]
        # the arrow head: an annotation at the target whose tail lies ARROW px back along the link's last stretch
        # (px, so its size does not depend on the window); the standoff stops it at the node's rim
        tangent = pts[-1] - pts[-2]
        tangent = tangent / max(float(np.hypot(*tangent)), 1e-9)
        back = r_of[row.target] + ARROW
        arrows.append(
            {
                "x": float(b[0]),
                "y": float(b[1]),
                "ax": float(-tangent[0] * back),
                "ay": float(tangent[1] * back),  # px: down is positive
                "xref": "x",
                "yref": "y",
                "text": "",
                "showarrow": True,
                "arrowhead": 2,
                "arrowwidth": width,
                "arrowsize": HEAD / width,  # plotly scales the head with the line: the same size on every link
                "arrowcolor": colour,
                "standoff": r_of[row.target] + 1,
            }
        )
        mid = pts[len(pts) // 2]
        mids_x.append(float(mid[0]))
        mids_y.append(float(mid[1]))
        kinds = ", ".join(f"{getattr(row, q):,} {QUAD_LABELS[q].lower()}" for q in QUAD_CLASSES if getattr(row, q))
        mids_text.append(
            f"{hover_escape(row.source, 60)} → {hover_escape(row.target, 60)}: {row.events:,} events"
            + (f"<br>{kinds}" if kinds else "")
        )
    for (quad, level), (xs, ys) in sorted(lines.items(), key=lambda kv: kv[0][1]):  # thick links on top
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                hoverinfo="skip",
                showlegend=False,
                line={"width": 0.8 + 1.1 * level, "color": QUAD_COLOURS.get(quad, UNKNOWN_COLOUR)},
                opacity=0.8,
            )
        )
    # hover targets in the middle of each link (invisible; they carry no actor, so a click there filters nothing)
    fig.add_trace(
        go.Scatter(
            x=mids_x,
            y=mids_y,
            mode="markers",
            showlegend=False,
            text=mids_text,
            hovertemplate="%{text}<extra></extra>",
            marker={"size": 14, "opacity": 0},
        )
    )
    for q in [*QUAD_CLASSES, ""]:  # legend: the kinds of links drawn
        if (drawn["quad"] == q).any():
            fig.add_trace(
                go.Scatter(
                    x=[None],
                    y=[None],
                    mode="lines",
                    name=QUAD_LABELS.get(q, "Unknown kind"),
                    legendgroup="links",
                    legendgrouptitle={"text": "Links"},
                    line={"width": 4, "color": QUAD_COLOURS.get(q, UNKNOWN_COLOUR)},
                )
            )
    out_w = net.groupby("source")["events"].sum()
    in_w = net.groupby("target")["events"].sum()
    kinds_of = {n: actor_kind(n) for n in nodes}
    for kind, colour in KIND_COLOURS.items():
        members = [i for i, n in enumerate(nodes) if kinds_of[n] == kind]
        if not members:
            continue
        names = [nodes[i] for i in members]
        fig.add_trace(
            go.Scatter(
                x=[at[n][0] for n in names],
                y=[at[n][1] for n in names],
                mode="markers",
                name=kind,
                legendgroup="actors",
                legendgrouptitle={"text": "Actors"},
                text=[hover_escape(n, 120) for n in names],
                customdata=np.column_stack(
                    [
                        np.array(names, dtype=object),
                        [int(out_w.get(n, 0)) for n in names],
                        [int(in_w.get(n, 0)) for n in names],
                    ]
                ),
                hovertemplate="<b>%{text}</b> (" + kind.lower() + ")<br>acts in %{customdata[1]:,} events<br>"
                "is acted on in %{customdata[2]:,} events<br><i>click to show only its events</i><extra></extra>",
                marker={
                    "size": size[members],
                    "color": colour,
                    "opacity": 1.0,
                    "line": {"width": 1, "color": "#444444"},
                },
            )
        )
    labels = place_labels(nodes, at, r_of, links=curves)
    notes = [
        {
            "x": lab.x,
            "y": lab.y,
            "xref": "x",
            "yref": "y",
            "text": hover_escape(lab.text, LABEL_LIMIT + 10),
            "showarrow": False,
            "xanchor": SIDES[lab.side][0],
            "yanchor": SIDES[lab.side][1],
            "xshift": _shift(lab, 0),
            "yshift": _shift(lab, 1),
            "font": {"size": LABEL_SIZE, "color": "#222222"},
            "name": "label",
        }
        for lab in labels
    ]
    fig.update_layout(annotations=arrows + notes)
    shown = f"the {len(drawn)} strongest of {len(net)} links" if len(drawn) < len(net) else f"{len(net)} links"
    title = f"Who acts on whom: {len(nodes)} actors, {shown} ({int(drawn['events'].sum()):,} events)"
    note = "Arrows point from the actor who acts to the actor acted on; colour: the most common kind of event; width: events"
    if len(labels) < len(nodes):
        hidden = len(nodes) - len(labels)
        note += f"; {hidden} smaller actor{'s are' if hidden > 1 else ' is'} named on hover"
    base_layout(fig, title, height=HEIGHT, note=note)
    fig.update_layout(
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": -0.02,
            "yanchor": "top",
            "itemclick": False,
            "itemdoubleclick": False,
        },
        margin={"b": 70},
        clickmode="event+select",
        dragmode="pan",
        hovermode="closest",
    )
    fig.update_xaxes(visible=False, range=[-CANVAS[0] / 2, CANVAS[0] / 2])
    fig.update_yaxes(visible=False, range=[-CANVAS[1] / 2, CANVAS[1] / 2], scaleanchor="x", scaleratio=1)
    return fig


def _shift(lab: Label, axis: int) -> float:
    """The px offset of a label's anchor from its node's centre, along x (axis 0) or y (axis 1)."""
    xa, ya = SIDES[lab.side]
    if axis == 0:
        if xa == "left":
            return lab.box[0] - lab.x
        if xa == "right":
            return lab.box[2] - lab.x
        return 0.0
    if ya == "bottom":
        return lab.box[1] - lab.y
    if ya == "top":
        return lab.box[3] - lab.y
    return 0.0


def network_chart(df: pd.DataFrame, top_nodes: int = 30) -> go.Figure:
    """The network for a page: the top_nodes busiest actors and the strongest links between them."""
    return network_figure(actor_edges(df), top_nodes)
