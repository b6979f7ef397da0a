"""Figures of the learned event classifier (extract.classify): held-out accuracy, speed, size, and a check on
the project's hand-written gold events beside the rule system.

Run: .venv/bin/python bench/bench_classifier.py [--model extract/classify/data/model.json] [--show-errors N]

1. Held-out test split of extract/classify/data/sentences.jsonl (never trained on): type accuracy (all test
   sentences and the hand-written ones alone), mode accuracy (sentences that report an event), per-type
   precision/recall/F1, the most frequent confusions, per-mode F1.
2. Speed: sentences per second of classify() over the test sentences (one core, model loaded), the time to
   load the model, and the model file's size.
3. Gold check: tests/gold/events.jsonl (550 events written by hand for data/articles/articles.jsonl). Each
   event's evidence is found in its article, and its sentence (split by extract.events.sentences) is
   classified with the evidence as the clause. The rule system reads the same clause as the events pipeline
   does: the PLOVER cues of the clause (extract.events.plover.find_cues), the first whose mode reading
   (extract.events.mode.classify) says it is a predicate, political cues before the [dated_cues] verbs; a
   clause with no such cue takes the type of a lexicon happening noun in it, else no type. A type is right
   when it equals the gold type; "no type" is wrong (every gold evidence reports an event). This is an
   approximate comparison: the pipeline also needs an actor and a date before it emits an event.
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent

from core.schema import MODES, PLOVER_TYPES  # noqa: E402
from extract.classify import classify, corpus, load  # noqa: E402
from extract.classify.model import MODEL_PATH  # noqa: E402


def prf(gold: list[str], pred: list[str], label: str) -> tuple[float, float, float, int]:
    tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
    n_pred = sum(p == label for p in pred)
    n_gold = sum(g == label for g in gold)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, n_gold


def held_out(model, rows: list[dict], show_errors: int) -> None:
    test = [r for r in rows if r["split"] == "test"]
    results = [classify(r["text"], model=model) for r in test]
    gold_t = [r["event_type"] for r in test]
    pred_t = [res[0] or corpus.NONE for res in results]
    written = [k for k, r in enumerate(test) if r["origin"] == "written"]
    acc = sum(g == p for g, p in zip(gold_t, pred_t, strict=True)) / len(test)
    acc_w = sum(gold_t[k] == pred_t[k] for k in written) / len(written)
    print(f"held-out test split: {len(test)} sentences ({len(written)} hand-written), never trained on")
    print(f"  type accuracy {acc:.3f} (hand-written only {acc_w:.3f})")
    ev = [k for k, r in enumerate(test) if r["event_type"] != corpus.NONE]
    gold_m = [test[k]["mode"] for k in ev]
    pred_m = [results[k][2] for k in ev]
    macc = sum(g == p for g, p in zip(gold_m, pred_m, strict=True)) / len(ev)
    macc_w = sum(test[k]["mode"] == results[k][2] for k in ev if test[k]["origin"] == "written") / sum(
        test[k]["origin"] == "written" for k in ev
    )
    print(f"  mode accuracy {macc:.3f} on {len(ev)} event sentences (hand-written only {macc_w:.3f})")
    print("  per type          P      R     F1   n")
    for label in (*PLOVER_TYPES, corpus.NONE):
        p, r, f, n = prf(gold_t, pred_t, label)
        print(f"    {label:<11} {p:6.3f} {r:6.3f} {f:6.3f} {n:3d}")
    confusions = collections.Counter((g, p) for g, p in zip(gold_t, pred_t, strict=True) if g != p)
    print(
        "  most frequent confusions (gold -> predicted): "
        + ", ".join(f"{g}->{p} {n}" for (g, p), n in confusions.most_common(8))
    )
    print("  per mode          P      R     F1   n")
    for label in MODES:
        p, r, f, n = prf(gold_m, pred_m, label)
        print(f"    {label:<13} {p:6.3f} {r:6.3f} {f:6.3f} {n:3d}")
    if show_errors:
        print("  errors:")
        shown = 0
        for r, g, p in zip(test, gold_t, pred_t, strict=True):
            if g != p and shown < show_errors:
                print(f"    {g} -> {p}: {r['text'][:110]}")
                shown += 1


def speed(model, model_path: pathlib.Path, rows: list[dict]) -> None:
    texts = [r["text"] for r in rows if r["split"] == "test"]
    t0 = time.perf_counter()
    load(model_path)
    t_load = time.perf_counter() - t0
    for s in texts[:50]:
        classify(s, model=model)  # warm the caches of the lexicons
    n = 0
    t0, c0 = time.perf_counter(), time.process_time()
    while time.perf_counter() - t0 < 2.0:
        for s in texts:
            classify(s, model=model)
        n += len(texts)
    dt, dc = time.perf_counter() - t0, time.process_time() - c0
    size = model_path.stat().st_size
    print(
        f"speed: {n / dt:,.0f} sentences/s wall clock ({dt / n * 1e6:.0f} us a sentence), "
        f"{n / dc:,.0f} sentences/s of CPU time ({dc / n * 1e6:.0f} us; one core, the machine's load shows in the "
        f"gap), model load {t_load:.2f} s"
    )
    print(
        f"model file: {model_path.relative_to(ROOT) if model_path.is_relative_to(ROOT) else model_path} "
        f"{size / 1e6:.2f} MB, version {model.version}, corpus sha256 {model.meta['corpus_sha256'][:12]}"
    )


def _rule_type(sentence: str, clause: str) -> tuple[str, str]:
    """(type, mode) the rule system gives the clause, ("", "") when none (see module doc)."""
    from extract.events._data import wordset
    from extract.events.clauses import Clause, split_clauses
    from extract.events.mode import classify as read_mode
    from extract.events.plover import find_cues, noun_type
    from extract.events.tokens import tokenize

    toks = tokenize(sentence)
    a = sentence.find(clause)
    a, b = (a, a + len(clause)) if a >= 0 else (0, len(sentence))
    k0 = next((k for k, t in enumerate(toks) if t.start >= a), len(toks))
    k1 = next((k for k, t in enumerate(toks) if t.end > b), len(toks))
    speech = wordset("mode", "speech")
    clauses = split_clauses(toks)
    attribution = [c for c in clauses if c.attribution]
    for cue in sorted(find_cues(toks, k0, k1), key=lambda c: c.dated_only):
        c = next((c for c in clauses if c.i0 <= cue.i < c.i1), Clause(k0, k1))
        if c.attribution:
            continue
        before = any(
            toks[k].lower in speech and toks[k].lower != "according" and not any(x.i0 <= k < x.i1 for x in attribution)
            for k in range(cue.i)
        )
        reading = read_mode(toks, Clause(max(c.i0, k0), min(c.i1, k1)), cue, before)
        if reading.mode:
            return cue.event_type, reading.mode
    for t in toks[k0:k1]:
        if noun_type(t.lower):
            return noun_type(t.lower), "actual"
    return "", ""


def gold_check(model) -> None:
    from extract.events.sentences import split_sentences

    articles = {}
    with (ROOT / "data/articles/articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            articles[a["id"]] = a["text"]
    gold = [json.loads(line) for line in (ROOT / "tests/gold/events.jsonl").open(encoding="utf-8") if line.strip()]
    n = found = 0
    ok = {"classifier": 0, "rules": 0}
    ok_mode = {"classifier": 0, "rules": 0}
    none_given = {"classifier": 0, "rules": 0}
    by_type: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for g in gold:
        n += 1
        text = articles.get(g["article_id"], "")
        at = text.find(g["evidence"])
        sentence = g["evidence"]
        if at >= 0:
            found += 1
            for s in split_sentences(text):
                if s.start <= at < s.end:
                    sentence = text[s.start : max(s.end, at + len(g["evidence"]))]
                    break
        c_type, _, c_mode, _ = classify(sentence, g["evidence"], model=model)
        r_type, r_mode = _rule_type(sentence, g["evidence"])
        for name, t, m in (("classifier", c_type or "", c_mode), ("rules", r_type, r_mode)):
            ok[name] += t == g["event_type"]
            ok_mode[name] += m == g["mode"]
            none_given[name] += not t
            by_type[g["event_type"]][name] += t == g["event_type"]
    print(f"gold check: tests/gold/events.jsonl, {n} events ({found} evidences found in their article's text)")
    for name in ("classifier", "rules"):
        print(
            f"  {name:<10} type accuracy {ok[name] / n:.3f}  mode accuracy {ok_mode[name] / n:.3f}  "
            f"no type given {none_given[name]}"
        )
    cells = []
    for t in PLOVER_TYPES:
        total = sum(1 for g in gold if g["event_type"] == t)
        if total:
            cells.append(f"{t} {by_type[t]['classifier']}/{by_type[t]['rules']}/{total}")
    print("  right per type (classifier/rules/gold): " + ", ".join(cells))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=pathlib.Path, default=MODEL_PATH)
    ap.add_argument("--show-errors", type=int, default=0, metavar="N", help="print N misclassified test sentences")
    args = ap.parse_args(argv)
    model = load(args.model)
    rows = corpus.load()
    sha = corpus_sha = __import__("hashlib").sha256(corpus.CORPUS.read_bytes()).hexdigest()
    if model.meta["corpus_sha256"] != sha:
        print(
            f"warning: the model was trained on another corpus ({model.meta['corpus_sha256'][:12]}, "
            f"the corpus is {corpus_sha[:12]}): rebuild it with `make model`"
        )
    held_out(model, rows, args.show_errors)
    speed(model, args.model, rows)
    gold_check(model)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
