"""`python -m extract import gdelt|acled FILE... [--store DIR]`: add GDELT or ACLED event files to the store."""

from __future__ import annotations

import argparse
import pathlib

from store.cli_common import add_store_argument, print_summary


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "kind",
        choices=("gdelt", "acled"),
        help="gdelt: GDELT 2.0 event export (61 tab-separated columns, plain or zipped); acled: ACLED CSV export",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    add_store_argument(parser)


def run(args: argparse.Namespace) -> int:
    from core.errors import ImportFormatError, StoreError, user_message
    from store import AddSummary, EventStore

    store = EventStore(args.store)
    total = AddSummary()
    failed_files = 0
    for path in args.files:
        try:
            total.extend(store.import_file(args.kind, path))
        except StoreError:
            raise  # the store itself is the problem: stop and say so
        except (ImportFormatError, OSError) as exc:
            failed_files += 1
            msg = user_message(exc)
            for prefix in (f"{path}: ", f"{pathlib.Path(path).name}: "):
                msg = msg.removeprefix(prefix)
            total.rejected.append((path, msg))
    print_summary(total)
    return 1 if failed_files == len(args.files) else 0
