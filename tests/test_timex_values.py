"""Hand-written TIMEX3 expectations for news sentences, reference pinned to Wednesday 2024-11-20.

Each row: sentence, the expression's text, its expected value (TimeML), type. Values were worked out
by hand from the TimeML conventions, not produced by the tagger.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extract.timex import tag

REF = dt.date(2024, 11, 20)  # a Wednesday, ISO week 47


def _find(text: str, span: str, reference=REF):
    found = tag(text, reference)
    for t in found:
        if t.text == span:
            return t
    raise AssertionError(f"{span!r} not tagged in {text!r}; got {[(t.text, t.value) for t in found]}")


ABSOLUTE = [
    ("The talks were held on November 13, 2024, in Geneva.", "November 13, 2024", "2024-11-13", "DATE"),
    ("Troops crossed the border on 13 Nov. 2024, officials said.", "13 Nov. 2024", "2024-11-13", "DATE"),
    ("The summit opened Nov 13 in Lima.", "Nov 13", "2024-11-13", "DATE"),
    ("The decree, dated 2024-11-13, was published.", "2024-11-13", "2024-11-13", "DATE"),
    ("It was signed on 11/13/2024 by both sides.", "11/13/2024", "2024-11-13", "DATE"),
    ("The vote took place on Tuesday, Nov. 5, 2024.", "Tuesday, Nov. 5, 2024", "2024-11-05", "DATE"),
    ("The treaty was signed on March 26, 1996.", "March 26, 1996", "1996-03-26", "DATE"),
    ("The quake struck at 16:16 JST Tuesday.", "16:16 JST Tuesday", "2024-11-19T16:16", "TIME"),
    ("Polls closed at 8 p.m. yesterday.", "8 p.m. yesterday", "2024-11-19T20:00", "TIME"),
    ("The ceasefire began at noon Sunday.", "noon Sunday", "2024-11-17T12:00", "TIME"),
    ("Updated 16:16 JST, November 20, 2024", "16:16 JST, November 20, 2024", "2024-11-20T16:16", "TIME"),
    ("The meeting ends at 5 p.m. EST, Nov. 6.", "5 p.m. EST, Nov. 6", "2024-11-06T17:00", "TIME"),
    ("The exhibition opens Saturday, April 25.", "Saturday, April 25", "2026-04-25", "DATE"),
]

COARSE = [
    ("Exports fell in March 2023, the ministry said.", "March 2023", "2023-03", "DATE"),
    ("The plant closed in 2019.", "2019", "2019", "DATE"),
    ("Inflation peaked in mid-2023.", "mid-2023", "2023", "DATE"),
    ("The rebels were founded in early 2011.", "early 2011", "2011", "DATE"),
    ("Prices doubled in the 1990s.", "the 1990s", "199", "DATE"),
    ("Profit rose 5% in the third quarter.", "the third quarter", "2024-Q3", "DATE"),
    ("The economy grew 2% last year.", "last year", "2023", "DATE"),
    ("The bank expects growth next month.", "next month", "2024-12", "DATE"),
    ("Parliament is debating the bill this week.", "this week", "2024-W47", "DATE"),
    ("The fighting spread last month.", "last month", "2024-10", "DATE"),
    ("The war began in the 20th century.", "the 20th century", "19", "DATE"),
    ("Talks will resume next year.", "next year", "2025", "DATE"),
]

RELATIVE = [
    ("The ministry confirmed the strike yesterday.", "yesterday", "2024-11-19", "DATE"),
    ("The president speaks today.", "today", "2024-11-20", "DATE"),
    ("The convoy arrived two days ago.", "two days ago", "2024-11-18", "DATE"),
    ("Last week the army withdrew from the town.", "Last week", "2024-W46", "DATE"),
    ("The council met earlier this month.", "earlier this month", "2024-11", "DATE"),
    ("The envoy will return next Friday.", "next Friday", "2024-11-22", "DATE"),
    ("The vote was held last Friday.", "last Friday", "2024-11-15", "DATE"),
    ("The bridge was destroyed three weeks ago.", "three weeks ago", "2024-W44", "DATE"),
    ("Shares fell five years ago.", "five years ago", "2019", "DATE"),
    ("The vote is due the week of March 6, 2025.", "the week of March 6, 2025", "2025-W10", "DATE"),
    ("The results came out last spring.", "last spring", "2023-SP", "DATE"),
    ("Inflation cooled in the 1990s and early this year.", "early this year", "2024", "DATE"),
    ("The rains came late last week.", "late last week", "2024-W46", "DATE"),
    ("The strike happened on Christmas Day.", "Christmas Day", "2023-12-25", "DATE"),
]

DURATIONS_SETS_REFS = [
    ("The siege lasted for three years.", "three years", "P3Y", "DURATION"),
    ("Unemployment rose for a decade.", "a decade", "P10Y", "DURATION"),
    ("Rescuers worked for 24 hours.", "24 hours", "PT24H", "DURATION"),
    ("The flash lasted a second.", "a second", "PT1S", "DURATION"),
    ("Profit fell in the past two months.", "the past two months", "P2M", "DURATION"),
    ("The talks lasted 5 1/2 hours.", "5 1/2 hours", "PT5H30M", "DURATION"),
    ("He served 2 1/2 years in jail.", "2 1/2 years", "P2Y6M", "DURATION"),
    ("The speech ran a minute and a half.", "a minute and a half", "PT1M30S", "DURATION"),
    ("The storm raged for a day and a half.", "a day and a half", "P1DT12H", "DURATION"),
    ("The deal took half a year.", "half a year", "P6M", "DURATION"),
    ("The company signed a two-year contract.", "two-year", "P2Y", "DURATION"),
    ("Protesters gather every Friday in the square.", "every Friday", "XXXX-WXX-5", "SET"),
    ("The market opens on Sundays.", "Sundays", "XXXX-WXX-7", "SET"),
    ("Flights leave Bombay on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI", "SET"),
    ("The index is published daily.", "daily", "P1D", "SET"),
    ("Inspections happen each year.", "each year", "P1Y", "SET"),
    ("The border is now closed.", "now", "PRESENT_REF", "DATE"),
    ("The plant is currently idle.", "currently", "PRESENT_REF", "DATE"),
    ("Fighting recently intensified.", "recently", "PAST_REF", "DATE"),
    ("The minister will soon resign.", "soon", "FUTURE_REF", "DATE"),
]


@pytest.mark.parametrize("text, span, value, kind", ABSOLUTE + COARSE + RELATIVE + DURATIONS_SETS_REFS)
def test_value(text: str, span: str, value: str, kind: str) -> None:
    t = _find(text, span)
    assert (t.value, t.type) == (value, kind)


@pytest.mark.parametrize(
    "text, span, mod",
    [
        ("Inflation peaked in mid-2023.", "mid-2023", "MID"),
        ("The rebels were founded in early 2011.", "early 2011", "START"),
        ("The council met earlier this month.", "earlier this month", "START"),
        ("The rains came late last week.", "late last week", "END"),
    ],
)
def test_mod(text: str, span: str, mod: str) -> None:
    assert _find(text, span).mod == mod


@pytest.mark.parametrize(
    "text, span, precision",
    [
        ("The treaty was signed on March 26, 1996.", "March 26, 1996", "day"),
        ("The quake struck at 16:16 JST Tuesday.", "16:16 JST Tuesday", "minute"),
        ("Exports fell in March 2023, the ministry said.", "March 2023", "month"),
        ("Parliament is debating the bill this week.", "this week", "week"),
        ("Profit rose 5% in the third quarter.", "the third quarter", "quarter"),
        ("The results came out last spring.", "last spring", "season"),
        ("The plant closed in 2019.", "2019", "year"),
        ("Prices doubled in the 1990s.", "the 1990s", "decade"),
        ("The war began in the 20th century.", "the 20th century", "century"),
    ],
)
def test_precision(text: str, span: str, precision: str) -> None:
    assert _find(text, span).precision == precision


def test_anaphoric_day_follows_last_date() -> None:
    text = "Talks began on Nov. 13, 2024. The following day, both delegations left."
    assert _find(text, "The following day").value == "2024-11-14"


def test_offsets_index_the_exact_input() -> None:
    text = "Émigrés 🙂 returned on Tuesday, officials said."
    found = tag(text, REF)
    assert [(t.start, t.end, t.text) for t in found] == [(22, 29, "Tuesday")]
    assert text[22:29] == "Tuesday"


def test_on_is_left_out_of_the_span() -> None:
    assert [t.text for t in tag("Ukraine used missiles on Tuesday.", REF)] == ["Tuesday"]


def test_determiner_kept_in_the_last_week() -> None:
    found = tag("Prices rose during the last week.", REF)
    assert [t.text for t in found] == ["the last week"]


def test_results_sorted_by_start() -> None:
    found = tag("On Monday, 2 days after the vote on Nov. 16, the council met; next week it meets again.", REF)
    starts = [t.start for t in found]
    assert starts == sorted(starts) and len(found) >= 3


def test_reference_forms_are_equivalent() -> None:
    text = "The minister resigned on Tuesday."
    by_date = tag(text, REF)
    assert tag(text, "2024-11-20") == by_date
    assert tag(text, "2024-11-20T09:30+01:00") == by_date
    assert tag(text, dt.datetime(2024, 11, 20, 9, 30)) == by_date


def test_without_reference_only_absolute_values() -> None:
    found = {t.text: t.value for t in tag("On March 26, 1996, and again yesterday, it rained on Tuesday.", None)}
    assert found["March 26, 1996"] == "1996-03-26"
    assert "yesterday" not in found
    assert found.get("Tuesday", "XXXX-WXX-2") == "XXXX-WXX-2"


@pytest.mark.parametrize(
    "value, precision",
    [
        ("2024-11-19T16:16", "minute"),
        ("2024-11-19TNI", "day"),
        ("2024-11-19", "day"),
        ("2024-W47", "week"),
        ("2024-W47-WE", "week"),
        ("2024-11", "month"),
        ("2024-Q3", "quarter"),
        ("2024-H1", "quarter"),
        ("2024-SU", "season"),
        ("2024", "year"),
        ("199", "decade"),
        ("19", "century"),
        ("XXXX-03", "month"),
        ("XXXX-WXX-5", "day"),
        ("PRESENT_REF", ""),
    ],
)
def test_precision_of_values(value: str, precision: str) -> None:
    from extract.timex.calendar import precision_of

    assert precision_of(value) == precision


def test_quarter_ended_on_a_date() -> None:
    text = "Net income fell 10% in the quarter ended June 30, the company said."
    assert _find(text, "the quarter", dt.date(1989, 10, 26)).value == "1989-Q2"


def test_the_year_ended_is_a_period() -> None:
    t = _find("Revenue for the year ended March 31 rose 5%.", "the year")
    assert (t.value, t.type) == ("P1Y", "DURATION")
    assert _find("Profit for the year rose 5%.", "the year").value == "2024"


def test_numeric_dates_follow_the_document_order() -> None:
    us = {t.text: t.value for t in tag("Filed 05/11/2024 and amended 11/13/2024.", REF)}
    assert us == {"05/11/2024": "2024-05-11", "11/13/2024": "2024-11-13"}
    day_first = {t.text: t.value for t in tag("Filed 05/11/2024 and amended 13/11/2024.", REF)}
    assert day_first == {"05/11/2024": "2024-11-05", "13/11/2024": "2024-11-13"}


def test_year_earlier_in_earnings_news_means_the_quarter_spoken_of() -> None:
    ref = dt.date(1989, 10, 26)
    text = "Net income rose 5% in the third quarter. It earned $5 million a year earlier."
    assert _find(text, "the third quarter", ref).value == "1989-Q3"
    assert _find(text, "a year earlier", ref).value == "1988-Q3"
    assert _find("Unemployment fell. A year ago it was higher.", "A year ago", ref).value == "1988"


def test_that_year_follows_the_year_last_spoken_of() -> None:
    text = "SARS hit Asia in March 2003. By June of that year, it had faded. Later that year it ended."
    ref = dt.date(2010, 6, 20)
    assert _find(text, "June of that year", ref).value == "2003-06"
    assert _find(text, "Later that year", ref).value == "2003"


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("GM lost $39bn in third quarter 2007.", "third quarter 2007", "2007-Q3"),
        ("The sequence ends at 3 o'clock in the afternoon.", "3 o'clock in the afternoon", "2024-11-20T15:00"),
        ("The order came at 11.30 pm at night.", "11.30 pm at night", "2024-11-20T23:30"),
        ("Shots were heard at 4 in the morning.", "4 in the morning", "2024-11-20T04:00"),
        ("At 08:55 am on 30 Jun 2009, a reader wrote.", "08:55 am on 30 Jun 2009", "2009-06-30T08:55"),
    ],
)
def test_more_forms(text: str, span: str, value: str) -> None:
    assert _find(text, span).value == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a day that names a happening, written without its year, is that happening's day
        ("Bush spoke after the September 11 attacks.", "September 11", "2001-09-11"),
        ("He urged them not to forget the lessons of September 11.", "September 11", "2001-09-11"),
        ("The post-September 11 offensive began in Afghanistan.", "September 11", "2001-09-11"),
        ("He oversaw the fund for victims of the Sept. 11 terrorist attacks.", "Sept. 11", "2001-09-11"),
        ("He ran the Sept. 11 victim compensation fund.", "Sept. 11", "2001-09-11"),
        # the same day told as a day of the article's time keeps its year
        ("The vote on the budget took place on September 11.", "September 11", "2024-09-11"),
    ],
)
def test_a_named_day_without_its_year(text, span, value):
    assert _find(text, span).value == value
