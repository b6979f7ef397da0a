"""Score the events stage against the hand-annotated gold set.

Run: .venv/bin/python bench/eval_gold.py [--articles data/articles/articles.jsonl] [--gold tests/gold/events.jsonl]
     [--show-misses]

Each article is read by extract.ingest and turned into events by extract.events. Predicted events are
aligned to gold events of the same article by evidence overlap: the share of the gold evidence's
words found in the predicted event's sentence (at least MIN_OVERLAP), best pairs first, one to one.
Printed: event precision/recall (aligned / predicted, aligned / gold) and, for each field, precision
(predicted events whose field is right / predicted events) and recall (gold events matched by an event
whose field is right / gold events); countries are scored as code sets (micro-averaged over aligned
pairs). Last line: a summary of the figures.
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

MIN_OVERLAP = 0.5
_WORD = re.compile(r"\w+")


def words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def align(pred: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs, best evidence overlap first."""
    cands = []
    for i, p in enumerate(pred):
        ps = words(p["sentence"])
        for j, g in enumerate(gold):
            gs = words(g["evidence"])
            if not gs:
                continue
            ov = len(gs & ps) / len(gs)
            if ov >= MIN_OVERLAP:
                # Prefer the same type and date among equally overlapping candidates.
                bonus = 0.01 * (p["event_type"] == g["event_type"]) + 0.01 * (p["date"] == g["date"])
                cands.append((ov + bonus, i, j))
    cands.sort(reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for _ov, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return pairs


def read_gold(path) -> dict[str, list[dict]]:
    """The own gold's events grouped by article id, in file order."""
    gold_by: dict[str, list[dict]] = collections.defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                g = json.loads(line)
                gold_by[g["article_id"]].append(g)
    return gold_by


def _norm(name: str) -> str:
    return (name or "").strip().lower()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", default=str(ROOT / "data" / "articles" / "articles.jsonl"))
    ap.add_argument("--gold", default=str(ROOT / "tests" / "gold" / "events.jsonl"))
    ap.add_argument("--show-misses", action="store_true", help="print unmatched gold and spurious predictions")
    args = ap.parse_args()

    from extract.events.extract_one import article_events
    from extract.events.pipeline import load_inputs

    articles, notes = load_inputs([args.articles])
    for n in notes:
        print(f"note: {n}", file=sys.stderr)
    gold_by = read_gold(args.gold)

    n_pred = n_gold = n_pairs = 0
    right = collections.Counter()
    c_tp = c_pred = c_gold = 0
    for a in articles:
        pred, _note = article_events(a)
        gold = gold_by.get(a.id, [])
        n_pred += len(pred)
        n_gold += len(gold)
        pairs = align(pred, gold)
        n_pairs += len(pairs)
        for i, j in pairs:
            p, g = pred[i], gold[j]
            right["date"] += p["date"] == g["date"] and p["date_precision"] == g["date_precision"]
            right["event_type"] += p["event_type"] == g["event_type"]
            right["source_actor"] += _norm(p["source_actor"]) == _norm(g["source_actor"])
            right["target_actor"] += _norm(p["target_actor"]) == _norm(g["target_actor"])
            right["mode"] += p["mode"] == g.get("mode", "actual")
            pc, gc = set(p["countries"]), set(g["countries"])
            c_tp += len(pc & gc)
            c_pred += len(pc)
            c_gold += len(gc)
        if args.show_misses:
            mp = {i for i, _ in pairs}
            mg = {j for _, j in pairs}
            for j, g in enumerate(gold):
                if j not in mg:
                    print(f"MISS {a.id} {g['date']} {g['event_type']}: {g['evidence'][:110]}")
            for i, p in enumerate(pred):
                if i not in mp:
                    print(f"SPUR {a.id} {p['date']} {p['event_type']} {p['mode']}: {p['summary'][:110]}")
            for i, j in pairs:
                p, g = pred[i], gold[j]
                if p["date"] != g["date"] or p["event_type"] != g["event_type"]:
                    print(
                        f"DIFF {a.id} pred {p['date']} {p['event_type']} gold {g['date']} {g['event_type']}: "
                        f"{g['evidence'][:80]}"
                    )

    def pr(k: int) -> tuple[float, float]:
        return k / max(n_pred, 1), k / max(n_gold, 1)

    print(f"articles {len(articles)}  predicted events {n_pred}  gold events {n_gold}  aligned {n_pairs}")
    ep, er = pr(n_pairs)
    print(f"{'field':14} {'precision':>9} {'recall':>7} {'acc|aligned':>11}")
    print(f"{'event':14} {ep:9.3f} {er:7.3f} {'':>11}")
    for f in ("date", "event_type", "source_actor", "target_actor", "mode"):
        p, r = pr(right[f])
        print(f"{f:14} {p:9.3f} {r:7.3f} {right[f] / max(n_pairs, 1):11.3f}")
    cp, cr = c_tp / max(c_pred, 1), c_tp / max(c_gold, 1)
    print(f"{'countries':14} {cp:9.3f} {cr:7.3f}   (code sets over aligned pairs)")
    dp, dr = pr(right["date"])
    tp, tr = pr(right["event_type"])
    print(
        f"gold_event_p={ep:.3f} gold_event_r={er:.3f} date_p={dp:.3f} date_r={dr:.3f} "
        f"type_p={tp:.3f} type_r={tr:.3f} countries_p={cp:.3f} countries_r={cr:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
