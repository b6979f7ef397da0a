"""Where time axes open (app.figures.framing) and the periods they are widened to (app.figures.periods)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from app.figures import framing as F
from app.figures import periods as P


def dates(*values: str) -> np.ndarray:
    return pd.to_datetime(pd.Series(values)).to_numpy()


def bulk_with_outliers(n: int = 200, old: tuple[str, ...] = ("1945-08-06", "1994-05-01")) -> np.ndarray:
    days = pd.date_range("2022-02-24", "2025-08-16", periods=n)
    return np.concatenate([days.to_numpy(), dates(*old)])


def test_a_few_old_dates_do_not_stretch_the_axis():
    starts = bulk_with_outliers()
    frame = F.frame_events(starts)
    assert frame.framed and frame.period == "month"
    assert (frame.start, frame.end) == (pd.Timestamp("2022-02-01"), pd.Timestamp("2025-09-01"))
    assert (frame.total, frame.before, frame.after, frame.inside) == (202, 2, 0, 200)
    assert frame.contains(starts).sum() == 200
    note = frame.note()
    assert note.startswith("200 of 202 events fall in Feb 2022 – Aug 2025")
    assert "2 earlier (back to 1945) are off the axis" in note and "Show all dates" in note
    # the events inside fill the axis: from their first to their last they take nearly all of its width
    inside = starts[frame.contains(starts)]
    share = (inside.max() - inside.min()) / (np.datetime64(frame.end) - np.datetime64(frame.start))
    assert share > 0.95


def test_show_all_dates_opens_on_every_event():
    frame = F.frame_events(bulk_with_outliers(), full=True)
    assert not frame.framed and frame.outside == 0 and frame.note() == ""
    assert frame.start <= pd.Timestamp("1945-08-06") and frame.end > pd.Timestamp("2025-08-16")
    assert frame.period == "year", "eighty years are counted per year"


def test_the_newest_weeks_are_not_cut_off_as_a_tail():
    """The 98th percentile falls a few weeks before the last events: those stay on the axis (only a tail far
    from the bulk is left out)."""
    starts = pd.date_range("2024-01-01", "2024-12-31", periods=300).to_numpy()
    frame = F.frame_events(starts)
    assert not frame.framed and frame.outside == 0 and frame.end > pd.Timestamp("2024-12-31")


def test_events_both_sides_are_counted_and_named():
    starts = np.concatenate([pd.date_range("2024-01-01", periods=100).to_numpy(), dates("1990-01-01", "2040-06-01")])
    frame = F.frame_events(starts)
    assert (frame.before, frame.after) == (1, 1)
    assert "(1 earlier, back to 1990; 1 later, up to 2040)" in frame.note()


def test_few_events_are_all_shown_and_one_day_gets_an_axis_around_it():
    assert not F.frame_events(dates("1945-01-01", "2024-01-01", "2024-01-02")).framed
    one = F.frame_events(dates("2024-03-05", "2024-03-05"), min_periods=7)
    assert one.period == "day" and (one.end - one.start) == pd.Timedelta(days=7)
    assert one.start <= pd.Timestamp("2024-03-05") < one.end
    bars = F.frame_events(dates("2024-03-05"), period="month", min_periods=6)
    assert P.count_periods(bars.start, bars.end, "month") >= 6 and bars.contains(dates("2024-03-05")).all()


def test_no_dates_no_frame():
    assert F.frame_events(np.array([], dtype="datetime64[ns]")) is None
    assert F.frame_events(pd.to_datetime(pd.Series([None, None])).to_numpy()) is None


def test_a_given_period_is_coarsened_when_it_would_give_too_many_bars():
    two_centuries = pd.date_range("1850-01-01", "2049-12-31", periods=500).to_numpy()
    frame = F.frame_events(two_centuries, period="week", full=True, max_periods=P.MAX_PERIODS)
    assert frame.period == "year"
    assert P.count_periods(frame.start, frame.end, frame.period) <= P.MAX_PERIODS


def test_ends_reach_the_end_of_the_last_long_event():
    starts, ends = dates("2024-01-01", "2024-02-01"), dates("2024-01-02", "2025-02-01")
    assert F.frame_events(starts, ends=ends).end >= pd.Timestamp("2025-02-01")


@pytest.mark.parametrize("period", P.PERIODS)
def test_period_floor_next_and_range_agree(period):
    t = pd.Timestamp("2024-05-17 13:30")
    floor = P.period_floor(t, period)
    nxt = P.period_next(floor, period)
    assert floor <= t < nxt
    rng = P.period_range(pd.Timestamp("2023-11-20"), pd.Timestamp("2024-03-02"), period)
    assert len(rng) and rng[0] <= np.datetime64("2023-11-20") and rng[-1] < np.datetime64("2024-03-02")
    assert all(
        P.period_next(pd.Timestamp(a), period) == pd.Timestamp(b) for a, b in zip(rng[:-1], rng[1:], strict=True)
    )


def test_quarters_and_years_and_their_names():
    d = dates("2024-05-17", "1945-02-01")
    assert [str(x)[:10] for x in P.period_start(d, "quarter")] == ["2024-04-01", "1945-01-01"]
    assert [str(x)[:10] for x in P.period_start(d, "year")] == ["2024-01-01", "1945-01-01"]
    assert P.period_label(pd.Timestamp("2024-04-01"), "quarter") == "Q2 2024"
    assert P.period_label(pd.Timestamp("2024-03-04"), "week") == "week of 4 Mar 2024"
    assert P.choose_period(pd.Timestamp("1900-01-01"), pd.Timestamp("2100-01-01")) == "year"
    with pytest.raises(ValueError, match="unknown period"):
        P.period_start(d, "fortnight")
