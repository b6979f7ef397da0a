"""Train the event classifier from data/sentences.jsonl and write data/model.json (`make model`).

Only the corpus's "train" split is read for fitting, vocabulary and tuning; the "test" split is left to
bench/bench_classifier.py. Two multinomial logistic regressions (scikit-learn) share one feature space
(features.py, vectorized by model.Vocabulary): one for the event type (16 PLOVER types and NONE), one for
the mode (trained on the sentences that report an event). Building is deterministic: the same corpus gives
the same file.

Steps: features of every training sentence -> vocabulary (word and character n-grams seen in at least
MIN_DF sentences, every rule feature) -> fit both heads -> keep the features whose weight matters
(|w| >= PRUNE in either head) -> fit again on the kept vocabulary (so scoring with the smaller file is the
model that was fitted) -> write JSON with the corpus hash and version.

Real-news clauses (seventh round, README.md): beside the corpus's train split, the heads also learn from the
evidence clauses of the real-news gold's dev split (tests/gold/t17_events.jsonl; each clause read in its
sentence, the articles read in place from ../shared/corpora/timeline17-dev), each counted REAL_WEIGHT times.
The gold's test split is never read. Building therefore needs ../shared; the model file records the hash of the
dev events it learned from, and a user's clone uses the checked-in file.

    python -m extract.classify.train            # build data/model.json
    python -m extract.classify.train --cv       # grouped 5-fold cross-validation on the train split only
    python -m extract.classify.train --holdout  # the same settings on a fixed grouped quarter of the train split
    python -m extract.classify.train --real-cv  # grouped 5-fold CV over the real-news dev articles (REAL_WEIGHT)
    python -m extract.classify.train --topic-cv # the same, leaving one story (topic) out at a time
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import pathlib
import sys

import numpy as np
import sklearn
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.svm import LinearSVC

from extract.classify import corpus as corpus_mod
from extract.classify.features import FEATURES_VERSION, features
from extract.classify.model import BLOCKS, FORMAT, MODEL_PATH, Vocabulary, encode_matrix

VERSION = "1.0"
# Settings chosen by grouped cross-validation on the train split (--cv); see README.md.
SETTINGS = {
    "min_df": 2,
    "block_weights": {"words": 2.0, "chars": 1.0, "rules": 1.0},
    "type_model": "linear_svc",  # "logistic" or "linear_svc" (squared hinge, one-vs-rest)
    "type_C": 0.5,
    "type_temperature": 3.8,  # linear_svc: scores x this, softmaxed (fitted on out-of-fold train scores)
    "mode_C": 30.0,
    "prune": 0.05,
}


ROOT = pathlib.Path(__file__).resolve().parents[2]
REAL_GOLD = ROOT / "tests" / "gold" / "t17_events.jsonl"
SHARED = ROOT.parent / "shared"
REAL_CORPUS = pathlib.Path("corpora") / "timeline17-dev"
# How many times each real-news dev clause counts beside the corpus's sentences: grouped 5-fold cross-validation
# over the dev articles (--real-cv) gave type accuracy on held-out real clauses 0.529 without them, 0.596 / 0.600 /
# 0.604 / 0.604 / 0.600 at weights 1 / 2 / 3 / 5 / 8 (README.md, "Seventh round").
REAL_WEIGHT = 3


def real_gold_sha256(gold: pathlib.Path = REAL_GOLD) -> str:
    """Hash of the real-news gold's dev events (what the model learns from; test lines do not count)."""
    lines = sorted(json.dumps(e, sort_keys=True) for e in _read_gold(gold) if e["split"] == "dev")
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _read_gold(gold: pathlib.Path) -> list[dict]:
    with open(gold, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def real_rows(shared: pathlib.Path = SHARED, gold: pathlib.Path = REAL_GOLD) -> list[dict]:
    """The dev split's gold events as training rows: the sentence holding the evidence (split as the events
    pipeline splits text), the evidence as its clause, the gold type and mode, the article as the group. The
    article texts are read in place; FileNotFoundError names the corpus when ../shared is absent."""
    from extract.events.sentences import split_sentences

    corpus = shared / REAL_CORPUS
    if not corpus.is_dir():
        raise FileNotFoundError(
            f"{corpus}: not found; the classifier also learns from the real-news gold's dev clauses, whose "
            "articles are read there (the checked-in model needs no rebuild)"
        )
    texts: dict[tuple[str, int], str] = {}
    rows = []
    for e in _read_gold(gold):
        if e["split"] != "dev":
            continue
        key = (e["topic"], e["line"])
        if key not in texts:
            with open(corpus / e["topic"] / "articles.jsonl", encoding="utf-8") as fh:
                for number, raw in enumerate(fh, start=1):
                    if number == e["line"]:
                        texts[key] = json.loads(raw)["text"]
                        break
        text = texts[key]
        start = e["evidence_start"]
        sentence = next((text[x.start : x.end] for x in split_sentences(text) if x.start <= start < x.end), "")
        clause = e["evidence"] if e["evidence"] in sentence else None
        rows.append(
            {
                "text": sentence or e["evidence"],
                "clause": clause,
                "event_type": e["event_type"],
                "mode": e["mode"],
                "group": f"{e['topic']}:{e['line']}",
                "origin": "real-news",
            }
        )
    return rows


def row_features(r: dict):
    """A training row's features: its clause in its sentence (real-news rows), else the whole sentence."""
    return features(r["text"], r.get("clause"))


def corpus_sha256(path: pathlib.Path = corpus_mod.CORPUS) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def group_of(row: dict) -> str:
    """The written sentence or predicate a row comes from: generated rows of one group stay in one fold."""
    return row.get("group") or row["text"]


def build_vocabulary(feats: list, min_df: int, block_weights: dict[str, float]) -> Vocabulary:
    """Word and character n-grams found in at least min_df sentences, and every rule feature."""
    df: dict[str, collections.Counter] = {b: collections.Counter() for b in BLOCKS}
    for f in feats:
        df["words"].update(set(f.words))
        df["chars"].update(set(f.chars))
        df["rules"].update(set(f.rules))
    blocks = {b: sorted(k for k, n in df[b].items() if n >= (1 if b == "rules" else min_df)) for b in BLOCKS}
    return Vocabulary(blocks, block_weights)


def matrix(vocab: Vocabulary, feats: list) -> csr_matrix:
    """The rows of feats vectorized exactly as scoring does (model.Vocabulary.vectorize)."""
    indptr, cols, vals = [0], [], []
    for f in feats:
        c, v = vocab.vectorize(f)
        cols += c
        vals += v
        indptr.append(len(cols))
    return csr_matrix(
        (np.asarray(vals), np.asarray(cols, dtype=np.int64), np.asarray(indptr)), (len(feats), vocab.size)
    )


def fit(X: csr_matrix, y: list[str], C: float) -> LogisticRegression:
    clf = LogisticRegression(C=C, max_iter=5000, tol=1e-6)
    clf.fit(X, y)
    return clf


def fit_type(X: csr_matrix, y: list[str], settings: dict):
    """The type head: a logistic regression, or a linear SVM whose scores are scaled by one temperature so that
    their softmax reads as a probability (model.py scores every head as softmax(intercept + x @ W))."""
    if settings.get("type_model", "logistic") == "logistic":
        return fit(X, y, settings["type_C"])
    clf = LinearSVC(C=settings["type_C"], max_iter=50000, random_state=0)  # liblinear shuffles: fixed, so builds repeat
    clf.fit(X, y)
    clf.coef_ = clf.coef_ * settings["type_temperature"]
    clf.intercept_ = clf.intercept_ * settings["type_temperature"]
    return clf


def _weights(clf: LogisticRegression) -> np.ndarray:
    """Weights as (n_features, n_labels); scikit-learn keeps one row for a two-label problem."""
    coef = clf.coef_
    if coef.shape[0] == 1:
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
    return coef.T


def train(
    rows: list[dict], settings: dict = SETTINGS
) -> tuple[Vocabulary, LogisticRegression | LinearSVC, LogisticRegression]:
    """Vocabulary and the two fitted heads, from rows (all of them are used: pass the train split)."""
    feats = [row_features(r) for r in rows]
    types = [r["event_type"] for r in rows]
    ev = [k for k, r in enumerate(rows) if r["event_type"] != corpus_mod.NONE]
    vocab = build_vocabulary(feats, settings["min_df"], settings["block_weights"])
    for round_ in ("all features", "kept features"):
        X = matrix(vocab, feats)
        type_clf = fit_type(X, types, settings)
        mode_clf = fit(X[ev], [rows[k]["mode"] for k in ev], settings["mode_C"])
        if round_ == "kept features" or not settings.get("prune"):
            break
        strength = np.maximum(np.abs(_weights(type_clf)).max(1), np.abs(_weights(mode_clf)).max(1))
        keep = strength >= settings["prune"]
        kept: dict[str, list[str]] = {}
        start = 0
        for b in BLOCKS:
            n = len(vocab.lists[b])
            kept[b] = [f for f, k in zip(vocab.lists[b], keep[start : start + n], strict=True) if k]
            start += n
        vocab = Vocabulary(kept, settings["block_weights"])
    return vocab, type_clf, mode_clf


def to_json(
    vocab: Vocabulary,
    type_clf,
    mode_clf,
    *,
    sha: str,
    n_rows: int,
    n_train: int,
    settings: dict,
    real_news: dict | None = None,
) -> dict:
    def head(clf) -> dict:
        return {
            "labels": [str(c) for c in clf.classes_],
            "intercept": [round(float(x), 6) for x in (clf.intercept_ if len(clf.classes_) > 2 else [0.0, 0.0])],
            "weights": encode_matrix(_weights(clf)),
        }

    return {
        "format": FORMAT,
        "version": VERSION,
        "corpus_sha256": sha,
        "corpus_rows": n_rows,
        "trained_rows": n_train,
        "features_version": FEATURES_VERSION,
        "built_with": f"scikit-learn {sklearn.__version__}, type: "
        + (
            "LogisticRegression (multinomial, lbfgs)"
            if settings.get("type_model", "logistic") == "logistic"
            else f"LinearSVC x temperature {settings['type_temperature']}"
        )
        + ", mode: LogisticRegression (multinomial, lbfgs)",
        "settings": settings,
        "block_weights": vocab.weights,
        "vocabulary": vocab.lists,
        "real_news": real_news or {},
        "type": head(type_clf),
        "mode": head(mode_clf),
    }


def real_cv(
    train_rows: list[dict], real: list[dict], weights=(0, 1, 2, 3, 5, 8), folds: int = 5, by_topic: bool = False
) -> None:
    """Type accuracy on held-out real-news clauses: grouped k-fold over the dev articles (by_topic: one fold per
    story, "bpoil", "H1N1" ..., every outlet of it, so the clauses scored come from a story the model learned none
    of), the type head fitted on the corpus's train split plus the other folds' real clauses counted `weight` times
    (no pruning)."""
    groups = [r["group"].split("_")[0] if by_topic else r["group"] for r in real]
    splitter = GroupKFold(n_splits=len(set(groups)) if by_topic else folds)
    for weight in weights:
        right = 0
        for tr, te in splitter.split(real, groups=groups):
            rows = train_rows + [real[k] for k in tr] * weight
            feats = [row_features(r) for r in rows]
            vocab = build_vocabulary(feats, SETTINGS["min_df"], SETTINGS["block_weights"])
            clf = fit_type(matrix(vocab, feats), [r["event_type"] for r in rows], SETTINGS)
            pred = clf.predict(matrix(vocab, [row_features(real[k]) for k in te]))
            right += sum(p == real[k]["event_type"] for p, k in zip(pred, te, strict=True))
        print(f"weight {weight}: type accuracy on held-out real-news clauses {right / len(real):.3f}", flush=True)


def build(train_rows: list[dict], real: list[dict], sha: str, n_rows: int) -> dict:
    """The model file's content: both heads fitted on the corpus's train rows and the real-news clauses."""
    vocab, type_clf, mode_clf = train(train_rows + real * REAL_WEIGHT, SETTINGS)
    real_news = {
        "gold": "tests/gold/t17_events.jsonl, dev split",
        "gold_sha256": real_gold_sha256(),
        "clauses": len(real),
        "weight": REAL_WEIGHT,
    }
    return to_json(
        vocab,
        type_clf,
        mode_clf,
        sha=sha,
        n_rows=n_rows,
        n_train=len(train_rows),
        settings=SETTINGS,
        real_news=real_news,
    )


def cross_validate(rows: list[dict], grid: list[dict], folds: int = 5) -> None:
    """Grouped k-fold accuracy of type and mode on the given (train) rows for each settings in grid."""
    groups = [group_of(r) for r in rows]
    splitter = GroupKFold(n_splits=folds)
    for settings in grid:
        t_ok = m_ok = m_n = 0
        for tr, te in splitter.split(rows, groups=groups):
            tr_rows = [rows[k] for k in tr]
            vocab, type_clf, mode_clf = train(tr_rows, settings)
            te_feats = [features(rows[k]["text"]) for k in te]
            X = matrix(vocab, te_feats)
            pt = type_clf.predict(X)
            pm = mode_clf.predict(X)
            for k, a, b in zip(te, pt, pm, strict=True):
                t_ok += a == rows[k]["event_type"]
                if rows[k]["event_type"] != corpus_mod.NONE:
                    m_n += 1
                    m_ok += b == rows[k]["mode"]
        print(f"type {t_ok / len(rows):.3f}  mode {m_ok / m_n:.3f}  {json.dumps(settings)}", flush=True)


def fit_temperature(rows: list[dict], settings: dict = SETTINGS, folds: int = 5) -> float:
    """The temperature of the linear SVM type head (SETTINGS["type_temperature"]): the one factor on its out-of-fold
    scores over the (train) rows, grouped folds as cross_validate's, whose softmax has the least log loss. Softmaxed
    as they are, the SVM's scores are nearly flat; scaled by it, the pipeline's thresholds read as probabilities."""
    from scipy.optimize import minimize_scalar

    groups = [group_of(r) for r in rows]
    feats = [features(r["text"]) for r in rows]
    truth = np.array([r["event_type"] for r in rows])
    scores, labels = None, None
    for tr, te in GroupKFold(n_splits=folds).split(rows, groups=groups):
        fold = [feats[k] for k in tr]
        vocab = build_vocabulary(fold, settings["min_df"], settings["block_weights"])
        clf = fit_type(matrix(vocab, fold), list(truth[tr]), {**settings, "type_temperature": 1.0})
        d = clf.decision_function(matrix(vocab, [feats[k] for k in te]))
        if scores is None:
            scores, labels = np.zeros((len(rows), d.shape[1])), clf.classes_
        scores[te] = d
    right = np.searchsorted(labels, truth)

    def log_loss(t: float) -> float:
        z = t * scores
        z -= z.max(axis=1, keepdims=True)
        return float(-(z[np.arange(len(rows)), right] - np.log(np.exp(z).sum(axis=1))).mean())

    best = minimize_scalar(log_loss, bounds=(0.1, 50.0), method="bounded")
    print(f"temperature {best.x:.2f}: out-of-fold log loss {best.fun:.3f} (at 1: {log_loss(1.0):.3f})", flush=True)
    return float(best.x)


HOLDOUT_SEED = "devsplit-x"  # the grouped hold-out inside the train split that the settings were compared on
HOLDOUT_PERCENT = 25


def in_holdout(row: dict) -> bool:
    """True for about a quarter of the train split's groups (fixed by HOLDOUT_SEED): --holdout fits on the
    rest and scores these, a quicker comparison of settings than --cv; the test split is never read."""
    h = int(hashlib.sha256(f"{HOLDOUT_SEED}\x00{group_of(row)}".encode()).hexdigest()[:8], 16)
    return h % 100 < HOLDOUT_PERCENT


def holdout(rows: list[dict], grid: list[dict]) -> None:
    """Type and mode accuracy on the hold-out part of the (train) rows for each settings in grid."""
    fit_rows = [r for r in rows if not in_holdout(r)]
    held = [r for r in rows if in_holdout(r)]
    feats = [features(r["text"]) for r in held]
    for settings in grid:
        vocab, type_clf, mode_clf = train(fit_rows, settings)
        X = matrix(vocab, feats)
        pt, pm = type_clf.predict(X), mode_clf.predict(X)
        t_ok = np.mean([a == r["event_type"] for a, r in zip(pt, held, strict=True)])
        ev = [(b == r["mode"]) for b, r in zip(pm, held, strict=True) if r["event_type"] != corpus_mod.NONE]
        print(f"hold-out {len(held)}: type {t_ok:.3f}  mode {np.mean(ev):.3f}  {json.dumps(settings)}", flush=True)


def _grid() -> list[dict]:
    """The settings compared (README.md, "Features and model"): the logistic type head of the earlier rounds and
    the linear SVM's C."""
    grid = [{**SETTINGS, "type_model": "logistic", "type_C": 100.0}]
    for tc in (0.2, 0.5, 1.0):
        grid.append({**SETTINGS, "type_C": tc})
    return grid


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extract.classify.train", description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=pathlib.Path, default=corpus_mod.CORPUS)
    ap.add_argument("-o", "--output", type=pathlib.Path, default=MODEL_PATH)
    ap.add_argument("--cv", action="store_true", help="cross-validate settings on the train split, write nothing")
    ap.add_argument("--holdout", action="store_true", help="compare settings on a hold-out of the train split")
    ap.add_argument("--shared", type=pathlib.Path, default=SHARED, help="the shared folder (real-news articles)")
    ap.add_argument(
        "--real-cv", action="store_true", help="cross-validate the real-news clauses' weight, write nothing"
    )
    ap.add_argument(
        "--topic-cv",
        action="store_true",
        help="the same with one fold per story (leave one topic out), write nothing",
    )
    ap.add_argument(
        "--temperature",
        action="store_true",
        help="fit the SVM type head's temperature on the train split, write nothing",
    )
    args = ap.parse_args(argv)
    rows = corpus_mod.load(args.corpus)
    train_rows = [r for r in rows if r["split"] == "train"]
    if args.cv:
        cross_validate(train_rows, _grid())
        return 0
    if args.holdout:
        holdout(train_rows, _grid())
        return 0
    if args.temperature:
        fit_temperature(train_rows)
        return 0
    try:
        real = real_rows(args.shared)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.real_cv or args.topic_cv:
        real_cv(train_rows, real, by_topic=args.topic_cv)
        return 0
    data = build(train_rows, real, corpus_sha256(args.corpus), len(rows))
    vocab = Vocabulary(data["vocabulary"], data["block_weights"])
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.output.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    tmp.replace(args.output)
    sizes = ", ".join(f"{b} {len(vocab.lists[b])}" for b in BLOCKS)
    print(
        f"wrote {args.output} ({args.output.stat().st_size / 1e6:.2f} MB): {len(train_rows)} training sentences "
        f"and {len(real)} real-news clauses x {REAL_WEIGHT}"
    )
    print(f"features kept: {sizes}; corpus sha256 {data['corpus_sha256'][:12]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
