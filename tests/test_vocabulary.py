"""Shared vocabularies (time zones, honorifics, credit phrases, function words): one data file each in
extract/data/, and every stage that uses one reads that file (extract/vocabulary.py).

Two kinds of check: no other data file or module keeps its own copy of a list (a copy drifts), and each
reader really gets every entry of the one list (tested through its behaviour, entry by entry)."""

from __future__ import annotations

import ast
import datetime as dt
import pathlib
import re
import tomllib

import pytest

from extract import vocabulary
from extract.actors.gazetteer import load as load_gazetteer
from extract.actors.gazetteer import norm_token
from extract.events._data import cues, wordset
from extract.events.sentences import split_sentences
from extract.ingest.clean import clean_text
from extract.ingest.language import stopwords
from extract.ingest.published import find_dateline
from extract.timex import tag

EXTRACT = pathlib.Path(vocabulary.__file__).parent
HOMES = {EXTRACT / "data" / n for n in ("timezones.toml", "honorifics.toml", "credits.toml", "function_words.toml")}


def _toml_lists(value, where: str):
    """(where, list of strings) for every array of strings and every table's keys in a parsed TOML file."""
    if isinstance(value, dict):
        if value and all(isinstance(v, int | str) for v in value.values()):
            yield where, list(value)
        for k, v in value.items():
            yield from _toml_lists(v, f"{where}.{k}")
    elif isinstance(value, list) and value and all(isinstance(x, str) for x in value):
        yield where, value


def _code_lists(path: pathlib.Path):
    """(where, strings) for every literal list/tuple/set of strings and every string constant in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            items = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(items) >= 2:
                yield f"{path.name}:{node.lineno}", items
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            # regex alternations ("GMT|UTC|EST") count as lists too
            yield f"{path.name}:{node.lineno}", re.split(r"[|()?:\\\s]+", node.value)


def _every_list():
    for path in sorted(EXTRACT.rglob("*.toml")):
        if path not in HOMES:
            with path.open("rb") as fh:
                yield from _toml_lists(tomllib.load(fh), str(path.relative_to(EXTRACT)))
    for path in sorted(EXTRACT.rglob("*.py")):
        if path.name != "vocabulary.py":
            yield from _code_lists(path)


def _copies(items: list[str]) -> list[str]:
    """Which shared vocabularies a list of strings repeats (an empty list when none)."""
    zones = set(vocabulary.time_zones()) - {"Z", "ET", "PT", "CT"}  # too short to tell a list of zones by
    titles = {h.lower() for h in vocabulary.honorifics().written}
    credit = set(vocabulary.credits().starts) | {"(" + s for s in vocabulary.credits().starts}
    credit_verbs = {"reporting", "editing", "writing", "compiled", "edited", "written"}
    english = vocabulary.function_words("en")
    low = [i.lower().strip() for i in items]
    found = []
    if len(zones & set(items)) >= 3:
        found.append("time zones")
    if len(titles & set(low)) >= 2:
        found.append("honorifics")
    if len(credit & set(low)) >= 2 or len(credit_verbs & set(low)) >= 3:
        found.append("credit phrases")
    if len(low) >= 10 and sum(w in english for w in low) >= 0.75 * len(low):
        found.append("English function words")
    return found


def test_no_shared_vocabulary_is_listed_a_second_time():
    problems = [f"{where}: {', '.join(found)}" for where, items in _every_list() if (found := _copies(items))]
    assert not problems, "a shared vocabulary is defined again outside extract/data:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("old_copy", "vocabulary_name"),
    [
        (["local time", "GMT", "UTC", "EST", "EDT", "CST", "JST", "Z"], "time zones"),  # timex vocab.toml
        (["Mr", "Mrs", "Ms", "Dr"], "honorifics"),  # the actor recognizer's aliases
        (["mr", "mrs", "ms", "dr", "gen", "lt", "col"], "honorifics"),  # the sentence splitter's abbreviations
        (["(reporting by", "reporting by", "(editing by", "editing by"], "credit phrases"),  # events cues.toml
        (re.split(r"[|()?:\\\s]+", r"\((?:(?:additional |with )?reporting|writing|editing)\s+by"), "credit phrases"),
        (
            ["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "said"],
            "English function words",
        ),
    ],
)
def test_the_drift_check_catches_the_copies_this_project_once_kept(old_copy, vocabulary_name):
    assert vocabulary_name in _copies(old_copy)


# ---------------------------------------------------------------- every reader gets every entry


@pytest.mark.parametrize("zone", sorted(vocabulary.time_zones()))
def test_every_time_zone_is_read_in_a_dateline_and_after_a_clock_time(zone):
    stamp = find_dateline(f"16:16 {zone}, November 20, 2024\nThe story.")
    assert stamp is not None and stamp.value.utcoffset() == dt.timedelta(minutes=vocabulary.time_zones()[zone])
    found = tag(f"The talks began at 4 p.m. {zone} on Tuesday.", "2024-11-20")
    assert f"4 p.m. {zone}" in [t.text.split(" on ")[0] for t in found], [t.text for t in found]


def test_the_honorifics_reach_the_gazetteer_the_recognizer_and_the_sentence_splitter():
    h = vocabulary.honorifics()
    assert load_gazetteer().honorifics == {norm_token(t) for t in h.written}
    abbreviations = wordset("sentences", "abbreviations")
    for title in h.abbreviated:
        assert title.lower() in abbreviations
        text = f"{title}. Placeholder arrived in Paris on Monday. He left on Tuesday."
        assert len(split_sentences(text)) == 2, title


def test_a_person_is_known_by_each_abbreviated_title_and_surname():
    from extract.actors import ActorContext, find_actors

    for title in vocabulary.honorifics().abbreviated:
        text = f"Foreign Minister Amara Quillfeather spoke on Monday. Later {title} Quillfeather left."
        mentions = find_actors(text, dt.date(2024, 3, 1), ActorContext())
        assert [(m.text, m.actor_id) for m in mentions][-1] == (f"{title} Quillfeather", mentions[0].actor_id)


@pytest.mark.parametrize("phrase", vocabulary.credits().starts)
def test_every_credit_opening_is_a_credit_for_ingest_and_events(phrase):
    line = f"{phrase} Jane Placeholder in Paris"
    cleaned = clean_text(f"The council met in Paris on Monday and voted on the budget.\n{line}")
    kinds = {cleaned.text[s.start : s.end]: s.kind for s in cleaned.segments}
    assert kinds.get(line) == "credit", kinds
    for opening in {phrase, "(" + phrase.lstrip("(")}:
        sentence = f"{opening.capitalize()} Jane Placeholder and Tom Example."
        assert split_sentences(sentence) == [], opening
    assert phrase in cues()["sentences"]["credit_prefixes"]


@pytest.mark.parametrize("phrase", vocabulary.credits().by_phrases)
def test_every_by_phrase_closes_a_story_as_a_credit_in_parentheses(phrase):
    text = f"The council met in Paris on Monday and voted on the budget. ({phrase.capitalize()} Jane Placeholder)"
    cleaned = clean_text(text)
    assert [(cleaned.text[s.start : s.end], s.kind) for s in cleaned.segments][-1] == (
        f"({phrase.capitalize()} Jane Placeholder)",
        "credit",
    )


@pytest.mark.parametrize("phrase", vocabulary.credits().ends)
def test_every_credit_ending_is_a_credit(phrase):
    line = f"Jane Placeholder in Paris {phrase}."
    cleaned = clean_text(f"The council met in Paris on Monday and voted on the budget.\n{line}")
    assert {cleaned.text[s.start : s.end]: s.kind for s in cleaned.segments}.get(line) == "credit"


def test_the_language_guess_and_the_events_stage_share_the_english_function_words():
    assert stopwords()["en"] == vocabulary.function_words("en")
    assert wordset("language", "function_words") == vocabulary.function_words("en")
    assert set(stopwords()) == set(vocabulary.all_function_words())
