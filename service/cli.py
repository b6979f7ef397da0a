"""`python -m extract COMMAND ...`: the command line of the pipeline.

Each command lives in its own module, which provides `add_arguments(parser)` and `run(args) -> int`.
Modules are imported only when their command runs, so `extract dates` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# command -> (module, one-line help)
COMMANDS = {
    "articles": ("extract.ingest.cli", "read inputs and print the clean articles the extractor will see"),
    "dates": ("extract.timex.cli", "tag temporal expressions in a document read on standard input"),
    "events": ("service.cli_events", "extract dated events from articles"),
    "ingest": ("service.cli_ingest", "extract events from articles and add them to the store"),
    "ingest-parts": ("service.cli_ingest_parts", "add the Parquet parts of a sharded extraction to the store"),
    "import": ("store.cli_import", "import GDELT or ACLED event files into the store"),
    "export": ("store.cli_export", "export stored events as CSV, JSON lines, Parquet or TimelineJS"),
    "store": ("store.cli_store", "move a store to the warehouse tier (migrate), or say what a store holds (info)"),
    "corrections": ("service.cli_corrections", "list, add, undo, import and score analysts' corrections"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m extract", description="Turn news articles into dated events.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(_module=module)
        importlib.import_module(module).add_arguments(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # Parse only the chosen command's arguments, so the other command modules are not imported.
    if argv and argv[0] in COMMANDS:
        module_name, help_text = COMMANDS[argv[0]]
        module = importlib.import_module(module_name)
        parser = argparse.ArgumentParser(prog=f"python -m extract {argv[0]}", description=help_text)
        module.add_arguments(parser)
        args = parser.parse_args(argv[1:])
    else:
        args = build_parser().parse_args(argv)
        module = importlib.import_module(args._module)
    from core.errors import ExtractError, user_message

    try:
        return int(module.run(args) or 0)
    except ExtractError as exc:
        print(f"error: {user_message(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
