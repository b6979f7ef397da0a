"""Charts a person can read: common country names, and a time axis not squashed by outliers."""

import pytest

from app.names import country_name


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
    from app.names import topic_label

    assert topic_label("economy_trade") == "Economy and trade"
    assert topic_label("protest_unrest") == "Protest and unrest"
    assert topic_label("military") == "Military"
    assert topic_label("war") == "war"  # an imported topic the taxonomy does not know stays as it is
    assert topic_label("") == ""


def test_topic_lanes_and_legend_use_the_names():
    import pandas as pd

    from app import figures

    df = pd.DataFrame(
        {"topics": [["economy_trade"], ["economy_trade", "cyber"], []], "event_type": ["AGREE", "COERCE", "AID"]}
    )
    _positions, _codes, names = figures.lane_codes(df, "topic")
    assert names == ["Economy and trade", "Cyber", figures.NONE_LABEL]
    assert list(figures.colour_values(df, "topic")) == ["Economy and trade", "Economy and trade", figures.NONE_LABEL]


def test_timeline_focuses_on_the_bulk_of_events_when_outliers_stretch_the_axis():
    import pandas as pd

    from app.figures import focus_range

    starts = pd.Series(pd.date_range("2024-01-01", periods=100, freq="D").tolist() + [pd.Timestamp("1945-05-08")])
    ends = starts + pd.Timedelta(days=1)
    lo, hi = focus_range(starts, ends)
    assert pd.Timestamp("2023-12-01") < lo < pd.Timestamp("2024-01-05")
    assert pd.Timestamp("2024-04-05") < hi < pd.Timestamp("2024-05-01")
    # no outliers: the whole span is shown as it is
    assert focus_range(starts.iloc[:100], ends.iloc[:100]) is None


def _event(**over):
    ev = {
        "date": "2024-11-19",
        "date_precision": "day",
        "date_text": "Tuesday",
        "date_from_publication": False,
        "event_type": "ASSAULT",
        "quad_class": "material_conflict",
        "mode": "actual",
        "source_actor": "Ukraine",
        "target_actor": "Russia",
        "actors": ["Ukraine", "Russia"],
        "countries": ["UKR", "RUS"],
        "topics": ["military"],
        "mentions": 3,
        "sources": ["A", "B"],
        "salience": 0.5,
        "summary": "Ukraine struck Russian territory with ATACMS missiles",
    }
    ev.update(over)
    return ev


def test_event_facts_read_as_a_person_expects():
    from app.tables import event_facts

    facts = event_facts(_event())
    assert facts["Date"] == "2024-11-19 (precision: day), from “Tuesday”"
    assert facts["Type"] == "Assault (material conflict)"
    assert facts["Who"] == "Ukraine → Russia"
    assert facts["Countries"] == "Ukraine, Russia"
    assert facts["Reports"] == "3 from 2 outlet(s); salience 0.50"
    bare = event_facts(_event(date_text="", date_from_publication=True, source_actor="", target_actor="", topics=[]))
    assert bare["Date"] == "2024-11-19 (precision: day) — dated by publication"
    assert bare["Who"] == "— → —" and bare["Topics"] == "—"


def test_event_label_cuts_long_summaries_and_reports_drop_unsafe_links():
    import pandas as pd

    from app.tables import event_label, reports_table

    label = event_label(_event(summary="x" * 200))
    assert label.startswith("2024-11-19 · Assault · ") and label.endswith("…") and len(label.split(" · ")[2]) == 90
    table = reports_table(
        pd.DataFrame(
            {
                "published": [pd.Timestamp("2024-11-20", tz="UTC")] * 2,
                "source": ["A", "B"],
                "title": ["t1", "t2"],
                "url": ["https://example.org/a", "javascript:alert(1)"],
            }
        )
    )
    assert table["link"].iloc[0] == "https://example.org/a"
    assert pd.isna(table["link"].iloc[1])
