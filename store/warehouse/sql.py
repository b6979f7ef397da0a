"""SQL pieces for the warehouse: literals, the filters of store/query.py as a WHERE clause, salience on read.

Values are inlined as SQL literals (quotes doubled), never pasted raw, so DuckDB can push the tests on plain
columns down into the Parquet scan.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from store.query import Filters
from store.salience import weights


def lit(value: str) -> str:
    """A SQL string literal."""
    return "'" + str(value).replace("'", "''") + "'"


def lit_list(values) -> str:
    return "[" + ", ".join(lit(v) for v in values) + "]"


def ts_lit(day: dt.date | dt.datetime) -> str:
    if isinstance(day, dt.datetime):
        return f"TIMESTAMP '{day.replace(tzinfo=None).isoformat(sep=' ')}'"
    return f"TIMESTAMP '{day.isoformat()} 00:00:00'"


def _in(column: str, values) -> str:
    return f"{column} IN ({', '.join(lit(v) for v in values)})"


def _any_element(column: str, values) -> str:
    """The list column holds one of values (list_contains per value measured faster than list_has_any)."""
    tests = [f"list_contains({column}, {lit(v)})" for v in dict.fromkeys(values)]
    return tests[0] if len(tests) == 1 else "(" + " OR ".join(tests) + ")"


def distinct_list(column: str) -> str:
    """list_distinct(column) as SQL, without its cost on lists that are distinct already: lists of at most three
    non-null elements are compared element by element (list_distinct, which also drops nulls, takes the rest; it
    cost most of the time of counting a file's countries, pairs and actors). The order of the elements is not kept
    (list_distinct keeps none either): for counting and grouping."""
    c = column
    return (
        f"CASE WHEN len({c}) = 0 OR (len({c}) = 1 AND {c}[1] IS NOT NULL) THEN {c} "
        f"WHEN len({c}) = 2 AND {c}[1] <> {c}[2] THEN {c} "
        f"WHEN len({c}) = 3 AND {c}[1] <> {c}[2] AND {c}[1] <> {c}[3] AND {c}[2] <> {c}[3] THEN {c} "
        f"ELSE list_distinct({c}) END"
    )


def where_clause(f: Filters, *, counts: bool = False) -> str:
    """The filters as SQL conditions joined by AND ("TRUE" when none). counts=True: only the tests the counts
    files can answer (dates, event types, modes); the caller handles the list filter on their kind."""
    conds: list[str] = []
    if f.review in ("hidden", "corrected"):  # no corrections are applied on the warehouse tier (yet)
        conds.append("FALSE")
    if f.start is not None:
        conds.append(f"date_end > {ts_lit(f.start)}")
    if f.end is not None:
        conds.append(f"date_start <= {ts_lit(f.end)}")
    if f.event_types:
        conds.append(_in("event_type", f.event_types))
    if f.modes:
        conds.append(_in("mode", f.modes))
    if not counts:
        if f.min_salience > 0:
            conds.append(f"salience >= {float(f.min_salience)!r}")
        if f.min_confidence > 0:
            conds.append(f"confidence >= {float(f.min_confidence)!r}")
        if f.countries:
            conds.append(_any_element("countries", f.countries))
        if f.topics:
            conds.append(_any_element("topics", f.topics))
        if f.actors:
            conds.append(
                f"({_in('source_actor', f.actors)} OR {_in('target_actor', f.actors)} OR "
                f"{_any_element('actors', f.actors)})"
            )
        needle = f.text.strip()
        if needle:
            low = f"lower({lit(needle)})"
            conds.append(
                "("
                + " OR ".join(f"contains(lower({c}), {low})" for c in ("summary", "sentence", "title", "location"))
                + ")"
            )
    return " AND ".join(conds) if conds else "TRUE"


def salience_sql(newest_ns: int | None) -> str:
    """store/salience.py's score as a SQL expression over a stored row; recency is measured against newest_ns (the
    newest last_reported in the warehouse, int nanoseconds), so the score never goes stale and equals the Arrow
    store's, which recomputes it for the whole table at each write."""
    w = weights()

    def share(expr: str, cap: float) -> str:
        return f"least(ln(1 + greatest(coalesce({expr}, 0), 0)) / {math.log1p(cap)!r}, 1.0)"

    m = share("CAST(mentions AS DOUBLE)", w["mentions_cap"])
    s = share("CAST(coalesce(len(sources), 0) AS DOUBLE)", w["sources_cap"])
    f = share("CASE WHEN isnan(fatalities) THEN NULL ELSE fatalities END", w["fatalities_cap"])
    if newest_ns is None:
        r = "0.0"
    else:
        r = (
            f"CASE WHEN last_reported IS NULL THEN 0.0 ELSE "
            f"pow(0.5, CAST({int(newest_ns)} - epoch_ns(last_reported) AS DOUBLE) / 86400000000000.0 "
            f"/ {float(w['half_life_days'])!r}) END"
        )
    ms, ss, rs, fs = (float(w[k]) for k in ("mentions_share", "sources_share", "recency_share", "fatalities_share"))
    base = f"({ms!r} * {m} + {ss!r} * {s} + {rs!r} * {r})"
    total = ms + ss + rs
    has_f = "(fatalities IS NOT NULL AND NOT isnan(fatalities))"
    out = f"CASE WHEN {has_f} THEN ({base} + {fs!r} * {f}) / {total + fs!r} ELSE {base} / {total!r} END"
    cases = " ".join(f"WHEN {lit(t)} THEN {float(v)!r}" for t, v in w["type_weight"].items())
    tw = f"CASE event_type {cases} ELSE 0.5 END"
    return f"round(greatest(least(({out}) * {tw}, 1.0), 0.0), 4)"


def salience_parts(table: pa.Table) -> tuple[np.ndarray, np.ndarray]:
    """(static, weight) per row of stored events: salience before rounding = static + weight * r, where r is the
    recency (0.5 ** (days from the row's last report to the newest report / half-life)). Neither depends on the
    newest report, so a file's largest static and weight bound the salience of all its rows from above
    (Warehouse.top_rows skips files whose bound cannot reach the rows already found)."""
    w = weights()
    n = table.num_rows
    if n == 0:
        return np.zeros(0), np.zeros(0)

    def share(values: np.ndarray, cap: float) -> np.ndarray:
        v = np.nan_to_num(values.astype("float64"), nan=0.0).clip(min=0.0)
        return np.minimum(np.log1p(v) / np.log1p(cap), 1.0)

    mentions = table.column("mentions").to_numpy(zero_copy_only=False).astype("float64")
    n_sources = pc.fill_null(pc.list_value_length(table.column("sources")), 0).to_numpy(zero_copy_only=False)
    fat = pc.fill_null(table.column("fatalities"), np.nan).to_numpy(zero_copy_only=False).astype("float64")
    types = table.column("event_type").to_numpy(zero_copy_only=False)
    ms, ss, rs, fs = (float(w[k]) for k in ("mentions_share", "sources_share", "recency_share", "fatalities_share"))
    has_f = ~np.isnan(fat)
    total = ms + ss + rs
    den = np.where(has_f, total + fs, total)
    base = ms * share(mentions, w["mentions_cap"]) + ss * share(n_sources, w["sources_cap"])
    base = base + np.where(has_f, fs * share(fat, w["fatalities_cap"]), 0.0)
    tw = _type_weights(types)
    return tw * base / den, tw * rs / den


def _type_weights(types: np.ndarray) -> np.ndarray:
    import pandas as pd

    codes, uniq = pd.factorize(types)
    w = weights()["type_weight"]
    return np.array([w.get(t, 0.5) for t in uniq] + [0.5], dtype="float64")[codes]


def recency(newest_ns: int | None, last_ns: int | None) -> float:
    """r of store/salience.py for one last report time (0 when either is unknown)."""
    if newest_ns is None or last_ns is None:
        return 0.0
    return 0.5 ** ((newest_ns - last_ns) / 86400e9 / float(weights()["half_life_days"]))


# The options summary (Warehouse.options): events per event type ("event"), country, topic and actor.
OPTION_KINDS = ("event", "country", "topic", "actor")


def options_sql(counts: str) -> str:
    """The options summary (kind, value, n) of the counts relation `counts` (files or a query), as SQL."""
    return f"""SELECT kind, CASE WHEN kind = 'event' THEN event_type ELSE value END AS value,
        CAST(sum(n) AS BIGINT) AS n FROM {counts} WHERE kind IN {OPTION_KINDS} GROUP BY ALL"""
