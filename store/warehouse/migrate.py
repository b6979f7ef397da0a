"""Moving an Arrow store to the warehouse tier.

migrate(path) copies every event (and the reports of extracted events) of the Arrow store at path into a
warehouse built beside it in <path>/.migrating, holding the store's lock all along, then makes the directory a
warehouse in one step (the manifest renamed into place) and removes the Arrow files. Until that step the directory
is the Arrow store it was; a killed migration leaves it so (the next run starts the staging over). With out=DIR
the warehouse is built in DIR and the Arrow store is left as it is.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import shutil
import time
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.errors import StoreError
from core.validate import cast, stored_dtypes
from store import disk
from store.columns import ALL_COLUMNS, STORE_DEFAULTS
from store.warehouse import layout
from store.warehouse.warehouse import Warehouse

STAGING = ".migrating"
SLICE_ROWS = 100_000
IMPORTED_ORIGINS = ("gdelt", "acled")  # their reports are the event rows themselves: not kept twice


@dataclass
class MigrateReport:
    events: int
    mentions: int
    seconds: float
    bytes_before: int
    bytes_after: int
    path: pathlib.Path

    def line(self) -> str:
        return (
            f"moved {self.events:,} events and {self.mentions:,} reports to the warehouse at {self.path} in "
            f"{self.seconds:.1f} s ({self.bytes_before / 1e6:,.1f} MB as Arrow files, {self.bytes_after / 1e6:,.1f} MB "
            f"as Parquet)"
        )


def _lists(col: pa.ChunkedArray) -> pa.Array:
    """A stored list column (\\x1f-joined strings, dictionary-encoded or plain) as list<string>."""
    arr = col.combine_chunks()
    if not pa.types.is_dictionary(arr.type):
        arr = arr.dictionary_encode()
    words = arr.dictionary.cast(pa.string())
    split = pc.split_pattern(words, disk.SEP)
    empty = pa.array([], pa.string())
    split = pc.if_else(pc.equal(words, ""), pa.scalar(empty, pa.list_(pa.string())), split)
    return split.take(arr.indices.fill_null(0)) if len(words) else pa.array([[]] * len(arr), pa.list_(pa.string()))


def to_input(table: pa.Table) -> pa.Table:
    """Rows of an Arrow store's events table (disk.load_table) in the warehouse writer's form."""
    arrays = []
    for f in layout.INPUT_SCHEMA:
        col = table.column(f.name)
        if pa.types.is_list(f.type):
            arrays.append(_lists(col))
        elif pa.types.is_timestamp(f.type):
            arrays.append(pc.cast(col.combine_chunks(), f.type, safe=False))
        else:
            arrays.append(col.combine_chunks().cast(f.type))
    return pa.Table.from_arrays(arrays, schema=layout.INPUT_SCHEMA)


def frame_to_input(df: pd.DataFrame, origin: str = "extracted") -> pa.Table:
    """Event rows (a DataFrame as EventStore.add_events takes it) in the warehouse writer's form. Rows lacking the
    store's columns are extracted reports: each gets them as merge.new_event_from_report gives a new event."""
    df = df.reset_index(drop=True)
    if "mentions" not in df.columns:
        n = len(df)
        df = df.copy()
        for column, value in STORE_DEFAULTS.items():
            df[column] = [value] * n
        source = df["source"].fillna("").astype(str)
        article = df["article_id"].fillna("").astype(str)
        df["sources"] = [[s] if s else [] for s in source]
        df["article_ids"] = [[a] if a else [] for a in article]
        df["first_reported"] = df["published"]
        df["last_reported"] = df["published"]
        df["origin"] = origin
        df["origin_ref"] = (
            article + ":" + df["sentence_start"].astype("int64").astype(str) + "-"
            + df["sentence_end"].astype("int64").astype(str)
        )  # fmt: skip
    df = cast(df[[c for c in ALL_COLUMNS]], stored_dtypes())
    arrays = []
    for f in layout.INPUT_SCHEMA:
        col = df[f.name]
        if pa.types.is_list(f.type):
            arrays.append(pa.array([list(v) for v in col], type=f.type))
        elif pa.types.is_timestamp(f.type):
            arrays.append(pc.cast(pa.array(col), f.type, safe=False))
        elif f.type == pa.string():
            arrays.append(pa.array(col.astype(str).tolist(), type=pa.string()))
        else:
            arrays.append(pa.array(col.to_numpy(), type=f.type, from_pandas=True))
    return pa.Table.from_arrays(arrays, schema=layout.INPUT_SCHEMA)


def _size(paths) -> int:
    total = 0
    for p in paths:
        with contextlib.suppress(OSError):
            total += p.stat().st_size
    return total


def migrate(path: str | os.PathLike, out: str | os.PathLike | None = None, progress=None) -> MigrateReport:
    """Move the Arrow store at path to the warehouse tier (in place, or into out). See the module docstring."""
    from store.store import EventStore

    root = pathlib.Path(path)
    target = pathlib.Path(out) if out is not None else root
    t0 = time.perf_counter()
    if layout.is_warehouse(root) and out is None:
        _remove_arrow_files(root)  # a migration killed after its switch: finish the cleanup
        raise StoreError(f"{root}: is a warehouse already")
    if layout.is_warehouse(target):
        raise StoreError(f"{target}: holds a warehouse already; pick an empty directory")
    if out is not None and target.exists() and any(target.iterdir()):
        raise StoreError(f"{target}: is not empty; give an empty or new directory for the warehouse")
    src = EventStore(root)
    with src._locked():
        meta = disk.read_meta(root)
        if meta is None:
            raise StoreError(f"{root}: holds no Arrow store to migrate")
        before = _size([root / meta["events"], root / meta["mentions"]])
        events = disk.load_table(root, meta, "events")
        mentions = disk.load_table(root, meta, "mentions")
        target.mkdir(parents=True, exist_ok=True)
        staging = target / STAGING
        shutil.rmtree(staging, ignore_errors=True)
        wh = Warehouse.create(staging)
        with wh.writer(commit_rows=10**12) as w:
            for start in range(0, events.num_rows, SLICE_ROWS):
                w.append(to_input(events.slice(start, SLICE_ROWS)))
                if progress:
                    progress(min(start + SLICE_ROWS, events.num_rows), events.num_rows)
            w.commit()
            origin = events.column("origin").combine_chunks().cast(pa.string())
            imported = pc.is_in(origin, value_set=pa.array(IMPORTED_ORIGINS))
            derived = events.column("event_id").combine_chunks().cast(pa.string()).filter(imported)
            keep = pc.invert(pc.is_in(mentions.column("mention_id").combine_chunks().cast(pa.string()), derived))
            kept = mentions.filter(keep) if len(derived) else mentions
            w.add_mentions(_mention_input(kept))
        n_mentions = kept.num_rows
        manifest = layout.read_manifest(staging)
        for sub in layout.DATA_DIRS:
            if (staging / sub).exists():
                if (target / sub).exists():
                    shutil.rmtree(target / sub)
                os.replace(staging / sub, target / sub)
        layout.fsync_dir(target)
        layout.write_manifest(target, manifest)  # the switch: from here on the directory is a warehouse
        shutil.rmtree(staging, ignore_errors=True)
        if out is None:
            _remove_arrow_files(root)
    after = sum(e["bytes"] for e in manifest["files"]) + _size(target / m["path"] for m in manifest["mentions"])
    return MigrateReport(events.num_rows, n_mentions, time.perf_counter() - t0, before, after, target)


def _mention_input(table: pa.Table) -> pa.Table:
    arrays = []
    for f in layout.MENTION_SCHEMA:
        col = table.column(f.name).combine_chunks()
        arrays.append(pc.cast(col, f.type, safe=False) if pa.types.is_timestamp(f.type) else col.cast(f.type))
    return pa.Table.from_arrays(arrays, schema=layout.MENTION_SCHEMA)


def _remove_arrow_files(root: pathlib.Path) -> None:
    """The Arrow store's files, once the directory is a warehouse (meta.json first, so it stops being one)."""
    with contextlib.suppress(FileNotFoundError):
        (root / disk.META).unlink()
    for p in root.iterdir():
        if p.is_file() and disk._GEN_FILE.match(p.name):
            with contextlib.suppress(OSError):
                p.unlink()
    layout.fsync_dir(root)


def arrow_event_count(path: str | os.PathLike) -> int:
    """Events in the Arrow store at path (0 when it holds none), from its meta file."""
    meta = disk.read_meta(pathlib.Path(path)) if pathlib.Path(path).is_dir() else None
    if not meta:
        return 0
    counts = meta.get("counts") or {}
    if "events" in counts:
        return int(counts["events"])
    return int(disk.load_table(pathlib.Path(path), meta, "events").num_rows)


__all__ = ["MigrateReport", "arrow_event_count", "migrate", "to_input"]
