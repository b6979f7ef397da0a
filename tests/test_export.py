"""Exports: CSV, JSON lines, Parquet and TimelineJS read back by their own readers."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from core.validate import coerce
from store import EventStore
from store.export import FORMATS, export_events
from tests.rows import event_row


def _row(eid, day, summary, sentence, **kw):
    return event_row(eid, day, summary=summary, sentence=sentence, **kw)


@pytest.fixture
def stored(tmp_path):
    store = EventStore(tmp_path)
    store.add_events(
        coerce(
            pd.DataFrame(
                [
                    _row("e1", "2024-03-02", "Missiles hit Kharkiv", "Russian missiles hit Kharkiv, officials said."),
                    _row(
                        "e2",
                        "2022-02-24",
                        "Invasion begins",
                        'He said "<script>alert(1)</script>" & left <b>now</b>',
                        url="javascript:alert(1)",
                        countries=["UKR"],
                    ),
                    _row(
                        "e3",
                        "2023-07-01",
                        "Grain deal lapses",
                        "Russia let the grain deal lapse.",
                        event_type="REJECT",
                        quad_class="verbal_conflict",
                        date="2023-07",
                        date_precision="month",
                        date_start=pd.Timestamp("2023-07-01"),
                        date_end=pd.Timestamp("2023-08-01"),
                    ),
                ]
            )
        )
    )
    return store.events()


def test_csv_reads_back_with_lists_joined(stored):
    back = pd.read_csv(io.BytesIO(export_events(stored, "csv")))
    assert list(back.columns) == list(stored.columns)
    assert len(back) == 3
    assert back.set_index("event_id").loc["e1", "countries"] == "RUS; UKR"
    assert back.set_index("event_id").loc["e1", "mentions"] == 1
    # days and times in the same shape as JSON lines
    assert back.set_index("event_id").loc["e3", "date_start"] == "2023-07-01"
    assert back.set_index("event_id").loc["e1", "published"] == "2024-03-02T00:00:00+00:00"


def test_json_lines_have_arrays_and_iso_times(stored):
    lines = export_events(stored, "jsonl").decode("utf-8").splitlines()
    assert len(lines) == 3
    rec = {json.loads(x)["event_id"]: json.loads(x) for x in lines}
    assert rec["e1"]["countries"] == ["RUS", "UKR"]
    assert rec["e1"]["date_start"] == "2024-03-02"  # a day (core/serialize.py)
    assert rec["e1"]["date_end"] == "2024-03-03"
    assert rec["e1"]["published"] == "2024-03-02T00:00:00+00:00"  # a time: UTC to the second
    assert rec["e1"]["fatalities"] is None


def test_parquet_reads_back_with_real_lists(stored):
    table = pq.read_table(io.BytesIO(export_events(stored, "parquet")))
    back = table.to_pandas().set_index("event_id")
    assert list(back.loc["e1", "countries"]) == ["RUS", "UKR"]
    assert back.loc["e3", "date_precision"] == "month"
    assert table.num_rows == 3


def test_timelinejs_follows_knight_labs_format_in_date_order(stored):
    doc = json.loads(export_events(stored, "timelinejs"))
    assert "headline" in doc["title"]["text"]
    events = doc["events"]
    assert [e["unique_id"] for e in events] == ["e2", "e3", "e1"]
    assert events[2]["start_date"] == {"year": "2024", "month": "3", "day": "2"}
    assert events[1]["start_date"] == {"year": "2023", "month": "7"}  # month precision: no day
    assert events[1]["display_date"] == "2023-07"
    assert events[2]["group"] == "ASSAULT"
    assert events[2]["text"]["headline"] == "Missiles hit Kharkiv"
    assert 'href="https://news.example/e1"' in events[2]["text"]["text"]


def test_timelinejs_text_cannot_inject_html(stored):
    doc = json.loads(export_events(stored, "timelinejs"))
    invasion = next(e for e in doc["events"] if e["unique_id"] == "e2")
    body = invasion["text"]["text"]
    assert "<script>" not in body and "<b>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "&amp;" in body
    assert "javascript:" not in body  # a non-http link is not made a link


def test_empty_table_exports_in_every_format(tmp_path):
    empty = EventStore(tmp_path).events()
    for fmt in FORMATS:
        data = export_events(empty, fmt)
        assert isinstance(data, bytes)
    assert json.loads(export_events(empty, "timelinejs"))["events"] == []
    assert export_events(empty, "jsonl") == b""


def test_an_unknown_format_is_refused(stored):
    with pytest.raises(ValueError, match="unknown export format"):
        export_events(stored, "xlsx")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_would_start_a_formula_are_neutralised(start):
    from core.serialize import to_csv

    hostile = f'{start}HYPERLINK("http://x.example","click")'
    df = pd.DataFrame({"summary": [hostile, "plain text"], "actors": [[f"{start}cmd|' /C calc'!A0"], ["Russia"]],
                       "mentions": [-3, 4]})  # fmt: skip
    rows = list(csv.reader(io.StringIO(to_csv(df).decode("utf-8"), newline="")))
    shown = start.replace("\r", "\n")  # a carriage return inside a cell is written as a line break
    assert rows[1][0] == "'" + shown + hostile[1:]
    assert rows[1][1] == f"'{shown}cmd|' /C calc'!A0"
    assert len(rows) == 3
    assert rows[2][:2] == ["plain text", "Russia"]
    assert (rows[1][2], rows[2][2]) == ("-3", "4")  # numbers are numbers, not text
