"""`python -m extract corrections ACTION ...`: analysts' corrections from the command line.

corrections list [--orphans]                              the log (or the corrections whose event is gone)
corrections add EVENT_ID --set FIELD=VALUE [--precision P] | --hide REASON | --unhide | --note TEXT
                         | --merge OTHER_EVENT_ID  [--who NAME]
corrections undo CORRECTION_ID
corrections import FILE                                   another store's log (`export --corrections`)
corrections score                                         the current extractor against the corrections
"""

from __future__ import annotations

import argparse
import json
import sys

from store.cli_common import add_store_argument

LIST_FIELDS = ("countries", "topics")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("list", "add", "undo", "import", "score"))
    parser.add_argument("target", nargs="?", default="", help="the event id (add), correction id (undo) or file")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--set", metavar="FIELD=VALUE", help="countries and topics take a comma-separated list")
    what.add_argument("--hide", metavar="REASON", help="'not an event', 'duplicate' or 'out of scope'")
    what.add_argument("--unhide", action="store_true")
    what.add_argument("--note", metavar="TEXT")
    what.add_argument("--merge", metavar="OTHER_EVENT_ID")
    parser.add_argument("--precision", default="day", choices=("day", "month", "year"), help="with --set date=...")
    parser.add_argument("--who", default="", help="who made the correction")
    parser.add_argument("--orphans", action="store_true", help="with list: corrections whose event is gone")
    add_store_argument(parser)


def run(args: argparse.Namespace) -> int:
    from core.errors import StoreError
    from store import EventStore
    from store.corrections import CorrectionLog, record

    store = EventStore(args.store)
    if args.action == "list":
        lines = store.correction_orphans() if args.orphans else store.corrections.entries()
        for line in lines:
            print(json.dumps(line, ensure_ascii=False))
        return 0
    if args.action == "score":
        from service.review import score

        for line in score(store).lines():
            print(line)
        return 0
    if not args.target:
        print(f"error: corrections {args.action} needs its argument", file=sys.stderr)
        return 2
    if args.action == "undo":
        print(json.dumps(record(store, "", "undo", target=args.target, who=args.who), ensure_ascii=False))
        return 0
    if args.action == "import":
        try:
            with open(args.target, encoding="utf-8") as fh:
                lines = [json.loads(text) for text in fh if text.strip()]
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise StoreError(f"{args.target}: not a correction log ({exc})") from exc
        added, skipped = CorrectionLog(store.path).import_lines(lines)
        print(f"{added} corrections imported, {skipped} already here")
        return 0
    kwargs: dict = {"who": args.who}
    if args.set:
        name, sep, value = args.set.partition("=")
        if not sep:
            print("error: --set takes FIELD=VALUE", file=sys.stderr)
            return 2
        parsed = [v.strip() for v in value.split(",") if v.strip()] if name in LIST_FIELDS else value
        line = record(store, args.target, "set", field_name=name, value=parsed, precision=args.precision, **kwargs)
    elif args.hide:
        line = record(store, args.target, "hide", reason=args.hide, **kwargs)
    elif args.unhide:
        line = record(store, args.target, "unhide", **kwargs)
    elif args.note is not None:
        line = record(store, args.target, "note", note=args.note, **kwargs)
    elif args.merge:
        line = record(store, args.target, "merge", other_event_id=args.merge, **kwargs)
    else:
        print("error: say what to change: --set, --hide, --unhide, --note or --merge", file=sys.stderr)
        return 2
    print(json.dumps(line, ensure_ascii=False))
    return 0
