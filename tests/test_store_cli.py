"""The ingest, import and export commands, run as a person runs them."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import pyarrow.parquet as pq

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures"


def cli(*args: str, store: pathlib.Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "extract", *args, "--store", str(store)],
        cwd=ROOT,
        capture_output=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_import_prints_one_summary_line_and_lists_rejects(tmp_path):
    out = cli("import", "gdelt", str(FIX / "gdelt" / "20240326.export.CSV.zip"), store=tmp_path)
    assert out.returncode == 0
    assert out.stdout.decode().strip() == "added 7, merged 0, skipped 0, rejected 5"
    assert "unknown CAMEO event code '999'" in out.stderr.decode()
    again = cli("import", "gdelt", str(FIX / "gdelt" / "20240326.export.CSV"), store=tmp_path)
    assert again.stdout.decode().strip() == "added 0, merged 0, skipped 7, rejected 5"


def test_import_of_a_wrong_file_names_it_and_fails(tmp_path):
    out = cli("import", "acled", str(FIX / "acled" / "acled_old_layout.csv"), store=tmp_path)
    assert out.returncode == 1
    assert out.stdout.decode().strip() == "added 0, merged 0, skipped 0, rejected 1"
    assert "acled_old_layout.csv: not an ACLED CSV export: missing columns disorder_type" in out.stderr.decode()
    missing = cli("import", "gdelt", str(tmp_path / "absent.CSV"), store=tmp_path)
    assert missing.returncode == 1 and "absent.CSV: no such file" in missing.stderr.decode()


def test_export_filters_and_writes_every_format(tmp_path):
    store = tmp_path / "s"
    cli("import", "gdelt", str(FIX / "gdelt" / "20240326.export.CSV"), store=store)
    cli("import", "acled", str(FIX / "acled" / "acled_2023-2025_sample.csv"), store=store)
    out = cli("export", "--format", "jsonl", "--country", "ukr", "--from", "2024", "--to", "2024-03", store=store)
    assert out.returncode == 0, out.stderr
    ids = [json.loads(x)["event_id"] for x in out.stdout.decode().splitlines()]
    assert ids == ["gdelt-1160000101", "gdelt-1160000104"]
    assert "exported 2 of 12 events as jsonl" in out.stderr.decode()
    target = tmp_path / "out.parquet"
    out = cli("export", "--format", "parquet", "--event-type", "assault", "-o", str(target), store=store)
    assert out.returncode == 0 and pq.read_table(target).num_rows == 3
    out = cli("export", "--format", "timelinejs", "--actor", "Taliban", store=store)
    assert [e["unique_id"] for e in json.loads(out.stdout)["events"]] == ["acled-AFG5501"]
    out = cli("export", "--format", "csv", "--text", "kharkiv", "--min-salience", "0.01", store=store)
    assert out.stdout.decode().count("\n") == 3  # header + GDELT strike + ACLED shelling
    out = cli("export", "--format", "jsonl", "--min-confidence", "0.6", store=store)
    kept = [json.loads(x) for x in out.stdout.decode().splitlines()]
    assert kept and {e["event_id"].split("-")[0] for e in kept} == {"acled"}  # ACLED 0.9 (human-coded), GDELT 0.5
    assert "exported 5 of 12 events" in out.stderr.decode()


def test_export_rejects_a_bad_date(tmp_path):
    out = cli("export", "--format", "csv", "--from", "2024-13-01", store=tmp_path)
    assert out.returncode == 2 and "not a valid date" in out.stderr.decode()


def test_ingest_extracts_merges_and_is_idempotent(tmp_path):
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "reuters.txt").write_text(
        "Russian missiles strike Kharkiv power plant\n\nKYIV, March 2 (Reuters) - Russian forces launched a missile "
        "strike on an energy plant in Kharkiv on Saturday, Ukrainian officials said, cutting power to thousands "
        "of homes.\n",
        encoding="utf-8",
    )
    (arts / "ap.txt").write_text(
        "Kharkiv energy plant hit by Russian missiles\n\nMarch 2, 2024 (AP) - Russia struck an energy plant in "
        "Kharkiv with missiles on Saturday, according to Ukrainian authorities, leaving thousands without "
        "electricity.\n",
        encoding="utf-8",
    )
    (arts / "broken.txt").write_bytes(b"")
    store = tmp_path / "s"
    out = cli("ingest", str(arts), "--published", "2024-03-02", store=store)
    assert out.returncode == 0, out.stderr
    line = out.stdout.decode().strip()
    assert line.startswith("added 1, merged 1, skipped 0, rejected "), line
    again = cli("ingest", str(arts), "--published", "2024-03-02", store=store)
    assert again.stdout.decode().strip().startswith("added 0, merged 0, skipped 2, rejected ")
