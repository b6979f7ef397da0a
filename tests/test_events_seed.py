"""The seed article gives exactly its four events, and nothing from its headline lists."""

from __future__ import annotations

from extract.events import extract_events
from tests.conftest import need_shared


def _events():
    path = need_shared("seed", "000_38deb2ecbac005e4.txt")
    return extract_events([path], workers=1)


def test_seed_gives_exactly_four_events():
    df = _events()
    assert len(df) == 4, df[["date", "event_type", "summary"]].to_string()


def test_seed_events_are_the_four_happenings():
    df = _events()
    by_type = {row.event_type: row for row in df.itertuples()}
    strike = by_type["ASSAULT"]
    assert strike.date == "2024-11-19" and strike.date_precision == "day"
    assert {"UKR", "RUS"} <= set(strike.countries)
    assert strike.source_actor == "Ukraine" and strike.target_actor == "Russia"
    assert "ATACMS" in strike.sentence

    nuclear = next(r for r in df.itertuples() if "threshold" in r.sentence)
    assert nuclear.date == "2024-11-19"
    assert nuclear.source_actor == "Vladimir Putin" and nuclear.countries == ["RUS"]

    mines = next(r for r in df.itertuples() if "anti-personnel" in r.sentence)
    assert mines.event_type in ("AID", "SUPPORT")
    assert mines.date in ("2024-11-19", "2024-11-20")
    assert set(mines.countries) == {"USA", "UKR"}
    assert mines.source_actor == "Joe Biden" and mines.target_actor == "Ukraine"

    meeting = by_type["CONSULT"]
    assert meeting.date == "2024-11-13"
    assert meeting.countries == ["USA"]
    assert meeting.source_actor == "Joe Biden" and meeting.target_actor == "Donald Trump"


def test_seed_publication_time_comes_from_its_dateline():
    df = _events()
    published = df["published"].iloc[0]
    assert published.isoformat() == "2024-11-20T07:16:00+00:00"  # 16:16 JST


def test_seed_headline_lists_and_background_give_nothing():
    df = _events()
    text = " ".join(df["sentence"])
    for phrase in (
        "Warsh",
        "Takaichi",
        "Measles",
        "throughout its war",
        "did not immediately respond",
        "clear signal",
        "expects Ukraine",
    ):
        assert phrase not in text
    assert (df["mode"] == "actual").all()
