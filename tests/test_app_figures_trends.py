"""The Trends page's figure builders: events per period by category (app.figures.trends), cooperation and
conflict (app.figures.balance), and the periods both count in (app.figures.periods)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from app.figures import balance as B
from app.figures import periods as P
from app.figures import trends as T
from app.labels import NONE_LABEL


def test_trend_counts_sum_to_events_per_category(dashboard_events):
    wide = T.trend_counts(dashboard_events, "month", "event_type", top=100)
    assert int(wide.to_numpy().sum()) == len(dashboard_events)
    assert list(wide.columns)[0] == dashboard_events["event_type"].value_counts().index[0].capitalize()


def test_quad_balance_is_between_minus_one_and_one(dashboard_events):
    wide = B.quad_balance(dashboard_events, "week")
    assert wide["balance"].between(-1, 1).all()
    assert int(wide[list(B.QUAD_COLOURS)].to_numpy().sum()) == len(dashboard_events)
    only_conflict = dashboard_events.assign(quad_class="material_conflict")
    assert (B.quad_balance(only_conflict, "month")["balance"] == -1).all()


def test_period_codes_count_by_day_week_and_month():
    dates = pd.to_datetime(pd.Series(["2024-03-06", "2024-03-04", None, "2024-03-31", "2024-04-02"])).to_numpy()
    periods, codes = P.period_codes(dates, "month")
    assert [str(p)[:10] for p in periods] == ["2024-03-01", "2024-04-01"]
    assert codes.tolist() == [0, 0, -1, 0, 1]
    periods, codes = P.period_codes(dates, "week")  # weeks start on Monday: 2024-03-04, 2024-03-25, 2024-04-01
    assert [str(p)[:10] for p in periods] == ["2024-03-04", "2024-03-25", "2024-04-01"]
    assert codes.tolist() == [0, 0, -1, 1, 2]
    far = pd.to_datetime(pd.Series(["1900-01-02", "2100-05-01", "1900-01-03"])).to_numpy()
    periods, codes = P.period_codes(far, "day")
    assert [str(p)[:10] for p in periods] == ["1900-01-02", "1900-01-03", "2100-05-01"]
    assert codes.tolist() == [0, 2, 1]
    periods, codes = P.period_codes(pd.to_datetime(pd.Series([None])).to_numpy(), "day")
    assert len(periods) == 0 and codes.tolist() == [-1]


def test_choose_period_grows_with_the_span():
    day = pd.Timestamp("2024-01-01")
    assert P.choose_period(day, day + pd.Timedelta(days=100)) == "day"
    assert P.choose_period(day, day + pd.Timedelta(days=700)) == "week"
    assert P.choose_period(day, day + pd.Timedelta(days=2000)) == "month"


def test_trend_counts_and_quad_balance_by_hand():
    df = pd.DataFrame(
        {
            "date_start": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-03", "2024-02-10"]),
            "topics": [["war"], ["war", "trade"], [], ["trade"]],
            "event_type": ["ASSAULT", "CONSULT", "ASSAULT", "ASSAULT"],
            "quad_class": ["material_conflict", "verbal_cooperation", "material_conflict", "unknown"],
        }
    )
    wide = T.trend_counts(df, "month", "topic")
    assert list(wide.columns) == ["trade", "war", NONE_LABEL]  # largest first, ties by name
    assert wide.to_numpy().tolist() == [[1, 2, 0], [1, 0, 1]]
    assert [str(p)[:10] for p in wide.index] == ["2024-01-01", "2024-02-01"]
    assert T.trend_counts(df, "month", "topic", top=2).columns.tolist() == ["trade", "Other"]
    assert T.trend_counts(df, "month", "topic", top=2).to_numpy().tolist() == [[1, 2], [1, 1]]
    quads = B.quad_balance(df, "month")
    assert quads["material_conflict"].tolist() == [1, 1] and quads["verbal_cooperation"].tolist() == [1, 0]
    assert quads["balance"].tolist() == [0.0, -1.0]


def test_trends_are_stacked_bars_with_other_in_grey():
    wide = pd.DataFrame(
        {"war": [2, 0], "Other": [1, 2]}, index=pd.DatetimeIndex(["2024-01-01", "2024-02-01"], name="period")
    )
    fig = T.trends_figure(wide, "month", "topic")
    assert [t.type for t in fig.data] == ["bar", "bar"] and fig.layout.barmode == "stack"
    assert [t.name for t in fig.data] == ["war", "Other"]
    assert list(fig.data[1].y) == [1, 2] and fig.data[1].marker.color == "#9e9e9e"
    assert fig.data[0].marker.color != "#9e9e9e"


def test_balance_draws_cooperation_up_and_conflict_down():
    df = pd.DataFrame(
        {
            "date_start": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-01-21"]),
            "quad_class": ["material_conflict", "verbal_cooperation", "verbal_cooperation"],
        }
    )
    fig = B.balance_chart(df, period="month")
    january = list(fig.data[0].x).index(pd.Timestamp("2024-01-01"))
    bars = {t.name: list(t.y) for t in fig.data if t.type == "bar"}
    assert bars["Verbal cooperation"][january] == 2 and bars["Material conflict"][january] == -1
    assert sum(abs(v) for ys in bars.values() for v in ys) == 3, "the other months of the axis are empty"
    line = next(t for t in fig.data if t.type == "scatter")
    assert line.y[january] == 1 / 3
    assert sum(not np.isnan(v) for v in line.y) == 1, "a month without events is a gap in the line, not 0"


def test_events_without_topics_split_by_topic_are_split_by_event_type_and_the_chart_says_so():
    """Imported GDELT and ACLED rows carry no topic: split by topic they would be one unnamed series (plotly draws
    no legend for it), so they are split by event type, with a note; with one topic in view, by topic as asked."""
    df = pd.DataFrame(
        {
            "date_start": pd.to_datetime(["2024-01-05", "2024-02-03", "2024-03-10"]),
            "topics": [[], [], []],
            "event_type": ["ASSAULT", "CONSULT", "ASSAULT"],
        }
    )

    def note(fig) -> str:
        return (fig.layout.title.subtitle.text or "").replace("<br>", " ")  # wrapped to fit a narrow chart

    by_topic, by_type = T.trends_chart(df, "month", "topic"), T.trends_chart(df, "month", "event_type")
    assert "None of these events has a topic" in note(by_topic) and "split by event type" in note(by_topic)
    assert [t.name for t in by_topic.data] == [t.name for t in by_type.data] == ["Assault", "Consult"]
    assert [list(t.y) for t in by_topic.data] == [list(t.y) for t in by_type.data]
    assert by_topic.layout.title.text == by_type.layout.title.text == "Events per month by event type"
    assert "has a topic" not in note(by_type)
    df.at[0, "topics"] = ["war"]
    with_one = T.trends_chart(df, "month", "topic")
    assert "has a topic" not in note(with_one) and with_one.layout.title.text == "Events per month by topic"
