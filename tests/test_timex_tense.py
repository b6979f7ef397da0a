"""Tense decides which Tuesday, which March: the last one in a past clause, the next one in a future clause."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.timex import tag

REF = dt.date(2013, 3, 20)  # a Wednesday


def _value(text: str, span: str) -> str:
    for t in tag(text, REF):
        if t.text == span:
            return t.value
    raise AssertionError(f"{span!r} not tagged in {text!r}")


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Ukraine used long-range missiles on Tuesday.", "Tuesday", "2013-03-19"),
        ("The leaders will meet on Tuesday.", "Tuesday", "2013-03-26"),
        ("Officials said the convoy left on Friday.", "Friday", "2013-03-15"),
        ("The convoy is expected to leave on Friday.", "Friday", "2013-03-22"),
        ("The central bank cut rates on Wednesday.", "Wednesday", "2013-03-20"),
        ("The prime minister met the king on Monday.", "Monday", "2013-03-18"),
        ("The court will rule on Monday.", "Monday", "2013-03-25"),
        # the reporting verb after the comma says when it was said, not when the call is held
        ("Leaders will hold an emergency video call on Tuesday, the German government said.", "Tuesday", "2013-03-26"),
        ("Ministers met in Brussels on Monday, officials said.", "Monday", "2013-03-18"),
        ("On Tuesday, the army said it had pulled back.", "Tuesday", "2013-03-19"),
        # the next sentence's "would" is not this clause's tense
        ("The two leaders signed the deal on Monday. It would lease a port.", "Monday", "2013-03-18"),
        ("Dozens were wounded in the blast next to the embassy on Friday.", "Friday", "2013-03-15"),
        ("The deputy will succeed the governor on Friday.", "Friday", "2013-03-22"),  # "succeed" is no past "-ed"
        # a schedule in the present simple: the coming weekday
        ("The summit that matters takes place in Paris on Friday.", "Friday", "2013-03-22"),
        ("The envoy meets the king on Monday.", "Monday", "2013-03-25"),
        ("The senator said that when the president visits Lagos on Tuesday, the port opens.", "Tuesday", "2013-03-26"),
        ("The summit took place in Paris on Friday.", "Friday", "2013-03-15"),
        # ... but a month it names stays the one just past: a photo caption's present is no plan
        ("The envoy meets the press in Lagos in February.", "February", "2013-02"),
    ],
)
def test_weekday_follows_clause_tense(text: str, span: str, value: str) -> None:
    assert _value(text, span) == value


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("The government raised taxes in August.", "August", "2012-08"),
        ("The government will raise taxes in August.", "August", "2013-08"),
        ("Production fell sharply in December.", "December", "2012-12"),
        ("The new plant will open in January.", "January", "2014-01"),
        ("Exports rose in February.", "February", "2013-02"),
        # a past perfect looks back, though "planned" alone reads as a plan
        ("The president had planned the trip in August but scrapped it.", "August", "2012-08"),
        ("The president planned to make the trip in August.", "August", "2013-08"),
    ],
)
def test_bare_month_follows_clause_tense(text: str, span: str, value: str) -> None:
    assert _value(text, span) == value


def test_last_and_next_weekday_ignore_tense() -> None:
    assert _value("He will recall what happened last Monday.", "last Monday") == "2013-03-18"
    assert _value("They met and agreed to talk again next Monday.", "next Monday") == "2013-03-25"
