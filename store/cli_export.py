"""`python -m extract export --format csv|jsonl|parquet|timelinejs [filters] [-o OUT] [--store DIR]`."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys

from store.cli_common import add_store_argument

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _date(text: str, end: bool) -> dt.date:
    """YYYY, YYYY-MM or YYYY-MM-DD; as a --to bound, a year or month means its last day."""
    m = _DATE.match(text.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            return dt.date(y, int(mo), int(d))
        if mo:
            first = dt.date(y, int(mo), 1)
            if not end:
                return first
            nxt = dt.date(y + (first.month == 12), first.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(y, 12, 31) if end else dt.date(y, 1, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a valid date") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from core.schema import MODES

    parser.add_argument("--format", choices=("csv", "jsonl", "parquet", "timelinejs"))
    parser.add_argument(
        "--corrections",
        action="store_true",
        help="write the store's correction log alone (JSON lines; `corrections import` reads it into another store)",
    )
    parser.add_argument(
        "--country", action="append", default=[], metavar="ISO3", help="keep events involving this country (repeatable)"
    )
    parser.add_argument("--actor", action="append", default=[], metavar="NAME", help="repeatable")
    parser.add_argument("--topic", action="append", default=[], metavar="T", help="repeatable")
    parser.add_argument("--event-type", action="append", default=[], metavar="T", help="PLOVER type; repeatable")
    parser.add_argument("--from", dest="start", type=lambda s: _date(s, False), metavar="DATE")
    parser.add_argument("--to", dest="end", type=lambda s: _date(s, True), metavar="DATE")
    parser.add_argument("--text", default="", metavar="S", help="case-insensitive text search")
    parser.add_argument("--min-salience", type=float, default=0.0, metavar="X")
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help="only events at least this likely to be a real happening (0..1; the extractor's confidence)",
    )
    parser.add_argument(
        "--include-modes",
        nargs="+",
        default=[],
        choices=MODES + ("all",),
        metavar="MODE",
        help=f"also export events in these modes ({', '.join(MODES)} or all); default: actual only",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output)")
    add_store_argument(parser)


def filters_from_args(args: argparse.Namespace):
    from core.schema import MODES
    from store.query import DEFAULT_MODES, Filters

    modes = MODES if "all" in args.include_modes else tuple(dict.fromkeys(DEFAULT_MODES + tuple(args.include_modes)))
    return Filters(
        start=args.start,
        end=args.end,
        countries=tuple(c.upper() for c in args.country),
        actors=tuple(args.actor),
        topics=tuple(args.topic),
        event_types=tuple(t.upper() for t in args.event_type),
        text=args.text,
        min_salience=args.min_salience,
        min_confidence=args.min_confidence,
        modes=modes,
    )


def run(args: argparse.Namespace) -> int:
    from core.errors import StoreError
    from store import EventStore
    from store.export import export_events
    from store.query import apply_filters

    if args.corrections:
        return _write_corrections(args)
    if not args.format:
        print("error: give --format (csv, jsonl, parquet or timelinejs) or --corrections", file=sys.stderr)
        return 2
    if args.format == "parquet" and not args.output and sys.stdout.isatty():
        print("error: Parquet is binary: give -o FILE or redirect standard output", file=sys.stderr)
        return 2
    from store.store import default_path
    from store.warehouse import is_warehouse

    if is_warehouse(default_path() if args.store is None else args.store):
        return _from_warehouse(args)
    store = EventStore(args.store)
    events = store.events()
    chosen = apply_filters(events, filters_from_args(args))
    data = export_events(chosen, args.format)
    if args.output:
        try:
            with open(args.output, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise StoreError(f"{args.output}: cannot write the export ({exc.strerror or exc})") from exc
        where = args.output
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        where = "standard output"
    print(f"exported {len(chosen)} of {len(events)} events as {args.format} to {where}", file=sys.stderr)
    return 0


def _from_warehouse(args: argparse.Namespace) -> int:
    """A warehouse's events streamed out batch by batch (store.export.write_events), ordered by date; a file is
    written beside OUT and renamed into place at the end, so a failed export leaves no half file."""
    import os
    import pathlib

    from core.errors import StoreError
    from store.export import write_events
    from store.store import default_path
    from store.warehouse import Warehouse
    from store.warehouse.layout import tmp_name

    wh = Warehouse(default_path() if args.store is None else args.store)
    total = int(((wh.manifest() or {}).get("counts") or {}).get("events", 0))
    frames = wh.iter_frames(filters_from_args(args))
    try:
        if args.output:
            out = pathlib.Path(args.output)
            tmp = tmp_name(out)
            try:
                with open(tmp, "wb") as fh:
                    rows = write_events(frames, args.format, fh)
                os.replace(tmp, out)
            except OSError as exc:
                raise StoreError(f"{args.output}: cannot write the export ({exc.strerror or exc})") from exc
            finally:
                tmp.unlink(missing_ok=True)
            where = args.output
        else:
            rows = write_events(frames, args.format, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            where = "standard output"
    except ValueError as exc:  # a TimelineJS export too large to read
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"exported {rows} of {total} events as {args.format} to {where}", file=sys.stderr)
    return 0


def _write_corrections(args: argparse.Namespace) -> int:
    """The correction log alone, as JSON lines."""
    import json

    from core.errors import StoreError
    from store import EventStore

    lines = EventStore(args.store).corrections.entries()
    data = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode("utf-8")
    if args.output:
        try:
            with open(args.output, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise StoreError(f"{args.output}: cannot write the corrections ({exc.strerror or exc})") from exc
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    print(f"exported {len(lines)} corrections to {args.output or 'standard output'}", file=sys.stderr)
    return 0
