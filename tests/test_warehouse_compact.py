"""`store compact`: each month's files of a warehouse merged into a few large ones, the counts brought to their
fullest form, and every answer the same as before (and as the Arrow store's)."""

from __future__ import annotations

import pandas as pd
import pytest

from service.cli import main as cli
from service.synth import generate_events
from store import EventStore
from store.query import Filters
from store.source import ArrowSource
from store.warehouse import Warehouse, layout

FILTERS = [
    Filters(),
    Filters(modes=()),
    Filters(countries=("UKR",)),
    Filters(countries=("UKR", "RUS")),
    Filters(countries=("USA", "ISR"), event_types=("ASSAULT", "AID")),
    Filters(topics=("military",)),
    Filters(actors=("Kim Jong Un",)),
]
BYS = [(), ("period:day",), ("period:month", "country"), ("period:week", "event_type"), ("country",), ("topic",)]


def _months(wh: Warehouse) -> dict[tuple[str, str], int]:
    """Files per partition (origin, month)."""
    out: dict[tuple[str, str], int] = {}
    for e in wh.manifest()["files"]:
        out[(e["origin"], e["month"])] = out.get((e["origin"], e["month"]), 0) + 1
    return out


@pytest.fixture()
def written(tmp_path):
    """A warehouse written in six commits (up to six files a month, counts of the form imports write) and an Arrow
    store of the same events."""
    events = generate_events(1200, seed=33)
    events["event_id"] = [f"c-{i:04d}" for i in range(len(events))]
    EventStore(tmp_path / "arrow").add_events(events)
    wh = Warehouse.create(tmp_path / "wh")
    for k in range(6):
        wh.add_events(events.iloc[k * 200 : (k + 1) * 200])
    return ArrowSource(tmp_path / "arrow"), Warehouse(tmp_path / "wh")


def test_compact_merges_each_months_files_and_answers_the_same(written, capsys):
    arrow, wh = written
    before = _months(wh)
    assert max(before.values()) >= 4, "the fixture should write several files a month"
    assert {e["pairs"] for e in wh.manifest()["files"]} == {layout.PAIRS}
    answers = {(f, by): wh.aggregate(f, by) for f in FILTERS for by in BYS}
    top = wh.top_rows(Filters(modes=()), 30, columns=["event_id", "salience"])

    assert cli(["store", "info", "--store", str(wh.path)]) == 0
    several = sum(n > 1 for n in before.values())
    assert f"{several} of {len(before)} partitions (origin and month) hold files" in capsys.readouterr().out
    assert cli(["store", "compact", "--store", str(wh.path)]) == 0
    out = capsys.readouterr().out
    after = Warehouse(wh.path)
    months = _months(after)
    assert set(months) == set(before) and set(months.values()) == {1}
    assert f"{sum(before.values())} files merged into {len(months)}" in out
    assert {e["pairs"] for e in after.manifest()["files"]} == {layout.RECOUNTED}, "recounted to the fullest form"
    assert sum(e["rows"] for e in after.manifest()["files"]) == 1200
    for (f, by), want in answers.items():
        got = after.aggregate(f, by)
        pd.testing.assert_frame_equal(got, want, obj=f"{f} by {by}")
        pd.testing.assert_frame_equal(got, arrow.aggregate(f, by), obj=f"{f} by {by} (Arrow)")
    pd.testing.assert_frame_equal(after.top_rows(Filters(modes=()), 30, columns=["event_id", "salience"]), top)
    # the files merged or recounted away leave the disk with the command (not at the next import)
    on_disk = {
        p.relative_to(after.path).as_posix() for d in ("events", "counts") for p in after.path.glob(f"{d}/**/*.parquet")
    }
    assert on_disk == {e[k] for e in after.manifest()["files"] for k in ("events", "counts")}

    assert cli(["store", "compact", "--store", str(wh.path)]) == 0
    assert "no month has files to merge" in capsys.readouterr().out
    assert cli(["store", "info", "--store", str(wh.path)]) == 0
    assert "store compact would merge" not in capsys.readouterr().out


def test_compact_keeps_files_under_the_row_cap(written):
    """With --max-rows a merged file holds at most that many events; a file already larger stays as it was."""
    arrow, wh = written
    original = {e["events"]: e["rows"] for e in wh.manifest()["files"]}
    cap = 2 * min(original.values()) + 1
    assert cli(["store", "compact", "--store", str(wh.path), "--max-rows", str(cap)]) == 0
    files = Warehouse(wh.path).manifest()["files"]
    assert len(files) < len(original), "some files merged"
    assert any(e["events"] not in original for e in files)
    for e in files:
        assert e["rows"] <= cap or original.get(e["events"]) == e["rows"], e
    assert sum(e["rows"] for e in files) == 1200
    f, by = Filters(countries=("UKR", "RUS")), ("period:month", "country")
    pd.testing.assert_frame_equal(Warehouse(wh.path).aggregate(f, by), arrow.aggregate(f, by))


def test_compact_refuses_what_is_not_a_warehouse(tmp_path, capsys):
    EventStore(tmp_path / "arrow").add_events(generate_events(20, seed=1))
    assert cli(["store", "compact", "--store", str(tmp_path / "arrow")]) != 0
    assert "not a warehouse" in capsys.readouterr().err
