"""`python -m extract articles`: JSON lines on stdout, a summary on stderr, exit status."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIX = pathlib.Path(__file__).parent / "fixtures" / "ingest"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "extract", "articles", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_jsonl_output_and_summary():
    proc = run(str(FIX / "articles.jsonl"), str(FIX / "article.json"), str(FIX / "malformed.json"))
    assert proc.returncode == 0
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in rows[:3]] == ["a-1", "a-2", "a-4"]
    assert rows[0]["published"] == "2009-05-12T00:00:00+00:00"
    assert rows[3]["published"] == "2025-04-17T15:00:00+10:00"
    assert rows[2]["published"] is None and rows[2]["published_from"] == "unknown"
    assert set(rows[0]) >= {
        "id",
        "title",
        "text",
        "url",
        "source",
        "language",
        "published",
        "published_precision",
        "published_from",
        "origin",
        "segments",
    }
    assert rows[0]["segments"] == [{"start": 0, "end": len(rows[0]["text"]), "kind": "body"}]
    err = proc.stderr.splitlines()
    assert any("articles.jsonl line 3" in line for line in err)
    assert any("malformed.json: not valid JSON at line 4" in line for line in err)
    assert err[-1].startswith("4 articles read, 2 inputs rejected")


def test_stdin_and_published_option():
    proc = run("-", "--published", "2025-05-06", stdin="Rescuers reached the stranded hikers on the ridge.\n")
    assert proc.returncode == 0
    row = json.loads(proc.stdout)
    assert row["origin"] == "-"
    assert (row["published"], row["published_from"], row["published_precision"]) == (
        "2025-05-06T00:00:00+00:00",
        "cli",
        "day",
    )


def test_nothing_readable_exits_non_zero():
    proc = run(str(FIX / "no_body.html"), "/nonexistent/file.txt")
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "0 articles read, 2 inputs rejected" in proc.stderr
    assert "/nonexistent/file.txt: no such file or directory" in proc.stderr


def test_bad_published_option_is_an_error():
    proc = run(str(FIX / "article.json"), "--published", "someday")
    assert proc.returncode == 2
    assert "--published 'someday': not a date" in proc.stderr


def test_text_format_lists_segments():
    proc = run(str(FIX / "story_with_furniture.txt"), "--format", "text")
    assert proc.returncode == 0
    assert "[dateline] 09:45 GMT, March 4, 2025" in proc.stdout
    assert "[credit] (Reporting by Ana Placeholder; Editing by Tom Sample)" in proc.stdout


def test_jsonl_on_stdin_keeps_ids():
    lines = "".join(
        json.dumps({"id": f"s{i}", "published": f"2010-05-0{i}", "text": f"Crews capped well {i}."}) + "\n"
        for i in (1, 2)
    )
    proc = run("-", stdin=lines)
    assert proc.returncode == 0
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["id"], r["published"][:10]) for r in rows] == [("s1", "2010-05-01"), ("s2", "2010-05-02")]
