"""A learned event classifier: PLOVER event type and mode of a sentence or clause.

    classify(sentence_text, clause_text=None) -> (event_type or None, type_confidence, mode, mode_confidence)
    classify_batch(sentences, clauses=None) -> list of the same tuples
    score(sentence_text, clause_text=None) -> Scores: the whole type and mode distributions, the best type,
        the runner-up and the margin between them (a caller may keep its own answer when the margin is small)
    score_batch(sentences, clauses=None) -> list[Scores], scored in one numpy pass
    score_clauses(tokens, spans, text, clauses=None) -> list[Scores] of clauses of one tokenized sentence;
    clause_features(tokens, i0, i1, text, clauses=None) and score_features(list) -> list[Scores]: the same in two
        steps, so the events pipeline's classify stage scores all clauses of an article in one numpy pass from
        its own tokens and clauses (nothing tokenized twice)

event_type is one of core.schema.PLOVER_TYPES, or None when the clause reports no happening (the corpus's
NONE label); mode is one of core.schema.MODES and is given in both cases (it reads how the clause is put:
the caller decides whether to use it when the type is None). The confidences are the models' softmax
probabilities of the chosen labels (0..1).

Two linear models over word n-grams, character n-grams and the rule cues of extract/events (features.py),
trained with scikit-learn on the project's own sentence corpus (data/sentences.jsonl, written for this; see
README.md) and stored as JSON weights (data/model.json, `make model`); scoring is numpy only. A missing or
damaged model file raises model.ModelFileError naming the command that rebuilds it. The events pipeline uses it
in its classify stage (extract/events/stages.py, Settings.classifier).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from extract.classify.features import MAX_CHARS, Features, features, token_features
from extract.classify.model import Model, ModelFileError, default_model, load
from extract.events.clauses import Clause
from extract.events.plover import Cue
from extract.events.tokens import Token

__all__ = [
    "Model",
    "ModelFileError",
    "Scores",
    "classify",
    "classify_batch",
    "clause_features",
    "load",
    "score",
    "score_batch",
    "score_clauses",
    "score_features",
]

NONE_LABEL = "NONE"
Result = tuple[str | None, float, str, float]


class Scores(NamedTuple):
    """What the model says of one clause: the best type (None: no happening) and the runner-up with their
    probabilities, the best mode and its probability, and both whole distributions (type_probs in the order
    of type_labels, "NONE" for no happening; mode_probs in the order of mode_labels)."""

    event_type: str | None
    type_p: float
    second_type: str | None
    second_p: float
    mode: str
    mode_p: float
    type_labels: tuple[str, ...]
    type_probs: np.ndarray
    mode_labels: tuple[str, ...]
    mode_probs: np.ndarray

    @property
    def margin(self) -> float:
        """How much surer the model is of its type than of the runner-up (0..1)."""
        return self.type_p - self.second_p

    @property
    def types(self) -> dict[str, float]:
        """The type distribution as label -> probability."""
        return {lab: float(x) for lab, x in zip(self.type_labels, self.type_probs, strict=True)}

    @property
    def modes(self) -> dict[str, float]:
        """The mode distribution as label -> probability."""
        return {lab: float(x) for lab, x in zip(self.mode_labels, self.mode_probs, strict=True)}

    def p(self, event_type: str | None) -> float:
        """The probability of a type (None: of no happening; 0.0 for a label the model does not know)."""
        label = NONE_LABEL if event_type is None else event_type
        return float(self.type_probs[self.type_labels.index(label)]) if label in self.type_labels else 0.0


def _scores(model: Model, pt: np.ndarray, pm: np.ndarray) -> Scores:
    second, first = (int(k) for k in np.argpartition(pt, len(pt) - 2)[-2:])
    return _scores_at(model, pt, pm, first, second, int(pm.argmax()))


def _scores_at(model: Model, pt: np.ndarray, pm: np.ndarray, first: int, second: int, km: int) -> Scores:
    """The Scores of one clause's distributions, given the positions of its two likeliest types (in either order)
    and of its likeliest mode."""
    t_labels, m_labels = model.type_head.labels, model.mode_head.labels
    if pt[second] > pt[first]:
        first, second = second, first
    return Scores(
        None if t_labels[first] == NONE_LABEL else t_labels[first],
        float(pt[first]),
        None if t_labels[second] == NONE_LABEL else t_labels[second],
        float(pt[second]),
        m_labels[km],
        float(pm[km]),
        model.type_labels,
        pt,
        model.mode_labels,
        pm,
    )


def _score_features(model: Model, many: Sequence[Features]) -> list[Scores]:
    if not many:
        return []
    pt, pm = model.proba_batch(many)
    # _scores of each row, with its searches done for all rows at once (numpy's row-wise partition and argmax
    # make the choices they make on one row)
    top_two = np.argpartition(pt, pt.shape[1] - 2, axis=1)[:, -2:].tolist()
    best_modes = pm.argmax(axis=1).tolist()
    return [
        _scores_at(model, pt[k], pm[k], first, second, km)
        for k, ((second, first), km) in enumerate(zip(top_two, best_modes, strict=True))
    ]


def score(sentence_text: str, clause_text: str | None = None, *, model: Model | None = None) -> Scores:
    """The model's distributions over types and modes of the clause (the whole sentence when None)."""
    m = model or default_model()
    pt, pm = m.proba(features(sentence_text or "", clause_text))
    return _scores(m, pt, pm)


def score_batch(
    sentences: Sequence[str], clauses: Sequence[str | None] | None = None, *, model: Model | None = None
) -> list[Scores]:
    """score() of each sentence (with the clause at the same position when clauses is given), in one pass."""
    if clauses is not None and len(clauses) != len(sentences):
        raise ValueError(f"{len(sentences)} sentences but {len(clauses)} clauses")
    pairs = zip(sentences, clauses if clauses is not None else [None] * len(sentences), strict=True)
    return _score_features(model or default_model(), [features(s or "", c) for s, c in pairs])


def clause_features(
    tokens: list[Token],
    i0: int,
    i1: int,
    text: str,
    clauses: list[Clause] | None = None,
    cues: list[Cue] | None = None,
) -> Features:
    """The features of the clause tokens[i0:i1] of one tokenized sentence (extract.events.tokens, offsets into
    text; clauses: its split_clauses(tokens), cues: find_cues(tokens, i0, i1), when known), equal to features() of
    the sentence's text and the clause's, without tokenizing again. The events pipeline passes, for a clause that
    is its whole sentence, the cues its find_event_cues stage kept (a heading word in capitals left out). A
    sentence longer than features.MAX_CHARS goes through features() (which cuts it), so both paths agree."""
    if not tokens:
        return features("")
    if tokens[-1].end - tokens[0].start > MAX_CHARS:
        base = tokens[0].start
        sentence = text[base : tokens[-1].end]
        return features(sentence, sentence[tokens[i0].start - base : tokens[i1 - 1].end - base] if i1 > i0 else "")
    return token_features(tokens, i0, i1, text[tokens[i0].start : tokens[i1 - 1].end] if i1 > i0 else "", clauses, cues)


def score_features(many: Sequence[Features], *, model: Model | None = None) -> list[Scores]:
    """Scores of clauses whose features were computed already (features(), clause_features()), in one pass."""
    return _score_features(model or default_model(), many)


def score_clauses(
    tokens: list[Token],
    spans: Sequence[tuple[int, int]],
    text: str,
    clauses: list[Clause] | None = None,
    *,
    model: Model | None = None,
) -> list[Scores]:
    """score() of the clauses tokens[i0:i1] (spans) of one sentence given as its tokens (extract.events.tokens,
    offsets into text) and, when known, its split_clauses(tokens), in one pass (see clause_features)."""
    m = model or default_model()
    return _score_features(m, [clause_features(tokens, i0, i1, text, clauses) for i0, i1 in spans])


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
