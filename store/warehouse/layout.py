"""The warehouse on disk: hive-partitioned Parquet files, named by a manifest that is replaced atomically.

    <dir>/warehouse.json        the manifest: format, schema_version, store_id, generation, the live files
    <dir>/events/origin=<o>/month=<YYYY-MM>/part-<gen>-<id>.parquet   event rows
    <dir>/counts/origin=<o>/month=<YYYY-MM>/part-<gen>-<id>.parquet   the same rows counted (see COUNTS_SCHEMA)
    <dir>/mentions/part-<gen>-<id>.parquet   reports of extracted events (moved over from an Arrow store)
    <dir>/.lock                 the writers' file lock (the same file the Arrow store uses)

Every file is written under a temporary name (`.<name>.tmp`), fsynced and renamed; a write then names its
files in a new manifest (temp name, fsync, os.replace, fsync of the directory). Readers only open the files
the manifest names, so a killed writer leaves earlier data intact and nothing half-written in view; the next
writer sweeps the orphans. Files the latest generation retired stay one generation, for readers that read
the previous manifest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import pathlib
import uuid

import pyarrow as pa

from core.errors import StoreError
from store.columns import ALL_COLUMNS, MENTION_COLUMNS

MANIFEST = "warehouse.json"
FORMAT = "event-warehouse"
SCHEMA_VERSION = 1
PARTITION_KEYS = ("origin", "month")
NO_MONTH = "none"  # the month partition of events without a date_start


def _arrow_type(dtype: str) -> pa.DataType:
    return {
        "string": pa.string(),
        "object": pa.list_(pa.string()),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "datetime64[ns]": pa.timestamp("us"),
        "datetime64[ns, UTC]": pa.timestamp("us", tz="UTC"),
    }[dtype]


# Stored per event: every column of the events table but origin (the partition) and salience (computed on read
# from mentions, sources, last_reported, event_type and fatalities, so it never goes stale).
STORED_COLUMNS: dict[str, str] = {c: d for c, (d, _) in ALL_COLUMNS.items() if c not in ("origin", "salience")}
EVENT_SCHEMA = pa.schema([pa.field(c, _arrow_type(d)) for c, d in STORED_COLUMNS.items()])
# What a writer is given: the stored columns and origin.
INPUT_SCHEMA = EVENT_SCHEMA.append(pa.field("origin", pa.string()))

# The counts (rollup) of one events file. kind "event": one row per group of events; "country" / "topic": one
# row per distinct list element and group (value "" for an empty list), so an event with two countries counts
# once under each; "actor": events per actor name (mentioned: in the actors list) per date_start, date_end and mode
# (event_type and quad_class null; for the sidebar and the Actors page), "source" / "target": events per source /
# target actor that names someone, keyed so, "paired": events per actor that is the source or the target of a
# named pair of two different actors (the Actors network's busiest actors), keyed so;
# "pair:<ISO3>": the events involving that country counted under each of their other countries (value), per
# date_start, date_end and mode (event_type and quad_class null: counted by them, the pairs would outnumber the
# events); under the country itself they are its "country" rows. With the country rows they give the events of
# either of two countries (A or B = A + B - pair:A under B) without a scan. A file entry says "pairs": PAIRS when
# its counts hold these rows in this form. Written by `store recount` only (PAIRS, TRIOS below), per mode and per
# TRIO_BUCKET (date_start holds the bucket, date_end is null): "trio:<A>\x1f<B>" (A < B), the events involving A, B
# and a third country counted under that country (value), which answer the Timeline's lanes and the map of a
# two-country view by week, month or no period from the files whose events all pass the view's dates
# (Warehouse._whole) without reading the events; "lane:<ISO3>", the events involving that country counted under
# each of their countries, itself included, from which a view of one or two countries with no dates filtered reads
# its lanes (a seventh of the rows per day of "pair:<ISO3>"); "topics:<ISO3>", the events involving that country
# counted under each of their topics (value; "" for none), per date_start, date_end and mode, which answer a view of
# one country by topic (Trends' default) and, less the events of both read once per view, of two. Counts files are sorted by kind and value and written
# in row groups of COUNTS_ROW_GROUP, so a question about one kind reads little more than its rows.
COUNT_KINDS = (
    "event", "country", "topic", "actor", "source", "target", "paired", "pair:<ISO3>", "trio:<A>\x1f<B>",
    "lane:<ISO3>", "topics:<ISO3>",
)  # fmt: skip
PAIR_KIND = "pair:"
TRIO_KIND = "trio:"
LANE_KIND = "lane:"
TOPICS_KIND = "topics:"
# a week within a month: the later of the date's week (from Monday) and its month, so that truncated to the week it
# is the date's week and truncated to the month, the date's month (a week that straddles two months has two buckets)
TRIO_BUCKET = "greatest(date_trunc('week', date_start), date_trunc('month', date_start))"
# The form of the rows beyond events per type, country and topic: 1 stored self-pairs too; 2 the pairs; 3 the pairs
# and trio rows per date_start, date_end and mode (dropped: about as many rows as events, 0.45 GB more memory and
# 8% more CPU at import); 4 those trios and the actor rows per date ("actor" keyed, "source", "target", "paired");
# 5 the pairs and the actor rows (what a write commits); 6 those and the trio rows per TRIO_BUCKET and mode; 7 those
# and the lane rows (what `store recount` writes: the trio rows counted at import took a 5,000,000-row GDELT import
# from about 1.2 to 1.6 GB, since distinct triples of countries are about as many as the events). `store recount`
# rewrites the counts of files of any form but the fullest; a question a file's form cannot answer reads its events.
# 8: those and the topics rows per country ("topics:<ISO3>", `store recount` too), the fullest (RECOUNTED).
PAIRS = 5
TRIOS = 7
TOPICS = 8
RECOUNTED = TOPICS  # the form `store recount` writes
COUNTS_ROW_GROUP = 32_768
COUNTS_SCHEMA = pa.schema(
    [
        pa.field("kind", pa.string()),
        pa.field("value", pa.string()),
        pa.field("date_start", pa.timestamp("us")),
        pa.field("date_end", pa.timestamp("us")),
        pa.field("mode", pa.string()),
        pa.field("event_type", pa.string()),
        pa.field("quad_class", pa.string()),
        pa.field("n", pa.int64()),
    ]
)
MENTION_SCHEMA = pa.schema([pa.field(c, _arrow_type(d)) for c, d in MENTION_COLUMNS.items()])


def is_warehouse(path: str | os.PathLike) -> bool:
    """Does the directory hold a warehouse (its manifest)?"""
    return (pathlib.Path(path) / MANIFEST).is_file()


def new_manifest() -> dict:
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "store_id": uuid.uuid4().hex,
        "generation": 0,
        "partitioning": list(PARTITION_KEYS),
        "files": [],
        "mentions": [],
        "retired": [],
    }


def read_manifest(root: pathlib.Path) -> dict | None:
    """The manifest, or None when the directory holds no warehouse. StoreError when unreadable or newer."""
    path = root / MANIFEST
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the warehouse manifest ({exc.strerror or exc})") from exc
    try:
        manifest = json.loads(raw.decode("utf-8"))
        if manifest.get("format") != FORMAT:
            raise ValueError(f"format is {manifest.get('format')!r}, not {FORMAT!r}")
        version = manifest["schema_version"]
        if not isinstance(version, int):
            raise TypeError("schema_version is not an integer")
        if not isinstance(manifest["files"], list) or not isinstance(manifest["generation"], int):
            raise TypeError("files or generation is missing or malformed")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError) as exc:
        raise StoreError(f"{path}: not a readable warehouse manifest ({exc}); refusing to guess what it holds") from exc
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{root}: the warehouse was written by a newer version (schema {version}; this program reads up to "
            f"{SCHEMA_VERSION}). Upgrade the program, or use another --store directory."
        )
    return manifest


def fsync_dir(path: pathlib.Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def fsync_file(path: pathlib.Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def tmp_name(final: pathlib.Path) -> pathlib.Path:
    """The temporary name a file is written under: hidden, and not ending in .parquet (globs skip it)."""
    return final.with_name(f".{final.name}.tmp")


def write_manifest(root: pathlib.Path, manifest: dict) -> None:
    """Replace the manifest atomically (temp name, fsync, os.replace, fsync of the directory)."""
    final = root / MANIFEST
    tmp = tmp_name(final)
    try:
        tmp.write_text(json.dumps(manifest, indent=0, separators=(",", ":")), encoding="utf-8")
        fsync_file(tmp)
        os.replace(tmp, final)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(root)


def part_name(generation: int) -> str:
    return f"part-{generation:06d}-{uuid.uuid4().hex[:10]}.parquet"


def partition_dir(kind: str, origin: str, month: str) -> str:
    """events|counts/origin=<o>/month=<m> (relative to the warehouse root)."""
    safe = origin.replace("/", "_").replace("=", "_") or "unknown"
    return f"{kind}/origin={safe}/month={month}"


DATA_DIRS = ("events", "counts", "mentions", "summary")  # the folders of a warehouse's data files


def live_paths(manifest: dict) -> set[str]:
    out = set()
    for f in manifest["files"]:
        out.add(f["events"])
        out.add(f["counts"])
    for m in manifest.get("mentions", []):
        out.add(m["path"])
    if manifest.get("options"):
        out.add(manifest["options"])
    return out


def sweep(root: pathlib.Path, manifest: dict | None) -> int:
    """Remove temp files, and data files that neither the manifest nor its retired list names (call under the
    lock). Returns how many files went."""
    keep = set() if manifest is None else live_paths(manifest) | set(manifest.get("retired", []))
    removed = 0
    for sub in DATA_DIRS:
        base = root / sub
        if not base.is_dir():
            continue
        for p in base.rglob("*"):
            if not p.is_file():
                continue
            rel = p.relative_to(root).as_posix()
            if p.name.endswith(".tmp") or (p.suffix == ".parquet" and rel not in keep):
                with contextlib.suppress(OSError):
                    p.unlink()
                    removed += 1
        for d in sorted((d for d in base.rglob("*") if d.is_dir()), key=lambda d: -len(d.parts)):
            with contextlib.suppress(OSError):
                d.rmdir()  # only empty partition directories go
    for p in root.glob(f".{MANIFEST}.tmp"):
        with contextlib.suppress(OSError):
            p.unlink()
    return removed


def store_error_for(exc: OSError, root: pathlib.Path, kept: str) -> StoreError:
    """A StoreError a person can act on; kept says what is still in the warehouse."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
        what = "no space left on the device" if exc.errno != errno.EFBIG else "a file grew past the size limit"
        return StoreError(f"{root}: {what}; {kept}. Free some space and run the import again.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StoreError(
            f"{root}: the warehouse directory is read-only (permission denied); {kept}. "
            "Use --store to pick a writable directory."
        )
    return StoreError(f"{root}: cannot write the warehouse ({exc.strerror or exc}); {kept}.")


def iso(ts) -> str | None:
    """A timestamp (Arrow scalar value, datetime or None) as ISO text for the manifest."""
    if ts is None:
        return None
    if isinstance(ts, dt.datetime):
        if ts.tzinfo is not None:
            ts = ts.astimezone(dt.UTC).replace(tzinfo=None)
        return ts.isoformat()
    return str(ts)
