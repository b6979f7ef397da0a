"""`python -m extract articles PATH... [--published DATE] [--format jsonl|text]`.

Prints the clean articles the extractor will read (one JSON object a line by default), then a
summary and one line per rejected input on standard error. Exits 1 only when nothing was read.
"""

from __future__ import annotations

import argparse
import json
import sys

from extract.ingest import DEFAULT_FETCH_TIMEOUT, DEFAULT_MAX_BYTES, article_to_json, load_articles


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of the `articles` command."""
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="PATH",
        help="files, directories, http(s) URLs of pages or feeds, or - for standard input",
    )
    parser.add_argument(
        "--published",
        metavar="DATE",
        help="publication time for articles that carry none (e.g. 2024-11-20 or 2024-11-20T16:16+09:00)",
    )
    parser.add_argument(
        "--format",
        choices=("jsonl", "text"),
        default="jsonl",
        help="jsonl: one JSON article a line (default); text: a readable listing",
    )
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"largest file or download accepted (default {DEFAULT_MAX_BYTES:,})",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_FETCH_TIMEOUT,
        metavar="SECONDS",
        help=f"time allowed per URL (default {DEFAULT_FETCH_TIMEOUT:g})",
    )


def run(args: argparse.Namespace) -> int:
    """Load, print, summarise. Returns the exit status."""
    result = load_articles(args.inputs, published=args.published, max_bytes=args.max_bytes, fetch_timeout=args.timeout)
    out = sys.stdout
    for article in result.articles:
        if args.format == "jsonl":
            out.write(json.dumps(article_to_json(article), ensure_ascii=False) + "\n")
        else:
            when = article.published.isoformat() if article.published else "unknown"
            out.write(f"== {article.id}  {article.title or '(no title)'}\n")
            out.write(
                f"   published {when} ({article.published_precision or '-'}, from {article.published_from})"
                f"  language {article.language or '?'}  origin {article.origin}\n"
            )
            for seg in article.segments:
                snippet = " ".join(article.text[seg.start : seg.end].split())
                out.write(f"   [{seg.kind}] {snippet[:200]}{'...' if len(snippet) > 200 else ''}\n")
    out.flush()
    for problem in result.rejected:
        print(f"rejected: {problem}", file=sys.stderr)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    print(result.summary(), file=sys.stderr)
    return 0 if result.articles else 1
