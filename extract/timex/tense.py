"""A rough guess of the tense of the clause around an expression, from auxiliaries and common verbs.

"Ukraine used missiles on Tuesday" -> past; "leaders will meet on Tuesday" -> future.
Used only to choose which Tuesday (or which March) a bare name refers to.
"""

from __future__ import annotations

import functools
import re

from extract.timex import vocab

_WORD = re.compile(r"[A-Za-z']+")
# a sentence end: . ! ? after a lowercase letter, digit or quote and before a space ("U.S. officials" is not one),
# or a semicolon, or a line break
_BOUNDARY = re.compile(r"(?<=[a-z0-9)\"'’”])[.!?](?=\s)|[;\n]")
NEAR = 6  # words looked at first on the left, then on the right
WINDOW = 160  # characters looked at on each side, at most


def _split(phrases: list[str]) -> tuple[frozenset, tuple]:
    """A vocabulary list as its single words and its word pairs ("set to")."""
    return frozenset(w for w in phrases if " " not in w), tuple(tuple(w.split()) for w in phrases if " " in w)


@functools.cache
def _cues() -> tuple[frozenset, frozenset, frozenset, tuple, frozenset, frozenset, tuple]:
    t = vocab.load()["tense"]
    singles_f, pairs = _split(t["future"])
    singles_s, pairs_s = _split(t.get("schedule", []))
    no_tense = frozenset(tuple(w.split()) for w in t.get("not_tense", []))
    return singles_f, frozenset(t["past"]), frozenset(t["present"]), pairs, no_tense, singles_s, pairs_s


def _classify(words: list[str], index: int) -> str | None:
    future, past, present, pairs, no_tense, schedule, schedule_pairs = _cues()
    word = words[index]
    nxt = words[index + 1] if index + 1 < len(words) else ""
    if (word, nxt) in no_tense:
        return None
    if (word, nxt) in pairs:
        return "future"
    if word in schedule or (word, nxt) in schedule_pairs:
        return "schedule"
    if word in future:
        # a past perfect looks back: "had planned the trip in March"
        return "past" if index > 0 and words[index - 1] == "had" else "future"
    if word in past:
        return "past"
    if word in present:
        return "present"
    # "-ed" reads as past, but not in "-eed" words ("succeed", "proceed", "need"); "agreed" and "freed" are listed
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return "past"
    return None


def clause_tense(text: str, start: int, end: int) -> str | None:
    """'past', 'future', 'present', 'schedule' (a verb of a schedule in the present simple: "meets", "takes place",
    which puts a bare weekday ahead, vocab.toml [tense].schedule) or None for the clause holding text[start:end]."""
    left_limit = max(0, start - WINDOW)
    left = text[left_limit:start]
    cut = None
    for m in _BOUNDARY.finditer(left):
        cut = m.end()
    if cut is not None:
        left = left[cut:]
    # searched in the whole text so that the full stop right after the expression ("on New Year's Day.")
    # sees the letter before it
    m = _BOUNDARY.search(text, end, end + WINDOW)
    right = text[end : m.start() if m else end + WINDOW]
    left_words = [w.lower() for w in _WORD.findall(left)]
    # A comma right after the expression usually closes its clause: "will hold a call on Tuesday, the
    # government said" is future, the reporting verb after the comma only tells when it was said. Words
    # after that comma are looked at last, unless the expression opens the sentence ("On Tuesday, the
    # army said"), where they hold the clause's verb.
    comma = right.find(",")
    opens = not left_words or (len(left_words) <= 2 and left_words[-1] in ("on", "by", "in"))
    split = comma >= 0 and not opens
    right_words = [w.lower() for w in _WORD.findall(right[:comma] if split else right)]
    far_right = [w.lower() for w in _WORD.findall(right[comma:])] if split else []
    # the verb usually comes before the expression ("met on Tuesday"): look a few words left, then a few
    # words right ("On Tuesday, the army said"), then further out on both sides
    n_left = len(left_words)
    order = [("L", n_left - 1 - k) for k in range(min(NEAR, n_left))]
    order += [("R", k) for k in range(min(NEAR, len(right_words)))]
    order += [("L", k) for k in range(n_left - 1 - NEAR, -1, -1)]
    order += [("R", k) for k in range(NEAR, len(right_words))]
    order += [("F", k) for k in range(len(far_right))]
    sides = {"L": left_words, "R": right_words, "F": far_right}
    for side, index in order:
        found = _classify(sides[side], index)
        if found:
            return found
    return None
