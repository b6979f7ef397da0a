"""Benchmark the warehouse tier: a streaming GDELT import and the dashboard's questions over a large warehouse.

    .venv/bin/python bench/bench_warehouse.py [--rows 5000000] [--events 100000000] [--dir /tmp/wh-bench] [--keep]
    .venv/bin/python bench/bench_warehouse.py --skip-import --events 10000000     # only the query part, smaller

1. Import: writes a GDELT 2.0 export of --rows rows (61 tab-separated columns; a month of 15-minute stamps, event
   codes, countries, actors, places and URLs drawn with GDELT-like cardinalities, about a fifth 01x statements) to
   --dir, then times `python -m extract import gdelt FILE --store DIR --warehouse` in a child process: rows/s and
   the child's peak memory (VmHWM). Targets (issue 13): >= 100,000 rows/s, <= 1.5 GB.
2. Queries: fills a warehouse with --events generated GDELT events (the same generator without statements, over
   four years, mapped and written by the import's own code, so the files are what imports make), then in a fresh
   child process: the first count, a one-year count by day x event type x country (target <= 1 s), the same with a
   country filter, the 200 most salient events of the year, the sidebar options; the child's peak memory (the
   server's, target <= 2 GB) and the disk bytes per event (target <= 100).

Figures, not pass/fail: wall times on the shared 2-core machine stretch, so CPU time and the load average are
printed beside them. Everything is written under --dir (default /tmp/wh-bench), removed at the end unless --keep.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import shutil
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
DATA = ROOT / "store" / "importers" / "data"

# Share of GDELT events per CAMEO root code (roughly as in GDELT 2.0's event table).
ROOT_SHARES = {
    "01": 0.20,
    "02": 0.07,
    "03": 0.08,
    "04": 0.19,
    "05": 0.08,
    "06": 0.03,
    "07": 0.025,
    "08": 0.03,
    "09": 0.01,
    "10": 0.02,
    "11": 0.045,
    "12": 0.02,
    "13": 0.02,
    "14": 0.02,
    "15": 0.007,
    "16": 0.015,
    "17": 0.045,
    "18": 0.025,
    "19": 0.04,
    "20": 0.001,
}
ROLES = ["GOVERNMENT", "POLICE", "MILITARY", "PRESIDENT", "PRIME MINISTER", "PROTESTER", "REBEL", "COMPANY",
         "SCHOOL", "HOSPITAL", "MEDIA", "COURT", "PARLIAMENT", "MINISTRY", "OPPOSITION", "CITIZEN", "REFUGEE",
         "TERRORIST", "ARMED GANG", "UNITED NATIONS"]  # fmt: skip
FIRST = ["JOHN", "MARIA", "AHMED", "LI", "OLGA", "JAMES", "FATIMA", "CARLOS", "ANNA", "DAVID", "YUKI", "IVAN",
         "AMINA", "PEDRO", "SARAH", "MOHAMMED", "ELENA", "KWAME", "RAJ", "EMMA"]  # fmt: skip
LAST = ["SMITH", "GARCIA", "KHAN", "WANG", "PETROV", "MULLER", "SILVA", "NGUYEN", "ROSSI", "KIM", "COHEN",
        "OKAFOR", "SINGH", "BROWN", "LOPEZ", "HASSAN", "IVANOV", "TANAKA", "MARTIN", "NOVAK"]  # fmt: skip
WORDS = ["police", "election", "minister", "talks", "attack", "border", "protest", "trade", "court", "army",
         "president", "deal", "crisis", "vote", "strike", "aid", "rebels", "summit", "sanctions", "ceasefire",
         "economy", "oil", "report", "city", "government", "war", "security", "law", "market", "health"]  # fmt: skip
# The most reported countries first (the generator's draws favour the head of the list), as CAMEO and FIPS codes.
TOP_CAMEO = [
    "USA",
    "GBR",
    "RUS",
    "CHN",
    "UKR",
    "ISR",
    "IND",
    "FRA",
    "DEU",
    "IRN",
    "PAK",
    "TUR",
    "AUS",
    "CAN",
    "JPN",
    "SYR",
    "AFG",
    "NGA",
    "ZAF",
    "KOR",
    "PSE",
    "MEX",
    "BRA",
    "ITA",
    "EGY",
    "SAU",
    "IRQ",
    "PHL",
]
TOP_FIPS = ["US", "UK", "RS", "CH", "UP", "IS", "IN", "FR", "GM", "IR", "PK", "TU", "AS", "CA", "JA", "SY", "AF",
            "NI", "SF", "KS", "WE", "MX", "BR", "IT", "EG", "SA", "IZ", "RP"]  # fmt: skip
SECTIONS = ["news", "world", "politics", "local", "business", "us", "europe", "africa", "asia", "opinion"]


def _sq(values) -> str:
    return "[" + ", ".join("'" + str(v).replace("'", "''") + "'" for v in values) + "]"


def setup_tables(con) -> None:
    """Small lookup tables the generator draws from (codes from the importer's own code tables)."""
    con.execute(f"""
        CREATE OR REPLACE TABLE codes AS
        WITH c AS (SELECT cameo AS code, plover, substr(cameo, 1, 2) AS root
                   FROM read_csv('{DATA / "cameo_to_plover.csv"}', all_varchar = true) WHERE length(cameo) >= 2),
        w AS (SELECT code, plover, root, count(*) OVER (PARTITION BY root) AS k FROM c)
        SELECT code, plover, root, m.share / k AS weight FROM w
        JOIN (SELECT unnest(map_keys(m)) AS root, unnest(map_values(m)) AS share
              FROM (SELECT MAP {{{", ".join(f"'{k}': {v}" for k, v in ROOT_SHARES.items())}}} AS m)) m USING (root)
    """)
    con.execute(f"""
        CREATE OR REPLACE TABLE countries AS
        SELECT row_number() OVER (ORDER BY coalesce(list_position({_sq(TOP_CAMEO)}, cameo), 999), cameo) - 1 AS k,
            cameo, upper(name) AS name
        FROM read_csv('{DATA / "cameo_country_to_iso3.csv"}', all_varchar = true) WHERE iso3 <> ''
    """)
    con.execute(f"""
        CREATE OR REPLACE TABLE fips AS
        SELECT row_number() OVER (ORDER BY coalesce(list_position({_sq(TOP_FIPS)}, fips), 999), fips) - 1 AS k,
            fips, name
        FROM read_csv('{DATA / "fips_to_iso3.csv"}', all_varchar = true) WHERE iso3 <> ''
    """)


def gdelt_sql(con, n: int, *, first_id: int, start: str, days: int, statements: bool, line: bool = False) -> str:
    """SQL giving n rows of a GDELT 2.0 export (the 61 columns as text, in order; line=True adds "line", the row's
    line number). Pseudo-random by hashing the row number, so the same arguments give the same rows whatever the
    thread count."""
    setup_tables(con)
    codes = con.execute(
        "SELECT code, plover, weight FROM codes" + ("" if statements else " WHERE plover <> ''") + " ORDER BY code"
    ).fetchall()
    total = sum(w for _, _, w in codes)
    # 4,096 slots shared out by weight: a code is drawn by one list lookup (no join, so the rows stream in order)
    slots, acc = [], 0.0
    for code, _p, w in codes:
        acc += w / total * 4096
        slots += [code] * (round(acc) - len(slots))
    slots += [codes[-1][0]] * (4096 - len(slots))
    cameo = con.execute("SELECT cameo, name FROM countries ORDER BY k").fetchall()
    fips = con.execute("SELECT fips, name FROM fips ORDER BY k").fetchall()
    n_countries, n_fips = len(cameo), len(fips)
    c_code, c_name = _sq(c for c, _ in cameo), _sq(nm for _, nm in cameo)
    f_code, f_name = _sq(c for c, _ in fips), _sq(nm for _, nm in fips)
    people = [f"{a} {b}" for a in FIRST for b in LAST]

    def r(k: int) -> str:  # uniform in [0, 1) from the row number and a stream k
        return f"((hash(i, {k}) % 1000000007) / 1000000007.0)"

    def zipf(k: int, size: int, power: float = 3.0) -> str:
        return f"CAST(floor({size} * pow({r(k)}, {power})) AS BIGINT)"

    span_s = days * 86400
    return f"""
    WITH base AS (
        SELECT i, {first_id} + i AS gid,
            TIMESTAMP '{start}' + to_seconds(CAST(floor(i * {span_s}.0 / {n} / 900) * 900 AS BIGINT)) AS added,
            {r(1)} AS u_code, {r(2)} AS u_a1, {r(3)} AS u_a2, {r(4)} AS u_lag, {r(5)} AS u_geo,
            {zipf(6, n_countries)} AS c1, {zipf(7, n_countries)} AS c2, {zipf(8, n_fips)} AS g,
            {zipf(9, 4000, 2.0)} AS name1, {zipf(10, 4000, 2.0)} AS name2, {zipf(11, 25000, 2.0)} AS place,
            CAST(floor(20000 * pow((hash(i // 3, 12) % 1000003) / 1000003.0, 2.5)) AS BIGINT) AS outlet,
            i // 3 AS article,
            CAST(1 + floor(-ln(1 - {r(13)}) * 4) AS BIGINT) AS mentions,
            {r(14)} AS u_tone
        FROM range({n}) t(i)
    ), coded AS (
        SELECT *, {_sq(slots)}[1 + CAST(floor(u_code * 4096) AS BIGINT)] AS code FROM base
    ), shaped AS (
        SELECT *,
            CAST(added AS DATE) - CAST(CASE WHEN u_lag < 0.85 THEN floor(u_lag / 0.85 * 2)
                                           WHEN u_lag < 0.95 THEN 2 + floor((u_lag - 0.85) * 280)
                                           ELSE 30 + floor((u_lag - 0.95) * 6700) END AS INTEGER) AS day,
            CASE WHEN u_a1 < 0.75 THEN {c_code}[c1 + 1] ELSE '' END AS a1c,
            CASE WHEN u_a2 < 0.55 THEN {c_code}[c2 + 1] ELSE '' END AS a2c
        FROM coded
    ), named AS (
        SELECT *,
            CASE WHEN a1c = '' THEN '' WHEN name1 < 300 THEN {c_name}[c1 + 1]
                 WHEN name1 < 2000 THEN {_sq(ROLES)}[1 + name1 % {len(ROLES)}]
                 ELSE {_sq(people)}[1 + name1 % {len(people)}] END AS a1n,
            CASE WHEN a2c = '' THEN (CASE WHEN u_a2 < 0.7 THEN {_sq(ROLES)}[1 + name2 % {len(ROLES)}] ELSE '' END)
                 WHEN name2 < 300 THEN {c_name}[c2 + 1]
                 ELSE {_sq(people)}[1 + name2 % {len(people)}] END AS a2n,
            CASE WHEN u_geo < 0.95 THEN {f_code}[g + 1] ELSE '' END AS gc,
            CASE WHEN u_geo < 0.95 THEN 'City ' || place || ', Region ' || (place % 50) || ', '
                 || {f_name}[g + 1] ELSE '' END AS gname
        FROM shaped
    )
    SELECT
        CAST(gid AS VARCHAR) AS GLOBALEVENTID,
        strftime(day, '%Y%m%d') AS SQLDATE,
        strftime(day, '%Y%m') AS MonthYear,
        strftime(day, '%Y') AS Year,
        CAST(round(year(day) + dayofyear(day) / 365.0, 4) AS VARCHAR) AS FractionDate,
        CASE WHEN a1c <> '' THEN a1c || 'GOV' ELSE '' END AS Actor1Code, a1n AS Actor1Name, a1c AS Actor1CountryCode,
        '' AS Actor1KnownGroupCode, '' AS Actor1EthnicCode, '' AS Actor1Religion1Code, '' AS Actor1Religion2Code,
        CASE WHEN a1c <> '' THEN 'GOV' ELSE '' END AS Actor1Type1Code, '' AS Actor1Type2Code, '' AS Actor1Type3Code,
        CASE WHEN a2c <> '' THEN a2c ELSE '' END AS Actor2Code, a2n AS Actor2Name, a2c AS Actor2CountryCode,
        '' AS Actor2KnownGroupCode, '' AS Actor2EthnicCode, '' AS Actor2Religion1Code, '' AS Actor2Religion2Code,
        '' AS Actor2Type1Code, '' AS Actor2Type2Code, '' AS Actor2Type3Code,
        CAST(CAST(u_tone < 0.5 AS INTEGER) AS VARCHAR) AS IsRootEvent,
        code AS EventCode, substr(code, 1, 3) AS EventBaseCode, substr(code, 1, 2) AS EventRootCode,
        CAST(1 + CAST(floor(u_code * 4) AS INTEGER) AS VARCHAR) AS QuadClass,
        CAST(round(u_code * 20 - 10, 1) AS VARCHAR) AS GoldsteinScale,
        CAST(mentions AS VARCHAR) AS NumMentions,
        CAST(greatest(1, mentions // 2) AS VARCHAR) AS NumSources,
        CAST(mentions AS VARCHAR) AS NumArticles,
        CAST(round(u_tone * 20 - 12, 13) AS VARCHAR) AS AvgTone,
        CASE WHEN gc <> '' THEN '4' ELSE '0' END AS Actor1Geo_Type, gname AS Actor1Geo_FullName,
        gc AS Actor1Geo_CountryCode, CASE WHEN gc <> '' THEN gc || '0' || (place % 9) ELSE '' END AS Actor1Geo_ADM1Code,
        '' AS Actor1Geo_ADM2Code,
        CASE WHEN gc <> '' THEN CAST(round(place % 170 - 80 + (place % 997) / 1000.0, 4) AS VARCHAR) ELSE '' END
            AS Actor1Geo_Lat,
        CASE WHEN gc <> '' THEN CAST(round(place % 350 - 170 + (place % 991) / 1000.0, 4) AS VARCHAR) ELSE '' END
            AS Actor1Geo_Long,
        CASE WHEN gc <> '' THEN CAST(-place AS VARCHAR) ELSE '' END AS Actor1Geo_FeatureID,
        '0' AS Actor2Geo_Type, '' AS Actor2Geo_FullName, '' AS Actor2Geo_CountryCode, '' AS Actor2Geo_ADM1Code,
        '' AS Actor2Geo_ADM2Code, '' AS Actor2Geo_Lat, '' AS Actor2Geo_Long, '' AS Actor2Geo_FeatureID,
        CASE WHEN gc <> '' THEN '4' ELSE '0' END AS ActionGeo_Type, gname AS ActionGeo_FullName,
        gc AS ActionGeo_CountryCode, CASE WHEN gc <> '' THEN gc || '0' || (place % 9) ELSE '' END AS ActionGeo_ADM1Code,
        '' AS ActionGeo_ADM2Code,
        CASE WHEN gc <> '' THEN CAST(round(place % 170 - 80 + (place % 997) / 1000.0, 4) AS VARCHAR) ELSE '' END
            AS ActionGeo_Lat,
        CASE WHEN gc <> '' THEN CAST(round(place % 350 - 170 + (place % 991) / 1000.0, 4) AS VARCHAR) ELSE '' END
            AS ActionGeo_Long,
        CASE WHEN gc <> '' THEN CAST(-place AS VARCHAR) ELSE '' END AS ActionGeo_FeatureID,
        strftime(added, '%Y%m%d%H%M%S') AS DATEADDED,
        'https://www.outlet' || outlet || '.com/' || {_sq(SECTIONS)}[1 + (article % {len(SECTIONS)})] || '/'
            || strftime(added, '%Y/%m/%d') || '/'
            || {_sq(WORDS)}[1 + CAST(hash(article, 1) % {len(WORDS)} AS BIGINT)] || '-' || {_sq(WORDS)}[1 + CAST(hash(article, 2) % {len(WORDS)} AS BIGINT)]
            || '-' || {_sq(WORDS)}[1 + CAST(hash(article, 3) % {len(WORDS)} AS BIGINT)] || '-' || {_sq(WORDS)}[1 + CAST(hash(article, 4) % {len(WORDS)} AS BIGINT)]
            || '-' || CAST(article % 9999991 AS VARCHAR) || '.html' AS SOURCEURL
            {", i + 1 AS line" if line else ""}
    FROM named
    """


def _peak_mb() -> float:
    for line in open("/proc/self/status", encoding="ascii"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024.0
    return float("nan")


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


# ---- the import --------------------------------------------------------------------------------------------------
def write_export(path: pathlib.Path, rows: int) -> float:
    import duckdb

    t0 = time.perf_counter()
    con = duckdb.connect(config={"threads": 2, "memory_limit": "1GB", "temp_directory": str(path.parent / "spill")})
    sql = gdelt_sql(con, rows, first_id=1_200_000_000, start="2024-03-01", days=30, statements=True)
    con.execute(f"COPY ({sql}) TO '{path}' (FORMAT csv, HEADER false, DELIMITER '\t', QUOTE '', ESCAPE '')")
    con.close()
    os.sync()  # the 1.8 GB just written reach the disk now, not while the import is timed
    return time.perf_counter() - t0


def child_import(file: str, store: str) -> None:
    from service.cli import main

    t0, c0 = time.perf_counter(), time.process_time()
    code = main(["import", "gdelt", file, "--store", store, "--warehouse"])
    print(json.dumps({"code": code, "wall": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                      "peak_mb": _peak_mb()}))  # fmt: skip


def run_child(args: list[str]) -> dict:
    out = subprocess.run(
        [sys.executable, str(pathlib.Path(__file__).resolve()), "--child", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{out.stdout}\n{out.stderr}")
    lines = out.stdout.strip().splitlines()
    result = json.loads(lines[-1])
    result["output"] = "\n".join(lines[:-1])
    result["stderr"] = out.stderr
    return result


# ---- the large warehouse -----------------------------------------------------------------------------------------
def build_warehouse(path: pathlib.Path, events: int, batch: int = 250_000, days: int = 1461) -> dict:
    """events generated GDELT events over 2022-2025 (about 68,000 a day for 100 million), in time order as imports
    would bring them, mapped and written by the import's own code (imports.GdeltMapper, the warehouse writer)."""
    import datetime as dt

    import duckdb
    import pyarrow as pa

    from store.warehouse import Warehouse
    from store.warehouse.imports import GDELT_USED, GdeltMapper
    from store.warehouse.writer import helper_connection

    t0, c0 = time.perf_counter(), time.process_time()
    wh = Warehouse.create(path)
    gen = duckdb.connect(
        config={
            "threads": 2,
            "memory_limit": "1GB",
            "preserve_insertion_order": True,
            "temp_directory": str(path.parent / "spill"),  # not DuckDB's default .tmp/ in the working directory
        }
    )
    mapper = GdeltMapper(helper_connection(wh))
    done, chunks = 0, max(1, events // 5_000_000)
    with wh.writer(commit_rows=5_000_000) as w:
        for k in range(chunks):  # each chunk: the next stretch of days, like a month of daily files
            first, last = k * events // chunks, (k + 1) * events // chunks
            start = dt.date(2022, 1, 1) + dt.timedelta(days=k * days // chunks)
            span = (k + 1) * days // chunks - k * days // chunks
            sql = gdelt_sql(gen, last - first, first_id=1_000_000_000 + first, start=start.isoformat(), days=span,
                            statements=False, line=True)  # fmt: skip
            reader = gen.sql(f"SELECT {', '.join(GDELT_USED)}, line FROM ({sql})").to_arrow_reader(batch)
            for rb in reader:
                rows, _bad = mapper.map(pa.Table.from_batches([rb]), f"generated-{k}.export.CSV", "%Y%m%d%H%M%S")
                w.append(rows)
                done += rows.num_rows
            print(f"  {done:,} events ({time.perf_counter() - t0:.0f} s, load {_load()})", flush=True)
    manifest = wh.manifest()
    return {
        "events": sum(e["rows"] for e in manifest["files"]),
        "files": len(manifest["files"]),
        "bytes": sum(e["bytes"] for e in manifest["files"]),
        "wall": time.perf_counter() - t0,
        "cpu": time.process_time() - c0,
    }


def child_queries(store: str) -> None:
    import datetime as dt

    from store.query import Filters
    from store.source import open_store

    out = {}
    t0 = time.perf_counter()
    src = open_store(store)
    m = src.manifest()
    last = max(e["max_start"] for e in m["files"])[:10]
    year_end = dt.date.fromisoformat(last)
    year = Filters(start=year_end - dt.timedelta(days=365), end=year_end)

    def timed(name, fn, repeats=3):
        times, cpus = [], []
        for _ in range(repeats):
            src.forget()  # the warehouse keeps its answers; each repeat computes again on the warm connection
            t, c = time.perf_counter(), time.process_time()
            result = fn()
            times.append(time.perf_counter() - t)
            cpus.append(time.process_time() - c)
        out[name] = {"first_s": times[0], "best_s": min(times), "cpu_s": min(cpus), "rows": len(result)
                     if hasattr(result, "__len__") else result}  # fmt: skip

    timed("count (default filters, first question)", lambda: src.count(Filters()), repeats=1)
    timed(
        "one year: count by day x event type x country",
        lambda: src.aggregate(year, ("period:day", "event_type", "country")),
    )
    timed("one year, country USA: count by week x event type", lambda: src.aggregate(
        Filters(start=year.start, end=year.end, countries=("USA",)), ("period:week", "event_type")))  # fmt: skip
    timed("one year, two countries: count by week x event type (scan)", lambda: src.aggregate(
        Filters(start=year.start, end=year.end, countries=("USA", "RUS")), ("period:week", "event_type")))  # fmt: skip
    timed("one year: 200 most salient events", lambda: src.top_rows(year, 200), repeats=2)
    timed("one year, country RUS: 200 most salient events", lambda: src.top_rows(
        Filters(start=year.start, end=year.end, countries=("RUS",)), 200), repeats=2)  # fmt: skip
    timed("sidebar options", lambda: src.options().countries, repeats=2)
    out["_total_s"] = time.perf_counter() - t0
    out["_peak_mb"] = _peak_mb()
    print(json.dumps(out))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=5_000_000, help="rows of the GDELT export to import")
    ap.add_argument("--events", type=int, default=100_000_000, help="events of the query warehouse")
    ap.add_argument("--dir", default="/tmp/wh-bench")
    ap.add_argument("--keep", action="store_true", help="keep the generated files and warehouses")
    ap.add_argument("--skip-import", action="store_true")
    ap.add_argument("--skip-queries", action="store_true")
    ap.add_argument("--reuse", action="store_true", help="query the warehouse already in --dir if there is one")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        if args.child[0] == "import":
            child_import(*args.child[1:])
        elif args.child[0] == "queries":
            child_queries(*args.child[1:])
        return 0
    base = pathlib.Path(args.dir)
    base.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, load average {_load()}")
    try:
        if not args.skip_import:
            export = base / "20240301.export.CSV"
            t = write_export(export, args.rows)
            print(f"wrote {args.rows:,} GDELT 2.0 rows ({export.stat().st_size / 1e9:.2f} GB) in {t:.1f} s")
            store = base / "import-warehouse"
            shutil.rmtree(store, ignore_errors=True)
            r = run_child(["import", str(export), str(store)])
            print(r["output"])
            print(
                f"import: {args.rows:,} rows in {r['wall']:.1f} s wall ({args.rows / r['wall']:,.0f} rows/s), "
                f"{r['cpu']:.1f} s CPU, peak {r['peak_mb']:,.0f} MB, load {_load()}  [targets >= 100,000 rows/s, "
                "<= 1,536 MB]"
            )
            r2 = run_child(["import", str(export), str(store)])
            print(f"same file again: {r2['wall']:.1f} s, peak {r2['peak_mb']:,.0f} MB; {r2['output'].splitlines()[-1]}")
            if not args.keep:
                export.unlink()
                shutil.rmtree(store, ignore_errors=True)
        if not args.skip_queries:
            store = base / "query-warehouse"
            from store.warehouse import is_warehouse

            if not (args.reuse and is_warehouse(store)):
                shutil.rmtree(store, ignore_errors=True)
                print(f"building a warehouse of {args.events:,} generated events ...", flush=True)
                b = build_warehouse(store, args.events)
                print(
                    f"built: {b['events']:,} events in {b['files']} files, {b['bytes'] / 1e9:.2f} GB "
                    f"({b['bytes'] / max(b['events'], 1):.1f} bytes/event) in {b['wall']:.0f} s wall, {b['cpu']:.0f} s CPU"
                )
            from store.warehouse import Warehouse

            with Warehouse(store).writer(compact=False) as w:  # a warehouse built before the bounds were kept
                w.refresh_bounds()
            m = Warehouse(store).manifest()
            n, size = sum(e["rows"] for e in m["files"]), sum(e["bytes"] for e in m["files"])
            print(f"disk: {size / max(n, 1):.1f} bytes per event ({size / 1e9:.2f} GB, {n:,} events)  [target <= 100]")
            q = run_child(["queries", str(store)])
            for name, v in q.items():
                if isinstance(v, dict):
                    print(f"  {name}: first {v['first_s']:.2f} s, best {v['best_s']:.2f} s, CPU {v['cpu_s']:.2f} s "
                          f"({v['rows']:,} rows)")  # fmt: skip
            print(f"query process: peak {q['_peak_mb']:,.0f} MB, {q['_total_s']:.1f} s in all, load {_load()}  "
                  "[targets: one-year count <= 1 s, memory <= 2,048 MB]")  # fmt: skip
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
