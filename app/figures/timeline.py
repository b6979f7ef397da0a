"""Pure figure builders: an events table (already filtered) + options -> plotly Figure.

Nothing here touches Streamlit or the store, so every chart can be built and checked in a unit test.
All text that comes from articles goes through messages.hover_escape before it reaches a hover label.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from app.messages import hover_escape
from app.names import country_name, event_type_label, quad_label, topic_label
from core.schema import PLOVER_TYPES, QUAD_CLASSES
from store.query import explode_codes, list_value_counts

# Okabe & Ito's palette: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#666666")
# Beyond eight categories a category is told apart by its marker symbol (and bar pattern) as well.
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star")
PATTERNS = ("", "/", ".", "x", "-", "+")
QUAD_COLOURS = {
    "verbal_cooperation": "#56B4E9",
    "material_cooperation": "#0072B2",
    "verbal_conflict": "#E69F00",
    "material_conflict": "#D55E00",
}
POINT_PRECISIONS = ("minute", "day")
MAX_POINTS = 3000  # beyond this the timeline shows counts per period instead of single events
GL_THRESHOLD = (
    100_000  # WebGL markers only beyond this (software-rendered WebGL in VMs and headless browsers is slower than SVG)
)
LANE_LIMIT = 25
LANES = {"country": "Country", "actor": "Actor", "topic": "Topic", "event_type": "Event type"}
LANE_COLUMNS = {"country": "countries", "actor": "actors", "topic": "topics", "event_type": "event_type"}
COLOURS = {"event_type": "Event type", "topic": "Topic"}
NONE_LABEL = "(not stated)"
FONT = {"family": "DejaVu Sans, Arial, sans-serif", "size": 13}


OTHER_COLOUR = "#9e9e9e"  # "Other": every category outside the top ones


def style(category_index: int) -> dict[str, str]:
    """Colour, symbol and bar pattern of the i-th category: each (colour, symbol) pair is unique."""
    colour = PALETTE[category_index % len(PALETTE)]
    turn = (category_index // len(PALETTE)) % len(SYMBOLS)
    return {"colour": colour, "symbol": SYMBOLS[turn], "pattern": PATTERNS[turn]}


def _base_layout(fig: go.Figure, title: str, height: int = 480) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left"},
        template="plotly_white",
        font=FONT,
        height=height,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        hoverlabel={"align": "left"},
        legend={"title": {"text": ""}},
    )
    return fig


def message_figure(text: str, title: str = "") -> go.Figure:
    """A figure that only says something (used where a chart has nothing to draw)."""
    fig = go.Figure()
    fig.add_annotation(
        text=hover_escape(text, 300), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 16}
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _base_layout(fig, title, height=300)


# ---- shaping the table --------------------------------------------------------------------------------

KEY_EVENTS = 200  # what the "Key events only" switch keeps
KEY_ORDER = ("salience", "mentions")  # most salient first; ties: more reports first


def key_events(df: pd.DataFrame, n: int = KEY_EVENTS) -> pd.DataFrame:
    """The n most salient events (ties broken by more reports, then by date)."""
    if len(df) <= n:
        return df
    cols = [c for c in KEY_ORDER if c in df.columns]
    return df.nlargest(n, cols, keep="first")


def lane_codes(df: pd.DataFrame, lane: str, limit: int = LANE_LIMIT) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(row positions, lane codes, lane names): one (position, code) pair per lane an event belongs to (list
    lanes exploded; events with an empty list go to "(not stated)"). Lanes are numbered by size, largest
    first; beyond limit the smallest are merged into "Other (k more)". Plain numpy, fast on a million rows."""
    if lane == "event_type":
        positions = np.arange(len(df))
        codes, uniques = pd.factorize(df["event_type"], use_na_sentinel=False)
        codes, uniques = np.asarray(codes, dtype=np.int64), list(uniques)
    else:
        lists = df[LANE_COLUMNS[lane]].to_numpy(dtype=object)
        rows, codes, elements = explode_codes(lists)
        empty = np.flatnonzero(np.bincount(rows, minlength=len(lists)) == 0)
        positions = np.concatenate([rows, empty])
        codes = np.concatenate([codes, np.full(len(empty), len(elements), dtype=np.int64)])
        uniques = list(elements) + [""]
    uniques = ["" if u is None or pd.isna(u) else u for u in uniques]  # missing values land in "(not stated)"
    if lane == "country":
        names = [country_name(str(u)) or NONE_LABEL for u in uniques]
    elif lane == "event_type":
        names = [event_type_label(str(u)) or NONE_LABEL for u in uniques]
    elif lane == "topic":
        names = [topic_label(str(u)) or NONE_LABEL for u in uniques]
    else:
        names = [str(u) or NONE_LABEL for u in uniques]
    # the same name can come from two codes (e.g. "" and a missing value): merge by name
    name_codes, name_list = pd.factorize(np.array(names, dtype=object))
    codes = name_codes[codes] if len(codes) else codes
    names = [str(n) for n in name_list]
    sizes = np.bincount(codes, minlength=len(names)) if len(codes) else np.zeros(len(names), dtype=int)
    order = np.argsort(-sizes, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    codes = rank[codes] if len(codes) else codes
    names = [names[i] for i in order]
    if len(names) > limit:
        codes = np.minimum(codes, limit - 1)
        names = names[: limit - 1] + [f"Other ({len(names) - (limit - 1)} more)"]
    return positions, codes, names


def lane_labels(df: pd.DataFrame, lane: str, limit: int = LANE_LIMIT) -> tuple[np.ndarray, np.ndarray]:
    """(row positions, lane labels): one pair per lane an event belongs to."""
    positions, codes, names = lane_codes(df, lane, limit)
    return positions, np.array(names, dtype=object)[codes]


def lane_rows(df: pd.DataFrame, lane: str, limit: int = LANE_LIMIT) -> pd.DataFrame:
    """df with a "lane" column, one row per lane an event belongs to (use for a few thousand rows at most)."""
    positions, labels = lane_labels(df, lane, limit)
    out = df.iloc[positions].copy()
    out["lane"] = labels
    return out


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


def _hover_columns(df: pd.DataFrame) -> np.ndarray:
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


def choose_period(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Bucket for aggregated views: day up to ~4 months, week up to ~3 years, month beyond."""
    days = (end - start).days if pd.notna(start) and pd.notna(end) else 0
    if days <= 120:
        return "day"
    if days <= 3 * 366:
        return "week"
    return "month"


def period_start(dates: pd.Series | np.ndarray, period: str) -> pd.Series:
    """The first day of the day/week (Monday)/month each date falls in."""
    d = np.asarray(pd.to_datetime(dates).to_numpy() if isinstance(dates, pd.Series) else dates, dtype="datetime64[ns]")
    if period == "month":
        out = d.astype("datetime64[M]").astype("datetime64[ns]")
    else:
        days = d.astype("datetime64[D]")
        if period == "week":
            weekday = (days.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
            days = days - weekday.astype("timedelta64[D]")
        out = days.astype("datetime64[ns]")
    index = dates.index if isinstance(dates, pd.Series) else None
    return pd.Series(out, index=index)


# ---- timeline -----------------------------------------------------------------------------------------


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
                    customdata=_hover_columns(spans),
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
                    customdata=_hover_columns(points),
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
    _base_layout(fig, title, height=max(380, 140 + 34 * len(lane_order)))
    fig.update_layout(
        barmode="overlay",
        bargap=0.5,
        clickmode="event+select",
        dragmode="zoom",
        legend={"orientation": "v", "x": 1.01, "y": 1, "itemsizing": "constant"},
    )
    _time_axis(fig, focus_range(rows["date_start"], rows["date_end"]))
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


def _time_axis(fig: go.Figure, focus: tuple[pd.Timestamp, pd.Timestamp] | None = None) -> None:
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


def period_codes(dates: np.ndarray, period: str) -> tuple[np.ndarray, np.ndarray]:
    """(periods, codes): the distinct day/week/month starts the dates fall in (ascending, datetime64[ns]) and,
    for each date, the index of its period (-1 for a missing date). The dates are reduced to distinct day
    numbers first (counted, not sorted), and only those few thousand days are turned into periods, which
    keeps this fast on a million dates."""
    d = np.asarray(dates, dtype="datetime64[ns]")
    valid = ~np.isnat(d)
    codes = np.full(len(d), -1, dtype=np.int64)
    days = d[valid].astype("datetime64[D]").astype(np.int64)
    if len(days) == 0:
        return np.array([], dtype="datetime64[ns]"), codes
    lo, span = int(days.min()), int(days.max() - days.min()) + 1
    if span <= 4 * len(days) + 10_000:
        present = np.bincount(days - lo, minlength=span) > 0
        day_values, day_codes = np.flatnonzero(present) + lo, (np.cumsum(present) - 1)[days - lo]
    else:  # a few dates spread over a very long time
        day_values, day_codes = np.unique(days, return_inverse=True)
    starts = period_start(day_values.astype("datetime64[D]"), period).to_numpy()
    periods, period_of_day = np.unique(starts, return_inverse=True)
    codes[valid] = period_of_day[day_codes]
    return periods.astype("datetime64[ns]"), codes


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
    _base_layout(fig, title, height=max(380, 150 + 30 * len(names)))
    fig.update_layout(
        title={
            "subtitle": {
                "text": "Too many to draw one by one: turn on Key events or narrow the filters to see single events",
                "font": {"size": 12},
            }
        },
        margin={"t": 80},
    )
    _time_axis(fig)
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


# ---- map ----------------------------------------------------------------------------------------------


def country_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Events per country (an event counts once for each country it involves): iso3, name, events."""
    counts = list_value_counts(df["countries"])
    out = pd.DataFrame({"iso3": counts.index.astype(str), "events": counts.to_numpy(dtype=np.int64)})
    out["name"] = out["iso3"].map(country_name)
    return out


def map_figure(counts: pd.DataFrame) -> go.Figure:
    """A world choropleth of events per country (ISO alpha-3 locations; shapes from the topojsonURL config)."""
    if counts.empty:
        return message_figure("No events with a country to show.", "Events by country")
    names = counts["name"].map(hover_escape)
    fig = go.Figure(
        go.Choropleth(
            locations=counts["iso3"],
            z=counts["events"],
            locationmode="ISO-3",
            colorscale="Viridis",
            reversescale=True,
            marker={"line": {"color": "#FFFFFF", "width": 0.5}},
            customdata=np.column_stack([counts["iso3"].to_numpy(), names.to_numpy()]),
            hovertemplate="<b>%{customdata[1]}</b><br>%{z:,} events<extra></extra>",
            colorbar={"title": {"text": "events"}},
        )
    )
    _base_layout(fig, f"Events by country ({len(counts)} countries)", height=560)
    fig.update_geos(
        showcountries=True,
        countrycolor="#BBBBBB",
        showcoastlines=False,
        showframe=False,
        projection_type="natural earth",
        projection_rotation_lon=0,
        center={"lon": 0, "lat": 15},
        lonaxis_range=[-180, 180],
        lataxis_range=[-58, 85],
        showland=True,
        landcolor="#F2F2F2",
    )
    fig.update_layout(clickmode="event+select")
    return fig


def country_bar_figure(counts: pd.DataFrame, top: int = 30) -> go.Figure:
    """Events per country as bars (the map's stand-in when map shapes are not installed)."""
    if counts.empty:
        return message_figure("No events with a country to show.", "Events by country")
    part = counts.head(top).iloc[::-1]
    fig = go.Figure(
        go.Bar(
            x=part["events"],
            y=part["name"].map(hover_escape),
            orientation="h",
            marker={"color": PALETTE[0]},
            customdata=part["iso3"],
            hovertemplate="%{y}: %{x:,} events<extra></extra>",
        )
    )
    _base_layout(fig, f"Events by country (top {len(part)})", height=max(360, 120 + 22 * len(part)))
    fig.update_yaxes(automargin=True)
    return fig


# ---- actors -------------------------------------------------------------------------------------------


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
    _base_layout(fig, f"Who acts on whom ({len(nodes)} actors, {int(net['events'].sum()):,} events)", height=640)
    fig.update_xaxes(visible=False, range=[-1.9, 1.9])
    fig.update_yaxes(visible=False, range=[-1.25, 1.25], scaleanchor="x")
    return fig


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
    names = part["actor"].map(lambda a: hover_escape(a, 50))
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
                hovertemplate="%{y}: %{x:,} events (" + label + ")<extra></extra>",
            )
        )
    _base_layout(fig, f"Top {len(part)} actors by events", height=max(360, 120 + 24 * len(part)))
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.08, "traceorder": "normal"})
    fig.update_yaxes(automargin=True)
    return fig


# ---- trends -------------------------------------------------------------------------------------------


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
    _base_layout(fig, f"Events per {period} by {label}", height=460)
    fig.update_layout(barmode="stack", bargap=0.15)
    fig.update_xaxes(type="date", title=None)
    # an event with two topics counts once in each: the stack is topic mentions
    fig.update_yaxes(title="events" if by != "topic" else "events (once per topic)", rangemode="tozero")
    return fig


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
    _base_layout(fig, f"Cooperation (up) and conflict (down) per {period}", height=480)
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


# ---- one entry per chart: events table + options -> figure (what the pages ask for) ---------------------


def timeline_chart(
    df: pd.DataFrame,
    lane: str = "country",
    colour: str = "event_type",
    key_only: bool = False,
    highlight: tuple[str, ...] = (),
) -> go.Figure:
    return timeline_figure(key_events(df) if key_only else df, lane=lane, colour=colour, highlight=frozenset(highlight))


def map_chart(df: pd.DataFrame, shapes: bool = True) -> go.Figure:
    counts = country_counts(df)
    return map_figure(counts) if shapes else country_bar_figure(counts)


def network_chart(df: pd.DataFrame, top_nodes: int = 30) -> go.Figure:
    return network_figure(actor_edges(df), top_nodes)


def top_actors_chart(df: pd.DataFrame, top: int = 20) -> go.Figure:
    return top_actors_figure(actor_counts(df), top)


def trends_chart(df: pd.DataFrame, period: str = "month", by: str = "topic") -> go.Figure:
    return trends_figure(trend_counts(df, period, by), period, by)


def balance_chart(df: pd.DataFrame, period: str = "month") -> go.Figure:
    return balance_figure(quad_balance(df, period), period)


# The columns each chart reads. The timeline reads everything it shows per event only when it draws single
# events; beyond MAX_POINTS events it draws counts and needs only the lane and the start date.
TIMELINE_COLUMNS = (
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
CHART_COLUMNS = {
    "map": ("countries",),
    "network": ("source_actor", "target_actor"),
    "top_actors": ("source_actor", "target_actor", "actors"),
    "trends": ("topics", "event_type", "date_start"),
    "balance": ("date_start", "quad_class"),
}


def chart_columns(
    kind: str, n_events: int, lane: str = "country", key_only: bool = False, max_points: int = MAX_POINTS, **_opts
) -> tuple[str, ...]:
    """The columns the chart kind reads from a view of n_events events (other options are ignored).
    An event takes at least one lane row, so more than max_points events always makes a counts timeline."""
    if kind != "timeline":
        return CHART_COLUMNS[kind]
    if key_only or n_events <= max_points:
        return TIMELINE_COLUMNS
    return (LANE_COLUMNS.get(lane, "countries"), "date_start")


CHARTS = {
    "timeline": timeline_chart,
    "map": map_chart,
    "network": network_chart,
    "top_actors": top_actors_chart,
    "trends": trends_chart,
    "balance": balance_chart,
}
