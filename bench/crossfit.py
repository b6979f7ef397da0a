"""Cross-fitting for the real-news gold's dev split: a classifier built without each article's fold.

The learned classifier (extract/classify/README.md, "Seventh round") learns from the real-news gold's dev
clauses, so a dev article scored with the checked-in model is scored by a model that has seen it: its type and
mode figures, and the events the classify stage adds or drops, are in-sample. fold_models() builds, for five
article folds of the dev split, the same classifier as `make model` without that fold's articles (same corpus,
settings and weight), and says which model file scores each dev article; using() swaps the model the
pipeline reads for the time of a `with` block. Used by bench/eval_real_gold.py --cross-fit (the dev split's
figures as an unseen article gets them) and bench/train_confidence.py (the confidence's training rows).
"""

from __future__ import annotations

import contextlib
import json
import pathlib


def fold_models(gold: dict, shared: pathlib.Path, tmp: pathlib.Path, folds: int = 5) -> dict[tuple, pathlib.Path]:
    """For each dev article key of `gold` (eval_real_gold.read_gold), the model file of its fold, written to tmp."""
    from sklearn.model_selection import GroupKFold

    from extract.classify import corpus as corpus_mod
    from extract.classify import train as classifier_train

    rows = corpus_mod.load()
    corpus_train = [r for r in rows if r["split"] == "train"]
    real = classifier_train.real_rows(shared)
    dev_keys = sorted(k for k, events in gold.items() if events[0]["split"] == "dev")
    out: dict[tuple, pathlib.Path] = {}
    for n, (_, held) in enumerate(GroupKFold(folds).split(dev_keys, groups=[f"{t}:{line}" for t, line in dev_keys])):
        held_keys = {dev_keys[k] for k in held}
        held_groups = {f"{t}:{line}" for t, line in held_keys}
        data = classifier_train.build(
            corpus_train, [r for r in real if r["group"] not in held_groups], "cross-fit", len(rows)
        )
        path = tmp / f"fold{n}.json"
        path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        out.update({k: path for k in held_keys})
    return out


def use_model(path: pathlib.Path) -> None:
    """The classifier the pipeline reads from now on is the one in `path`."""
    from extract.classify import model as classifier_model

    classifier_model.MODEL_PATH = path
    classifier_model.default_model.cache_clear()


@contextlib.contextmanager
def using(path: pathlib.Path | None):
    """Within the block the pipeline reads the model in `path` (None: the checked-in one); restored after."""
    from extract.classify import model as classifier_model

    checked_in = classifier_model.MODEL_PATH
    use_model(path or checked_in)
    try:
        yield
    finally:
        use_model(checked_in)
