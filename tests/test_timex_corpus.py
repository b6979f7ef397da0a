"""Quality floor on the TempEval-3 TBAQ corpus, scored in-process with the shared scorer's own logic."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys

from extract.timex import tag
from tests.conftest import need_shared

# a little under what the tagger reaches (value F1 0.814, relaxed span F1 0.947): regressions fail here
VALUE_F1_FLOOR = 0.794
RELAXED_F1_FLOOR = 0.927


def _scorer():
    path = need_shared("eval", "tempeval3.py")
    spec = importlib.util.spec_from_file_location("_tempeval3_scorer", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_tbaq_quality_floor() -> None:
    te3 = _scorer()
    docs = te3.load_corpus([str(need_shared("corpora", "tempeval3-tbaq"))])
    assert len(docs) == 256
    total = te3.Counts()
    for doc in docs:
        counts = te3.Counts()
        items = [t.as_json() for t in tag(doc.text, dt.date.fromisoformat(doc.reference))]
        system = te3.sanitize(items, doc.text, counts)
        te3.score_doc(doc, system, counts, None)
        total.add(counts)
    m = te3.metrics(total)
    assert m["gold"] == 1822
    assert m["value_f1"] >= VALUE_F1_FLOOR, m
    assert m["relaxed_f1"] >= RELAXED_F1_FLOOR, m


def test_seed_article() -> None:
    """The project's seed story: its dateline and weekdays, and nothing from the headline lists after it."""
    text = need_shared("seed", "000_38deb2ecbac005e4.txt").read_text(encoding="utf-8")
    found = [(t.text, t.value) for t in tag(text, "2024-11-20T16:16+09:00")]
    assert found == [
        ("November 13, 2024", "2024-11-13"),
        ("16:16 JST, November 20, 2024", "2024-11-20T16:16"),
        ("Tuesday", "2024-11-19"),
        ("Tuesday", "2024-11-19"),
    ]
