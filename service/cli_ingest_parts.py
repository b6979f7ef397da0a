"""`python -m extract ingest-parts DIR [--store DIR] [--allow-missing]`: add the Parquet parts of a sharded
extraction (`python -m extract events ... --out-dir DIR`) to the store, in shard order: an Arrow store or a
warehouse (each report its own event there), whichever the store directory holds."""

from __future__ import annotations

import argparse

from store.cli_common import add_store_argument, print_summary, writable_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("parts_dir", metavar="DIR", help="the directory of parts written by 'events --out-dir'")
    add_store_argument(parser)
    parser.add_argument(
        "--allow-missing",
        action="store_true",
        help="load the parts that are there even when the extraction did not finish every shard",
    )


def run(args: argparse.Namespace) -> int:
    from service.corpus import load_parts

    summary = load_parts(writable_store(args.store), args.parts_dir, allow_missing=args.allow_missing)
    print_summary(summary)
    return 0
