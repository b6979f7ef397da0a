"""The dashboard on a warehouse store (AppTest, by the entry dashboard.py): every page draws from the warehouse's
counts and top rows, a country filter gives the same numbers as the same events in an Arrow store, the details of
an event come from the warehouse, and the pages that write (corrections, adding articles) say why they do not."""

from __future__ import annotations

import pytest

from store.query import Filters
from store.source import ArrowSource
from store.warehouse import is_warehouse
from store.warehouse.migrate import migrate
from tests.dashboard_store import (
    ACTORS,
    ADD,
    EVENTS,
    HOSTILE,
    MAP,
    TIMELINE,
    TRENDS,
    chart_specs,
    make_store,
    open_dashboard,
    plotly_values,
)

N = 4500  # more events (of the default view's modes) than the timeline draws one by one


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    root = tmp_path_factory.mktemp("wh-dash")
    make_store(root / "arrow", n=N)
    migrate(root / "arrow", out=root / "warehouse")
    assert is_warehouse(root / "warehouse")
    return root / "arrow", root / "warehouse"


@pytest.fixture
def warehouse_env(stores, monkeypatch):
    monkeypatch.setenv("EVENTS_STORE", str(stores[1]))
    monkeypatch.setenv("DASHBOARD_WARM_EXPORTS", "0")
    return stores


def ok(at):
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


@pytest.mark.parametrize("page", [TIMELINE, MAP, ACTORS, TRENDS])
def test_chart_pages_draw_from_the_warehouse(warehouse_env, page):
    at = ok(open_dashboard(page))
    assert chart_specs(at), "the page draws a chart"
    assert len(at.multiselect(key="f_countries").options) > 20, "the sidebar offers the warehouse's countries"


def test_the_timeline_counts_per_period_and_follows_a_country_filter(warehouse_env):
    arrow = ArrowSource(warehouse_env[0])
    at = ok(open_dashboard(TIMELINE))
    heat = chart_specs(at)[0]["data"][0]
    assert heat["type"] == "heatmap"
    in_view = arrow.count(Filters())
    assert in_view > 3000
    assert f"{in_view:,} events by country" in chart_specs(at)[0]["layout"]["title"]["text"]
    at.multiselect(key="f_countries").select("FRA").run()
    ok(at)
    fra = arrow.count(Filters(countries=("FRA",)))
    assert 0 < fra < in_view
    assert f"{fra:,} events" in chart_specs(at)[0]["layout"]["title"]["text"]
    assert "FRA" in at.query_params.get("country", "")


def test_the_map_counts_equal_the_arrow_stores(warehouse_env):
    at = ok(open_dashboard(MAP))
    trace = chart_specs(at)[0]["data"][0]
    got = dict(zip(trace["locations"], plotly_values(trace["z"]), strict=True))
    expected = ArrowSource(warehouse_env[0]).aggregate(Filters(), ("country",))
    expected = {c: n for c, n in zip(expected["country"], expected["events"], strict=True) if c}
    assert got == expected


def test_events_table_and_details_come_from_the_warehouse(warehouse_env):
    at = ok(open_dashboard(EVENTS))
    table = at.dataframe[0].value
    arrow = ArrowSource(warehouse_env[0])
    in_view = arrow.top_rows(Filters(), 10_000, order=("date_start", "salience"), columns=["event_id", "date"])
    assert set(table["event id"]) == set(in_view["event_id"]) and len(table) == len(in_view)
    assert list(table["date"][:5]) == list(in_view["date"][:5]), "newest first"
    at = ok(open_dashboard(TIMELINE, {"event": "hostile-event-1"}))
    heading = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert heading == [
        "#### \\<script\\>alert\\(1\\)\\</script\\> and \\<img src\\=x onerror\\=alert\\(1\\)\\> met in Paris"
    ]
    assert all(HOSTILE not in m.value for m in at.markdown), "article text is escaped, never raw"
    assert "cannot be corrected yet" in " ".join(c.value for c in at.caption)


def test_the_briefing_and_the_event_chooser_share_one_narrow_ask(warehouse_env, monkeypatch):
    """On a warehouse the Timeline asks for its most salient rows once, for the briefing's columns only (which hold
    the chooser's labels): the long text columns are most of what fetching a row costs."""
    import streamlit as st

    from app import briefing, data, event_details
    from store.warehouse import Warehouse

    assert set(event_details.LABEL_COLUMNS) <= set(data.SHARED_COLUMNS) == set(briefing.COLUMNS)
    asked = []
    original = Warehouse.top_rows

    def spy(self, filters, n=200, order=("salience", "mentions"), columns=None):
        asked.append((n, tuple(order), None if columns is None else tuple(columns)))
        return original(self, filters, n, order, columns)

    monkeypatch.setattr(Warehouse, "top_rows", spy)
    st.cache_data.clear()
    at = ok(open_dashboard(TIMELINE, {"country": "FRA"}))
    few = [a for a in asked if a[0] <= data.SHARED_TOP]  # (the chart of a small view asks for its key events too)
    assert few == [(data.SHARED_TOP, briefing.ORDER, tuple(data.SHARED_COLUMNS))]
    assert any("Briefing" in m.value for m in at.markdown)
    assert len(at.selectbox(key=event_details.KEY).options) > 1  # the chooser offers the view's events


def test_adding_articles_points_to_the_import_command(warehouse_env):
    at = ok(open_dashboard(ADD))
    info = " ".join(i.value for i in at.info)
    assert "warehouse" in info and "python -m extract import" in info
    assert not at.get("file_uploader")


def test_an_export_from_a_warehouse_view_says_what_it_holds(warehouse_env, monkeypatch):
    monkeypatch.setattr("app.data.WAREHOUSE_EXPORT_ROWS", 1000)
    at = ok(open_dashboard(EVENTS))
    assert any("newest 1,000 of the" in c.value for c in at.caption)


def test_a_fresh_server_asks_the_landing_pages_questions_before_the_first_visit(stores, tmp_path, monkeypatch):
    """app.serve.start_warm (started by `python -m app.serve`): after it, the Timeline with the sidebar's defaults asks the
    warehouse nothing new, so the first visitor is answered from what the server asked ahead. An Arrow store is
    left alone."""
    from app import data, serve

    path = tmp_path / "warehouse"
    migrate(stores[0], out=path)  # a warehouse no earlier test has asked anything
    monkeypatch.setenv("EVENTS_STORE", str(path))
    monkeypatch.setenv("DASHBOARD_WARM_EXPORTS", "0")
    thread = serve.start_warm()
    thread.join(120)
    assert not thread.is_alive()
    src = data.source(str(path))
    asked = set(src._answers)
    assert {key[1] for key in asked} >= {"count", "days", "aggregate", "options", "top"}
    at = ok(open_dashboard(TIMELINE))
    assert chart_specs(at) and at.markdown, "the page drew its chart and briefing"
    assert set(src._answers) == asked, "the first page asked nothing the server had not asked ahead"
    monkeypatch.setenv("EVENTS_STORE", str(stores[0]))
    assert serve.start_warm() is None
