"""Word tokens with character offsets: the unit the clause, mode and role stages look at.

tokenize(text, start, end) -> list[Token]: words (with inner apostrophes and hyphens), numbers and
single punctuation marks of text[start:end], offsets in the article's text. Linear in the span.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*|n['’]t|\d+(?:[.,:]\d+)*|[^\w\s]", re.UNICODE)
# Each token of _TOKEN with what is skipped before it (white space and "_", the only characters that open no
# token), so that offsets are running sums of lengths and no match object is made; last, what follows the last
# token, with an empty token (the end of the span), so that no trailing run is searched again and again.
_GAP_TOKEN = re.compile(r"([\s_]*)(" + _TOKEN.pattern + r"|\Z)", re.UNICODE)


class Token(NamedTuple):
    """One token: offsets in the article text, its text and its lower-case form."""

    start: int
    end: int
    text: str
    lower: str


def hyphenated_word(tok: Token) -> bool:
    """True for a lower-case word of hyphenated parts ("out-of-control", "pro-war", "oil-soaked"): a modifier of the
    noun after it."""
    return "-" in tok.text[1:-1] and tok.text.islower()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end] (whole text by default), offsets relative to text: _TOKEN's matches."""
    end = len(text) if end is None else end
    new = tuple.__new__
    out: list[Token] = []
    pos = start
    for gap, word in _GAP_TOKEN.findall(text, start, end):
        if not word:
            break
        pos += len(gap)
        at = pos
        pos += len(word)
        out.append(new(Token, (at, pos, word, word.lower().replace("’", "'"))))
    return out
