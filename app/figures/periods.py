"""Dates grouped into days, weeks (starting Monday), months, quarters or years: the buckets of the counting
charts, and the whole periods a time axis is widened to."""

from __future__ import annotations

import numpy as np
import pandas as pd

PERIODS = ("day", "week", "month", "quarter", "year")  # finest first
PERIOD_WORDS = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}
MAX_PERIODS = 250  # more bars than this on one axis are a few pixels thin: count per a coarser period


def choose_period(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Bucket for aggregated views: day up to ~4 months, week up to ~3 years, month up to ~20 years, quarter up
    to ~60 years, year beyond."""
    days = (end - start).days if pd.notna(start) and pd.notna(end) else 0
    if days <= 120:
        return "day"
    if days <= 3 * 366:
        return "week"
    if days <= 20 * 366:
        return "month"
    if days <= 60 * 366:
        return "quarter"
    return "year"


def period_floor(ts: pd.Timestamp, period: str) -> pd.Timestamp:
    """The first day of the period ts falls in."""
    return pd.Timestamp(period_start(np.array([np.datetime64(ts, "ns")]), period).iloc[0])


def period_next(ts: pd.Timestamp, period: str, k: int = 1) -> pd.Timestamp:
    """The start of the k-th period after the one starting at ts (ts is a period start)."""
    d = np.datetime64(ts, "ns")
    if period == "day":
        out = d + np.timedelta64(k, "D")
    elif period == "week":
        out = d + np.timedelta64(7 * k, "D")
    else:
        months = {"month": 1, "quarter": 3, "year": 12}[period] * k
        out = (d.astype("datetime64[M]") + np.timedelta64(months, "M")).astype("datetime64[ns]")
    return pd.Timestamp(out)


def period_range(start: pd.Timestamp, end: pd.Timestamp, period: str) -> np.ndarray:
    """Every period start from the one holding start up to (not including) end, as datetime64[ns]."""
    first = period_floor(start, period)
    if period in ("day", "week"):
        step = 1 if period == "day" else 7
        days = np.arange(first.to_datetime64().astype("datetime64[D]"), np.datetime64(end, "D"), step)
        return days.astype("datetime64[ns]")
    months = {"month": 1, "quarter": 3, "year": 12}[period]
    m0 = first.to_datetime64().astype("datetime64[M]")
    m1 = np.datetime64(end, "M") + (np.timedelta64(1, "M") if pd.Timestamp(end).day > 1 else np.timedelta64(0, "M"))
    starts = np.arange(m0, m1, months).astype("datetime64[ns]")
    return starts[starts < np.datetime64(end, "ns")]


def count_periods(start: pd.Timestamp, end: pd.Timestamp, period: str) -> int:
    """How many periods of this kind the span [start, end) touches (an estimate from the span's length)."""
    days = max((end - start).days, 1)
    length = {"day": 1, "week": 7, "month": 30.44, "quarter": 91.3, "year": 365.25}[period]
    return int(np.ceil(days / length))


def coarsen(period: str, start: pd.Timestamp, end: pd.Timestamp, max_periods: int = MAX_PERIODS) -> str:
    """period, or the first coarser one that puts at most max_periods buckets on [start, end)."""
    i = PERIODS.index(period)
    while i < len(PERIODS) - 1 and count_periods(start, end, PERIODS[i]) > max_periods:
        i += 1
    return PERIODS[i]


def period_label(ts: pd.Timestamp, period: str) -> str:
    """A period as people name it: "12 Mar 2024", "week of 11 Mar 2024", "Mar 2024", "Q1 2024", "2024"."""
    t = pd.Timestamp(ts)
    if period == "day":
        return f"{t.day} {t:%b %Y}"
    if period == "week":
        return f"week of {t.day} {t:%b %Y}"
    if period == "month":
        return f"{t:%b %Y}"
    if period == "quarter":
        return f"Q{(t.month - 1) // 3 + 1} {t.year}"
    return str(t.year)


def period_start(dates: pd.Series | np.ndarray, period: str) -> pd.Series:
    """The first day of the day/week (Monday)/month/quarter/year each date falls in."""
    d = np.asarray(pd.to_datetime(dates).to_numpy() if isinstance(dates, pd.Series) else dates, dtype="datetime64[ns]")
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}: use one of {', '.join(PERIODS)}")
    if period == "month":
        out = d.astype("datetime64[M]").astype("datetime64[ns]")
    elif period == "quarter":
        months = d.astype("datetime64[M]").astype(np.int64)  # months since January 1970
        out = (months - months % 3).astype("datetime64[M]").astype("datetime64[ns]")
    elif period == "year":
        out = d.astype("datetime64[Y]").astype("datetime64[ns]")
    else:
        days = d.astype("datetime64[D]")
        if period == "week":
            weekday = (days.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
            days = days - weekday.astype("timedelta64[D]")
        out = days.astype("datetime64[ns]")
    index = dates.index if isinstance(dates, pd.Series) else None
    return pd.Series(out, index=index)


def period_codes(dates: np.ndarray, period: str) -> tuple[np.ndarray, np.ndarray]:
    """(periods, codes): the distinct day/week/month starts the dates fall in (ascending, datetime64[ns]) and,
    for each date, the index of its period (-1 for a missing date). The dates are reduced to distinct day
    numbers first (counted, not sorted), and only those few thousand days are turned into periods, which
    keeps this fast on a million dates."""
    d = np.asarray(dates, dtype="datetime64[ns]")
    valid = ~np.isnat(d)
    codes = np.full(len(d), -1, dtype=np.int64)
    days = d[valid].astype("datetime64[D]").astype(np.int64)
    if len(days) == 0:
        return np.array([], dtype="datetime64[ns]"), codes
    lo, span = int(days.min()), int(days.max() - days.min()) + 1
    if span <= 4 * len(days) + 10_000:
        present = np.bincount(days - lo, minlength=span) > 0
        day_values, day_codes = np.flatnonzero(present) + lo, (np.cumsum(present) - 1)[days - lo]
    else:  # a few dates spread over a very long time
        day_values, day_codes = np.unique(days, return_inverse=True)
    starts = period_start(day_values.astype("datetime64[D]"), period).to_numpy()
    periods, period_of_day = np.unique(starts, return_inverse=True)
    codes[valid] = period_of_day[day_codes]
    return periods.astype("datetime64[ns]"), codes
