"""The corrections loop from the command line: correct, export, move to another store, re-ingest, score."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

ARTICLE = """Kyiv, March 4 (Harbour Wire) - Russian forces shelled the city of Kharkiv on Monday, damaging a power
station, Ukrainian officials said. Poland's foreign minister met his Ukrainian counterpart in Warsaw on Tuesday.
"""


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "extract", *args], capture_output=True, text=True, timeout=300)
    if check:
        assert done.returncode == 0, done.stderr
    return done


@pytest.fixture
def ingested(tmp_path):
    article = tmp_path / "kharkiv.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "store"
    cli("ingest", str(article), "--store", str(store), "--published", "2024-03-05")
    return article, store


def _events(store) -> list[dict]:
    out = cli("export", "--format", "jsonl", "--include-modes", "all", "--store", str(store)).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_correct_export_reingest_move_and_score(ingested, tmp_path):
    article, store = ingested
    events = _events(store)
    assert events, "the article should give events"
    first = events[0]
    new_type = "COERCE" if first["event_type"] != "COERCE" else "ASSAULT"
    cli(
        "corrections",
        "add",
        first["event_id"],
        "--set",
        f"event_type={new_type}",
        "--who",
        "ana",
        "--store",
        str(store),
    )
    cli("corrections", "add", first["event_id"], "--set", "countries=UKR,RUS", "--store", str(store))

    # The CSV export carries the corrected values and marks the corrected fields.
    rows = list(csv.DictReader(io.StringIO(cli("export", "--format", "csv", "--include-modes", "all",
                                               "--store", str(store)).stdout)))  # fmt: skip
    row = next(r for r in rows if r["event_id"] == first["event_id"])
    assert row["event_type"] == new_type
    assert "event_type" in row["corrected_fields"] and "countries" in row["corrected_fields"]

    # Re-ingesting the same article keeps the correction applied.
    cli("ingest", str(article), "--store", str(store), "--published", "2024-03-05")
    again = {e["event_id"]: e for e in _events(store)}
    assert again[first["event_id"]]["event_type"] == new_type

    # The log moves to another store holding the same article.
    log = tmp_path / "corrections.jsonl"
    cli("export", "--corrections", "-o", str(log), "--store", str(store))
    assert len(log.read_text(encoding="utf-8").splitlines()) == 2
    other = tmp_path / "other"
    cli("ingest", str(article), "--store", str(other), "--published", "2024-03-05")
    assert "2 corrections imported" in cli("corrections", "import", str(log), "--store", str(other)).stdout
    assert "0 corrections imported, 2 already here" in cli("corrections", "import", str(log), "--store",
                                                           str(other)).stdout  # fmt: skip
    moved = {e["event_id"]: e for e in _events(other)}
    assert moved[first["event_id"]]["event_type"] == new_type

    # Scoring: the extractor disagrees with the type the analyst set (it produced the old one).
    scored = cli("corrections", "score", "--store", str(store)).stdout
    line = next(x for x in scored.splitlines() if x.startswith("event_type"))
    assert line.split()[1:3] == ["1", "0"]


def test_impossible_corrections_are_refused_with_a_clear_message(ingested):
    _article, store = ingested
    eid = _events(store)[0]["event_id"]
    done = cli("corrections", "add", eid, "--set", "date=2024-02-30", "--store", str(store), check=False)
    assert done.returncode == 2 and "not a date that exists" in done.stderr
    done = cli("corrections", "add", "no-such-event", "--note", "x", "--store", str(store), check=False)
    assert done.returncode == 2 and "no event 'no-such-event'" in done.stderr
    assert cli("corrections", "list", "--store", str(store)).stdout == ""


def test_a_log_that_is_not_json_is_named(ingested, tmp_path):
    _article, store = ingested
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"\x00\xffnot json")
    done = cli("corrections", "import", str(bad), "--store", str(store), check=False)
    assert done.returncode == 2 and "bad.jsonl: not a correction log" in done.stderr
