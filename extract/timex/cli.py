"""`python -m extract dates --reference YYYY-MM-DD[THH:MM[+HH:MM]]`: tag a document read on standard input.

Prints one JSON object a line: {"start", "end", "text", "value", "type"}, offsets into the exact input.
"""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reference",
        default=None,
        metavar="YYYY-MM-DD[THH:MM[+HH:MM]]",
        help="publication time that relative expressions resolve against "
        "(without it only absolute expressions get a resolved value)",
    )


def _read_stdin() -> str:
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def run(args: argparse.Namespace) -> int:
    """Tag standard input; exit 2 with a message for a malformed --reference."""
    from core.errors import ReferenceTimeError
    from extract.timex import tag
    from extract.timex.reference import parse_reference

    try:
        ref = parse_reference(args.reference)
    except ReferenceTimeError as exc:
        print(f"error: --reference: {exc}", file=sys.stderr)
        return 2
    text = _read_stdin()
    out = sys.stdout
    for t in tag(text, ref):
        out.write(json.dumps(t.as_json(), ensure_ascii=False) + "\n")
    out.flush()
    return 0
