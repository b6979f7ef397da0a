"""bench/crossfit.py's model swap: within `using(path)` the events pipeline reads the classifier in `path`, and
the checked-in model is back after the block, also when the block fails. (Building the fold models is what
bench/eval_real_gold.py --cross-fit and bench/train_confidence.py run; it needs ../shared and takes a minute,
so it is measured there, not here.)"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from extract.classify import model as classifier_model
from extract.classify.model import ModelFileError
from extract.events.extract_one import article_events
from extract.model import Article
from tests.bench_scripts import bench_script

ARTICLE = Article(
    id="cf",
    text="Russian forces attacked Kharkiv on Monday, Ukrainian officials said.",
    published=dt.datetime(2024, 5, 14, 12, tzinfo=dt.UTC),
)


def _events() -> list[tuple]:
    rows, _note = article_events(ARTICLE)
    return [(r["event_type"], r["source_actor"], r["target_actor"], r["date"]) for r in rows]


def test_the_pipeline_reads_the_swapped_model_and_the_checked_in_one_after(tmp_path):
    crossfit = bench_script("crossfit")
    checked_in = classifier_model.MODEL_PATH
    before = _events()
    assert before, "the sentence gives an event with the checked-in model"
    damaged = tmp_path / "fold0.json"
    damaged.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelFileError, match="fold0.json"), crossfit.using(damaged):
        _events()  # the error passes through the block: the swap is undone all the same
    assert classifier_model.MODEL_PATH == checked_in
    assert _events() == before


def test_a_copy_of_the_checked_in_model_gives_the_same_events(tmp_path):
    crossfit = bench_script("crossfit")
    copy = tmp_path / "copy.json"
    shutil.copyfile(classifier_model.MODEL_PATH, copy)
    before = _events()
    with crossfit.using(copy):
        assert classifier_model.MODEL_PATH == copy
        assert _events() == before
    with crossfit.using(None):
        assert _events() == before
