"""A learned event classifier: PLOVER event type and mode of a sentence or clause.

    classify(sentence_text, clause_text=None) -> (event_type or None, type_confidence, mode, mode_confidence)
    classify_batch(sentences, clauses=None) -> list of the same tuples

event_type is one of core.schema.PLOVER_TYPES, or None when the clause reports no happening (the corpus's
NONE label); mode is one of core.schema.MODES and is given in both cases (it reads how the clause is put:
the caller decides whether to use it when the type is None). The confidences are the models' softmax
probabilities of the chosen labels (0..1).

Two linear models over word n-grams, character n-grams and the rule cues of extract/events (features.py),
trained with scikit-learn on the project's own sentence corpus (data/sentences.jsonl, written for this; see
README.md) and stored as JSON weights (data/model.json, `make model`); scoring is numpy only. A missing or
damaged model file raises model.ModelFileError naming the command that rebuilds it. Not wired into the events
pipeline yet.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.classify.features import features
from extract.classify.model import Model, ModelFileError, default_model, load

__all__ = ["Model", "ModelFileError", "classify", "classify_batch", "load"]

NONE_LABEL = "NONE"
Result = tuple[str | None, float, str, float]


def _one(model: Model, sentence: str, clause: str | None) -> Result:
    etype, p_type, mode, p_mode = model.predict(features(sentence or "", clause))
    return (None if etype == NONE_LABEL else etype), p_type, mode, p_mode


def classify(sentence_text: str, clause_text: str | None = None, *, model: Model | None = None) -> Result:
    """(event type or None, its probability, mode, its probability) of the clause (the whole sentence when None)."""
    return _one(model or default_model(), sentence_text, clause_text)


def classify_batch(
    sentences: Sequence[str], clauses: Sequence[str | None] | None = None, *, model: Model | None = None
) -> list[Result]:
    """classify() of each sentence (with the clause at the same position when clauses is given)."""
    m = model or default_model()
    if clauses is None:
        return [_one(m, s, None) for s in sentences]
    if len(clauses) != len(sentences):
        raise ValueError(f"{len(sentences)} sentences but {len(clauses)} clauses")
    return [_one(m, s, c) for s, c in zip(sentences, clauses, strict=True)]
