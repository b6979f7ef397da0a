"""The learned event classifier (extract.classify): the checked-in model loads, is the one built from the
checked-in corpus, reads clear sentences right, and a missing or damaged model file is named with the command
that rebuilds it."""

from __future__ import annotations

import hashlib
import json
import time

import pytest

from core.errors import ExtractError, user_message
from core.schema import MODES, PLOVER_TYPES
from extract.classify import ModelFileError, classify, classify_batch, corpus, load
from extract.classify.features import FEATURES_VERSION, features
from extract.classify.model import MODEL_PATH


@pytest.fixture(scope="module")
def model():
    return load(MODEL_PATH)


def test_the_checked_in_model_loads_small_and_versioned(model):
    assert MODEL_PATH.stat().st_size < 5_000_000
    assert model.version
    assert model.meta["features_version"] == FEATURES_VERSION
    assert set(model.type_head.labels) == {*PLOVER_TYPES, "NONE"}
    assert set(model.mode_head.labels) == set(MODES)


def test_the_model_was_built_from_the_checked_in_corpus(model):
    sha = hashlib.sha256(corpus.CORPUS.read_bytes()).hexdigest()
    assert model.meta["corpus_sha256"] == sha, "the corpus changed since the model was built: run `make model`"
    rows = corpus.load()
    assert model.meta["corpus_rows"] == len(rows)
    assert model.meta["trained_rows"] == sum(r["split"] == "train" for r in rows)


def test_the_corpus_file_is_what_its_batches_build():
    rows = corpus.records(corpus.build())
    assert rows == corpus.load(), "data/sentences.jsonl is stale: run `make model`"


def test_the_corpus_covers_every_type_and_mode_with_a_test_part():
    rows = corpus.load()
    assert len(rows) >= 3000
    assert {r["event_type"] for r in rows} == {*PLOVER_TYPES, "NONE"}
    assert {r["mode"] for r in rows if r["event_type"] != "NONE"} == set(MODES)
    share = sum(r["split"] == "test" for r in rows) / len(rows)
    assert 0.15 < share < 0.25
    assert sum(r["origin"] == "written" for r in rows) / len(rows) >= 0.7


def test_a_generated_sentence_stays_on_the_side_of_its_group():
    rows = corpus.load()
    sides: dict[str, set[str]] = {}
    for r in rows:
        sides.setdefault(r.get("group") or r["text"], set()).add(r["split"])
    assert all(len(s) == 1 for s in sides.values())


@pytest.mark.parametrize(
    ("sentence", "event_type", "mode"),
    [
        ("Russian missiles struck a hospital in Kyiv on Monday, killing seven people.", "ASSAULT", "actual"),
        ("Israel and Hamas agreed on a ceasefire in talks mediated by Qatar.", "AGREE", "actual"),
        ("The European Union imposed new sanctions on Russian banks.", "SANCTION", "actual"),
        ("Thousands of protesters marched through the capital against the new law.", "PROTEST", "actual"),
        ("Police arrested the opposition leader at his home.", "COERCE", "actual"),
        ("The foreign minister will visit Beijing next week for talks.", "CONSULT", "future"),
        ("Germany did not send the missiles Kyiv had asked for.", "AID", "negated"),
        ("Moscow accused Kyiv of shelling the nuclear plant.", "ACCUSE", "statement"),
    ],
)
def test_clear_sentences_get_their_type_and_mode(model, sentence, event_type, mode):
    got_type, p_type, got_mode, p_mode = classify(sentence, model=model)
    assert (got_type, got_mode) == (event_type, mode)
    assert 0.0 < p_type <= 1.0 and 0.0 < p_mode <= 1.0


def test_a_sentence_that_reports_nothing_has_no_type(model):
    got_type, _, got_mode, _ = classify("Reporting by Olena Harmash; Editing by Peter Graff", model=model)
    assert got_type is None
    assert got_mode in MODES


def test_the_clause_is_read_in_its_sentence(model):
    sentence = "The ministry said on Tuesday that Ukrainian drones had hit an oil depot in the region."
    assert classify(sentence, "Ukrainian drones had hit an oil depot in the region", model=model)[0] == "ASSAULT"
    # A clause that is not in the sentence falls back to the whole sentence.
    assert classify(sentence, "not in it", model=model) == classify(sentence, model=model)


def test_batch_gives_what_one_by_one_gives(model):
    sentences = ["Iran released two French citizens.", "The prime minister resigned on Friday.", ""]
    assert classify_batch(sentences, model=model) == [classify(s, model=model) for s in sentences]
    with pytest.raises(ValueError):
        classify_batch(sentences, ["only one clause"], model=model)


def test_bad_input_gives_an_answer_quickly(model):
    for text in ("", "   ", "12 345 678 910 11 12", "Мир и война", "a" * 100_000, "attack " * 5000):
        etype, p, mode, q = classify(text, model=model)
        assert etype is None or etype in PLOVER_TYPES
        assert mode in MODES
    t0 = time.perf_counter()
    classify("word " * 200_000, model=model)
    assert time.perf_counter() - t0 < 2.0
    assert features("x" * 10_000).words  # bounded, not empty


def test_a_missing_model_file_names_the_rebuild_command(tmp_path):
    with pytest.raises(ModelFileError) as err:
        load(tmp_path / "model.json")
    assert "make model" in str(err.value) and "missing" in str(err.value)
    assert isinstance(err.value, ExtractError)
    assert "make model" in user_message(err.value)


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: b"\x00\x01garbage",
        lambda raw: json.dumps({"format": "something else"}).encode(),
        lambda raw: raw.replace(b'"features_version":"', b'"features_version":"old-'),
        lambda raw: raw.replace(b'"vocabulary":', b'"vocabularies":'),
    ],
    ids=["truncated", "binary", "other-format", "other-features", "missing-part"],
)
def test_a_damaged_model_file_names_the_rebuild_command(tmp_path, damage):
    path = tmp_path / "model.json"
    path.write_bytes(damage(MODEL_PATH.read_bytes()))
    with pytest.raises(ModelFileError) as err:
        load(path)
    assert "make model" in str(err.value)
    assert str(path) in str(err.value)


def test_weights_of_the_wrong_size_are_refused(tmp_path):
    data = json.loads(MODEL_PATH.read_bytes())
    data["type"]["weights"]["shape"][0] += 1
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelFileError, match="damaged"):
        load(path)
