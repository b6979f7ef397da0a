"""The Timeline page (the landing page) driven through Streamlit's AppTest on a real store in tmp_path."""

from __future__ import annotations

import json
import pathlib

import pytest
from streamlit.testing.v1 import AppTest

from app.preload import CHART_CODE_KEY
from tests.dashboard_store import HOSTILE, HOSTILE_ID, make_store

APP = str(pathlib.Path(__file__).resolve().parent.parent / "dashboard.py")


@pytest.fixture
def store_env(tmp_path, monkeypatch):
    store = make_store(tmp_path / "store")
    monkeypatch.setenv("EVENTS_STORE", str(tmp_path / "store"))
    monkeypatch.setenv("DASHBOARD_WARM_EXPORTS", "0")
    return store


def run_app(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    return at.run()


def chart_specs(at: AppTest) -> list[dict]:
    """The specs of the charts a page draws (not the hidden blank chart that starts loading plotly.js)."""
    specs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    return [s for s in specs if s.get("layout", {}).get("meta") != CHART_CODE_KEY]


def drawn_ids(at: AppTest) -> set[str]:
    """Event ids drawn by the first chart on the page (first customdata column of every trace)."""
    spec = chart_specs(at)[0]
    ids = set()
    for trace in spec["data"]:
        for row in trace.get("customdata") or []:
            ids.add(str(row[0]))
    return ids


def test_timeline_renders_without_exception(store_env):
    at = run_app()
    assert not at.exception, at.exception
    assert at.title[0].value == "Timeline"
    assert drawn_ids(at)


def test_country_filter_limits_chart_to_that_country(store_env):
    at = run_app({"key": "1"})
    at.multiselect(key="f_countries").select("FRA").run()
    assert not at.exception
    ids = drawn_ids(at)
    events = store_env.events().set_index("event_id")
    assert ids, "the chart should still show events"
    assert all("FRA" in events.loc[i, "countries"] for i in ids)
    assert HOSTILE_ID in ids
    assert at.query_params["country"] == "FRA"


def test_empty_selection_shows_friendly_message(store_env):
    at = run_app()
    at.text_input(key="f_text").input("no event says zzqxj").run()
    assert not at.exception
    assert not chart_specs(at)
    text = " ".join(i.value for i in at.info)
    assert "No events match" in text and "zzqxj" in text


def test_empty_store_says_how_to_add_articles(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTS_STORE", str(tmp_path / "nothing-here"))
    monkeypatch.setenv("DASHBOARD_WARM_EXPORTS", "0")
    at = run_app()
    assert not at.exception
    assert "Add articles" in " ".join(i.value for i in at.info)


def test_link_reproduces_view(store_env):
    at = run_app({"country": "DEU", "lane": "event_type", "key": "1", "event": HOSTILE_ID})
    assert not at.exception
    assert at.multiselect(key="f_countries").value == ["DEU"]
    assert at.selectbox(key="tl_lane").value == "event_type"
    assert at.toggle(key="tl_key").value is True
    assert at.selectbox(key="tl_event").value == HOSTILE_ID


def test_bad_link_values_are_reported_not_fatal(store_env):
    at = run_app({"min_salience": "lots", "from": "yesterday"})
    assert not at.exception
    warnings = " ".join(w.value for w in at.sidebar.warning)
    assert "min_salience" in warnings and "from" in warnings
    assert drawn_ids(at)


def test_event_details_show_hostile_text_escaped(store_env):
    at = run_app({"event": HOSTILE_ID})
    assert not at.exception
    md = " ".join(m.value for m in at.markdown)
    assert "\\<script\\>alert\\(1\\)\\</script\\>" in md
    assert "<script>" not in md
    frames = [df.value for df in at.dataframe]
    assert any("title" in f.columns and f["link"].isna().all() for f in frames), "javascript: links are dropped"


def test_hover_text_is_escaped(store_env):
    at = run_app({"country": "FRA", "key": "1"})
    spec_text = json.dumps(chart_specs(at)[0]["data"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in spec_text
    assert HOSTILE not in spec_text


def test_key_events_switch_keeps_most_salient(store_env):
    at = run_app()
    all_ids = drawn_ids(at)
    at.toggle(key="tl_key").set_value(True).run()
    key_ids = drawn_ids(at)
    assert len(key_ids) == 200 < len(all_ids)
    events = store_env.events()
    sal = events[events["mode"] == "actual"].set_index("event_id")["salience"]
    assert sal[list(key_ids)].min() >= sal.drop(list(key_ids)).max()
