"""Countries of every actor and people the article names, on sentences written for these tests.

Expected values were worked out by hand from each sentence, following tests/gold/README.md (countries: the
actors' countries, the country where the happening takes place, countries named as taking part).
"""

from __future__ import annotations

import datetime as dt

from extract.actors import find_actors
from extract.events.extract_one import article_events
from extract.model import Article


def _rows(text: str, day: str = "2024-03-08") -> list[dict]:
    art = Article(id="t", text=text, published=dt.datetime.fromisoformat(day + "T12:00:00+00:00"))
    rows, _note = article_events(art)
    return rows


def _first(text: str, etype: str, day: str = "2024-03-08") -> dict:
    rows = [r for r in _rows(text, day) if r["event_type"] == etype]
    assert rows, f"no {etype} event in {text!r}"
    return rows[0]


def test_countries_named_as_taking_part_count():
    row = _first("On Friday Chile condemned Bolivia, along with Peru and Paraguay, for closing its border.", "ACCUSE")
    assert {"CHL", "BOL", "PER", "PRY"} <= set(row["countries"])


def test_country_of_the_place_counts():
    row = _first("Rebels attacked an army convoy in Mali on Tuesday.", "ASSAULT")
    assert "MLI" in row["countries"]


def test_countries_of_a_trailing_comment_do_not_count():
    row = _first("Kenya deployed troops to Haiti on Tuesday, where Canada and Brazil once led missions.", "MOBILIZE")
    assert {"KEN", "HTI"} <= set(row["countries"])
    assert "CAN" not in row["countries"] and "BRA" not in row["countries"]


def test_country_modifier_of_a_weapon_does_not_count():
    row = _first("Ukraine fired US-made missiles at Russia on Tuesday.", "ASSAULT")
    assert "USA" not in row["countries"]


def test_person_the_article_introduces_takes_its_country():
    text = (
        "Brazil's health ministry reported 40 new cases on Monday. Brazilian officials met in Brasilia on Monday. "
        "Dr Luisa Ferreira Campos accused the ministry of hiding figures on Tuesday."
    )
    row = _first(text, "ACCUSE")
    assert row["source_actor"] == "Luisa Ferreira Campos"
    assert "BRA" in row["countries"]


def test_titled_full_name_is_learned_and_its_short_forms_follow():
    text = "Dr Helena Varga examined the samples. Later Dr Varga said the samples were clean. Varga left."
    found = [(m.text, m.actor_id) for m in find_actors(text)]
    assert found == [
        ("Dr Helena Varga", "person:helena-varga"),
        ("Dr Varga", "person:helena-varga"),
        ("Varga", "person:helena-varga"),
    ]


def test_full_name_whose_surname_the_article_titles_is_a_person():
    text = "The club's physician Tomas Oyelaran prescribed the pills. Mr Oyelaran later resigned."
    found = [(m.text, m.actor_id) for m in find_actors(text)]
    assert ("Tomas Oyelaran", "person:tomas-oyelaran") in found
    assert ("Mr Oyelaran", "person:tomas-oyelaran") in found


def test_full_name_opening_with_a_given_name_is_a_person():
    found = [(m.text, m.type) for m in find_actors("Witnesses said Michael Ostrowski drove the truck.")]
    assert found == [("Michael Ostrowski", "person")]


def test_place_and_gazetteer_names_are_not_learned_as_people():
    assert [m.actor_id for m in find_actors("Angela Merkel met officials in New Mexico.")] == ["person:angela-merkel"]
    assert find_actors("Victoria Falls drew tourists.") == []
    assert find_actors("Tourists left Martin Lake in a hurry.") == []
