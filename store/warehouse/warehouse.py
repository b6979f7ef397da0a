"""Warehouse: the read interface of store/source.py answered by DuckDB SQL over the warehouse's Parquet files.

DuckDB runs in process with a memory limit (EVENTS_WAREHOUSE_MEMORY, default 1GB) and a thread count
(EVENTS_WAREHOUSE_THREADS, default 2); it reads only the columns and files a question needs: the manifest's
per-file date ranges leave out the files outside a date filter, and counts come from the counts files (a rollup
per events file) whenever the filters allow, so a year of 25 million events is counted from about a million
rollup rows. Nothing here loads every row.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import dataclasses
import math
import os
import pathlib
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from filelock import FileLock, Timeout

from core.errors import StoreError
from core.validate import cast
from store.columns import ALL_COLUMNS, MENTION_COLUMNS, PUBLIC_MENTION_COLUMNS
from store.query import Filters
from store.salience import weights as salience_weights
from store.source import (
    ACTOR_OPTIONS,
    EVENT_ONLY_DIMENSIONS,
    LIST_DIMENSIONS,
    EventSource,
    SourceOptions,
    dimension_names,
    finish_aggregate,
    finish_edges,
    finish_top_actors,
    parse_by,
    sort_options,
)
from store.warehouse import layout
from store.warehouse.sql import distinct_list, lit, options_sql, recency, salience_sql, where_clause

DEFAULT_MEMORY = "1GB"
LOCK_TIMEOUT_S = float(os.environ.get("EVENTS_STORE_LOCK_TIMEOUT", "600"))
HIVE = "hive_partitioning = true, hive_types = {'origin': VARCHAR, 'month': VARCHAR}"
_PERIOD_SQL = {"day": "day", "week": "week", "month": "month"}
# counts_plan's kind for the events of either of two countries (not a kind of the counts files)
EITHER = "either"
# counts_plan's kind for the events of either of two countries by topic: each one's topics rows less those of both
EITHER_TOPICS = "either-topics"
# the form of a file's counts (layout.PAIRS) a plan's kind (or the prefix of its kind) needs
PAIRS_NEEDED = {layout.PAIR_KIND: 2, EITHER: 2, layout.TOPICS_KIND: layout.TOPICS, EITHER_TOPICS: layout.TOPICS}
EITHER_BY = ("period", "event_type", "quad_class")  # two countries by these: the country rows less the events of both
ACTOR_ROWS = 4  # the form whose counts hold the actor rows per date (top_actors, the network's busiest actors)
ANSWERS = 64  # answers a Warehouse keeps per version: counts, aggregates, top rows up to DIRECT_ROWS (small frames)
KEEP_ROWS = 8_000_000  # events in view a query that reads them twice or more keeps in memory (_kept)
DIRECT_ROWS = 5_000  # top_rows of more rows than this read their columns with the order, in one pass
PREFETCH_THREADS = 2  # questions answered ahead at once (each DuckDB query also uses the connection's threads)
STREAM_ROWS = 50_000  # rows a streamed read (iter_frames: exports) hands over at a time


def _arrow_strings(t: pa.DataType):
    return pd.StringDtype("pyarrow") if t in (pa.string(), pa.large_string(), pa.string_view()) else None


def _dtypes(columns: Iterable[str]) -> dict[str, str]:
    return {c: ALL_COLUMNS[c][0] for c in columns}


class Warehouse(EventSource):
    """A warehouse directory (see layout.py). Reading needs no lock; writing goes through writer()."""

    tier = "warehouse"

    def __init__(self, path: str | os.PathLike, *, memory_limit: str | None = None, threads: int | None = None) -> None:
        self.path = pathlib.Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path}: the store must be a directory, and this is a file")
        self.memory_limit = memory_limit or os.environ.get("EVENTS_WAREHOUSE_MEMORY") or DEFAULT_MEMORY
        self.threads = int(threads or os.environ.get("EVENTS_WAREHOUSE_THREADS") or min(2, os.cpu_count() or 1))
        self._con: duckdb.DuckDBPyConnection | None = None
        self._con_guard = threading.Lock()
        self._manifest_key: tuple | None = None
        self._manifest: dict | None = None
        # counts and aggregates already answered, per version (a dashboard page asks the same count several times)
        self._answers: collections.OrderedDict[tuple, object] = collections.OrderedDict()
        # prefetch's worker threads, made when first used
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None

    # ---- plumbing ------------------------------------------------------------------------------------------
    def connect(self) -> duckdb.DuckDBPyConnection:
        """A cursor on this warehouse's in-process DuckDB (one database per Warehouse, one cursor per caller)."""
        with self._con_guard:
            if self._con is None:
                tmp = pathlib.Path(tempfile.gettempdir()) / "event-warehouse-spill"
                tmp.mkdir(exist_ok=True)
                con = duckdb.connect(":memory:", config={"threads": self.threads, "memory_limit": self.memory_limit})
                con.execute("SET GLOBAL TimeZone = 'UTC'")
                # keep each file's Parquet footer once read: a view's questions read the same few hundred counts files
                # (a third of a question's time on 100M events went to reading footers again); the cache cannot go
                # stale, since a file is never rewritten under its name (layout.part_name)
                con.execute("SET GLOBAL parquet_metadata_cache = true")
                con.execute(f"SET GLOBAL temp_directory = {lit(str(tmp))}")
                empties = {
                    "_empty_events": layout.INPUT_SCHEMA.empty_table(),
                    "_empty_counts": layout.COUNTS_SCHEMA.empty_table().append_column(
                        "origin", pa.array([], pa.string())
                    ),
                }
                for name, table in empties.items():  # typed relations standing in for a warehouse with no files
                    con.register(f"{name}_arrow", table)
                    con.execute(f"CREATE TABLE {name} AS SELECT * FROM {name}_arrow")
                    con.unregister(f"{name}_arrow")
                self._con = con
            return self._con.cursor()

    def manifest(self) -> dict | None:
        """The current manifest (re-read only when the file changed)."""
        path = self.path / layout.MANIFEST
        try:
            st = path.stat()
        except FileNotFoundError:
            self._manifest_key, self._manifest = None, None
            return None
        key = (st.st_ino, st.st_mtime_ns, st.st_size)
        if key != self._manifest_key:
            self._manifest = layout.read_manifest(self.path)
            self._manifest_key = key
        return self._manifest

    def version(self) -> str:
        m = self.manifest()
        return "empty" if m is None else f"{m['store_id']}:{m['generation']}"

    def _entries(self, m: dict | None, f: Filters | None = None) -> list[dict]:
        """The manifest's file entries, without those a date filter rules out."""
        if m is None:
            return []
        out = m["files"]
        if f is not None and f.start is not None:
            start = pd.Timestamp(f.start).isoformat()
            out = [e for e in out if e["max_end"] is not None and e["max_end"] > start]
        if f is not None and f.end is not None:
            end = pd.Timestamp(f.end).isoformat()
            out = [e for e in out if e["min_start"] is not None and e["min_start"] <= end]
        return out

    def _paths(self, entries: list[dict], key: str) -> str:
        return "[" + ", ".join(lit(str(self.path / e[key])) for e in entries) + "]"

    @staticmethod
    def _newest_ns(m: dict | None) -> int | None:
        newest = [e["newest"] for e in (m or {}).get("files", []) if e.get("newest")]
        return pd.Timestamp(max(newest), tz="UTC").value if newest else None

    def events_sql(
        self,
        f: Filters | None = None,
        m: dict | None = None,
        entries: list[dict] | None = None,
        *,
        locate: bool = False,
        rows: dict[str, list[int]] | None = None,
    ) -> str:
        """A SQL relation of the stored events (every column, salience computed) in the files f's dates may touch
        (or in entries). Salience is measured against the newest report in the whole warehouse. locate: with the
        columns `filename` and `file_row_number` too (where each row is stored); rows: only the rows at those
        positions of those files ({filename: [file_row_number, ...]}, as located; entries are then not used)."""
        m = self.manifest() if m is None else m
        sal = salience_sql(self._newest_ns(m))
        # article_id / article_ids are stored as null where they repeat url / [article_id] (writer.encode_derived)
        restore = (
            "coalesce(article_id, url) AS article_id, coalesce(article_ids, [coalesce(article_id, url)]) AS article_ids"
        )
        if rows is not None:
            # DuckDB skips the row groups (and pages) that hold none of the positions, so a few rows of a file
            # cost a few small reads, where the same rows found by event_id cost every column of their row groups
            parts = [
                f"SELECT * EXCLUDE (month, file_row_number, article_id, article_ids), {restore}, {sal} AS salience "
                f"FROM read_parquet({lit(name)}, {HIVE}, file_row_number = true) "
                f"WHERE file_row_number IN ({', '.join(str(int(k)) for k in sorted(set(positions)))})"
                for name, positions in rows.items()
                if positions
            ]
            if parts:
                return "(" + " UNION ALL ".join(parts) + ")"
            entries = []
        entries = self._entries(m, f) if entries is None else entries
        if not entries:
            located = ", NULL::VARCHAR AS filename, NULL::BIGINT AS file_row_number" if locate else ""
            return f"(SELECT * EXCLUDE (article_id, article_ids), {restore}, {sal} AS salience{located} FROM _empty_events)"
        where = ", filename = true, file_row_number = true" if locate else ""
        source = f"read_parquet({self._paths(entries, 'events')}, {HIVE}{where})"
        return f"(SELECT * EXCLUDE (month, article_id, article_ids), {restore}, {sal} AS salience FROM {source})"

    def counts_sql(self, f: Filters | None = None, m: dict | None = None) -> str:
        m = self.manifest() if m is None else m
        entries = self._entries(m, f)
        if not entries:
            return "(SELECT * FROM _empty_counts)"
        return f"(SELECT * EXCLUDE (month) FROM read_parquet({self._paths(entries, 'counts')}, {HIVE}))"

    def query(self, sql: str) -> pa.Table:
        """Run a query on this warehouse's DuckDB (events_sql() and counts_sql() give its relations) as Arrow."""
        return self._query(lambda _m: sql)

    def _query(self, build, tables: dict[str, pa.Table] | None = None) -> pa.Table:
        """build(manifest) -> SQL; rebuilt from a fresh manifest when files vanished under a stale one. tables: Arrow
        tables the SQL names (registered on this query's cursor only)."""
        for attempt in range(3):
            m = self.manifest()
            cur = self.connect()
            try:
                for name, table in (tables or {}).items():
                    cur.register(name, table)
                return cur.sql(build(m)).to_arrow_table()
            except duckdb.IOException as exc:
                gone = "No files found" in str(exc) or "No such file" in str(exc) or "could not be opened" in str(exc)
                if attempt == 2 or not gone:
                    raise StoreError(f"{self.path}: cannot read the warehouse ({exc})") from exc
                self._manifest_key = None
            except (duckdb.InvalidInputException, duckdb.OutOfMemoryException) as exc:  # a damaged file; no memory
                raise StoreError(f"{self.path}: cannot read the warehouse ({exc})") from exc
            finally:
                cur.close()
        raise AssertionError("unreachable")

    # ---- which questions the counts files answer -------------------------------------------------------------
    @staticmethod
    def counts_plan(f: Filters, dims: list[tuple[str, str]]) -> tuple[str, str | None] | None:
        """(kind, value) when the counts files answer a count over f by dims: no text, actor, salience or confidence
        filter, no date_precision, and at most one list dimension involved, either grouped by (and not filtered) or
        filtered to one value (and not grouped by), and no dimension only the events hold (EVENT_ONLY_DIMENSIONS). value
        is that one filtered value. Without an event type filter, by period and country at most: one country filtered
        and grouped by country (the events of France under each of their countries) is answered by the pair rows (kind
        "pair:FRA"); two countries filtered (EITHER, value "DEU\x1fFRA": the events of either) by the country and pair
        rows (the counts of each country less those of both; by country, less those of both under each third country,
        read from the events of both: _either_sql). Pair rows hold no event type: two countries with an event type
        filter, or by event type or quad class (not by country), are the country rows less the events of both read from
        the events (_both). One or two countries by topic (and period), no type filtered: the topics rows of each
        country (kind "topics:UKR"; two: EITHER_TOPICS, less the events of both by topic, _both). None: scan the events."""
        if f.text.strip() or f.actors or f.min_salience > 0 or f.min_confidence > 0:
            return None
        if any(kind in EVENT_ONLY_DIMENSIONS for kind, _ in dims):
            return None
        grouped = {kind for kind, _ in dims if kind in LIST_DIMENSIONS}
        filtered = {k: v for k, v in (("country", f.countries), ("topic", f.topics)) if v}
        involved = grouped | set(filtered)
        if (
            grouped == {"topic"}
            and set(filtered) == {"country"}
            and not f.event_types
            and all(k in ("period", "topic") for k, _ in dims)
            and len(set(f.countries)) <= 2
        ):
            # one country's events by topic: its topics rows; two: each one's less those of both (_both)
            values = sorted(set(f.countries))
            return (layout.TOPICS_KIND + values[0], None) if len(values) == 1 else (EITHER_TOPICS, "\x1f".join(values))
        if len(involved) > 1:
            return None
        if not involved:
            return "event", None
        kind = involved.pop()
        if kind in filtered:
            values = set(filtered[kind])
            if kind == "country" and not f.event_types and all(k in ("period", "country") for k, _ in dims):
                if kind in grouped and len(values) == 1:
                    # the events of one country under each of their countries: the pair rows
                    return layout.PAIR_KIND + values.pop(), None
                if len(values) == 2:
                    return EITHER, "\x1f".join(sorted(values))
            if kind == "country" and kind not in grouped and len(values) == 2 and all(k in EITHER_BY for k, _ in dims):
                # by event type or quad class, or of some event types: the country rows less the events of both
                return EITHER, "\x1f".join(sorted(values))
            if kind in grouped or len(values) != 1:
                return None
            return kind, values.pop()
        return kind, None

    def _plan(self, f: Filters, dims: list[tuple[str, str]]) -> tuple[str, str | None] | None:
        """counts_plan, when every counts file f's dates touch holds the rows it needs (files counted before the pair
        rows are answered by a scan until `store recount` rewrites their counts)."""
        plan = self.counts_plan(f, dims)
        if plan is None:
            return None
        kind = plan[0]
        need = PAIRS_NEEDED.get(kind) or next((n for k, n in PAIRS_NEEDED.items() if kind.startswith(k)), 0)
        if need and not all((e.get("pairs") or 0) >= need for e in self._entries(self.manifest(), f)):
            return None
        return plan

    def _remembered(self, key: tuple, answer):
        """The answer to key in this version of the warehouse: computed by answer() once, then kept (ANSWERS of them;
        DataFrames are handed out as copies). A question already being answered on another thread (prefetch, or
        a second browser session) is waited for, not asked twice; a failed answer is not kept."""
        key = (self.version(), *key)
        with self._con_guard:
            value = self._answers.get(key)
            if value is None:
                pending = self._answers[key] = concurrent.futures.Future()
                self._trim_answers()
            else:
                self._answers.move_to_end(key)
        if value is None:
            try:
                value = answer()
            except BaseException as exc:
                with self._con_guard:
                    if self._answers.get(key) is pending:
                        del self._answers[key]
                pending.set_exception(exc)
                raise
            pending.set_result(value)
            with self._con_guard:
                if self._answers.get(key) is pending:
                    self._answers[key] = value
        elif isinstance(value, concurrent.futures.Future):
            value = value.result()
        return value.copy() if isinstance(value, pd.DataFrame) else value

    def _trim_answers(self) -> None:
        while len(self._answers) > ANSWERS:
            self._answers.popitem(last=False)

    def prefetch(self, filters: Filters, by: Sequence[str] | str) -> None:
        """Start answering aggregate(filters, by) on a worker thread and return at once: a chart that will ask it
        after another question (the Timeline asks its lanes once the day counts have framed the axis) gets both
        answered side by side, on both cores. The later aggregate() waits for this answer; a failure is raised
        there, not here. Only what the counts files answer is started: a scan of the events started for a chart
        that then draws something else (a small view's single events) would cost a view its count's speed."""
        dims = parse_by(by)
        if self._plan(filters, dims) is None:
            return
        with self._con_guard:
            if self._pool is None:
                self._pool = concurrent.futures.ThreadPoolExecutor(PREFETCH_THREADS, "answer-ahead")
            pool = self._pool
        pool.submit(self.aggregate, filters, by)

    def forget(self) -> None:
        """Drop the kept answers (_remembered), so the next question is computed again: for benchmarks that time a
        question more than once on one warehouse."""
        with self._con_guard:
            self._answers.clear()

    # ---- the read interface ----------------------------------------------------------------------------------
    def count(self, filters: Filters) -> int:
        return self._remembered(("count", filters), lambda: self._count(filters))

    def _count(self, filters: Filters) -> int:
        if self._plan(filters, []) is not None:
            # from the view's events per day, which a page asks for next (the Timeline frames its axis with them):
            # one query of the counts files answers both
            days, undated = self._days(filters)
            return int(days["events"].sum()) + undated
        table = self._query(
            lambda m: f"SELECT count(*) AS n FROM {self.events_sql(filters, m)} WHERE {where_clause(filters)}"
        )
        return int(table.column("n")[0].as_py())

    def _days(self, filters: Filters) -> tuple[pd.DataFrame, int]:
        """From the counts files (the caller checks that they answer filters): the events per day, as
        aggregate(filters, "period:day") gives them, and how many events have no date; kept for the version."""

        def answer() -> tuple[pd.DataFrame, int]:
            frame = self._aggregate(filters, ("period:day",), True, undated=True)
            dated = frame["period"].notna()
            return frame[dated].reset_index(drop=True), int(frame.loc[~dated, "events"].sum())

        return self._remembered(("days", filters), answer)

    def aggregate(self, filters: Filters, by: Sequence[str] | str, *, use_counts: bool = True) -> pd.DataFrame:
        by = (by,) if isinstance(by, str) else tuple(by)
        if use_counts and by == ("period:day",) and self._plan(filters, []) is not None:
            return self._days(filters)[0].copy()
        key = ("aggregate", filters, by, use_counts)
        return self._remembered(key, lambda: self._aggregate(filters, by, use_counts))

    def _aggregate(
        self, filters: Filters, by: Sequence[str] | str, use_counts: bool, undated: bool = False
    ) -> pd.DataFrame:
        """An aggregate (see aggregate); undated: from the counts files, a row with no period for the events without
        a date is kept (_days)."""
        dims = parse_by(by)
        names = dimension_names(dims)
        plan = self._plan(filters, dims) if use_counts else None
        if plan is not None:
            kind, value = plan
            exprs = []
            for k, name in dims:
                if k == "period":
                    exprs.append(f"date_trunc('{_PERIOD_SQL[name]}', date_start) AS period")
                elif k in LIST_DIMENSIONS:
                    exprs.append(f"value AS {name}")
                else:
                    exprs.append(name)
            cond = where_clause(filters, counts=True)
            if "period" in names and not undated:
                cond += " AND date_start IS NOT NULL"
            if kind == EITHER and "country" in names:
                dated = "period" in names and not undated
                exprs = ["country" if e == "value AS country" else e for e in exprs]
                select = ", ".join([*exprs, "CAST(sum(n) AS BIGINT) AS events"])
                # the files whose trio rows answer; the events of both countries are read from the others only
                whole, partial = self._split_whole(filters, dims)
                both = self._both(filters, value, partial)
                lanes = self._lanes(filters, dims)
                table = self._query(
                    lambda m: (
                        f"SELECT {select} FROM ({self._either_sql(filters, value, cond, dated, m, whole, lanes)}) "
                        f"GROUP BY ALL ORDER BY {', '.join(names)}"
                    ),
                    {"_both": both},
                )
            elif kind == EITHER_TOPICS or (
                kind == EITHER and (filters.event_types or set(names) & {"event_type", "quad_class"})
            ):
                # each country's rows plus the other's less those of both, read from the events once (_both)
                a, b = value.split("\x1f")
                if kind == EITHER_TOPICS:  # by topic: each one's topics rows
                    kinds = f"kind IN ({lit(layout.TOPICS_KIND + a)}, {lit(layout.TOPICS_KIND + b)})"
                    counted, of_both, rows = "date_start, value AS topic", "date_start, topic", "topic IS NOT NULL"
                    exprs = ["topic" if e == "value AS topic" else e for e in exprs]
                else:  # by type, or of some types: each one's country rows
                    kinds = f"kind = 'country' AND value IN ({lit(a)}, {lit(b)})"
                    counted = of_both = ", ".join(
                        ["date_start", *(c for c in ("event_type", "quad_class") if c in names)]
                    )
                    rows = "country IS NULL AND topic IS NULL"
                dated = " AND date_start IS NOT NULL" if "period" in names and not undated else ""
                select = ", ".join([*exprs, "CAST(sum(n) AS BIGINT) AS events"])
                group = f" GROUP BY ALL ORDER BY {', '.join(names)}" if exprs else ""
                both = self._both(filters, value)
                table = self._query(
                    lambda m: (
                        f"SELECT {select} FROM (SELECT {counted}, n FROM {self.counts_sql(filters, m)} "
                        f"WHERE {kinds} AND {cond} UNION ALL SELECT {of_both}, -n AS n FROM _both WHERE {rows}{dated})"
                        f"{group}"
                    ),
                    {"_both": both},
                )
            else:
                n = "n"
                if kind == EITHER:  # the events of A plus those of B less those of both
                    a, b = value.split("\x1f")
                    kinds = (
                        f"((kind = 'country' AND value IN ({lit(a)}, {lit(b)})) "
                        f"OR (kind = {lit(layout.PAIR_KIND + a)} AND value = {lit(b)}))"
                    )
                    n = "CASE WHEN kind = 'country' THEN n ELSE -n END"
                else:
                    if value is not None:
                        cond += f" AND value = {lit(value)}"
                    kinds = f"kind = {lit(kind)}"
                    if kind.startswith(layout.PAIR_KIND):  # under the country itself: its own rows
                        own = kind[len(layout.PAIR_KIND) :]
                        kinds = f"({kinds} OR (kind = 'country' AND value = {lit(own)}))"
                        if self._lanes(filters, dims):  # the same per week, its own lane included: fewer rows
                            kinds = f"kind = {lit(layout.LANE_KIND + own)}"
                select = ", ".join([*exprs, f"CAST(sum({n}) AS BIGINT) AS events"])
                group = f" GROUP BY ALL ORDER BY {', '.join(names)}" if exprs else ""
                table = self._query(
                    lambda m: f"SELECT {select} FROM {self.counts_sql(filters, m)} WHERE {kinds} AND {cond}{group}"
                )
        else:
            table = self._query(lambda m: self._raw_aggregate_sql(filters, dims, m))
        frame = table.to_pandas(types_mapper=_arrow_strings)
        if not names and frame.empty:
            frame = pd.DataFrame({"events": [0]})
        frame["events"] = frame["events"].fillna(0)
        return finish_aggregate(frame, names, presorted=True)

    def _either_sql(
        self, f: Filters, value: str, cond: str, dated: bool, m: dict | None, whole: list[dict] = (), lanes=False
    ) -> str:
        """The events of either of two countries (value "A\x1fB") by period and country, as rows (period?, country,
        n) to sum: from the counts, A's and B's own rows and, under a third country C, A's pairs and B's pairs
        (A and C + B and C), minus the events of A, B and C under C (A or B and C = A and C + B and C - A and B and
        C): the trio rows of the files in whole (_whole), and for the other files the events that involve both A
        and B (the relation `_both`: _both() of those files). cond: the counts rows' conditions; dated: only events
        with a date. lanes (_lanes): every file's lane rows answer, which count A's and B's events under each of
        their countries per week (A's own under A, B's under B) with fewer rows than the country and pair rows."""
        a, b = value.split("\x1f")
        kinds = (
            f"((kind = 'country' AND value IN ({lit(a)}, {lit(b)})) OR (kind IN ({lit(layout.PAIR_KIND + a)}, "
            f"{lit(layout.PAIR_KIND + b)}) AND value NOT IN ({lit(a)}, {lit(b)})))"
        )
        trio = lit(layout.TRIO_KIND + a + chr(31) + b)
        others = (
            f"SELECT date_start, country AS value, -n AS n FROM _both WHERE country IS NOT NULL"
            f"{' AND date_start IS NOT NULL' if dated else ''}"
        )
        if lanes:
            # every file's lane and trio rows answer and no date is tested: one pass over the counts
            kinds = (
                f"((kind = {lit(layout.LANE_KIND + a)} AND value <> {lit(b)}) "
                f"OR (kind = {lit(layout.LANE_KIND + b)} AND value <> {lit(a)}))"
            )
            counted = (
                f"SELECT date_start, value, CASE WHEN kind = {trio} THEN -n ELSE n END AS n "
                f"FROM {self.counts_sql(f, m)} WHERE ({kinds} OR kind = {trio}) AND {cond}"
            )
            whole = []
        else:
            counted = f"SELECT * FROM {self.counts_sql(f, m)} WHERE {kinds} AND {cond}"
        sql = f"SELECT date_start, value AS country, n FROM ({counted}) UNION ALL SELECT date_start, value, n FROM ({others})"
        if whole:
            # every event of these files passes the view's dates, so they are not tested (date_start is a bucket)
            modes = where_clause(dataclasses.replace(f, start=None, end=None), counts=True)
            trios = (
                f"SELECT date_start, value, -n AS n FROM read_parquet({self._paths(whole, 'counts')}) "
                f"WHERE kind = {trio} AND {modes}"
                f"{' AND date_start IS NOT NULL' if dated else ''}"
            )
            sql += f" UNION ALL {trios}"
        return sql

    def _split_whole(self, f: Filters, dims: list[tuple[str, str]]) -> tuple[list[dict], list[dict]]:
        """The files in view f whose lane and trio rows answer a count by dims (_whole), and the others."""
        grain = next((name for k, name in dims if k == "period"), None)
        whole, partial = [], []
        for e in self._entries(self.manifest(), f):
            (whole if self._whole(e, f, grain) else partial).append(e)
        return whole, partial

    def _lanes(self, f: Filters, dims: list[tuple[str, str]]) -> bool:
        """Do the lane rows answer a view of one or two countries by dims (period and country at most)? No dates
        filtered (the rows hold buckets) and the rows of every file in view answer (_whole)."""
        return f.start is None and f.end is None and not self._split_whole(f, dims)[1]

    @staticmethod
    def _whole(e: dict, f: Filters, grain: str | None) -> bool:
        """Do the trio rows of file entry e answer for its events in view f, counted by grain (a period, or None)?
        Its counts must hold them (form layout.TRIOS), the period must be a week or a month (the rows' buckets), and
        every event of the file must pass f's dates (they cannot be tested on the rows)."""
        if (e.get("pairs") or 0) < layout.TRIOS or grain not in (None, "week", "month"):
            return False
        if f.start is not None and not (e.get("min_end") and e["min_end"] > pd.Timestamp(f.start).isoformat()):
            return False
        return f.end is None or bool(e.get("max_start") and e["max_start"] <= pd.Timestamp(f.end).isoformat())

    def _both(self, f: Filters, value: str, entries: list[dict] | None = None) -> pa.Table:
        """The events in view f that involve both countries of value ("A\x1fB"), counted three ways: by date_start,
        event type and quad class (country and topic null), by date_start under each of their other countries (event
        type, quad class and topic null), and by date_start under each of their topics ("" for none; the rest null). A read of the country lists of every file in view (or of the files in entries), which
        only events can answer where trio rows do not (they hold no event type and no day), done once per view,
        files and version and kept (a few hundred thousand rows at most: days x types or days x countries), so the
        Timeline's lanes at any period, the Map, Trends by topic or type and Balance of the same view share it. Dated and
        undated rows."""
        a, b = value.split("\x1f")
        both = (
            f"{where_clause(dataclasses.replace(f, countries=()))} AND list_contains(countries, {lit(a)}) "
            f"AND list_contains(countries, {lit(b)})"
        )
        if entries is None:
            entries = self._entries(self.manifest(), f)
        files = tuple(e["events"] for e in entries)

        def answer() -> pa.Table:
            # the rows first (a plain filtered read: few rows), then counted in memory
            rows = self._query(
                lambda m: (
                    f"SELECT date_start, event_type, quad_class, {distinct_list('countries')} AS countries, "
                    f"{distinct_list('topics')} AS topics FROM {self.events_sql(f, m, entries)} WHERE {both}"
                )
            )
            none = "CAST(NULL AS VARCHAR)"
            return self._query(
                lambda _m: (
                    f"""
                    SELECT date_start, event_type, quad_class, {none} AS country, {none} AS topic, count(*) AS n
                        FROM _rows GROUP BY ALL
                    UNION ALL SELECT date_start, NULL, NULL, c, NULL, count(*) FROM (
                        SELECT date_start, unnest(countries) AS c FROM _rows) WHERE c NOT IN ('', {lit(a)}, {lit(b)})
                        GROUP BY ALL
                    UNION ALL SELECT date_start, NULL, NULL, NULL, t, count(*) FROM (
                        SELECT date_start, unnest(CASE WHEN coalesce(len(topics), 0) = 0 THEN [''] ELSE topics END)
                        AS t FROM _rows) GROUP BY ALL"""
                ),
                {"_rows": rows},
            )

        return self._remembered(("both", f, value, files), answer)

    def _raw_aggregate_sql(self, f: Filters, dims: list[tuple[str, str]], m: dict | None) -> str:
        names = dimension_names(dims)
        cols = []
        for kind, name in dims:
            if kind == "period":
                cols.append(f"date_trunc('{_PERIOD_SQL[name]}', date_start) AS period")
            elif kind in LIST_DIMENSIONS:
                cols.append(f"list_distinct({LIST_DIMENSIONS[kind]}) AS _{name}")
            else:
                cols.append(name)
        cond = where_clause(f)
        if "period" in names:
            cond += " AND date_start IS NOT NULL"
        inner = f"SELECT {', '.join(cols) or '1 AS _one'} FROM {self.events_sql(f, m)} WHERE {cond}"
        for kind, name in dims:
            if kind in LIST_DIMENSIONS:
                inner = (
                    f"SELECT * EXCLUDE (_{name}), unnest(CASE WHEN coalesce(len(_{name}), 0) = 0 THEN [''] "
                    f"ELSE _{name} END) AS {name} FROM ({inner})"
                )
        if not names:
            return f"SELECT count(*) AS events FROM ({inner})"
        return f"SELECT {', '.join(names)}, count(*) AS events FROM ({inner}) GROUP BY ALL ORDER BY {', '.join(names)}"

    def _actor_counts(self, f: Filters) -> bool:
        """Do the counts files' actor rows (per date and mode) answer questions about the actors of view f: no filter
        but dates and modes, and every file f's dates touch counted in a form that holds them."""
        narrowed = (f.countries, f.topics, f.event_types, f.actors, f.text.strip(), f.min_salience, f.min_confidence)
        if any(narrowed):
            return False
        return all((e.get("pairs") or 0) >= ACTOR_ROWS for e in self._entries(self.manifest(), f))

    def _kept(self, filters: Filters) -> str:
        """How a query that reads the events in view more than once holds them: read once and kept (MATERIALIZED,
        spilled to disk past the memory limit) when they are known to be few, at most KEEP_ROWS; else read again
        by each use (NOT MATERIALIZED). Known: counted by the counts files, or already counted by a scan (a page
        counts its view first); a view only a scan could count is not counted here for this. On the 100M
        warehouse, the top actors of France (3.1 million events) took 4.0 s kept and 8.0 s re-read, its network
        2.6 s and 5.3 s; those of the United States (31.5 million) 15.7 s kept and 9.0 s re-read."""
        if self._plan(filters, []) is not None:
            known = self.count(filters)
        else:
            with self._con_guard:
                known = self._answers.get((self.version(), "count", filters))
        return "MATERIALIZED" if isinstance(known, int) and known <= KEEP_ROWS else "NOT MATERIALIZED"

    def top_actors(self, filters: Filters, n: int = 20) -> pd.DataFrame:
        if self._actor_counts(filters):

            def counted(m):
                # the events of each actor as source, as target and mentioned, from the counts files' actor rows
                return f"""
                    SELECT value AS actor,
                        CAST(sum(CASE WHEN kind = 'source' THEN n ELSE 0 END) AS BIGINT) AS as_source,
                        CAST(sum(CASE WHEN kind = 'target' THEN n ELSE 0 END) AS BIGINT) AS as_target,
                        CAST(sum(CASE WHEN kind = 'actor' THEN n ELSE 0 END) AS BIGINT) AS mentioned
                    FROM {self.counts_sql(filters, m)}
                    WHERE kind IN ('source', 'target', 'actor') AND {where_clause(filters, counts=True)}
                    GROUP BY value
                    ORDER BY greatest(as_source, as_target, mentioned) DESC, as_source DESC, actor
                    LIMIT {int(n)}"""

            return self._remembered(
                ("top_actors", filters, int(n)), lambda: finish_top_actors(self._query(counted).to_pandas(), n)
            )

        def build(m):
            named = "NOT IN ('', '<NA>')"
            # each actor's events as source, as target and mentioned (distinct in a row's list; most lists hold at
            # most two different names, which need no list_distinct): three groupings of a few thousand actors,
            # each reading its own columns (several times faster than one pass building a struct per actor and row)
            listed = (
                "CASE WHEN len(actors) < 2 OR (len(actors) = 2 AND actors[1] <> actors[2]) THEN actors "
                "ELSE list_distinct(actors) END"
            )
            return f"""
                WITH v AS {self._kept(filters)} (
                    SELECT source_actor, target_actor, actors FROM {self.events_sql(filters, m)}
                    WHERE {where_clause(filters)})
                SELECT actor, CAST(sum(s) AS BIGINT) AS as_source, CAST(sum(t) AS BIGINT) AS as_target,
                    CAST(sum(k) AS BIGINT) AS mentioned FROM (
                    SELECT source_actor AS actor, count(*) AS s, 0 AS t, 0 AS k FROM v
                        WHERE source_actor {named} GROUP BY 1
                    UNION ALL SELECT target_actor, 0, count(*), 0 FROM v WHERE target_actor {named} GROUP BY 1
                    UNION ALL SELECT a, 0, 0, count(*) FROM (SELECT unnest({listed}) AS a FROM v)
                        WHERE a <> '' GROUP BY 1)
                GROUP BY actor
                ORDER BY greatest(as_source, as_target, mentioned) DESC, as_source DESC, actor
                LIMIT {int(n)}"""

        return finish_top_actors(self._query(build).to_pandas(), n)

    def network_pairs(self, filters: Filters, top_nodes: int = 30) -> pd.DataFrame:
        """Only the pairs among the top_nodes actors (EventSource.network_pairs): two passes over the view, one counting
        each actor's events as source or target of a named pair (a few thousand groups), one grouping the pairs
        between the chosen actors, instead of grouping every pair of the view (as many groups as a tenth of the
        events) and sending them all to pandas."""
        names = ["source_actor", "target_actor", "quad_class"]

        def build(m):
            named = "NOT IN ('', '<NA>')"
            pairs = (
                f"(SELECT source_actor, target_actor, quad_class FROM {self.events_sql(filters, m)} "
                f"WHERE {where_clause(filters)} AND source_actor {named} AND target_actor {named} "
                "AND source_actor <> target_actor)"
            )
            return f"""
                WITH pairs AS {self._kept(filters)} {pairs},
                top AS (SELECT a FROM (SELECT unnest([source_actor, target_actor]) AS a FROM pairs)
                        GROUP BY a ORDER BY count(*) DESC, a LIMIT {int(top_nodes)})
                SELECT {", ".join(names)}, count(*) AS events FROM pairs
                WHERE source_actor IN (SELECT a FROM top) AND target_actor IN (SELECT a FROM top)
                GROUP BY ALL ORDER BY {", ".join(names)}"""

        def busiest(m):
            # the busiest actors from the counts files' "paired" rows: the same numbers and order as `top` above
            return f"""
                SELECT value AS a FROM {self.counts_sql(filters, m)}
                WHERE kind = 'paired' AND {where_clause(filters, counts=True)}
                GROUP BY value ORDER BY sum(n) DESC, value LIMIT {int(top_nodes)}"""

        def among(actors: list[str]):
            chosen = ", ".join(lit(a) for a in actors) or "NULL"

            def build_among(m):
                return f"""
                    SELECT {", ".join(names)}, count(*) AS events FROM {self.events_sql(filters, m)}
                    WHERE {where_clause(filters)} AND source_actor IN ({chosen}) AND target_actor IN ({chosen})
                        AND source_actor <> target_actor
                    GROUP BY ALL ORDER BY {", ".join(names)}"""

            return build_among

        def answer() -> pd.DataFrame:
            if self._actor_counts(filters):  # the busiest actors counted, then only their pairs read from the events
                top = self._query(busiest).column("a").to_pylist()
                frame = self._query(among(top)).to_pandas(types_mapper=_arrow_strings)
            else:
                frame = self._query(build).to_pandas(types_mapper=_arrow_strings)
            return finish_aggregate(frame, names, presorted=True)

        return self._remembered(("network", filters, int(top_nodes)), answer)

    def actor_edges(self, filters: Filters, n: int = 200) -> pd.DataFrame:
        def build(m):
            return f"""
                SELECT source_actor AS source, target_actor AS target, count(*) AS events
                FROM {self.events_sql(filters, m)}
                WHERE {where_clause(filters)} AND source_actor NOT IN ('', '<NA>') AND target_actor NOT IN ('', '<NA>')
                    AND source_actor <> target_actor
                GROUP BY ALL ORDER BY events DESC, source, target LIMIT {int(n)}"""

        return finish_edges(self._query(build).to_pandas(), n)

    def top_rows(
        self,
        filters: Filters,
        n: int = 200,
        order: Sequence[str] = ("salience", "mentions"),
        columns: Sequence[str] | None = None,
    ) -> pd.DataFrame:
        cols = list(columns) if columns is not None else list(ALL_COLUMNS)
        unknown = [c for c in [*cols, *order] if c not in ALL_COLUMNS]
        if unknown:
            raise KeyError(f"no such events column: {', '.join(unknown)}")
        if n > DIRECT_ROWS:  # a download's rows: not kept
            return self._top_rows(filters, n, tuple(order), cols)
        key = ("top", filters, n, tuple(order), tuple(cols))
        return self._remembered(key, lambda: self._top_rows(filters, n, tuple(order), cols))

    def _top_rows(self, filters: Filters, n: int, order: tuple[str, ...], cols: list[str]) -> pd.DataFrame:
        keys = ", ".join([*(f"{c} DESC NULLS LAST" for c in order), "event_id ASC"])
        # First the ids of the n rows and where each is stored (only the order columns are read), then those rows'
        # columns by their positions: reading every column of a year of events to keep 200 of them is what this avoids.
        m = self.manifest()
        entries = self._entries(m, filters)
        cond = where_clause(filters)
        first = order[0] if order else "event_id"
        wanted = list(dict.fromkeys([*cols, "event_id"]))
        # Many rows (a download): their columns are read in the same pass (an id list of 100,000 would cost more).
        direct = n > DIRECT_ROWS
        extra = "".join(f", {c}" for c in wanted if c != "event_id") if direct else ", filename, file_row_number"

        def ids_in(chosen: list[dict], also: str = "TRUE") -> pa.Table:
            return self._query(
                lambda _m: (
                    f"SELECT event_id, {first} AS first_key{extra} "
                    f"FROM {self.events_sql(filters, m, chosen, locate=not direct)} "
                    f"WHERE {cond} AND {also} ORDER BY {keys} LIMIT {int(n)}"
                )
            )

        if order and order[0] == "salience" and len(entries) > 1 and n > 0:
            found = self._top_by_recency(entries, m, n, ids_in)
            if found is None:
                found = self._top_by_salience(entries, m, n, ids_in)
        elif order and order[0] == "date_start" and len(entries) > 1 and n > 0:
            found = self._top_by_start(entries, n, ids_in)
        else:
            found = ids_in(entries)
        if direct:
            return self.frame(found.select(wanted), cols)
        ids = found.column("event_id").to_pylist()
        located: dict[str, list[int]] = collections.defaultdict(list)
        names, positions = found.column("filename").to_pylist(), found.column("file_row_number").to_pylist()
        for name, k in zip(names, positions, strict=True):
            located[name].append(k)
        id_list = ", ".join(lit(i) for i in ids) or "NULL"

        def fetch(m):
            rel = self.events_sql(None, m, rows=located)
            return f"SELECT {', '.join(wanted)} FROM {rel} WHERE event_id IN ({id_list})"

        def fetch_by_id(m):  # the files were replaced meanwhile (merged): the rows from those whose ids hold them
            entries = [
                e
                for e in self._entries(m)
                if e["min_id"] is not None and any(e["min_id"] <= i <= e["max_id"] for i in ids)
            ]
            rel = self.events_sql(None, m, entries)
            return f"SELECT {', '.join(wanted)} FROM {rel} WHERE event_id IN ({id_list})"

        try:
            table = self._query(fetch)
        except StoreError:
            table = None
        if table is None or table.num_rows != len(ids):
            table = self._query(fetch_by_id)
        rank = {event_id: k for k, event_id in enumerate(ids)}
        got = table.column("event_id").to_pylist()
        table = table.take(pa.array(sorted(range(len(got)), key=lambda r: rank[got[r]]), type=pa.int64()))
        return self.frame(table, cols)

    def iter_frames(
        self, filters: Filters, batch_rows: int = STREAM_ROWS, columns: Sequence[str] | None = None
    ) -> Iterator[pd.DataFrame]:
        """Every event passing filters, by date_start then event_id, as DataFrames of at most batch_rows rows: the
        selection is streamed from DuckDB (which sorts within its memory limit, spilling to disk), never held whole.
        At least one frame comes (empty when nothing passes), so a writer knows the columns. For exports of any
        size; top_rows is for the first n."""
        cols = list(columns) if columns is not None else list(ALL_COLUMNS)
        unknown = [c for c in cols if c not in ALL_COLUMNS]
        if unknown:
            raise KeyError(f"no such events column: {', '.join(unknown)}")
        m = self.manifest()
        sql = (
            f"SELECT {', '.join(cols)} FROM {self.events_sql(filters, m)} WHERE {where_clause(filters)} "
            "ORDER BY date_start ASC NULLS LAST, event_id ASC"
        )
        cur = self.connect()
        try:
            try:
                reader = cur.sql(sql).to_arrow_reader(batch_rows)
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: cannot read the warehouse ({exc})") from exc
            sent = False
            while True:
                try:
                    batch = reader.read_next_batch()
                except StopIteration:
                    if not sent:
                        yield self.frame(reader.schema.empty_table(), cols)
                    return
                except (duckdb.Error, OSError) as exc:  # a file vanished or broke while streaming
                    raise StoreError(f"{self.path}: cannot read the warehouse ({exc})") from exc
                sent = True
                yield self.frame(pa.Table.from_batches([batch]), cols)
        finally:
            cur.close()

    def _top_by_recency(self, entries: list[dict], m: dict, n: int, ids_in) -> pa.Table | None:
        """The n most salient rows from the rows reported lately, when that is provably all it takes (None when not).

        A row's salience is at most its file's largest static part S plus its largest recency weight W times the
        row's own recency r = 0.5 ** (age of its last report / half-life). The n best rows reported within a window
        give the n-th salience t; a row outside the window can only reach t when r >= (t - S) / W, that is when its
        last report is newer than a cut worked out per file. Rows are stored in the order they were reported, so
        DuckDB skips the row groups older than the cut by their statistics. When the static parts alone can reach t
        (a selective filter keeps only weak rows), None: the files' bounds decide (_top_by_salience)."""
        newest_ns = self._newest_ns(m)
        if newest_ns is None or any(e.get("sal_static") is None or e.get("sal_weight") is None for e in entries):
            return None
        day_ns = 86_400_000_000_000
        half_life_ns = float(salience_weights()["half_life_days"]) * day_ns

        def reported_since(ns: int) -> str:
            stamp = pd.Timestamp(int(ns), tz="UTC").tz_localize(None).isoformat(sep=" ")
            return f"last_reported >= TIMESTAMPTZ '{stamp}+00'"

        for window in (0.5, 2.0, 6.0):  # half-lives back from the newest report
            cut = newest_ns - int(window * half_life_ns)
            found = ids_in([e for e in entries if e.get("newest") and pd.Timestamp(e["newest"], tz="UTC").value >= cut],
                           reported_since(cut))  # fmt: skip
            if found.num_rows < n:
                continue
            t = found.column("first_key")[n - 1].as_py() - 1.5e-4  # (salience is rounded to 4 decimals)
            oldest = None  # the oldest last report that can still reach t, over every file
            for e in entries:
                static, weight = e["sal_static"], e["sal_weight"]
                if static >= t:
                    return None
                if weight <= 0:
                    continue
                need = newest_ns - half_life_ns * math.log2(weight / (t - static))
                oldest = need if oldest is None else min(oldest, need)
            if oldest is None or oldest >= cut:
                return found
            chosen = [e for e in entries if e.get("newest") and pd.Timestamp(e["newest"], tz="UTC").value >= oldest]
            return ids_in(chosen, reported_since(math.floor(oldest)))
        return None

    def _top_by_salience(self, entries: list[dict], m: dict, n: int, ids_in) -> pa.Table:
        """The n most salient rows, reading only the files that can hold them: a file's rows are at most as salient
        as its largest static part plus its largest recency weight times the recency of its newest report
        (sql.salience_parts). Files are read by that bound, largest first, until n rows are found; then every file
        whose bound reaches the n-th row's salience (less a rounding step) is read together."""
        newest_ns = self._newest_ns(m)

        def bound(e: dict) -> float:
            if e.get("sal_static") is None or e.get("sal_weight") is None:
                return math.inf  # a file written before the bound was kept
            last = pd.Timestamp(e["newest"], tz="UTC").value if e.get("newest") else None
            return e["sal_static"] + e["sal_weight"] * recency(newest_ns, last)

        ranked = sorted(entries, key=bound, reverse=True)
        k = 1
        while True:
            found = ids_in(ranked[:k])
            if found.num_rows >= n or k >= len(ranked):
                break
            k *= 2
        if found.num_rows < n:
            return found
        threshold = found.column("first_key")[n - 1].as_py()
        needed = [e for e in ranked if bound(e) >= threshold - 1.5e-4]
        return found if len(needed) <= k else ids_in(needed)

    @staticmethod
    def _top_by_start(entries: list[dict], n: int, ids_in) -> pa.Table:
        """The n newest rows (by date_start), reading only the files that can hold them: a file's rows start no later
        than its max_start. Files are read newest first until n rows are found; then every file whose max_start
        reaches the n-th row's start is read together (rows without a start come last, so a file is needed then
        too when fewer than n dated rows exist)."""

        def newest(e: dict) -> pd.Timestamp:
            return pd.Timestamp(e["max_start"]) if e.get("max_start") else pd.Timestamp.min

        ranked = sorted(entries, key=newest, reverse=True)
        k = 1
        while True:
            found = ids_in(ranked[:k])
            if found.num_rows >= n or k >= len(ranked):
                break
            k *= 2
        if found.num_rows < n:
            return found
        last = found.column("first_key")[n - 1].as_py()
        if last is None:  # undated rows among the first n: any file may hold others
            return found if k >= len(ranked) else ids_in(ranked)
        needed = [e for e in ranked if not e.get("max_start") or newest(e) >= pd.Timestamp(last)]
        return found if len(needed) <= k else ids_in(needed)

    def options(self, actor_limit: int = ACTOR_OPTIONS) -> SourceOptions:
        return self._remembered(("options", actor_limit), lambda: self._options(actor_limit))

    def _options(self, actor_limit: int) -> SourceOptions:
        m = self.manifest()
        entries = self._entries(m)
        if not entries:
            empty = pd.Series(dtype="int64")
            return SourceOptions(empty, empty, empty, empty, None, None, 0)
        table = self._options_summary(m)
        if table is None:  # a warehouse written before the summary: from every counts file
            table = self._query(lambda m: options_sql(self.counts_sql(None, m))).to_pandas()

        def series(kind: str) -> pd.Series:
            part = table[table["kind"] == kind]
            return sort_options(pd.Series(part["n"].to_numpy(), index=part["value"].fillna("").astype(str)))

        starts = [e["min_start"] for e in entries if e["min_start"]]
        lasts = [e["max_start"] for e in entries if e["max_start"]]
        return SourceOptions(
            countries=series("country"),
            actors=series("actor").head(actor_limit),
            topics=series("topic"),
            event_types=series("event"),
            first=pd.Timestamp(min(starts)) if starts else None,
            last=pd.Timestamp(max(lasts)) if lasts else None,
            total=int(sum(e["rows"] for e in entries)),
        )

    def _options_summary(self, m: dict) -> pd.DataFrame | None:
        """The options summary the writer keeps (kind, value, n over the whole warehouse), None when there is none."""
        rel = m.get("options")
        if not rel:
            return None
        try:
            return pq.read_table(self.path / rel).to_pandas()
        except (OSError, pa.ArrowInvalid):  # replaced under a stale manifest, or damaged: count instead
            return None

    def event(self, event_id: str) -> pd.DataFrame:
        def build(m):
            entries = [
                e for e in self._entries(m) if e["min_id"] is not None and e["min_id"] <= event_id <= e["max_id"]
            ]
            rel = self.events_sql(None, m, entries)
            return f"SELECT {', '.join(ALL_COLUMNS)} FROM {rel} WHERE event_id = {lit(event_id)} LIMIT 1"

        return self.frame(self._query(build), list(ALL_COLUMNS))

    def mentions(self, event_ids: Iterable[str]) -> pd.DataFrame:
        """Every report of the given events, oldest first: the stored reports of extracted events (moved over from
        an Arrow store), and for the others (imported rows) the event row itself as its one report."""
        ids = list(dict.fromkeys(str(x) for x in event_ids))
        if not ids:
            return pd.DataFrame({c: pd.Series(dtype=d) for c, d in MENTION_COLUMNS.items()})[PUBLIC_MENTION_COLUMNS]
        id_list = ", ".join(lit(i) for i in ids)
        columns = ", ".join(MENTION_COLUMNS)
        own = ", ".join("event_id AS mention_id" if c == "mention_id" else c for c in MENTION_COLUMNS)

        def build(m):
            stored = (m or {}).get("mentions", [])
            events = f"SELECT {own} FROM {self.events_sql(None, m)} WHERE event_id IN ({id_list})"
            if not stored:
                return events
            paths = "[" + ", ".join(lit(str(self.path / s["path"])) for s in stored) + "]"
            kept = f"SELECT {columns} FROM read_parquet({paths}) WHERE event_id IN ({id_list})"
            return f"WITH k AS ({kept}) SELECT * FROM k UNION ALL SELECT * FROM ({events}) WHERE event_id NOT IN (SELECT event_id FROM k)"

        df = self._query(build).to_pandas()
        df = cast(df, dict(MENTION_COLUMNS))
        df = df.sort_values(["event_id", "published", "mention_id"], kind="stable", na_position="last")
        return df[PUBLIC_MENTION_COLUMNS].reset_index(drop=True)

    # ---- conversion --------------------------------------------------------------------------------------------
    @staticmethod
    def frame(table: pa.Table, columns: list[str]) -> pd.DataFrame:
        """An Arrow result as a DataFrame with the events table's declared dtypes (lists as Python lists)."""
        df = table.to_pandas()
        for c in columns:
            if ALL_COLUMNS[c][0] == "object":
                df[c] = df[c].map(lambda v: [] if v is None else list(v))
        return cast(df, _dtypes(columns))

    # ---- writing -------------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def locked(self):
        """The writers' lock (the same file lock as the Arrow store, so a migration and an ingest take turns)."""
        from store.store import _thread_lock

        with _thread_lock(self.path):
            try:
                self.path.mkdir(parents=True, exist_ok=True)
                lock = FileLock(str(self.path / ".lock"), timeout=LOCK_TIMEOUT_S)
                lock.acquire()
            except Timeout as exc:
                raise StoreError(
                    f"{self.path}: another process has held the store's lock for {LOCK_TIMEOUT_S:.0f} s; "
                    "try again when it finishes"
                ) from exc
            except OSError as exc:
                raise layout.store_error_for(exc, self.path, "nothing was written") from exc
            try:
                yield
            finally:
                lock.release()

    @contextlib.contextmanager
    def writer(self, **options):
        """A WarehouseWriter under the lock: append() batches, commit() as often as wanted; leaving the block
        commits, an exception discards what was not committed."""
        from store.warehouse.writer import WarehouseWriter

        with self.locked():
            w = WarehouseWriter(self, **options)
            try:
                yield w
            except BaseException:
                w.abort()
                raise
            else:
                w.commit()
            finally:
                w.close()
        self._manifest_key = None

    def add_events(self, df: pd.DataFrame, *, origin: str = "extracted"):
        """Add event rows (as EventStore.add_events takes them) and return an AddSummary. Rows that carry the store's
        columns are stored as they come; extracted reports (EVENT_COLUMNS only) each become an event of their own,
        with the store columns merge.new_event_from_report gives them: the warehouse does not merge reports of one
        happening. A row whose event_id is already stored is skipped."""
        from store.summary import AddSummary
        from store.warehouse.migrate import frame_to_input

        if not len(df):
            return AddSummary()
        with self.writer() as w:
            kept, duplicates = w.append(frame_to_input(df, origin))
        return AddSummary(added=kept, skipped=duplicates)

    @classmethod
    def create(cls, path: str | os.PathLike, **kwargs) -> Warehouse:
        """A warehouse at path: the existing one, or a new empty one (refused where an Arrow store is)."""
        wh = cls(path, **kwargs)
        if layout.is_warehouse(wh.path):
            return wh
        if (wh.path / "meta.json").exists():
            raise StoreError(
                f"{wh.path}: holds an Arrow store; move it with `python -m extract store migrate --to warehouse`"
            )
        with wh.locked():
            if not layout.is_warehouse(wh.path):
                layout.write_manifest(wh.path, layout.new_manifest())
        return wh

    def __repr__(self) -> str:
        return f"Warehouse({str(self.path)!r})"
