"""apply_filters against a plain row-by-row reading of the same filters."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.schema import MODES
from core.validate import coerce, empty_events
from service.synth import generate_events
from store.query import Filters, apply_filters


def _row(i, day, countries, topics, actors, mode="actual", etype="ASSAULT", text="", salience=0.5, confidence=0.5):
    d = pd.Timestamp(day)
    return {
        "event_id": f"e{i}",
        "date": day,
        "date_precision": "day",
        "date_start": d,
        "date_end": d + pd.Timedelta(days=1),
        "date_text": "",
        "date_from_publication": False,
        "source_actor": actors[0] if actors else "",
        "target_actor": actors[1] if len(actors) > 1 else "",
        "actors": list(actors),
        "countries": list(countries),
        "event_type": etype,
        "quad_class": "material_conflict",
        "topics": list(topics),
        "mode": mode,
        "summary": f"summary {i} {text}",
        "sentence": f"sentence {i}",
        "sentence_start": 0,
        "sentence_end": 10,
        "confidence": confidence,
        "article_id": f"a{i}",
        "title": f"title {i}",
        "url": "",
        "source": "",
        "published": None,
        "salience": salience,
    }


def _reference(df: pd.DataFrame, f: Filters) -> list[str]:
    """The filters read literally, one row at a time."""
    keep = []
    for r in df.to_dict("records"):
        if f.start is not None and not (pd.notna(r["date_end"]) and r["date_end"] > pd.Timestamp(f.start)):
            continue
        if f.end is not None and not (pd.notna(r["date_start"]) and r["date_start"] <= pd.Timestamp(f.end)):
            continue
        if f.event_types and r["event_type"] not in f.event_types:
            continue
        if f.modes and r["mode"] not in f.modes:
            continue
        if f.min_salience > 0 and "salience" in r and not r["salience"] >= f.min_salience:
            continue
        if f.min_confidence > 0 and not r["confidence"] >= f.min_confidence:
            continue
        if f.countries and not set(r["countries"]) & set(f.countries):
            continue
        if f.topics and not set(r["topics"]) & set(f.topics):
            continue
        if f.actors and not ({r["source_actor"], r["target_actor"], *r["actors"]} & set(f.actors)):
            continue
        needle = f.text.strip().lower()
        if needle and not any(
            needle in str(r.get(c) or "").lower() for c in ("summary", "sentence", "title", "location")
        ):
            continue
        keep.append(r["event_id"])
    return keep


@pytest.fixture
def small():
    rows = [
        _row(1, "2023-01-10", ["UKR", "RUS"], ["war"], ["Russia", "Ukraine"]),
        _row(2, "2023-06-30", ["ISR"], ["war", "diplomacy"], ["Israel"], text="Gaza ceasefire", confidence=0.75),
        _row(3, "2024-02-01", [], [], [], mode="future"),
        _row(4, "2024-05-05", ["USA", "CHN"], ["trade"], ["United States", "China"], etype="SANCTION", salience=0.9),
    ]
    df = pd.DataFrame(rows)
    sal = df.pop("salience")
    df = coerce(df)
    df["salience"] = sal
    return df


@pytest.mark.parametrize(
    "f, expected",
    [
        (Filters(), ["e1", "e2", "e4"]),
        (Filters(modes=()), ["e1", "e2", "e3", "e4"]),
        (Filters(countries=("UKR",)), ["e1"]),
        (Filters(countries=("UKR", "CHN")), ["e1", "e4"]),
        (Filters(topics=("diplomacy",)), ["e2"]),
        (Filters(actors=("China",)), ["e4"]),
        (Filters(start=dt.date(2023, 6, 30), end=dt.date(2024, 5, 5)), ["e2", "e4"]),
        (Filters(end=dt.date(2023, 6, 29)), ["e1"]),
        (Filters(text="gaza"), ["e2"]),
        (Filters(event_types=("SANCTION",)), ["e4"]),
        (Filters(min_salience=0.8), ["e4"]),
        (Filters(min_confidence=0.7), ["e2"]),
        (Filters(min_confidence=0.75, countries=("ISR", "UKR")), ["e2"]),
        (Filters(min_confidence=0.76), []),
        (Filters(modes=("future",)), ["e3"]),
    ],
)
def test_each_filter(small, f, expected):
    assert list(apply_filters(small, f)["event_id"]) == expected


def test_frames_without_salience_and_empty_frames(small):
    assert list(apply_filters(small.drop(columns=["salience"]), Filters(min_salience=0.5))["event_id"]) == [
        "e1",
        "e2",
        "e4",
    ]
    assert len(apply_filters(empty_events(), Filters(countries=("UKR",), text="x"))) == 0


def test_the_result_keeps_columns_index_and_order(small):
    out = apply_filters(small.set_index(pd.Index([10, 20, 30, 40])), Filters(countries=("UKR", "ISR")))
    assert list(out.index) == [10, 20] and list(out.columns) == list(small.columns)


def test_rows_that_share_one_list_object_are_judged_by_their_own_values():
    shared = ["UKR"]
    df = coerce(pd.DataFrame([_row(1, "2023-01-01", [], [], []), _row(2, "2023-01-02", [], [], [])]))
    df["countries"] = [shared, ["FRA"]]
    assert list(apply_filters(df, Filters(countries=("UKR",)))["event_id"]) == ["e1"]
    df["countries"] = [shared, shared]
    assert list(apply_filters(df, Filters(countries=("UKR",)))["event_id"]) == ["e1", "e2"]


def test_generated_events_agree_with_the_reference():
    df = generate_events(3000, seed=5)
    for f in (
        Filters(countries=("UKR",), topics=("military",), start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31)),
        Filters(actors=("Hamas",), modes=MODES),
        Filters(text="kyiv", min_salience=0.1),
        Filters(countries=("ISR", "PSE"), event_types=("ASSAULT", "ACCUSE")),
    ):
        got = list(apply_filters(df, f)["event_id"])
        assert got == _reference(df, f)
        assert got  # each filter selects something from a realistic table


CODES = ["UKR", "RUS", "ISR", "USA"]
TOPICS = ["war", "trade", "energy"]
NAMES = ["Russia", "Ukraine", "Hamas", "Israel"]


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.integers(0, 1000),
            st.lists(st.sampled_from(CODES), max_size=3),
            st.lists(st.sampled_from(TOPICS), max_size=2),
            st.lists(st.sampled_from(NAMES), max_size=3),
            st.sampled_from(MODES),
            st.floats(0, 1),
            st.floats(0.05, 1),
        ),
        max_size=25,
    ),
    countries=st.lists(st.sampled_from(CODES), max_size=2),
    topics=st.lists(st.sampled_from(TOPICS), max_size=2),
    actors=st.lists(st.sampled_from(NAMES), max_size=2),
    modes=st.lists(st.sampled_from(MODES), max_size=2),
    start=st.none() | st.integers(0, 1000),
    span=st.integers(0, 400),
    min_sal=st.floats(0, 1),
    min_conf=st.floats(0, 1),
)
def test_any_combination_agrees_with_the_reference(
    rows, countries, topics, actors, modes, start, span, min_sal, min_conf
):
    base = dt.date(2022, 1, 1)
    recs = [
        _row(i, str(base + dt.timedelta(days=d)), c, t, a, mode=m, salience=s, confidence=k)
        for i, (d, c, t, a, m, s, k) in enumerate(rows)
    ]
    df = pd.DataFrame(recs) if recs else None
    if df is None:
        table = empty_events().assign(salience=pd.Series(dtype="float64"))
    else:
        sal = df.pop("salience")
        table = coerce(df)
        table["salience"] = sal.astype("float64")
    f = Filters(
        start=None if start is None else base + dt.timedelta(days=start),
        end=None if start is None else base + dt.timedelta(days=start + span),
        countries=tuple(countries),
        topics=tuple(topics),
        actors=tuple(actors),
        modes=tuple(modes),
        min_salience=min_sal,
        min_confidence=min_conf,
    )
    assert list(apply_filters(table, f)["event_id"]) == _reference(table, f)


def test_list_value_counts_counts_rows_per_element():
    from store.query import list_value_counts

    shared = ["UKR", "RUS"]
    s = pd.Series([shared, shared, ["UKR"], [], ["ISR", "ISR", ""], None], dtype=object)
    counts = list_value_counts(s)
    assert counts.to_dict() == {"UKR": 3, "RUS": 2, "ISR": 1}
    assert list(counts.index) == ["UKR", "RUS", "ISR"]
    assert len(list_value_counts(pd.Series([], dtype=object))) == 0
    df = generate_events(2000, seed=3)
    expected = pd.Series([c for v in df["countries"] for c in set(v)]).value_counts()
    assert list_value_counts(df["countries"]).to_dict() == expected.to_dict()


def test_filter_positions_and_take_rows(small):
    from store.query import filter_positions, take_rows

    pos = filter_positions(small, Filters(countries=("UKR", "CHN")))
    assert pos.tolist() == [0, 3] and pos.dtype.kind == "i"
    part = take_rows(small, pos, ["event_id", "countries"])
    assert list(part.columns) == ["event_id", "countries"]
    assert part["event_id"].tolist() == ["e1", "e4"] and list(part.index) == [0, 3]
    assert filter_positions(small, Filters(modes=())).tolist() == [0, 1, 2, 3]
    every = take_rows(small, filter_positions(small, Filters(modes=())))
    assert every["event_id"].tolist() == ["e1", "e2", "e3", "e4"] and list(every.columns) == list(small.columns)
    assert take_rows(small, pos[::-1], ["event_id"])["event_id"].tolist() == ["e4", "e1"]
    assert filter_positions(empty_events(), Filters(countries=("UKR",))).tolist() == []


def test_explode_codes_pairs_rows_with_their_elements():
    from store.query import explode_codes

    shared = ["UKR", "RUS"]
    values = pd.Series([shared, [], ["ISR", "UKR"], None, shared, ("RUS",)], dtype=object).to_numpy()
    rows, codes, elements = explode_codes(values)
    assert list(elements) == ["UKR", "RUS", "ISR"]
    assert rows.tolist() == [0, 0, 2, 2, 4, 4, 5]
    assert codes.tolist() == [0, 1, 2, 0, 0, 1, 1]
    rows, codes, elements = explode_codes(pd.Series([[], None], dtype=object).to_numpy())
    assert rows.tolist() == [] and codes.tolist() == [] and list(elements) == []
    rows, codes, elements = explode_codes(pd.Series([], dtype=object).to_numpy())
    assert rows.tolist() == [] and list(elements) == []
