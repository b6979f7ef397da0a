"""Streaming GDELT and ACLED imports into the warehouse: the same rows as the Arrow tier's importers, every row
accounted for, nothing added twice, GDELT 1.0 and 2.0 side by side, bad files named."""

from __future__ import annotations

import io
import os
import pathlib
import subprocess
import sys
import zipfile

import numpy as np
import pandas as pd
import pytest

from core.validate import invalid_rows
from store.columns import ALL_COLUMNS
from store.importers.acled import read_acled
from store.importers.gdelt import read_gdelt
from store.query import Filters
from store.warehouse import Warehouse
from store.warehouse.imports import import_files

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures"
GDELT2 = FIX / "gdelt" / "20240326.export.CSV"
GDELT2_ZIP = FIX / "gdelt" / "20240326.export.CSV.zip"
GDELT1_DAILY = FIX / "gdelt" / "gdelt1_daily_58_columns.CSV"
GDELT1_HISTORICAL = FIX / "gdelt" / "gdelt1_historical_57_columns.CSV"
ACLED = FIX / "acled" / "acled_2023-2025_sample.csv"
EVERY = Filters(modes=())


def stored(wh: Warehouse) -> pd.DataFrame:
    return wh.top_rows(EVERY, 10_000, order=("mentions",)).set_index("event_id").sort_index()


def _same(a, b) -> bool:
    if isinstance(a, float) and np.isnan(a):
        return isinstance(b, float) and np.isnan(b)
    if a is pd.NaT or b is pd.NaT:
        return a is pd.NaT and b is pd.NaT
    if isinstance(a, (list, np.ndarray)):
        return list(a) == list(b)
    return a == b


def padded(path: pathlib.Path, out: pathlib.Path) -> pathlib.Path:
    """A copy of a GDELT file with spaces around every field and Windows line ends."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out.write_text("\r\n".join("\t".join(f" {v}  " for v in ln.split("\t")) for ln in lines), encoding="utf-8")
    return out


@pytest.mark.parametrize(
    ("kind", "reader", "path"),
    [("gdelt", read_gdelt, GDELT2), ("gdelt", read_gdelt, "padded"), ("acled", read_acled, ACLED)],
)
def test_rows_are_the_row_importers_rows(tmp_path, kind, reader, path):
    if path == "padded":  # fields are stripped as the row importer strips them
        path = padded(GDELT2, tmp_path / "20240326.export.CSV")
    wh = Warehouse.create(tmp_path / "wh")
    report = import_files(wh, kind, [path])
    expected, rejected = reader(path)
    got = stored(wh)
    expected = expected.set_index("event_id").sort_index()
    assert list(got.index) == list(expected.index)
    for column in ALL_COLUMNS:
        if column in ("event_id", "salience"):
            continue
        diffs = [i for i in expected.index if not _same(expected.at[i, column], got.at[i, column])]
        assert not diffs, (column, diffs[:3])
    # every refusal of the row importer is counted, under its reason, with the same first example
    assert report.refused().total() == len(rejected)
    firsts = {ref: detail for _n, ref, detail in report.refused().by_kind.values()}
    for ref, detail in firsts.items():
        assert (ref, detail) in rejected
    assert invalid_rows(wh.top_rows(EVERY, 100), stored=True) == {}  # the events contract holds


def test_every_row_is_accounted_for_and_a_second_import_adds_nothing(tmp_path):
    wh = Warehouse.create(tmp_path / "wh")
    first = import_files(wh, "gdelt", [GDELT2])
    (f,) = first.files
    assert (f.read, f.imported, f.duplicates, f.refused.total()) == (12, 7, 0, 5) and f.balanced()
    assert f.refused.by_kind["statement"][0] == 1  # 010 make a statement: skipped by design, counted
    assert f.refused.by_kind["columns"][1:] == [
        "20240326.export.CSV:6",
        "truncated row: 30 tab-separated columns, expected 61",
    ]
    version = wh.version()
    again = import_files(wh, "gdelt", [GDELT2, GDELT2_ZIP])
    assert [(g.imported, g.duplicates, g.refused.total()) for g in again.files] == [(0, 7, 5), (0, 7, 5)]
    assert again.read == again.imported + again.duplicates + again.refused().total() == 24
    assert wh.count(EVERY) == 7 and wh.version() == version  # nothing was written
    lines = again.lines()
    assert lines[-6].startswith("total: 24 rows read = 0 imported + 14 already in the warehouse + 10 refused")
    assert any("CAMEO 01x statement with no PLOVER type (skipped by design)" in line for line in lines)


def test_gdelt_1_and_2_files_import_together_each_in_its_own_layout(tmp_path):
    wh = Warehouse.create(tmp_path / "wh")
    report = import_files(wh, "gdelt", [GDELT1_HISTORICAL, GDELT2, GDELT1_DAILY])
    assert [f.format for f in report.files] == [
        "GDELT 1.0 event file, 57 columns",
        "GDELT 2.0 export, 61 columns",
        "GDELT 1.0 daily file, 58 columns",
    ]
    assert [f.imported for f in report.files] == [7, 0, 0]  # the same events: the first file brings them
    assert [f.duplicates for f in report.files] == [0, 7, 7]
    strike = wh.event("gdelt-1160000101").iloc[0]
    assert strike["url"] == ""  # the historical layout has no SOURCEURL
    assert strike["countries"] == ["RUS", "UKR"] and strike["event_type"] == "ASSAULT"
    assert str(strike["published"]) == "2024-03-15 00:00:00+00:00"  # GDELT 1.0's DATEADDED is a day
    fresh = Warehouse.create(tmp_path / "daily")
    import_files(fresh, "gdelt", [GDELT1_DAILY])
    assert fresh.event("gdelt-1160000101").iloc[0]["source"] == "reuters.com"


def test_a_file_mixing_gdelt_1_and_2_rows_refuses_the_other_layout_by_line(tmp_path):
    lines2 = GDELT2.read_text(encoding="utf-8").splitlines()
    lines1 = GDELT1_DAILY.read_text(encoding="utf-8").splitlines()
    mixed = tmp_path / "mixed.CSV"
    mixed.write_text("\n".join(lines2[:5] + lines1[6:8] + lines2[6:]) + "\n", encoding="utf-8")
    wh = Warehouse.create(tmp_path / "wh")
    (f,) = import_files(wh, "gdelt", [mixed]).files
    assert f.format == "GDELT 2.0 export, 61 columns" and f.balanced() and f.read == 13
    n, ref, detail = f.refused.by_kind["columns"]
    assert n == 2 and ref == "mixed.CSV:6" and detail == "truncated row: 58 tab-separated columns, expected 61"
    later = lines2[7].split("\t")[0]  # the original line 8, now line 9: later lines keep their own numbers
    assert wh.event(f"gdelt-{later}").iloc[0]["origin_ref"] == "mixed.CSV:9"


@pytest.mark.parametrize("block", [16 * 1024**2, 700, 100], ids=["one piece", "pieces", "lines longer than pieces"])
def test_blank_lines_and_a_header_are_not_rows_and_line_numbers_stay_physical(tmp_path, monkeypatch, block):
    import store.warehouse.imports as imports

    monkeypatch.setattr(imports, "BLOCK_BYTES", block)
    lines = GDELT2.read_text(encoding="utf-8").splitlines()
    header = "\t".join(["GLOBALEVENTID", *["x"] * 60])
    path = tmp_path / "gaps.CSV"
    path.write_text("\r\n".join([header, lines[0], "", "   ", lines[1], *lines[2:]]), encoding="utf-8")  # no last EOL
    wh = Warehouse.create(tmp_path / "wh")
    (f,) = import_files(wh, "gdelt", [path]).files
    assert (f.read, f.imported) == (12, 7) and f.balanced()
    assert wh.event("gdelt-1160000101").iloc[0]["origin_ref"] == "gaps.CSV:2"
    assert wh.event("gdelt-1160000102").iloc[0]["origin_ref"] == "gaps.CSV:5"


def test_bad_files_are_named_and_the_others_go_in(tmp_path):
    good = GDELT2_ZIP.read_bytes()
    truncated = tmp_path / "20240327.export.CSV.zip"
    truncated.write_bytes(good[: len(good) // 2])
    wrong = tmp_path / "wrong.CSV"
    wrong.write_text("a\tb\tc\n1\t2\t3\n", encoding="utf-8")
    empty = tmp_path / "empty.CSV"
    empty.write_text("", encoding="utf-8")
    wh = Warehouse.create(tmp_path / "wh")
    report = import_files(wh, "gdelt", [truncated, wrong, empty, tmp_path / "absent.CSV", GDELT2])
    errors = {f.name: f.error for f in report.files}
    assert "a damaged or truncated zip archive" in errors["20240327.export.CSV.zip"]
    assert "rows have 3 tab-separated columns; expected 61 (GDELT 2.0), 57 or 58 (GDELT 1.0)" in errors["wrong.CSV"]
    assert "the file is empty" in errors["empty.CSV"]
    assert "no such file" in errors["absent.CSV"]
    assert report.imported == 7 and wh.count(EVERY) == 7
    assert len(report.failed_files) == 4


def test_a_zip_damaged_midway_keeps_the_rows_before_and_says_where_it_stopped(tmp_path):
    lines = GDELT2.read_text(encoding="utf-8").splitlines()
    rows = []
    for k in range(3000):  # the valid fixture rows again and again, with new ids
        fields = lines[k % 5 if k % 5 != 2 else 0].split("\t")
        fields[0] = str(2_000_000_000 + k)
        rows.append("\t".join(fields))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.export.CSV", "\n".join(rows) + "\n")
    data = bytearray(buf.getvalue())
    start = 30 + len("big.export.CSV")  # the member's compressed data starts after its local header
    for i in range(start + 4000, start + 4100):
        data[i] ^= 0x5A  # garbage in the deflate stream; the archive's directory at the end is intact
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))
    wh = Warehouse.create(tmp_path / "wh")
    (f,) = import_files(wh, "gdelt", [damaged]).files
    assert f.error.startswith("stopped after") and f.balanced()
    assert f.read < 3000 and wh.count(EVERY) == f.imported


def test_acled_refuses_a_file_lacking_columns_and_accounts_for_short_rows(tmp_path):
    wh = Warehouse.create(tmp_path / "wh")
    report = import_files(wh, "acled", [FIX / "acled" / "acled_old_layout.csv", ACLED])
    old, sample = report.files
    assert "missing columns disorder_type, civilian_targeting, tags" in old.error
    assert sample.balanced() and (sample.read, sample.imported) == (9, 5)
    assert sample.refused.by_kind["columns"][1:] == [
        "acled_2023-2025_sample.csv:6",
        "row has 6 fields, the header has 31",
    ]
    again = import_files(wh, "acled", [ACLED])
    assert again.duplicates == 5 and again.imported == 0


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "extract", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )


def test_the_import_command_streams_into_a_warehouse_and_prints_the_accounting(tmp_path):
    store = tmp_path / "store"
    out = cli("import", "gdelt", str(GDELT2_ZIP), str(GDELT1_DAILY), "--store", str(store), "--warehouse")
    assert out.returncode == 0, out.stderr
    assert "total: 23 rows read = 7 imported + 7 already in the warehouse + 9 refused" in out.stdout
    assert "(GDELT 1.0 daily file, 58 columns)" in out.stdout
    # the store is a warehouse now: the next import goes there without being told
    again = cli("import", "acled", str(ACLED), "--store", str(store))
    assert again.returncode == 0 and "total: 9 rows read = 5 imported" in again.stdout
    info = cli("store", "info", "--store", str(store))
    assert "warehouse, 12 events" in info.stdout and "origins acled, gdelt" in info.stdout
    # an import leaves the rows of three countries to store compact (or recount), and says so
    assert "run: python -m extract store compact --store" in again.stderr and "0 of " in info.stdout
    assert cli("store", "recount", "--store", str(store)).returncode == 0
    files = info.stdout.split(" files (")[0].rsplit(" ", 1)[1]
    assert f"{files} of {files} files recounted" in cli("store", "info", "--store", str(store)).stdout
    bad = cli("import", "gdelt", str(tmp_path / "absent.CSV"), "--store", str(store))
    assert bad.returncode == 1 and "no such file" in bad.stdout


def test_an_import_that_would_pass_the_arrow_limit_moves_the_store_first(tmp_path):
    store = tmp_path / "store"
    small = cli("import", "acled", str(ACLED), "--store", str(store), env={"EVENTS_ARROW_MAX_EVENTS": "30"})
    assert small.stdout.strip() == "added 5, merged 0, skipped 0, rejected 4"  # the Arrow tier, as before
    assert (store / "meta.json").exists()
    big = cli("import", "gdelt", str(GDELT2), "--store", str(store), env={"EVENTS_ARROW_MAX_EVENTS": "10"})
    assert big.returncode == 0, big.stderr
    assert "moves to the warehouse tier" in big.stderr and "moved 5 events" in big.stderr
    assert not (store / "meta.json").exists() and (store / "warehouse.json").exists()
    wh = Warehouse(store)
    assert wh.count(EVERY) == 12
    assert wh.event("acled-UKR98765").iloc[0]["origin"] == "acled"


def test_salience_bounds_are_kept_per_file_and_can_be_recomputed(tmp_path):
    wh = Warehouse.create(tmp_path / "wh")
    import_files(wh, "gdelt", [GDELT2])
    import_files(wh, "acled", [ACLED])
    kept = {e["events"]: (e["sal_static"], e["sal_weight"]) for e in wh.manifest()["files"]}
    assert all(0 < s <= 1 and 0 < w <= 1 for s, w in kept.values())
    manifest = wh.manifest()
    for e in manifest["files"]:  # as an older manifest would be
        del e["sal_static"], e["sal_weight"]
    from store.warehouse import layout

    layout.write_manifest(wh.path, manifest)
    with wh.writer(compact=False) as w:
        assert w.refresh_bounds() == len(kept)
    again = {e["events"]: (e["sal_static"], e["sal_weight"]) for e in Warehouse(wh.path).manifest()["files"]}
    assert again.keys() == kept.keys()
    assert all(again[k] == pytest.approx(kept[k], abs=1e-12) for k in kept)


def test_counts_summed_from_each_written_slice_equal_counting_the_finished_file(tmp_path, monkeypatch):
    """The writer counts each slice it writes (in its encoding thread) and sums the slices' counts at the commit;
    each counts file must hold what counting its finished events file gives."""
    import pyarrow.parquet as pq

    from service.synth import generate_events
    from store.warehouse import writer

    monkeypatch.setattr(writer, "ROW_GROUP_ROWS", 64)  # many slices per file
    wh = Warehouse.create(tmp_path / "wh")
    events = generate_events(3000, seed=8)
    events.at[0, "countries"] = ["UKR", "UKR", "RUS", ""]  # a repeated and an empty code
    events.at[1, "countries"] = []
    events.at[2, "actors"] = []
    wh.add_events(events)
    entries = wh.manifest()["files"]
    assert len(entries) > 3 and sum(e["rows"] for e in entries) == 3000
    con = writer.helper_connection(wh)
    order = ["kind", "value", "date_start", "date_end", "mode", "event_type", "quad_class"]
    for e in entries:
        ours = pq.read_table(wh.path / e["counts"]).to_pandas()
        fresh = tmp_path / "fresh.parquet"
        writer.write_counts(con, [(wh.path / e["events"], fresh)])
        theirs = pq.read_table(fresh).to_pandas()
        assert len(ours) > 0 and ours["n"].sum() == theirs["n"].sum()
        a, b = (f.sort_values(order, ignore_index=True) for f in (ours, theirs))
        pd.testing.assert_frame_equal(a, b)
        keys = (ours["kind"] + "\x1f" + ours["value"].fillna("")).tolist()
        assert keys == sorted(keys), "a counts file is kept sorted by kind and value"


def test_distinct_list_is_list_distinct_for_counting(tmp_path):
    """sql.distinct_list skips list_distinct on short lists that are distinct already; for any list it holds the
    elements list_distinct holds (nulls dropped, each element once), so the counts files count each once."""
    import duckdb

    from store.warehouse.sql import distinct_list

    lists = [None, [], [""], ["A"], [None], ["A", "A"], ["A", "B"], ["A", None], [None, None], ["B", "A", "B"],
             ["A", "B", "C"], ["A", "B", None], ["C", "C", "C"], ["A", "B", "C", "A"], ["D", "C", "B", "A", "E"],
             ["", "", "X"]]  # fmt: skip
    con = duckdb.connect()
    con.execute("CREATE TABLE t (k INTEGER, l VARCHAR[])")
    con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(lists)))
    got = con.sql(
        f"SELECT k, list_sort({distinct_list('l')}) AS ours, list_sort(list_distinct(l)) AS theirs FROM t ORDER BY k"
    ).fetchall()
    assert len(got) == len(lists)
    for k, ours, theirs in got:
        assert ours == theirs, lists[k]


def test_salience_bounds_of_rows_routed_to_many_partitions_at_once(tmp_path):
    """One append holding rows of many months (and two origins): each file's bounds are the largest salience parts
    of its own rows (worked out once per block, then per partition)."""
    import pyarrow.parquet as pq

    from service.synth import generate_events
    from store.warehouse.sql import salience_parts

    events = generate_events(2000, seed=14)
    events["mentions"] = np.arange(len(events)) % 97 + 1  # bounds that differ from file to file
    wh = Warehouse.create(tmp_path / "wh")
    wh.add_events(events.iloc[::2], origin="gdelt")
    wh.add_events(events.iloc[1::2], origin="acled")
    entries = wh.manifest()["files"]
    assert len(entries) > 10
    for e in entries:
        table = pq.read_table(wh.path / e["events"])
        static, weight = salience_parts(table)
        assert e["sal_static"] == pytest.approx(float(static.max()), abs=1e-12)
        assert e["sal_weight"] == pytest.approx(float(weight.max()), abs=1e-12)
