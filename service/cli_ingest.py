"""`python -m extract ingest PATH... [--store DIR] [--published DATE]`: extract events and store them."""

from __future__ import annotations

import argparse
import sys

from store.cli_common import add_store_argument, print_summary, writable_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files, directories, URLs, or - for standard input"
    )
    add_store_argument(parser)
    parser.add_argument(
        "--published",
        metavar="DATE",
        default=None,
        help="publication date for articles that carry none (YYYY-MM-DD or ISO 8601)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on standard error")


def run(args: argparse.Namespace) -> int:
    from service.ingest import add_articles

    store = writable_store(args.store)  # an Arrow store or a warehouse, whichever the directory holds
    show = not args.quiet and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\rextracting {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    summary = add_articles(store, args.paths, published=args.published, progress=progress)
    print_summary(summary)
    return 0 if (summary.added or summary.merged or summary.skipped or not summary.rejected) else 1
