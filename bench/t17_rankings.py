"""Timeline17 date selection from our events, ranked several ways, to show where the score comes from.

Run: .venv/bin/python bench/t17_rankings.py [--data ../shared/corpora/timeline17-dev]

The shared scorer (../shared/eval/timeline17.py) ranks a topic's dates by how many extracted event
ROWS carry them (day precision) and scores the top k against the journalists' timeline. This script
extracts the events once per topic (in process, same code as `python -m extract events`) and scores,
with the scorer's own top_k_f1, these rankings of the same rows:
  rows            the scorer's ranking: event rows per date (what t17_date_f1 reports)
  articles        distinct articles with at least one event on the date
  dated rows      rows dated by a temporal expression only (no publication-day fallback)
  pubdate         articles per publication date (the scorer's peer)
Last line: rows=... articles=... dated=... pubdate=... (means over the timelines).
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def scorer_top_k():
    """The shared scorer's top_k_f1, loaded from its file so both use the same rule."""
    spec = importlib.util.spec_from_file_location("t17_scorer", SHARED / "eval" / "timeline17.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.top_k_f1


def rankings(events, articles: list[dict]) -> dict[str, collections.Counter]:
    """Date counters for each ranking from an events table and the topic's article records."""
    day = events[(events["date_precision"] == "day") & events["date"].astype(str).str.fullmatch(_DAY.pattern)]
    rows = collections.Counter(day["date"].astype(str))
    arts = collections.Counter(day.drop_duplicates(["article_id", "date"])["date"].astype(str))
    dated = collections.Counter(day[~day["date_from_publication"].astype(bool)]["date"].astype(str))
    pub = collections.Counter(a["published"][:10] for a in articles)
    return {"rows": rows, "articles": arts, "dated": dated, "pubdate": pub}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=pathlib.Path, default=SHARED / "corpora" / "timeline17-dev")
    args = ap.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"no Timeline17 data at {args.data}")
    from extract.events import extract_events

    top_k = scorer_top_k()
    totals: dict[str, list[float]] = collections.defaultdict(list)
    print(f"{'timeline':26} {'k':>4} {'rows':>6} {'articles':>8} {'dated':>6} {'pubdate':>7}")
    for topic in sorted(p for p in args.data.iterdir() if p.is_dir()):
        articles = [json.loads(line) for line in (topic / "articles.jsonl").open(encoding="utf-8")]
        events = extract_events([str(topic / "articles.jsonl")])
        counts = rankings(events, articles)
        for i, line in enumerate((topic / "timelines.jsonl").open(encoding="utf-8")):
            gold = sorted({d[:10] for d, _ in json.loads(line)})
            f = {name: top_k(c, gold) for name, c in counts.items()}
            for name, v in f.items():
                totals[name].append(v)
            print(
                f"{topic.name + '#' + str(i):26} {len(gold):4d} "
                + " ".join(f"{f[n]:{w}.3f}" for n, w in (("rows", 6), ("articles", 8), ("dated", 6), ("pubdate", 7)))
            )
    mean = {n: sum(v) / len(v) for n, v in totals.items()}
    print(" ".join(f"{n}={mean[n]:.3f}" for n in ("rows", "articles", "dated", "pubdate")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
