"""core.validate: casting and checking against the events contract, and importers' use of it."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from core.schema import EVENT_COLUMNS
from core.validate import coerce, empty_events, invalid_rows, validate
from store.importers.common import build_rows
from tests.rows import event_row


def _row(**over) -> dict:
    return event_row(over.pop("event_id", "e1"), "2024-03-15", **{"date_text": "on Friday", "confidence": 0.8, **over})


def test_a_good_table_passes_and_keeps_its_columns_in_order():
    df = coerce(pd.DataFrame([_row()]))
    assert list(df.columns) == list(EVENT_COLUMNS)
    assert invalid_rows(df) == {}
    assert len(validate(df)) == 1


def test_the_empty_table_has_the_declared_dtypes():
    df = empty_events()
    assert {c: str(df[c].dtype) for c in df.columns} == {c: d for c, (d, _) in EVENT_COLUMNS.items()}


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match="date_precision"):
        coerce(pd.DataFrame([_row()]).drop(columns=["date_precision"]))


@pytest.mark.parametrize(
    ("field", "value", "column"),
    [
        ("event_type", "PARTY", "event_type"),
        ("countries", ["Russia"], "countries"),
        ("mode", "maybe", "mode"),
        ("confidence", 1.5, "confidence"),
        ("date", "15 March 2024", "date"),
    ],
)
def test_each_broken_row_is_named_with_its_column(field, value, column):
    df = coerce(pd.DataFrame([_row(), _row(event_id="e2", **{field: value})]))
    problems = invalid_rows(df)
    assert list(problems) == [1]
    assert problems[1].startswith(column)


def test_an_importer_leaves_out_rows_that_break_the_contract_and_says_why():
    day = dt.date(2024, 3, 15)
    good = {
        "event_id": "gdelt-1",
        "date": "2024-03-15",
        "date_precision": "day",
        "date_start": pd.Timestamp(day),
        "date_end": pd.Timestamp(day) + pd.Timedelta(days=1),
        "event_type": "ASSAULT",
        "article_id": "gdelt-1",
        "origin": "gdelt",
        "origin_ref": "export.CSV:1",
        "countries": ["RUS"],
    }
    bad = {**good, "event_id": "gdelt-2", "origin_ref": "export.CSV:2", "countries": ["russia"]}
    rows, rejected = build_rows([good, bad])
    assert rows["event_id"].tolist() == ["gdelt-1"]
    assert rejected == [("export.CSV:2", "does not fit the events table (countries: a list of ISO alpha-3 codes)")]
