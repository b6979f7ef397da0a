"""The dashboard's charts drawn from a warehouse (app/source_charts.py: counts and top rows, never every row) are the
charts drawn from the same events loaded whole (app/figures over the Arrow store's rows): the same numbers in every
trace, for every registered chart, its options, and filters that the counts files answer or that need a scan."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from app import source_charts
from app.figures import CHARTS
from app.figures.framing import frame_events
from service.synth import generate_events
from store import EventStore
from store.query import Filters, filter_positions
from store.source import ArrowSource
from store.warehouse import Warehouse
from store.warehouse.migrate import migrate


@pytest.fixture(scope="module")
def tiers(tmp_path_factory):
    root = tmp_path_factory.mktemp("charts")
    events = generate_events(4000, seed=5)  # more than the timeline draws one by one (3,000)
    events.at[0, "countries"] = []
    events.at[1, "topics"] = []
    EventStore(root / "arrow").add_events(events)
    migrate(root / "arrow", out=root / "warehouse")
    return ArrowSource(root / "arrow"), Warehouse(root / "warehouse")


FILTERS = {
    "all": Filters(),
    "a year": Filters(start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31)),
    "one country": Filters(countries=("UKR",)),
    "two countries": Filters(countries=("USA", "ISR")),
    "types": Filters(event_types=("ASSAULT", "CONSULT", "AGREE", "PROTEST")),
}
OPTIONS = {
    "timeline": [
        {"lane": "country"},
        {"lane": "actor", "colour": "event_type"},
        {"lane": "topic", "full_span": True},
        {"lane": "event_type"},
        {"key_only": True},
    ],
    "map": [{"shapes": True}, {"shapes": False}],
    "network": [{"top_nodes": 20}],
    "top_actors": [{"top": 20}],
    "trends": [{"period": "month", "by": "topic"}, {"period": "week", "by": "event_type", "full_span": True}],
    "balance": [{"period": "month"}, {"period": "week"}],
}


def from_rows(arrow: ArrowSource, kind: str, f: Filters, **opts):
    """The chart as the Arrow tier draws it: the registered builder over the filtered rows it reads."""
    spec = CHARTS[kind]
    if kind == "timeline" and opts.get("key_only"):
        # the key events are the store's top rows; ties at the last place go by event id in the read interface
        # (and by row order in the Arrow page's own path), so both tiers are compared through it
        from app.figures.timeline import COLUMNS, KEY_EVENTS, KEY_ORDER

        return spec.build(arrow.top_rows(f, KEY_EVENTS, KEY_ORDER, COLUMNS), **opts)
    df = arrow.store.events()
    df = df.iloc[filter_positions(df, f)].reset_index(drop=True)
    return spec.build(df[list(spec.reads(len(df), **opts))], **opts)


def plain(values) -> list[str]:
    return [] if values is None else [str(v) for v in np.asarray(values, dtype=object).ravel()]


def numbers(fig) -> list:
    """What a reader sees in a figure: per trace its type, name and data (a heatmap's grid in order; the points of
    a scatter, bar or map trace as a set, since the order rows come in is not drawn), the title, notes and range."""
    traces = []
    for t in fig.data:
        fields = [plain(getattr(t, k, None)) for k in ("x", "y", "z", "locations", "base")]
        if t.type == "heatmap":
            traces.append((t.type, t.name, fields))
        else:
            traces.append((t.type, t.name, sorted(zip(*[f for f in fields if f], strict=True))))
    layout = fig.layout
    notes = [a.text for a in layout.annotations]
    return [traces, layout.title.text, notes, plain(layout.xaxis.range)]


def test_every_registered_chart_has_a_source_builder():
    assert set(source_charts.SOURCE_CHARTS) == set(CHARTS)


@pytest.mark.parametrize("name", list(FILTERS))
@pytest.mark.parametrize(("kind", "opts"), [(k, o) for k, opts in OPTIONS.items() for o in opts], ids=lambda x: str(x))
def test_a_chart_from_the_warehouse_is_the_chart_from_every_row(tiers, kind, opts, name):
    arrow, wh = tiers
    f = FILTERS[name]
    expected = from_rows(arrow, kind, f, **opts)
    got = source_charts.SOURCE_CHARTS[kind](wh, f, **opts)
    assert numbers(got) == numbers(expected)
    assert numbers(expected)[0], "the chart draws something"


def test_the_counts_timeline_is_drawn_from_counts(tiers):
    """4,000 events are too many to draw one by one: the warehouse's timeline is the heatmap of counts, and its
    cells add up to the events in view (an event once per lane)."""
    arrow, wh = tiers
    fig = source_charts.timeline_chart(wh, Filters(), lane="event_type", full_span=True)
    (heat,) = fig.data
    assert heat.type == "heatmap"
    assert int(np.nansum(np.asarray(heat.z, dtype=float))) == arrow.count(Filters()) > 3000


def test_a_weighted_frame_is_the_frame_of_the_repeated_dates():
    rng = np.random.default_rng(3)
    days = np.sort(rng.choice(np.arange("2020-01-01", "2024-12-31", dtype="datetime64[D]"), 300, replace=False))
    weights = rng.integers(1, 40, len(days))
    weights[:3] = 1  # a thin early tail, cut off by the percentiles
    for full in (False, True):
        expected = frame_events(np.repeat(days, weights).astype("datetime64[ns]"), full=full)
        assert frame_events(days.astype("datetime64[ns]"), weights=weights, full=full) == expected


AHEAD_CASES = [(k, o) for k, opts in OPTIONS.items() if k in source_charts.AHEAD for o in opts]


@pytest.mark.parametrize("name", list(FILTERS))
@pytest.mark.parametrize(("kind", "opts"), AHEAD_CASES, ids=lambda x: str(x))
def test_what_a_page_starts_ahead_is_what_its_chart_then_asks(tiers, kind, opts, name):
    """source_charts.ahead starts the aggregate the chart will ask (else the page pays for a question twice): the
    prefetched grouping is among the chart's own asks, unless the chart draws no counts at all (key events, or a
    timeline small enough to draw event by event)."""
    _, wh = tiers
    f = FILTERS[name]
    started, asked = [], []
    spy = Warehouse(wh.path)
    spy.prefetch = lambda f_, by: started.append((f_, tuple(by)))
    spy.aggregate = lambda f_, by, **k: asked.append((f_, tuple(by))) or Warehouse.aggregate(spy, f_, by, **k)
    source_charts.ahead(spy, f, kind, **opts)
    source_charts.SOURCE_CHARTS[kind](spy, f, **opts)
    counted = [a for a in asked if a[1] != ("period:day",)]  # the day counts frame the axis; the view asks them
    if not counted:
        assert kind == "timeline" and (opts.get("key_only") or wh.count(f) <= 3000)
        assert not (opts.get("key_only") and started), "nothing is started for the key events"
        return
    assert len(started) == 1
    assert started[0] in counted


def test_trends_of_events_without_topics_are_the_same_from_both_tiers(tmp_path):
    """Imported rows carry no topics: split by topic, both tiers draw them by event type, with the same note."""
    events = generate_events(600, seed=8)
    events["topics"] = [[] for _ in range(len(events))]
    EventStore(tmp_path / "arrow").add_events(events)
    migrate(tmp_path / "arrow", out=tmp_path / "warehouse")
    arrow, wh = ArrowSource(tmp_path / "arrow"), Warehouse(tmp_path / "warehouse")
    for f in (Filters(), Filters(countries=("UKR",))):
        got = source_charts.trends_chart(wh, f, period="month", by="topic")
        assert numbers(got) == numbers(from_rows(arrow, "trends", f, period="month", by="topic"))
        assert got.layout.title.text == "Events per month by event type"
        assert "has a topic" in got.layout.title.subtitle.text
