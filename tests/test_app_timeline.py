"""The Timeline (the landing page) driven through Streamlit's AppTest, by the entry (dashboard.py), on a real
store in tmp_path."""

from __future__ import annotations

import json

from tests.dashboard_store import HOSTILE, HOSTILE_ID, chart_specs, drawn_ids, open_dashboard


def first_chart_ids(at) -> set[str]:
    return drawn_ids(chart_specs(at)[0])


def test_timeline_renders_without_exception(store_env):
    at = open_dashboard()
    assert not at.exception, at.exception
    assert at.title[0].value == "Timeline"
    events = store_env.events()
    assert first_chart_ids(at) == set(events.loc[events["mode"] == "actual", "event_id"])


def test_country_filter_limits_chart_to_that_country(store_env):
    at = open_dashboard(query={"key": "1"})
    at.multiselect(key="f_countries").select("FRA").run()
    assert not at.exception
    ids = first_chart_ids(at)
    events = store_env.events().set_index("event_id")
    assert ids, "the chart should still show events"
    assert all("FRA" in events.loc[i, "countries"] for i in ids)
    assert HOSTILE_ID in ids
    assert at.query_params["country"] == "FRA"


def test_empty_selection_shows_friendly_message(store_env):
    at = open_dashboard()
    at.text_input(key="f_text").input("no event says zzqxj").run()
    assert not at.exception
    assert not chart_specs(at)
    text = " ".join(i.value for i in at.info)
    assert "No events match" in text and "zzqxj" in text


def test_empty_store_says_how_to_add_articles(empty_store_env):
    at = open_dashboard()
    assert not at.exception
    assert "Add articles" in " ".join(i.value for i in at.info)


def test_link_reproduces_view(store_env):
    at = open_dashboard(query={"country": "DEU", "lane": "event_type", "key": "1", "event": HOSTILE_ID})
    assert not at.exception
    assert at.multiselect(key="f_countries").value == ["DEU"]
    assert at.selectbox(key="tl_lane").value == "event_type"
    assert at.toggle(key="tl_key").value is True
    assert at.selectbox(key="tl_event").value == HOSTILE_ID
    assert "by event type" in chart_specs(at)[0]["layout"]["title"]["text"]
    assert dict(at.query_params) == {"country": "DEU", "lane": "event_type", "key": "1", "event": HOSTILE_ID}


def test_bad_link_values_are_reported_not_fatal(store_env):
    at = open_dashboard(query={"min_salience": "lots", "from": "yesterday"})
    assert not at.exception
    warnings = " ".join(w.value for w in at.sidebar.warning)
    assert "min_salience" in warnings and "from" in warnings
    assert first_chart_ids(at)


def test_event_details_show_hostile_text_escaped(store_env):
    at = open_dashboard(query={"event": HOSTILE_ID})
    assert not at.exception
    md = " ".join(m.value for m in at.markdown)
    assert "\\<script\\>alert\\(1\\)\\</script\\>" in md
    assert "<script>" not in md
    frames = [df.value for df in at.dataframe]
    assert any("title" in f.columns and f["link"].isna().all() for f in frames), "javascript: links are dropped"


def test_hover_text_is_escaped(store_env):
    at = open_dashboard(query={"country": "FRA", "key": "1"})
    spec_text = json.dumps(chart_specs(at)[0]["data"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in spec_text
    assert HOSTILE not in spec_text


def test_key_events_switch_keeps_most_salient(store_env):
    at = open_dashboard()
    all_ids = first_chart_ids(at)
    at.toggle(key="tl_key").set_value(True).run()
    key_ids = first_chart_ids(at)
    assert len(key_ids) == 200 < len(all_ids)
    events = store_env.events()
    sal = events[events["mode"] == "actual"].set_index("event_id")["salience"]
    assert sal[list(key_ids)].min() >= sal.drop(list(key_ids)).max()
    assert at.query_params["key"] == "1"


def test_lane_and_colour_widgets_redraw_the_chart(store_env):
    at = open_dashboard()
    at.selectbox(key="tl_lane").set_value("topic").run()
    at.selectbox(key="tl_colour").set_value("topic").run()
    title = chart_specs(at)[0]["layout"]["title"]["text"]
    assert title.endswith("events by topic, coloured by topic")
    assert at.query_params["lane"] == "topic" and at.query_params["colour"] == "topic"
