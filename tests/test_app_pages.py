"""Every dashboard page driven through Streamlit's AppTest, by the entry (dashboard.py) on a real store."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.dashboard_store import (
    ACTORS,
    ADD,
    EVENTS,
    HOSTILE,
    MAP,
    TIMELINE,
    TRENDS,
    chart_specs,
    drawn_ids,
    open_dashboard,
    plotly_values,
)

PAGES = [MAP, ACTORS, TRENDS, EVENTS, ADD]
TITLES = {TIMELINE: "Timeline", MAP: "Map", ACTORS: "Actors", TRENDS: "Trends", EVENTS: "Events", ADD: "Add articles"}


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_exception(store_env, page):
    at = open_dashboard(page)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value == TITLES[page]
    assert at.multiselect(key="f_countries").value == [], "the shared sidebar is drawn around every page"
    if page == EVENTS:
        assert len(at.dataframe[0].value) > 0
    elif page != ADD:
        assert chart_specs(at), "the page draws a chart"


@pytest.mark.parametrize("page", PAGES[:4])
def test_empty_filter_result_says_how_to_widen(store_env, page):
    at = open_dashboard(page, {"q": "no event says zzqxj"})
    assert not at.exception
    assert not chart_specs(at) and not at.dataframe
    assert "No events match" in " ".join(i.value for i in at.info)


@pytest.mark.parametrize("page", PAGES[:4])
def test_empty_store_says_how_to_add_articles(empty_store_env, page):
    at = open_dashboard(page)
    assert not at.exception
    assert "Add articles" in " ".join(i.value for i in at.info)


def actual(events):
    return events[events["mode"] == "actual"]


def map_counts(at) -> dict[str, int]:
    trace = chart_specs(at)[0]["data"][0]
    if trace["type"] == "choropleth":
        return dict(zip(plotly_values(trace["locations"]), plotly_values(trace["z"]), strict=True))
    return dict(zip(plotly_values(trace["customdata"]), plotly_values(trace["x"]), strict=True))


def test_map_counts_events_per_country(store_env):
    counts = map_counts(open_dashboard(MAP))
    events = actual(store_env.events())
    assert counts["FRA"] == sum("FRA" in cs for cs in events["countries"])
    assert counts["DEU"] == sum("DEU" in cs for cs in events["countries"])


def test_map_country_pick_filters_every_view(store_env):
    at = open_dashboard(MAP)
    at.selectbox(key="map_pick").set_value("FRA")
    at.button(key="map_apply").click().run()
    assert not at.exception
    assert at.multiselect(key="f_countries").value == ["FRA"]
    counts = map_counts(at)
    events = actual(store_env.events())
    french = events[events["countries"].map(lambda cs: "FRA" in cs)]
    assert counts["FRA"] == len(french)
    assert max(counts.values()) == counts["FRA"], "only France's events are counted"
    assert at.query_params["country"] == "FRA"
    at.switch_page(EVENTS).run()
    table = at.dataframe[0].value
    assert len(table) == len(french)
    assert table["countries"].str.contains("France").all()
    at.switch_page(MAP).run()
    at.button(key="map_clear").click().run()
    assert at.multiselect(key="f_countries").value == []
    assert "country" not in at.query_params


def test_filters_survive_every_page_switch(store_env):
    """The sidebar is drawn by the entry around every page, so a filter set on one page holds on all of them
    (and stays in the link) without any carrying over of widget state."""
    at = open_dashboard(TIMELINE)
    at.multiselect(key="f_countries").select("DEU").run()
    at.text_input(key="f_text").input("Scholz").run()
    events = actual(store_env.events())
    wanted = events[
        events["countries"].map(lambda cs: "DEU" in cs)
        & events[["summary", "sentence", "title"]].apply(lambda r: "scholz" in " ".join(r).lower(), axis=1)
    ]
    assert 0 < len(wanted) < len(events)
    for page in [MAP, ACTORS, TRENDS, EVENTS, ADD, TIMELINE, EVENTS]:
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
        assert at.title[0].value == TITLES[page]
        assert at.multiselect(key="f_countries").value == ["DEU"], page
        assert at.text_input(key="f_text").value == "Scholz", page
        assert at.query_params["country"] == "DEU" and at.query_params["q"] == "Scholz", page
    assert set(at.dataframe[0].value["event id"]) == set(wanted["event_id"])
    at.switch_page(TIMELINE).run()
    assert drawn_ids(chart_specs(at)[0]) == set(wanted["event_id"])


def test_minimum_confidence_narrows_every_page_and_the_link(store_env):
    """The sidebar's Minimum confidence keeps the events at least that likely to be real happenings."""
    events = actual(store_env.events())
    wanted = events[events["confidence"] >= 0.8]
    assert 0 < len(wanted) < len(events)
    at = open_dashboard(EVENTS)
    assert len(at.dataframe[0].value) == len(events)
    at.slider(key="f_confidence").set_value(0.8).run()
    assert not at.exception
    assert set(at.dataframe[0].value["event id"]) == set(wanted["event_id"])
    assert at.query_params["min_confidence"] == "0.8"
    at.switch_page(TIMELINE).run()
    assert drawn_ids(chart_specs(at)[0]) == set(wanted["event_id"])
    at.slider(key="f_confidence").set_value(1.0).run()
    assert "minimum confidence 1\\.00" in " ".join(i.value for i in at.info)


def test_events_table_shows_text_as_written_and_drops_unsafe_links(store_env):
    at = open_dashboard(EVENTS, {"country": "FRA"})
    table = at.dataframe[0].value
    hostile = table[table["summary"] == HOSTILE]
    assert len(hostile) == 1, "the table shows the text exactly as written (a table cell is never HTML)"
    assert hostile["link"].isna().all(), "javascript: links are not offered"
    assert table["link"].notna().sum() >= 1


def test_trends_split_and_period_follow_the_widgets(store_env):
    at = open_dashboard(TRENDS, {"period": "week", "by": "event_type"})
    assert at.radio(key="tr_period").value == "week"
    trend, balance = chart_specs(at)
    names = {t["name"] for t in trend["data"]}
    assert "Assault" in names or "Consult" in names
    assert "events per week" in trend["layout"]["title"]["text"].lower()
    assert "per week" in balance["layout"]["title"]["text"], "the balance counts per the same period"
    at.radio(key="tr_period").set_value("month").run()
    assert "events per month" in chart_specs(at)[0]["layout"]["title"]["text"].lower()
    assert "period" not in at.query_params and at.query_params["by"] == "event_type"


def test_actor_network_draws_named_actors(store_env):
    at = open_dashboard(ACTORS, {"country": "FRA"})
    net = chart_specs(at)[0]
    labels = [t for trace in net["data"] for t in (trace.get("text") or []) if "→" not in t]
    assert "France" in labels
    assert len(labels) <= at.slider(key="ac_nodes").value == 20
    at.slider(key="ac_nodes").set_value(5).run()
    labels = [t for trace in chart_specs(at)[0]["data"] for t in (trace.get("text") or []) if "→" not in t]
    assert 0 < len(labels) <= 5


def test_add_articles_asks_for_input_when_nothing_given(store_env):
    at = open_dashboard(ADD)
    at.button[0].click().run()  # the first form's submit button
    assert not at.exception
    assert "Nothing to add" in " ".join(w.value for w in at.warning)


def test_add_articles_reports_a_malformed_import(store_env):
    before = len(store_env.events())
    at = open_dashboard(ADD)
    at.file_uploader(key="imp_file").upload("events.csv", b"this is not\ta GDELT export\n\x00\xff", "text/csv")
    at.button[1].click().run()  # the import form's submit button
    assert not at.exception
    said = " ".join(m.value for m in [*at.error, *at.info, *at.success, *at.warning])
    assert "events.csv" in said or "rejected" in said, said
    assert len(store_env.events()) == before


ARTICLE = (
    "Leaders meet in Paris\n\nPARIS, 3 June 2024 - French President Emmanuel Macron met German Chancellor "
    "Olaf Scholz in Paris on Monday to discuss military aid to Ukraine. Russia accused France of escalating "
    "the war."
)


def test_add_articles_from_pasted_text(store_env):
    """The article holds two events: Macron met Scholz (a meeting that happened) and Russia's accusation (a
    statement). Both are added, listed, kept in the store, and the meeting is ringed on the Timeline."""
    before = store_env.events()
    at = open_dashboard(ADD)
    at.text_area(key="add_text").input(ARTICLE)
    at.date_input(key="add_published").set_value(dt.date(2024, 6, 3))
    at.button[0].click().run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    assert [s.value for s in at.success] == ["added 2, merged 0, skipped 0, rejected 0"]
    after = store_env.events()
    assert len(after) == len(before) + 2
    new = after[~after["event_id"].isin(before["event_id"])].sort_values("event_type")
    assert new[["event_type", "mode", "source_actor", "target_actor", "date"]].values.tolist() == [
        ["ACCUSE", "statement", "Russia", "France", "2024-06-03"],
        ["CONSULT", "actual", "Emmanuel Macron", "Olaf Scholz", "2024-06-03"],
    ]
    listed = at.dataframe[-1].value
    assert set(listed["event id"]) == set(new["event_id"]), "the page lists exactly the new events"
    assert sorted(listed["type"]) == ["Accuse", "Consult"]
    assert set(at.session_state["new_event_ids"]) == set(new["event_id"])
    at.switch_page(TIMELINE).run()
    ring = [t for t in chart_specs(at)[0]["data"] if t.get("name") == "Just added"]
    meeting = new[new["mode"] == "actual"]  # the Timeline shows actual events by default, not the statement
    lanes = set(meeting["countries"].iloc[0])
    assert {"FRA", "DEU"} <= lanes
    assert len(ring) == 1 and len(plotly_values(ring[0]["x"])) == len(lanes), "the meeting is ringed in each lane"
