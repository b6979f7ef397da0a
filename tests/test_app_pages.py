"""Every dashboard page driven through Streamlit's AppTest on a real store in tmp_path."""

from __future__ import annotations

import base64
import json
import pathlib

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from app.preload import CHART_CODE_KEY
from tests.dashboard_store import HOSTILE, make_store

ROOT = pathlib.Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard.py")
PAGES = ["pages/map.py", "pages/actors.py", "pages/trends.py", "pages/events.py", "pages/add_articles.py"]


@pytest.fixture
def store_env(tmp_path, monkeypatch):
    store = make_store(tmp_path / "store")
    monkeypatch.setenv("EVENTS_STORE", str(tmp_path / "store"))
    monkeypatch.setenv("DASHBOARD_WARM_EXPORTS", "0")
    return store


def open_page(page: str, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    return at.switch_page(page).run()


def specs(at: AppTest) -> list[dict]:
    """The specs of the charts a page draws (not the hidden blank chart that starts loading plotly.js)."""
    specs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    return [s for s in specs if s.get("layout", {}).get("meta") != CHART_CODE_KEY]


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_exception(store_env, page):
    at = open_page(page)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value
    if page == "pages/events.py":
        assert len(at.dataframe[0].value) > 0
    elif page != "pages/add_articles.py":
        assert specs(at), "the page draws a chart"


@pytest.mark.parametrize("page", PAGES[:4])
def test_empty_filter_result_says_how_to_widen(store_env, page):
    at = open_page(page, {"q": "no event says zzqxj"})
    assert not at.exception
    assert not specs(at) and not at.dataframe
    assert "No events match" in " ".join(i.value for i in at.info)


@pytest.mark.parametrize("page", PAGES[:4])
def test_empty_store_says_how_to_add_articles(tmp_path, monkeypatch, page):
    monkeypatch.setenv("EVENTS_STORE", str(tmp_path / "none"))
    monkeypatch.setenv("DASHBOARD_WARM_EXPORTS", "0")
    at = open_page(page)
    assert not at.exception
    assert "Add articles" in " ".join(i.value for i in at.info)


def values(x) -> list:
    """A plotly array from a figure's JSON: plain lists, or typed arrays sent as base64 ("bdata")."""
    if isinstance(x, dict) and "bdata" in x:
        return np.frombuffer(base64.b64decode(x["bdata"]), dtype=np.dtype(x["dtype"])).tolist()
    return list(x)


def map_counts(at: AppTest) -> dict[str, int]:
    trace = specs(at)[0]["data"][0]
    if trace["type"] == "choropleth":
        return dict(zip(values(trace["locations"]), values(trace["z"]), strict=True))
    return dict(zip(values(trace["customdata"]), values(trace["x"]), strict=True))


def test_map_counts_events_per_country(store_env):
    at = open_page("pages/map.py")
    counts = map_counts(at)
    events = store_env.events()
    actual = events[events["mode"] == "actual"]
    assert counts["FRA"] == sum("FRA" in cs for cs in actual["countries"])


def test_map_country_pick_filters_every_view(store_env):
    at = open_page("pages/map.py")
    at.selectbox(key="map_pick").set_value("FRA")
    at.button(key="map_apply").click().run()
    assert not at.exception
    assert at.multiselect(key="f_countries").value == ["FRA"]
    counts = map_counts(at)
    events = store_env.events()
    french = events[(events["mode"] == "actual") & events["countries"].map(lambda cs: "FRA" in cs)]
    assert counts["FRA"] == len(french)
    assert max(counts.values()) == counts["FRA"], "only France's events are counted"
    assert at.query_params["country"] == "FRA"
    at.switch_page("pages/events.py").run()
    table = at.dataframe[0].value
    assert len(table) == len(french)
    assert table["countries"].str.contains("France").all()


def test_events_table_escapes_nothing_and_drops_unsafe_links(store_env):
    at = open_page("pages/events.py", {"country": "FRA"})
    table = at.dataframe[0].value
    hostile = table[table["summary"] == HOSTILE]
    assert len(hostile) == 1, "the table shows the text exactly as written (a table cell is never HTML)"
    assert hostile["link"].isna().all(), "javascript: links are not offered"
    assert table["link"].notna().sum() >= 1


def test_trends_split_and_period_follow_the_widgets(store_env):
    at = open_page("pages/trends.py", {"period": "week", "by": "event_type"})
    assert at.radio(key="tr_period").value == "week"
    names = {t["name"] for t in specs(at)[0]["data"]}
    assert "Assault" in names or "Consult" in names
    assert "events per week" in specs(at)[0]["layout"]["title"]["text"].lower()


def test_actor_network_draws_named_actors(store_env):
    at = open_page("pages/actors.py", {"country": "FRA"})
    net = specs(at)[0]
    labels = [t for trace in net["data"] for t in (trace.get("text") or []) if "→" not in t]
    assert "France" in labels


def test_add_articles_asks_for_input_when_nothing_given(store_env):
    at = open_page("pages/add_articles.py")
    at.button[0].click().run()  # the first form's submit button
    assert not at.exception
    assert "Nothing to add" in " ".join(w.value for w in at.warning)


def test_add_articles_reports_a_malformed_import(store_env):
    before = len(store_env.events())
    at = open_page("pages/add_articles.py")
    at.file_uploader(key="imp_file").upload("events.csv", b"this is not\ta GDELT export\n\x00\xff", "text/csv")
    at.button[1].click().run()  # the import form's submit button
    assert not at.exception
    said = " ".join(m.value for m in [*at.error, *at.info, *at.success, *at.warning])
    assert "events.csv" in said or "rejected" in said, said
    assert len(store_env.events()) == before


def test_add_articles_from_pasted_text(store_env):
    at = open_page("pages/add_articles.py")
    at.text_area(key="add_text").input(
        "Leaders meet in Paris\n\nPARIS, 3 June 2024 - French President Emmanuel Macron met German Chancellor "
        "Olaf Scholz in Paris on Monday to discuss military aid to Ukraine. Russia accused France of escalating "
        "the war."
    )
    at.date_input(key="add_published").set_value(__import__("datetime").date(2024, 6, 3))
    at.button[0].click().run()
    assert not at.exception
    said = " ".join(m.value for m in [*at.error, *at.info, *at.success])
    assert not at.error, [e.value for e in at.error]
    assert "added" in said, said
    if "added 0," not in said:
        assert at.dataframe[-1].value["date"].str.startswith("2024").all(), "the new events are listed"
