"""The timeline's figure builder (app.figures.timeline) on hand-made and generated events tables."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from app.figures import lanes, style
from app.figures import timeline as T
from core.schema import PLOVER_TYPES
from service.synth import generate_events
from tests.dashboard_store import HOSTILE, HOSTILE_ID


def trace_types(fig: go.Figure) -> set[str]:
    return {t.type for t in fig.data}


@pytest.mark.parametrize("lane", list(lanes.LANES))
@pytest.mark.parametrize("colour", list(T.COLOURS))
def test_timeline_draws_every_event_in_its_lanes(dashboard_events, lane, colour):
    fig = T.timeline_figure(dashboard_events, lane=lane, colour=colour)
    assert T.figure_event_ids(fig) == set(dashboard_events["event_id"])
    assert trace_types(fig) <= {"bar", "scatter", "scattergl"}


def test_point_events_are_markers_and_periods_are_bars(dashboard_events):
    fig = T.timeline_figure(dashboard_events, lane="event_type")
    in_bars = {row[0] for t in fig.data if t.type == "bar" for row in t.customdata}
    in_markers = {row[0] for t in fig.data if t.type != "bar" for row in t.customdata}
    precision = dashboard_events.set_index("event_id")["date_precision"]
    assert in_bars and in_markers
    assert set(precision[list(in_bars)]) <= {"week", "month", "quarter", "season", "year", "decade"}
    assert set(precision[list(in_markers)]) <= {"day", "minute"}


def test_bars_span_the_period(dashboard_events):
    fig = T.timeline_figure(dashboard_events[dashboard_events["date_precision"] == "month"], lane="event_type")
    bar = next(t for t in fig.data if t.type == "bar")
    days = [x / 86_400_000 for x in bar.x]
    assert all(28 <= d <= 31 for d in days)


def test_many_events_become_counts(dashboard_events):
    fig = T.timeline_figure(dashboard_events, lane="country", max_points=100, full_span=True)
    assert trace_types(fig) == {"heatmap"}
    z = np.array(fig.data[0].z, dtype=float)
    total = np.nansum(z)
    assert total == sum(max(len(c), 1) for c in dashboard_events["countries"])  # one count per country of each event
    assert np.isnan(z).any() and not (z == 0).any(), "an empty cell is blank, not the colour of zero"
    # the cells span their periods: one more edge than columns, from the axis' start to its end
    assert len(fig.data[0].x) == z.shape[1] + 1
    assert pd.Timestamp(fig.data[0].x[0]) == pd.Timestamp(fig.layout.xaxis.range[0])


def test_hover_never_carries_raw_html(dashboard_events):
    fig = T.timeline_figure(dashboard_events[dashboard_events["event_id"] == HOSTILE_ID], lane="country")
    text = json.dumps(fig.to_plotly_json()["data"], default=str)
    assert HOSTILE not in text and "&lt;script&gt;" in text


def test_key_events_keeps_the_most_salient(dashboard_events):
    top = T.key_events(dashboard_events, 50)
    assert len(top) == 50
    assert top["salience"].min() >= dashboard_events.drop(top.index)["salience"].max()


def test_highlighted_events_are_ringed(dashboard_events):
    days = dashboard_events[dashboard_events["date_precision"] == "day"].head(30)
    fig = T.timeline_figure(days, lane="country", highlight=frozenset(days["event_id"].head(2)))
    ring = [t for t in fig.data if t.name == "Just added"]
    assert len(ring) == 1
    lanes_of_two = lanes.lane_rows(days[days["event_id"].isin(days["event_id"].head(2))], "country")
    assert len(ring[0].x) == len(lanes_of_two)
    assert not [t for t in T.timeline_figure(days, lane="country").data if t.name == "Just added"]
    chart = T.timeline_chart(days, highlight=tuple(days["event_id"].head(2)))  # what a page passes: a tuple
    assert [t for t in chart.data if t.name == "Just added"]


def test_empty_table_gives_a_message_figure():
    fig = T.timeline_figure(generate_events(5, seed=1).head(0))
    assert fig.layout.annotations[0].text == "No events to show."


def test_unknown_lane_or_colour_is_refused(dashboard_events):
    with pytest.raises(ValueError, match="unknown lane"):
        T.timeline_figure(dashboard_events, lane="weather")


def test_timeline_opens_on_the_bulk_of_events_and_says_what_it_leaves_out():
    days = pd.date_range("2024-01-01", periods=100, freq="D")
    df = generate_events(101, seed=4)
    df["date_precision"] = "day"
    df["date_start"] = list(days) + [pd.Timestamp("1945-05-08")]
    df["date_end"] = df["date_start"] + pd.Timedelta(days=1)
    fig = T.timeline_figure(df, lane="country")
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert pd.Timestamp("2023-12-01") < lo < pd.Timestamp("2024-01-01") and pd.Timestamp("2024-04-09") < hi
    assert hi < pd.Timestamp("2024-05-15")
    assert "100 of 101 events" in fig.layout.title.subtitle.text and "1945" in fig.layout.title.subtitle.text
    assert T.figure_event_ids(fig) == set(df["event_id"]), "the old event is still drawn (reached by zooming out)"
    whole = T.timeline_figure(df, lane="country", full_span=True)
    assert pd.Timestamp(whole.layout.xaxis.range[0]) < pd.Timestamp("1945-05-08")
    assert not whole.layout.title.subtitle.text
    # no outliers: the whole span is shown and nothing is said
    assert not T.timeline_figure(df.iloc[:100], lane="country").layout.title.subtitle.text


def test_colour_by_quad_class_is_the_default_with_the_type_in_the_hover(dashboard_events):
    fig = T.timeline_chart(dashboard_events)
    legend = [t for t in fig.data if t.showlegend]
    assert [t.name for t in legend] == [
        "Verbal cooperation",
        "Material cooperation",
        "Verbal conflict",
        "Material conflict",
    ]
    assert {t.marker.color for t in legend} == set(style.QUAD_COLOURS.values())
    hover = {row[5] for t in fig.data for row in t.customdata}
    assert "Assault (material conflict)" in hover and "Consult (verbal cooperation)" in hover


@pytest.mark.parametrize("colour", ["event_type", "topic"])
def test_finer_colours_name_seven_categories_with_symbols_and_the_rest_other_in_grey(dashboard_events, colour):
    fig = T.timeline_figure(dashboard_events, lane="country", colour=colour)
    legend = [t for t in fig.data if t.showlegend]
    assert len(legend) == 8 and legend[-1].name.startswith("Other (")
    named = [t for t in legend[:-1]]
    assert len({t.marker.color for t in named}) == 7 and style.OTHER_COLOUR not in {t.marker.color for t in named}
    assert legend[-1].marker.color == style.OTHER_COLOUR
    markers = [t for t in named if t.type == "scatter"]
    assert len({t.marker.symbol for t in markers}) == len(markers), "each named category has its own symbol"
    if colour == "event_type":  # the legend runs from cooperation to conflict
        order = [t.name for t in named]
        plover = [p.capitalize() for p in PLOVER_TYPES]
        assert order == sorted(order, key=plover.index)


def test_long_lane_names_are_shortened_and_stay_distinct():
    df = generate_events(40, seed=9)
    long_a, long_b = "A" * 150 + " first", "A" * 150 + " second"
    df["actors"] = [[long_a] if i % 2 else [long_b] for i in range(len(df))]
    fig = T.timeline_figure(df, lane="actor")
    lanes_drawn = {y for t in fig.data for y in t.y}
    assert len(lanes_drawn) == 2 and all(len(y) <= T.LANE_LABEL_LIMIT for y in lanes_drawn)
    hover = " ".join(row[2] for t in fig.data for row in t.customdata).replace("<br>", "")
    assert long_a in hover and long_b in hover, "the hover keeps the whole name (in lines a hover can show)"
