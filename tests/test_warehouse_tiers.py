"""One read interface, two tiers: the same questions over the same generated events give the same answers from the
Arrow store (pandas) and the warehouse (DuckDB over Parquet), both through the counts files and through a scan."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from service.synth import generate_events
from store import EventStore
from store.columns import ALL_COLUMNS
from store.query import Filters
from store.source import ArrowSource, open_store
from store.warehouse import Warehouse
from store.warehouse.migrate import migrate


@pytest.fixture(scope="module")
def tiers(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiers")
    events = generate_events(1500, seed=21)
    # a few rows that make the edge cases: no country, no topic, an actor both source and target, a duplicate
    # country in one list, a quote in a name
    events.loc[0, "countries"] = []
    events.at[1, "topics"] = []
    events.at[2, "countries"] = ["UKR", "UKR", "RUS"]
    events.loc[3, "source_actor"] = "O'Brien"
    events.at[3, "actors"] = ["O'Brien"]
    events.at[4, "actors"] = ["Kim Jong Un", "Kim Jong Un"]  # a name twice in one list counts once
    events.at[5, "actors"] = ["Kim Jong Un", "O'Brien", "Kim Jong Un", ""]
    EventStore(root / "arrow").add_events(events)
    report = migrate(root / "arrow", out=root / "warehouse")
    assert report.events == 1500
    return ArrowSource(root / "arrow"), Warehouse(root / "warehouse")


YEAR = Filters(start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31))
FILTERS = {
    "default": Filters(),
    "every mode": Filters(modes=()),
    "a year": YEAR,
    "one country": Filters(countries=("UKR",)),
    "two countries": Filters(countries=("UKR", "RUS")),
    "two countries, a year, every mode": Filters(
        start=dt.date(2023, 3, 1), end=dt.date(2024, 2, 15), countries=("USA", "ISR"), modes=()
    ),
    "two countries, some types": Filters(countries=("UKR", "RUS"), event_types=("ASSAULT", "PROTEST", "AID")),
    "a topic and a type": Filters(topics=("military",), event_types=("ASSAULT", "PROTEST", "COERCE")),
    "an actor": Filters(actors=("O'Brien", "Kim Jong Un")),
    "text": Filters(text="REPORTED from"),
    "salience": Filters(min_salience=0.3, modes=()),
    "confidence and a country": Filters(min_confidence=0.7, countries=("UKR",)),
    "nothing": Filters(start=dt.date(1990, 1, 1), end=dt.date(1990, 2, 1)),
}
BYS = [
    (),
    ("period:day",),
    ("period:month",),
    ("period:week", "event_type"),
    ("period:day", "event_type", "country"),
    ("country",),
    ("period:week", "country"),
    ("topic", "quad_class"),
    ("country", "topic"),
    ("period:day", "topic"),
    ("period:month", "topic"),
    ("topic",),
    ("mode", "origin", "date_precision"),
    ("source_actor", "target_actor", "quad_class"),
    ("period:month", "actor"),
]


@pytest.mark.parametrize("name", list(FILTERS))
def test_counts_agree(tiers, name):
    arrow, wh = tiers
    f = FILTERS[name]
    expected = arrow.count(f)
    assert wh.count(f) == expected
    if name != "nothing":
        assert expected > 0


@pytest.fixture(scope="module")
def recounted(tiers, tmp_path_factory):
    """The warehouse of tiers after `store recount`: its counts in the fullest form (trio, lane and topics rows)."""
    import shutil

    from service.cli import main as cli

    path = tmp_path_factory.mktemp("recounted") / "warehouse"
    shutil.copytree(tiers[1].path, path)
    assert cli(["store", "recount", "--store", str(path)]) == 0
    return Warehouse(path)


@pytest.mark.parametrize("name", list(FILTERS))
@pytest.mark.parametrize("by", BYS, ids=lambda b: "+".join(b) or "total")
def test_aggregates_agree_through_the_counts_files_and_through_a_scan(tiers, recounted, name, by):
    arrow, wh = tiers
    f = FILTERS[name]
    expected = arrow.aggregate(f, by)
    pd.testing.assert_frame_equal(wh.aggregate(f, by, use_counts=False), expected)
    pd.testing.assert_frame_equal(wh.aggregate(f, by), expected)
    pd.testing.assert_frame_equal(recounted.aggregate(f, by), expected)  # written form and recounted form
    lists = any(b in ("country", "topic", "actor") for b in by)
    assert int(expected["events"].sum()) >= (arrow.count(f) if not lists else 0)


def test_the_counts_files_answer_what_they_can_and_only_that(tiers):
    _arrow, wh = tiers
    plan = Warehouse.counts_plan
    assert plan(Filters(), [("period", "day"), ("event_type", "event_type"), ("country", "country")]) == (
        "country",
        None,
    )
    assert plan(Filters(countries=("UKR",)), [("event_type", "event_type")]) == ("country", "UKR")
    # two countries: each one's counts less those of both (the pair rows), by country with the trio rows too
    either = ("either", "RUS\x1fUKR")
    assert plan(Filters(countries=("UKR", "RUS")), []) == either
    assert plan(Filters(countries=("UKR", "RUS")), [("period", "day"), ("country", "country")]) == either
    # by type, or of some types: the country rows less the events of both (read from the events: no type in pairs)
    assert plan(Filters(countries=("UKR", "RUS"), event_types=("AID",)), []) == either
    assert plan(Filters(countries=("UKR", "RUS")), [("period", "day"), ("event_type", "event_type")]) == either
    assert plan(Filters(countries=("UKR", "RUS")), [("quad_class", "quad_class")]) == either
    assert plan(Filters(countries=("UKR", "RUS"), event_types=("AID",)), [("country", "country")]) is None
    assert plan(Filters(countries=("UKR", "RUS")), [("event_type", "event_type"), ("country", "country")]) is None
    # one or two countries by topic: the topics rows of each (two: less the events of both, read from the events)
    assert plan(Filters(countries=("UKR",)), [("period", "day"), ("topic", "topic")]) == ("topics:UKR", None)
    assert plan(Filters(countries=("UKR", "RUS")), [("topic", "topic")]) == ("either-topics", "RUS\x1fUKR")
    assert plan(Filters(countries=("UKR",), event_types=("AID",)), [("topic", "topic")]) is None
    assert plan(Filters(countries=("UKR",), topics=("x",)), [("topic", "topic")]) is None
    assert plan(Filters(countries=("UKR",)), [("topic", "topic"), ("event_type", "event_type")]) is None
    assert plan(Filters(countries=("UKR", "RUS", "USA")), [("topic", "topic")]) is None
    assert plan(Filters(countries=("UKR", "RUS", "USA")), []) is None
    # the events of one country under each of their countries: the pair rows (no event type in them)
    assert plan(Filters(countries=("UKR",)), [("period", "week"), ("country", "country")]) == ("pair:UKR", None)
    assert plan(Filters(countries=("UKR",)), [("event_type", "event_type"), ("country", "country")]) is None
    assert plan(Filters(countries=("UKR",), event_types=("AID",)), [("country", "country")]) is None
    assert plan(Filters(topics=("x",)), [("country", "country")]) is None
    assert plan(Filters(text="x"), []) is None and plan(Filters(min_salience=0.2), []) is None
    assert (
        plan(Filters(min_confidence=0.2), []) is None and plan(Filters(min_confidence=0.2), [("period", "day")]) is None
    )
    for only_in_events in ("actor", "source_actor", "target_actor", "date_precision"):
        assert plan(Filters(), [(only_in_events, only_in_events)]) is None


def test_a_two_country_view_reads_the_events_of_both_once(tiers, tmp_path, monkeypatch):
    """The Timeline's lanes, the Map, Trends by type and Balance of one two-country view are each the counts less the
    events of both countries. Written by a write (counts form 5), the events of both are read once for the view.
    After `store recount`, by week, month or no period under each country the trio rows answer for the
    files whose events all pass the view's dates, and only the others (the months its start cuts) are read; by
    event type, quad class or topic the events of both are read once for the view; one country by topic reads
    none. Every answer equals the scan's."""
    import shutil

    from service.cli import main as cli

    arrow, _wh = tiers
    f = Filters(start=dt.date(2022, 6, 1), countries=("UKR", "RUS"), modes=())
    read: list[list[str] | None] = []
    original = Warehouse.events_sql

    def spy(self, f=None, m=None, entries=None, **kwargs):
        read.append(None if entries is None else [e["events"] for e in entries])
        return original(self, f, m, entries, **kwargs)

    monkeypatch.setattr(Warehouse, "events_sql", spy)
    written = Warehouse(_wh.path)  # nothing remembered yet
    in_view = [e["events"] for e in written._entries(written.manifest(), f)]
    bys = [("period:month", "country"), ("country",), ("period:day", "event_type"), ("period:week", "quad_class")]
    for by in bys:
        pd.testing.assert_frame_equal(written.aggregate(f, by), arrow.aggregate(f, by))
    assert len(read) == 1 and sorted(read[0]) == sorted(in_view)
    read.clear()
    shutil.copytree(_wh.path, tmp_path / "recounted")
    assert cli(["store", "recount", "--store", str(tmp_path / "recounted")]) == 0
    wh = Warehouse(tmp_path / "recounted")
    in_view = [e["events"] for e in wh._entries(wh.manifest(), f)]
    for by in [("period:month", "country"), ("country",), ("period:week", "country")]:
        pd.testing.assert_frame_equal(wh.aggregate(f, by), arrow.aggregate(f, by))
    assert len(read) == 1 and read[0] and len(read[0]) < len(in_view) / 4  # the months the start cuts
    read.clear()
    for by in [("period:day", "event_type"), ("period:week", "quad_class"), ("period:day", "topic"), ("topic",)]:
        pd.testing.assert_frame_equal(wh.aggregate(f, by), arrow.aggregate(f, by))
    assert len(read) == 1 and sorted(read[0]) == sorted(in_view)  # Trends by type or topic and Balance: one read
    read.clear()
    one = Filters(countries=("UKR",), modes=())
    for by in [("period:day", "topic"), ("period:month", "topic"), ("topic",)]:
        pd.testing.assert_frame_equal(wh.aggregate(one, by), arrow.aggregate(one, by))
    assert read == [], "one country by topic: its topics rows, no event read"
    undated = Filters(countries=("UKR", "RUS"), modes=("actual", "future"))
    for by in [("period:month", "country"), ("country",)]:
        pd.testing.assert_frame_equal(wh.aggregate(undated, by), arrow.aggregate(undated, by))
    assert read == [[]]  # no file is read: all answered by the trio rows
    read.clear()
    pd.testing.assert_frame_equal(
        wh.aggregate(undated, ("period:day", "country")), arrow.aggregate(undated, ("period:day", "country"))
    )
    assert len(read) == 1 and read[0]  # no trio rows per day: the events of both are read
    monkeypatch.setattr(Warehouse, "events_sql", original)
    for by in [("period:month", "country"), ("country",), ("period:day", "event_type"), ("period:week", "quad_class")]:
        pd.testing.assert_frame_equal(wh.aggregate(f, by, use_counts=False), arrow.aggregate(f, by))


def test_quad_balance_agrees(tiers):
    arrow, wh = tiers
    for period in ("week", "month"):
        expected = arrow.quad_balance(Filters(), period)
        assert len(expected) > 10
        pd.testing.assert_frame_equal(wh.quad_balance(Filters(), period), expected)
        assert expected["balance"].between(-1, 1).all()


@pytest.mark.parametrize("name", ["default", "every mode", "a year", "one country", "an actor", "nothing"])
def test_top_actors_and_edges_agree(tiers, name):
    arrow, wh = tiers
    f = FILTERS[name]
    pd.testing.assert_frame_equal(wh.top_actors(f, 15), arrow.top_actors(f, 15))
    pd.testing.assert_frame_equal(wh.actor_edges(f, 40), arrow.actor_edges(f, 40))


@pytest.mark.parametrize("name", ["default", "every mode", "a year", "nothing"])
def test_the_actors_of_a_view_of_dates_and_modes_come_from_the_counts(tiers, name, monkeypatch):
    """Without other filters the most active actors come from the counts files' actor rows (no event is read), and
    the network reads only the pairs of the busiest actors counted there: the answers are the Arrow store's."""
    arrow, wh = tiers
    f = FILTERS[name]
    assert wh._actor_counts(f)
    for other in ("one country", "a topic and a type", "an actor", "text", "salience"):
        assert not wh._actor_counts(FILTERS[other])
    read = []
    events_sql = Warehouse.events_sql
    monkeypatch.setattr(Warehouse, "events_sql", lambda self, *a, **k: read.append(1) or events_sql(self, *a, **k))
    wh.forget()
    pd.testing.assert_frame_equal(wh.top_actors(f, 15), arrow.top_actors(f, 15))
    assert not read, "top_actors read the events"
    got = wh.network_pairs(f, 12)
    full = arrow.aggregate(f, ("source_actor", "target_actor", "quad_class"))
    from app.figures import network
    from app.source_charts import as_rows

    top = set(network.degrees(network.actor_edges(as_rows(full))).head(12).index) if len(full) else set()
    assert set(got["source_actor"]) | set(got["target_actor"]) <= top
    assert network.network_chart(as_rows(got), 12).to_json() == network.network_chart(as_rows(full), 12).to_json()


def _same_rows(a: pd.DataFrame, b: pd.DataFrame) -> None:
    assert list(a.columns) == list(b.columns) and len(a) == len(b)
    for c in a.columns:
        x, y = a[c].tolist(), b[c].tolist()
        if c == "salience":  # computed on read from the same inputs; 4 decimals, a last-bit difference may round
            assert np.allclose(np.array(x, float), np.array(y, float), atol=1.01e-4), c
            continue
        for u, v in zip(x, y, strict=True):
            if isinstance(u, float) and np.isnan(u):
                assert isinstance(v, float) and np.isnan(v), c
            elif u is pd.NaT or v is pd.NaT:
                assert u is pd.NaT and v is pd.NaT, c
            else:
                assert (list(u) if isinstance(u, (list, np.ndarray)) else u) == (
                    list(v) if isinstance(v, (list, np.ndarray)) else v
                ), (c, u, v)


@pytest.mark.parametrize("name", ["default", "a year", "two countries", "text", "nothing"])
def test_top_rows_agree(tiers, name):
    arrow, wh = tiers
    f = FILTERS[name]
    by_mentions = arrow.top_rows(f, 50, order=("mentions", "date_start"))
    _same_rows(wh.top_rows(f, 50, order=("mentions", "date_start")), by_mentions)
    cols = ["event_id", "summary", "countries", "published", "salience", "latitude"]
    _same_rows(wh.top_rows(f, 30, columns=cols), arrow.top_rows(f, 30, columns=cols))
    for n in (40, 400, 6000):  # newest first (the Events table, a download), from the files that can hold them
        newest = ("date_start", "salience")
        _same_rows(wh.top_rows(f, n, order=newest, columns=cols), arrow.top_rows(f, n, order=newest, columns=cols))


def test_salience_is_the_stored_score(tiers):
    arrow, wh = tiers
    a = arrow.top_rows(Filters(modes=()), 2000, order=("mentions",), columns=["event_id", "salience"])
    b = wh.top_rows(Filters(modes=()), 2000, order=("mentions",), columns=["event_id", "salience"])
    merged = a.merge(b, on="event_id")
    assert len(merged) == 1500
    assert (merged["salience_x"] - merged["salience_y"]).abs().max() <= 1.01e-4


def test_each_files_salience_bound_holds_and_top_rows_read_fewer_files(tiers, monkeypatch):
    _arrow, wh = tiers
    m = wh.manifest()
    newest = wh._newest_ns(m)
    from store.warehouse.sql import recency

    for e in m["files"]:
        top = wh.query(f"SELECT max(salience) AS s FROM {wh.events_sql(None, m, [e])}").column("s")[0].as_py()
        last = pd.Timestamp(e["newest"], tz="UTC").value
        assert top <= e["sal_static"] + e["sal_weight"] * recency(newest, last) + 0.5e-4 + 1e-9  # salience is rounded
    read = []
    original = Warehouse.events_sql

    def spy(self, f=None, m=None, entries=None, **kwargs):
        read.append(len(entries) if entries is not None else -1)
        return original(self, f, m, entries, **kwargs)

    monkeypatch.setattr(Warehouse, "events_sql", spy)
    wh.top_rows(Filters(modes=()), 20, columns=["event_id"])
    assert 0 < read[-2] < len(m["files"])  # the ids came from some files, not all


def test_rows_read_by_their_position_are_the_stored_rows(tiers):
    """top_rows fetches the rows it found by file and row number (events_sql(rows=...)): those positions hold the
    very rows, every column as event() reads it, and positions in several files come back together."""
    _arrow, wh = tiers
    m = wh.manifest()
    assert len(m["files"]) > 1
    located = wh.query(
        f"SELECT event_id, filename, file_row_number FROM {wh.events_sql(None, m, locate=True)} "
        "ORDER BY event_id LIMIT 40"
    ).to_pandas()
    assert located["filename"].nunique() > 1 and located["file_row_number"].notna().all()
    rows = located.groupby("filename")["file_row_number"].apply(list).to_dict()
    got = wh.frame(wh.query(f"SELECT * FROM {wh.events_sql(None, m, rows=rows)}"), list(ALL_COLUMNS))
    assert sorted(got["event_id"]) == sorted(located["event_id"])
    for _, row in got.iterrows():
        _same_rows(got[got["event_id"] == row["event_id"]].reset_index(drop=True), wh.event(row["event_id"]))
    assert wh.query(f"SELECT count(*) AS n FROM {wh.events_sql(None, m, rows={})}").column("n")[0].as_py() == 0


def test_options_agree(tiers):
    arrow, wh = tiers
    a, w = arrow.options(), wh.options()
    for field in ("countries", "actors", "topics", "event_types"):
        pd.testing.assert_series_equal(getattr(w, field), getattr(a, field), check_names=False)
    assert (w.first, w.last, w.total) == (a.first, a.last, a.total) and a.total == 1500
    assert list(a.countries.index[:1]) and a.countries.is_monotonic_decreasing


def test_one_event_and_its_reports_agree(tiers):
    arrow, wh = tiers
    ids = arrow.top_rows(Filters(modes=()), 5, order=("mentions",), columns=["event_id"])["event_id"].tolist()
    for event_id in ids:
        _same_rows(wh.event(event_id), arrow.event(event_id))
    assert wh.event("no-such-event").empty and arrow.event("no-such-event").empty
    expected = arrow.mentions(ids)
    got = wh.mentions(ids)
    assert len(expected) == len(got) >= len(ids)
    _same_rows(
        got.sort_values(["event_id", "sentence"]).reset_index(drop=True),
        expected.sort_values(["event_id", "sentence"]).reset_index(drop=True),
    )


def test_open_store_chooses_the_tier_by_what_is_on_disk(tiers, tmp_path):
    arrow, wh = tiers
    assert open_store(arrow.path).tier == "arrow"
    assert open_store(wh.path).tier == "warehouse"
    assert open_store(tmp_path / "nothing-yet").tier == "arrow"
    assert open_store(wh.path).version() == wh.version() != "empty"


def test_review_states_without_corrections(tiers):
    arrow, wh = tiers
    for review, expected in (("visible", 1500), ("all", 1500), ("uncorrected", 1500), ("hidden", 0), ("corrected", 0)):
        f = Filters(modes=(), review=review)
        assert arrow.count(f) == wh.count(f) == expected
        assert int(wh.aggregate(f, ("event_type",))["events"].sum()) == expected


def test_hidden_events_leave_the_arrow_tiers_views(tmp_path):
    store = EventStore(tmp_path / "s")
    store.add_events(generate_events(50, seed=2))
    event_id = store.events(["event_id"])["event_id"].iloc[0]
    store.corrections.add(store.event_keys(event_id), "hide", event_id=event_id, reason="not an event", who="test")
    src = ArrowSource(tmp_path / "s")
    assert src.count(Filters(modes=())) == 49
    assert src.count(Filters(modes=(), review="hidden")) == 1
    assert src.top_rows(Filters(modes=(), review="hidden"), 5, columns=["event_id"])["event_id"].tolist() == [event_id]


def test_an_unknown_dimension_is_refused(tiers):
    arrow, wh = tiers
    for src in tiers:
        with pytest.raises(ValueError, match="unknown aggregate dimension 'colour'"):
            src.aggregate(Filters(), ("colour",))
        with pytest.raises(ValueError, match="unknown period"):
            src.aggregate(Filters(), ("period:hour",))


def test_extracted_reports_become_events_as_a_new_arrow_event_would(tmp_path):
    from core.schema import EVENT_COLUMNS

    reports = generate_events(3, seed=9)[list(EVENT_COLUMNS)]
    wh = Warehouse.create(tmp_path / "wh")
    summary = wh.add_events(reports)
    assert (summary.added, summary.skipped) == (3, 0)
    assert (wh.add_events(reports).added, wh.add_events(reports).skipped) == (0, 3)  # the same reports again
    for k in range(3):
        one = reports.iloc[[k]]
        store = EventStore(tmp_path / f"arrow{k}")
        store.add_events(one)
        expected = ArrowSource(store).event(one["event_id"].iloc[0])
        got = Warehouse.create(tmp_path / f"wh{k}")
        got.add_events(one)
        _same_rows(got.event(one["event_id"].iloc[0]), expected)
    # rows that carry the store's columns are stored as they come
    full = generate_events(20, seed=10)
    assert wh.add_events(full).added == 20 and wh.count(Filters(modes=())) == 23


def test_newest_rows_come_from_every_file_that_can_hold_them(tmp_path):
    """Two origins write files over the same months: the newest rows of a view lie in several files, and the
    warehouse reads each file whose newest start reaches them (not only the newest file it looked at)."""
    events = generate_events(600, seed=8)
    events["event_id"] = [f"ev-{i:04d}" for i in range(len(events))]
    arrow = EventStore(tmp_path / "arrow")
    wh = Warehouse.create(tmp_path / "wh")
    halves = {"gdelt": events.iloc[::2], "acled": events.iloc[1::2]}
    for origin, part in halves.items():
        arrow.add_events(part, origin=origin)
        wh.add_events(part, origin=origin)
    a = ArrowSource(arrow)
    assert len(wh.manifest()["files"]) > len({e["month"] for e in wh.manifest()["files"]}), "months overlap"
    cols = ["event_id", "date_start"]
    for n in (5, 50, 300):
        want = a.top_rows(Filters(modes=()), n, order=("date_start", "salience"), columns=cols)
        got = wh.top_rows(Filters(modes=()), n, order=("date_start", "salience"), columns=cols)
        _same_rows(got, want)


@pytest.mark.parametrize("form", [None, 2, 4, 5, 6])
def test_a_warehouse_counted_before_the_pairs_is_recounted(tiers, tmp_path, form):
    """Files whose counts lack the country pairs (form None) or the actor rows per date (form 2) are answered by a
    scan where they cannot answer (right, slower) until `store recount` rewrites their counts; then the pair and
    actor rows answer, with the same numbers. Form 4 (trio rows per day, from a version that kept them) and form 5
    have the pair and actor rows, not the trio rows per week of form 6: a two-country view by country reads the
    events of both countries until the recount, which also gives the manifest entries written before it kept them
    their earliest date_end."""
    import json
    import shutil

    from service.cli import main as cli
    from store.warehouse import layout

    arrow, wh = tiers
    old = tmp_path / "old"
    shutil.copytree(wh.path, old)
    manifest = json.loads((old / "warehouse.json").read_text())
    ends = {e["events"]: e.pop("min_end") for e in manifest["files"]}
    for e in manifest["files"]:
        e.pop("pairs", None)
        if form is not None:
            e["pairs"] = form
    (old / "warehouse.json").write_text(json.dumps(manifest))
    one, two = Filters(countries=("UKR",)), Filters(countries=("UKR", "RUS"))
    by = ("period:month", "country")
    before = Warehouse(old)
    scanned = []
    raw = Warehouse._raw_aggregate_sql
    for f in (one, two):
        for dims in (by, ("period:day",), ()):
            scanned.clear()
            before._answers.clear()
            Warehouse._raw_aggregate_sql = lambda self, *a, r=raw: scanned.append(1) or r(self, *a)
            try:
                got = before.aggregate(f, dims)
            finally:
                Warehouse._raw_aggregate_sql = raw
            pd.testing.assert_frame_equal(got, arrow.aggregate(f, dims))
            # one country's own counts are in every form; by country it needs the pairs (form 2), and so do two
            from_counts = form is not None or (f is one and dims != by)
            assert bool(scanned) != from_counts, (f, dims, form)
    assert before._actor_counts(Filters()) == (form in (4, 5, 6))  # the actor rows per date came with form 4
    pd.testing.assert_frame_equal(before.top_actors(Filters(), 10), arrow.top_actors(Filters(), 10))
    assert cli(["store", "recount", "--store", str(old)]) == 0
    after = Warehouse(old)
    assert all(e["pairs"] == layout.RECOUNTED == 8 for e in after.manifest()["files"])
    counts_on_disk = {p.relative_to(old).as_posix() for p in old.glob("counts/**/*.parquet")}
    assert counts_on_disk == {e["counts"] for e in after.manifest()["files"]}, "the replaced counts files are gone"
    assert {e["events"]: e["min_end"] for e in after.manifest()["files"]} == ends
    assert after._actor_counts(Filters())
    pd.testing.assert_frame_equal(after.top_actors(Filters(), 10), arrow.top_actors(Filters(), 10))
    assert after._plan(one, [("period", "month"), ("country", "country")]) == ("pair:UKR", None)
    assert after._plan(two, [("period", "month"), ("country", "country")]) == ("either", "RUS\x1fUKR")
    read = []
    events_sql = Warehouse.events_sql
    Warehouse.events_sql = lambda self, *a, r=events_sql, **k: read.append(a) or r(self, *a, **k)
    try:
        for f in (one, two):
            pd.testing.assert_frame_equal(after.aggregate(f, by), arrow.aggregate(f, by))
            assert after.count(f) == arrow.count(f)
    finally:
        Warehouse.events_sql = events_sql
    assert len(read) == 1 and read[0][2] == []  # the trio rows answer for every file: none of their events is read
    assert cli(["store", "recount", "--store", str(old)]) == 0  # nothing left to do


def test_answers_kept_by_a_warehouse_follow_its_writes(tmp_path):
    """A Warehouse keeps the counts it answered, per version: a write makes it count again."""
    events = generate_events(300, seed=4)
    events["event_id"] = [f"w-{i:03d}" for i in range(len(events))]
    wh = Warehouse.create(tmp_path / "wh")
    wh.add_events(events.iloc[:100])
    f = Filters(modes=())
    assert wh.count(f) == 100 and int(wh.aggregate(f, "event_type")["events"].sum()) == 100
    wh.add_events(events.iloc[100:])
    assert wh.count(f) == 300 and int(wh.aggregate(f, "event_type")["events"].sum()) == 300
    frame = wh.aggregate(f, "event_type")
    frame.loc[0, "events"] = -1  # a caller changing its copy changes nothing kept
    assert int(wh.aggregate(f, "event_type")["events"].min()) > 0


def test_the_most_salient_rows_include_older_reports_that_can_still_win(tmp_path):
    """Many weakly reported recent events and a few widely reported ones from six weeks earlier: the recent
    window gives a first threshold, the older events can still pass it, so the warehouse reads back to them too."""
    events = generate_events(400, seed=12)
    events["event_id"] = [f"s-{i:03d}" for i in range(len(events))]
    newest = pd.Timestamp("2025-06-30 12:00", tz="UTC")
    recent = np.arange(len(events)) >= 40
    events["last_reported"] = np.where(
        recent, newest - pd.to_timedelta(np.arange(len(events)) % 5, unit="D"), newest - pd.Timedelta(days=42)
    )
    events["first_reported"] = events["last_reported"]
    events["mentions"] = np.where(recent, 2, 400)
    events["sources"] = [["A"] if r else [f"S{k}" for k in range(30)] for r in recent]
    arrow = EventStore(tmp_path / "arrow")
    arrow.add_events(events, origin="gdelt")
    wh = Warehouse.create(tmp_path / "wh")
    wh.add_events(events, origin="gdelt")
    cols = ["event_id", "salience", "last_reported"]
    for n in (20, 60, 200):
        want = ArrowSource(arrow).top_rows(Filters(modes=()), n, columns=cols)
        _same_rows(wh.top_rows(Filters(modes=()), n, columns=cols), want)
    assert (want["last_reported"] < newest - pd.Timedelta(days=30)).sum() == 40, "the older events are among them"


def test_a_count_and_the_day_counts_of_a_view_take_one_query(tmp_path, monkeypatch):
    """A page asks for a view's count and then its events per day (the Timeline's axis): from the counts files one
    query answers both, and the answers are those of a fresh warehouse asked the other way round."""
    events = generate_events(400, seed=6)
    Warehouse.create(tmp_path / "wh").add_events(events)
    for f in (Filters(), Filters(countries=("UKR",)), Filters(topics=("military",), modes=())):
        wh, fresh = Warehouse(tmp_path / "wh"), Warehouse(tmp_path / "wh")
        asked = []
        original = Warehouse._query
        monkeypatch.setattr(Warehouse, "_query", lambda self, build, a=asked, q=original: a.append(1) or q(self, build))
        n = wh.count(f)
        days = wh.aggregate(f, "period:day")
        assert len(asked) == 1, "the day counts come with the count"
        assert wh.count(f) == n and len(asked) == 1, "kept"
        wh.forget()
        assert wh.count(f) == n and len(asked) == 2, "forgotten: asked again"
        monkeypatch.undo()
        expected_days = fresh.aggregate(f, "period:day")
        pd.testing.assert_frame_equal(days, expected_days)
        assert n == fresh.count(f) == int(expected_days["events"].sum()) > 0


@pytest.mark.parametrize("name", ["default", "a year", "one country"])
def test_the_network_needs_only_the_pairs_among_its_top_actors(tiers, name):
    """The warehouse hands the network only the pairs among the busiest actors; the figure is the one all pairs give."""
    from app.figures import network
    from app.source_charts import as_rows

    arrow, wh = tiers
    f = FILTERS[name]
    full = arrow.aggregate(f, ("source_actor", "target_actor", "quad_class"))
    got = wh.network_pairs(f, 12)
    assert 0 < len(got) < len(full) // 2
    top = set(network.degrees(network.actor_edges(as_rows(full))).head(12).index)
    assert set(got["source_actor"]) | set(got["target_actor"]) <= top
    assert network.network_chart(as_rows(got), 12).to_json() == network.network_chart(as_rows(full), 12).to_json()


def test_the_sidebar_choices_come_from_a_summary_kept_by_each_commit(tmp_path):
    """Each commit adds its files' counts to the options summary (event types, countries, topics, actors); the
    choices read from it equal those counted from every counts file, a warehouse without one counts them, and
    `store recount` writes one for it."""
    from store.warehouse import layout
    from store.warehouse.writer import WarehouseWriter

    events = generate_events(900, seed=12)
    wh = Warehouse.create(tmp_path / "wh")
    for k in range(3):  # three commits, then a compaction when the writer closes
        wh.add_events(events.iloc[k * 300 : (k + 1) * 300])
    m = wh.manifest()
    assert m.get("options") and (wh.path / m["options"]).exists()
    summaries = sorted(p.name for p in (wh.path / "summary").glob("*.parquet"))
    assert len(summaries) <= 2, "older summaries are swept"
    from_summary = wh.options()
    without = {k: v for k, v in m.items() if k != "options"}
    layout.write_manifest(wh.path, without)
    counted = Warehouse(wh.path).options()
    for name in ("countries", "actors", "topics", "event_types"):
        pd.testing.assert_series_equal(getattr(from_summary, name), getattr(counted, name))
        assert len(getattr(counted, name)) > 0
    assert (from_summary.total, from_summary.first, from_summary.last) == (counted.total, counted.first, counted.last)
    # a commit to a warehouse without a summary leaves it without one; recount writes it
    wh2 = Warehouse(wh.path)
    wh2.add_events(generate_events(50, seed=13).assign(event_id=lambda d: "late-" + d["event_id"]))
    assert not wh2.manifest().get("options")
    with wh2.locked():
        writer = WarehouseWriter(wh2)
        try:
            writer.recount()
        finally:
            writer.close()
    again = Warehouse(wh.path)
    assert again.manifest().get("options")
    assert int(again.options().event_types.sum()) == 950


@pytest.mark.parametrize("name", ["one country", "two countries", "an actor", "text"])
def test_the_actors_of_a_view_read_once_or_again_are_the_same(tiers, name, monkeypatch):
    """The Actors page's questions on a scan read the view once and keep it when it is known to be small
    (Warehouse._kept), else read it again per use: the same answers either way. Known: counted by the counts
    files, or by a scan already asked (a page counts its view first)."""
    import store.warehouse.warehouse as W

    arrow, wh = tiers
    f = FILTERS[name]
    fresh = Warehouse(wh.path)
    scanned = fresh._plan(f, []) is None
    assert fresh._kept(f) == ("NOT MATERIALIZED" if scanned else "MATERIALIZED")
    fresh.count(f)
    assert fresh._kept(f) == "MATERIALIZED"
    kept = (fresh.top_actors(f, 10), fresh.network_pairs(f, 10))
    monkeypatch.setattr(W, "KEEP_ROWS", 0)
    again = Warehouse(wh.path)
    again.count(f)
    assert again._kept(f) == "NOT MATERIALIZED"
    pd.testing.assert_frame_equal(kept[0], arrow.top_actors(f, 10))
    pd.testing.assert_frame_equal(again.top_actors(f, 10), arrow.top_actors(f, 10))
    pd.testing.assert_frame_equal(kept[1], again.network_pairs(f, 10))  # (the Arrow tier hands over every pair)
    assert len(kept[1]) > 0 or name == "nothing"
