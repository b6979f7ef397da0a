"""List the role and country mismatches of aligned events on one split of the real-news gold.

Run: .venv/bin/python bench/roles_mismatches.py [--split dev] [--all]

For each aligned (predicted, gold) pair of bench/eval_real_gold.py's alignment, prints the article, the gold
evidence, the predicted sentence, and source / target / countries as predicted and as annotated; by default
only pairs where one of these differs (--all prints every pair). Ends with counts of the wrong fields. Use it
on the dev split only: the test split is for the final figure.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _own() -> tuple[dict, dict]:
    """Gold and predicted events of the own-written gold set, keyed by article id."""
    from extract.events.extract_one import article_events
    from extract.events.pipeline import load_inputs

    root = HERE.parent
    articles, _notes = load_inputs([str(root / "data" / "articles" / "articles.jsonl")])
    gold_by = _module("eval_gold").read_gold(root / "tests" / "gold" / "events.jsonl")
    pred_by = {a.id: article_events(a)[0] for a in articles}
    return gold_by, pred_by


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--draw", type=int, choices=(1, 2, 3), help="only the articles of this draw of the real-news gold")
    ap.add_argument("--all", action="store_true", help="print every aligned pair, not only the wrong ones")
    ap.add_argument("--own", action="store_true", help="the own-written gold (tests/gold/events.jsonl) instead")
    args = ap.parse_args()
    rg, eg = _module("eval_real_gold"), _module("eval_gold")
    if args.own:
        gold_by, pred_by = _own()
    else:
        gold_by = {k: v for k, v in rg.read_gold(HERE.parent / "tests" / "gold" / "t17_events.jsonl").items()}
        gold_by = {k: v for k, v in gold_by.items() if v[0]["split"] == args.split}
        if args.draw:
            gold_by = {k: v for k, v in gold_by.items() if v[0]["draw"] == args.draw}
        records = rg.read_articles(pathlib.Path(args.shared), gold_by)
        pred_by, _named = rg.predict(records)
        pred_by = {key: pred_by.get(rg.article_key(*key), []) for key in gold_by}
    wrong = collections.Counter()
    extra = 0
    n = 0
    for key, gold in gold_by.items():
        pred = pred_by.get(key, [])
        for i, j in eg.align(pred, gold):
            p, g = pred[i], gold[j]
            n += 1
            bad = []
            if eg._norm(p["source_actor"]) != eg._norm(g["source_actor"]):
                bad.append("source")
            if eg._norm(p["target_actor"]) != eg._norm(g["target_actor"]):
                bad.append("target")
            missing = sorted(set(g["countries"]) - set(p["countries"]))
            if missing:
                bad.append("countries")
            extra += len(set(p["countries"]) - set(g["countries"]))
            wrong.update(bad)
            if not bad and not args.all:
                continue
            where = key if isinstance(key, str) else f"{key[0]}:{key[1]}"
            print(f"== {where} {g['event_type']}/{p['event_type']} [{' '.join(bad)}]")
            print(f"   gold: {g['evidence'][:160]}")
            print(f"   sent: {p['sentence'][:240]}")
            print(f"   source {p['source_actor']!r} / {g['source_actor']!r}")
            print(f"   target {p['target_actor']!r} / {g['target_actor']!r}")
            print(f"   countries {list(p['countries'])} / {g['countries']} (missing {missing})")
    print(f"{n} aligned pairs; wrong: {dict(wrong)}; country codes not in the gold: {extra}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
