"""Dates grouped into days, weeks (starting Monday) or months: the buckets of the counting charts."""

from __future__ import annotations

import numpy as np
import pandas as pd


def choose_period(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Bucket for aggregated views: day up to ~4 months, week up to ~3 years, month beyond."""
    days = (end - start).days if pd.notna(start) and pd.notna(end) else 0
    if days <= 120:
        return "day"
    if days <= 3 * 366:
        return "week"
    return "month"


def period_start(dates: pd.Series | np.ndarray, period: str) -> pd.Series:
    """The first day of the day/week (Monday)/month each date falls in."""
    d = np.asarray(pd.to_datetime(dates).to_numpy() if isinstance(dates, pd.Series) else dates, dtype="datetime64[ns]")
    if period == "month":
        out = d.astype("datetime64[M]").astype("datetime64[ns]")
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
