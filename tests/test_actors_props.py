"""Property checks: any text gives well-formed mentions (sorted, disjoint, spans that match the text)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.actors import find_actors

WORDS = [
    "Russia",
    "U.S.",
    "President",
    "president",
    "the",
    "Georgia",
    "Jordan",
    "Michael",
    "Kremlin",
    "said",
    ",",
    "'s",
    "Foreign",
    "Minister",
    "Ahmed",
    "al-Said",
    "Mr",
    "May",
    "in",
    "NATO",
    "WHO",
    "US",
    "Congo",
    "Washington",
    "Post",
    "-",
    ".",
    "’s",
    "King",
    "Abdullah",
    "of",
    "Hamas",
    "leader",
    "Kim",
    "\n",
    "RUSSIA",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.dates(dt.date(1995, 1, 1), dt.date(2030, 1, 1)))
def test_mentions_are_well_formed_on_word_salad(words, on):
    text = " ".join(words)
    found = find_actors(text, on)
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.actor_id and m.name and m.type
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_is_handled(text):
    found = find_actors(text)
    for m in found:
        assert text[m.start : m.end] == m.text
