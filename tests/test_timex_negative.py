"""Things that are not temporal expressions, or not dates: the mistakes search_dates makes on news text."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.timex import tag

REF = dt.date(2024, 11, 20)


@pytest.mark.parametrize(
    "text",
    [
        "Officials fear Russia may strike again.",
        "Putin, 72, said the West was to blame.",
        "The ship carried 1,500 people and 300 cars.",
        "Theresa May said the deal was final.",
        "The team won 3-2 after a second goal.",
        "Voters were asked a second time.",
        "The unit lost 2024 soldiers, the report said.",
        "He paid $1990 for the rifle.",
        "The bill passed 52-48 in the Senate.",
        "The march on the capital was peaceful.",
        "Room 1999 was locked.",
        "Police said 2000 residents fled the town.",
        "Protesters marched through the fall of the old regime's statue.",
        "A 6-year-old girl was rescued.",
        "Sales grew 5% a year.",
        "The well leaked 60,000 barrels of oil a day.",
        "The band with Christmas Clapton played in Boston.",
        "The ministers Janos Martonyi and Jan Kavan signed the accession papers.",
        "She told 60 Minutes and This Week about the plan.",
        "Reporter April Ryan asked about the bill.",
        "The column moved off at 0900 hours.",
        "The plane came down at 1653 local time.",
        # a month's abbreviation in capitals, with no day, is an acronym or a heading's word
        "Text GIVE to 70077 to donate to the DEC for the earthquake appeal.",
        "OBAMA MAY VISIT THE GULF",
        "",
    ],
)
def test_no_date(text: str) -> None:
    found = [(t.text, t.value, t.type) for t in tag(text, REF) if t.type in ("DATE", "TIME")]
    assert found == []


def test_ten_minutes_is_a_duration_not_a_date() -> None:
    found = tag("The attack lasted 10 minutes.", REF)
    assert [(t.text, t.value, t.type) for t in found] == [("10 minutes", "PT10M", "DURATION")]


def test_in_march_is_a_month_not_the_reference_day() -> None:
    found = tag("Factories slowed in March.", REF)
    assert [(t.text, t.value) for t in found] == [("March", "2024-03")]


def test_may_with_a_day_is_a_date_but_may_the_verb_is_not() -> None:
    found = tag("The rebels may attack on May 5.", REF)
    assert [(t.text, t.value) for t in found] == [("May 5", "2025-05-05")]  # a modal clause: the next May 5


def test_a_month_abbreviation_in_capitals_with_a_day_is_still_a_date():
    assert [t.value for t in tag("The meeting is on DEC 25.", REF)] == ["2024-12-25"]
    assert [t.value for t in tag("The talks ended in Dec and resumed.", REF)] == ["2023-12"]
