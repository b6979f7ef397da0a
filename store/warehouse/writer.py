"""WarehouseWriter: event rows into the warehouse, deduplicated, partitioned, committed atomically.

append(table) takes Arrow rows (layout.INPUT_SCHEMA: the stored columns and origin). A row whose event_id is
already in the warehouse, already appended in this run, or earlier in the same table is a duplicate and is left
out. The others go to one Parquet file per (origin, month of date_start) partition, written under a temporary
name. commit() closes those files, fsyncs them, writes each one's counts file, renames both into place and swaps
the manifest; only then are the rows visible. A crash before the swap leaves the previous generation in charge
(the orphans are swept by the next writer).

Deduplication does not read the whole warehouse: the manifest keeps each file's smallest and largest event_id,
and only files whose range overlaps a batch's are read (their event_id column, with Parquet's row-group
statistics skipping most of it). GDELT's ids grow with time, so a new file overlaps nothing; importing a file
again reads the files it went into.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import queue
import tempfile
import threading
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from core.errors import StoreError
from store.warehouse import layout
from store.warehouse.sql import OPTION_KINDS, distinct_list, lit, options_sql, salience_parts

COMMIT_ROWS = 2_000_000  # rows written between two commits of a long import (a killed import keeps these)
ROW_GROUP_ROWS = 122_880  # DuckDB reads a row group per thread task; its own row groups hold this many
BUFFER_BYTES = 96 * 1024**2  # rows held back to fill row groups, over all partitions
SMALL_FILE_ROWS = 500_000  # compaction merges a partition's files below this size ...
COMPACT_FILES = 8  # ... once it holds this many of them
MERGED_ROWS = 4_000_000  # `store compact` merges a partition's files into files of at most this many events
ZSTD_LEVEL = 3
HELPER_MEMORY = "256MB"


@dataclass
class _Part:
    """One partition's file being written."""

    origin: str
    month: str
    final: pathlib.Path  # relative to the root
    tmp: pathlib.Path  # absolute
    writer: pq.ParquetWriter | None = None
    buffered: list[pa.Table] = field(default_factory=list)
    buffered_rows: int = 0
    buffered_bytes: int = 0
    rows: int = 0
    min_start: object = None
    max_start: object = None
    max_end: object = None
    min_end: object = None
    min_id: str | None = None
    max_id: str | None = None
    newest: object = None
    sal_static: float = 0.0  # the largest salience parts of its rows (sql.salience_parts)
    sal_weight: float = 0.0
    partials: list[pa.Table] = field(default_factory=list)  # the counts of each slice written (count_rows)


def encode_derived(table: pa.Table) -> pa.Table:
    """The stored form of two columns that usually repeat another (for GDELT rows they would be a third of the bytes):
    article_id is stored as null when it equals url, article_ids as null when it is [article_id]. The warehouse's
    reads restore both (Warehouse.events_sql); the Parquet files say so in their key-value metadata."""
    aid, url = table.column("article_id"), table.column("url")
    ids = table.column("article_ids")
    aid_derived = pc.fill_null(pc.equal(aid, url), False)
    if pc.any(aid_derived).as_py():
        table = table.set_column(
            table.schema.get_field_index("article_id"),
            "article_id",
            pc.if_else(aid_derived, pa.scalar(None, pa.string()), aid),
        )
    one = pc.fill_null(pc.equal(pc.list_value_length(ids), 1), False)
    if not pc.any(one).as_py():  # no one-element lists (GDELT rows come with nulls already): nothing to drop
        return table
    first = pc.list_element(pc.if_else(one, ids, pa.scalar([""], ids.type)), 0)
    ids_derived = pc.and_(one, pc.fill_null(pc.equal(first, pc.coalesce(aid, url)), False))
    return table.set_column(
        table.schema.get_field_index("article_ids"),
        "article_ids",
        pc.if_else(ids_derived, pa.scalar(None, ids.type), ids),
    )


def _chunkless(col: pa.ChunkedArray | pa.Array) -> pa.Array:
    return col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col


def _lo(a, b):
    return b if a is None else a if b is None else min(a, b)


def _hi(a, b):
    return b if a is None else a if b is None else max(a, b)


def counts_sql(events_paths: list[str], trios: bool = False) -> str:
    """The counts (layout.COUNTS_SCHEMA) of each events file, with a column "filename" saying whose, as SQL (trios:
    with the trio rows, see counts_of)."""
    return counts_of(f"read_parquet([{', '.join(lit(p) for p in events_paths)}], filename = true)", trios=trios)


COUNTED_COLUMNS = [
    "date_start",
    "date_end",
    "mode",
    "event_type",
    "quad_class",
    "countries",
    "topics",
    "actors",
    "source_actor",
    "target_actor",
]
NAMED = "NOT IN ('', '<NA>')"  # a source or target actor that names someone (as Warehouse.top_actors reads them)


def counts_of(src: str, filename: str = "filename", trios: bool = False) -> str:
    """The counts of the events relation src (its COUNTED_COLUMNS suffice), with src's column filename (or any
    SQL expression, e.g. a constant) as a column "filename" saying whose, as SQL. Each list is made distinct by
    sql.distinct_list (cheap on short lists that are distinct already), and kind strings are made after grouping
    (once per group, not per row). trios: with the trio, lane and per-country topics rows (layout.TRIO_KIND,
    layout.LANE_KIND, layout.TOPICS_KIND; counts form layout.RECOUNTED), which `store recount` writes and a write
    does not: on GDELT-like data the trio rows are about as many as the events, and counting them took a
    5,000,000-row import from about 1.2 to 1.6 GB and 20% more CPU."""

    keys = "date_start, date_end, mode, event_type, quad_class"
    if filename != "filename":
        src = f"(SELECT {filename} AS filename, * FROM {src})"

    def listed(kind: str, column: str) -> str:
        return (
            f"SELECT filename, '{kind}' AS kind, value, {keys}, count(*) AS n FROM ("
            f"SELECT filename, unnest(CASE WHEN coalesce(len(l), 0) = 0 THEN [''] ELSE l END) AS value, {keys} "
            f"FROM (SELECT filename, {distinct_list(column)} AS l, {keys} FROM {src})) GROUP BY ALL"
        )

    def countries(dates: str, more_than: int) -> str:
        """Each event's distinct countries as l, with dates and mode, for the events with more than more_than."""
        return (
            f"SELECT filename, {distinct_list('countries')} AS l, {dates}, mode FROM {src} "
            f"WHERE len(countries) > {more_than}"
        )

    bucket = f"{layout.TRIO_BUCKET} AS bucket"
    trio_rows = f"""UNION ALL SELECT filename, '{layout.TRIO_KIND}' || a || chr(31) || b AS kind, c AS value, bucket, NULL, mode,
            CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), n FROM (
            SELECT filename, a, b, c, bucket, mode, count(*) AS n FROM (
            SELECT filename, a, b, unnest(l) AS c, bucket, mode FROM (
                SELECT filename, a, unnest(l) AS b, l, bucket, mode FROM (
                    SELECT filename, unnest(l) AS a, l, bucket, mode FROM ({countries(bucket, 2)}) WHERE len(l) > 2)
                WHERE a <> '') WHERE b > a)
            WHERE c <> '' AND c <> a AND c <> b GROUP BY ALL)
        UNION ALL SELECT filename, '{layout.LANE_KIND}' || a AS kind, c AS value, bucket, NULL, mode,
            CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), n FROM (
            SELECT filename, a, c, bucket, mode, count(*) AS n FROM (
            SELECT filename, a, unnest(l) AS c, bucket, mode FROM (
                SELECT filename, unnest(l) AS a, l, bucket, mode FROM ({countries(bucket, 0)})))
            WHERE a <> '' AND c <> '' GROUP BY ALL)
        UNION ALL SELECT filename, '{layout.TOPICS_KIND}' || a AS kind, t AS value, date_start, date_end, mode,
            CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), n FROM (
            SELECT filename, a, t, date_start, date_end, mode, count(*) AS n FROM (
            SELECT filename, a, unnest(CASE WHEN coalesce(len(t), 0) = 0 THEN [''] ELSE t END) AS t, date_start,
                date_end, mode FROM (
                SELECT filename, unnest(l) AS a, t, date_start, date_end, mode FROM (
                    SELECT filename, {distinct_list("countries")} AS l, {distinct_list("topics")} AS t, date_start,
                        date_end, mode FROM {src} WHERE len(countries) > 0)))
            WHERE a <> '' GROUP BY ALL)"""
    return f"""
        SELECT filename, 'event' AS kind, CAST(NULL AS VARCHAR) AS value, {keys}, count(*) AS n FROM {src} GROUP BY ALL
        UNION ALL {listed("country", "countries")}
        UNION ALL {listed("topic", "topics")}
        UNION ALL SELECT filename, '{layout.PAIR_KIND}' || a AS kind, b AS value, date_start, date_end, mode,
            CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), n FROM (
            SELECT filename, a, b, date_start, date_end, mode, count(*) AS n FROM (
            SELECT filename, a, unnest(l) AS b, date_start, date_end, mode FROM (
                SELECT filename, unnest(l) AS a, l, date_start, date_end, mode FROM (
                    {countries("date_start, date_end", 1)}) WHERE len(l) > 1)) WHERE a <> '' AND b <> '' AND a <> b
            GROUP BY ALL)
        {trio_rows if trios else ""}
        UNION ALL SELECT filename, 'actor', value, date_start, date_end, mode, CAST(NULL AS VARCHAR),
            CAST(NULL AS VARCHAR), count(*) FROM (
            SELECT filename, unnest({distinct_list("actors")}) AS value, date_start, date_end, mode FROM {src})
            WHERE value <> '' GROUP BY ALL
        UNION ALL SELECT filename, 'source', source_actor, date_start, date_end, mode, CAST(NULL AS VARCHAR),
            CAST(NULL AS VARCHAR), count(*) FROM {src} WHERE source_actor {NAMED} GROUP BY ALL
        UNION ALL SELECT filename, 'target', target_actor, date_start, date_end, mode, CAST(NULL AS VARCHAR),
            CAST(NULL AS VARCHAR), count(*) FROM {src} WHERE target_actor {NAMED} GROUP BY ALL
        UNION ALL SELECT filename, 'paired', value, date_start, date_end, mode, CAST(NULL AS VARCHAR),
            CAST(NULL AS VARCHAR), count(*) FROM (
            SELECT filename, unnest([source_actor, target_actor]) AS value, date_start, date_end, mode FROM {src}
            WHERE source_actor {NAMED} AND target_actor {NAMED} AND source_actor <> target_actor) GROUP BY ALL"""


def count_rows(con: duckdb.DuckDBPyConnection, rows: pa.Table) -> pa.Table:
    """The counts of an Arrow table of events (COUNTED_COLUMNS), as the counts files hold them (no "filename")."""
    con.register("counted_rows", rows.select(COUNTED_COLUMNS))
    try:
        return con.sql(counts_of("counted_rows", "''")).to_arrow_table().drop_columns(["filename"])
    finally:
        con.unregister("counted_rows")


def merge_counts(con: duckdb.DuckDBPyConnection, partials: list[pa.Table]) -> pa.Table:
    """Counts of several slices of one file's rows (count_rows) summed into that file's counts."""
    if len(partials) == 1:
        return partials[0]
    con.register("partial_counts", pa.concat_tables(partials))
    try:
        return con.sql(
            "SELECT kind, value, date_start, date_end, mode, event_type, quad_class, CAST(sum(n) AS BIGINT) AS n "
            "FROM partial_counts GROUP BY ALL"
        ).to_arrow_table()
    finally:
        con.unregister("partial_counts")


def sorted_counts(table: pa.Table) -> pa.Table:
    """One file's counts in the order its counts file keeps: by kind + value (joined: Arrow sorts one string key
    faster than two) and date_start."""
    kind_value = pc.binary_join_element_wise(table.column("kind"), pc.fill_null(table.column("value"), ""), "\x1f")
    keys = pa.table({"k": kind_value, "d": table.column("date_start")})
    return table.take(pc.sort_indices(keys, sort_keys=[("k", "ascending"), ("d", "ascending")]))


def write_counts(
    con: duckdb.DuckDBPyConnection, pairs: list[tuple[pathlib.Path, pathlib.Path]], trios: bool = False
) -> None:
    """Count each events file of pairs (events path, counts path) in one query and write each one's counts file
    (fsynced); trios: with the trio rows (counts form layout.TRIOS)."""
    if not pairs:
        return
    # the rows are sorted below, so DuckDB need not keep their order: it then counts on every thread (half the wall
    # time of a 2,000,000-row file on two cores)
    con.execute("SET preserve_insertion_order = false")
    try:
        table = con.sql(counts_sql([str(e) for e, _ in pairs], trios)).to_arrow_table()
    finally:
        con.execute("SET preserve_insertion_order = true")
    # grouped by file with one sort (cheaper than a filter per file), then each file's rows sorted (sorted_counts)
    table = table.take(pc.sort_indices(table.column("filename")))
    runs = pc.run_end_encode(table.column("filename").combine_chunks())
    table = table.drop_columns(["filename"])
    slices, start = {}, 0
    for name, end in zip(runs.values.to_pylist(), runs.run_ends.to_pylist(), strict=True):
        slices[name], start = table.slice(start, end - start), end
    for events_path, counts_path in pairs:
        write_counts_file(sorted_counts(slices.get(str(events_path), table.slice(0, 0))), counts_path)


# The options summary (Warehouse.options): events per event type ("event"), country, topic and actor over the
# whole warehouse, kept up to date by each commit so that the sidebar's choices need not read every counts file.
OPTIONS_SCHEMA = pa.schema([("kind", pa.string()), ("value", pa.string()), ("n", pa.int64())])


def option_counts(counts: pa.Table) -> pa.Table:
    """One file's counts as options summary rows: per kind and value (an event row's value: its event type)."""
    kind = counts.column("kind")
    rows = counts.filter(pc.is_in(kind, pa.array(OPTION_KINDS)))
    value = pc.if_else(pc.equal(rows.column("kind"), "event"), rows.column("event_type"), rows.column("value"))
    table = pa.table({"kind": rows.column("kind"), "value": value, "n": rows.column("n")})
    return table.group_by(["kind", "value"]).aggregate([("n", "sum")]).rename_columns(["kind", "value", "n"])


def _min_end(con: duckdb.DuckDBPyConnection, events_path: pathlib.Path) -> str | None:
    """The earliest date_end of an events file (for a manifest entry written before entries kept it)."""
    return layout.iso(con.execute(f"SELECT min(date_end) FROM read_parquet({lit(str(events_path))})").fetchone()[0])


def write_counts_file(table: pa.Table, path: pathlib.Path) -> None:
    """One counts file (table sorted by kind, value and date_start), in small row groups, fsynced."""
    pq.write_table(table.cast(layout.COUNTS_SCHEMA), path, compression="zstd", row_group_size=layout.COUNTS_ROW_GROUP)
    layout.fsync_file(path)


def helper_connection(warehouse, memory: str = HELPER_MEMORY) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB for a writer's or an import's own work: small memory limit, no file cache, spilling to the
    system's temp directory."""
    con = duckdb.connect(
        ":memory:",
        config={
            "threads": warehouse.threads,
            "memory_limit": memory,
            "enable_external_file_cache": False,
            "preserve_insertion_order": True,
        },
    )
    con.execute("SET GLOBAL TimeZone = 'UTC'")
    con.execute(
        f"SET GLOBAL temp_directory = {lit(str(pathlib.Path(tempfile.gettempdir()) / 'event-warehouse-spill'))}"
    )
    return con


def partitions_of(files: list[dict]) -> dict[tuple[str, str], list[dict]]:
    """Manifest file entries by partition (origin, month), in their order."""
    out: dict[tuple[str, str], list[dict]] = {}
    for e in files:
        out.setdefault((e["origin"], e["month"]), []).append(e)
    return out


def merge_groups(files: list[dict], max_rows: int = MERGED_ROWS) -> list[tuple[tuple[str, str], list[dict]]]:
    """What `store compact` merges (WarehouseWriter.merge_partitions): per partition, its files in the order of their
    event ids cut into runs of at most max_rows events; the runs of two files or more, each with its partition."""
    groups = []
    for key, entries in partitions_of(files).items():
        run: list[dict] = []
        for e in sorted(entries, key=lambda e: (e["min_id"] is None, e["min_id"] or "")):
            if run and sum(f["rows"] for f in run) + e["rows"] > max_rows:
                groups.append((key, run))
                run = []
            run.append(e)
        groups.append((key, run))
    return [(k, g) for k, g in groups if len(g) > 1]


class WarehouseWriter:
    """See the module docstring. Made by Warehouse.writer(), which holds the lock around it."""

    def __init__(self, warehouse, commit_rows: int = COMMIT_ROWS, compact: bool = True):
        self.wh = warehouse
        self.root = warehouse.path
        self.commit_rows = commit_rows
        self.compact_on_close = compact
        self.root.mkdir(parents=True, exist_ok=True)
        manifest = layout.read_manifest(self.root)
        if manifest is None and (self.root / "meta.json").exists():
            raise StoreError(f"{self.root}: holds an Arrow store, not a warehouse; migrate it first")
        self.manifest = manifest or layout.new_manifest()
        layout.sweep(self.root, self.manifest if self.manifest["generation"] else None)
        self.con = helper_connection(warehouse)
        self.con.execute("CREATE TABLE pending (event_id VARCHAR)")
        self.parts: dict[tuple[str, str], _Part] = {}
        self._encoding: queue.Queue = queue.Queue(maxsize=2)
        self._write_error: BaseException | None = None
        self._count_con = helper_connection(warehouse)  # the encoding thread's own: it counts what it writes
        self._encoder = threading.Thread(target=self._encode_loop, daemon=True, name="warehouse-encoder")
        self._encoder.start()
        self.pending_rows = 0
        self.added = 0  # rows committed by this writer
        self.duplicates = 0
        self.touched: set[tuple[str, str]] = set()

    # ---- appending ---------------------------------------------------------------------------------------------
    def append(self, table: pa.Table) -> tuple[int, int]:
        """Add rows (INPUT_SCHEMA columns); returns (rows kept, duplicates left out)."""
        if table.num_rows == 0:
            return 0, 0
        month = table.column("month") if "month" in table.column_names else None
        table = encode_derived(table.select(layout.INPUT_SCHEMA.names).cast(layout.INPUT_SCHEMA))
        if month is None:
            month = pc.strftime(table.column("date_start"), format="%Y-%m")
        table = table.append_column("month", pc.fill_null(month, layout.NO_MONTH))
        keep = self._new_rows(table)
        kept = table.filter(keep) if keep is not None else table
        dup = table.num_rows - kept.num_rows
        self.duplicates += dup
        if kept.num_rows:
            self.con.register("kept_ids", kept.select(["event_id"]))
            self.con.execute("INSERT INTO pending SELECT event_id FROM kept_ids")
            self.con.unregister("kept_ids")
            self._route(kept)
            self.pending_rows += kept.num_rows
        if self.pending_rows >= self.commit_rows:
            self.commit()
        return kept.num_rows, dup

    def _new_rows(self, table: pa.Table) -> pa.Array | None:
        """A mask of the rows to keep (None: all): first of their event_id in the table, and not already in the
        warehouse or appended since the last commit."""
        ids = table.column("event_id").combine_chunks()
        self.con.register("batch", pa.table({"pos": pa.array(range(len(ids)), pa.int64()), "event_id": ids}))
        try:
            lo, hi = pc.min_max(ids).values()
            lo, hi = lo.as_py(), hi.as_py()
            overlapping = [
                e for e in self.manifest["files"] if e["min_id"] is not None and e["min_id"] <= hi and e["max_id"] >= lo
            ]
            sources = [f"SELECT event_id FROM pending WHERE event_id BETWEEN {lit(lo)} AND {lit(hi)}"]
            if overlapping:
                paths = "[" + ", ".join(lit(str(self.root / e["events"])) for e in overlapping) + "]"
                sources.append(
                    f"SELECT event_id FROM read_parquet({paths}) WHERE event_id BETWEEN {lit(lo)} AND {lit(hi)}"
                )
            known = " UNION ALL ".join(sources)
            drop = self.con.execute(
                f"""SELECT pos FROM (SELECT pos, row_number() OVER (PARTITION BY event_id ORDER BY pos) AS k
                        FROM batch) WHERE k > 1
                    UNION
                    SELECT b.pos FROM batch b SEMI JOIN ({known}) s ON s.event_id = b.event_id"""
            ).fetchnumpy()["pos"]
        finally:
            self.con.unregister("batch")
        if len(drop) == 0:
            return None
        keep = np.ones(len(ids), dtype=bool)
        keep[drop] = False
        return pa.array(keep)

    def _route(self, table: pa.Table) -> None:
        origin = pc.fill_null(_chunkless(table.column("origin")), "")
        month = _chunkless(table.column("month"))
        table = table.drop_columns(["origin", "month"])
        # the salience bounds of every row at once (one call per block, not per partition)
        static, weight = salience_parts(table)
        # each row's partition as a number: the (origin, month) pairs through their dictionaries (joining the two
        # strings per row cost a fifth of routing)
        o, mo = pc.dictionary_encode(origin), pc.dictionary_encode(month)
        codes = o.indices.to_numpy().astype(np.int64) * len(mo.dictionary) + mo.indices.to_numpy()
        if len(codes) and (codes == codes[0]).all():
            self._buffer(self._part(o.dictionary[0].as_py(), mo.dictionary[int(codes[0])].as_py()), table,
                         (float(static.max()), float(weight.max())))  # fmt: skip
        else:  # the positions in partition order once (stable: each partition keeps the rows' order), then a compact
            # copy of each partition's rows (a slice of one taken table would keep the whole batch alive until its
            # last partition is flushed); one chunk first: Arrow's take from a chunked table joins its chunks anew
            # for every call
            table = table.combine_chunks()
            order = np.argsort(codes, kind="stable")
            ordered = codes[order]
            starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
            ends = np.r_[starts[1:], len(ordered)]
            s_max = np.maximum.reduceat(static[order], starts)
            w_max = np.maximum.reduceat(weight[order], starts)
            n_month = len(mo.dictionary)
            for k, (a, b) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
                code = int(ordered[a])
                part = self._part(o.dictionary[code // n_month].as_py(), mo.dictionary[code % n_month].as_py())
                self._buffer(part, table.take(pa.array(order[a:b])), (float(s_max[k]), float(w_max[k])))
        total = sum(p.buffered_bytes for p in self.parts.values())
        while total > BUFFER_BYTES:
            biggest = max(self.parts.values(), key=lambda p: p.buffered_bytes)
            total -= biggest.buffered_bytes
            self._flush(biggest)

    def _part(self, origin: str, month: str) -> _Part:
        key = (origin, month)
        part = self.parts.get(key)
        if part is None:
            rel = pathlib.Path(layout.partition_dir("events", origin, month)) / layout.part_name(
                self.manifest["generation"] + 1
            )
            (self.root / rel.parent).mkdir(parents=True, exist_ok=True)
            part = _Part(origin, month, rel, layout.tmp_name(self.root / rel))
            self.parts[key] = part
        return part

    def _buffer(self, part: _Part, rows: pa.Table, salience: tuple[float, float]) -> None:
        """Hold rows for part; salience: the largest static part and recency weight of their salience."""
        part.buffered.append(rows)
        part.buffered_rows += rows.num_rows
        part.buffered_bytes += rows.nbytes
        part.rows += rows.num_rows
        starts = pc.min_max(rows.column("date_start"))
        part.min_start = _lo(part.min_start, starts["min"].as_py())
        part.max_start = _hi(part.max_start, starts["max"].as_py())
        ends = pc.min_max(rows.column("date_end"))
        part.min_end = _lo(part.min_end, ends["min"].as_py())
        part.max_end = _hi(part.max_end, ends["max"].as_py())
        ids = pc.min_max(rows.column("event_id"))
        part.min_id = _lo(part.min_id, ids["min"].as_py())
        part.max_id = _hi(part.max_id, ids["max"].as_py())
        part.newest = _hi(part.newest, pc.max(rows.column("last_reported")).as_py())
        part.sal_static = max(part.sal_static, salience[0])
        part.sal_weight = max(part.sal_weight, salience[1])
        if part.buffered_rows >= ROW_GROUP_ROWS:
            self._flush(part, whole_groups=True)

    def _flush(self, part: _Part, whole_groups: bool = False) -> None:
        if not part.buffered:
            return
        data = pa.concat_tables(part.buffered)
        cut = (data.num_rows // ROW_GROUP_ROWS) * ROW_GROUP_ROWS if whole_groups else data.num_rows
        if cut == 0:
            return
        self._encode(part, data.slice(0, cut))
        rest = data.slice(cut)
        part.buffered = [rest] if rest.num_rows else []
        part.buffered_rows = rest.num_rows
        part.buffered_bytes = rest.nbytes if rest.num_rows else 0

    def _encode(self, part: _Part, rows: pa.Table) -> None:
        """Hand rows to the encoding thread (Parquet encoding and compression run without the GIL there, while this
        thread maps the next block); a write error it met is raised here."""
        self._raise_write_error()
        self._encoding.put((part, rows))

    def _encode_loop(self) -> None:
        while True:
            item = self._encoding.get()
            try:
                if item is None:
                    return
                part, rows = item
                if self._write_error is None:
                    if part.writer is None:
                        part.writer = pq.ParquetWriter(
                            part.tmp,
                            layout.EVENT_SCHEMA,
                            compression="zstd",
                            compression_level=ZSTD_LEVEL,
                            write_statistics=True,
                        )
                    part.writer.write_table(rows, row_group_size=ROW_GROUP_ROWS)
                    # counted here, while the appending thread maps the next block: the commit then only sums
                    part.partials.append(count_rows(self._count_con, rows))
            except BaseException as exc:  # raised in the appending thread
                self._write_error = exc
            finally:
                self._encoding.task_done()

    def _raise_write_error(self) -> None:
        if self._write_error is not None:
            exc, self._write_error = self._write_error, None
            raise exc

    def _drain(self) -> None:
        """Wait until the encoding thread has written everything handed to it; raise what it met."""
        self._encoding.join()
        self._raise_write_error()

    # ---- committing ----------------------------------------------------------------------------------------------
    def commit(self) -> None:
        """Make everything appended so far visible (one manifest swap), then start the next generation."""
        if not self.parts:
            return
        entries = []
        try:
            for part in self.parts.values():
                self._flush(part)
            self._drain()
            for part in self.parts.values():
                part.writer.close()
                part.writer = None
                layout.fsync_file(part.tmp)
                counts_rel = pathlib.Path(layout.partition_dir("counts", part.origin, part.month)) / part.final.name
                (self.root / counts_rel.parent).mkdir(parents=True, exist_ok=True)
                entries.append((part, counts_rel, layout.tmp_name(self.root / counts_rel)))
            new_options = []
            for part, _, counts_tmp in entries:
                counts = sorted_counts(merge_counts(self.con, part.partials))
                write_counts_file(counts, counts_tmp)
                new_options.append(option_counts(counts))
                part.partials = []
            # the summary grows by the new files' counts; a warehouse written before summaries has none to add to
            base = self.manifest.get("options")
            options_rel = None if base is None and self.manifest["files"] else self._write_options(new_options, base)
            for part, counts_rel, counts_tmp in entries:
                os.replace(part.tmp, self.root / part.final)
                os.replace(counts_tmp, self.root / counts_rel)
            for d in {(self.root / p.final).parent for p, _, _ in entries} | {
                (self.root / c).parent for _, c, _ in entries
            }:
                layout.fsync_dir(d)
            files = [
                {
                    "events": part.final.as_posix(),
                    "counts": counts_rel.as_posix(),
                    "origin": part.origin,
                    "month": part.month,
                    "rows": part.rows,
                    "bytes": (self.root / part.final).stat().st_size + (self.root / counts_rel).stat().st_size,
                    "min_start": layout.iso(part.min_start),
                    "max_start": layout.iso(part.max_start),
                    "max_end": layout.iso(part.max_end),
                    "min_end": layout.iso(part.min_end),
                    "min_id": part.min_id,
                    "max_id": part.max_id,
                    "newest": layout.iso(part.newest),
                    "sal_static": part.sal_static,
                    "sal_weight": part.sal_weight,
                    "pairs": layout.PAIRS,
                }
                for part, counts_rel, _ in entries
            ]
            old_options = self.manifest.get("options")
            self._swap(
                self.manifest["files"] + files, retired=[old_options] if old_options else [], options=options_rel
            )
        except OSError:
            self.abort()
            raise
        self.added += sum(p.rows for p in self.parts.values())
        self.touched |= set(self.parts)
        self.parts = {}
        self.pending_rows = 0
        self._clear_pending()

    def _write_options(self, new: list[pa.Table], base: str | None) -> str | None:
        """An options summary: the one at base (None: none) plus the rows of new, summed, written under a name of
        the coming generation; returns its path, or None when base cannot be read (then the warehouse has no
        summary: Warehouse.options counts from the counts files, and `store recount` writes a new one)."""
        parts = list(new)
        if base is not None:
            try:
                parts.append(pq.read_table(self.root / base).cast(OPTIONS_SCHEMA))
            except (OSError, pa.ArrowInvalid):
                return None
        table = pa.concat_tables([p.cast(OPTIONS_SCHEMA) for p in parts]) if parts else OPTIONS_SCHEMA.empty_table()
        summed = table.group_by(["kind", "value"]).aggregate([("n", "sum")]).rename_columns(["kind", "value", "n"])
        rel = pathlib.Path("summary") / f"options-{self.manifest['generation'] + 1:06d}.parquet"
        (self.root / rel.parent).mkdir(parents=True, exist_ok=True)
        tmp = layout.tmp_name(self.root / rel)
        pq.write_table(summed.cast(OPTIONS_SCHEMA), tmp)
        layout.fsync_file(tmp)
        os.replace(tmp, self.root / rel)
        layout.fsync_dir((self.root / rel).parent)
        return rel.as_posix()

    def _clear_pending(self) -> None:
        """Empty the ids appended since the last commit (a new table: DuckDB keeps deleted rows' memory)."""
        self.con.execute("DROP TABLE IF EXISTS pending")
        self.con.execute("CREATE TABLE pending (event_id VARCHAR)")

    def _swap(
        self, files: list[dict], retired: list[str], mentions: list[dict] | None = None, options: str | None = "keep"
    ) -> None:
        """The next manifest: files, the retired paths readers may still hold, mentions and the options summary
        (options: its new path, None for none, "keep" for the current one)."""
        new = {
            **self.manifest,
            "generation": self.manifest["generation"] + 1,
            "files": files,
            "retired": retired,
            "counts": {"events": int(sum(f["rows"] for f in files))},
        }
        if mentions is not None:
            new["mentions"] = mentions
        if options != "keep":
            new.pop("options", None)
            if options is not None:
                new["options"] = options
        layout.write_manifest(self.root, new)
        self.manifest = new

    def abort(self) -> None:
        """Drop everything appended since the last commit (temp files removed)."""
        self._encoding.join()
        self._write_error = None
        for part in self.parts.values():
            if part.writer is not None:
                with contextlib.suppress(Exception):
                    part.writer.close()
            with contextlib.suppress(OSError):
                part.tmp.unlink()
            with contextlib.suppress(OSError):
                layout.tmp_name(
                    self.root / layout.partition_dir("counts", part.origin, part.month) / part.final.name
                ).unlink()
        self.parts = {}
        self.pending_rows = 0
        with contextlib.suppress(duckdb.Error):
            self._clear_pending()

    def add_mentions(self, table: pa.Table) -> None:
        """Keep report rows (layout.MENTION_SCHEMA) of extracted events; committed with the next manifest swap."""
        if table.num_rows == 0:
            return
        rel = pathlib.Path("mentions") / layout.part_name(self.manifest["generation"] + 1)
        (self.root / rel.parent).mkdir(parents=True, exist_ok=True)
        tmp = layout.tmp_name(self.root / rel)
        try:
            pq.write_table(table.cast(layout.MENTION_SCHEMA), tmp, compression="zstd", compression_level=ZSTD_LEVEL)
            layout.fsync_file(tmp)
            os.replace(tmp, self.root / rel)
            layout.fsync_dir(self.root / rel.parent)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        mentions = [*self.manifest.get("mentions", []), {"path": rel.as_posix(), "rows": table.num_rows}]
        self._swap(self.manifest["files"], retired=[], mentions=mentions)

    # ---- compaction ----------------------------------------------------------------------------------------------
    def compact(self, partitions: set[tuple[str, str]] | None = None) -> int:
        """Merge the small files of each partition (at least COMPACT_FILES below SMALL_FILE_ROWS) into one; returns
        how many files were merged away. The merged file replaces them in one manifest swap."""
        small = [e for e in self.manifest["files"] if e["rows"] < SMALL_FILE_ROWS]
        by_part = partitions_of(small)
        return self._merge(
            [(k, v) for k, v in by_part.items() if (partitions is None or k in partitions) and len(v) >= COMPACT_FILES]
        )

    def merge_partitions(self, max_rows: int = MERGED_ROWS) -> int:
        """Merge the files of each partition into as few as hold at most max_rows events each (files in the order of
        their event ids; a file already that large stays as it is); returns how many files were merged away. A view's
        questions read every counts file it touches, and on 100M events most of their time goes to opening files, so
        fewer files answer faster (`store compact`)."""
        return self._merge(merge_groups(self.manifest["files"], max_rows))

    def _merge(self, groups: list[tuple[tuple[str, str], list[dict]]]) -> int:
        """Each group (partition, its file entries) merged into one file, events and counts (the counts summed, of the
        least form of the group's); one manifest swap for all. Returns how many files were merged away."""
        if not groups:
            return 0
        gen = self.manifest["generation"] + 1
        new_files, retired, written = [], [], []
        try:
            for (origin, month), group in groups:
                rel = pathlib.Path(layout.partition_dir("events", origin, month)) / layout.part_name(gen)
                counts_rel = pathlib.Path(layout.partition_dir("counts", origin, month)) / rel.name
                tmp, counts_tmp = layout.tmp_name(self.root / rel), layout.tmp_name(self.root / counts_rel)
                written += [tmp, counts_tmp]
                with pq.ParquetWriter(
                    tmp, layout.EVENT_SCHEMA, compression="zstd", compression_level=ZSTD_LEVEL
                ) as out:
                    pending: list[pa.RecordBatch] = []
                    held = 0
                    for e in group:
                        for batch in pq.ParquetFile(self.root / e["events"]).iter_batches(batch_size=ROW_GROUP_ROWS):
                            pending.append(batch)
                            held += batch.num_rows
                            if held >= ROW_GROUP_ROWS:
                                out.write_table(pa.Table.from_batches(pending), row_group_size=ROW_GROUP_ROWS)
                                pending, held = [], 0
                    if pending:
                        out.write_table(pa.Table.from_batches(pending), row_group_size=ROW_GROUP_ROWS)
                layout.fsync_file(tmp)
                paths = "[" + ", ".join(lit(str(self.root / e["counts"])) for e in group) + "]"
                merged = self.con.sql(
                    f"SELECT kind, value, date_start, date_end, mode, event_type, quad_class, sum(n)::BIGINT AS n "
                    f"FROM read_parquet({paths}) GROUP BY ALL"
                ).to_arrow_table()
                order = [("kind", "ascending"), ("value", "ascending"), ("date_start", "ascending")]
                write_counts_file(merged.sort_by(order), counts_tmp)
                os.replace(tmp, self.root / rel)
                os.replace(counts_tmp, self.root / counts_rel)
                layout.fsync_dir((self.root / rel).parent)
                layout.fsync_dir((self.root / counts_rel).parent)
                new_files.append(
                    {
                        "events": rel.as_posix(),
                        "counts": counts_rel.as_posix(),
                        "origin": origin,
                        "month": month,
                        "rows": sum(e["rows"] for e in group),
                        "bytes": (self.root / rel).stat().st_size + (self.root / counts_rel).stat().st_size,
                        "min_start": min((e["min_start"] for e in group if e["min_start"]), default=None),
                        "max_start": max((e["max_start"] for e in group if e["max_start"]), default=None),
                        "max_end": max((e["max_end"] for e in group if e["max_end"]), default=None),
                        # unknown (None) when a file of the group lacks it: Warehouse._whole then reads the events
                        "min_end": None
                        if any(not e.get("min_end") for e in group)
                        else min(e["min_end"] for e in group),
                        "min_id": min(e["min_id"] for e in group if e["min_id"] is not None),
                        "max_id": max(e["max_id"] for e in group if e["max_id"] is not None),
                        "newest": max((e["newest"] for e in group if e["newest"]), default=None),
                        "sal_static": max(e.get("sal_static", 1.0) for e in group),
                        "sal_weight": max(e.get("sal_weight", 1.0) for e in group),
                        "pairs": min((e.get("pairs") or 0) for e in group),  # the merged counts hold the least
                    }
                )
                retired += [p for e in group for p in (e["events"], e["counts"])]
        except BaseException:
            for p in written:
                with contextlib.suppress(OSError):
                    p.unlink()
            raise
        gone = set(retired)
        kept = [e for e in self.manifest["files"] if e["events"] not in gone]
        self._swap(kept + new_files, retired=retired)
        return len(retired) // 2

    def drop_retired(self) -> int:
        """Forget the files the last swap retired, so that this writer's sweep removes them: for the maintenance
        commands (store compact, recount), which would otherwise leave every file they replaced on disk until the next
        write. A reader still holding the manifest before re-reads the new one (Warehouse._query retries when files
        vanished). Returns how many paths were retired."""
        retired = list(self.manifest.get("retired", []))
        if retired:
            self._swap(self.manifest["files"], retired=[])
        return len(retired)

    def refresh_bounds(self) -> int:
        """Give every file entry that lacks them its salience bounds (sal_static, sal_weight), read from the file
        (for manifests written before the bounds were kept); one manifest swap. Returns how many entries changed."""
        files, changed = [], 0
        for e in self.manifest["files"]:
            if e.get("sal_static") is None or e.get("sal_weight") is None:
                static = weight = 0.0
                pf = pq.ParquetFile(self.root / e["events"])
                for batch in pf.iter_batches(columns=["mentions", "sources", "fatalities", "event_type"]):
                    s, w = salience_parts(pa.Table.from_batches([batch]))
                    if len(s):
                        static, weight = max(static, float(s.max())), max(weight, float(w.max()))
                e = {**e, "sal_static": static, "sal_weight": weight}
                changed += 1
            files.append(e)
        if changed:
            self._swap(files, retired=list(self.manifest.get("retired", [])))
        return changed

    def recount(self, progress=None) -> int:
        """Rewrite the counts file of every entry whose counts are not of the fullest form (layout.RECOUNTED: the pairs,
        the actor rows, and the trio, lane and per-country topics rows that writes leave out), one file at a time, each under a new name;
        one manifest swap at the end (a killed recount leaves the old counts in force); an entry without min_end gets
        it; a warehouse with no options summary gets one. Returns how many files were recounted."""
        todo = [e for e in self.manifest["files"] if e.get("pairs") != layout.RECOUNTED]
        if not todo:
            if self.manifest["files"] and not self.manifest.get("options"):
                self._swap(
                    self.manifest["files"], retired=[], options=self._options_from_counts(self.manifest["files"])
                )
            return 0
        gen = self.manifest["generation"] + 1
        done: dict[str, dict] = {}
        written: list[pathlib.Path] = []
        try:
            for k, e in enumerate(todo):
                rel = pathlib.Path(e["counts"]).parent / layout.part_name(gen)
                tmp = layout.tmp_name(self.root / rel)
                written.append(tmp)
                try:
                    write_counts(self.con, [(self.root / e["events"], tmp)], trios=True)
                except duckdb.Error as exc:  # e.g. out of memory: name the file; nothing is swapped in
                    raise StoreError(f"{self.root / e['events']}: cannot count this file ({exc})") from exc
                os.replace(tmp, self.root / rel)
                written.append(self.root / rel)
                size = (self.root / e["events"]).stat().st_size + (self.root / rel).stat().st_size
                done[e["events"]] = {
                    **e,
                    "counts": rel.as_posix(),
                    "bytes": size,
                    "pairs": layout.RECOUNTED,
                    "min_end": e.get("min_end") or _min_end(self.con, self.root / e["events"]),
                }
                if progress:
                    progress(k + 1, len(todo))
            for d in {(self.root / e["counts"]).parent for e in done.values()}:
                layout.fsync_dir(d)
        except BaseException:
            for p in written:
                with contextlib.suppress(OSError):
                    p.unlink()
            raise
        files = [done.get(e["events"], e) for e in self.manifest["files"]]
        options = "keep" if self.manifest.get("options") else self._options_from_counts(files)
        self._swap(files, retired=[e["counts"] for e in todo], options=options)
        return len(todo)

    def _options_from_counts(self, files: list[dict]) -> str:
        """A new options summary counted from the counts files of files (for a warehouse written before summaries)."""
        paths = ", ".join(lit(str(self.root / e["counts"])) for e in files)
        table = self.con.sql(options_sql(f"read_parquet([{paths}])")).to_arrow_table()
        return self._write_options([table], None)

    def close(self) -> None:
        """Compact the partitions this writer touched (when asked to), sweep orphans, release DuckDB."""
        self._encoding.put(None)
        self._encoder.join()
        try:
            if self.compact_on_close and self.touched and not self.parts:
                with contextlib.suppress(OSError):  # merging is housekeeping: the rows are committed already
                    self.compact(self.touched)
            layout.sweep(self.root, self.manifest if self.manifest["generation"] else None)
        finally:
            self.con.close()
            self._count_con.close()
