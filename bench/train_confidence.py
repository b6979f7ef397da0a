"""Fit the events' confidence (extract/events/confidence.py) on the real-news gold's dev split; score it on test.

Run: .venv/bin/python bench/train_confidence.py [--write] [--shared ../shared]   (`make confidence` writes)

Each gold article (tests/gold/t17_events.jsonl, text read in place from ../shared) goes through the events
pipeline without its confidence stage; every row it gives is a training example, positive when it aligns
with an analyst's event (bench/eval_gold.py's align, as bench/eval_real_gold.py scores), described by
confidence.features of the candidate it came from. The classifier learns from the dev split's clauses, so
each dev article is scored by a classifier built without its fold (cross-fitting, five article folds, the same
build as `make model`); test articles by the checked-in one. A logistic regression (scikit-learn, standardized
features) is fitted on the dev split only, its strength chosen by article-grouped 5-fold cross-validation
there; the test split is only scored. Printed: the cross-validated and test ROC AUC beside the hand-weighted
confidence it replaces (the peer, recomputed from the same features), and on test the rows kept, their
precision and the event recall at each threshold. --write stores the weights in extract/events/data/
confidence.json (deterministic: the same gold and extractor give the same file). Refit after a change to the
extractor or the classifier's model, since the features are what they say.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import pathlib
import sys
import tempfile

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
GOLD = ROOT / "tests" / "gold" / "t17_events.jsonl"
STRENGTHS = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def examples(shared: pathlib.Path) -> dict[str, dict]:
    """Per split: feature rows X, labels y, article groups g, and the split's gold event count. Dev articles are
    scored by their fold's classifier (cross-fitting), test articles by the checked-in one."""
    from extract.classify import model as classifier_model
    from extract.events import confidence
    from extract.events.doc import ArticleDoc
    from extract.events.rows import build_row
    from extract.events.stages import PIPELINE, run
    from extract.ingest import load_articles

    rg, eg, cf = _module("eval_real_gold"), _module("eval_gold"), _module("crossfit")
    stages = tuple(s for s in PIPELINE if s.name != "confidence")
    gold = rg.read_gold(GOLD)
    records = rg.read_articles(shared, gold.keys())
    out = {s: {"X": [], "y": [], "g": [], "gold": 0} for s in ("dev", "test")}
    checked_in = classifier_model.MODEL_PATH
    with tempfile.TemporaryDirectory() as tmp:
        fold_model = cf.fold_models(gold, shared, pathlib.Path(tmp))
        try:
            for key, events in sorted(gold.items(), key=lambda kv: str(fold_model.get(kv[0], ""))):
                split = out[events[0]["split"]]
                split["gold"] += len(events)
                cf.use_model(fold_model.get(key, checked_in))
                rec = records[key]
                item = {"id": rg.article_key(*key), "published": rec["published"], "text": rec["text"]}
                loaded = load_articles([item])
                if not loaded.articles:
                    continue
                doc = run(ArticleDoc(loaded.articles[0]), stages)
                if doc.note:
                    continue
                by_id = {build_row(doc, c)["event_id"]: confidence.features(doc, c) for c in doc.candidates}
                rows = [dict(r, countries=list(r["countries"])) for r in doc.rows]
                aligned = {i for i, _ in eg.align(rows, events)}
                for i, r in enumerate(rows):
                    split["X"].append(by_id[r["event_id"]])
                    split["y"].append(int(i in aligned))
                    split["g"].append(f"{key[0]}:{key[1]}")
        finally:
            cf.use_model(checked_in)
    for split in out.values():
        split["X"] = np.array(split["X"], dtype="float64")
        split["y"] = np.array(split["y"], dtype="int64")
    return out


def hand_weighted(X: np.ndarray) -> np.ndarray:
    """The confidence the learned one replaced: fixed weights on the cue, roles, date, mode and caption."""
    from extract.events.confidence import FEATURES

    f = {name: X[:, k] for k, name in enumerate(FEATURES)}
    c = 0.35 + 0.35 * f["cue_weight"]
    c += np.where(f["source_any"] > 0, 0.1, -0.1) + 0.05 * f["target_any"] + 0.1 * f["dated_by_text"]
    c -= 0.1 * (f["mode_statement"] + f["mode_future"]) + 0.05 * f["caption"] - 0.03 * (f["cue_words"] - 1)
    return np.clip(c, 0.05, 1.0)


def _model(strength: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=strength, max_iter=5000))


def choose(dev: dict) -> tuple[float, dict[float, float]]:
    """The strength with the best article-grouped 5-fold cross-validated AUC on dev (ties: the stronger
    regularization), and every strength's AUC."""
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold, cross_val_predict

    aucs = {}
    for strength in STRENGTHS:
        p = cross_val_predict(
            _model(strength), dev["X"], dev["y"], groups=dev["g"], cv=GroupKFold(5), method="predict_proba"
        )[:, 1]
        aucs[strength] = round(float(roc_auc_score(dev["y"], p)), 4)
    best = max(STRENGTHS, key=lambda s: (aucs[s], -s))
    return best, aucs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--write", action="store_true", help="store the weights in extract/events/data/confidence.json")
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    if not (shared / "corpora" / "timeline17-dev").is_dir():
        print(f"no Timeline17 corpus under {shared}: the confidence is fitted on the real-news gold", file=sys.stderr)
        return 2
    import sklearn
    from sklearn.metrics import roc_auc_score

    from extract.events import confidence
    from extract.events.confidence import FEATURES, WEIGHTS_PATH

    data = examples(shared)
    dev, test = data["dev"], data["test"]
    strength, aucs = choose(dev)
    model = _model(strength).fit(dev["X"], dev["y"])
    scaler, lr = model[0], model[-1]
    p_test = model.predict_proba(test["X"])[:, 1]
    peer = hand_weighted(test["X"])
    print(f"rows: dev {len(dev['y'])} ({dev['y'].mean():.3f} aligned), test {len(test['y'])} ({test['y'].mean():.3f})")
    print("grouped 5-fold CV AUC on dev by strength C: " + ", ".join(f"{s}: {a:.3f}" for s, a in aucs.items()))
    print(f"chosen C={strength}")
    print(
        f"test AUC: learned {roc_auc_score(test['y'], p_test):.3f}, "
        f"hand-weighted {roc_auc_score(test['y'], peer):.3f}; "
        f"dev (fitted) learned {roc_auc_score(dev['y'], model.predict_proba(dev['X'])[:, 1]):.3f}, "
        f"hand-weighted {roc_auc_score(dev['y'], hand_weighted(dev['X'])):.3f}"
    )
    print(f"{'threshold':>9} {'kept':>5} {'precision':>9} {'event R':>8} | {'hand kept':>9} {'precision':>9} {'R':>6}")
    for th in (0.0, *THRESHOLDS):
        k, h = p_test >= th, peer >= th
        print(
            f"{th:9.1f} {k.sum():5d} {test['y'][k].mean() if k.any() else 0:9.3f} "
            f"{test['y'][k].sum() / test['gold']:8.3f} | {h.sum():9d} "
            f"{test['y'][h].mean() if h.any() else 0:9.3f} {test['y'][h].sum() / test['gold']:6.3f}"
        )
    weights = sorted(zip(FEATURES, lr.coef_[0] / 1.0, strict=True), key=lambda t: -abs(t[1]))
    print("largest standardized weights: " + ", ".join(f"{n} {w:+.2f}" for n, w in weights[:8]))
    if args.write:
        fitted_on = {
            "gold": "tests/gold/t17_events.jsonl, dev split",
            "rows": len(dev["y"]),
            "positives": int(dev["y"].sum()),
            "C": strength,
            "grouped_cv_auc": aucs[strength],
            "scikit_learn": sklearn.__version__,
            "date": dt.date.today().isoformat(),
        }
        confidence.dump(WEIGHTS_PATH, scaler.mean_, scaler.scale_, lr.coef_[0], lr.intercept_[0], fitted_on)
        print(f"wrote {WEIGHTS_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
