"""Well-formedness of the bundled sample corpus (data/articles/) and the hand-annotated gold events (tests/gold/).

These files are data written by hand; the checks catch typos that would silently spoil an evaluation:
an evidence string that is not in its article, a country code that does not exist, a date that does
not fit its precision, a type or mode outside the schema.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import pathlib
import re

import pycountry
import pytest

from core.schema import MODES, PLOVER_TYPES

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
