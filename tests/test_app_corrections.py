"""Analysts correct the record through the dashboard (issue 14), driven by Streamlit's AppTest on a real store:
correct, reload, re-ingest; hide and watch every chart drop the event; merge and split; undo; exports carry the
corrected values; hostile notes stay text; bad corrections are refused with a message and nothing stored."""

from __future__ import annotations

import csv
import io
import json
import re

import pandas as pd
import pytest

from app import exporting
from app.corrections import log_bytes
from service.ingest import add_articles
from store import EventStore
from store.query import Filters, apply_filters
from tests.dashboard_store import (
    ACTORS,
    EVENTS,
    HOSTILE_ID,
    MAP,
    TIMELINE,
    TRENDS,
    chart_specs,
    drawn_ids,
    open_dashboard,
    plotly_values,
)

ARTICLE = (
    "Leaders meet in Paris\n\nPARIS, 3 June 2024 - French President Emmanuel Macron met German Chancellor "
    "Olaf Scholz in Paris on Monday to discuss military aid to Ukraine. Russia accused France of escalating "
    "the war."
)
HOSTILE_NOTE = "<script>alert(1)</script> see [the source](javascript:alert(2)) **now**"


def button(at, label: str):
    return next(b for b in at.button if b.label == label)


def said(at) -> str:
    return " ".join(m.value for m in [*at.error, *at.success, *at.info, *at.warning])


def facts(at) -> str:
    """The event details' facts (the Markdown block that starts with the date)."""
    return next(m.value for m in at.markdown if m.value.startswith("**Date"))


def event_row(store: EventStore, event_id: str) -> pd.Series:
    df = store.events()
    return df[df["event_id"] == event_id].iloc[0]


@pytest.fixture
def meeting(store_env):
    """The store_env store plus one real article (Macron met Scholz; Russia accused France), ingested as a
    person would; returns (store, the meeting's event id)."""
    summary = add_articles(store_env, [ARTICLE], published=pd.Timestamp("2024-06-03", tz="UTC"))
    df = store_env.events().set_index("event_id").loc[summary.new_event_ids]
    meeting_id = df.index[df["event_type"] == "CONSULT"]
    assert len(meeting_id) == 1
    return store_env, str(meeting_id[0])


def test_correct_an_event_reload_and_reingest_keep_it(meeting):
    store, eid = meeting
    at = open_dashboard(TIMELINE, {"event": eid, "lane": "event_type"})
    assert not at.exception
    assert at.selectbox(key="cx_type").value == "CONSULT" and at.text_input(key="cx_date").value == "2024-06-03"
    at.text_input(key="cx_who").input("ana")
    at.selectbox(key="cx_type").set_value("AGREE")
    at.text_input(key="cx_date").input("2024-06")  # precision left alone: it follows the shape (month)
    at.text_input(key="cx_target").input("Germany")
    button(at, "Save corrections").click().run()
    assert not at.exception and not at.error, said(at)
    assert "type\\: CONSULT → AGREE" in said(at)

    ev = event_row(store, eid)
    assert (ev["event_type"], ev["date"], ev["date_precision"], ev["target_actor"]) == (
        "AGREE",
        "2024-06",
        "month",
        "Germany",
    )
    assert sorted(ev["corrected_fields"]) == ["date", "event_type", "target_actor"]
    assert [(e["who"], e["field"]) for e in store.corrections.entries()] == [
        ("ana", "event_type"),
        ("ana", "target_actor"),
        ("ana", "date"),
    ]
    # the same run already draws the corrected event: in the Agree lane of the timeline, the facts marked
    lanes = {
        str(row[0]): lane
        for t in chart_specs(at)[0]["data"]
        for row, lane in zip(t.get("customdata") or [], plotly_values(t.get("y") or []), strict=False)
    }
    assert lanes[eid] == "Agree"
    assert "**Type ✎:** Agree" in facts(at) and "2024\\-06 \\(precision\\: month\\)" in facts(at)

    # a reload (a new session opening the same link) shows it, with its history
    again = open_dashboard(TIMELINE, {"event": eid})
    assert again.selectbox(key="cx_type").value == "AGREE"
    history = again.dataframe[0].value
    assert list(history.columns) == ["when", "who", "change", "status"]
    assert "type: CONSULT → AGREE" in history["change"].tolist() and set(history["who"]) == {"ana"}

    # the article ingested again: the correction still holds, in the store and on the page
    add_articles(store, [ARTICLE], published=pd.Timestamp("2024-06-03", tz="UTC"))
    assert event_row(store, eid)["event_type"] == "AGREE"
    after = open_dashboard(TIMELINE, {"event": eid})
    assert after.selectbox(key="cx_type").value == "AGREE" and "**Type ✎:** Agree" in facts(after)
    assert store.correction_orphans() == []


def test_undo_takes_back_the_last_correction_with_a_line_of_its_own(store_env):
    at = open_dashboard(TIMELINE, {"event": HOSTILE_ID})
    at.selectbox(key="cx_mode").set_value("future")
    button(at, "Save corrections").click().run()
    at.text_input(key="cx_source").input("Paris")
    button(at, "Save corrections").click().run()
    assert event_row(store_env, HOSTILE_ID)["source_actor"] == "Paris"
    button(at, "Undo last correction").click().run()
    assert not at.exception and not at.error
    ev = event_row(store_env, HOSTILE_ID)
    assert (ev["source_actor"], ev["mode"]) == ("France", "future"), "only the last correction is taken back"
    log = store_env.corrections.entries()
    assert [e["action"] for e in log] == ["set", "set", "undo"] and log[2]["target"] == log[1]["id"]
    assert at.text_input(key="cx_source").value == "France", "the form shows the value in force again"
    history = at.dataframe[0].value
    assert history["status"].tolist() == ["undo", "undone", "in force"]


def test_a_bad_correction_is_refused_with_a_message_and_nothing_is_stored(store_env):
    at = open_dashboard(TIMELINE, {"event": HOSTILE_ID})
    at.selectbox(key="cx_mode").set_value("future")
    at.text_input(key="cx_date").input("2024-02-30")
    button(at, "Save corrections").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == ["'2024-02-30' is not a date that exists (day is out of range for month)"]
    assert store_env.corrections.entries() == [], "the valid mode change is not stored half-way"
    assert event_row(store_env, HOSTILE_ID)["mode"] == "actual"
    at.multiselect(key="cx_countries").set_value(["FRA"])
    at.text_input(key="cx_date").input("2024-06-12")
    at.selectbox(key="cx_mode").set_value("actual")
    button(at, "Save corrections").click().run()
    assert not at.error and list(event_row(store_env, HOSTILE_ID)["countries"]) == ["FRA"]


def _counts(at, page: str) -> dict:
    """What each chart of a page counts for France (the hostile event is France -> Germany)."""
    specs = chart_specs(at)
    if page == TIMELINE:
        return {"timeline": len(drawn_ids(specs[0]))}
    if page == MAP:
        trace = specs[0]["data"][0]
        keys = trace.get("locations") or trace.get("customdata")
        values = trace.get("z") or trace.get("x")
        return {"map": dict(zip(plotly_values(keys), plotly_values(values), strict=True))["FRA"]}
    if page == TRENDS:
        trend, balance = specs
        return {
            "trends": sum(sum(plotly_values(t["y"])) for t in trend["data"] if t["type"] == "bar"),
            "balance": sum(abs(sum(plotly_values(t["y"]))) for t in balance["data"] if t["type"] == "bar"),
        }
    totals: dict[str, int] = {}
    for trace in specs[1]["data"]:  # acts / is acted on / mentioned, per actor
        for name, n in zip(plotly_values(trace["y"]), plotly_values(trace["x"]), strict=True):
            totals[name] = totals.get(name, 0) + n
    return {"top actors (France)": totals.get("France", 0)}


def test_a_hidden_event_leaves_every_chart_and_table_and_the_review_filter_finds_it(store_env):
    pages = (TIMELINE, MAP, TRENDS, ACTORS)
    query = {"country": "FRA", "by": "event_type"}  # (trends split by type: the event counts once)
    before = {}
    for page in pages:
        before.update(_counts(open_dashboard(page, query), page))
    at = open_dashboard(TIMELINE, {**query, "event": HOSTILE_ID})
    assert HOSTILE_ID in drawn_ids(chart_specs(at)[0])
    at.selectbox(key="cx_reason").set_value("duplicate")
    button(at, "Hide event").click().run()
    assert not at.exception and not at.error, said(at)
    assert HOSTILE_ID not in drawn_ids(chart_specs(at)[0])
    assert "This event is hidden (duplicate)" in " ".join(w.value for w in at.warning)
    after = {}
    for page in pages:
        at.switch_page(page).run()
        assert not at.exception
        after.update(_counts(at, page))
    assert {k: before[k] - after[k] for k in before} == {k: 1 for k in before}, (before, after)
    at.switch_page(EVENTS).run()
    assert HOSTILE_ID not in set(at.dataframe[0].value["event id"])

    # the sidebar's Review box, mirrored in the link
    at.selectbox(key="f_review").set_value("hidden").run()
    assert at.query_params["review"] == "hidden"
    table = at.dataframe[0].value
    assert table["event id"].tolist() == [HOSTILE_ID] and table["hidden"].tolist() == ["duplicate"]
    linked = open_dashboard(EVENTS, {"review": "all", "country": "FRA"})
    assert linked.selectbox(key="f_review").value == "all"
    assert HOSTILE_ID in set(linked.dataframe[0].value["event id"])
    # shown again: back in every view
    at = open_dashboard(TIMELINE, {**query, "event": HOSTILE_ID})
    button(at, "Show it again").click().run()
    assert HOSTILE_ID in drawn_ids(chart_specs(at)[0])


def test_merge_two_events_into_one_with_both_reports_then_split_them(store_env):
    events = store_env.events()
    french = events[(events["mode"] == "actual") & events["countries"].map(lambda cs: "FRA" in cs)]
    other = str(french.loc[french["event_id"] != HOSTILE_ID, "event_id"].iloc[0])
    n_other = int(french.set_index("event_id").at[other, "mentions"])
    at = open_dashboard(EVENTS, {"country": "FRA"})
    rows = len(at.dataframe[0].value)
    at = open_dashboard(TIMELINE, {"country": "FRA", "event": HOSTILE_ID})
    at.selectbox(key="cx_merge_with").set_value(other)
    button(at, "Merge into this event").click().run()
    assert not at.exception and not at.error, said(at)
    assert other not in drawn_ids(chart_specs(at)[0]) and HOSTILE_ID in drawn_ids(chart_specs(at)[0])
    ev = event_row(store_env, HOSTILE_ID)
    assert ev["mentions"] == 60 + n_other and "merged" in list(ev["corrected_fields"])
    assert f"**Reports ✎:** {60 + n_other} from" in facts(at)
    articles = [m.value for m in at.markdown if m.value.startswith("**Articles that reported it**")]
    assert articles == ["**Articles that reported it** (2)"], "both reports are listed under the merged event"
    at.switch_page(EVENTS).run()
    table = at.dataframe[0].value
    assert len(table) == rows - 1 and other not in set(table["event id"])

    # split the other event's report off again
    at.switch_page(TIMELINE).run()
    at.selectbox(key="tl_event").set_value(HOSTILE_ID).run()
    assert at.multiselect(key="cx_split").options  # the merged event's two reports are offered
    moved = store_env.event_keys(other)
    at.multiselect(key="cx_split").set_value(moved)
    button(at, "Split off as a new event").click().run()
    assert not at.exception and not at.error, said(at)
    df = store_env.events()
    split = df[df["event_id"].str.startswith(f"{HOSTILE_ID}~split-")]
    assert len(split) == 1 and int(split["mentions"].iloc[0]) == 1
    assert int(df.set_index("event_id").at[HOSTILE_ID, "mentions"]) == 60 + n_other - 1


def test_two_sessions_correcting_different_fields_keep_both(store_env):
    first = open_dashboard(TIMELINE, {"event": HOSTILE_ID})
    second = open_dashboard(TIMELINE, {"event": HOSTILE_ID})  # opened before the first saves
    first.selectbox(key="cx_type").set_value("AGREE")
    button(first, "Save corrections").click().run()
    second.text_input(key="cx_target").input("Berlin")  # its form still shows type CONSULT
    button(second, "Save corrections").click().run()
    assert not second.error
    ev = event_row(store_env, HOSTILE_ID)
    assert (ev["event_type"], ev["target_actor"]) == ("AGREE", "Berlin")
    assert second.selectbox(key="cx_type").value == "AGREE", "the second session now shows the first one's edit"


def test_a_hostile_note_renders_as_text(store_env):
    at = open_dashboard(TIMELINE, {"event": HOSTILE_ID})
    at.text_area(key="cx_note").input(HOSTILE_NOTE)
    button(at, "Save note").click().run()
    assert not at.exception and not at.error
    assert event_row(store_env, HOSTILE_ID)["note"] == HOSTILE_NOTE
    shown = [m.value for m in [*at.markdown, *at.success, *at.caption]]
    note = facts(at).split("**Note:** ")[1]
    assert (
        note
        == "\\<script\\>alert\\(1\\)\\</script\\> see \\[the source\\]\\(javascript\\:alert\\(2\\)\\) \\*\\*now\\*\\*"
    )
    for text in (t for t in shown if "javascript" in t):  # where the note shows, apart from the page's own
        own = re.sub(r"\*\*[\w ✎]+:\*\*|\*\*(Evidence|Articles that reported it)\*\*", "", text)
        assert not re.search(r"(?<!\\)[<\[*]", own), text  # bold labels, every sign Markdown or HTML reads is escaped
    history = at.dataframe[0].value
    assert history["change"].tolist() == [f"note: {HOSTILE_NOTE}"], "a table cell holds the text as written"
    at.switch_page(EVENTS).run()
    table = at.dataframe[0].value
    assert table.loc[table["event id"] == HOSTILE_ID, "note"].tolist() == [HOSTILE_NOTE]


def test_events_table_marks_corrected_fields_and_a_picked_row_opens_the_forms(store_env):
    at = open_dashboard(EVENTS, {"country": "FRA"})
    table = at.dataframe[0].value
    assert set(table["corrected"]) == {""}
    row = int(table.index[table["event id"] == HOSTILE_ID][0])
    at.session_state[at.dataframe[0].key] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    assert at.session_state["ev_event"] == HOSTILE_ID
    at.multiselect(key="cx_topics").set_value(["diplomacy"])
    at.text_input(key="cx_date").input("2024-06-11")
    button(at, "Save corrections").click().run()
    assert not at.error, said(at)
    table = at.dataframe[0].value
    marked = table.set_index("event id").at[HOSTILE_ID, "corrected"]
    assert marked == "date, topics"
    assert at.session_state["ev_event"] == HOSTILE_ID, "the event stays chosen although the table was redrawn"
    assert at.text_input(key="cx_date").value == "2024-06-11"


def test_exports_carry_the_corrected_values_and_the_log(store_env):
    """The download buttons export data.filtered_events of the view (app.downloads.data_downloads with
    View.all_events) and the correction log (app.corrections.log_bytes); the browser test clicks them."""
    from app import data

    at = open_dashboard(TIMELINE, {"event": HOSTILE_ID})
    at.text_input(key="cx_who").input("ana")
    at.selectbox(key="cx_type").set_value("ASSAULT")
    at.text_input(key="cx_source").input("Unit 42")
    button(at, "Save corrections").click().run()
    assert not at.error
    path = str(store_env.path)
    events = data.filtered_events(path, store_env.version(), Filters())
    rows = list(csv.DictReader(io.StringIO(exporting.events_file(events, "csv").decode("utf-8"))))
    row = next(r for r in rows if r["event_id"] == HOSTILE_ID)
    assert (row["event_type"], row["quad_class"], row["source_actor"]) == ("ASSAULT", "material_conflict", "Unit 42")
    assert row["corrected_fields"] == "event_type; source_actor"
    lines = [json.loads(x) for x in exporting.events_file(events, "jsonl").decode("utf-8").splitlines()]
    assert next(x for x in lines if x["event_id"] == HOSTILE_ID)["event_type"] == "ASSAULT"
    table = pd.read_parquet(io.BytesIO(exporting.events_file(events, "parquet")))
    assert table.set_index("event_id").at[HOSTILE_ID, "source_actor"] == "Unit 42"
    slides = json.loads(exporting.events_file(events, "timelinejs"))["events"]
    assert [s["group"] for s in slides if s["unique_id"] == HOSTILE_ID] == ["ASSAULT"]
    log = [json.loads(x) for x in log_bytes(path).decode("utf-8").splitlines()]
    assert [(e["who"], e["field"], e["old"], e["value"]) for e in log] == [
        ("ana", "event_type", "CONSULT", "ASSAULT"),
        ("ana", "source_actor", "France", "Unit 42"),
    ]
    # a hidden event leaves the exports of the default view
    at.selectbox(key="cx_reason").set_value("out of scope")
    button(at, "Hide event").click().run()
    events = data.filtered_events(path, store_env.version(), Filters())
    assert HOSTILE_ID not in set(events["event_id"])
    assert HOSTILE_ID in set(apply_filters(store_env.events(), Filters(review="hidden"))["event_id"])


def test_orphaned_corrections_are_listed_on_the_events_page(store_env):
    from store.corrections import record

    record(store_env, HOSTILE_ID, "note", note="ask the desk", who="ana")
    line = store_env.corrections.entries()[0]
    orphan = {**line, "id": "orphan-1", "keys": ["an-article-removed:0-10"], "event_id": "gone-1"}
    store_env.corrections.append([orphan])
    at = open_dashboard(EVENTS)
    assert not at.exception
    (box,) = [e for e in at.expander if e.label.startswith("Corrections whose event is gone")]
    assert box.label.endswith("(1)")
    lost = at.dataframe[-1].value
    assert lost[["event id", "change", "reports"]].values.tolist() == [
        ["gone-1", "note: ask the desk", "an-article-removed:0-10"]
    ]
