"""The timeline's figure builder (app.figures.timeline) on hand-made and generated events tables."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from app.figures import lanes
from app.figures import timeline as T
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
    fig = T.timeline_figure(dashboard_events, lane="country", max_points=100)
    assert trace_types(fig) == {"heatmap"}
    total = sum(sum(row) for row in fig.data[0].z)
    assert total == sum(max(len(c), 1) for c in dashboard_events["countries"])  # one count per country of each event


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


def test_timeline_focuses_on_the_bulk_of_events_when_outliers_stretch_the_axis():
    starts = pd.Series(pd.date_range("2024-01-01", periods=100, freq="D").tolist() + [pd.Timestamp("1945-05-08")])
    ends = starts + pd.Timedelta(days=1)
    lo, hi = T.focus_range(starts, ends)
    assert pd.Timestamp("2023-12-01") < lo < pd.Timestamp("2024-01-05")
    assert pd.Timestamp("2024-04-05") < hi < pd.Timestamp("2024-05-01")
    # no outliers: the whole span is shown as it is
    assert T.focus_range(starts.iloc[:100], ends.iloc[:100]) is None
