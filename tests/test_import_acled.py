"""ACLED CSV exports: fixtures written by hand after ACLED's current 31-column export."""

from __future__ import annotations

import pathlib

import pandas as pd
import pytest

from core.errors import ImportFormatError
from store import EventStore
from store.importers.acled import COLUMNS, parse_date, read_acled

FIX = pathlib.Path(__file__).parent / "fixtures" / "acled"
SAMPLE = FIX / "acled_2023-2025_sample.csv"


def test_the_export_has_31_columns():
    assert len(COLUMNS) == 31


@pytest.mark.parametrize(
    "text", ["16 May 2025", "2025-05-16", "16-05-2025", "16/05/2025", "16-May-2025", "May 16, 2025", " 16 May 2025 "]
)
def test_event_dates_in_every_form_seen_in_the_wild(text):
    assert str(parse_date(text)) == "2025-05-16"


def test_rows_become_events():
    rows, _ = read_acled(SAMPLE)
    ev = rows.set_index("event_id")
    shelling = ev.loc["acled-UKR98765"]
    assert shelling["date"] == "2025-05-16" and shelling["date_precision"] == "day"
    assert shelling["event_type"] == "ASSAULT"
    assert list(shelling["countries"]) == ["UKR"]  # iso 804
    assert shelling["source_actor"] == "Military Forces of Russia (2000-)"
    assert shelling["target_actor"] == "Civilians (Ukraine)"
    assert shelling["fatalities"] == 3
    assert list(shelling["sources"]) == ["Ukrinform", "Suspilne"] and shelling["mentions"] == 2
    assert shelling["sentence"].startswith("On 16 May 2025, Russian forces shelled")
    assert shelling["origin"] == "acled" and shelling["origin_ref"] == "acled_2023-2025_sample.csv:2"
    assert shelling["published"] == pd.Timestamp(1747699200, unit="s", tz="UTC")
    assert ev.loc["acled-USA77002", "event_type"] == "COERCE"  # excessive force against protesters
    assert ev.loc["acled-AFG5501", "event_type"] == "AGREE"
    assert list(ev.loc["acled-AFG5501", "countries"]) == ["AFG"]  # iso 4, not zero-padded in the file
    assert "Sudan Shield Forces" in ev.loc["acled-SDN31001", "actors"]


def test_time_precision_sets_the_date_period():
    rows, _ = read_acled(SAMPLE)
    ev = rows.set_index("event_id")
    week = ev.loc["acled-SDN31001"]  # time_precision 2, 2025-04-15 is a Tuesday in ISO week 16
    assert (week["date"], week["date_precision"]) == ("2025-W16", "week")
    assert (str(week["date_start"].date()), str(week["date_end"].date())) == ("2025-04-14", "2025-04-21")
    month = ev.loc["acled-PSE22004"]  # time_precision 3, 03-06-2024 is 3 June 2024
    assert (month["date"], month["date_precision"]) == ("2024-06", "month")
    assert (str(month["date_start"].date()), str(month["date_end"].date())) == ("2024-06-01", "2024-07-01")


def test_bad_rows_are_rejected_with_the_line_and_reason():
    rows, rejected = read_acled(SAMPLE)
    assert len(rows) == 5
    reasons = dict(rejected)
    assert "6 fields" in reasons["acled_2023-2025_sample.csv:6"]
    assert "31 February 2025" in reasons["acled_2023-2025_sample.csv:8"]
    assert "'999'" in reasons["acled_2023-2025_sample.csv:9"]
    assert "no PLOVER event type" in reasons["acled_2023-2025_sample.csv:10"]


def test_a_file_missing_columns_is_refused_naming_them():
    with pytest.raises(ImportFormatError, match="missing columns disorder_type, civilian_targeting, tags"):
        read_acled(FIX / "acled_old_layout.csv")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"\x00\x00\x00", "binary"),
        (b"just some text\nwithout a header\n", "missing columns event_id_cnty"),
    ],
)
def test_files_of_another_shape_are_refused(content, message):
    with pytest.raises(ImportFormatError, match=message):
        read_acled(("bad.csv", content))


def test_a_latin1_file_and_a_byte_order_mark_are_read():
    text = SAMPLE.read_text(encoding="utf-8").replace("Kharkiv city", "Kharkiv city caf\u00e9")
    rows, _ = read_acled(("bom.csv", b"\xef\xbb\xbf" + text.encode("utf-8")))
    assert len(rows) == 5
    rows, _ = read_acled(("latin.csv", text.encode("latin-1")))
    assert "caf\u00e9" in rows.set_index("event_id").loc["acled-UKR98765", "sentence"]


def test_importing_twice_adds_nothing(tmp_path):
    store = EventStore(tmp_path)
    assert store.import_file("acled", SAMPLE).added == 5
    again = store.import_file("acled", SAMPLE)
    assert (again.added, again.skipped) == (0, 5)
    ev = store.events().set_index("event_id")
    assert len(ev) == 5
    # ACLED counts fatalities into salience: the deadly shelling outranks the peaceful protest
    assert ev.loc["acled-UKR98765", "salience"] > ev.loc["acled-PSE22004", "salience"]
