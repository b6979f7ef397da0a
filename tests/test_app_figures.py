"""The chart registry (app.figures.CHARTS) and what every chart shares: each registered chart builds on any
view, reads only the columns it declares, and offers widgets whose values its builder takes."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from app import urlstate
from app.figures import CHARTS, WIDGETS, Chart, Widget, lanes, style, timeline
from app.labels import NONE_LABEL
from service.synth import generate_events


def widget_values(w: Widget) -> list:
    """The values a widget offers: every choice, both sides of a toggle, a slider's ends and default."""
    if w.kind in ("select", "radio"):
        return list(w.choices)
    if w.kind == "toggle":
        return [False, True]
    low, high, default, _step = w.slider
    return [low, default, high]


def option_sets(chart: Chart) -> list[dict]:
    """The chart's options at their defaults, then each widget's every value with the others at default."""
    defaults = {w.option: w.default for w in chart.widgets}
    sets = [defaults] + [{**defaults, w.option: v} for w in chart.widgets for v in widget_values(w)]
    return [dict(t) for t in dict.fromkeys(tuple(sorted(s.items())) for s in sets)]


@pytest.mark.parametrize("kind", list(CHARTS))
def test_every_chart_builds_on_an_empty_table(kind):
    fig = CHARTS[kind].build(generate_events(3, seed=1).head(0))
    assert isinstance(fig, go.Figure)


@pytest.mark.parametrize("kind", list(CHARTS))
def test_each_chart_needs_only_its_declared_columns(dashboard_events, kind):
    """For every value its widgets offer, the chart drawn from only the columns it declares is the chart
    drawn from the whole table (so the dashboard may load no more than those columns)."""
    chart = CHARTS[kind]
    events = dashboard_events.tail(150)  # includes the hostile event
    for opts in option_sets(chart):
        cols = chart.reads(len(events), **opts)
        assert set(cols) <= set(chart.columns), (kind, opts)
        assert chart.build(events[list(cols)], **opts).to_json() == chart.build(events, **opts).to_json(), (kind, opts)


def test_a_big_timeline_needs_only_the_lane_and_the_dates():
    chart = CHARTS["timeline"]
    assert chart.reads(timeline.MAX_POINTS + 1, lane="topic") == ("topics", "date_start", "date_end")
    assert chart.reads(timeline.MAX_POINTS + 1, lane="topic", key_only=True) == timeline.COLUMNS
    assert chart.reads(10, lane="actor") == timeline.COLUMNS
    df = generate_events(timeline.MAX_POINTS + 50, seed=2)
    small = df[list(chart.reads(len(df), lane="actor"))]
    assert chart.build(small, lane="actor").to_json() == chart.build(df, lane="actor").to_json()


def test_key_events_need_only_the_most_salient_rows(dashboard_events):
    """With the Key events switch the registry asks for the top rows only, and the chart drawn from them is
    the chart drawn from every event."""
    chart = CHARTS["timeline"]
    assert chart.rows(key_only=False) is None
    n, by = chart.rows(key_only=True)
    assert (n, by) == (timeline.KEY_EVENTS, timeline.KEY_ORDER)
    top = dashboard_events.nlargest(n, list(by), keep="first")
    assert chart.build(top, key_only=True).to_json() == chart.build(dashboard_events, key_only=True).to_json()
    assert all(CHARTS[k].rows() is None for k in CHARTS if k != "timeline")


def test_widgets_are_declared_once_and_start_at_their_default():
    keys = [w.key for c in CHARTS.values() for w in c.widgets]
    assert set(keys) == set(WIDGETS)
    shared = {k for k in keys if keys.count(k) > 1}
    # the Trends page's period serves its two charts; Show all dates serves every chart with a time axis
    assert shared == {"tr_period", "all_dates"}
    assert {k for k, c in CHARTS.items() if WIDGETS["all_dates"] in c.widgets} == {"timeline", "trends", "balance"}
    for w in WIDGETS.values():
        assert w.kind in ("select", "radio", "toggle", "slider"), w
        if w.kind in ("select", "radio"):
            assert w.default == next(iter(w.choices)) and len(w.choices) >= 2
        if w.kind == "slider":
            low, high, default, step = w.slider
            assert low <= default <= high and (default - low) % step == 0
    with pytest.raises(ValueError, match="unknown kind"):
        _ = Widget("x", "k", "X", "dial").default


def test_widgets_with_a_url_are_mirrored_in_the_link():
    """A registered widget with a url is a URL parameter with the widget's choices and default; a value not
    among the choices is refused (so a link cannot put a value the widget lacks into its state)."""
    by_key = {p.key: p for p in urlstate.PARAMS}
    for w in WIDGETS.values():
        if w.url is None:
            assert w.key not in by_key
            continue
        p = by_key[w.key]
        assert (p.url, p.default) == (w.url, w.default)
        if w.kind != "toggle":
            assert set(p.choices) == set(w.choices)
            state, problems = urlstate.state_from_params({w.url: ["not-a-choice"]})
            assert state == {} and len(problems) == 1


def test_named_categories_differ_in_colour_and_symbol_and_the_rest_are_grey():
    named = [style.style(i) for i in range(style.NAMED)]
    assert len({s["colour"] for s in named}) == len({s["symbol"] for s in named}) == style.NAMED == 7
    assert {s["colour"] for s in named} <= set(style.PALETTE), "Okabe & Ito's colour-blind-safe colours"
    assert all(style.style(i)["colour"] == style.OTHER_COLOUR for i in (7, 8, 20))
    assert style.OTHER_COLOUR not in {s["colour"] for s in named}
    # the quad classes: four colours, cooperation blue and conflict orange, the shape telling words from deeds
    assert len(set(style.QUAD_COLOURS.values())) == 4
    assert style.QUAD_SYMBOLS["verbal_conflict"] != style.QUAD_SYMBOLS["material_conflict"]


def test_message_figure_says_its_text_escaped():
    fig = style.message_figure("No <b>events</b>", "Title")
    assert fig.layout.annotations[0].text == "No &lt;b&gt;events&lt;/b&gt;"
    assert fig.layout.title.text == "Title" and fig.layout.height == 300


def test_lanes_beyond_the_limit_are_merged():
    df = generate_events(300, seed=2)
    rows = lanes.lane_rows(df, "actor", limit=5)
    assert rows["lane"].nunique() == 5
    assert rows["lane"].str.startswith("Other (").any()


def test_topic_lanes_use_the_taxonomy_names():
    import pandas as pd

    df = pd.DataFrame(
        {"topics": [["economy_trade"], ["economy_trade", "cyber"], []], "event_type": ["AGREE", "COERCE", "AID"]}
    )
    _positions, _codes, names = lanes.lane_codes(df, "topic")
    assert names == ["Economy and trade", "Cyber", NONE_LABEL]
    assert list(timeline.colour_values(df, "topic")) == ["Economy and trade", "Economy and trade", NONE_LABEL]
