"""Every Timeline17 article in ../shared is read with its publication date and its id."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from extract.ingest import load_articles
from tests.conftest import need_shared


@pytest.mark.slow
def test_timeline17_articles_all_read_with_dates():
    root = need_shared("corpora", "timeline17-dev")
    files = sorted(root.glob("*/articles.jsonl"))
    assert len(files) == 11
    expected = {}
    empty = set()
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            rec = json.loads(line)
            key = (str(f), rec["id"])
            if rec["text"].strip():
                expected[key] = dt.date.fromisoformat(rec["published"])
            else:
                empty.add(f"{f} line {n}")
    assert len(expected) + len(empty) == 2648
    # BBC radio listings pages (read by eye: time slots, "Presenter/..., Producer/..." credits) are no stories.
    listings = {(str(root / "MJ_bbc" / "articles.jsonl"), i) for i in ("394", "563", "601", "675", "696", "716", "788")}
    assert listings <= set(expected)
    result = load_articles([str(f) for f in files])
    got = {(a.origin, a.id): a for a in result.articles}
    assert set(got) == set(expected) - listings
    listing_reasons = [r for r in result.rejected if "broadcast listings" in r.problem]
    assert {r.source for r in listing_reasons} == {f"{path} (id {i})" for path, i in listings}
    for key in listings:
        del expected[key]
    for key, date in expected.items():
        art = got[key]
        assert art.published_date == date and art.published_from == "metadata" and art.published_precision == "day"
        assert art.text.strip()
    # A handful of the BBC pages are mangled Vietnamese or Spanish: English is guessed for the rest.
    english = sum(a.language == "en" for a in result.articles)
    assert english >= 0.99 * len(result.articles)
    assert got[(str(root / "H1N1_bbc" / "articles.jsonl"), "578")].language != "en"
    # The other inputs turned away are the lines whose text is empty, each named by its line.
    others = [r for r in result.rejected if r not in listing_reasons]
    assert {r.source for r in others} == empty
    assert all("no article text" in r.problem for r in others)
