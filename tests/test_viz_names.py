"""Country labels on charts use the names news readers use, not ISO's formal names."""
import pytest

from viz.names import country_name


@pytest.mark.parametrize("code, name", [
    ("RUS", "Russia"), ("IRN", "Iran"), ("PRK", "North Korea"), ("KOR", "South Korea"),
    ("SYR", "Syria"), ("VEN", "Venezuela"), ("PSE", "Palestine"), ("usa", "United States"),
])
def test_common_names(code, name):
    assert country_name(code) == name


def test_unknown_code_is_shown_as_is_and_empty_stays_empty():
    assert country_name("ZZZ") == "ZZZ"
    assert country_name("") == ""
