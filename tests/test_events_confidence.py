"""The confidence stage: each event's confidence is a learned probability (extract/events/confidence.py).

The checked-in weights file, a file written by the trainer's own writer and scored against scikit-learn's
fitted model, and damaged files in tmp_path that the stage is pointed at. The quality of the confidence is
measured by bench/train_confidence.py, not asserted here.
"""

from __future__ import annotations

import datetime as dt
import json
import math

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from core.errors import ExtractError, user_message
from extract.events import confidence
from extract.events.confidence import FEATURES, ConfidenceFileError
from extract.events.doc import ArticleDoc
from extract.events.extract_one import article_events
from extract.events.stages import PIPELINE, run
from extract.model import Article

TEXT = (
    "Russia launched a missile strike on Kharkiv on Tuesday. Ukraine condemned the attack and asked its "
    "allies for more air defence. Germany said it would send two more Patriot systems next month."
)


def _article(text: str = TEXT) -> Article:
    return Article(id="c", text=text, published=dt.datetime(2024, 3, 6, 12, tzinfo=dt.UTC))


def test_the_checked_in_weights_load_and_match_the_features_this_code_computes():
    weights = confidence.load(confidence.WEIGHTS_PATH)
    assert len(weights["coef"]) == len(FEATURES)
    raw = json.loads(confidence.WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert raw["fitted_on"]["gold"].endswith("dev split")  # the test split is never fitted on


def test_every_row_carries_the_probability_of_its_candidates_features():
    stages = tuple(s for s in PIPELINE if s.name not in ("rows", "merge"))
    doc = run(ArticleDoc(_article()), stages)
    assert len(doc.candidates) >= 3
    weights = confidence.load(confidence.WEIGHTS_PATH)
    expected = sorted(round(confidence.probability(confidence.features(doc, c), weights), 3) for c in doc.candidates)
    rows, _note = article_events(_article())
    assert sorted(r["confidence"] for r in rows) == expected
    assert all(0.0 < r["confidence"] < 1.0 for r in rows)
    for c in doc.candidates:
        x = confidence.features(doc, c)
        assert len(x) == len(FEATURES) and all(math.isfinite(v) for v in x)


def test_the_scorer_reproduces_the_fitted_scikit_learn_model(tmp_path):
    rng = np.random.default_rng(7)
    X = rng.normal(size=(200, len(FEATURES))) * rng.uniform(0.1, 3.0, len(FEATURES)) + rng.normal(size=len(FEATURES))
    y = (X[:, 0] - 0.5 * X[:, 3] + rng.normal(size=200) > 0).astype(int)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=2000)).fit(X, y)
    path = tmp_path / "confidence.json"
    scaler, lr = model[0], model[-1]
    confidence.dump(path, scaler.mean_, scaler.scale_, lr.coef_[0], lr.intercept_[0], {"gold": "synthetic"})
    weights = confidence.load(path)
    ours = [confidence.probability(list(x), weights) for x in X[:50]]
    theirs = model.predict_proba(X[:50])[:, 1]
    assert np.allclose(ours, theirs, atol=1e-4)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "missing"),
        (b"\x00\xff not json", "not readable JSON"),
        (json.dumps({"format": "something-else/1"}).encode(), "not a event-confidence/1 file"),
        (json.dumps({"format": confidence.FORMAT, "features": ["cue_weight"]}).encode(), "other features"),
        (
            json.dumps(
                {
                    "format": confidence.FORMAT,
                    "features": list(FEATURES),
                    "mean": [0.0] * len(FEATURES),
                    "scale": [1.0] * len(FEATURES),
                    "coef": [0.0] * (len(FEATURES) - 1),
                    "intercept": 0.0,
                }
            ).encode(),
            "finite weights",
        ),
        (
            json.dumps(
                {
                    "format": confidence.FORMAT,
                    "features": list(FEATURES),
                    "mean": [0.0] * len(FEATURES),
                    "scale": [0.0] * len(FEATURES),
                    "coef": [0.0] * len(FEATURES),
                    "intercept": 0.0,
                }
            ).encode(),
            "scale is not positive",
        ),
    ],
)
def test_a_missing_or_damaged_weights_file_is_named_with_the_command_that_rebuilds_it(
    tmp_path, monkeypatch, content, problem
):
    path = tmp_path / "confidence.json"
    if content is not None:
        path.write_bytes(content)
    monkeypatch.setattr(confidence, "WEIGHTS_PATH", path)
    with pytest.raises(ConfidenceFileError) as info:
        article_events(_article())
    assert isinstance(info.value, ExtractError)
    message = user_message(info.value)
    assert str(path) in message and problem in message and "make confidence" in message
