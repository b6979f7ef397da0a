"""`python -m extract store migrate --to warehouse [--store DIR] [--out DIR]`, `python -m extract store info` and
`python -m extract store recount [--store DIR]` and `python -m extract store compact [--store DIR] [--max-rows N]`.

migrate moves an Arrow store to the warehouse tier (store/warehouse/migrate.py): in place by default (the
directory becomes a warehouse in one step at the end; until then it is the Arrow store it was), or into --out,
leaving the Arrow store as it is. info says which tier a store is and what it holds. recount rewrites the counts
files of a warehouse to their fullest form (layout.RECOUNTED): the country pairs (what a country filter's charts
read), the actor rows, and what a write leaves out: the rows of three countries (what a two-country view's lanes
and map read) and each country's topics (Trends by topic of a one- or two-country view); run it after big imports.
compact recounts what needs it and then merges each month's files of a warehouse into files of up to --max-rows
events (4,000,000): a view reads every counts file it touches, so fewer files answer sooner; run it once the
imports are done (it rewrites every file: minutes per 10 million events).
"""

from __future__ import annotations

import argparse
import sys

from store.cli_common import add_store_argument


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    sub.required = True
    mig = sub.add_parser("migrate", help="move an Arrow store to the warehouse tier")
    mig.add_argument("--to", choices=("warehouse",), required=True, help="the tier to move to")
    mig.add_argument("--out", metavar="DIR", help="build the warehouse here and leave the Arrow store as it is")
    add_store_argument(mig)
    info = sub.add_parser("info", help="say which tier the store is and what it holds")
    add_store_argument(info)
    recount = sub.add_parser(
        "recount",
        help="add the country pairs and the rows of three countries to a warehouse's counts (after big imports)",
    )
    add_store_argument(recount)
    compact = sub.add_parser(
        "compact",
        help="merge each month's files of a warehouse into a few large ones and recount them (after big imports)",
    )
    compact.add_argument(
        "--max-rows", type=int, default=None, metavar="N", help="events per merged file at most (default 4,000,000)"
    )
    add_store_argument(compact)


def run(args: argparse.Namespace) -> int:
    import pathlib

    from store.store import default_path

    path = pathlib.Path(args.store) if args.store else default_path()
    if args.action == "migrate":
        return _migrate(path, args)
    if args.action == "recount":
        return _recount(path)
    if args.action == "compact":
        return _compact(path, args.max_rows)
    return _info(path)


def _recount(path) -> int:
    from core.errors import StoreError
    from store.warehouse import Warehouse, is_warehouse

    if not is_warehouse(path):
        raise StoreError(f"{path}: not a warehouse (recount rewrites a warehouse's counts files)")

    def progress(done: int, total: int) -> None:
        print(f"\r{done:,} / {total:,} files", end="", file=sys.stderr, flush=True)

    had_summary = bool((Warehouse(path).manifest() or {}).get("options"))
    with Warehouse(path).writer() as w:
        n = w.recount(progress=progress)
        w.drop_retired()  # the counts files replaced leave the disk now, not at the next import
    print(file=sys.stderr)
    print(f"{path}: {n:,} counts files rewritten" if n else f"{path}: every counts file is already in its fullest form")
    if not had_summary and (Warehouse(path).manifest() or {}).get("options"):
        print(f"{path}: the sidebar's choices summarized (summary/)")
    return 0


def _compact(path, max_rows: int | None) -> int:
    from core.errors import StoreError
    from store.warehouse import Warehouse, is_warehouse
    from store.warehouse.writer import MERGED_ROWS

    if not is_warehouse(path):
        raise StoreError(f"{path}: not a warehouse (compact merges a warehouse's files)")
    if max_rows is not None and max_rows < 1:
        raise StoreError(f"--max-rows must be at least 1, not {max_rows:,}")

    def progress(done: int, total: int) -> None:
        print(f"\r{done:,} / {total:,} files recounted", end="", file=sys.stderr, flush=True)

    before = len((Warehouse(path).manifest() or {"files": []})["files"])
    with Warehouse(path).writer() as w:
        # recount first, file by file, then merge (the merged counts are the sums): counting the trio rows of a
        # merged month at once took a 5,000,000-row import's compact to a peak of 1.95 GB
        recounted = w.recount(progress=progress)
        merged = w.merge_partitions(max_rows or MERGED_ROWS)
        w.drop_retired()  # the files merged away leave the disk now, not at the next import
    if recounted:
        print(file=sys.stderr)
    after = len((Warehouse(path).manifest() or {"files": []})["files"])
    print(f"{path}: {before:,} files merged into {after:,}" if merged else f"{path}: no month has files to merge")
    if recounted:
        print(f"{path}: {recounted:,} counts files rewritten (store recount)")
    return 0


def _migrate(path, args) -> int:
    from store.corrections import FILE as CORRECTIONS
    from store.warehouse.migrate import migrate

    def progress(done: int, total: int) -> None:
        print(f"\r{done:,} / {total:,} events", end="", file=sys.stderr, flush=True)

    report = migrate(path, out=args.out, progress=progress)
    print(file=sys.stderr)
    print(report.line())
    if (path / CORRECTIONS).exists():
        print(
            f"note: {path / CORRECTIONS} (analysts' corrections) stays beside the store, but the warehouse tier does "
            "not apply corrections yet: hidden or corrected events show as imported or extracted",
            file=sys.stderr,
        )
    return 0


def _info(path) -> int:
    from store.source import open_store
    from store.warehouse import layout

    src = open_store(path)
    if src.tier == "warehouse":
        m = src.manifest() or {"files": [], "generation": 0}
        rows = sum(e["rows"] for e in m["files"])
        size = sum(e["bytes"] for e in m["files"])
        origins = sorted({e["origin"] for e in m["files"]})
        print(
            f"{path}: warehouse, {rows:,} events in {len(m['files'])} files ({size / 1e6:,.1f} MB, "
            f"{size / max(rows, 1):.0f} bytes/event), origins {', '.join(origins) or 'none'}, generation "
            f"{m['generation']}, {sum((e.get('pairs') or 0) >= layout.RECOUNTED for e in m['files'])} of "
            f"{len(m['files'])} files recounted (store recount)"
        )
        from store.warehouse.writer import merge_groups, partitions_of

        mergeable = len({key for key, _ in merge_groups(m["files"])})
        if mergeable:
            print(
                f"{path}: {mergeable:,} of {len(partitions_of(m['files'])):,} partitions (origin and month) hold "
                "files that store compact would merge (fewer files answer a view sooner)"
            )
    else:
        from store.warehouse.migrate import arrow_event_count

        print(f"{path}: Arrow store, {arrow_event_count(path):,} events")
    return 0
