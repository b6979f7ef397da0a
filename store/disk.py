"""The store on disk: a directory of Arrow snapshot files named by a meta.json that is replaced atomically.

    <dir>/meta.json                 {"schema_version", "store_id", "generation", "events", "mentions", "counts"}
    <dir>/events-<generation>.arrow     Arrow IPC (Feather v2), uncompressed: memory-mapped on load
    <dir>/mentions-<generation>.arrow   the same layout, one row per report, in the order added
    <dir>/.lock                     filelock: writers take turns

A write puts a new generation's files beside the old ones (temp name, fsync, rename), then
os.replace()s meta.json to point at them. Readers follow meta.json, so they see the old snapshot or
the new one, never a mix; a crash before the meta swap leaves the old snapshot in charge and the
orphan files are swept by the next writer. List columns are stored as strings joined with \\x1f
(dictionary-encoded) because turning Arrow lists into Python lists is the slowest part of
loading a large store; on load each distinct list is split once and shared by the rows that hold it.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import json
import os
import pathlib
import re
import uuid

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from core.errors import StoreError
from store.columns import ALL_COLUMNS, ALL_LIST_COLUMNS, MENTION_COLUMNS, STORE_DEFAULTS

SCHEMA_VERSION = 2
SEP = "\x1f"
META = "meta.json"
# Versions this code can read; each older one is brought up to date by _migrate.
# 1: before cameo_code, location, latitude, longitude and fatalities existed.
READABLE_VERSIONS = (1, 2)
ALL_COLUMNS_FLAT: dict[str, str] = {c: d for c, (d, _) in ALL_COLUMNS.items()}
_GEN_FILE = re.compile(r"^(events|mentions)-(\d+)\.(?:parquet|arrow)(\.tmp)?$")


def _arrow_type(dtype: str) -> pa.DataType:
    return {
        "string": pa.string(),
        "object": pa.string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "datetime64[ns]": pa.timestamp("ns"),
        "datetime64[ns, UTC]": pa.timestamp("ns", tz="UTC"),
    }[dtype]


def _join_lists(values: np.ndarray) -> pa.DictionaryArray:
    """Lists -> dictionary-encoded \\x1f-joined strings; each distinct list object is joined once."""
    n = len(values)
    if n == 0:
        return pa.array([], type=pa.string()).dictionary_encode()
    ids = np.fromiter(map(id, values), dtype=np.int64, count=n)
    codes, uniq = pd.factorize(ids)
    first = np.empty(len(uniq), dtype=np.int64)
    first[codes[::-1]] = np.arange(n - 1, -1, -1)
    joined = [
        SEP.join(str(x).replace(SEP, " ") for x in v) if isinstance(v, (list, tuple, np.ndarray)) else ""
        for v in values[first]
    ]
    # equal lists held by different objects share one dictionary entry
    text_codes, text_uniq = pd.factorize(np.asarray(joined, dtype=object))
    return pa.DictionaryArray.from_arrays(
        pa.array(text_codes[codes].astype(np.int32)), pa.array(list(text_uniq), type=pa.string())
    )


def _strings(col: pd.Series) -> pa.Array:
    """A string column as an Arrow string array without nulls (zero-copy when already Arrow-backed)."""
    try:
        arr = pa.array(col.array) if isinstance(col.dtype, pd.StringDtype) else pa.array(col, type=pa.string())
    except (pa.ArrowException, TypeError):
        arr = pa.array(col.astype("string"), type=pa.string())
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    if arr.type != pa.string():
        arr = arr.cast(pa.string())
    return arr.fill_null("") if arr.null_count else arr


def to_arrow(df: pd.DataFrame, columns: dict[str, str]) -> pa.Table:
    """A typed Arrow table of df's declared columns (list columns joined and dictionary-encoded)."""
    arrays, fields = [], []
    for name, dtype in columns.items():
        col = df[name]
        typ = _arrow_type(dtype)
        if dtype == "object":
            arr = _join_lists(col.to_numpy(dtype=object))
            typ = arr.type
        elif dtype == "string":
            arr = _strings(col)
        else:
            arr = pa.array(col, type=typ, from_pandas=True)
        arrays.append(arr)
        fields.append(pa.field(name, typ))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _split_lists(col: pa.ChunkedArray) -> np.ndarray:
    """\\x1f-joined strings (plain or dictionary) -> object array of lists, one list per distinct value."""
    arr = col.combine_chunks() if col.num_chunks != 1 else col.chunk(0)
    if not pa.types.is_dictionary(arr.type):
        arr = arr.dictionary_encode()
    uniques = arr.dictionary.to_pylist()
    # Building a million small lists with the cyclic collector on costs 3-5x more (it keeps rescanning).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        split = [s.split(SEP) for s in uniques]
        split.append([])  # for nulls
        with contextlib.suppress(ValueError):
            split[uniques.index("")] = []
        lists = np.fromiter(split, dtype=object, count=len(split))
    finally:
        if was_enabled:
            gc.enable()
    idx = arr.indices.fill_null(len(uniques)).to_numpy(zero_copy_only=False)
    return lists[idx]


def list_element_counts(col: pa.ChunkedArray) -> dict[str, int]:
    """For a list column as stored (\\x1f-joined strings, dictionary-encoded or plain): how many rows hold
    each element, counting an element once per row and leaving out empty ones; keys in order of first
    appearance in the dictionary. Works on the dictionary and its indices, never on a million Python lists."""
    counts: dict[str, int] = {}
    for chunk in col.chunks:
        if not pa.types.is_dictionary(chunk.type):
            chunk = chunk.dictionary_encode()
        indices = chunk.indices.drop_null().to_numpy(zero_copy_only=False)
        per_entry = np.bincount(indices, minlength=len(chunk.dictionary))
        for text, k in zip(chunk.dictionary.to_pylist(), per_entry.tolist(), strict=True):
            if k and text:
                for x in dict.fromkeys(text.split(SEP)):
                    if x:
                        counts[x] = counts.get(x, 0) + k
    return counts


def _string_mapper(t: pa.DataType):
    if t in (pa.string(), pa.large_string()):
        return pd.StringDtype("pyarrow")
    return None


def from_arrow(table: pa.Table, columns: dict[str, str]) -> pd.DataFrame:
    """A DataFrame with the declared dtypes from a table written by to_arrow."""
    list_cols = [c for c, d in columns.items() if d == "object"]
    plain = table.select([c for c in columns if c not in list_cols])
    df = plain.to_pandas(types_mapper=_string_mapper, split_blocks=True, self_destruct=False)
    for c in list_cols:
        df[c] = _split_lists(table.column(c))
    for c, d in columns.items():
        if d == "bool" and df[c].dtype != bool:
            df[c] = df[c].fillna(False).astype(bool)
    return df[list(columns)]


def _fsync_dir(path: pathlib.Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_file(path: pathlib.Path, write) -> None:
    """Write via path.tmp, fsync, rename; the temp file is removed on any failure."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def store_error_for(exc: OSError, root: pathlib.Path) -> StoreError:
    """A StoreError with a message a person can act on."""
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        return StoreError(f"{root}: no space left on the device; the store is unchanged. Free some space and retry.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StoreError(
            f"{root}: the store directory is read-only (permission denied); the store is unchanged. "
            "Use --store to pick a writable directory."
        )
    return StoreError(f"{root}: cannot write the store ({exc.strerror or exc}); the store is unchanged.")


def read_meta(root: pathlib.Path) -> dict | None:
    """meta.json as a dict; None when the store has never been written. Raises StoreError when unreadable."""
    path = root / META
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store's meta file ({exc.strerror or exc})") from exc
    try:
        meta = json.loads(raw.decode("utf-8"))
        version = meta["schema_version"]
        if not isinstance(version, int):
            raise TypeError("schema_version is not an integer")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise StoreError(
            f"{path}: not a readable event-store meta file ({exc}); refusing to guess what the store holds"
        ) from exc
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{root}: the store was written by a newer version (schema {version}; this program reads "
            f"up to {SCHEMA_VERSION}). Upgrade the program, or use another --store directory."
        )
    if version not in READABLE_VERSIONS:
        raise StoreError(f"{root}: unknown store schema version {version}")
    return meta


def _read_table(path: pathlib.Path, columns: dict[str, str], event_ids: list[str] | None = None) -> pa.Table:
    """The declared columns present in a snapshot file (Arrow IPC memory-mapped, or Parquet), optionally
    only the rows whose event_id is in event_ids."""
    if path.suffix == ".arrow":
        with pa.memory_map(str(path), "r") as source:
            table = pa.ipc.open_file(source).read_all()
    else:
        table = pq.read_table(path, read_dictionary=[c for c in ALL_LIST_COLUMNS if c in columns])
    table = table.select([c for c in columns if c in table.schema.names])
    if event_ids is not None:
        table = table.filter(pc.is_in(table.column("event_id"), value_set=pa.array(event_ids, type=pa.string())))
    return table


def load_table(root: pathlib.Path, meta: dict, which: str, event_ids: list[str] | None = None) -> pa.Table:
    """The events or mentions table of a snapshot as Arrow, every declared column in order; an events
    table from an older schema gets the columns it lacked, with their defaults."""
    columns = ALL_COLUMNS_FLAT if which == "events" else MENTION_COLUMNS
    path = root / meta[which]
    try:
        table = _read_table(path, columns, event_ids)
    except FileNotFoundError:
        raise
    except (OSError, pa.ArrowException, ValueError) as exc:
        raise StoreError(f"{path}: the store file is damaged or unreadable ({exc})") from exc
    missing = [c for c in columns if c not in table.schema.names]
    if (
        missing
        and which == "events"
        and meta["schema_version"] < SCHEMA_VERSION
        and all(c in STORE_DEFAULTS for c in missing)
    ):
        for c in missing:
            typ = _arrow_type(columns[c])
            table = table.append_column(pa.field(c, typ), pa.array([STORE_DEFAULTS[c]] * table.num_rows, type=typ))
        missing = []
    if missing:
        raise StoreError(f"{path}: the store file lacks columns {', '.join(missing)}; refusing to misread it")
    return table.select(list(columns))


def load(
    root: pathlib.Path, meta: dict, which: str, event_ids: list[str] | None = None, columns: list[str] | None = None
) -> pd.DataFrame:
    """Read the events or mentions table of the snapshot meta names, as a DataFrame; only the named
    columns (in that order) when columns is given, which skips turning the other list columns into lists."""
    declared = ALL_COLUMNS_FLAT if which == "events" else MENTION_COLUMNS
    table = load_table(root, meta, which, event_ids)
    if columns is None:
        return from_arrow(table, declared)
    unknown = [c for c in columns if c not in declared]
    if unknown:
        raise KeyError(f"no such {which} column: {', '.join(unknown)}")
    return from_arrow(table.select(list(columns)), {c: declared[c] for c in columns})


def load_column(root: pathlib.Path, meta: dict, which: str, column: str) -> list:
    """One column of a snapshot table as a Python list."""
    path = root / meta[which]
    try:
        return _read_table(path, {column: "string"}).column(column).to_pylist()
    except (OSError, pa.ArrowException, KeyError, ValueError) as exc:
        raise StoreError(f"{path}: the store file is damaged or unreadable ({exc})") from exc


def sweep(root: pathlib.Path, meta: dict | None) -> None:
    """Remove temp files and snapshots other than the current and the previous one (call under the lock)."""
    current = meta["generation"] if meta else 0
    for p in root.iterdir():
        m = _GEN_FILE.match(p.name)
        if m is None:
            if p.name == META + ".tmp":
                with contextlib.suppress(OSError):
                    p.unlink()
            continue
        gen = int(m.group(2))
        if m.group(3) or gen > current or gen < current - 1:
            with contextlib.suppress(OSError):
                p.unlink()


MAX_CHUNKS = 16


def without_rows(table: pa.Table, keep: np.ndarray) -> pa.Table:
    """table without the rows where keep is False, as zero-copy slices (few rows are dropped)."""
    drop = np.flatnonzero(~keep)
    pieces, start = [], 0
    for p in drop.tolist():
        if p > start:
            pieces.append(table.slice(start, p - start))
        start = p + 1
    if start < table.num_rows:
        pieces.append(table.slice(start))
    return pa.concat_tables(pieces) if pieces else table.slice(0, 0)


def _dict_key(d: pa.Array) -> tuple:
    return tuple(b.address if b is not None else 0 for b in d.buffers()) + (d.offset, len(d))


def _shares_one_dictionary(col: pa.ChunkedArray) -> bool:
    return len({_dict_key(c.dictionary) for c in col.chunks}) <= 1


def append_rows(old: pa.Table, new: pa.Table) -> pa.Table:
    """old's rows then new's, without copying old. A dictionary column keeps one dictionary for all its
    chunks: new's dictionary entries are appended to old's (an entry may repeat; that is allowed) and
    new's indices shifted, so the file can be written as several record batches and read back
    without unifying million-entry dictionaries."""
    if old.num_rows == 0:
        return new
    columns = []
    for name in old.column_names:
        a, b = old.column(name), new.column(name)
        if pa.types.is_dictionary(a.type) and a.num_chunks and _shares_one_dictionary(a):
            b = b.combine_chunks()
            base = a.chunk(0).dictionary
            merged = pa.concat_arrays([base, b.dictionary])
            shift = pa.array(b.indices.to_numpy(zero_copy_only=False).astype(np.int32) + len(base), type=pa.int32())
            chunks = [pa.DictionaryArray.from_arrays(c.indices, merged) for c in a.chunks]
            chunks.append(pa.DictionaryArray.from_arrays(shift, merged))
            columns.append(pa.chunked_array(chunks, type=a.type))
        else:
            columns.append(pa.chunked_array(a.chunks + b.chunks, type=a.type))
    return pa.Table.from_arrays(columns, schema=old.schema)


def _write_ipc(table: pa.Table, path: pathlib.Path) -> None:
    """Uncompressed Arrow IPC: readers memory-map it and use the buffers in place (loading costs no
    decompression and no copy; the price is about twice Parquet's size on disk). Each write appends
    its rows as a new record batch; past MAX_CHUNKS batches the table is compacted into one."""
    mixed = any(pa.types.is_dictionary(c.type) and not _shares_one_dictionary(c) for c in table.columns)
    if mixed or max((c.num_chunks for c in table.columns), default=0) > MAX_CHUNKS:
        table = table.combine_chunks()
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table, max_chunksize=max(1, table.num_rows))


def write_snapshot(root: pathlib.Path, meta: dict | None, events: pa.Table, mentions: pa.Table) -> dict:
    """Write a new generation (Arrow tables as to_arrow makes them) and point meta.json at it;
    returns the new meta. Call under the lock."""
    gen = (meta["generation"] if meta else 0) + 1
    new_meta = {
        "schema_version": SCHEMA_VERSION,
        "store_id": meta.get("store_id") if meta and meta.get("store_id") else uuid.uuid4().hex,
        "generation": gen,
        "events": f"events-{gen}.arrow",
        "mentions": f"mentions-{gen}.arrow",
        "counts": {"events": int(events.num_rows), "mentions": int(mentions.num_rows)},
    }
    _write_file(root / new_meta["events"], lambda p: _write_ipc(events, p))
    _write_file(root / new_meta["mentions"], lambda p: _write_ipc(mentions, p))
    _fsync_dir(root)
    _write_file(root / META, lambda p: p.write_text(json.dumps(new_meta, indent=1), encoding="utf-8"))
    _fsync_dir(root)
    return new_meta
