"""Faults: a full disk, a read-only directory, a killed import, a killed migration. Each is named, the warehouse is
never half-written (readers only see files the manifest names, each whole), and what came before is still there."""

from __future__ import annotations

import contextlib
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import threading
import time

import pyarrow.parquet as pq
import pytest

from service.synth import generate_events
from store import EventStore
from store.query import Filters
from store.warehouse import Warehouse, imports, layout
from store.warehouse.imports import import_files

ROOT = pathlib.Path(__file__).resolve().parent.parent
GDELT2 = ROOT / "tests" / "fixtures" / "gdelt" / "20240326.export.CSV"
EVERY = Filters(modes=())


def many_rows(path: pathlib.Path, n: int, first_id: int = 2_000_000_000) -> pathlib.Path:
    """A GDELT 2.0 export of n valid rows: the fixture's first row again and again, with new ids, dates and (random,
    so that they do not compress away) URLs."""
    base = GDELT2.read_text(encoding="utf-8").splitlines()[0].split("\t")
    with path.open("w", encoding="utf-8") as fh:
        for k in range(n):
            base[0] = str(first_id + k)
            base[1] = f"2024{1 + k % 12:02d}{1 + k % 28:02d}"  # twelve month partitions
            base[60] = f"https://example.org/news/{os.urandom(24).hex()}.html"
            fh.write("\t".join(base) + "\n")
    return path


def assert_whole(root: pathlib.Path) -> dict:
    """The manifest names only files that exist and read as whole Parquet files; no temp file is named."""
    manifest = json.loads((root / layout.MANIFEST).read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        for key in ("events", "counts"):
            assert not entry[key].endswith(".tmp")
            pq.read_metadata(root / entry[key])  # raises on a half-written file
        assert pq.read_metadata(root / entry["events"]).num_rows == entry["rows"]
    return manifest


@contextlib.contextmanager
def small_disk(path: pathlib.Path, size: str):
    """A tmpfs of the given size mounted at path (root only), unmounted afterwards."""
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"mounting a {size} tmpfs needs root: {done.stderr.decode().strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_a_full_disk_is_named_and_what_was_imported_before_stays(tmp_path):
    big = many_rows(tmp_path / "big.export.CSV", 40_000)
    with small_disk(tmp_path / "disk", "1500k") as disk:
        wh = Warehouse.create(disk / "wh")
        assert import_files(wh, "gdelt", [GDELT2]).imported == 7
        before = wh.version()
        report = import_files(wh, "gdelt", [big])
        assert "no space left on the device" in report.error
        assert "what earlier commits wrote is kept" in report.error
        (f,) = report.files
        assert f.balanced() and f.imported == 0 and f.refused.by_kind["unwritten"][0] == f.read
        assert wh.version() == before and wh.count(EVERY) == 7
        assert_whole(disk / "wh")
        assert not list((disk / "wh").rglob("*.tmp"))  # the half-written files went
        # after freeing space the import goes through
        shutil.rmtree(disk / "wh")
        wh = Warehouse.create(disk / "wh")
        assert import_files(wh, "gdelt", [GDELT2]).imported == 7


def _stage_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("warehouse-") and t.is_alive()]


def test_the_full_disk_stops_the_reading_and_mapping_threads(tmp_path, monkeypatch):
    monkeypatch.setattr(imports, "BLOCK_BYTES", 1 << 16)  # many blocks: the stages are busy when the write fails
    big = many_rows(tmp_path / "big.export.CSV", 40_000)
    with small_disk(tmp_path / "disk", "1500k") as disk:
        report = import_files(Warehouse.create(disk / "wh"), "gdelt", [big])
        assert "no space left on the device" in report.error
        assert _stage_threads() == []


def test_an_error_in_mapping_is_raised_as_it_is_and_the_stages_stop(tmp_path, monkeypatch):
    """Mapping runs in a thread of its own: an error there is not taken for a reading error of the file (which
    would be reported as "stopped after N rows"), it reaches the caller, and no stage is left running."""
    monkeypatch.setattr(imports, "BLOCK_BYTES", 1 << 16)
    big = many_rows(tmp_path / "big.export.CSV", 3_000)
    real, calls = imports.GdeltMapper.map, []

    def breaks_on_the_third_block(self, raw, name, added_format):
        calls.append(raw.num_rows)
        if len(calls) == 3:
            raise ValueError("a mapping bug")  # a ValueError from reading would mean a damaged file
        return real(self, raw, name, added_format)

    monkeypatch.setattr(imports.GdeltMapper, "map", breaks_on_the_third_block)
    wh = Warehouse.create(tmp_path / "wh")
    with pytest.raises(ValueError, match="a mapping bug"):
        import_files(wh, "gdelt", [big])
    assert len(calls) == 3 and _stage_threads() == []
    assert wh.count(EVERY) == 0  # nothing was committed: the writer was abandoned whole


def test_a_read_only_directory_is_named(tmp_path):
    with small_disk(tmp_path / "disk", "4m") as disk:
        wh = Warehouse.create(disk / "wh")
        import_files(wh, "gdelt", [GDELT2])
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        report = import_files(Warehouse(disk / "wh"), "gdelt", [many_rows(tmp_path / "more.CSV", 100)])
        assert "read-only" in report.error
        assert Warehouse(disk / "wh").count(EVERY) == 7  # still readable


KILLED_IMPORT = """
import sys
from store.warehouse import Warehouse
import store.warehouse.imports as imports
imports.BLOCK_BYTES = 1 << 16  # small blocks, so commits come every few thousand rows
report = imports.import_files(Warehouse(sys.argv[1]), "gdelt", [sys.argv[2]], commit_rows=4000)
print(report.imported)
"""


def test_a_killed_import_leaves_the_committed_part_and_a_rerun_completes_it(tmp_path):
    root = tmp_path / "wh"
    wh = Warehouse.create(root)
    import_files(wh, "gdelt", [GDELT2])
    first_generation = wh.manifest()["generation"]
    big = many_rows(tmp_path / "big.export.CSV", 60_000)
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_IMPORT, str(root), str(big)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:  # kill it after its second commit, in the middle of the file
        manifest = layout.read_manifest(root)
        if manifest["generation"] >= first_generation + 2:
            break
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    manifest = assert_whole(root)
    committed = manifest["counts"]["events"]
    assert 7 + 4000 <= committed < 7 + 60_000
    assert Warehouse(root).count(EVERY) == committed
    assert Warehouse(root).event("gdelt-1160000101").iloc[0]["event_type"] == "ASSAULT"  # the earlier import
    rerun = import_files(Warehouse(root), "gdelt", [big])
    assert rerun.duplicates == committed - 7 and rerun.imported == 60_000 - (committed - 7)
    assert Warehouse(root).count(EVERY) == 60_007
    assert_whole(root)
    leftovers = [p for p in root.rglob("*") if p.is_file() and (p.name.endswith(".tmp") or p.suffix == ".parquet")]
    named = layout.live_paths(layout.read_manifest(root)) | set(layout.read_manifest(root)["retired"])
    assert {p.relative_to(root).as_posix() for p in leftovers} <= named  # the killed run's orphans were swept


def test_small_files_are_merged_and_the_merged_ones_stay_one_generation(tmp_path):
    root = tmp_path / "wh"
    wh = Warehouse.create(root)
    for k in range(8):  # eight small imports into the same twelve partitions: the eighth merges them
        many_rows(tmp_path / f"f{k}.CSV", 30, first_id=3_000_000_000 + 1000 * k)
        import_files(wh, "gdelt", [tmp_path / f"f{k}.CSV"])
    manifest = assert_whole(root)
    retired = manifest["retired"]
    assert len(retired) == 2 * 8 * 12  # events and counts files of eight imports in twelve months
    assert all((root / p).exists() for p in retired)  # a reader of the previous manifest still finds them
    assert len(manifest["files"]) == 12 and wh.count(EVERY) == 240
    assert wh.aggregate(EVERY, ("period:month",))["events"].tolist() == [24] * 6 + [16] * 6
    many_rows(tmp_path / "f8.CSV", 30, first_id=3_000_009_000)
    import_files(wh, "gdelt", [tmp_path / "f8.CSV"])
    assert not any((root / p).exists() for p in retired)  # two generations on, they are gone
    assert wh.count(EVERY) == 270


KILLED_MIGRATION = """
import sys
import store.warehouse.writer as writer
from store.warehouse.migrate import migrate
original = writer.WarehouseWriter.commit
def slow_commit(self):
    original(self)
    print("committed", flush=True)
    import time; time.sleep(60)
writer.WarehouseWriter.commit = slow_commit
migrate(sys.argv[1])
"""


def test_a_killed_migration_leaves_the_arrow_store_as_it_was(tmp_path):
    root = tmp_path / "store"
    EventStore(root).add_events(generate_events(300, seed=4))
    version = EventStore(root).version()
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_MIGRATION, str(root)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "committed", proc.stderr.read()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not layout.is_warehouse(root)
    assert EventStore(root).version() == version and len(EventStore(root).events(["event_id"])) == 300
    done = subprocess.run(
        [sys.executable, "-m", "extract", "store", "migrate", "--to", "warehouse", "--store", str(root)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "moved 300 events" in done.stdout
    assert layout.is_warehouse(root) and not (root / "meta.json").exists() and not (root / ".migrating").exists()
    assert Warehouse(root).count(EVERY) == 300
    with pytest.raises(Exception, match="is a warehouse-tier store"):
        EventStore(root).events(["event_id"])
