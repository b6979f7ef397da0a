"""The tagger's vocabulary (data/vocab.toml) and the regular-expression pieces built from it."""

from __future__ import annotations

import functools
import pathlib
import re
import tomllib
from typing import Any

DATA = pathlib.Path(__file__).resolve().parent / "data" / "vocab.toml"


@functools.cache
def load() -> dict[str, Any]:
    """The parsed vocabulary file."""
    with DATA.open("rb") as fh:
        return tomllib.load(fh)


def alternation(words: list[str] | dict, *, abbrev_dot: bool = False, caps: bool = False) -> str:
    """A non-capturing regex alternation of words, longest first.

    abbrev_dot: short words (< 5 letters) may be followed by a period.
    caps: also accept each word in all capitals.
    """
    forms: set[str] = set()
    for word in words:
        forms.add(word)
        if caps:
            forms.add(word.upper())
    parts = []
    for word in sorted(forms, key=len, reverse=True):
        piece = re.escape(word).replace(r"\ ", r"\s+")
        if abbrev_dot and word.isalpha() and _is_abbreviation(word, words):
            piece += r"\.?"
        parts.append(piece)
    return "(?:" + "|".join(parts) + ")"


def _is_abbreviation(word: str, words: list[str] | dict) -> bool:
    """True when a longer word of the same table starts with `word` ("Sept" of "September")."""
    base = word.lower()
    return any(len(other) > len(base) and other.lower().startswith(base) for other in words)


def number_value(text: str) -> float | None:
    """The number a word sequence or digit string stands for ("twenty-four" -> 24, "5 1/2" -> 5.5), else None."""
    vocab = load()["numbers"]
    text = text.strip().lower().replace(",", "")
    if not text:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    m = re.fullmatch(r"(\d+)?\s*(\d)/(\d)", text)
    if m:
        whole = float(m.group(1) or 0)
        return whole + int(m.group(2)) / int(m.group(3))
    total = 0.0
    current = 0.0
    for word in re.split(r"[\s-]+", text):
        if word == "and":
            continue
        if word not in vocab:
            return None
        n = vocab[word]
        if n == 100:
            current = (current or 1) * 100
        else:
            current += n
    total += current
    return total
