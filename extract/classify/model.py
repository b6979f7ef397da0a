"""The event classifier's model file: two linear models (event type, mode) stored as JSON, scored with numpy.

The file (data/model.json, written by train.py, `make model`) holds no code and nothing to unpickle: a
format tag, the version, the SHA-256 of the corpus it was trained on, the feature version, the feature
vocabulary of each block and, per model, its labels, intercepts and a weight matrix (n_features x n_labels,
little-endian float16, base64). Scoring rebuilds the linear function by hand:

    x_f = block_weight / sqrt(n_block) * count_f   for each feature f of a block found in the vocabulary
    score = intercept + x @ W,  probabilities = softmax(score)

where n_block is how many of the block's features were found. vectorize() is that step, shared by the
training (which fits scikit-learn on exactly these vectors) and by scoring, so both read a clause alike.

load(path) checks the file and raises ModelFileError, naming the file and the command that rebuilds it,
when it is missing, unreadable, truncated, of another format or built with other features.
"""

from __future__ import annotations

import base64
import functools
import json
import math
import pathlib
from collections.abc import Sequence

import numpy as np

from core.errors import ExtractError
from extract.classify.features import FEATURES_VERSION, Features, word_chars

HERE = pathlib.Path(__file__).resolve().parent
MODEL_PATH = HERE / "data" / "model.json"
FORMAT = "event-classifier/1"
REBUILD = "make model (or: .venv/bin/python -m extract.classify.train)"
BLOCKS = ("words", "chars", "rules")


class ModelFileError(ExtractError):
    """The classifier's model file is missing or damaged; the message says how to rebuild it."""

    def __init__(self, path: pathlib.Path | str, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}; rebuild it with `{REBUILD}`")


def encode_matrix(m: np.ndarray) -> dict:
    """A float matrix as JSON: dtype, shape and base64 of its little-endian float16 bytes."""
    a = np.ascontiguousarray(m, dtype="<f2")
    return {"dtype": "float16", "shape": list(a.shape), "data": base64.b64encode(a.tobytes()).decode("ascii")}


def decode_matrix(spec: dict) -> np.ndarray:
    if spec.get("dtype") != "float16":
        raise ValueError(f"weights of dtype {spec.get('dtype')!r}, expected float16")
    shape = tuple(int(n) for n in spec["shape"])
    raw = base64.b64decode(spec["data"], validate=True)
    if len(raw) != 2 * math.prod(shape):
        raise ValueError(f"weights hold {len(raw)} bytes, shape {shape} needs {2 * math.prod(shape)}")
    return np.frombuffer(raw, dtype="<f2").reshape(shape).astype(np.float32)


class Vocabulary:
    """Feature string -> column, per block; columns of the blocks follow each other (words, chars, rules)."""

    def __init__(self, blocks: dict[str, list[str]], block_weights: dict[str, float]):
        self.lists = {b: list(blocks[b]) for b in BLOCKS}
        self.weights = {b: float(block_weights[b]) for b in BLOCKS}
        self.index: dict[str, dict[str, int]] = {}
        start = 0
        for b in BLOCKS:
            self.index[b] = {f: start + k for k, f in enumerate(self.lists[b])}
            start += len(self.lists[b])
        self.size = start
        self._chars_of_word: dict[str, tuple[int, ...]] = {}

    def _char_columns(self, word: str) -> tuple[int, ...]:
        cols = self._chars_of_word.get(word)
        if cols is None:
            idx = self.index["chars"]
            cols = tuple([c for c in map(idx.get, word_chars(word)) if c is not None])
            if len(self._chars_of_word) < 200_000:
                self._chars_of_word[word] = cols
        return cols

    def vectorize(self, feats: Features) -> tuple[list[int], list[float]]:
        """(columns, values) of one clause's features: counts scaled by block weight / sqrt(found in block)."""
        cols: list[int] = []
        vals: list[float] = []
        cached = self._chars_of_word.get
        chars: list[int] = []
        for w in feats.char_words:
            found_w = cached(w)
            chars.extend(self._char_columns(w) if found_w is None else found_w)
        for block, found in (
            ("words", [c for c in map(self.index["words"].get, feats.words) if c is not None]),
            ("chars", chars),
            ("rules", [c for c in map(self.index["rules"].get, feats.rules) if c is not None]),
        ):
            if found:
                cols += found
                vals += [self.weights[block] / math.sqrt(len(found))] * len(found)
        return cols, vals


class LinearHead:
    """One linear model: labels, intercepts and weights; scores a vectorized clause."""

    def __init__(self, labels: list[str], intercept: np.ndarray, weights: np.ndarray):
        self.labels = list(labels)
        self.intercept = intercept.astype(np.float32)
        self.weights = weights

    def proba(self, cols: list[int], vals: list[float]) -> np.ndarray:
        score = self.intercept.copy()
        if cols:
            score += np.asarray(vals, dtype=np.float32) @ self.weights[cols]
        score -= score.max()
        e = np.exp(score)
        return e / e.sum()

    def predict(self, cols: list[int], vals: list[float]) -> tuple[str, float]:
        p = self.proba(cols, vals)
        k = int(p.argmax())
        return self.labels[k], float(p[k])


def _softmax(score: np.ndarray) -> np.ndarray:
    e = np.exp(score - score.max())
    return e / e.sum()


def _softmax_rows(score: np.ndarray) -> np.ndarray:
    e = np.exp(score - score.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class Model:
    """The loaded classifier: vocabulary, type head, mode head and the file's metadata."""

    def __init__(self, meta: dict, vocab: Vocabulary, type_head: LinearHead, mode_head: LinearHead):
        self.meta = meta
        self.vocab = vocab
        self.type_head = type_head
        self.mode_head = mode_head
        # Both heads side by side: one gather of the clause's rows scores type and mode at once.
        self._weights = np.ascontiguousarray(np.hstack([type_head.weights, mode_head.weights]))
        self._intercept = np.concatenate([type_head.intercept, mode_head.intercept])
        self._split = len(type_head.labels)
        self.type_labels = tuple(type_head.labels)
        # proba_batch: per word, the sum of its character n-gram weight rows (row of _sums, n-grams found)
        self._sum_of_word: dict[str, tuple[int, int]] = {}
        self._sums = np.zeros((1024, self._weights.shape[1]), dtype=np.float32)
        self._n_sums = 0
        self.mode_labels = tuple(mode_head.labels)

    def predict(self, feats: Features) -> tuple[str, float, str, float]:
        """(type label, its probability, mode label, its probability) of one clause's features."""
        pt, pm = self.proba(feats)
        kt, km = int(pt.argmax()), int(pm.argmax())
        return self.type_head.labels[kt], float(pt[kt]), self.mode_head.labels[km], float(pm[km])

    def proba(self, feats: Features) -> tuple[np.ndarray, np.ndarray]:
        """The whole distributions of one clause: type probabilities (in type_head.labels order) and mode
        probabilities (in mode_head.labels order)."""
        cols, vals = self.vocab.vectorize(feats)
        score = self._intercept.copy()
        if cols:
            score += np.asarray(vals, dtype=np.float32) @ self._weights[cols]
        return _softmax(score[: self._split]), _softmax(score[self._split :])

    def proba_batch(self, many: Sequence[Features]) -> tuple[np.ndarray, np.ndarray]:
        """proba() of many clauses in one numpy pass: (n x type labels, n x mode labels) probabilities.

        The same linear function as vectorize() + weights, summed in another order: a word's character
        n-grams always add the same rows, so their sum is kept per word (with their count, which the block's
        scale needs); a clause gathers one weight row per word and rule feature and one sum per word of its
        character block, and two segmented sums add them up (float32: a probability may differ from
        proba()'s in the sixth decimal)."""
        n = len(many)
        score = np.tile(self._intercept, (n, 1))
        if len(self._sum_of_word) > 200_000:  # bounded memory: start the per-word sums again between batches
            self._sum_of_word.clear()
            self._n_sums = 0
        w_get, r_get = self.vocab.index["words"].get, self.vocab.index["rules"].get
        known_sum = self._sum_of_word.get  # most words have their sum already: no _char_sum call for them
        weights = self.vocab.weights
        rows: list[int] = []  # weight rows (word and rule features)
        scale: list[float] = []
        starts: list[int] = []
        owners: list[int] = []
        c_rows: list[int] = []  # rows of the per-word character sums
        c_scale: list[float] = []
        c_starts: list[int] = []
        c_owners: list[int] = []
        for k, f in enumerate(many):
            begin = len(rows)
            for block, found in (
                ("words", [c for c in map(w_get, f.words) if c is not None]),
                ("rules", [c for c in map(r_get, f.rules) if c is not None]),
            ):
                if found:
                    rows += found
                    scale += [weights[block] / math.sqrt(len(found))] * len(found)
            if len(rows) > begin:
                starts.append(begin)
                owners.append(k)
            if f.char_words:
                sum_rows, counts = zip(*[known_sum(w) or self._char_sum(w) for w in f.char_words], strict=True)
                n_chars = sum(counts)
                if n_chars:
                    c_starts.append(len(c_rows))
                    c_owners.append(k)
                    c_rows += sum_rows
                    c_scale += [weights["chars"] / math.sqrt(n_chars)] * len(sum_rows)
        if rows:
            gathered = self._weights[rows] * np.asarray(scale, dtype=np.float32)[:, None]
            score[owners] += np.add.reduceat(gathered, starts, axis=0)
        if c_rows:
            gathered = self._sums[c_rows] * np.asarray(c_scale, dtype=np.float32)[:, None]
            score[c_owners] += np.add.reduceat(gathered, c_starts, axis=0)
        return _softmax_rows(score[:, : self._split]), _softmax_rows(score[:, self._split :])

    def _char_sum(self, word: str) -> tuple[int, int]:
        """(row in self._sums of the sum of the word's character n-gram weights, how many n-grams were found),
        made on first use."""
        got = self._sum_of_word.get(word)
        if got is not None:
            return got
        cols = self.vocab._char_columns(word)
        row = self._n_sums
        if row == self._sums.shape[0]:
            grown = np.zeros((2 * row, self._sums.shape[1]), dtype=np.float32)
            grown[:row] = self._sums
            self._sums = grown
        if cols:
            # (take and add.reduce: what fancy indexing and .sum(axis=0) do, the same floats, without their overhead)
            self._sums[row] = np.add.reduce(self._weights.take(cols, axis=0), axis=0)
        else:
            self._sums[row] = 0.0
        self._n_sums += 1
        self._sum_of_word[word] = (row, len(cols))
        return row, len(cols)

    @property
    def version(self) -> str:
        return self.meta["version"]


def _head(spec: dict, n_features: int) -> LinearHead:
    labels = [str(x) for x in spec["labels"]]
    intercept = np.asarray(spec["intercept"], dtype=np.float32)
    weights = decode_matrix(spec["weights"])
    if weights.shape != (n_features, len(labels)) or intercept.shape != (len(labels),):
        raise ValueError(f"weights of shape {weights.shape} for {n_features} features and {len(labels)} labels")
    if not (np.isfinite(weights).all() and np.isfinite(intercept).all()):
        raise ValueError("weights that are not finite numbers")
    return LinearHead(labels, intercept, weights)


def load(path: pathlib.Path | str = MODEL_PATH) -> Model:
    """The model stored at path; ModelFileError (with the rebuild command) when it cannot be used."""
    path = pathlib.Path(path)
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise ModelFileError(path, "the event classifier's model file is missing") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelFileError(path, f"the model file is damaged (not readable JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        got = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise ModelFileError(path, f"not an event classifier model of format {FORMAT!r} (found {got!r})")
    if data.get("features_version") != FEATURES_VERSION:
        raise ModelFileError(
            path, f"built with features {data.get('features_version')!r}, this code reads {FEATURES_VERSION!r}"
        )
    try:
        vocab = Vocabulary(data["vocabulary"], data["block_weights"])
        type_head = _head(data["type"], vocab.size)
        mode_head = _head(data["mode"], vocab.size)
        meta = {k: data[k] for k in ("version", "corpus_sha256", "corpus_rows", "trained_rows", "features_version")}
        meta.update({k: v for k, v in data.items() if k in ("built_with", "settings", "real_news")})
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ModelFileError(path, f"the model file is damaged ({type(exc).__name__}: {exc})") from None
    return Model(meta, vocab, type_head, mode_head)


@functools.cache
def default_model() -> Model:
    """The checked-in model (data/model.json), loaded once per process."""
    return load(MODEL_PATH)
