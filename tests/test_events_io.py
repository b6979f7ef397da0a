"""extract_events and `python -m extract events` on real files, including bad input."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pandas as pd
import pytest

from core.schema import EVENT_COLUMNS
from extract.events import extract_events
from extract.model import Article

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent

STORY = (
    "Russia attacked the Ukrainian city of Kharkiv on Tuesday, regional officials said.\n"
    "On Wednesday, France condemned Russia over the attack.\n"
)


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "extract", "events", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        input=stdin,
        timeout=300,
    )


def test_extract_events_over_articles_gives_the_declared_table():
    a = Article(id="x1", text=STORY, published=dt.datetime(2024, 3, 7, 9, 0, tzinfo=dt.UTC))
    df = extract_events([a], workers=1)
    assert list(df.columns) == list(EVENT_COLUMNS)
    assert {str(df[c].dtype) for c in ("date", "event_type")} == {"string"}
    assert str(df["published"].dtype) == "datetime64[ns, UTC]"
    assert sorted(zip(df["date"], df["event_type"], strict=True)) == [
        ("2024-03-05", "ASSAULT"),
        ("2024-03-06", "ACCUSE"),
    ]


def test_extract_events_over_a_file_with_published(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    df = extract_events([path], published="2024-03-07", workers=1)
    assert set(df["date"]) == {"2024-03-05", "2024-03-06"}


def test_batches_in_two_processes_equal_one_process():
    arts = [Article(id=f"a{n}", text=STORY, published=dt.datetime(2024, 3, 7, tzinfo=dt.UTC)) for n in range(40)]
    one = extract_events(arts, workers=1)
    two = extract_events(arts, workers=2)
    pd.testing.assert_frame_equal(one, two)
    assert len(one) == 80


def test_dates_beyond_the_tables_range_are_not_events_and_do_not_break_the_batch():
    # datetime64[ns] reaches 1677-2262: a treaty recalled from 1648 or a year 2300 must not sink the table.
    text = (
        "Sweden and France signed a peace treaty with the emperor in 1648, the historian said on Monday.\n"
        "In 2300, the planners said, Mars will host a colony.\n" + STORY
    )
    a = Article(id="old", text=text, published=dt.datetime(2024, 3, 7, 9, 0, tzinfo=dt.UTC))
    df = extract_events([a], workers=1)
    assert "1648" not in set(df["date"]) and "2300" not in set(df["date"])
    assert {"2024-03-05", "2024-03-06"} <= set(df["date"])
    assert df["date_start"].min() >= pd.Timestamp("1677-09-22")


def test_bad_input_gives_no_events_and_no_crash():
    cases = {
        "empty": "",
        "no actors, no dates": "It was a quiet afternoon and the rain kept falling on the old roofs.",
        "other language": "Le gouvernement a annoncé mardi une nouvelle réforme des retraites pour les salariés du "
        "secteur public, selon le ministre qui a parlé devant les députés.",
        "numbers": "\n".join(" | ".join(str(n * k) for k in range(8)) for n in range(200)),
        "all caps": "RUSSIA ATTACKS KYIV\nMARKETS FALL ON WAR FEARS\n",
        "one enormous sentence": "officials met " + "and talked " * 50000 + "for hours",
    }
    for name, text in cases.items():
        df = extract_events([Article(id=name, text=text, published=dt.datetime(2024, 1, 2, tzinfo=dt.UTC))], workers=1)
        assert len(df) == 0, name


def test_cli_jsonl_prints_schema_fields_and_notes(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    empty = tmp_path / "quiet.txt"
    empty.write_text("Nothing happened here at all, and nobody said anything.", encoding="utf-8")
    proc = _cli(str(good), str(empty), "--published", "2024-03-07")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert len(lines) == 2
    assert set(lines[0]) == set(EVENT_COLUMNS)
    assert {x["date"] for x in lines} == {"2024-03-05", "2024-03-06"}
    assert lines[0]["countries"] and all(len(c) == 3 for c in lines[0]["countries"])
    assert lines[0]["published"].startswith("2024-03-07")
    assert "quiet.txt" in proc.stderr and "no events" in proc.stderr


def test_cli_csv_and_parquet(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    csv_out = tmp_path / "e.csv"
    assert _cli(str(good), "--published", "2024-03-07", "--format", "csv", "-o", str(csv_out)).returncode == 0
    assert len(pd.read_csv(csv_out)) == 2
    pq = tmp_path / "e.parquet"
    assert _cli(str(good), "--published", "2024-03-07", "--format", "parquet", "-o", str(pq)).returncode == 0
    assert list(pd.read_parquet(pq)["event_type"]) == ["ASSAULT", "ACCUSE"]
    proc = _cli(str(good), "--format", "parquet")
    assert proc.returncode == 2 and "-o" in proc.stderr


@pytest.mark.parametrize("content", [b"\x00\x01\x02binary\xff" * 100, b"\xff\xfe\xfa not utf-8 at all \x80\x81"])
def test_cli_bad_files_do_not_crash(tmp_path, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    proc = _cli(str(bad), "--published", "2024-03-07")
    assert proc.returncode in (0, 2)
    assert proc.stdout == ""
    assert "bad.txt" in proc.stderr
    assert "Traceback" not in proc.stderr


def _export(store_dir, fmt: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "extract",
            "export",
            "--format",
            fmt,
            "--include-modes",
            "all",
            "--store",
            str(store_dir),
        ],
        capture_output=True,
        cwd=ROOT,
        timeout=300,
    )


def test_extract_events_and_extract_export_write_one_table_the_same_way(tmp_path):
    """The same events through `extract events` and, once stored, `extract export`: the same CSV cells and
    the same JSON values (one list separator, days as YYYY-MM-DD, times in UTC; core/serialize.py)."""
    import csv
    import io

    from store import EventStore

    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    published = "2024-03-07T09:30+02:00"  # a local time: both write it in UTC
    events_csv = _cli(str(good), "--published", published, "--format", "csv")
    events_jsonl = _cli(str(good), "--published", published, "--format", "jsonl")
    assert events_csv.returncode == 0 and events_jsonl.returncode == 0, events_csv.stderr
    EventStore(tmp_path / "store").add_events(extract_events([good], published=published, workers=1))
    export_csv, export_jsonl = _export(tmp_path / "store", "csv"), _export(tmp_path / "store", "jsonl")
    assert export_csv.returncode == 0 and export_jsonl.returncode == 0, export_csv.stderr

    mine = list(csv.DictReader(io.StringIO(events_csv.stdout)))
    stored = {r["event_id"]: r for r in csv.DictReader(io.StringIO(export_csv.stdout.decode("utf-8")))}
    assert len(mine) == len(stored) == 2
    for row in mine:
        assert {k: stored[row["event_id"]][k] for k in row} == row
    assert {r["countries"] for r in mine} >= {"RUS; UKR"}
    assert {r["published"] for r in mine} == {"2024-03-07T07:30:00+00:00"}
    assert {r["date_start"] for r in mine} == {"2024-03-05", "2024-03-06"}

    lines = [json.loads(x) for x in events_jsonl.stdout.splitlines()]
    exported = {r["event_id"]: r for r in map(json.loads, export_jsonl.stdout.decode("utf-8").splitlines())}
    assert len(lines) == 2
    for rec in lines:
        assert {k: exported[rec["event_id"]][k] for k in rec} == rec
    assert all(isinstance(r["countries"], list) for r in lines)
