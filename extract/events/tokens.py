"""Word tokens with character offsets: the unit the clause, mode and role stages look at.

tokenize(text, start, end) -> list[Token]: words (with inner apostrophes and hyphens), numbers and
single punctuation marks of text[start:end], offsets in the article's text. Linear in the span.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*|n['’]t|\d+(?:[.,:]\d+)*|[^\w\s]", re.UNICODE)


class Token(NamedTuple):
    """One token: offsets in the article text, its text and its lower-case form."""

    start: int
    end: int
    text: str
    lower: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end] (whole text by default), offsets relative to text."""
    end = len(text) if end is None else end
    new = tuple.__new__
    return [
        new(Token, (m.start(), m.end(), w, w.lower().replace("’", "'")))
        for m in _TOKEN.finditer(text, start, end)
        for w in (m.group(),)
    ]
