"""Pieces the store's commands share: the --store option and printing a summary."""

from __future__ import annotations

import argparse
import sys

from store.summary import AddSummary

MAX_REJECTS_SHOWN = 20


def writable_store(path: str | None):
    """The store at path ($EVENTS_STORE or data/store when None) to add events to, by its tier on disk: a Warehouse
    for a warehouse directory, else an EventStore. Both take add_events(frame, origin=...) and return an
    AddSummary; the warehouse keeps each extracted report as its own event (it does not merge reports)."""
    from store.store import EventStore, default_path
    from store.warehouse import Warehouse, is_warehouse

    root = default_path() if path is None else path
    return Warehouse(root) if is_warehouse(root) else EventStore(path)


def add_store_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        metavar="DIR",
        default=None,
        help="the store directory (default: $EVENTS_STORE or data/store in the repository)",
    )


def print_summary(summary: AddSummary, out=None, err=None) -> None:
    """The one-line summary on stdout, then each rejected input on stderr (the first 20)."""
    out = out or sys.stdout
    err = err or sys.stderr
    for source, problem in summary.rejected[:MAX_REJECTS_SHOWN]:
        print(f"rejected: {source}: {problem}", file=err)
    if len(summary.rejected) > MAX_REJECTS_SHOWN:
        print(f"rejected: ... and {len(summary.rejected) - MAX_REJECTS_SHOWN} more", file=err)
    print(summary.summary_line(), file=out)
