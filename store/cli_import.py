"""`python -m extract import gdelt|acled FILE... [--store DIR] [--warehouse]`: add GDELT or ACLED event files to the store.

An Arrow store gets the files through EventStore.import_file (rows merged, one summary line). A warehouse
(store/warehouse/) gets them streamed (store/warehouse/imports.py), with the row accounting printed at the end.
--warehouse makes the store a warehouse first (moving an Arrow store's events over), and so does an import that
would take an Arrow store past ARROW_MAX_EVENTS (store/source.py; store/README.md).
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import zipfile

from store.cli_common import add_store_argument, print_summary


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "kind",
        choices=("gdelt", "acled"),
        help="gdelt: GDELT 2.0 export (61 tab-separated columns; the warehouse also reads GDELT 1.0 files of 57 or "
        "58), plain or zipped; acled: ACLED CSV export",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    add_store_argument(parser)
    parser.add_argument(
        "--warehouse",
        action="store_true",
        help="import into the warehouse tier (streamed, for large files); an Arrow store is moved over first",
    )


def estimate_rows(paths: list[str]) -> int:
    """Lines in the files (zip members read through, nothing kept): an upper bound of the rows they bring."""
    total = 0
    for p in paths:
        try:
            with open(p, "rb") as fh:
                zipped = fh.read(4) == b"PK\x03\x04"
            if zipped:
                with zipfile.ZipFile(p) as zf:
                    for m in zf.infolist():
                        with zf.open(m) as fh:
                            total += sum(chunk.count(b"\n") for chunk in iter(lambda fh=fh: fh.read(1 << 22), b""))
            else:
                with open(p, "rb") as fh:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda fh=fh: fh.read(1 << 22), b""))
        except (OSError, zipfile.BadZipFile, EOFError):
            continue  # the import itself names the file
    return total


def run(args: argparse.Namespace) -> int:
    from store.source import ARROW_MAX_EVENTS
    from store.store import default_path
    from store.warehouse import is_warehouse
    from store.warehouse.migrate import arrow_event_count

    path = pathlib.Path(args.store) if args.store else default_path()
    if args.warehouse or is_warehouse(path):
        return _to_warehouse(path, args)
    held = arrow_event_count(path)
    incoming = estimate_rows(args.files)
    if held + incoming > ARROW_MAX_EVENTS:
        print(
            f"note: {path} holds {held:,} events and these files up to {incoming:,} more; an Arrow store past "
            f"{ARROW_MAX_EVENTS:,} events moves to the warehouse tier (store/README.md), so it moves now",
            file=sys.stderr,
        )
        return _to_warehouse(path, args)
    return _to_arrow(path, args)


def _to_arrow(path: pathlib.Path, args: argparse.Namespace) -> int:
    from core.errors import ImportFormatError, StoreError, user_message
    from store import AddSummary, EventStore

    store = EventStore(path)
    total = AddSummary()
    failed_files = 0
    for file in args.files:
        try:
            total.extend(store.import_file(args.kind, file))
        except StoreError:
            raise  # the store itself is the problem: stop and say so
        except (ImportFormatError, OSError) as exc:
            failed_files += 1
            msg = user_message(exc)
            for prefix in (f"{file}: ", f"{pathlib.Path(file).name}: "):
                msg = msg.removeprefix(prefix)
            total.rejected.append((file, msg))
    print_summary(total)
    return 1 if failed_files == len(args.files) else 0


def _to_warehouse(path: pathlib.Path, args: argparse.Namespace) -> int:
    from core.errors import StoreError
    from store.warehouse import Warehouse, is_warehouse
    from store.warehouse.imports import import_files
    from store.warehouse.migrate import migrate

    if not is_warehouse(path):
        if (path / "meta.json").exists():
            print(migrate(path).line(), file=sys.stderr)
        Warehouse.create(path)

    def progress(text: str) -> None:  # a line rewritten in place, on a terminal only
        print(f"\r{text}\x1b[K", end="", file=sys.stderr, flush=True)

    report = import_files(Warehouse(path), args.kind, args.files, progress=progress if sys.stderr.isatty() else None)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for line in report.lines():
        print(line)
    if report.error:
        raise StoreError(report.error)
    _recount_note(path)
    return 1 if len(report.failed_files) == len(report.files) else 0


def _recount_note(path: pathlib.Path) -> None:
    """Say when files' counts lack the rows `store compact` and `store recount` add (a write leaves them out:
    store/README.md)."""
    from store.warehouse import Warehouse, layout

    files = (Warehouse(path).manifest() or {"files": []})["files"]
    short = sum((e.get("pairs") or 0) < layout.RECOUNTED for e in files)
    if short:
        print(
            f"note: {short:,} of {len(files):,} files lack the counts that draw a view of two countries without "
            f"reading its events; once the imports are done, run: python -m extract store compact --store {path} "
            "(it also merges each month's files; store recount only adds the counts)",
            file=sys.stderr,
        )
