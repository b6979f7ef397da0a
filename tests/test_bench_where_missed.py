"""bench/eval_real_gold.py's trace and where_missed: where the pipeline lost a gold event it did not give, read
from a real run of the stages on an article written here (the real-news gold itself is scored by the bench)."""

from __future__ import annotations

from tests.bench_scripts import bench_script

TEXT = (
    "Russian forces shelled Kharkiv on Monday, Ukrainian officials said.\n"
    "The weather in the region was cold and wet for most of the week.\n"
    "Kyiv feared a nuclear attack.\n"
    "Russia supplies arms to Syria."
)


def _gold(sentence: str) -> dict:
    start = TEXT.index(sentence)
    return {"evidence_start": start, "evidence_end": start + len(sentence)}


def test_each_missed_event_is_placed_at_the_stage_that_lost_it():
    bench = bench_script("eval_real_gold")
    key = ("t", 1)
    traces = bench.trace({key: {"published": "2024-05-14", "text": TEXT}})
    t = traces[bench.article_key(*key)]
    # the first sentence gives a row: a gold event there that did not align lost out to wording or another event
    assert bench.where_missed(_gold("Russian forces shelled Kharkiv on Monday"), t).startswith("a row, not aligned")
    # the second holds no cue at all
    assert bench.where_missed(_gold("The weather in the region was cold"), t) == "no cue"
    # "attack" after "a nuclear" is a noun, no predicate: the mode stage left the sentence no candidate
    assert bench.where_missed(_gold("Kyiv feared a nuclear attack"), t) == "dropped by mode"
    # an undated simple present is a standing fact: dating drops it as background
    assert bench.where_missed(_gold("Russia supplies arms to Syria"), t) == "dropped by dating"
    # a span outside every sentence the pipeline kept
    far = {"evidence_start": len(TEXT) + 10, "evidence_end": len(TEXT) + 20}
    assert bench.where_missed(far, t) == "no sentence (left out as furniture)"
    # every traced stage is recorded for the article, in pipeline order
    assert [name for name in bench.TRACED if name in t] == list(bench.TRACED)
