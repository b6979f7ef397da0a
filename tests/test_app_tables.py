"""Tables a person can read (app.tables): the Events page's table, event facts, chooser labels, reports."""

import pandas as pd

from app.tables import TABLE_COLUMNS, event_facts, event_label, events_table, reports_table
from tests.dashboard_store import HOSTILE, HOSTILE_ID


def _event(**over):
    ev = {
        "date": "2024-11-19",
        "date_precision": "day",
        "date_text": "Tuesday",
        "date_from_publication": False,
        "event_type": "ASSAULT",
        "quad_class": "material_conflict",
        "mode": "actual",
        "source_actor": "Ukraine",
        "target_actor": "Russia",
        "actors": ["Ukraine", "Russia"],
        "countries": ["UKR", "RUS"],
        "topics": ["military"],
        "mentions": 3,
        "sources": ["A", "B"],
        "salience": 0.5,
        "confidence": 0.724,
        "origin": "extracted",
        "summary": "Ukraine struck Russian territory with ATACMS missiles",
    }
    ev.update(over)
    return ev


def test_event_facts_read_as_a_person_expects():
    facts = event_facts(_event())
    assert facts["Date"] == "2024-11-19 (precision: day), from “Tuesday”"
    assert facts["Type"] == "Assault (material conflict)"
    assert facts["Who"] == "Ukraine → Russia"
    assert facts["Countries"] == "Ukraine, Russia"
    assert facts["Reports"] == "3 from 2 outlet(s); salience 0.50"
    assert facts["Confidence"] == "0.72: how likely it is a real happening (learned from hand-checked news)"
    gdelt = event_facts(pd.Series(_event(confidence=0.5, origin="gdelt")))
    assert gdelt["Confidence"] == "0.50: how likely it is a real happening (GDELT import: machine-coded)"
    assert event_facts(_event(confidence=0.9, origin="acled"))["Confidence"].endswith("(ACLED import: coded by hand)")
    bare = event_facts(_event(date_text="", date_from_publication=True, source_actor="", target_actor="", topics=[]))
    assert bare["Date"] == "2024-11-19 (precision: day) — dated by publication"
    assert bare["Who"] == "— → —" and bare["Topics"] == "—"


def test_event_label_cuts_long_summaries_and_reports_drop_unsafe_links():
    label = event_label(_event(summary="x" * 200))
    assert label.startswith("2024-11-19 · Assault · ") and label.endswith("…") and len(label.split(" · ")[2]) == 90
    table = reports_table(
        pd.DataFrame(
            {
                "published": [pd.Timestamp("2024-11-20", tz="UTC")] * 2,
                "source": ["A", "B"],
                "title": ["t1", "t2"],
                "url": ["https://example.org/a", "javascript:alert(1)"],
            }
        )
    )
    assert table["link"].iloc[0] == "https://example.org/a"
    assert pd.isna(table["link"].iloc[1])


def test_events_table_is_newest_first_and_keeps_text_as_written(dashboard_events):
    table = events_table(dashboard_events[list(TABLE_COLUMNS)], limit=50)
    assert len(table) == 50
    newest = dashboard_events.sort_values(["date_start", "salience"], ascending=False, kind="stable").head(50)
    assert table["event id"].tolist() == newest["event_id"].tolist()
    whole = events_table(dashboard_events)
    hostile = whole[whole["event id"] == HOSTILE_ID].iloc[0]
    assert hostile["summary"] == HOSTILE and pd.isna(hostile["link"])
    assert hostile["countries"] == "France, Germany"
