"""The project's promises to a newcomer: documented commands exist, and CI cannot skip its way to green."""

from __future__ import annotations

import os
import pathlib
import re
import subprocess
import sys

from service.cli import COMMANDS

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_readme_starts_with_the_two_commands():
    head = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:8]
    text = "\n".join(head)
    assert "make run" in text and "make test" in text


def test_makefile_has_the_two_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run:", makefile, re.M)
    assert re.search(r"^test:", makefile, re.M)


def test_every_cli_command_is_documented_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in COMMANDS if f"-m extract {c}" not in readme]
    assert not missing, f"README.md does not document: {missing}"


def test_ci_runs_the_readme_test_command_with_shared_required():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
    assert "REQUIRE_SHARED=1" in ci


def _run_probe(tmp_path: pathlib.Path, require: bool) -> subprocess.CompletedProcess:
    probe = tmp_path / "test_probe.py"
    probe.write_text(
        "from tests.conftest import need_shared\n\ndef test_needs_shared():\n    need_shared('seed')\n",
        encoding="utf-8",
    )
    env = dict(os.environ, SHARED_DIR=str(tmp_path / "no-such-shared"))
    env.pop("REQUIRE_SHARED", None)
    if require:
        env["REQUIRE_SHARED"] = "1"
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            str(probe),
            "--rootdir",
            str(ROOT),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_missing_shared_skips_for_a_user(tmp_path):
    proc = _run_probe(tmp_path, require=False)
    assert proc.returncode == 0, proc.stdout
    assert "1 skipped" in proc.stdout


def test_missing_shared_fails_in_ci(tmp_path):
    proc = _run_probe(tmp_path, require=True)
    assert proc.returncode == 1, proc.stdout
    assert "REQUIRE_SHARED=1" in proc.stdout
