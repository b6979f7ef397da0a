"""A warehouse answers a question asked ahead (Warehouse.prefetch, on a worker thread) once: the later ask waits for
that answer rather than asking DuckDB again, gets the same frame a fresh warehouse computes, and a question that
failed is asked again next time rather than remembered as failed."""

from __future__ import annotations

import threading

import pandas as pd
import pytest

from core.errors import StoreError
from service.synth import generate_events
from store.query import Filters
from store.warehouse import Warehouse


@pytest.fixture(scope="module")
def wh_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("prefetch") / "wh"
    Warehouse.create(path).add_events(generate_events(3000, seed=11), origin="gdelt")
    return path


class Counting(Warehouse):
    """A real warehouse that counts the aggregates it computes (and can hold them back until released)."""

    def __init__(self, path, gate: threading.Event | None = None):
        super().__init__(path)
        self.computed: list[tuple] = []
        self.gate = gate

    def _aggregate(self, filters, by, use_counts, undated=False):
        self.computed.append((filters, tuple(by)))
        if self.gate is not None:
            assert self.gate.wait(30)
        return super()._aggregate(filters, by, use_counts, undated)


VIEWS = [
    (Filters(), ("period:month", "country")),
    (Filters(countries=("USA",)), ("period:week", "event_type")),
    (Filters(countries=("USA", "ISR")), ("country",)),
    (Filters(modes=(), topics=("energy",)), ("period:day", "quad_class")),
]


@pytest.mark.parametrize(("f", "by"), VIEWS, ids=[str(v[1]) for v in VIEWS])
def test_a_prefetched_aggregate_is_computed_once_and_equals_a_fresh_answer(wh_path, f, by):
    gate = threading.Event()
    wh = Counting(wh_path, gate)
    wh.prefetch(f, by)  # returns at once: the worker is held at the gate
    asked: list[pd.DataFrame] = []
    waiter = threading.Thread(target=lambda: asked.append(wh.aggregate(f, by)))
    waiter.start()
    waiter.join(0.5)
    assert waiter.is_alive(), "the ask waits for the answer being computed"
    gate.set()
    waiter.join(30)
    assert asked, "the ask got its answer"
    assert wh.computed == [(f, by)], "computed once, by the prefetch"
    fresh = Warehouse(wh_path).aggregate(f, by)
    pd.testing.assert_frame_equal(asked[0], fresh)


def test_a_failed_answer_is_not_kept(wh_path):
    wh = Warehouse(wh_path)
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) == 1:
            raise OSError("disk went away")
        return 42

    with pytest.raises(OSError):
        wh._remembered(("question",), flaky)
    assert wh._remembered(("question",), flaky) == 42
    assert wh._remembered(("question",), flaky) == 42
    assert len(calls) == 2


def test_a_prefetch_that_fails_raises_where_the_answer_is_asked(tmp_path):
    """A damaged file: the prefetch says nothing; the ask raises the store's error, naming the file."""
    path = tmp_path / "wh"
    Warehouse.create(path).add_events(generate_events(200, seed=3), origin="gdelt")
    wh = Warehouse(path)
    for part in (path / "counts").rglob("*.parquet"):
        part.write_bytes(b"not parquet")
    for part in (path / "events").rglob("*.parquet"):
        part.write_bytes(b"not parquet")
    wh.prefetch(Filters(), ("country",))  # no exception here
    with pytest.raises(StoreError, match="cannot read the warehouse .*part-.*parquet"):
        wh.aggregate(Filters(), ("country",))


def test_a_question_only_a_scan_answers_is_not_started_ahead(wh_path):
    """A text filter (or three countries) needs a read of the events: prefetch leaves it to the ask, which may never
    come (a small view's Timeline draws single events, not lanes)."""
    wh = Counting(wh_path)
    for f in (Filters(text="oil"), Filters(countries=("USA", "ISR", "UKR"))):
        wh.prefetch(f, ("period:month", "country"))
    wh.prefetch(Filters(), ("period:month", "country"))  # answered by the counts: started
    for _ in range(100):
        if wh.computed:
            break
        threading.Event().wait(0.05)
    threading.Event().wait(0.3)
    assert wh.computed == [(Filters(), ("period:month", "country"))]
