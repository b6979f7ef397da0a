"""Sharded extraction into Parquet parts (service/corpus.py): local processes, a Dask LocalCluster, kills and reruns,
bad inputs, and loading the parts into the store."""

from __future__ import annotations

import json
import os
import pathlib
import signal
import socket
import subprocess
import sys
import time

import pandas as pd
import pyarrow.parquet as pq
import pytest

from core.schema import EVENT_COLUMNS
from service.corpus import (
    PART_SCHEMA,
    CorpusError,
    ShardInputError,
    extract_corpus,
    extract_shard,
    part_paths,
    plan_shards,
    read_part,
)
from tests.conftest import ROOT, need_shared

SAMPLE = ROOT / "data" / "articles"  # 87 JSON lines + 4 text/HTML files
PY = sys.executable


def _concat(parts_dir) -> pd.DataFrame:
    return pd.concat([read_part(p) for p in part_paths(parts_dir)], ignore_index=True)


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PY, "-m", "extract", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )


def _copies(path: pathlib.Path, times: int, out: pathlib.Path, first: int | None = None) -> pathlib.Path:
    """A JSON lines corpus of `times` copies of the sample's lines (the first `first`), each copy with its own ids."""
    lines = path.read_text(encoding="utf-8").splitlines()[:first]
    with out.open("w", encoding="utf-8") as fh:
        for k in range(times):
            for line in lines:
                record = json.loads(line)
                record["id"] = f"{record.get('id', 'x')}-copy{k}"
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


def _parts_state(d: pathlib.Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in d.glob("part-*.parquet")}


def test_parts_are_the_unsharded_events_in_order_and_rerun_skips_them(tmp_path):
    from extract.events.pipeline import extract_events

    out = tmp_path / "parts"
    first = extract_corpus([str(SAMPLE)], out, n_shards=5, workers=2)
    assert (first.count("done"), first.count("skipped"), first.count("failed")) == (5, 0, 0)
    names = [p.name for p in part_paths(out)]
    assert names == sorted(names) and len(names) == 5
    assert all(n.startswith(f"part-{i:05d}-of-00005.") for i, n in enumerate(names))
    # Columns exactly the events table, typed as documented.
    schema = pq.read_schema(out / names[0])
    assert schema.names == list(EVENT_COLUMNS)
    assert schema.remove_metadata().equals(PART_SCHEMA)

    # The concatenation of the parts is the events of the ordinary (unsharded) extraction, row for row.
    expected = extract_events([str(SAMPLE)])
    got = _concat(out)
    assert len(got) == len(expected) > 100
    pd.testing.assert_frame_equal(got, expected)
    assert first.events_written == len(expected)

    # Same inputs -> same plan; a rerun touches no part.
    assert [s.name for s in plan_shards([str(SAMPLE)], 5).shards] == names
    before = _parts_state(out)
    again = extract_corpus([str(SAMPLE)], out, n_shards=5, workers=2)
    assert (again.count("done"), again.count("skipped"), again.events_written) == (0, 5, 0)
    assert _parts_state(out) == before


def test_local_cluster_extraction_equals_the_local_run(tmp_path):
    """1,000 Timeline17 articles (read in place) on a Dask LocalCluster: the same parts, byte for byte."""
    from distributed import LocalCluster

    root = need_shared("corpora", "timeline17-dev")
    paths = sorted(str(p) for p in root.glob("*/articles.jsonl"))
    t0 = time.perf_counter()
    local = extract_corpus(paths, tmp_path / "local", n_shards=8, limit=1000)
    t_local = time.perf_counter() - t0
    t0 = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        t_start = time.perf_counter() - t0
        dask = extract_corpus(paths, tmp_path / "dask", n_shards=8, limit=1000, scheduler=cluster.scheduler_address)
    t_dask = time.perf_counter() - t0
    print(f"\n1,000 T17 lines: local {t_local:.1f} s; LocalCluster {t_dask:.1f} s (of which start {t_start:.1f} s)")

    assert local.count("done") == dask.count("done") == 8
    assert local.events_written == dask.events_written > 3000
    assert sum(r.articles for r in local.results) > 950
    a, b = part_paths(tmp_path / "local"), part_paths(tmp_path / "dask")
    assert [p.name for p in a] == [p.name for p in b]
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    pd.testing.assert_frame_equal(_concat(tmp_path / "local"), _concat(tmp_path / "dask"))


def test_killed_run_is_finished_by_a_rerun_that_redoes_only_the_missing_shards(tmp_path):
    corpus = _copies(SAMPLE / "articles.jsonl", 3, tmp_path / "corpus.jsonl")  # 261 articles
    out = tmp_path / "parts"
    n = 24
    args = [PY, "-m", "extract", "events", str(corpus), "--out-dir", str(out), "--shards", str(n)]
    proc = subprocess.Popen(args, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not list(out.glob("part-*.parquet")) and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.005)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the command and its worker processes
        proc.wait()
    killed = _parts_state(out)
    assert 1 <= len(killed) < n, f"the kill came at {len(killed)} of {n} parts"

    rerun = _cli("events", str(corpus), "--out-dir", str(out), "--shards", str(n))
    assert rerun.returncode == 0, rerun.stderr
    assert f"shards: {n - len(killed)} done, {len(killed)} skipped as finished, 0 failed" in rerun.stdout
    after = _parts_state(out)
    assert len(after) == n
    assert {name: after[name] for name in killed} == killed  # finished parts were not rewritten
    assert not list(out.glob(".*.tmp"))  # the killed run's temporaries are gone
    from extract.events.pipeline import extract_events

    pd.testing.assert_frame_equal(_concat(out), extract_events([str(corpus)]))


def test_unreadable_file_is_named_and_the_other_shards_go_through(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _copies(SAMPLE / "articles.jsonl", 1, corpus / "a.jsonl", first=30)
    (corpus / "b-story.txt").write_bytes((SAMPLE / "extra" / "a010-kherson-entry.txt").read_bytes())
    (corpus / "c-gone.txt").symlink_to(tmp_path / "moved-away.txt")  # a link to a file that is not there
    out = tmp_path / "parts"
    run = _cli("events", str(corpus), "--out-dir", str(out), "--shards", "4")
    assert run.returncode == 1, run.stderr
    bad = str(corpus / "c-gone.txt")
    assert f"shards: 3 done, 0 skipped as finished, 1 failed ({bad})" in run.stdout
    assert f"{bad}: cannot read the file (No such file or directory)" in run.stderr
    assert len(list(out.glob("part-*.parquet"))) == 3
    with pytest.raises(CorpusError, match="1 of 4 parts are missing"):
        part_paths(out)

    # Once the file is there, a rerun does only its shard.
    (tmp_path / "moved-away.txt").write_bytes((SAMPLE / "extra" / "a048-khartoum-fighting.txt").read_bytes())
    rerun = _cli("events", str(corpus), "--out-dir", str(out), "--shards", "4")
    assert rerun.returncode == 0, rerun.stderr
    assert "shards: 1 done, 3 skipped as finished, 0 failed" in rerun.stdout
    assert len(part_paths(out)) == 4


def test_worker_refuses_input_that_changed_or_vanished_after_planning(tmp_path):
    corpus = _copies(SAMPLE / "articles.jsonl", 1, tmp_path / "c.jsonl", first=8)
    story = tmp_path / "story.txt"
    story.write_bytes((SAMPLE / "extra" / "a010-kherson-entry.txt").read_bytes())
    plan = plan_shards([str(corpus), str(story)], 3)
    assert [len(s.units) for s in plan.shards] == [1, 1, 2]  # 9 units: lines 0-2, 3-5, 6-7 + the story
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = lines[4].replace("a", "b", 1)  # a change in shard 1's lines only
    corpus.write_text("".join(lines), encoding="utf-8")
    story.unlink()
    out = tmp_path / "parts"
    assert extract_shard(plan.shards[0], out).status == "done"
    with pytest.raises(ShardInputError, match=r"c\.jsonl lines 4-6: the bytes differ"):
        extract_shard(plan.shards[1], out)
    with pytest.raises(ShardInputError, match=r"story\.txt: cannot read the file"):
        extract_shard(plan.shards[2], out)
    assert [p.name for p in out.glob("part-*")] == [plan.shards[0].name]


def test_rejected_records_are_named_by_their_line_in_the_file(tmp_path):
    from extract.ingest import load_articles

    lines = (SAMPLE / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:9]
    lines[1] = "{not json"
    lines[6] = '{"id": "empty", "text": ""}'
    lines[7] = "[1, 2]"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    summary = extract_corpus([str(corpus), str(empty)], tmp_path / "parts", n_shards=3, workers=1)
    expected = load_articles([str(corpus), str(empty)]).rejected
    assert sorted(summary.rejected) == sorted((r.source, r.problem) for r in expected)
    assert {s for s, _ in summary.rejected} == {f"{corpus} line {n}" for n in (2, 7, 8)} | {str(empty)}


def test_a_scheduler_that_does_not_answer_is_a_clear_error_within_the_timeout(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # free once closed: nothing listens there
    out = tmp_path / "parts"
    t0 = time.monotonic()
    run = _cli("events", str(SAMPLE), "--out-dir", str(out), "--scheduler", f"tcp://127.0.0.1:{port}", timeout=60)
    elapsed = time.monotonic() - t0
    assert run.returncode == 2
    assert f"error: no Dask scheduler answered at tcp://127.0.0.1:{port} within 10 s" in run.stderr
    assert "Traceback" not in run.stderr
    assert elapsed < 30
    assert not out.exists()


def test_a_directory_holds_one_extraction(tmp_path):
    a = _copies(SAMPLE / "articles.jsonl", 1, tmp_path / "a.jsonl", first=6)
    b = _copies(SAMPLE / "articles.jsonl", 1, tmp_path / "b.jsonl", first=4)
    out = tmp_path / "parts"
    extract_corpus([str(a)], out, n_shards=3, workers=1)
    with pytest.raises(CorpusError, match="an extraction of other inputs"):
        extract_corpus([str(b)], out, workers=1)
    # The same inputs in another number of shards: the old parts make way for the new ones.
    summary = extract_corpus([str(a)], out, n_shards=2, workers=1)
    assert summary.count("done") == 2
    assert sorted(p.name[:19] for p in out.glob("part-*")) == ["part-00000-of-00002", "part-00001-of-00002"]
    assert len(_concat(out)) == sum(r.events for r in summary.results)
    # Parts kept inside the input directory: their _extraction.json is not taken for an article file.
    inside = a.parent / "parts-inside"
    extract_corpus([str(a.parent)], inside, n_shards=2, workers=1)
    assert extract_corpus([str(a.parent)], inside, n_shards=2, workers=1).count("skipped") == 2


def test_extract_shard_takes_a_list_of_articles(tmp_path):
    from extract.events.pipeline import extract_events, load_inputs

    articles, _ = load_inputs([str(SAMPLE / "extra")])
    result = extract_shard(articles, tmp_path, 1, 2)  # the second half: articles 2 and 3 of 4
    assert result.status == "done" and result.name.startswith("part-00001-of-00002.")
    pd.testing.assert_frame_equal(read_part(result.path), extract_events(articles[2:]))
    assert extract_shard(articles, tmp_path, 1, 2).status == "skipped"


def test_ingest_parts_stores_what_ingest_stores(tmp_path):
    from service.cli import main
    from store import EventStore

    corpus = _copies(SAMPLE / "articles.jsonl", 1, tmp_path / "c.jsonl", first=40)
    out = tmp_path / "parts"
    extract_corpus([str(corpus)], out, n_shards=3, workers=1)
    assert main(["ingest-parts", str(out), "--store", str(tmp_path / "s1")]) == 0
    assert main(["ingest", str(corpus), "--store", str(tmp_path / "s2"), "--quiet"]) == 0
    s1 = EventStore(tmp_path / "s1").events().sort_values("event_id", ignore_index=True)
    s2 = EventStore(tmp_path / "s2").events().sort_values("event_id", ignore_index=True)
    assert len(s1) > 50
    pd.testing.assert_frame_equal(s1, s2, check_exact=False)
    # Loading again adds nothing; a missing part is refused unless asked for.
    again = EventStore(tmp_path / "s1")
    from service.corpus import load_parts

    assert load_parts(again, out).added == 0
    part_paths(out)[1].unlink()
    assert main(["ingest-parts", str(out), "--store", str(tmp_path / "s3")]) == 2
    assert main(["ingest-parts", str(out), "--store", str(tmp_path / "s3"), "--allow-missing"]) == 0


def test_the_same_parts_load_into_a_warehouse_as_ingest_puts_there(tmp_path):
    """`ingest-parts` and `ingest` write to whichever tier the store directory holds; on a warehouse each extracted
    report is an event of its own, so the parts' rows are the warehouse's rows."""
    from service.cli import main
    from store.query import Filters
    from store.warehouse import Warehouse

    corpus = _copies(SAMPLE / "articles.jsonl", 1, tmp_path / "c.jsonl", first=40)
    out = tmp_path / "parts"
    extract_corpus([str(corpus)], out, n_shards=3, workers=1)
    reports = pd.concat([read_part(p) for p in part_paths(out)], ignore_index=True)
    w1, w2 = Warehouse.create(tmp_path / "w1"), Warehouse.create(tmp_path / "w2")
    assert main(["ingest-parts", str(out), "--store", str(w1.path)]) == 0
    assert main(["ingest", str(corpus), "--store", str(w2.path), "--quiet"]) == 0

    def rows(wh):
        return wh.top_rows(Filters(modes=()), 10_000, order=("event_id",)).sort_values("event_id", ignore_index=True)

    r1, r2 = rows(w1), rows(w2)
    assert len(r1) > 50 and sorted(r1["event_id"]) == sorted(set(reports["event_id"]))  # a repeated id once
    pd.testing.assert_frame_equal(r1, r2, check_exact=False)
    by_id = reports.drop_duplicates("event_id").set_index("event_id")
    for col in ("event_type", "source_actor", "target_actor", "sentence", "date"):
        assert r1.set_index("event_id")[col].to_dict() == by_id[col].to_dict()
    assert main(["ingest-parts", str(out), "--store", str(w1.path)]) == 0  # again: nothing added
    assert len(rows(Warehouse(w1.path))) == len(r1)


def test_sharded_options_need_out_dir(capsys):
    from service.cli import main

    assert main(["events", str(SAMPLE), "--shards", "3"]) == 2
    assert "--shards and --scheduler go with --out-dir" in capsys.readouterr().err
