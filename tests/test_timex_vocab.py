"""The vocabulary file and the rule tables built from it agree with each other."""

from __future__ import annotations

from extract.timex import vocab
from extract.timex.patterns import triggers


def test_every_month_and_weekday_is_named() -> None:
    v = vocab.load()
    assert set(v["months"].values()) == set(range(1, 13))
    assert set(v["weekdays"].values()) == set(range(1, 8))


def test_lowercase_triggers_are_lowercase() -> None:
    for name, (lower, _exact, digits) in triggers().items():
        assert all(w == w.lower() for w in lower), name
        assert digits <= {"d4", "d12", "d"}, name


def test_number_words() -> None:
    assert vocab.number_value("twenty-four") == 24
    assert vocab.number_value("twenty four") == 24
    assert vocab.number_value("one hundred") == 100
    assert vocab.number_value("5 1/2") == 5.5
    assert vocab.number_value("1,500") == 1500
    assert vocab.number_value("blue") is None
