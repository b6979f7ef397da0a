"""Word lists read by more than one stage, each kept in one data file in extract/data/ and loaded only here.

    time_zones()           timezones.toml       abbreviation -> UTC offset in minutes
                                                (ingest: datelines; timex: a zone after a clock time)
    function_words(lang)   function_words.toml  a language's commonest function words
                                                (ingest: language guess; events: English or not, names)
    honorifics()           honorifics.toml      titles before a name (actors: aliases, names;
                                                events: sentence splitting after "Mr.")
    credits()              credits.toml         credit line openings and endings (ingest: credit
                                                segments; events: sentences that are credits)
    past_form(word), holds_past_form(text, a, b)
                           (a word shape)       a lower-case "-ed" word ("derailed", "issued"): a verb after a
                                                subject (events: roles, mode, the classifier's triggers;
                                                actors: a tagged body written acting)

Each is read once per process. A stage that needs a list never keeps its own copy: it asks here, so an edit
of the data file reaches every stage (tests/test_vocabulary.py checks that no list is defined twice).
"""

from __future__ import annotations

import functools
import pathlib
import re
import tomllib
from dataclasses import dataclass

DATA = pathlib.Path(__file__).resolve().parent / "data"
_PAST_FORM = re.compile(r"\b[a-z]{2,}ed\b")


def past_form(word: str) -> bool:
    """True for a lower-case "-ed" word of four letters or more ("derailed", "issued")."""
    return word.endswith("ed") and _PAST_FORM.fullmatch(word) is not None  # (most words are ruled out at once)


def holds_past_form(text: str, start: int, end: int) -> bool:
    """True when text[start:end] holds a past_form word (a cheap look before tokenizing)."""
    return _PAST_FORM.search(text, start, end) is not None


def _load(name: str) -> dict:
    with (DATA / name).open("rb") as fh:
        return tomllib.load(fh)


@functools.cache
def time_zones() -> dict[str, int]:
    """Time-zone abbreviation (upper case) -> offset from UTC in minutes."""
    return {k.upper(): int(v) for k, v in _load("timezones.toml")["offsets"].items()}


@functools.cache
def all_function_words() -> dict[str, frozenset[str]]:
    """Language code (ISO 639-1) -> its commonest function words, lower case."""
    return {lang: frozenset(words) for lang, words in _load("function_words.toml").items()}


def function_words(lang: str = "en") -> frozenset[str]:
    """The commonest function words of one language (KeyError for a language not listed)."""
    return all_function_words()[lang]


@dataclass(frozen=True)
class Honorifics:
    """Titles before a name: `abbreviated` ones ("Mr") may carry a period, `full` ones ("Sheikh") do not."""

    abbreviated: tuple[str, ...]
    full: tuple[str, ...]
    female: frozenset[str] = frozenset()  # the titles of women ("Mrs") and of men ("Mr"), lower case
    male: frozenset[str] = frozenset()

    @property
    def written(self) -> frozenset[str]:
        """Every way a title is written: "Mr", "Mr.", ..., "Sheikh"."""
        return frozenset(self.abbreviated) | {a + "." for a in self.abbreviated} | frozenset(self.full)


@functools.cache
def honorifics() -> Honorifics:
    d = _load("honorifics.toml")
    return Honorifics(
        tuple(d["abbreviated"]),
        tuple(d["full"]),
        frozenset(t.lower() for t in d.get("female", [])),
        frozenset(t.lower() for t in d.get("male", [])),
    )


@dataclass(frozen=True)
class Credits:
    """Credit phrases, lower case: line openings (`starts`) and line endings (`ends`)."""

    starts: tuple[str, ...]
    ends: tuple[str, ...]

    @property
    def by_phrases(self) -> tuple[str, ...]:
        """The openings that end in "by" ("reporting by"): they also open a credit in parentheses."""
        return tuple(s for s in self.starts if s.endswith(" by"))

    def parenthesis_pattern(self) -> str:
        """A regex source for "(" + one of by_phrases (any spacing between words), longest first."""
        phrases = sorted(self.by_phrases, key=len, reverse=True)
        return r"\((?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")\b"


@functools.cache
def credits() -> Credits:
    d = _load("credits.toml")
    return Credits(tuple(s.lower() for s in d["starts"]), tuple(s.lower() for s in d["ends"]))
