"""How likely an extracted event is a happening an analyst would mark: a learned row confidence.

features(doc, c) describes one candidate by what the stages found for it (the cue, the mode, the
classifier's probabilities, what kind of actor acts and is acted upon, how it was dated, where in the
article it stands); score(rows of features) is a logistic regression over them, its weights read from
data/confidence.json. The weights are fitted by bench/train_confidence.py (`make confidence`) on the
dev split of the real-news gold (tests/gold/t17_events.jsonl, the articles read in place from
../shared): a row is a positive when it aligns with an analyst's event. The test split is never
trained on; its figures are in extract/events/README.md, "Confidence".

The file holds no code: a format tag, the feature names in order (checked against FEATURES, so a
file fitted on other features is refused), each feature's mean and scale, the coefficients and the
intercept, and what it was fitted on. A missing or damaged file raises ConfidenceFileError, which names
the file and the command that rebuilds it.
"""

from __future__ import annotations

import functools
import json
import math
import pathlib

from core.errors import ExtractError
from extract.events.doc import ArticleDoc, Candidate

WEIGHTS_PATH = pathlib.Path(__file__).resolve().parent / "data" / "confidence.json"
FORMAT = "event-confidence/1"
REBUILD = "make confidence (needs ../shared; or: .venv/bin/python bench/train_confidence.py --write)"

_MODES = ("actual", "statement", "future", "negated", "hypothetical")
_QUADS = ("VERBAL_COOPERATION", "MATERIAL_COOPERATION", "VERBAL_CONFLICT", "MATERIAL_CONFLICT")
_ROLES = ("source", "target")
_KINDS = ("any", "country", "person", "name")  # an actor at all; a state; a person; a name the article introduced

FEATURES: tuple[str, ...] = (
    "cue_weight",
    "cue_words",
    "noun",
    *(f"mode_{m}" for m in _MODES),
    *(f"{r}_{k}" for r in _ROLES for k in _KINDS),
    "dated_by_text",
    "day_precision",
    "caption",
    "position",
    "lead",
    "actors",
    "retyped",
    "remoded",
    "type_p",
    "none_p",
    "mode_p",
    "clause_words",
    *(f"quad_{q.lower()}" for q in _QUADS),
)


class ConfidenceFileError(ExtractError):
    """The confidence weights are missing or damaged; the message says how to rebuild them."""

    def __init__(self, path: pathlib.Path | str, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}; rebuild it with `{REBUILD}`")


def _actor_kind(m) -> tuple[float, float, float, float]:
    if m is None:
        return (0.0, 0.0, 0.0, 0.0)
    return (1.0, float(m.type == "country"), float(m.type == "person"), float(m.type in ("name", "crowd")))


def features(doc: ArticleDoc, c: Candidate) -> list[float]:
    """The feature vector of one candidate that has its roles and period, in the order of FEATURES."""
    sc = c.scores
    types = sc.types if sc is not None else {}
    n = max(len(doc.sentences), 1)
    out = [
        float(c.cue.weight),
        float(min(c.cue.j - c.cue.i, 4)),
        float(c.kind == "noun"),
        *(float(c.reading.mode == m) for m in _MODES),
        *_actor_kind(c.source),
        *_actor_kind(c.target),
        float(not c.date_from_publication),
        float(c.period is not None and c.period.precision == "day"),
        float(doc.sentences[c.s].kind == "caption"),
        c.s / n,
        float(c.s < 3),
        min(len(c.actors), 5) / 5.0,
        float(bool(c.rule_type)),
        float(bool(c.rule_mode)),
        float(sc.types.get(c.cue.event_type, sc.type_p)) if sc is not None else 0.5,
        float(types.get("NONE", 0.0)),
        float(sc.mode_p) if sc is not None else 0.5,
        min(c.clause.i1 - c.clause.i0, 60) / 30.0,
        *(float(c.cue.quad_class == q) for q in _QUADS),
    ]
    return out


@functools.cache
def load(path: pathlib.Path = WEIGHTS_PATH) -> dict:
    """The checked weights file (cached per path); ConfidenceFileError when missing or damaged."""
    try:
        raw = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfidenceFileError(path, "the file is missing") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfidenceFileError(path, f"not readable JSON ({exc.__class__.__name__})") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ConfidenceFileError(path, f"not a {FORMAT} file")
    if tuple(raw.get("features") or ()) != FEATURES:
        raise ConfidenceFileError(path, "fitted on other features than this code computes")
    k = len(FEATURES)
    try:
        mean = [float(x) for x in raw["mean"]]
        scale = [float(x) for x in raw["scale"]]
        coef = [float(x) for x in raw["coef"]]
        intercept = float(raw["intercept"])
    except (KeyError, TypeError, ValueError):
        raise ConfidenceFileError(path, "a weight is missing or not a number") from None
    if not (len(mean) == len(scale) == len(coef) == k) or not all(
        math.isfinite(x) for x in (*mean, *scale, *coef, intercept)
    ):
        raise ConfidenceFileError(path, f"expected {k} finite weights per part")
    if any(s <= 0 for s in scale):
        raise ConfidenceFileError(path, "a feature scale is not positive")
    return {"mean": mean, "scale": scale, "coef": coef, "intercept": intercept}


def dump(path: pathlib.Path, mean, scale, coef, intercept: float, fitted_on: dict) -> None:
    """Write a weights file that load() accepts (the trainer's output; values rounded to 6 decimals)."""
    doc = {
        "format": FORMAT,
        "features": list(FEATURES),
        "mean": [round(float(x), 6) for x in mean],
        "scale": [round(float(x), 6) for x in scale],
        "coef": [round(float(x), 6) for x in coef],
        "intercept": round(float(intercept), 6),
        "fitted_on": fitted_on,
    }
    pathlib.Path(path).write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")


def probability(x: list[float], weights: dict) -> float:
    """The logistic regression's probability for one feature vector (standardized as in the fit)."""
    z = weights["intercept"]
    for v, m, s, w in zip(x, weights["mean"], weights["scale"], weights["coef"], strict=True):
        z += w * (v - m) / s
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


def rate(doc: ArticleDoc) -> ArticleDoc:
    """Each candidate's confidence: the probability that an analyst would mark it as a happening."""
    weights = load(WEIGHTS_PATH)
    for c in doc.candidates:
        c.confidence = round(probability(features(doc, c), weights), 3)
    return doc
