"""`python -m extract events PATH... [--published DATE] [--format jsonl|csv|parquet] [-o OUT]`.

Reads the inputs (files, directories, URLs, "-" for standard input, as extract.ingest accepts), extracts
events with both cores for batches, and writes them: JSON lines (one event a line, streamed as
articles finish), CSV or Parquet (Parquet needs -o), by core.serialize, as `extract export` writes them.
A note goes to standard error for each input that was rejected and for each article that yields no
event, saying why.
"""

from __future__ import annotations

import argparse
import sys

from core.serialize import jsonl_lines, to_csv, to_parquet
from extract.events.pipeline import iter_events, load_inputs, rows_to_frame


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files, directories, URLs, or - for stdin")
    parser.add_argument(
        "--published",
        metavar="DATE",
        default=None,
        help="publication date/time for inputs that carry none (YYYY-MM-DD or ISO 8601)",
    )
    parser.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl", help="output format")
    parser.add_argument("-o", "--output", metavar="OUT", default=None, help="output file (default: standard output)")
    parser.add_argument("--workers", type=int, default=None, help="processes for large batches (default: 2)")


def _label(article) -> str:
    return article.origin or article.url or article.id


def run(args: argparse.Namespace) -> int:
    """Extract and write; 0 when at least one input was read, 2 when none could be."""
    if args.format == "parquet" and not args.output:
        print("error: --format parquet writes a binary file: give it with -o OUT", file=sys.stderr)
        return 2
    articles, notes = load_inputs(args.paths, published=args.published)
    for note in notes:
        print(f"note: rejected {note}", file=sys.stderr)
    if not articles:
        print("error: no article could be read from the inputs", file=sys.stderr)
        return 2
    stream = args.format == "jsonl"
    fh = open(args.output, "w", encoding="utf-8") if (args.output and args.format != "parquet") else sys.stdout
    rows: list[dict] = []
    n_events = n_empty = 0
    try:
        for article, arows, note in iter_events(articles, args.workers):
            if not arows:
                n_empty += 1
                print(f"note: {_label(article)}: no events ({note})", file=sys.stderr)
                continue
            n_events += len(arows)
            if stream:
                fh.write(jsonl_lines(arows))
            else:
                rows.extend(arows)
        if not stream:
            df = rows_to_frame(rows)
            if args.format == "csv":
                fh.write(to_csv(df).decode("utf-8"))
            else:
                with open(args.output, "wb") as out:
                    out.write(to_parquet(df))
    finally:
        if fh is not sys.stdout:
            fh.close()
    print(f"{n_events} events from {len(articles)} articles ({n_empty} without events)", file=sys.stderr)
    return 0
