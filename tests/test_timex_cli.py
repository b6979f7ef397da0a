"""`python -m extract dates` end to end: a real subprocess reading stdin, JSON lines out, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT


def _run(args: list[str], data: bytes) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "extract", "dates", *args], input=data, cwd=ROOT, capture_output=True, timeout=60
    )


def test_json_lines_with_offsets_into_the_input() -> None:
    text = "Médecins 🙂 said on Tuesday that the talks of March 26, 1996 resumed two days ago."
    proc = _run(["--reference", "2013-03-20"], text.encode("utf-8"))
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [r["text"] for r in rows] == ["Tuesday", "March 26, 1996", "two days ago"]
    for r in rows:
        assert set(r) == {"start", "end", "text", "value", "type"}
        assert text[r["start"] : r["end"]] == r["text"]
    assert [r["value"] for r in rows] == ["2013-03-19", "1996-03-26", "2013-03-18"]


def test_reference_with_time_and_zone() -> None:
    proc = _run(["--reference", "2013-03-20T08:15+02:00"], b"It happened yesterday.")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["value"] == "2013-03-19"


def test_malformed_reference_exits_2_with_a_message() -> None:
    proc = _run(["--reference", "20/03/2013"], b"yesterday")
    assert proc.returncode == 2
    assert b"--reference" in proc.stderr and b"20/03/2013" in proc.stderr
    assert b"Traceback" not in proc.stderr


def test_missing_reference_gives_absolute_expressions_only() -> None:
    proc = _run([], b"On March 26, 1996 and yesterday.")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["text"], r["value"]) for r in rows] == [("March 26, 1996", "1996-03-26")]


def test_empty_and_binary_input() -> None:
    assert _run(["--reference", "2013-03-20"], b"").stdout == b""
    proc = _run(["--reference", "2013-03-20"], b"\xff\xfe\x00garbage 1990\x80")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["value"] for r in rows] == ["1990"]


def test_command_does_not_import_heavy_modules() -> None:
    code = (
        "import sys, runpy; sys.argv = ['extract', 'dates', '--reference', '2013-03-20'];"
        "import io; sys.stdin = io.TextIOWrapper(io.BytesIO(b'on Tuesday'));"
        "from service.cli import main; main(sys.argv[1:]);"
        "bad = [m for m in ('pandas', 'streamlit', 'plotly', 'dateparser') if m in sys.modules];"
        "print('HEAVY', bad)"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=60)
    assert b"HEAVY []" in proc.stdout, proc.stdout + proc.stderr
