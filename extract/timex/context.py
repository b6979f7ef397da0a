"""What every resolver shares: the Resolution it returns, the document Context it reads and updates,
and the small vocabulary and calendar helpers (month and weekday names, modifiers, tense-biased year choice)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from extract.timex import calendar as cal
from extract.timex import tense, vocab


class Resolution(NamedTuple):
    """A resolver's answer: TIMEX3 value ("2024-11-19", "P3Y"), type (DATE/TIME/DURATION/SET), mod."""

    value: str
    type: str
    mod: str = ""


@dataclass
class Context:
    """What a resolver may know about the document: its text, reference date and what came before."""

    text: str
    ref: dt.date | None
    last_day: dt.date | None = None  # the last day-precision date mentioned (anaphora: "the next day")
    last_quarter: tuple[int, int] | None = None  # the last quarter mentioned ("a year earlier" in earnings news)
    last_quarter_at: int = -1  # where a quarter was last spoken of
    last_year: int | None = None  # the year of the last dated expression ("June of that year")
    day_first: bool = False  # numeric dates of this document are written day/month/year
    _tense: dict = field(default_factory=dict)

    def tense(self, start: int, end: int) -> str | None:
        """The clause tense around text[start:end] (cached): 'past', 'future', 'present' or None."""
        key = (start, end)
        if key not in self._tense:
            self._tense[key] = tense.clause_tense(self.text, start, end)
        return self._tense[key]


Resolver = Callable[[re.Match, Context], Resolution | None]


def voc() -> dict:
    """The vocabulary file's tables (data/vocab.toml)."""
    return vocab.load()


@functools.cache
def word_set(name: str) -> frozenset:
    """A vocabulary word list as a set, built once."""
    return frozenset(vocab.load()[name])


_SPACES = re.compile(r"\s+")


def norm(word: str) -> str:
    """A matched word or phrase as a vocabulary key: lowercase, single spaces, no trailing period."""
    return _SPACES.sub(" ", word.strip().rstrip(".")).lower()


@functools.cache
def lowered(table: str) -> dict[str, object]:
    """A vocabulary table keyed by lowercase, single-spaced words."""
    return {norm(k): v for k, v in vocab.load()[table].items()}


def month_number(word: str) -> int:
    """1-12 for a month name or abbreviation ("Sept." -> 9); KeyError otherwise."""
    return lowered("months")[norm(word)]


def weekday_number(word: str) -> int:
    """ISO weekday (Monday = 1) of a weekday name or abbreviation; KeyError otherwise."""
    return lowered("weekdays")[norm(word)]


def pos_mod(word: str | None) -> str:
    if not word:
        return ""
    w = norm(word).rstrip("-")
    return voc()["position_mods"].get(w, "")


def approx_mod(word: str | None) -> str:
    if not word:
        return ""
    return voc()["approx_mods"].get(norm(word), "")


def year_value(text: str, ref: dt.date | None) -> int | None:
    """A year from '1990', "'90" (closest century to the reference) or 'nineteen ninety'."""
    t = text.strip()
    if t[:1] in "'’":
        two = int(t[1:3])
        base = ref.year if ref else 2000
        candidates = [c * 100 + two for c in (base // 100 - 1, base // 100)]
        return min(candidates, key=lambda y: (abs(y - base), -y))
    if t.isdigit():
        return int(t)
    return spoken_year(t)


def spoken_year(text: str) -> int | None:
    words = re.split(r"[\s-]+", text.lower())
    if words[:2] == ["two", "thousand"]:
        rest = vocab.number_value(" ".join(w for w in words[2:] if w != "and")) if len(words) > 2 else 0
        return None if rest is None else 2000 + int(rest)
    head = vocab.number_value(words[0])
    if head is None:
        return None
    rest_words = [w for w in words[1:] if w != "oh"]
    tail = vocab.number_value(" ".join(rest_words)) if rest_words else 0
    if tail is None or tail >= 100:
        return None
    return int(head) * 100 + int(tail)


def closest(
    candidates: list[tuple[object, int]],
    ref_index: int,
    tense_word: str | None,
    slack: int,
    future_slack: int | None = None,
) -> object:
    """Choose among (value, index) candidates the one nearest ref_index, biased by tense.

    In a past clause a candidate after the reference costs `slack` extra; in a future clause one before it
    costs `future_slack` (default: the same).
    """
    if future_slack is None:
        future_slack = slack

    def cost(item: tuple[object, int]) -> int:
        _value, index = item
        d = abs(index - ref_index)
        if tense_word == "past" and index > ref_index:
            d += slack
        elif tense_word == "future" and index < ref_index:
            d += future_slack
        return d

    return min(candidates, key=cost)[0]


def resolve_month(month: int, ctx: Context, m: re.Match) -> int | None:
    """The year of a bare month name, from the reference and the clause tense."""
    if ctx.ref is None:
        return None
    ref_index = ctx.ref.year * 12 + ctx.ref.month - 1
    cands = [(y, y * 12 + month - 1) for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1)]
    return closest(cands, ref_index, ctx.tense(m.start(), m.end()), 12)  # type: ignore[return-value]


def resolve_month_day(month: int, day: int, ctx: Context, m: re.Match) -> dt.date | None:
    if ctx.ref is None:
        return None
    cands = []
    for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1):
        d = cal.safe_date(y, month, day)
        if d:
            cands.append((d, d.toordinal()))
    if not cands:
        return None
    return closest(cands, ctx.ref.toordinal(), ctx.tense(m.start(), m.end()), 250, 30)  # type: ignore[return-value]


def note_day(ctx: Context, day: dt.date) -> None:
    ctx.last_day = day


def part_code(part: str | None) -> str:
    if not part:
        return ""
    code = voc()["day_parts"][norm(part)]
    return "T" + code


def cue_before(ctx: Context, start: int) -> bool:
    before = ctx.text[max(0, start - 20) : start]
    words = re.findall(r"[A-Za-z-]+", before)
    if not words:
        return False
    return words[-1].lower() in word_set("date_cues")


def ordinal(word: str) -> int | None:
    w = norm(word)
    digits = re.match(r"(\d+)", w)
    if digits:
        return int(digits.group(1))
    return voc()["ordinals"].get(w)


def title_unit(m: re.Match, group: str = "unit") -> bool:
    """True for a capitalised unit inside a name ("60 Minutes", "This Week" the TV shows)."""
    word = m[group] or ""
    return word[:1].isupper() and word[1:2].islower()
