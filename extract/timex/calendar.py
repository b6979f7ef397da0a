"""Calendar arithmetic for TIMEX3 values: shifting dates by units, ISO weeks, quarters, holidays."""

from __future__ import annotations

import datetime as dt


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by `delta` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the day does not exist in that month (or the year is out of range)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def iso_week(day: dt.date) -> str:
    """ISO week value of a date: 2024-W47."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, delta: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + delta
    return index // 4, index % 4 + 1


def weekday_on_or_before(ref: dt.date, weekday: int) -> dt.date:
    """The latest date with ISO weekday `weekday` (1=Monday) on or before ref."""
    return ref - dt.timedelta(days=(ref.isoweekday() - weekday) % 7)


def weekday_on_or_after(ref: dt.date, weekday: int) -> dt.date:
    return ref + dt.timedelta(days=(weekday - ref.isoweekday()) % 7)


def weekday_in_week(ref: dt.date, weekday: int, week_delta: int) -> dt.date:
    """The day with ISO weekday `weekday` in the ISO week `week_delta` weeks from ref's week."""
    monday = ref - dt.timedelta(days=ref.isoweekday() - 1) + dt.timedelta(weeks=week_delta)
    return monday + dt.timedelta(days=weekday - 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (n=-1: last) ISO weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    ny, nm = shift_months(year, month, 1)
    last = dt.date(ny, nm, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def holiday_date(rule: str, year: int) -> dt.date | None:
    """Date of a holiday in `year` from its vocabulary rule ("12-25", "4:4:11", "easter-2", "election")."""
    if rule.startswith("easter"):
        offset = int(rule[6:] or 0)
        return easter(year) + dt.timedelta(days=offset)
    if rule == "election":  # US: the Tuesday after the first Monday of November
        return nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    if ":" in rule:
        n, weekday, month = (int(p) for p in rule.split(":"))
        return nth_weekday(year, month, weekday, n)
    month, day = (int(p) for p in rule.split("-"))
    return safe_date(year, month, day)


def precision_of(value: str) -> str:
    """Precision word of a DATE/TIME value: minute, day, week, month, quarter, season, year, decade, century.

    Unknown parts count as known digits: XXXX-03 is month precision, XXXX-WXX-5 day precision.
    """
    if value.startswith("XXXX"):
        if "-WXX-" in value:
            return "day"
        value = "0000" + value[4:].replace("XX", "01")
    if "T" in value and value[:4].isdigit():
        return "minute" if ":" in value else "day"
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return "day"
    if "-W" in value:
        return "week"
    if len(value) == 7 and value[4] == "-":
        tail = value[5:]
        if tail[0] in "QH":
            return "quarter"
        if tail.isalpha():
            return "season"
        return "month"
    if len(value) == 4 and value[:1].isdigit():
        return "year"
    if len(value) == 3 and value.isdigit():
        return "decade"
    if len(value) == 2 and value.isdigit():
        return "century"
    return ""
