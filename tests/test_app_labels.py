"""Names a person can read for the codes the events table stores (app.labels)."""

import pytest

from app.labels import country_name, event_type_label, quad_label, topic_label


@pytest.mark.parametrize(
    "code, name",
    [
        ("RUS", "Russia"),
        ("IRN", "Iran"),
        ("PRK", "North Korea"),
        ("KOR", "South Korea"),
        ("SYR", "Syria"),
        ("VEN", "Venezuela"),
        ("PSE", "Palestine"),
        ("usa", "United States"),
    ],
)
def test_common_names(code, name):
    assert country_name(code) == name


def test_unknown_code_is_shown_as_is_and_empty_stays_empty():
    assert country_name("ZZZ") == "ZZZ"
    assert country_name("") == ""


def test_topic_ids_read_as_the_taxonomy_names_them():
    assert topic_label("economy_trade") == "Economy and trade"
    assert topic_label("protest_unrest") == "Protest and unrest"
    assert topic_label("military") == "Military"
    assert topic_label("war") == "war"  # an imported topic the taxonomy does not know stays as it is
    assert topic_label("") == ""


def test_event_types_and_quad_classes_as_words():
    assert event_type_label("ASSAULT") == "Assault"
    assert quad_label("material_conflict") == "Material conflict"
    assert quad_label("something_else") == "something_else"
