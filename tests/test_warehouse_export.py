"""`python -m extract export` on a warehouse: the events streamed out in batches give the same rows, in the same
formats, as the same events exported from an Arrow store; a failed export leaves no file."""

from __future__ import annotations

import io
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from service.cli import main
from service.synth import generate_events
from store import EventStore
from store.export import write_events
from store.query import Filters
from store.warehouse import Warehouse
from store.warehouse.migrate import migrate

FILTER_ARGS = {
    "default": [],
    "every mode": ["--include-modes", "all"],
    "a country and a year": ["--country", "ukr", "--from", "2023", "--to", "2023-12"],
    "text": ["--text", "reported", "--include-modes", "all"],
    "nothing": ["--from", "1990-01-01", "--to", "1990-02-01"],
}


@pytest.fixture(scope="module")
def tiers(tmp_path_factory):
    root = tmp_path_factory.mktemp("export")
    events = generate_events(1200, seed=5)
    events.loc[0, "source_actor"] = '=HYPERLINK("http://x")'  # a cell a spreadsheet would run
    events.at[1, "actors"] = ["O'Brien", "Zoë; Smith"]
    EventStore(root / "arrow").add_events(events)
    migrate(root / "arrow", out=root / "warehouse")
    return root / "arrow", root / "warehouse"


def export(store, fmt: str, out, extra: list[str]) -> int:
    return main(["export", "--format", fmt, "--store", str(store), "-o", str(out), *extra])


def read(path, fmt: str) -> pd.DataFrame:
    if fmt == "csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if fmt == "jsonl":
        return pd.DataFrame([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()])
    return pq.read_table(path).to_pandas()


@pytest.mark.parametrize("name", FILTER_ARGS)
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_a_warehouse_exports_what_an_arrow_store_exports(tiers, tmp_path, fmt, name):
    arrow, warehouse = tiers
    a, w = tmp_path / f"a.{fmt}", tmp_path / f"w.{fmt}"
    assert export(arrow, fmt, a, FILTER_ARGS[name]) == 0
    assert export(warehouse, fmt, w, FILTER_ARGS[name]) == 0
    fa, fw = read(a, fmt), read(w, fmt)
    if name == "nothing":
        assert len(fa) == len(fw) == 0
        return
    assert len(fw) > 0 and sorted(fw["event_id"]) == sorted(fa["event_id"])
    assert list(fw["date_start"]) == sorted(fw["date_start"]), "a warehouse exports by date"
    shared = [c for c in fa.columns if c in fw.columns and c not in ("salience",)]  # salience: each tier's own clock
    assert {"event_type", "source_actor", "countries", "actors", "sentence", "date_start", "published"} <= set(shared)
    left = fa[shared].set_index("event_id").sort_index()
    right = fw[shared].set_index("event_id").sort_index()
    if fmt == "parquet":  # lists come back as arrays
        left, right = (f.map(lambda v: list(v) if hasattr(v, "tolist") else v) for f in (left, right))
    pd.testing.assert_frame_equal(left, right, check_exact=False, check_dtype=False)


def test_csv_from_a_warehouse_is_spreadsheet_safe_and_keeps_one_header(tiers, tmp_path):
    _, warehouse = tiers
    out = tmp_path / "w.csv"
    assert export(warehouse, "csv", out, ["--include-modes", "all"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("event_id,") == 1  # the header once, though the rows came in batches
    assert "'=HYPERLINK" in text and "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text


def test_streamed_batches_write_the_bytes_of_one_export(tiers):
    _, warehouse = tiers
    wh = Warehouse(warehouse)
    every = Filters(modes=())
    whole = pd.concat(list(wh.iter_frames(every)), ignore_index=True)
    for fmt in ("csv", "jsonl"):
        small, big = io.BytesIO(), io.BytesIO()
        rows = write_events(wh.iter_frames(every, batch_rows=97), fmt, small)  # many small batches
        assert rows == len(whole) == 1200
        write_events([whole], fmt, big)
        assert small.getvalue() == big.getvalue()


def test_a_timelinejs_export_too_large_to_read_is_refused_and_leaves_no_file(tiers, tmp_path, capsys, monkeypatch):
    _, warehouse = tiers
    monkeypatch.setattr("store.export.TIMELINEJS_MAX", 100)
    out = tmp_path / "story.json"
    assert export(warehouse, "timelinejs", out, []) == 2
    assert "narrow the export" in capsys.readouterr().err
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert export(warehouse, "timelinejs", out, ["--from", "2023-03-01", "--to", "2023-03-10"]) == 0
    story = json.loads(out.read_text(encoding="utf-8"))
    assert 0 < len(story["events"]) <= 100


def test_an_export_to_an_unwritable_place_is_named(tiers, tmp_path, capsys):
    _, warehouse = tiers
    code = export(warehouse, "csv", tmp_path / "no-such-dir" / "out.csv", [])
    assert code != 0
    assert "no-such-dir" in capsys.readouterr().err
