"""The classify stage: the learned classifier (extract.classify) decides type and mode inside the events pipeline.

Real model file (extract/classify/data/model.json), real articles written for the test; a missing or damaged
model is a real file in tmp_path that the classifier's loader is pointed at.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from core.errors import user_message
from extract.classify import model as classifier_model
from extract.classify.model import ModelFileError
from extract.events import extract_events
from extract.events.doc import DEFAULT_SETTINGS, ArticleDoc, Settings
from extract.events.extract_one import article_events
from extract.events.stages import PIPELINE, run
from extract.model import Article

RULES = Settings(classifier=False)
LEARNED = Settings(classifier=True, classifier_new=0.9)  # the stage as it runs by default, spelled out
WITH_HYPOTHETICAL = dataclasses.replace(
    LEARNED, keep_modes=("actual", "statement", "future", "negated", "hypothetical")
)


def _article(text: str, id_: str = "t") -> Article:
    return Article(id=id_, text=text, published=dt.datetime(2024, 3, 6, 12, tzinfo=dt.UTC))


def _events(text: str, settings: Settings = LEARNED) -> list[tuple[str, str, str, str]]:
    rows, _note = article_events(_article(text), settings)
    return [(r["event_type"], r["mode"], r["source_actor"], r["target_actor"]) for r in rows]


def test_the_stage_sits_after_the_rule_readings_and_before_roles():
    names = [s.name for s in PIPELINE]
    assert names.index("mode") < names.index("nouns") < names.index("classify") < names.index("roles")
    stage = PIPELINE[names.index("classify")]
    assert stage.writes == ("candidates",)
    assert {"settings", "clauses", "candidates"} <= set(stage.reads)


# The rule cue is a feature, the classifier decides: sentences whose rule type is wrong by the gold's conventions.
TYPE_CASES = [
    # text, rules' reading, the classifier's (default settings)
    (
        "Russia announced the expulsion of Iranian diplomats on Tuesday.",
        ("CONSULT", "actual", "Russia", "Iran"),
        ("SANCTION", "actual", "Russia", "Iran"),
    ),
    (
        "Israel announced a ceasefire with Hamas on Tuesday.",
        ("CONSULT", "actual", "Israel", "Hamas"),
        ("AGREE", "actual", "Israel", "Hamas"),
    ),
    (
        "Ukraine welcomed the European Union decision on Tuesday.",
        ("CONSULT", "statement", "Ukraine", "European Union"),
        ("SUPPORT", "statement", "Ukraine", "European Union"),
    ),
    (
        "Japan pledged $5 billion to Ukraine on Tuesday.",
        ("AGREE", "statement", "Japan", "Ukraine"),
        ("AID", "future", "Japan", "Ukraine"),
    ),
]


@pytest.mark.parametrize(("text", "rules", "learned"), TYPE_CASES, ids=[c[0][:30] for c in TYPE_CASES])
def test_the_classifier_decides_the_type_and_mode_of_a_cued_clause(text, rules, learned):
    assert _events(text, RULES) == [rules]
    assert _events(text) == [learned]
    assert _events(text, DEFAULT_SETTINGS) == [learned]  # the classifier is on by default


@pytest.mark.parametrize(("text", "rules", "learned"), TYPE_CASES, ids=[c[0][:30] for c in TYPE_CASES])
def test_the_rule_type_stays_when_the_classifier_is_not_far_enough_ahead_of_it(text, rules, learned):
    # classifier_margin: the classifier's type must beat the rule type's own probability by this much.
    from extract.classify import clause_features, score_features

    doc = ArticleDoc(_article(text), LEARNED)
    for stage in PIPELINE[: [st.name for st in PIPELINE].index("classify")]:
        doc = stage(doc)
    (c,) = [c for c in doc.candidates if c.kind == "verb"]
    (s,) = score_features([clause_features(doc.tokens[c.s], c.clause.i0, c.clause.i1, doc.text, doc.clauses[c.s])])
    assert s.event_type == learned[0] != rules[0] == c.cue.event_type
    lead = s.type_p - s.p(rules[0])
    below = dataclasses.replace(LEARNED, classifier_margin=round(lead + 0.005, 3))
    above = dataclasses.replace(LEARNED, classifier_margin=round(max(lead - 0.005, 0.0), 3))
    assert [e[0] for e in _events(text, below)] == [rules[0]]
    assert [e[0] for e in _events(text, above)] == [learned[0]]


def test_the_noun_reading_of_the_verbs_word_does_not_become_a_second_event():
    # "on Tuesday it would strike": the nouns stage also reads "strike" as a dated noun; merged by the rules
    # (same type), it must not survive once the classifier gives the verb another type.
    text = "Iran said on Tuesday it would strike Israel if Israel attacked its nuclear sites."
    assert _events(text, RULES) == [("ASSAULT", "future", "Iran", "Israel")]
    assert _events(text) == [("THREATEN", "statement", "Iran", "Israel")]


def test_a_clause_the_classifier_calls_no_happening_is_dropped_and_kept_when_the_drop_is_off():
    text = "Trade talks between China and Japan are a fixture of the calendar, officials said on Tuesday."
    assert _events(text, RULES) == [("COOPERATE", "actual", "China", "Japan")]
    assert _events(text) == []
    assert len(_events(text, dataclasses.replace(LEARNED, classifier_drop=1.01))) == 1


# A clause with no rule cue at all: the sentence is kept for its lower-case past form, and the classifier reads it.
NO_CUE_CASES = [
    ("Two Greenpeace campaigners chained themselves to the gates of the embassy.", ("PROTEST", "actual", "Greenpeace")),
    ("Kurdish fighters torched a convoy near Kirkuk.", ("ASSAULT", "actual", "Kurdish fighters")),
]


@pytest.mark.parametrize(("text", "expected"), NO_CUE_CASES, ids=[c[0][:30] for c in NO_CUE_CASES])
def test_a_sentence_with_no_rule_cue_gives_the_event_the_classifier_reads_in_it(text, expected):
    from extract.events.plover import find_cues
    from extract.events.tokens import tokenize

    assert find_cues(tokenize(text)) == []  # the lexicon has nothing here: the rules alone give no event
    assert _events(text, RULES) == []
    assert [e[:3] for e in _events(text)] == [expected]
    assert _events(text) == _events(text, DEFAULT_SETTINGS)  # what a user gets without settings
    assert _events(text, dataclasses.replace(LEARNED, classifier_new=1.01)) == []  # turned off: nothing


def test_the_classifier_does_not_revive_a_clause_the_rules_found_names_no_happening():
    # Each has a rule cue and a past form; the rules say why it is no happening (an accident's deed, a verb in
    # another sense, declining to comment), and an eager classifier must not bring the clause back.
    eager = dataclasses.replace(LEARNED, classifier_new=0.0)
    for text in (
        "A refinery blast killed six workers in Texas on Monday.",
        "The health ministry released its annual report on Tuesday.",
        "The spokeswoman declined to comment on Monday.",
    ):
        assert _events(text, eager) == [], text


# Hypothetical mode: emitted (when asked for in keep_modes) only where the sentence is conditional. (A speaker's
# conditional harm to another, "said it would respond militarily if Russia used the corridor", is a threat made,
# THREATEN statement: tests/test_events_stages.py.)
HYPOTHETICAL_CASES = [
    (
        "India said on Tuesday it would send aid to Nepal if the floods spread.",
        [("AID", "hypothetical", "India", "Nepal")],
    ),
    (
        # One clause holds a conditional threat ("would respond militarily", THREATEN by the corpus's conventions)
        # and the attack it is conditioned on ("if Russia attacked", ASSAULT): one hypothetical event, either.
        # (Said by Kyiv, a speaker of the side that would act, the clause is a threat made: THREATEN statement.)
        "Ukraine would respond militarily if Russia attacked Odesa, analysts said on Tuesday.",
        [("ASSAULT", "hypothetical"), ("THREATEN", "hypothetical")],
    ),
    ("India said on Tuesday it could send troops to the Maldives.", []),  # no conditional: not emitted
]


@pytest.mark.parametrize(("text", "expected"), HYPOTHETICAL_CASES, ids=[c[0][:30] for c in HYPOTHETICAL_CASES])
def test_hypothetical_mode_only_in_conditional_sentences(text, expected):
    got = [e for e in _events(text, WITH_HYPOTHETICAL) if e[1] == "hypothetical"]
    if expected and len(expected[0]) == 2:  # alternatives of (type, mode): exactly one of them
        assert len(got) == 1 and got[0][:2] in expected
    else:
        assert got == expected
    assert all(e[1] != "hypothetical" for e in _events(text))  # the default keep_modes emit none
    assert all(e[1] != "hypothetical" for e in _events(text, RULES))


def test_a_possibility_not_ruled_out_is_hypothetical_not_denied():
    # "did not rule out working with ...": left possible (tests/gold/README.md), neither a cooperation denied nor done
    text = "Ishiba did not rule out working with opposition parties on policy on Monday."
    assert _events(text, WITH_HYPOTHETICAL) == [("COOPERATE", "hypothetical", "Shigeru Ishiba", "")]
    assert _events(text) == []  # the default keep_modes emit no hypothetical
    # ruling out, done, is a refusal
    assert _events("The army ruled out talks with the RSF on Saturday.") == [
        ("REJECT", "actual", "Sudan", "Rapid Support Forces")
    ]


def test_switched_off_the_stage_changes_nothing_the_rules_found():
    text = (
        "Russia announced the expulsion of Iranian diplomats on Tuesday. Japan pledged $5 billion to Ukraine on Tuesday. "
        "Iran said on Tuesday it would strike Israel if Israel attacked its nuclear sites."
    )
    off = run(ArticleDoc(_article(text), RULES))
    skipped = run(ArticleDoc(_article(text), RULES), tuple(s for s in PIPELINE if s.name != "classify"))
    assert [r["event_id"] for r in off.rows] == [r["event_id"] for r in skipped.rows]
    assert [(r["event_type"], r["mode"]) for r in off.rows] == [("CONSULT", "actual"), ("AGREE", "statement")] + [
        ("ASSAULT", "future")
    ]


# Bad input: no invented events, even with the classifier proposing events for clauses with no rule cue.
EAGER = Settings(classifier=True, classifier_new=0.3, classifier_drop=1.01)
BAD_INPUT = [
    "the weather was mild and the markets were calm. prices rose slightly. nobody attacked anybody.",
    "Die Regierung hat am Dienstag neue Sanktionen gegen Russland verhängt und die Gespräche abgebrochen.",
    "\n".join(" | ".join(str(i * j) for j in range(8)) for i in range(40)),
    ", ".join(["they said the talks went on and the sides attacked nothing"] * 400) + ".",
    "",
]


@pytest.mark.parametrize("text", BAD_INPUT, ids=["no actors", "german", "table", "enormous", "empty"])
@pytest.mark.parametrize("settings", [RULES, LEARNED, EAGER], ids=["rules", "learned", "eager"])
def test_bad_input_gives_no_event_with_the_classifier(text, settings):
    rows, note = article_events(_article(text), settings)
    assert rows == [] and note


# A missing or damaged model file: named, with the command that rebuilds it, and no silent fallback.
@pytest.fixture
def model_file(tmp_path, monkeypatch):
    path = tmp_path / "model.json"
    monkeypatch.setattr(classifier_model, "MODEL_PATH", path)
    classifier_model.default_model.cache_clear()
    yield path
    classifier_model.default_model.cache_clear()


DAMAGE = {
    "missing": None,
    "not json": b"{not json",
    "truncated": json.dumps({"format": "event-classifier/1"}).encode()[:20],
    "other format": json.dumps({"format": "something-else/2"}).encode(),
}


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_a_broken_model_file_stops_extraction_with_the_rebuild_command(model_file, damage):
    if DAMAGE[damage] is not None:
        model_file.write_bytes(DAMAGE[damage])
    text = "Russia announced the expulsion of Iranian diplomats on Tuesday."
    with pytest.raises(ModelFileError) as info:
        article_events(_article(text), LEARNED)
    message = user_message(info.value)
    assert str(model_file) in message and "make model" in message
    # A batch spread over two processes stops in the parent, before any worker, with the same error.
    with pytest.raises(ModelFileError, match="make model"):
        extract_events([_article(text, f"a{k}") for k in range(30)], workers=2, settings=LEARNED)
    # The default settings run the classifier, so they stop the same way.
    with pytest.raises(ModelFileError, match="make model"):
        article_events(_article(text))
    # With the classifier switched off the rules run and the model file is not read.
    assert _events(text, RULES) == [("CONSULT", "actual", "Russia", "Iran")]


def test_the_models_future_needs_a_word_of_the_future():
    # "is providing ... loans" goes on now: no modal, no plan, no later date, so no plan
    rows = _events(
        "The World Bank is providing Mexico with more than $200m in loans to help it deal with the outbreak."
    )
    assert rows == [("AID", "actual", "World Bank", "Mexico")]
    # with a modal it may be one
    rows = _events("The World Bank will provide Mexico with more than $200m in loans.")
    assert [r[1] for r in rows] == ["future"]


def test_a_participle_before_its_noun_is_no_trigger_however_sure_the_model():
    # "the proposed deal": an adjective (mode.attributive_participle); the classifier is not asked about its clause
    # even when any type it names would do (classifier_new 0)
    eager = dataclasses.replace(LEARNED, classifier_new=0.0)
    assert _events("The proposed deal between Israel and Hamas collapsed on Monday.", eager) == []
    assert _events("Israel approved plans for a new offensive on Monday.", eager)  # after a name: the predicate


def test_a_month_named_may_tells_no_plan_to_the_guard_on_the_models_future():
    from extract.events.stages import _future_told

    upto = PIPELINE[: [s.name for s in PIPELINE].index("mode") + 1]
    month = run(ArticleDoc(_article("On May 6, Salazar announced a moratorium on drilling.")), upto)
    modal = run(ArticleDoc(_article("Salazar may announce a moratorium on drilling on Monday.")), upto)
    assert [_future_told(month, c) for c in month.candidates] == [False]
    assert [_future_told(modal, c) for c in modal.candidates] == [True]


def test_help_promised_on_a_condition_after_it_is_hypothetical_by_the_rules_too():
    # "said it would send aid ... if the floods spread": the condition follows the verb; the rules read it, so the
    # reading does not hang on the model's mode
    rules = dataclasses.replace(WITH_HYPOTHETICAL, classifier=False)
    assert _events("India said on Tuesday it would send aid to Nepal if the floods spread.", rules) == [
        ("AID", "hypothetical", "India", "Nepal")
    ]
    # no condition: a promise said, future
    assert [e[1] for e in _events("India said on Tuesday it would send aid to Nepal.", rules)] == ["future"]
    # a conditional strike is a threat, left to the classify stage: not read hypothetical here
    assert [e[1] for e in _events("Iran said on Tuesday it would strike Israel if attacked.", rules)] != [
        "hypothetical"
    ]
