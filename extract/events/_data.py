"""Data files of the events stage, each read once per process.

cues()   -> dict from extract/events/data/cues.toml (word lists for sentences, clauses, mode, roles, dating),
            with the shared vocabularies of extract/vocabulary.py under the keys the stage reads:
            [language].function_words  English function words (extract/data/function_words.toml)
            [sentences].credit_prefixes credit phrases (extract/data/credits.toml), bare and after "(",
                                        and cues.toml's not_story_prefixes
            [sentences].abbreviations   cues.toml's, and the abbreviated honorifics lower-cased ("mr")
                                        (extract/data/honorifics.toml)
plover() -> dict from extract/data/plover.toml (PLOVER cue lexicon)
topics() -> dict from extract/data/topics.toml (topic taxonomy)
summary() -> dict from extract/events/data/summary.toml (where a summary stops)
"""

from __future__ import annotations

import functools
import pathlib
import tomllib

from extract import vocabulary

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE.parent / "data"


def _load(path: pathlib.Path) -> dict:
    with path.open("rb") as fh:
        return tomllib.load(fh)


@functools.cache
def cues() -> dict:
    """The events stage's word lists (see extract/events/data/cues.toml and the module doc)."""
    d = _load(HERE / "data" / "cues.toml")
    sentences = d["sentences"]
    credit = list(vocabulary.credits().starts)
    parenthesised = ["(" + p for p in credit if not p.startswith("(")]
    sentences["credit_prefixes"] = credit + parenthesised + sentences.pop("not_story_prefixes")
    sentences["abbreviations"] = sentences["abbreviations"] + [h.lower() for h in vocabulary.honorifics().abbreviated]
    d["language"] = {"function_words": sorted(vocabulary.function_words("en"))}
    return d


@functools.cache
def plover() -> dict:
    """The PLOVER lexicon (see extract/data/plover.toml)."""
    return _load(DATA / "plover.toml")


@functools.cache
def topics() -> dict:
    """The topic taxonomy (see extract/data/topics.toml)."""
    return _load(DATA / "topics.toml")


@functools.cache
def wordset(section: str, key: str) -> frozenset[str]:
    """cues()[section][key] as a frozenset."""
    return frozenset(cues()[section][key])


@functools.cache
def summary() -> dict:
    """Where an event summary is cut (see extract/events/data/summary.toml)."""
    return _load(HERE / "data" / "summary.toml")
