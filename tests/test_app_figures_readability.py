"""Every registered chart on awkward views stays legible and says what it shows: an empty view, one event,
events all on one day, a view spanning 200 years, actor names of 200 characters, right-to-left and CJK names;
and no legend of any chart, with any of its widget values, has more than eight colours."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from app.figures import CHARTS, network, style, timeline
from app.figures.periods import MAX_PERIODS
from service.synth import generate_events
from tests.test_app_figures import option_sets

RTL_CJK = ["محمد بن سلمان", "בנימין נתניהו", "习近平", "岸田文雄", "Владимир Путин", "Emmanuel Macron"]
LONG = ["Actor " + "x" * 194, "Actor " + "y" * 194, "Actor " + "z" * 194]


def with_actors(df: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    out = df.copy()
    n = len(names)
    out["source_actor"] = [names[i % n] for i in range(len(out))]
    out["target_actor"] = [names[(i + 1) % n] for i in range(len(out))]
    out["actors"] = [[names[i % n], names[(i + 1) % n]] for i in range(len(out))]
    return out


def one_day(n: int = 60) -> pd.DataFrame:
    df = generate_events(n, seed=21)
    df["date_precision"], df["date"] = "day", "2024-03-05"
    df["date_start"] = pd.Timestamp("2024-03-05")
    df["date_end"] = pd.Timestamp("2024-03-06")
    return df


def two_centuries(n: int = 400) -> pd.DataFrame:
    df = generate_events(n, seed=22)
    days = pd.date_range("1825-01-01", "2024-12-31", periods=n)
    df["date_precision"], df["date"] = "day", days.strftime("%Y-%m-%d")
    df["date_start"], df["date_end"] = days, days + pd.Timedelta(days=1)
    return df


VIEWS = {
    "empty": lambda: generate_events(3, seed=1).head(0),
    "one event": lambda: generate_events(1, seed=2),
    "one day": one_day,
    "200 years": two_centuries,
    "200-character names": lambda: with_actors(generate_events(120, seed=23), LONG),
    "right-to-left and CJK names": lambda: with_actors(generate_events(120, seed=24), RTL_CJK),
}


def says(fig: go.Figure) -> str:
    """What a figure says in words: its title, note and annotations (not the network's arrow heads)."""
    title = fig.layout.title
    words = [title.text or "", (title.subtitle.text or "") if title.subtitle else ""]
    words += [a.text or "" for a in fig.layout.annotations or ()]
    return " ".join(w for w in words if w)


def legend_colours(fig: go.Figure) -> set[str]:
    """The colours of a figure's legend entries (a trace's marker or line colour)."""
    out = set()
    for t in fig.data:
        if t.showlegend is False or not t.name:
            continue
        if t.type in ("heatmap", "choropleth"):
            continue
        colour = getattr(getattr(t, "marker", None), "color", None)
        if t.type == "scatter" and t.mode == "lines":
            colour = t.line.color
        if isinstance(colour, str):
            out.add(colour)
    return out


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("kind", list(CHARTS))
def test_every_chart_stays_legible_on_awkward_views(kind, view):
    df = VIEWS[view]()
    fig = CHARTS[kind].build(df)
    fig.to_json()  # the figure can be sent to a browser
    text = says(fig)
    assert text.strip(), f"{kind} on {view}: the chart says nothing"
    if view == "empty":
        assert "No " in text, text
        return
    assert len(legend_colours(fig)) <= 8
    for axis in ("xaxis", "yaxis"):  # category labels are short enough to leave the plot its room
        for t in fig.data:
            values = getattr(t, axis[0], None)
            if t.type in ("bar", "scatter", "heatmap") and values is not None and len(values):
                if isinstance(values[0], str):
                    assert max(len(v) for v in values) <= 44, (kind, view, axis)
    if fig.layout.xaxis.type == "date" and fig.layout.xaxis.range:
        lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
        assert hi - lo >= pd.Timedelta(days=6), f"{kind} on {view}: the time axis has no width to read dates on"
        bars = [t for t in fig.data if t.type == "bar" and t.orientation != "h"]
        assert all(len(t.x) <= MAX_PERIODS for t in bars), "too many bars to see"
    if kind == "network":
        labels = [a.text for a in fig.layout.annotations if not a.showarrow]
        assert labels and all(len(label) <= network.LABEL_LIMIT + 10 for label in labels)


def test_a_view_of_two_centuries_is_counted_per_year_and_says_so():
    df = two_centuries()
    for kind in ("trends", "balance"):
        fig = CHARTS[kind].build(df, full_span=True)
        assert "per year" in fig.layout.title.text
        assert "would be too thin to read" in fig.layout.title.subtitle.text
    fig = CHARTS["timeline"].build(df, full_span=True)
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert lo.year <= 1825 and hi.year >= 2024


def test_right_to_left_and_cjk_names_are_drawn_as_given():
    fig = CHARTS["network"].build(VIEWS["right-to-left and CJK names"]())
    labels = {a.text for a in fig.layout.annotations if not a.showarrow}
    assert {"习近平", "岸田文雄", "محمد بن سلمان"} <= labels
    lanes = {
        y for t in CHARTS["timeline"].build(VIEWS["right-to-left and CJK names"](), lane="actor").data for y in t.y
    }
    assert "בנימין נתניהו" in lanes


@pytest.mark.parametrize("kind", list(CHARTS))
def test_no_legend_has_more_than_eight_colours(dashboard_events, kind):
    chart = CHARTS[kind]
    many = generate_events(2000, seed=31)  # every type, many topics and actors
    for events in (dashboard_events, many):
        for opts in option_sets(chart):
            fig = chart.build(events, **opts)
            colours = legend_colours(fig)
            assert len(colours) <= 8, (kind, opts, colours)
            if any(name.startswith(style.OTHER) for name in (t.name or "" for t in fig.data)):
                assert style.OTHER_COLOUR in colours


def test_a_dense_network_draws_only_its_strongest_links_and_says_so():
    fig = CHARTS["network"].build(generate_events(20_000, seed=32), top_nodes=40)
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    assert len(arrows) == network.MAX_EDGES
    assert f"the {network.MAX_EDGES} strongest of" in fig.layout.title.text


def test_a_million_events_timeline_is_counts_per_period_with_named_lanes():
    """A view too big to draw one by one is a heatmap: every lane named, a column per period, blank cells
    where nothing happened (built from the columns the registry loads for it)."""
    n = timeline.MAX_POINTS * 4
    df = generate_events(n, seed=33)
    fig = CHARTS["timeline"].build(df[list(CHARTS["timeline"].reads(n))])
    heat = fig.data[0]
    assert heat.type == "heatmap" and len(heat.y) <= 25 and fig.layout.yaxis.dtick == 1
    assert 12 <= len(heat.x) - 1 <= 260
    assert np.nansum(np.array(heat.z, dtype=float)) >= n
