"""The pure figure builders on hand-made and generated events tables."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from app import figures as F
from service.synth import generate_events
from tests.dashboard_store import HOSTILE, HOSTILE_ID, hostile_row


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    df = generate_events(400, seed=11)
    return pd.concat([df, hostile_row(df)], ignore_index=True)


def trace_types(fig: go.Figure) -> set[str]:
    return {t.type for t in fig.data}


@pytest.mark.parametrize("lane", list(F.LANES))
@pytest.mark.parametrize("colour", list(F.COLOURS))
def test_timeline_draws_every_event_in_its_lanes(events, lane, colour):
    fig = F.timeline_figure(events, lane=lane, colour=colour)
    assert F.figure_event_ids(fig) == set(events["event_id"])
    assert trace_types(fig) <= {"bar", "scatter", "scattergl"}


def test_point_events_are_markers_and_periods_are_bars(events):
    fig = F.timeline_figure(events, lane="event_type")
    in_bars = {row[0] for t in fig.data if t.type == "bar" for row in t.customdata}
    in_markers = {row[0] for t in fig.data if t.type != "bar" for row in t.customdata}
    precision = events.set_index("event_id")["date_precision"]
    assert in_bars and in_markers
    assert set(precision[list(in_bars)]) <= {"week", "month", "quarter", "season", "year", "decade"}
    assert set(precision[list(in_markers)]) <= {"day", "minute"}


def test_bars_span_the_period(events):
    fig = F.timeline_figure(events[events["date_precision"] == "month"], lane="event_type")
    bar = next(t for t in fig.data if t.type == "bar")
    days = [x / 86_400_000 for x in bar.x]
    assert all(28 <= d <= 31 for d in days)


def test_many_events_become_counts(events):
    fig = F.timeline_figure(events, lane="country", max_points=100)
    assert trace_types(fig) == {"heatmap"}
    total = sum(sum(row) for row in fig.data[0].z)
    assert total == sum(max(len(c), 1) for c in events["countries"])  # one count per country of each event


def test_lanes_beyond_the_limit_are_merged():
    df = generate_events(300, seed=2)
    rows = F.lane_rows(df, "actor", limit=5)
    assert rows["lane"].nunique() == 5
    assert rows["lane"].str.startswith("Other (").any()


def test_colours_are_unique_pairs_and_colour_blind_safe():
    pairs = {(F.style(i)["colour"], F.style(i)["symbol"]) for i in range(16)}
    assert len(pairs) == 16
    assert {F.style(i)["colour"] for i in range(8)} == set(F.PALETTE)


def test_hover_never_carries_raw_html(events):
    fig = F.timeline_figure(events[events["event_id"] == HOSTILE_ID], lane="country")
    text = json.dumps(fig.to_plotly_json()["data"], default=str)
    assert HOSTILE not in text and "&lt;script&gt;" in text


def test_key_events_keeps_the_most_salient(events):
    top = F.key_events(events, 50)
    assert len(top) == 50
    assert top["salience"].min() >= events.drop(top.index)["salience"].max()


def test_highlighted_events_are_ringed(events):
    days = events[events["date_precision"] == "day"].head(30)
    fig = F.timeline_figure(days, lane="country", highlight=frozenset(days["event_id"].head(2)))
    ring = [t for t in fig.data if t.name == "Just added"]
    assert len(ring) == 1
    lanes_of_two = F.lane_rows(days[days["event_id"].isin(days["event_id"].head(2))], "country")
    assert len(ring[0].x) == len(lanes_of_two)
    assert not [t for t in F.timeline_figure(days, lane="country").data if t.name == "Just added"]


def test_empty_table_gives_a_message_figure():
    fig = F.timeline_figure(generate_events(5, seed=1).head(0))
    assert fig.layout.annotations[0].text == "No events to show."


def test_country_counts_count_each_involved_country():
    df = generate_events(50, seed=4)
    counts = F.country_counts(df).set_index("iso3")["events"]
    assert counts.sum() == sum(len(c) for c in df["countries"])
    fig = F.map_figure(F.country_counts(df))
    assert fig.data[0].type == "choropleth" and fig.data[0].locationmode == "ISO-3"


def test_actor_edges_and_network():
    df = pd.DataFrame({"source_actor": ["A", "A", "B", "", "C"], "target_actor": ["B", "B", "A", "B", "C"]})
    edges = F.actor_edges(df)
    assert edges.to_dict("records") == [
        {"source": "A", "target": "B", "events": 2},
        {"source": "B", "target": "A", "events": 1},
    ]
    fig = F.network_figure(edges)
    labels = [t for tr in fig.data if tr.mode == "markers+text" for t in tr.text]
    assert sorted(labels) == ["A", "B"]


def test_spring_layout_is_deterministic_and_bounded():
    edges = pd.DataFrame({"source": list("abcde"), "target": list("bcdea"), "events": [1, 2, 3, 4, 5]})
    one = F.spring_layout(list("abcde"), edges)
    assert one == F.spring_layout(list("abcde"), edges)
    assert all(-1.0001 <= v <= 1.0001 for xy in one.values() for v in xy)


def test_trend_counts_sum_to_events_per_category(events):
    wide = F.trend_counts(events, "month", "event_type", top=100)
    assert int(wide.to_numpy().sum()) == len(events)
    assert list(wide.columns)[0] == events["event_type"].value_counts().index[0].capitalize()


def test_quad_balance_is_between_minus_one_and_one(events):
    wide = F.quad_balance(events, "week")
    assert wide["balance"].between(-1, 1).all()
    assert int(wide[list(F.QUAD_COLOURS)].to_numpy().sum()) == len(events)
    only_conflict = events.assign(quad_class="material_conflict")
    assert (F.quad_balance(only_conflict, "month")["balance"] == -1).all()


@pytest.mark.parametrize("kind", list(F.CHARTS))
def test_every_chart_builds_on_an_empty_table(kind):
    fig = F.CHARTS[kind](generate_events(3, seed=1).head(0))
    assert isinstance(fig, go.Figure)


def test_actor_counts_count_each_event_once_per_actor():
    df = pd.DataFrame(
        {
            "source_actor": ["A", "A", "B", ""],
            "target_actor": ["B", "", "A", ""],
            "actors": [["A", "B", "A"], ["A"], ["B", "A", "C"], []],
        }
    )
    counts = F.actor_counts(df).set_index("actor")
    assert counts.loc["A", ["as_source", "as_target", "mentioned"]].tolist() == [2, 1, 3]
    assert counts.loc["C", "mentioned"] == 1 and counts.loc["C", "only_mentioned"] == 1
    assert F.NONE_LABEL not in counts.index


def test_period_codes_count_by_day_week_and_month():
    dates = pd.to_datetime(pd.Series(["2024-03-06", "2024-03-04", None, "2024-03-31", "2024-04-02"])).to_numpy()
    periods, codes = F.period_codes(dates, "month")
    assert [str(p)[:10] for p in periods] == ["2024-03-01", "2024-04-01"]
    assert codes.tolist() == [0, 0, -1, 0, 1]
    periods, codes = F.period_codes(dates, "week")  # weeks start on Monday: 2024-03-04, 2024-03-25, 2024-04-01
    assert [str(p)[:10] for p in periods] == ["2024-03-04", "2024-03-25", "2024-04-01"]
    assert codes.tolist() == [0, 0, -1, 1, 2]
    far = pd.to_datetime(pd.Series(["1900-01-02", "2100-05-01", "1900-01-03"])).to_numpy()
    periods, codes = F.period_codes(far, "day")
    assert [str(p)[:10] for p in periods] == ["1900-01-02", "1900-01-03", "2100-05-01"]
    assert codes.tolist() == [0, 2, 1]
    periods, codes = F.period_codes(pd.to_datetime(pd.Series([None])).to_numpy(), "day")
    assert len(periods) == 0 and codes.tolist() == [-1]


def test_trend_counts_and_quad_balance_by_hand():
    df = pd.DataFrame(
        {
            "date_start": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-03", "2024-02-10"]),
            "topics": [["war"], ["war", "trade"], [], ["trade"]],
            "event_type": ["ASSAULT", "CONSULT", "ASSAULT", "ASSAULT"],
            "quad_class": ["material_conflict", "verbal_cooperation", "material_conflict", "unknown"],
        }
    )
    wide = F.trend_counts(df, "month", "topic")
    assert list(wide.columns) == ["war", "trade", F.NONE_LABEL]
    assert wide.to_numpy().tolist() == [[2, 1, 0], [0, 1, 1]]
    assert [str(p)[:10] for p in wide.index] == ["2024-01-01", "2024-02-01"]
    assert F.trend_counts(df, "month", "topic", top=2).columns.tolist() == ["war", "Other"]
    assert F.trend_counts(df, "month", "topic", top=2).to_numpy().tolist() == [[2, 1], [0, 2]]
    quads = F.quad_balance(df, "month")
    assert quads["material_conflict"].tolist() == [1, 1] and quads["verbal_cooperation"].tolist() == [1, 0]
    assert quads["balance"].tolist() == [0.0, -1.0]


@pytest.mark.parametrize("kind", sorted(F.CHARTS))
def test_each_chart_needs_only_its_declared_columns(events, kind):
    opts = {"key_only": True} if kind == "timeline" else {}
    cols = F.chart_columns(kind, len(events), **opts)
    fig = F.CHARTS[kind](events[list(cols)], **opts)
    assert fig.to_json() == F.CHARTS[kind](events, **opts).to_json()


def test_a_big_timeline_needs_only_the_lane_and_the_start():
    assert F.chart_columns("timeline", F.MAX_POINTS + 1, lane="topic") == ("topics", "date_start")
    assert F.chart_columns("timeline", F.MAX_POINTS + 1, lane="topic", key_only=True) == F.TIMELINE_COLUMNS
    df = generate_events(F.MAX_POINTS + 50, seed=2)
    small = df[list(F.chart_columns("timeline", len(df), lane="actor"))]
    assert F.timeline_chart(small, lane="actor").to_json() == F.timeline_chart(df, lane="actor").to_json()
    assert F.chart_columns("timeline", 10, lane="actor") == F.TIMELINE_COLUMNS


def test_trends_are_stacked_bars_with_other_in_grey():
    wide = pd.DataFrame(
        {"war": [2, 0], "Other": [1, 2]}, index=pd.DatetimeIndex(["2024-01-01", "2024-02-01"], name="period")
    )
    fig = F.trends_figure(wide, "month", "topic")
    assert [t.type for t in fig.data] == ["bar", "bar"] and fig.layout.barmode == "stack"
    assert [t.name for t in fig.data] == ["war", "Other"]
    assert list(fig.data[1].y) == [1, 2] and fig.data[1].marker.color == "#9e9e9e"
    assert fig.data[0].marker.color != "#9e9e9e"
