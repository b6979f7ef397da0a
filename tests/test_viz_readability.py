"""Charts a person can read: common country names, and a time axis not squashed by outliers."""
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


def test_timeline_focuses_on_the_bulk_of_events_when_outliers_stretch_the_axis():
    import pandas as pd

    from viz.figures import focus_range

    starts = pd.Series(pd.date_range("2024-01-01", periods=100, freq="D").tolist() + [pd.Timestamp("1945-05-08")])
    ends = starts + pd.Timedelta(days=1)
    lo, hi = focus_range(starts, ends)
    assert pd.Timestamp("2023-12-01") < lo < pd.Timestamp("2024-01-05")
    assert pd.Timestamp("2024-04-05") < hi < pd.Timestamp("2024-05-01")
    # no outliers: the whole span is shown as it is
    assert focus_range(starts.iloc[:100], ends.iloc[:100]) is None
