"""core/serialize.py: the one CSV, JSON lines and Parquet writer of the events table."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import pathlib

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from core import serialize
from core.schema import EVENT_COLUMNS
from core.validate import coerce
from extract.events.pipeline import iter_events, load_inputs, rows_to_frame
from tests.rows import event_row

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _row(**kw) -> dict:
    values = {
        "date": "2024-03-05",
        "date_start": dt.datetime(2024, 3, 5),
        "date_end": dt.datetime(2024, 3, 6),
        "date_text": "Tuesday",
        "topics": ["military"],
        "summary": "Russia attacked Kharkiv",
        "sentence": "Russia attacked Kharkiv on Tuesday.",
        "article_id": "a1",
        "url": "https://news.example/1",
        "source": "Wire",
        "published": dt.datetime(2024, 3, 7, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))),
    }
    return event_row(kw.pop("event_id", "e1"), **{**values, **kw})


def test_rows_streamed_and_the_coerced_table_give_the_same_json_lines():
    """`extract events` streams rows as articles finish; `extract export` writes the stored table. One writer,
    the same lines, over every event of the sample articles."""
    articles, _ = load_inputs([str(ROOT / "data" / "articles")])
    rows = [r for _a, arows, _n in iter_events(articles, 1) for r in arows]
    assert len(rows) > 100
    assert serialize.jsonl_lines(rows) == serialize.to_jsonl(rows_to_frame(rows)).decode("utf-8")


def test_one_shape_for_days_times_and_lists_in_csv_and_json_lines():
    df = coerce(pd.DataFrame([_row(), _row(event_id="e2", actors=[], countries=[], published=None)]))
    rec = [json.loads(x) for x in serialize.to_jsonl(df).decode().splitlines()]
    assert list(rec[0]) == list(EVENT_COLUMNS)
    assert (rec[0]["date_start"], rec[0]["date_end"]) == ("2024-03-05", "2024-03-06")
    assert rec[0]["published"] == "2024-03-07T07:30:00+00:00"  # UTC, to the second
    assert rec[0]["countries"] == ["RUS", "UKR"] and rec[1]["countries"] == []
    assert rec[1]["published"] is None
    assert rec[0]["date_from_publication"] is False and rec[0]["sentence_end"] == 35
    cells = list(csv.DictReader(io.StringIO(serialize.to_csv(df).decode())))
    assert (cells[0]["date_start"], cells[0]["published"]) == ("2024-03-05", "2024-03-07T07:30:00+00:00")
    assert cells[0]["countries"] == "RUS; UKR" and cells[0]["countries"].split(serialize.LIST_SEP) == ["RUS", "UKR"]
    assert (cells[1]["countries"], cells[1]["published"]) == ("", "")
    assert serialize.to_csv(df).count(b"\r") == 0


def test_a_row_not_yet_cast_reads_as_the_cast_table_does():
    raw = _row(source_actor=None, topics=None, published=pd.Timestamp("2024-03-07 09:30"))  # naive: UTC
    line = json.loads(serialize.jsonl_lines([raw]))
    table = json.loads(serialize.to_jsonl(coerce(pd.DataFrame([raw]))))
    assert line == table
    assert (line["source_actor"], line["topics"], line["published"]) == ("", [], "2024-03-07T09:30:00+00:00")


def test_extra_columns_and_missing_values():
    df = coerce(pd.DataFrame([_row()]))
    df["latitude"] = np.nan
    df["first_reported"] = pd.Series([pd.Timestamp("2024-03-07 07:30", tz="UTC")], dtype="datetime64[ns, UTC]")
    df["sources"] = [np.array(["Wire", "Post"], dtype=object)]
    df["note"] = ["x"]
    rec = json.loads(serialize.to_jsonl(df))
    assert rec["latitude"] is None and rec["note"] == "x"
    assert rec["first_reported"] == "2024-03-07T07:30:00+00:00"
    assert rec["sources"] == ["Wire", "Post"]
    cells = next(csv.DictReader(io.StringIO(serialize.to_csv(df).decode())))
    assert (cells["latitude"], cells["sources"]) == ("", "Wire; Post")


def test_parquet_keeps_lists_and_timestamps_typed():
    df = coerce(pd.DataFrame([_row()]))
    table = pq.read_table(io.BytesIO(serialize.to_parquet(df)))
    field = table.schema.field("countries").type
    assert pa.types.is_list(field) and pa.types.is_string(field.value_type)
    assert str(table.schema.field("published").type) == "timestamp[ns, tz=UTC]"
    assert table.column("countries").to_pylist() == [["RUS", "UKR"]]


def test_an_empty_table():
    empty = coerce(pd.DataFrame(columns=list(EVENT_COLUMNS)))
    assert serialize.to_jsonl(empty) == b""
    assert serialize.jsonl_lines([]) == ""
    assert serialize.to_csv(empty).decode().strip() == ",".join(EVENT_COLUMNS)


def test_a_stored_table_with_every_column_reads_the_same_row_by_row():
    """Store columns too (lists of outlets, NaN coordinates, UTC report times): the column-at-once writer and
    the row writer agree on every value."""
    from service.synth import generate_events

    df = generate_events(2000)
    assert serialize.to_jsonl(df).decode() == serialize.jsonl_lines(df.to_dict("records"), columns=df.columns)
