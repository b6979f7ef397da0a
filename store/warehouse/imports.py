"""Streaming GDELT and ACLED imports into the warehouse: files read in blocks, mapped by SQL, written by partition.

    report = import_files(warehouse, "gdelt", ["20240301.export.CSV.zip", ...])
    print("\\n".join(report.lines()))

A file (plain or zipped; a zip is streamed member by member, never unpacked whole) is read in blocks of about
16 MB by pyarrow's streaming CSV reader, single-threaded so that each refused line keeps its line number. Each block
becomes an Arrow table of raw strings; the code tables (CAMEO -> PLOVER, CAMEO and FIPS countries -> ISO,
dates, actor names, URL hosts) are applied once per distinct value in the block with the very functions of
store/importers/gdelt.py and acled.py, so a row imports to the same values as on the Arrow tier; DuckDB SQL then
assembles the store columns and the reason a row is refused, and the warehouse writer deduplicates and writes the
rows into their partitions. Memory stays at a few blocks whatever the file's size. The stages form a pipeline of
threads, one block in flight between each: reading, mapping, routing rows to partitions (the calling thread), and
Parquet encoding (the writer's thread); pyarrow and DuckDB do most of their work without the GIL, so the stages
share the cores.

GDELT formats are told apart by the columns of the first data line: 61 is a GDELT 2.0 export (15-minute or daily
file), 57 a GDELT 1.0 historical or daily file before April 2013, 58 a GDELT 1.0 daily file with SOURCEURL.
Files of both versions may be given together: each is read in its own layout. A line with another number of
columns is refused (a GDELT 1.0 line inside a 2.0 file among them).

CAMEO codes without a PLOVER type (the 01x statements: 010-014, 017 and the 2-digit root 01) are skipped: the
events table has no type for them, and GDELT codes a large share of its rows so. They are counted under their own
reason, never listed line by line.

Accounting, per file and in total: rows read = imported + skipped as already in the warehouse + refused with a
reason (blank lines and a header line are not rows). Commits: after a file once COMMIT_ROWS / 8 rows wait, every
COMMIT_ROWS rows within a long file, and at the end; a killed import keeps what was committed, and running it
again skips those rows as duplicates.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
import pathlib
import queue
import threading
import urllib.parse
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from core.errors import ImportFormatError, StoreError
from core.schema import QUAD_CLASS
from store.importers import acled as acled_rows
from store.importers import gdelt as gdelt_rows
from store.importers.common import in_range
from store.warehouse import layout
from store.warehouse.sql import lit
from store.warehouse.writer import helper_connection

BLOCK_BYTES = 16 * 1024**2
COMMIT_ROWS = 2_000_000
GDELT1_COLUMNS = tuple(
    c
    for c in gdelt_rows.COLUMNS
    if not c.endswith("ADM2Code") and c != "SOURCEURL"  # GDELT 1.0: no ADM2 codes, SOURCEURL from April 2013
)
GDELT_LAYOUTS = {
    61: ("GDELT 2.0 export", gdelt_rows.COLUMNS),
    57: ("GDELT 1.0 event file", GDELT1_COLUMNS),
    58: ("GDELT 1.0 daily file", (*GDELT1_COLUMNS, "SOURCEURL")),
}
GDELT_USED = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor2Name",
    "Actor2CountryCode",
    "EventCode",
    "GoldsteinScale",
    "NumMentions",
    "AvgTone",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "DATEADDED",
    "SOURCEURL",
)
GDELT_TRIMMED = (  # the columns the SQL reads as text (stripped in GdeltMapper.map)
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Name",
    "EventCode",
    "GoldsteinScale",
    "NumMentions",
    "AvgTone",
    "ActionGeo_FullName",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "DATEADDED",
    "SOURCEURL",
)
ACLED_USED = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "iso",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "source",
    "notes",
    "fatalities",
    "timestamp",
)
# refusal kind -> what the summary says about it
REASONS = {
    "columns": "wrong number of columns",
    "id": "event id missing or not a number",
    "date": "event date unreadable",
    "range": "event date out of range (1979 to a year from now)",
    "code": "unknown event code or type",
    "statement": "CAMEO 01x statement with no PLOVER type (skipped by design)",
    "country": "unknown country code",
    "dateadded": "DATEADDED unreadable",
    "url": "SOURCEURL unreadable",
    "unwritten": "read but not written (the import stopped before its commit)",
}


# ---- accounting --------------------------------------------------------------------------------------------------
@dataclass
class Refusals:
    """Refused rows by kind: count, and the first one's place and reason."""

    by_kind: dict[str, list] = field(default_factory=dict)  # kind -> [count, first ref, first detail]

    def add(self, kind: str, count: int, ref: str, detail: str) -> None:
        if count <= 0:
            return
        entry = self.by_kind.setdefault(kind, [0, ref, detail])
        entry[0] += count

    def total(self) -> int:
        return sum(v[0] for v in self.by_kind.values())

    def merge(self, other: Refusals) -> None:
        for kind, (n, ref, detail) in other.by_kind.items():
            self.add(kind, n, ref, detail)


@dataclass
class FileReport:
    name: str
    format: str = ""
    read: int = 0
    imported: int = 0
    pending: int = 0  # appended, not yet committed
    duplicates: int = 0
    refused: Refusals = field(default_factory=Refusals)
    error: str = ""  # why the file could not be read, or stopped early

    def balanced(self) -> bool:
        return self.read == self.imported + self.pending + self.duplicates + self.refused.total()

    def line(self) -> str:
        what = f" ({self.format})" if self.format else ""
        text = (
            f"{self.name}{what}: {self.read:,} rows read, {self.imported:,} imported, "
            f"{self.duplicates:,} already in the warehouse, {self.refused.total():,} refused"
        )
        return text + (f"; {self.error}" if self.error else "")


@dataclass
class ImportReport:
    """What an import did, file by file and in total."""

    files: list[FileReport] = field(default_factory=list)
    error: str = ""  # what stopped the whole import (the warehouse could not be written)

    @property
    def read(self) -> int:
        return sum(f.read for f in self.files)

    @property
    def imported(self) -> int:
        return sum(f.imported for f in self.files)

    @property
    def duplicates(self) -> int:
        return sum(f.duplicates for f in self.files)

    def refused(self) -> Refusals:
        out = Refusals()
        for f in self.files:
            out.merge(f.refused)
        return out

    @property
    def failed_files(self) -> list[FileReport]:
        return [f for f in self.files if f.error and f.read == 0]

    def lines(self) -> list[str]:
        out = [f.line() for f in self.files]
        refused = self.refused()
        out.append(
            f"total: {self.read:,} rows read = {self.imported:,} imported + {self.duplicates:,} already in the "
            f"warehouse + {refused.total():,} refused"
        )
        for kind, (n, ref, detail) in sorted(refused.by_kind.items(), key=lambda kv: -kv[1][0]):
            out.append(f"  refused {n:,}: {REASONS.get(kind, kind)} (first: {ref}: {detail})")
        if self.error:
            out.append(f"stopped: {self.error}")
        return out


# ---- reading files -----------------------------------------------------------------------------------------------
@dataclass
class Member:
    """One text file to read: a plain file, a member of a zip archive, or uploaded bytes."""

    name: str
    open: Callable[[], io.RawIOBase]
    path: str | None = None  # a plain file: pyarrow reads it itself (no Python bytes in between)


def members(source, suffixes: tuple[str, ...]) -> list[Member]:
    """The text files of a source: a path or a (name, bytes) upload; a zip archive gives its members whose names
    end with one of suffixes. ImportFormatError for a directory, a damaged or truncated zip, or no member."""
    if isinstance(source, tuple) and len(source) == 2:
        name, data = str(source[0]), source[1]
        data = data.encode("utf-8") if isinstance(data, str) else bytes(data)

        def opener(data=data):
            return io.BytesIO(data)

    else:
        path = pathlib.Path(os.fspath(source))
        if path.is_dir():
            raise ImportFormatError(f"{path}: is a directory; give the export file itself")
        path.stat()  # FileNotFoundError reaches user_message as "no such file"
        name = path.name

        def opener(path=path):
            return open(path, "rb")

    with opener() as fh:
        head = fh.read(4)
    if head != b"PK\x03\x04":
        return [Member(name, opener, None if isinstance(source, tuple) else str(source))]
    try:
        with opener() as fh, zipfile.ZipFile(fh) as zf:
            chosen = [m.filename for m in zf.infolist() if not m.is_dir() and m.filename.lower().endswith(suffixes)]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise ImportFormatError(f"{name}: a damaged or truncated zip archive ({exc})") from exc
    if not chosen:
        raise ImportFormatError(f"{name}: the zip archive holds no {' or '.join(suffixes)} file")

    def member_opener(member: str):
        def open_member():
            fh = opener()
            zf = zipfile.ZipFile(fh)
            inner = zf.open(member)
            close = inner.close

            def close_all():
                close()
                zf.close()
                fh.close()

            inner.close = close_all
            return inner

        return open_member

    return [Member(f"{name}/{m}", member_opener(m)) for m in chosen]


def _head(member: Member, size: int = 65536) -> bytes:
    with member.open() as fh:
        return fh.read(size)


def _first_lines(head: bytes, name: str, count: int = 5) -> list[str]:
    if b"\x00" in head[:4096]:
        raise ImportFormatError(f"{name}: looks like a binary file, not a text export")
    text = head.decode("utf-8", errors="replace").removeprefix("\ufeff")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(head) == 65536 and lines:
        lines = lines[:-1] or lines  # the last line may be cut
    return lines[:count]


class _Lines:
    """Physical line numbers of the rows pyarrow's reader skips (wrong number of columns, or only blanks), so that
    every row it returns gets its own line number."""

    def __init__(self, first_line: int = 1):
        self.first = first_line  # the line of the reader's first row
        self.skipped: list[int] = []
        self.bad: list[tuple[int, int, str]] = []  # (line, columns, text) of refused lines

    def handler(self, row) -> str:
        line = row.number or 0  # the physical line (pyarrow counts skipped header rows too)
        self.skipped.append(line)
        if row.text.strip():
            self.bad.append((line, row.actual_columns, row.text[:200]))
        return "skip"

    def numbers(self, start: int, count: int) -> np.ndarray:
        """Line numbers of the count returned rows starting with the start-th (0-based)."""
        k = np.arange(start, start + count, dtype=np.int64)
        skipped = np.asarray(self.skipped, dtype=np.int64)
        before = skipped - self.first - np.arange(len(skipped), dtype=np.int64)  # returned rows before each
        return k + self.first + np.searchsorted(before, k, side="right")


def _batches(member: Member, names: list[str], used: list[str], parse: pcsv.ParseOptions, lines: _Lines, skip: int):
    """(raw table with a "line" column, ) per block of a member."""
    read = pcsv.ReadOptions(column_names=names, block_size=BLOCK_BYTES, use_threads=False, skip_rows=skip)
    convert = pcsv.ConvertOptions(
        column_types={c: pa.string() for c in names},
        include_columns=used,
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
    )
    done = 0
    with member.open() if member.path is None else contextlib.nullcontext(member.path) as fh:
        reader = pcsv.open_csv(fh, read_options=read, parse_options=parse, convert_options=convert)
        for batch in reader:
            table = pa.Table.from_batches([batch])
            table = table.append_column("line", pa.array(lines.numbers(done, batch.num_rows)))
            done += batch.num_rows
            yield table


def _line_chunks(fh, size: int) -> Iterator[tuple[int, memoryview]]:
    """(lines before, bytes) pieces of about size bytes of a file, each ending at a line end (for files without
    quoting, where a line end always ends a row). Each piece is a fresh buffer read into once."""
    tail, before = b"", 0
    while True:
        buf = bytearray(max(size, 2 * len(tail)))
        buf[: len(tail)] = tail
        view = memoryview(buf)
        got = len(tail)
        while got < len(buf):
            n = fh.readinto(view[got:])
            if not n:
                break
            got += n
        if got == 0:
            return
        cut = buf.rfind(b"\n", 0, got)
        if got < len(buf) or cut < 0:  # the end of the file (or a line longer than the buffer: read on)
            if got < len(buf):
                yield before, view[:got]
                return
            tail = bytes(view[:got])
            continue
        yield before, view[: cut + 1]
        before += buf.count(b"\n", 0, cut + 1)
        tail = bytes(view[cut + 1 : got])


def _tsv_batches(member: Member, names: list[str], used: list[str], lines: _Lines):
    """(raw table with a "line" column) per piece of a tab-separated file without quoting. Each piece is parsed on
    its own (pyarrow's streaming reader would read many blocks ahead), so memory holds a few pieces at most; the
    refused lines go to lines.bad with their line numbers in the file."""
    convert = pcsv.ConvertOptions(
        column_types={c: pa.string() for c in names}, include_columns=used, strings_can_be_null=False
    )
    with member.open() as fh:
        for before, chunk in _line_chunks(fh, BLOCK_BYTES):
            local = _Lines(1)
            parse = pcsv.ParseOptions(
                delimiter="\t",
                quote_char=False,
                double_quote=False,
                ignore_empty_lines=False,
                invalid_row_handler=local.handler,
            )
            read = pcsv.ReadOptions(column_names=names, block_size=len(chunk) + 1, use_threads=False)
            table = pcsv.read_csv(pa.py_buffer(chunk), read_options=read, parse_options=parse, convert_options=convert)
            lines.bad.extend((before + line, columns, text) for line, columns, text in local.bad)
            numbers = local.numbers(0, table.num_rows) + before
            yield table.append_column("line", pa.array(numbers))


class _Prefetch:
    """Iterate a generator in a thread, up to depth items ahead (pyarrow parses without the GIL, so reading the next
    block overlaps mapping and writing this one). Exceptions reach the consumer; close() stops the thread."""

    _END = object()

    def __init__(self, gen, depth: int = 1, name: str = "warehouse-reader"):
        self.q: queue.Queue = queue.Queue(maxsize=depth)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(gen,), daemon=True, name=name)
        self.thread.start()

    def _put(self, item) -> bool:
        while not self.stop.is_set():
            try:
                self.q.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def _run(self, gen) -> None:
        try:
            for item in gen:
                if not self._put((item, None)):
                    break
            else:
                self._put((self._END, None))
        except BaseException as exc:  # handed to the consumer
            self._put((None, exc))
        finally:
            gen.close()

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            try:
                item, exc = self.q.get(timeout=0.2)
                break
            except queue.Empty:  # a stopped or finished producer puts nothing more: the end (after what it put)
                if self.stop.is_set() or not self.thread.is_alive():
                    try:
                        item, exc = self.q.get_nowait()
                        break
                    except queue.Empty:
                        raise StopIteration from None
        if exc is not None:
            raise exc
        if item is self._END:
            raise StopIteration
        return item

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=30)


def _joined(a: pa.ChunkedArray | pa.Array, b: pa.ChunkedArray | pa.Array) -> pa.Array:
    return pc.binary_join_element_wise(_chunkless(a), _chunkless(b), "\x1f")


# ---- mapping values through the row importers' own functions -------------------------------------------------------
class _Cached:
    """fn applied once per distinct value (over all blocks of an import)."""

    def __init__(self, fn):
        self.fn = fn
        self.seen: dict = {}

    def __call__(self, value):
        try:
            return self.seen[value]
        except KeyError:
            out = self.seen[value] = self.fn(value)
            return out


def _map(column: pa.ChunkedArray | pa.Array, fn: _Cached, types: list[pa.DataType]) -> list[pa.Array]:
    """fn over the distinct values of column (None for a null); fn returns a tuple of len(types) values; one array
    per element."""
    arr = _chunkless(column)
    enc = pc.dictionary_encode(arr)
    results = [fn(v) for v in enc.dictionary.to_pylist()]
    out = [pa.array([r[i] for r in results], type=t).take(enc.indices) for i, t in enumerate(types)]
    if arr.null_count:
        missing = fn(None)
        out = [o if missing[i] is None else o.fill_null(pa.scalar(missing[i], types[i])) for i, o in enumerate(out)]
    return out


def _gdelt_day(raw: str) -> tuple[dt.date | None, str | None, str | None]:
    raw = raw.strip()
    try:
        day = dt.datetime.strptime(raw, "%Y%m%d").date()
    except ValueError:
        return None, "date", f"SQLDATE {raw!r} is not a YYYYMMDD date"
    if not in_range(day):
        return None, "range", f"SQLDATE {raw} is out of range (1979 to a year from now)"
    return day, None, None


def _gdelt_code(raw: str) -> tuple[str | None, str | None, str | None, str | None, str | None]:
    """(plover, quad class, label, refusal kind, detail) for an EventCode."""
    code = raw.strip()
    try:
        plover, label = gdelt_rows.plover_for(code)
    except KeyError:
        return None, None, None, "code", f"unknown CAMEO event code {code!r}"
    if plover is None:
        return None, None, label, "statement", f"CAMEO {code} ({label}) has no PLOVER event type"
    return plover, QUAD_CLASS[plover], label, None, None


def _gdelt_country(column: str, fips: bool):
    def fn(raw: str) -> tuple[str, str | None]:
        try:
            return gdelt_rows._country(raw, column, fips), None
        except ValueError as exc:
            return "", str(exc)

    return fn


def _gdelt_added(fmt: str, label: str):
    def fn(raw: str) -> tuple[dt.datetime | None, str | None]:
        stamp = raw.strip()
        if not stamp:
            return None, None
        try:
            return dt.datetime.strptime(stamp, fmt).replace(tzinfo=dt.UTC), None
        except ValueError:
            return None, f"DATEADDED {stamp!r} is not a {label} time"

    return fn


def _host(netloc: str | None) -> tuple[str, str | None]:
    """(host without "www.", refusal detail) of an http(s) URL's network location, as gdelt.row_to_record finds it
    with urlsplit (which refuses a malformed IPv6 address); None: not an http(s) URL."""
    if netloc is None:
        return "", None
    try:
        return (urllib.parse.urlsplit("http://" + netloc).hostname or "").removeprefix("www."), None
    except ValueError as exc:
        return "", str(exc)


def _chunkless(col: pa.ChunkedArray | pa.Array) -> pa.Array:
    return col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col


def _interleave(columns: list[pa.Array], keep: list[pa.Array]) -> pa.Array:
    """Per row, a list of the columns' values (in column order) where keep is true: list<string> built with Arrow
    kernels, no Python per row."""
    n = len(columns[0])
    k = len(columns)
    flat = pa.concat_arrays([_chunkless(c).cast(pa.string()) for c in columns])
    mask = pa.concat_arrays([_chunkless(m).fill_null(False) for m in keep])
    order = np.arange(n * k, dtype=np.int64).reshape(k, n).T.ravel()  # row 0's values, then row 1's, ...
    flat, mask = flat.take(order), mask.take(order)
    counts = np.asarray(mask.to_numpy(zero_copy_only=False), dtype=np.int32).reshape(n, k).sum(axis=1)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
    return pa.ListArray.from_arrays(pa.array(offsets), flat.filter(mask))


def _attach_lists(rows: pa.Table, lists: dict[str, pa.Array]) -> pa.Table:
    """rows (with a "pos" column: the row's place in the block) given the block's list columns, then in
    INPUT_SCHEMA."""
    pos = rows.column("pos")
    for name, arr in lists.items():
        rows = rows.append_column(name, arr.take(pos))
    return rows


class GdeltMapper:
    """Raw GDELT blocks -> (store rows, refusals). One per import (its caches span the files)."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self.day = _Cached(_gdelt_day)
        self.code = _Cached(_gdelt_code)
        self.c1 = _Cached(_gdelt_country("Actor1CountryCode", False))
        self.c2 = _Cached(_gdelt_country("Actor2CountryCode", False))
        self.c3 = _Cached(_gdelt_country("ActionGeo_CountryCode", True))
        self.name = _Cached(lambda raw: (gdelt_rows._name(raw),))
        self.host = _Cached(_host)
        self.added = {
            "%Y%m%d%H%M%S": _Cached(_gdelt_added("%Y%m%d%H%M%S", "YYYYMMDDHHMMSS")),
            "%Y%m%d": _Cached(_gdelt_added("%Y%m%d", "YYYYMMDD")),
        }

    def map(self, raw: pa.Table, name: str, added_format: str) -> tuple[pa.Table, pa.Table]:
        s, ts = pa.string(), pa.timestamp("us", tz="UTC")
        cols = {c: raw.column(c) for c in raw.column_names}
        if "SOURCEURL" not in cols:
            cols["SOURCEURL"] = pa.array([""] * raw.num_rows, s)
        day, day_kind, day_err = _map(cols["SQLDATE"], self.day, [pa.date32(), s, s])
        plover, quad, label, code_kind, code_err = _map(cols["EventCode"], self.code, [s, s, s, s, s])
        iso1, err1 = _map(cols["Actor1CountryCode"], self.c1, [s, s])
        iso2, err2 = _map(cols["Actor2CountryCode"], self.c2, [s, s])
        iso3, err3 = _map(cols["ActionGeo_CountryCode"], self.c3, [s, s])
        (n1,) = _map(cols["Actor1Name"], self.name, [s])
        (n2,) = _map(cols["Actor2Name"], self.name, [s])
        # the text the SQL reads, trimmed here as Python's str.strip() does (Arrow's trim is ten times DuckDB's)
        trimmed = {c: pc.utf8_trim_whitespace(_chunkless(cols[c])) for c in GDELT_TRIMMED}
        url = trimmed["SOURCEURL"]
        netloc = pc.struct_field(pc.extract_regex(url, r"^https?://(?P<netloc>[^/?#]*)"), "netloc")
        host, host_err = _map(netloc, self.host, [s, s])
        added, added_err = _map(cols["DATEADDED"], self.added[added_format], [ts, s])
        ne = pc.not_equal
        actors = _interleave([n1, n2], [ne(n1, ""), ne(n2, "")])
        countries = _interleave(  # once each, in column order (codes that fail are refused anyway)
            [iso1, iso2, iso3],
            [
                ne(iso1, ""),
                pc.and_(ne(iso2, ""), ne(iso2, iso1)),
                pc.and_(pc.and_(ne(iso3, ""), ne(iso3, iso1)), ne(iso3, iso2)),
            ],
        )
        self.lists = {"actors": actors, "countries": countries, "sources": _interleave([host], [ne(host, "")])}
        b = pa.table(
            {
                **{c: trimmed.get(c, cols[c]) for c in (*GDELT_USED, "line")},
                "pos": pa.array(np.arange(raw.num_rows, dtype=np.int64)),
                "day": day,
                "day_kind": day_kind,
                "day_err": day_err,
                "plover": plover,
                "quad": quad,
                "label": label,
                "code_kind": code_kind,
                "code_err": code_err,
                "iso1": iso1,
                "iso2": iso2,
                "iso3": iso3,
                "err1": err1,
                "err2": err2,
                "err3": err3,
                "n1": n1,
                "n2": n2,
                "host": host,
                "host_err": host_err,
                "added": added,
                "added_err": added_err,
            }
        )
        return self._assemble(b, name)

    def _assemble(self, b: pa.Table, name: str) -> tuple[pa.Table, pa.Table]:
        keyed = """
            WITH r AS (
                SELECT *, GLOBALEVENTID AS gid, EventCode AS code, ActionGeo_FullName AS place, SOURCEURL AS url
                FROM b
                WHERE NOT (GLOBALEVENTID = '' AND SQLDATE = '' AND EventCode = '' AND DATEADDED = ''
                           AND Actor1Name = '' AND SOURCEURL = '')
                  AND GLOBALEVENTID <> 'GLOBALEVENTID'
            )
            SELECT *,
                CASE WHEN NOT regexp_full_match(gid, '[0-9]+') THEN 'id'
                     WHEN day_kind IS NOT NULL THEN day_kind
                     WHEN code_kind IS NOT NULL THEN code_kind
                     WHEN err1 IS NOT NULL OR err2 IS NOT NULL OR err3 IS NOT NULL THEN 'country'
                     WHEN added_err IS NOT NULL THEN 'dateadded'
                     WHEN host_err IS NOT NULL THEN 'url' END AS kind
            FROM r"""
        refused = f"""
            SELECT line, kind,
                CASE kind WHEN 'id' THEN 'GLOBALEVENTID ' || {_sql_repr("gid")} || ' is not a number'
                          WHEN 'date' THEN day_err WHEN 'range' THEN day_err
                          WHEN 'code' THEN code_err WHEN 'statement' THEN code_err
                          WHEN 'country' THEN coalesce(err1, err2, err3)
                          WHEN 'dateadded' THEN added_err WHEN 'url' THEN host_err END AS detail
            FROM ({keyed}) WHERE kind IS NOT NULL"""
        rows = f"""
            WITH k AS (SELECT *, concat_ws(' ', nullif(n1, ''), label, nullif(n2, '')) AS summary
                       FROM ({keyed}) WHERE kind IS NULL),
            s AS (SELECT *, summary || CASE WHEN place <> '' THEN ' in ' || place ELSE '' END || ' (GDELT event '
                    || gid || ', CAMEO ' || code || ', Goldstein scale ' || coalesce(nullif(GoldsteinScale, ''), '?')
                    || ', average tone ' || coalesce(nullif(AvgTone, ''), '?') || ')' AS sentence FROM k)
            SELECT
                pos,
                'gdelt-' || gid AS event_id,
                strftime(day, '%Y-%m-%d') AS date,
                'day' AS date_precision,
                CAST(day AS TIMESTAMP) AS date_start,
                CAST(day + 1 AS TIMESTAMP) AS date_end,
                SQLDATE AS date_text,
                false AS date_from_publication,
                n1 AS source_actor,
                n2 AS target_actor,
                plover AS event_type,
                quad AS quad_class,
                'actual' AS mode,
                summary,
                sentence,
                CAST(0 AS BIGINT) AS sentence_start,
                CAST(length(sentence) AS BIGINT) AS sentence_end,
                {gdelt_rows.CONFIDENCE!r} AS confidence,
                CASE WHEN url <> '' THEN NULL ELSE 'gdelt-' || gid END AS article_id,  -- NULL: the url (see writer)
                '' AS title,
                url,
                host AS source,
                added AS published,
                CAST(greatest(coalesce(CASE WHEN regexp_full_match(NumMentions, '[+-]?[0-9]+')
                    THEN TRY_CAST(NumMentions AS BIGINT) END, 1), 1) AS BIGINT) AS mentions,
                added AS first_reported,
                added AS last_reported,
                {lit(name)} || ':' || CAST(line AS VARCHAR) AS origin_ref,
                code AS cameo_code,
                place AS location,
                {_double("ActionGeo_Lat", trimmed=True)} AS latitude,
                {_double("ActionGeo_Long", trimmed=True)} AS longitude,
                CAST(NULL AS DOUBLE) AS fatalities,
                'gdelt' AS origin,
                strftime(day, '%Y-%m') AS month
            FROM s"""
        url = b.column("SOURCEURL")
        lists = {
            **self.lists,
            "topics": _empty_lists(b.num_rows),
            # [url] where there is one (stored as NULL, "the article id's one-element list"), else []
            "article_ids": pa.ListArray.from_arrays(
                pa.array(np.zeros(b.num_rows + 1, dtype=np.int32)),
                pa.array([], pa.string()),
                mask=pc.not_equal(_chunkless(url), ""),  # trimmed in map()
            ),
        }
        return _run(self.con, b, rows, refused, lists)


def _double(column: str, trimmed: bool = False) -> str:
    """Python's float() of a text column (trimmed: already stripped), NaN and failures as NULL."""
    text = column if trimmed else f"trim({column})"
    return f"CASE WHEN isnan(TRY_CAST({text} AS DOUBLE)) THEN NULL ELSE TRY_CAST({text} AS DOUBLE) END"


def _empty_lists(n: int) -> pa.Array:
    return pa.ListArray.from_arrays(pa.array(np.zeros(n + 1, dtype=np.int32)), pa.array([], pa.string()))


def _run(
    con: duckdb.DuckDBPyConnection, b: pa.Table, rows_sql: str, refused_sql: str, lists: dict | None = None
) -> tuple[pa.Table, pa.Table]:
    """(rows in INPUT_SCHEMA plus "month", refused: line, kind, detail) from the two queries over b, registered in
    slices so that DuckDB's threads share the work; lists: list columns of b's rows, attached by "pos"."""
    con.register("b", pa.Table.from_batches(b.to_batches(max_chunksize=16_384), schema=b.schema))
    try:
        rows = con.sql(rows_sql).to_arrow_table()
        refused = con.sql(refused_sql).to_arrow_table()
    finally:
        con.unregister("b")
    if lists:
        rows = _attach_lists(rows, lists)
    names = [*layout.INPUT_SCHEMA.names, "month"]
    rows = rows.select(names).cast(layout.INPUT_SCHEMA.append(pa.field("month", pa.string())))
    return rows.combine_chunks(), refused  # one chunk, joined here in the mapping thread (see WarehouseWriter._route)


def _sql_repr(column: str) -> str:
    """Python's repr of a string column value, for the usual case (no quote inside)."""
    return f"CASE WHEN contains({column}, '''') THEN '\"' || {column} || '\"' ELSE '''' || {column} || '''' END"


# ---- ACLED -----------------------------------------------------------------------------------------------------------
def _acled_date(key: str):
    """(date text, start, end, precision, kind, detail) for "event_date\\x1ftime_precision"."""
    raw, precision_raw = key.split("\x1f")
    try:
        day = acled_rows.parse_date(raw)
    except ValueError as exc:
        return None, None, None, None, "date", str(exc)
    if not in_range(day):
        return None, None, None, None, "range", f"event_date {raw.strip()} is out of range (1979 to a year from now)"
    precision = acled_rows.PRECISION.get((precision_raw or "1").strip(), "day")
    from store.importers.common import date_period

    date, start, end = date_period(day, precision)
    return date, start.to_pydatetime(), end.to_pydatetime(), precision, None, None


def _acled_type(key: str):
    event_type, sub = key.split("\x1f")
    try:
        plover = acled_rows.plover_for(event_type, sub)
    except ValueError as exc:
        return None, None, "code", str(exc)
    return plover, QUAD_CLASS[plover], None, None


def _acled_country(key: str):
    iso, country = key.split("\x1f")
    try:
        return acled_rows.iso3_from_numeric(iso, country), None
    except ValueError as exc:
        return "", str(exc)


class AcledMapper:
    """Raw ACLED blocks -> (store rows, refusals)."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self.date = _Cached(_acled_date)
        self.type = _Cached(_acled_type)
        self.country = _Cached(_acled_country)

    def map(self, raw: pa.Table, name: str) -> tuple[pa.Table, pa.Table]:
        s, ts = pa.string(), pa.timestamp("us")
        date, start, end, precision, date_kind, date_err = _map(
            _joined(raw.column("event_date"), raw.column("time_precision")), self.date, [s, ts, ts, s, s, s]
        )
        plover, quad, type_kind, type_err = _map(
            _joined(raw.column("event_type"), raw.column("sub_event_type")), self.type, [s, s, s, s]
        )
        iso, iso_err = _map(_joined(raw.column("iso"), raw.column("country")), self.country, [s, s])
        b = raw.select([*ACLED_USED, "line"])
        for col, arr in {
            "d_date": date,
            "d_start": start,
            "d_end": end,
            "d_precision": precision,
            "date_kind": date_kind,
            "date_err": date_err,
            "plover": plover,
            "quad": quad,
            "type_kind": type_kind,
            "type_err": type_err,
            "iso3": iso,
            "iso_err": iso_err,
        }.items():
            b = b.append_column(col, arr)
        ws = "' \t\r\n'"

        def split_list(col: str) -> str:
            return f"list_transform(string_split({col}, ';'), lambda x: trim(x, {ws}))"

        keyed = f"""
            WITH r AS (
                SELECT *, trim(event_id_cnty, {ws}) AS eid, trim(notes, {ws}) AS note,
                    trim(coalesce(nullif(sub_event_type, ''), event_type), {ws}) AS sub,
                    [trim(actor1, {ws})] || {split_list("assoc_actor_1")} || {split_list("assoc_actor_2")}
                        || [trim(actor2, {ws})] AS a_all,
                    {split_list("source")} AS o_all
                FROM b
                WHERE NOT (event_id_cnty = '' AND event_date = '' AND event_type = '' AND notes = '')
            )
            SELECT *,
                CASE WHEN eid = '' THEN 'id'
                     WHEN date_kind IS NOT NULL THEN date_kind
                     WHEN type_kind IS NOT NULL THEN type_kind
                     WHEN iso_err IS NOT NULL THEN 'country' END AS kind
            FROM r"""
        refused = f"""
            SELECT line, kind,
                CASE kind WHEN 'id' THEN 'empty event_id_cnty' WHEN 'date' THEN date_err WHEN 'range' THEN date_err
                          WHEN 'code' THEN type_err WHEN 'country' THEN iso_err END AS detail
            FROM ({keyed}) WHERE kind IS NOT NULL"""
        rows = f"""
            WITH k AS (
                SELECT *,
                    list_filter(a_all, lambda x, i: x <> '' AND list_position(a_all, x) = i) AS actor_list,
                    list_filter(o_all, lambda x, i: x <> '' AND list_position(o_all, x) = i) AS outlets,
                    CASE WHEN regexp_full_match(trim(timestamp, {ws}), '[0-9]+')
                         THEN to_timestamp(CAST(trim(timestamp, {ws}) AS DOUBLE)) END AS reported
                FROM ({keyed}) WHERE kind IS NULL
            )
            SELECT
                'acled-' || eid AS event_id,
                d_date AS date,
                d_precision AS date_precision,
                d_start AS date_start,
                d_end AS date_end,
                trim(event_date, {ws}) AS date_text,
                false AS date_from_publication,
                trim(actor1, {ws}) AS source_actor,
                trim(actor2, {ws}) AS target_actor,
                actor_list AS actors,
                CASE WHEN iso3 <> '' THEN [iso3] ELSE CAST([] AS VARCHAR[]) END AS countries,
                plover AS event_type,
                quad AS quad_class,
                CAST([] AS VARCHAR[]) AS topics,
                'actual' AS mode,
                CASE WHEN sub <> '' THEN sub || ' in ' || coalesce(nullif(trim(location, {ws}), ''), trim(country, {ws}))
                     ELSE left(note, 120) END AS summary,
                note AS sentence,
                CAST(0 AS BIGINT) AS sentence_start,
                CAST(length(note) AS BIGINT) AS sentence_end,
                {acled_rows.CONFIDENCE!r} AS confidence,
                'acled-' || eid AS article_id,
                '' AS title,
                '' AS url,
                coalesce(outlets[1], '') AS source,
                reported AS published,
                CAST(greatest(len(outlets), 1) AS BIGINT) AS mentions,
                outlets AS sources,
                ['acled-' || eid] AS article_ids,
                reported AS first_reported,
                reported AS last_reported,
                {lit(name)} || ':' || CAST(line AS VARCHAR) AS origin_ref,
                '' AS cameo_code,
                concat_ws(', ', CASE WHEN trim(location, {ws}) <> '' THEN location END,
                                CASE WHEN trim(admin1, {ws}) <> '' THEN admin1 END,
                                CASE WHEN trim(country, {ws}) <> '' THEN country END) AS location,
                {_double("latitude")} AS latitude,
                {_double("longitude")} AS longitude,
                {_double("fatalities")} AS fatalities,
                'acled' AS origin,
                strftime(d_start, '%Y-%m') AS month
            FROM k"""
        return _run(self.con, b, rows, refused)


# ---- the import ------------------------------------------------------------------------------------------------------
def _gdelt_layout(member: Member) -> tuple[str, tuple[str, ...], str]:
    """(format label, column names, DATEADDED format) of a GDELT file, by its first lines."""
    lines = _first_lines(_head(member), member.name)
    if not lines:
        raise ImportFormatError(f"{member.name}: the file is empty; expected GDELT event rows")
    if lines[0].split("\t", 1)[0].strip() == "GLOBALEVENTID":  # a header someone added: left out in SQL
        lines = lines[1:]
        if not lines:
            raise ImportFormatError(f"{member.name}: holds only a header line; expected GDELT event rows")
    counts = [ln.count("\t") + 1 for ln in lines]
    n = max(set(counts), key=counts.count)  # the most common count among the first lines
    if n not in GDELT_LAYOUTS:
        raise ImportFormatError(
            f"{member.name}: not a GDELT event file: rows have {n} tab-separated column{'s' if n != 1 else ''}; "
            "expected 61 (GDELT 2.0), 57 or 58 (GDELT 1.0)"
        )
    label, names = GDELT_LAYOUTS[n]
    return f"{label}, {n} columns", names, "%Y%m%d%H%M%S" if n == 61 else "%Y%m%d"


def _acled_layout(member: Member) -> tuple[str, list[str], str]:
    """(format label, column names, delimiter) of an ACLED CSV, from its header line."""
    lines = _first_lines(_head(member), member.name, 1)
    if not lines:
        raise ImportFormatError(f"{member.name}: the file is empty; expected an ACLED CSV export with a header row")
    first = lines[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    header = [h.strip() for h in next(csv.reader([first], delimiter=delimiter))]
    missing = [c for c in acled_rows.COLUMNS if c not in header]
    if missing:
        shown = ", ".join(missing[:8]) + (f" and {len(missing) - 8} more" if len(missing) > 8 else "")
        raise ImportFormatError(
            f"{member.name}: not an ACLED CSV export: missing column{'s' if len(missing) > 1 else ''} "
            f"{shown} (the first line must be ACLED's header)"
        )
    seen: dict[str, int] = {}
    names = []
    for h in header:  # pyarrow needs distinct names; a repeated column keeps its first occurrence's name
        seen[h] = seen.get(h, 0) + 1
        names.append(h if seen[h] == 1 else f"{h}__{seen[h]}")
    return f"ACLED CSV, {len(header)} columns", names, delimiter


def _blocks(kind: str, member: Member, report: FileReport) -> tuple[Iterator[pa.Table], _Lines, str, int]:
    """(raw blocks, line tracker, DATEADDED format, columns expected) of one member; ImportFormatError when its shape
    is wrong."""
    if kind == "gdelt":
        label, names, added_format = _gdelt_layout(member)
        used = [c for c in GDELT_USED if c in names]
        report.format = label
        lines = _Lines(1)
        return _tsv_batches(member, list(names), used, lines), lines, added_format, len(names)
    label, names, delimiter = _acled_layout(member)  # quoted CSV, a note may span lines: pyarrow's streaming reader
    lines = _Lines(2)
    parse = pcsv.ParseOptions(
        delimiter=delimiter,
        quote_char='"',
        double_quote=True,
        newlines_in_values=True,
        ignore_empty_lines=False,
        invalid_row_handler=lines.handler,
    )
    report.format = label
    return _batches(member, list(names), list(ACLED_USED), parse, lines, 1), lines, "", len(names)


SUFFIXES = {"gdelt": (".csv", ".tsv", ".txt", ".export"), "acled": (".csv", ".txt")}


def import_files(
    warehouse,
    kind: str,
    sources: Iterable,
    *,
    commit_rows: int = COMMIT_ROWS,
    progress: Callable[[str], None] | None = None,
) -> ImportReport:
    """Import GDELT ("gdelt") or ACLED ("acled") files into a warehouse (see the module docstring). A file that
    cannot be read is named in the report and the others go on; when the warehouse itself cannot be written the
    import stops, keeps what it committed and says so in report.error (StoreError is not raised)."""
    if kind not in SUFFIXES:
        raise ImportFormatError(f"unknown import kind {kind!r}: use gdelt or acled")
    report = ImportReport()
    con = helper_connection(warehouse)
    mapper = GdeltMapper(con) if kind == "gdelt" else AcledMapper(con)
    try:
        with warehouse.writer(commit_rows=10**15) as w:
            waiting: list[FileReport] = []  # files with rows appended since the last commit

            def commit() -> None:
                w.commit()
                for f in waiting:
                    f.imported += f.pending
                    f.pending = 0
                waiting.clear()

            try:
                for source in sources:
                    given = str(source[0]) if isinstance(source, tuple) else str(source)
                    try:
                        parts = members(source, SUFFIXES[kind])
                    except (ImportFormatError, OSError) as exc:
                        report.files.append(FileReport(pathlib.Path(given).name, error=_message(exc, given)))
                        continue
                    for member in parts:
                        f = FileReport(member.name)
                        report.files.append(f)
                        _import_member(kind, member, f, mapper, w, waiting, commit, commit_rows, progress)
                        if w.pending_rows >= commit_rows // 8:
                            commit()
                commit()
            except OSError as exc:
                w.abort()
                for f in waiting:
                    f.refused.add("unwritten", f.pending, f.name, os.strerror(exc.errno or 0) or str(exc))
                    f.pending = 0
                raise layout.store_error_for(exc, warehouse.path, "what earlier commits wrote is kept") from exc
    except StoreError as exc:
        report.error = str(exc)
    finally:
        con.close()
    return report


def _message(exc: BaseException, name: str) -> str:
    from core.errors import user_message

    msg = user_message(exc)
    for prefix in (f"{name}: ", f"{pathlib.Path(name).name}: "):
        msg = msg.removeprefix(prefix)
    return msg


READ_ERRORS = (pa.ArrowInvalid, zipfile.BadZipFile, EOFError, OSError, UnicodeDecodeError, ValueError)


def _column_refusals(kind: str, f: FileReport, lines: _Lines, start: int, expected: int, name: str) -> int:
    """Count the lines the reader refused for their number of columns (from lines.bad[start:]); returns the new
    start."""
    new = lines.bad[start:]  # one slice: the reader thread may add more meanwhile
    for line, columns, _text in new:
        f.read += 1
        if kind == "gdelt":
            what = "truncated" if columns < expected else "too long"
            detail = f"{what} row: {columns} tab-separated columns, expected {expected}"
        else:
            detail = f"row has {columns} fields, the header has {expected}"
        f.refused.add("columns", 1, f"{name}:{line}", detail)
    return start + len(new)


def _import_member(kind, member, f, mapper, w, waiting, commit, commit_rows, progress) -> None:
    """Read one file into the writer, counting every row in f. A file that cannot be read from the start, or stops
    being readable midway, is named in f.error (what came before stays); write errors propagate."""
    try:
        blocks, lines, added_format, expected = _blocks(kind, member, f)
    except (ImportFormatError, OSError) as exc:
        f.error = _message(exc, member.name)
        return
    read = _Prefetch(blocks, name="warehouse-reader")
    # mapped in a thread of its own too (DuckDB and most of pyarrow run without the GIL), while this thread routes
    # the block before to its partitions: reading, mapping, routing and encoding then share the machine's cores
    it = _Prefetch(_mapped(kind, mapper, read, member.name, added_format), name="warehouse-mapper")
    try:
        _consume(kind, member, f, w, waiting, commit, commit_rows, progress, it, lines, expected)
    finally:
        read.stop.set()  # both stages stop (the mapper may be waiting for a block), then both are joined
        it.close()
        read.close()


class _MapError(Exception):
    """An error of the mapping stage (not of reading the file), carried to the consumer as it is."""

    def __init__(self, exc: BaseException):
        super().__init__(str(exc))
        self.exc = exc


def _mapped(kind: str, mapper, blocks: Iterator[pa.Table], name: str, added_format: str):
    """(store rows, refusals) per raw block; errors in reading propagate, those in mapping come as _MapError."""
    for raw in blocks:
        try:
            yield mapper.map(raw, name, added_format) if kind == "gdelt" else mapper.map(raw, name)
        except Exception as exc:  # re-raised by the consumer, whatever it is
            raise _MapError(exc) from exc


def _consume(kind, member, f, w, waiting, commit, commit_rows, progress, it, lines, expected):
    reported = 0
    while True:
        try:
            rows, bad = next(it)
        except StopIteration:
            break
        except _MapError as exc:
            raise exc.exc from None
        except READ_ERRORS as exc:
            reported = _column_refusals(kind, f, lines, reported, expected, member.name)
            f.error = f"stopped after {f.read:,} rows: {type(exc).__name__}: {exc}".replace("\n", " ")
            break
        reported = _column_refusals(kind, f, lines, reported, expected, member.name)
        f.read += rows.num_rows + bad.num_rows
        _count_refusals(f, bad, member.name)
        kept, dup = w.append(rows)
        f.duplicates += dup
        if kept:
            f.pending += kept
            if f not in waiting:
                waiting.append(f)
        if w.pending_rows >= commit_rows:
            commit()
        if progress:
            progress(f"{member.name}: {f.read:,} rows read")
    _column_refusals(kind, f, lines, reported, expected, member.name)


def _count_refusals(f: FileReport, bad: pa.Table, name: str) -> None:
    if bad.num_rows == 0:
        return
    kinds = bad.column("kind").combine_chunks()
    for kind in pc.unique(kinds).to_pylist():
        mask = pc.equal(kinds, kind)
        part = bad.filter(mask)
        first = int(pc.index(part.column("line"), pc.min(part.column("line"))).as_py())
        f.refused.add(
            kind, part.num_rows, f"{name}:{part.column('line')[first].as_py()}", part.column("detail")[first].as_py()
        )
