"""Well-formedness of the bundled sample corpus (data/articles/) and the hand-annotated gold events (tests/gold/).

These files are data written by hand; the checks catch typos that would silently spoil an evaluation:
an evidence string that is not in its article, a country code that does not exist, a date that does
not fit its precision, a type or mode outside the schema.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import pathlib
import re

import pycountry
import pytest

from core.schema import MODES, PLOVER_TYPES
from tests.conftest import need_shared

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles" / "articles.jsonl"
EXTRA = ROOT / "data" / "articles" / "extra"
GOLD = ROOT / "tests" / "gold" / "events.jsonl"

ARTICLE_KEYS = {"id", "title", "source", "url", "published", "text"}
GOLD_KEYS = {
    "article_id",
    "date",
    "date_precision",
    "countries",
    "source_actor",
    "target_actor",
    "event_type",
    "mode",
    "evidence",
}
GOLD_PRECISIONS = ("day", "month", "year")
DATE_SHAPES = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}


def _read_jsonl(path: pathlib.Path) -> list[dict]:
    """Parse every line of a JSONL file; a line that is not a JSON object fails naming the line."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            pytest.fail(f"{path.name}:{number} is not JSON: {exc}")
        assert isinstance(row, dict), f"{path.name}:{number} is not a JSON object"
        rows.append(row)
    return rows


@pytest.fixture(scope="module")
def articles() -> dict[str, dict]:
    rows = _read_jsonl(ARTICLES)
    ids = [r.get("id") for r in rows]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate article ids: {duplicates}"
    return {r["id"]: r for r in rows}


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return _read_jsonl(GOLD)


def test_at_least_sixty_articles(articles: dict[str, dict]) -> None:
    assert len(articles) >= 60


def test_article_fields(articles: dict[str, dict]) -> None:
    for aid, art in articles.items():
        assert set(art) == ARTICLE_KEYS, f"{aid}: keys {sorted(art)}"
        assert re.fullmatch(r"a\d{3}", aid), f"{aid}: id should look like a001"
        assert art["url"].startswith("https://example.org/"), f"{aid}: url outside example.org"
        published = dt.datetime.fromisoformat(art["published"])
        assert published.tzinfo is not None, f"{aid}: published has no UTC offset"
        assert dt.datetime(2022, 1, 1, tzinfo=dt.UTC) <= published, f"{aid}: published before 2022"
        assert published <= dt.datetime(2026, 1, 1, tzinfo=dt.UTC), f"{aid}: published after 2025"
        for key in ("title", "source", "text"):
            assert isinstance(art[key], str) and art[key].strip(), f"{aid}: empty {key}"


def test_article_lengths(articles: dict[str, dict]) -> None:
    for aid, art in articles.items():
        words = len(art["text"].split())
        assert 120 <= words <= 350, f"{aid}: {words} words, expected 120-350"


def test_extra_inputs_are_utf8() -> None:
    files = sorted(EXTRA.glob("*"))
    assert len([f for f in files if f.suffix == ".txt"]) >= 2
    assert len([f for f in files if f.suffix == ".html"]) >= 1
    for path in files:
        text = path.read_bytes().decode("utf-8")
        assert len(text.split()) >= 100, f"{path.name} is too short"
        if path.suffix == ".html":
            assert "<script" not in text.lower(), f"{path.name} has a script"
            assert not re.search(r"(src|href)=\"https?://(?!example\.org)", text), f"{path.name} links outside"


def test_gold_fields(gold: list[dict]) -> None:
    assert gold, "no gold events"
    for number, event in enumerate(gold, start=1):
        where = f"gold line {number} ({event.get('article_id')})"
        assert set(event) == GOLD_KEYS, f"{where}: keys {sorted(event)}"
        assert event["event_type"] in PLOVER_TYPES, f"{where}: type {event['event_type']}"
        assert event["mode"] in MODES, f"{where}: mode {event['mode']}"
        assert event["date_precision"] in GOLD_PRECISIONS, f"{where}: precision {event['date_precision']}"
        for key in ("source_actor", "target_actor"):
            assert isinstance(event[key], str), f"{where}: {key} is not a string"
            assert event[key] == event[key].strip(), f"{where}: {key} has stray spaces"
        assert event["source_actor"] or event["target_actor"], f"{where}: no actor at all"


def test_gold_dates_match_precision(gold: list[dict]) -> None:
    formats = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
    for number, event in enumerate(gold, start=1):
        precision, value = event["date_precision"], event["date"]
        where = f"gold line {number} ({event['article_id']})"
        assert re.fullmatch(DATE_SHAPES[precision], value), f"{where}: {value} is not a {precision}"
        parsed = dt.datetime.strptime(value, formats[precision])
        assert 2021 <= parsed.year <= 2026, f"{where}: {value} outside the corpus years"


def test_gold_countries_are_iso3(gold: list[dict]) -> None:
    for number, event in enumerate(gold, start=1):
        where = f"gold line {number} ({event['article_id']})"
        countries = event["countries"]
        assert isinstance(countries, list), f"{where}: countries is not a list"
        assert len(countries) == len(set(countries)), f"{where}: repeated country"
        for code in countries:
            assert pycountry.countries.get(alpha_3=code) is not None, f"{where}: {code} is not ISO alpha-3"


def test_gold_points_at_known_articles_with_exact_evidence(articles: dict[str, dict], gold: list[dict]) -> None:
    for number, event in enumerate(gold, start=1):
        aid = event["article_id"]
        assert aid in articles, f"gold line {number}: unknown article {aid}"
        evidence = event["evidence"]
        assert 3 <= len(evidence) <= 300, f"gold line {number} ({aid}): evidence length {len(evidence)}"
        assert evidence in articles[aid]["text"], f"gold line {number} ({aid}): evidence not in text: {evidence!r}"


def test_gold_has_no_duplicate_lines(gold: list[dict]) -> None:
    seen = [json.dumps(e, sort_keys=True) for e in gold]
    assert len(seen) == len(set(seen)), "the same gold event appears twice"


def test_at_least_forty_annotated_articles(gold: list[dict]) -> None:
    assert len({e["article_id"] for e in gold}) >= 40


def test_same_happening_told_by_several_outlets(articles: dict[str, dict], gold: list[dict]) -> None:
    """Merging only shows if some happenings are reported by more than one article from different outlets."""
    outlets: dict[tuple, set[str]] = {}
    for event in gold:
        if event["mode"] != "actual" or event["date_precision"] != "day":
            continue
        key = (event["date"], event["event_type"], event["source_actor"], event["target_actor"])
        outlets.setdefault(key, set()).add(articles[event["article_id"]]["source"])
    shared = [key for key, names in outlets.items() if len(names) >= 2]
    assert len(shared) >= 5, f"only {len(shared)} happenings are reported by two or more outlets"


def test_extra_inputs_tell_the_story_of_their_article(articles: dict[str, dict]) -> None:
    """Each extra input is named after an article and carries every paragraph of it (so its gold events apply)."""
    for path in sorted(EXTRA.glob("*")):
        aid = path.name.split("-", 1)[0]
        assert aid in articles, f"{path.name} does not start with a known article id"
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            text = html.unescape(text)
        for paragraph in articles[aid]["text"].split("\n\n"):
            assert paragraph in text, f"{path.name} lacks a paragraph of {aid}: {paragraph[:60]!r}"


# --- Real-news gold: hand-annotated events of Timeline17 articles (tests/gold/README_t17.md) ---------------------

T17_GOLD = ROOT / "tests" / "gold" / "t17_events.jsonl"
T17_COLLECTIONS = {
    "H1N1_bbc",
    "H1N1_guardian",
    "H1N1_reuters",
    "IraqWar_guardian",
    "MJ_bbc",
    "bpoil_bbc",
    "bpoil_foxnews",
    "bpoil_guardian",
    "bpoil_reuters",
    "bpoil_washingtonpost",
    "haiti_bbc",
}
T17_KEYS = GOLD_KEYS | {"topic", "line", "text_sha1", "split", "draw", "evidence_start", "evidence_end"}


@pytest.fixture(scope="module")
def t17_gold() -> list[dict]:
    return _read_jsonl(T17_GOLD)


def _t17_articles(rows: list[dict]) -> dict[tuple[str, int], list[dict]]:
    by: dict[tuple[str, int], list[dict]] = {}
    for row in rows:
        by.setdefault((row["topic"], row["line"]), []).append(row)
    return by


def test_t17_gold_fields(t17_gold: list[dict]) -> None:
    formats = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
    for number, event in enumerate(t17_gold, start=1):
        where = f"t17 gold line {number} ({event.get('topic')}:{event.get('line')})"
        assert set(event) == T17_KEYS, f"{where}: keys {sorted(event)}"
        assert event["topic"] in T17_COLLECTIONS, f"{where}: unknown collection"
        assert isinstance(event["line"], int) and event["line"] >= 1, f"{where}: line"
        assert re.fullmatch(r"[0-9a-f]{40}", event["text_sha1"]), f"{where}: text_sha1 is not a SHA-1"
        assert event["split"] in ("dev", "test"), f"{where}: split {event['split']}"
        split = (
            "test"
            if int(hashlib.sha1(f"{event['topic']}:{event['line']}".encode()).hexdigest(), 16) % 3 == 0
            else "dev"
        )
        assert event["split"] == split, f"{where}: the split rule of README_t17.md gives {split}"
        assert event["draw"] in (1, 2, 3, 4, 5), f"{where}: draw {event['draw']}"
        assert event["draw"] != 3 or split == "test", f"{where}: the third draw holds test articles only"
        assert event["draw"] not in (4, 5) or split == "dev", (
            f"{where}: the fourth and fifth draws hold dev articles only"
        )
        assert event["event_type"] in PLOVER_TYPES, f"{where}: type {event['event_type']}"
        assert event["mode"] in MODES, f"{where}: mode {event['mode']}"
        precision, value = event["date_precision"], event["date"]
        assert precision in GOLD_PRECISIONS, f"{where}: precision {precision}"
        assert re.fullmatch(DATE_SHAPES[precision], value), f"{where}: {value} is not a {precision}"
        assert 1980 <= dt.datetime.strptime(value, formats[precision]).year <= 2012, f"{where}: {value}"
        for key in ("source_actor", "target_actor"):
            assert isinstance(event[key], str) and event[key] == event[key].strip(), f"{where}: {key}"
        assert event["source_actor"] or event["target_actor"], f"{where}: no actor at all"
        countries = event["countries"]
        assert isinstance(countries, list) and len(countries) == len(set(countries)), f"{where}: countries"
        for code in countries:
            assert pycountry.countries.get(alpha_3=code) is not None, f"{where}: {code} is not ISO alpha-3"
        start, end = event["evidence_start"], event["evidence_end"]
        assert isinstance(start, int) and 0 <= start < end, f"{where}: evidence offsets {start}..{end}"
        assert end - start == len(event["evidence"]), f"{where}: offsets do not span the evidence"
        assert 3 <= len(event["evidence"]) <= 300, f"{where}: evidence length {len(event['evidence'])}"


def test_t17_gold_coverage_and_split(t17_gold: list[dict]) -> None:
    articles = _t17_articles(t17_gold)
    assert len(articles) >= 60, f"only {len(articles)} annotated articles"
    assert {topic for topic, _ in articles} == T17_COLLECTIONS, "every collection should have annotated articles"
    for key, events in articles.items():
        assert len({e["split"] for e in events}) == 1, f"{key}: an article's events sit in more than one split"
        assert len({e["text_sha1"] for e in events}) == 1, f"{key}: events disagree on the article's text hash"
        assert len({e["draw"] for e in events}) == 1, f"{key}: an article's events sit in more than one draw"
    # the split rule's share over the draws that took every article it gave (the third took only test articles,
    # the fourth and fifth only dev ones)
    drawn = [events[0]["split"] for events in articles.values() if events[0]["draw"] in (1, 2)]
    test_share = drawn.count("test") / len(drawn)
    assert 0.2 <= test_share <= 0.45, f"test split holds {test_share:.0%} of the articles, expected about a third"
    seen = [json.dumps(e, sort_keys=True) for e in t17_gold]
    assert len(seen) == len(set(seen)), "the same t17 gold event appears twice"


def test_t17_gold_evidence_matches_the_shared_text(t17_gold: list[dict]) -> None:
    """Every evidence span is text[start:end] of the article named by collection and line, as the corpus has it."""
    corpus = need_shared("corpora", "timeline17-dev")
    articles = _t17_articles(t17_gold)
    wanted: dict[str, set[int]] = {}
    for topic, line in articles:
        wanted.setdefault(topic, set()).add(line)
    texts: dict[tuple[str, int], str] = {}
    for topic, lines in wanted.items():
        with open(corpus / topic / "articles.jsonl", encoding="utf-8") as fh:
            for number, raw in enumerate(fh, start=1):
                if number in lines:
                    texts[(topic, number)] = json.loads(raw)["text"]
    for key, events in articles.items():
        assert key in texts, f"{key}: no such line in the corpus"
        text = texts[key]
        assert hashlib.sha1(text.encode("utf-8")).hexdigest() == events[0]["text_sha1"], f"{key}: the text changed"
        for event in events:
            span = text[event["evidence_start"] : event["evidence_end"]]
            assert span == event["evidence"], f"{key}: text[start:end] is {span!r}, not {event['evidence']!r}"
