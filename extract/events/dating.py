"""Dating: which temporal expression governs a clause, and the date range it names.

period(value) -> Period | None: a TIMEX3 value as (date string, precision, first day, day after).
govern(text, timexes, sentence, clause_span, cue_pos) -> Timex | None: the expression that dates the
clause: the nearest date inside the clause, else the nearest one elsewhere in the sentence; dates after
"since", "until", "before", "by" ... bound the happening rather than date it and are passed over.
publication(article) -> Period | None: the article's local publication day, for undated clauses.
narrative(text, timexes, tx_starts, sentences, index, published_day) -> Timex | None: the day the story was last
telling about in the NARRATIVE_SENTENCES sentences before sentence `index`, for an undated past-tense
clause ("Lai won the election on Saturday. His rival conceded defeat." -> Saturday).
on_timeline(period) -> bool: whether the events table can hold the period (its datetime64[ns] columns
reach from 1677-09-22 to 2262-04-11); a happening dated outside, such as a treaty of 1648 recalled as
background, is not an event of the news timeline and is not emitted.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from typing import NamedTuple

from extract.events._data import cues
from extract.model import Timex

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


# The span a datetime64[ns] column can hold (pandas.Timestamp.min / max), whole days inside it.
FIRST_DAY = dt.date(1677, 9, 22)
LAST_END = dt.date(2262, 4, 11)


class Period(NamedTuple):
    date: str
    precision: str
    start: dt.date
    end: dt.date  # exclusive


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def period(value: str) -> Period | None:
    """The period a TIMEX3 date value names; None for durations, references and partial values."""
    try:
        if m := _DAY.match(value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return Period(d.isoformat(), "day", d, d + dt.timedelta(days=1))
        if m := _MONTH.match(value):
            d = dt.date(int(m[1]), int(m[2]), 1)
            return Period(value, "month", d, _add_months(d, 1))
        if m := _WEEK.match(value):
            d = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return Period(value, "week", d, d + dt.timedelta(days=7))
        if m := _QUARTER.match(value):
            d = dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
            return Period(value, "quarter", d, _add_months(d, 3))
        if m := _SEASON.match(value):
            d = dt.date(int(m[1]), _SEASON_MONTH[m[2]], 1)
            return Period(value, "season", d, _add_months(d, 3))
        if m := _YEAR.match(value):
            y = int(m[1])
            return Period(value, "year", dt.date(y, 1, 1), dt.date(y + 1, 1, 1))
        if m := _DECADE.match(value):
            y = int(m[1]) * 10
            return Period(value, "decade", dt.date(y, 1, 1), dt.date(y + 10, 1, 1))
    except ValueError:
        return None
    return None


def _not_governing_words() -> list[str]:
    return cues()["dating"]["not_governing"]


def governs(text: str, tx: Timex, sentence_start: int) -> bool:
    """True when tx can date a happening: a date or time with a calendar value, not a bound ("since May")."""
    if tx.type not in ("DATE", "TIME") or period(tx.value) is None:
        return False
    head = text[max(sentence_start, tx.start - 24) : tx.start].lower().rstrip()
    after, words = _not_governing()
    return not (head.endswith(after) or head in words)


@functools.cache
def _not_governing() -> tuple[tuple[str, ...], frozenset[str]]:
    """The words of [dating].not_governing after a space (as governs reads the end of the text before a date),
    and themselves."""
    words = _not_governing_words()
    return tuple(" " + w for w in words), frozenset(words)


def govern(
    text: str,
    timexes: list[Timex],
    sentence_start: int,
    clause_span: tuple[int, int],
    cue_pos: int,
    others: list[tuple[int, int]] = (),
) -> Timex | None:
    """The expression dating the clause among the sentence's timexes (see module doc). A date inside one of
    `others` (character spans the sentence's other happenings hold: another clause with a cue, the words right
    after another cue) dates that happening, so another date is preferred ("On Friday, 11 weeks after the well
    was capped July 15, Allen announced ..." is Friday); when no other date is there it still does ("visited
    Mexico City in April, praised Calderon": April)."""
    usable = [tx for tx in timexes if governs(text, tx, sentence_start)]
    if not usable:
        return None
    a, b = clause_span
    free = [tx for tx in usable if not any(x <= tx.start < y for x, y in others)]
    inside = [tx for tx in usable if a <= tx.start < b]
    pool = [tx for tx in free if a <= tx.start < b] or inside or free or usable
    return min(pool, key=lambda tx: abs(tx.start - cue_pos))


NARRATIVE_SENTENCES = 3  # how far back an undated past clause looks for the day being told about


def narrative(
    text: str, timexes: list[Timex], tx_starts: list[int], sentences: list, index: int, published_day: dt.date | None
) -> Timex | None:
    """The last day-precision date governing something in the body sentences just before sentences[index],
    when it lies before the publication day (a past day the story is narrating); None otherwise."""
    if published_day is None or index == 0:
        return None
    window = sentences[max(0, index - NARRATIVE_SENTENCES) : index]
    starts = [s.start for s in window]
    a, b = bisect.bisect_left(tx_starts, starts[0]), bisect.bisect_left(tx_starts, sentences[index].start)
    for tx in reversed(timexes[a:b]):
        sent = window[bisect.bisect_right(starts, tx.start) - 1]
        if tx.precision not in ("day", "minute") or tx.start >= sent.end or not governs(text, tx, sent.start):
            continue  # not a day, between sentences (a dropped headline), or a bound ("since May 3")
        if sent.kind != "body":
            continue  # a photo's caption: the day the picture was taken, not one the story tells of
        per = period(tx.value)
        return tx if per is not None and per.start < published_day else None
    return None


LEAD_SENTENCES = 2  # the body sentences whose date says which day a story is about
STORY_DAYS_BACK = 7  # how long before publication a story's day may lie


def story_day(
    text: str, timexes: list[Timex], sentences: list, published_day: dt.date | None
) -> tuple[int, Timex] | None:
    """(sentence index, date) of the day the story is about: the first day-precision date governing something in
    its first LEAD_SENTENCES body sentences that lies before the publication day and at most STORY_DAYS_BACK days
    before it ("The future of BP was in doubt last night after ...", published the next morning); None when the
    lead gives no such day (a story about the day it is published)."""
    if published_day is None:
        return None
    lead = [(n, s) for n, s in enumerate(sentences) if s.kind == "body"][:LEAD_SENTENCES]
    for n, sent in lead:
        for tx in timexes:
            if not sent.start <= tx.start < sent.end or tx.precision not in ("day", "minute"):
                continue
            if not governs(text, tx, sent.start):
                continue
            per = period(tx.value)
            if per is not None and published_day - dt.timedelta(days=STORY_DAYS_BACK) <= per.start < published_day:
                return n, tx
    return None


def publication(published: dt.datetime | None) -> Period | None:
    """The local publication day as a day Period; None when unknown."""
    if published is None:
        return None
    d = published.date()
    return Period(d.isoformat(), "day", d, d + dt.timedelta(days=1))


def night_before(day: Period) -> Period:
    """The day before a day Period, as a day Period: the evening a night ending on `day` began."""
    d = day.start - dt.timedelta(days=1)
    return Period(d.isoformat(), "day", d, day.start)


def days_from(day: Period, days: int) -> Period:
    """The day `days` after a day Period (before it when negative), as a day Period."""
    d = day.start + dt.timedelta(days=days)
    return Period(d.isoformat(), "day", d, d + dt.timedelta(days=1))


def month_of(day: Period) -> Period:
    """The month a day Period lies in, as a month Period."""
    d = day.start.replace(day=1)
    return Period(d.isoformat()[:7], "month", d, _add_months(d, 1))


def on_timeline(per: Period) -> bool:
    """True when the period's first day and exclusive end fit the events table's date columns."""
    return FIRST_DAY <= per.start and per.end <= LAST_END
