"""Any string is normal input: the tagger never crashes, never hangs, and its offsets always index the input."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import ReferenceTimeError
from extract.timex import tag
from extract.timex.reference import parse_reference

REF = dt.date(2024, 11, 20)
VALID_TYPES = {"DATE", "TIME", "DURATION", "SET"}

# Text made of the pieces the patterns care about, so generated strings reach deep into the rules.
PIECES = st.sampled_from(
    [
        "May",
        "March",
        "Tuesday",
        "last",
        "next",
        "week",
        "year",
        "ago",
        "the",
        "third",
        "quarter",
        "1990",
        "1990s",
        "'80s",
        "12",
        "31",
        ":",
        "a.m.",
        "p.m.",
        "JST",
        "-",
        "/",
        ",",
        ".",
        " ",
        "  ",
        "\n",
        "early",
        "mid-",
        "every",
        "two",
        "twenty",
        "nineteen ninety",
        "half",
        "and a half",
        "years",
        "-old",
        "١٢",
        "שלום",
        "🙂",
        "\u202e",
        "\x00",
    ]
)


def _check(text: str) -> None:
    """Offsets index the text, types are TIMEX3 types, results come sorted and never overlap."""
    for reference in (REF, None):
        found = tag(text, reference)
        previous_end = 0
        for t in found:
            assert 0 <= t.start < t.end <= len(text)
            assert text[t.start : t.end] == t.text
            assert t.type in VALID_TYPES
            assert t.value
            assert t.start >= previous_end
            previous_end = t.end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_unicode_text(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=60).map("".join))
def test_temporal_looking_text(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_binary_looking_text(data: bytes) -> None:
    _check(data.decode("latin-1"))


EDGE_TEXT = (
    "yesterday, tomorrow, last week, next year, two days ago, 99 centuries ago, in 9000 years from now, "
    "on Tuesday, next Friday, the following day, in March, Nov. 13, last Christmas, next Thanksgiving, "
    "Easter, the third quarter, a year earlier, the 1990s, last spring, next winter, the weekend, "
    "Saturday, April 25, 10 p.m. tomorrow, the year-ago period, the '80s"
)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_any_reference_date_including_calendar_edges(reference: dt.date) -> None:
    for t in tag(EDGE_TEXT, reference):
        assert EDGE_TEXT[t.start : t.end] == t.text and t.value


@pytest.mark.parametrize("reference", ["0001-01-01", "0001-01-03", "9999-12-31"])
def test_calendar_edges(reference: str) -> None:
    found = tag(EDGE_TEXT, reference)
    assert any(t.text == "Nov. 13" for t in found)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "9" * 200_000,
        " " * 200_000,
        "." * 200_000,
        "-" * 200_000,
        "1990 " * 50_000,
        "May " * 50_000,
        "two " * 50_000,
        "the last " * 30_000,
        "1/2/" * 50_000,
        "a.m. " * 40_000,
        "١٢٣ שלום 🙂 " * 20_000,
    ],
)
def test_long_pathological_runs_finish(text: str) -> None:
    _check(text)


def test_one_megabyte_article() -> None:
    paragraph = (
        "The council met on Tuesday, Nov. 19, 2024, two days after the vote; it will meet again "
        "next month, officials said, for the third time in 12 months. "
    )
    text = paragraph * (1_000_000 // len(paragraph) + 1)
    found = tag(text, REF)
    # per paragraph: "Tuesday, Nov. 19, 2024", "two days", "next month", "12 months"
    assert len(found) == 4 * (len(text) // len(paragraph))
    assert {t.text for t in found} == {"Tuesday, Nov. 19, 2024", "two days", "next month", "12 months"}


@pytest.mark.parametrize("bad", ["yesterday", "2024-13-01", "2024-02-30", "20241120", "2024-11-20T25:00", "", "  "])
def test_malformed_reference_is_a_clear_error(bad: str) -> None:
    with pytest.raises(ReferenceTimeError, match="reference time"):
        parse_reference(bad)
    with pytest.raises(ReferenceTimeError):
        tag("on Tuesday", bad)


def test_reference_with_zone_keeps_its_local_date() -> None:
    assert parse_reference("2024-11-20T23:30-05:00") == dt.date(2024, 11, 20)
    assert parse_reference("2024-11-20T01:00+09:00") == dt.date(2024, 11, 20)
