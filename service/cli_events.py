"""`python -m extract events`: the events command of extract/events/cli.py, plus its sharded mode.

    python -m extract events PATH... [--published DATE] [--format jsonl|csv|parquet] [-o OUT]
    python -m extract events PATH... --out-dir DIR [--shards N] [--scheduler tcp://HOST:8786]

The sharded mode is a service (it plans shards, runs them on local processes or a Dask cluster and writes
one Parquet part per shard; see service/corpus.py), so it is added here, above extract/, which imports
nothing of service/.
"""

from __future__ import annotations

import argparse

from extract.events import cli as events_cli


def add_arguments(parser: argparse.ArgumentParser) -> None:
    events_cli.add_arguments(parser)
    group = parser.add_argument_group("sharded mode (service/corpus.py)")
    group.add_argument(
        "--out-dir",
        metavar="DIR",
        default=None,
        help="write the events as Parquet parts, one per shard, into DIR; a rerun skips finished shards",
    )
    group.add_argument(
        "--shards",
        type=int,
        default=None,
        metavar="N",
        help="number of shards (default: one per 250 JSON lines or files)",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="run the shards on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786)",
    )


def run(args: argparse.Namespace) -> int:
    if args.out_dir or args.shards is not None or args.scheduler:
        from service.corpus import run_sharded_command

        return run_sharded_command(args)
    return events_cli.run(args)
