"""URL query parameters <-> widget state <-> Filters: a copied link must reproduce the view."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from app import urlstate
from store.query import Filters


def test_defaults_give_an_empty_url_and_default_filters():
    state = urlstate.defaults()
    assert urlstate.params_from_state(state) == {}
    assert urlstate.filters_from_state(state) == Filters()


def test_round_trip_of_a_full_view():
    state = {
        **urlstate.defaults(),
        "f_start": dt.date(2024, 1, 1),
        "f_end": dt.date(2024, 6, 30),
        "f_countries": ["FRA", "DEU"],
        "f_actors": ["Emmanuel Macron"],
        "f_topics": ["energy"],
        "f_types": ["ASSAULT"],
        "f_text": "gas pipeline",
        "f_salience": 0.35,
        "f_confidence": 0.7,
        "f_mode_future": True,
        "tl_lane": "actor",
        "tl_key": True,
        "tl_event": "abc",
    }
    params = urlstate.params_from_state(state)
    assert params["country"] == ["FRA", "DEU"] and params["from"] == "2024-01-01" and params["future"] == "1"
    as_url = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    back, problems = urlstate.state_from_params(as_url)
    assert problems == []
    assert {k: back[k] for k in back} == {k: state[k] for k in back}
    f = urlstate.filters_from_state(back)
    assert f.countries == ("FRA", "DEU") and f.modes == ("actual", "future") and f.min_salience == 0.35
    assert params["min_confidence"] == "0.7" and f.min_confidence == 0.7


def test_bad_values_are_dropped_with_a_reason():
    state, problems = urlstate.state_from_params(
        {"from": ["yesterday"], "min_salience": ["7"], "lane": ["sideways"], "key": ["maybe"], "country": ["FRA"]}
    )
    assert state == {"f_countries": ["FRA"]}
    assert len(problems) == 4
    assert any(p.startswith("from=") for p in problems) and any("lane=" in p for p in problems)


def test_unknown_parameters_are_ignored():
    state, problems = urlstate.state_from_params({"utm_source": ["x"], "embed": ["true"]})
    assert state == {} and problems == []


def test_comma_lists_and_repeats_merge_without_duplicates():
    state, _ = urlstate.state_from_params({"country": ["FRA,DEU", "FRA", " ITA "]})
    assert state["f_countries"] == ["FRA", "DEU", "ITA"]


def test_reversed_dates_are_swapped_not_emptied():
    f = urlstate.filters_from_state({"f_start": dt.date(2024, 5, 1), "f_end": dt.date(2024, 1, 1)})
    assert f.start == dt.date(2024, 1, 1) and f.end == dt.date(2024, 5, 1)


@given(
    st.lists(st.text(min_size=1, max_size=12).filter(lambda s: "," not in s and s.strip() == s), max_size=5),
    st.text(max_size=30),
)
def test_any_lists_and_text_survive_the_url(countries, text):
    state = {"f_countries": list(dict.fromkeys(countries)), "f_text": text.strip()}
    params = urlstate.params_from_state(state)
    as_url = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    back, problems = urlstate.state_from_params(as_url)
    assert problems == []
    assert back.get("f_countries", []) == state["f_countries"]
    assert back.get("f_text", "") == state["f_text"]
