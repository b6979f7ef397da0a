"""Ingest: every input kind and every bad input, over hand-made fixtures in tests/fixtures/ingest."""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest

from core.errors import ReferenceTimeError
from extract.ingest import load_articles

FIX = pathlib.Path(__file__).parent / "fixtures" / "ingest"


def one(path: pathlib.Path | str, **kw):
    result = load_articles([str(path)], **kw)
    assert not result.rejected, [str(r) for r in result.rejected]
    assert len(result.articles) == 1
    return result.articles[0]


def offset_hours(value: dt.datetime) -> float:
    return value.utcoffset().total_seconds() / 3600


# ---------------------------------------------------------------- plain text and markdown


def test_plain_text_furniture_removed_and_story_kept():
    art = one(FIX / "story_with_furniture.txt")
    for gone in (
        "Skip to main content",
        "Advertisement",
        "Share this article",
        "We use cookies",
        "Most Read",
        "Storm Closes Schools",
        "Ferry Operator",
        "Sign up for our newsletter",
    ):
        assert gone not in art.text
    for kept in (
        "Vanuatu's parliament voted on Tuesday",
        "share catch records every quarter",
        "Opposition members walked out",
        "Samoa is expected to hold its vote in April.",
    ):
        assert kept in art.text
    assert art.text.endswith("(Reporting by Ana Placeholder; Editing by Tom Sample)")
    spans = [(s.kind, art.text[s.start : s.end]) for s in art.segments]
    assert [k for k, _ in spans] == ["caption", "dateline", "dateline", "body", "credit"]
    assert spans[0][1].startswith("Fishermen unload their catch")
    assert spans[1][1] == "09:45 GMT, March 4, 2025"
    assert spans[2][1] == "PORT VILA (Reuters) -"
    assert spans[3][1].startswith("Vanuatu's parliament voted on Tuesday")
    assert spans[4][1] == "(Reporting by Ana Placeholder; Editing by Tom Sample)"
    assert art.published == dt.datetime(2025, 3, 4, 9, 45, tzinfo=dt.UTC)
    assert (art.published_precision, art.published_from) == ("minute", "dateline")
    assert art.language == "en"
    assert art.origin == str(FIX / "story_with_furniture.txt")


def test_segments_cover_text_in_order_without_overlap():
    art = one(FIX / "story_with_furniture.txt")
    pos = 0
    for seg in art.segments:
        assert seg.start >= pos and seg.end > seg.start
        pos = seg.end
    covered = "".join(art.text[s.start : s.end] for s in art.segments)
    assert "".join(covered.split()) == "".join(art.text.split())


def test_markdown_title_and_markup_removed():
    art = one(FIX / "plain_note.md")
    assert art.title == "Council approves harbour budget"
    assert "#" not in art.text
    assert art.text.startswith("The city council approved the harbour budget on 2 June 2025")
    assert art.published is None and art.published_from == "unknown"


def test_raw_text_string_is_an_article():
    text = "Troops withdrew from the border town on Sunday, the defence ministry said.\nTalks resume next week."
    result = load_articles([text])
    assert len(result.articles) == 1
    assert result.articles[0].text == text
    assert result.articles[0].origin == "text"


# ---------------------------------------------------------------- HTML


def test_html_page_reduced_to_its_story():
    art = one(FIX / "page.html")
    assert art.text.startswith("Train drivers in the northern region returned to work on Friday")
    assert "grain shipments stuck at inland terminals" in art.text
    for gone in (
        "Home",
        "Weather",
        "Accept all cookies",
        "Most read",
        "Celebrity chef",
        "Ten walks",
        "All rights reserved",
        "Privacy policy",
        "About us",
    ):
        assert gone not in art.text
    assert art.title == "Rail strike ends after pay deal"
    assert art.source == "The Example Courier"
    assert art.url == "https://courier.example.org/news/rail-strike-ends"
    assert art.published == dt.datetime(2025, 2, 14, 7, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert (art.published_precision, art.published_from) == ("minute", "html")


def test_html_dateline_in_page_text():
    art = one(FIX / "nested" / "page_dateline.htm")
    assert "Front page" not in art.text and "Advertise with us" not in art.text
    assert art.published.date() == dt.date(2025, 4, 9)
    assert offset_hours(art.published) == 1.0 and art.published.hour == 16 and art.published.minute == 5
    assert art.published_from == "dateline"
    assert [s.kind for s in art.segments][:2] == ["dateline", "body"]


def test_html_junk_inside_the_article_element_removed():
    art = one(FIX / "nested" / "inline_junk.html")
    paragraphs = art.text.split("\n")
    assert len(paragraphs) == 4
    # The figure's caption opens the text, marked as a caption; the story follows whole, junk gone.
    assert paragraphs[0] == "The river at low water near the border crossing, August 2025."
    assert (art.segments[0].kind, art.segments[0].end) == ("caption", len(paragraphs[0]))
    assert paragraphs[1].startswith("Negotiators from the two neighbouring states met again on Wednesday")
    assert paragraphs[2].startswith("The upstream state has offered")
    assert paragraphs[3] == "A joint commission is due to report on the reservoir's cost by the end of October."
    assert [s.kind for s in art.segments] == ["caption", "body"]
    assert art.published == dt.datetime(2025, 9, 3, 18, 20, tzinfo=dt.timezone(dt.timedelta(hours=-4)))
    assert art.published_from == "html"
    assert art.title == "Talks on water sharing resume"


def test_html_without_article_body_rejected():
    result = load_articles([str(FIX / "no_body.html")])
    assert result.articles == []
    assert len(result.rejected) == 1
    assert result.rejected[0].source == str(FIX / "no_body.html")
    assert "no article text" in result.rejected[0].problem


def test_uploaded_html_bytes():
    data = (FIX / "page.html").read_bytes()
    result = load_articles([("upload.html", data)])
    assert len(result.articles) == 1
    assert result.articles[0].origin == "upload.html"
    assert "Train drivers" in result.articles[0].text


# ---------------------------------------------------------------- feeds


def test_rss_feed_entries_become_articles():
    result = load_articles([str(FIX / "feed.rss")])
    assert not result.rejected
    first, second = result.articles
    assert first.title == "Border crossing reopens after talks"
    assert first.url == "https://wire.example.org/world/border-reopens"
    assert first.source == "Example Wire: World"
    assert first.text.startswith("The main border crossing") and "<p>" not in first.text
    assert first.published == dt.datetime(2025, 3, 10, 14, 20, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert first.published_from == "metadata"
    assert second.published == dt.datetime(2025, 3, 11, 9, 5, tzinfo=dt.UTC)


def test_atom_feed_keeps_offset_and_prefers_published_over_updated():
    art = one(FIX / "nested" / "deeper" / "feed.atom")
    assert art.title == "Airport expansion approved"
    assert art.published == dt.datetime(2025, 5, 1, 18, 45, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert art.published.date() == dt.date(2025, 5, 1)  # local date, though it was 2 May in UTC
    assert "Construction is due to begin next year." in art.text


def test_broken_feed_rejected():
    result = load_articles([str(FIX / "broken_feed.xml")])
    assert result.articles == []
    assert "feed could not be parsed" in result.rejected[0].problem


# ---------------------------------------------------------------- CSV, JSON, JSON lines


def test_csv_rows_with_common_column_names():
    result = load_articles([str(FIX / "articles.csv")])
    assert [a.title for a in result.articles] == ["Dam inspection finds cracks", "Ministers meet on drought"]
    dam, drought = result.articles
    assert dam.url == "https://news.example.net/dam" and dam.source == "Example News"
    assert dam.published == dt.datetime(2025, 1, 20, tzinfo=dt.UTC) and dam.published_precision == "day"
    assert offset_hours(drought.published) == 3.0 and drought.published_precision == "minute"
    assert len(result.rejected) == 1
    assert result.rejected[0].source.endswith("articles.csv row 4")


def test_csv_semicolon_delimited(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text("title;text;date\nA;The rescue teams reached the village on Friday morning.;2025-07-04\n")
    art = one(path)
    assert art.text == "The rescue teams reached the village on Friday morning."
    assert art.published.date() == dt.date(2025, 7, 4)


def test_csv_without_text_column_rejected():
    result = load_articles([str(FIX / "no_text_column.csv")])
    assert result.articles == []
    problem = result.rejected[0].problem
    assert "no text column" in problem and "headline" in problem


def test_json_single_object():
    art = one(FIX / "article.json")
    assert art.title == "Port workers sign wage agreement"
    assert art.source == "Harbour Times"
    assert art.url == "https://port.example.com/wage-deal"
    assert art.published == dt.datetime(2025, 4, 17, 15, 0, tzinfo=dt.timezone(dt.timedelta(hours=10)))


def test_json_list_with_a_bad_item():
    result = load_articles([str(FIX / "articles_list.json")])
    assert [a.title for a in result.articles] == ["Bridge reopens", "Museum gets new director"]
    assert result.articles[1].published == dt.datetime(2025, 6, 9, 10, 30, tzinfo=dt.UTC)
    assert len(result.rejected) == 1 and result.rejected[0].source.endswith("item 3")


def test_malformed_json_names_the_line():
    result = load_articles([str(FIX / "malformed.json")])
    assert result.articles == []
    assert "line 4" in result.rejected[0].problem


def test_jsonl_keeps_ids_and_rejects_only_the_bad_line():
    result = load_articles([str(FIX / "articles.jsonl")])
    assert [a.id for a in result.articles] == ["a-1", "a-2", "a-4"]
    assert result.articles[0].published == dt.datetime(2009, 5, 12, tzinfo=dt.UTC)
    assert result.articles[2].published is None
    assert len(result.rejected) == 1
    assert result.rejected[0].source.endswith("articles.jsonl line 3")
    assert "not valid JSON" in result.rejected[0].problem


def test_dict_record_from_python():
    result = load_articles(
        [{"headline": "H", "body": "The ceasefire held overnight, both sides said.", "pubDate": "2025-08-01"}]
    )
    assert result.articles[0].title == "H"
    assert result.articles[0].published.date() == dt.date(2025, 8, 1)


# ---------------------------------------------------------------- directories


def test_directory_read_recursively_and_batch_goes_on():
    result = load_articles([str(FIX)])
    origins = {a.origin for a in result.articles}
    assert str(FIX / "nested" / "deeper" / "feed.atom") in origins
    assert str(FIX / "nested" / "page_dateline.htm") in origins
    assert str(FIX / "story_with_furniture.txt") in origins
    rejected = {r.source for r in result.rejected}
    assert str(FIX / "no_body.html") in rejected and str(FIX / "malformed.json") in rejected
    assert str(FIX / "broken_feed.xml") in rejected and str(FIX / "no_text_column.csv") in rejected
    summary = result.summary()
    assert summary.startswith(f"{len(result.articles)} articles read, {len(result.rejected)} inputs rejected")


def test_empty_directory_rejected(tmp_path):
    result = load_articles([str(tmp_path)])
    assert result.articles == [] and "no readable files" in result.rejected[0].problem


# ---------------------------------------------------------------- bad input


def test_empty_and_blank_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n\t \n")
    result = load_articles([str(tmp_path / "empty.txt"), str(tmp_path / "blank.txt")])
    assert result.articles == []
    assert [r.problem for r in result.rejected] == ["the input is empty", "the input is empty"]


def test_binary_file_rejected(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    result = load_articles([str(path)])
    assert result.articles == [] and "binary" in result.rejected[0].problem
    assert result.rejected[0].source == str(path)


def test_file_over_size_cap_rejected(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("The council met on Monday. " * 200)
    result = load_articles([str(path)], max_bytes=1000)
    assert result.articles == []
    assert "over the 1,000-byte limit" in result.rejected[0].problem


def test_default_size_cap_is_twenty_megabytes(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(20_000_001)
    result = load_articles([str(path)])
    assert "over the 20,000,000-byte limit" in result.rejected[0].problem


def test_legacy_encodings_decoded(tmp_path):
    text = "Le ministre a déclaré mardi que la réforme des retraites serait présentée à l'été, selon le communiqué."
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    result = load_articles([str(tmp_path / "cp1252.txt"), str(tmp_path / "utf16.txt")])
    assert not result.rejected
    assert [a.text for a in result.articles] == [text, text]
    assert result.articles[0].language == "fr"


def test_undecodable_bytes_never_crash(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"Officials met on Monday. " + b"\xff\xfe\xfa\xfb" * 5 + b" The talks ended.\n")
    result = load_articles([str(path)])
    assert not result.rejected
    text = result.articles[0].text
    assert text.startswith("Officials met on Monday. ") and text.endswith(" The talks ended.")


def test_random_bytes_rejected_as_not_text():
    import random

    rng = random.Random(7)
    noise = bytes(rng.randrange(1, 256) for _ in range(5000))
    result = load_articles([("noise.txt", noise)])
    assert result.articles == []
    assert result.rejected[0].source == "noise.txt"
    assert "encoding" in result.rejected[0].problem or "binary" in result.rejected[0].problem


def test_missing_path_and_odd_objects():
    result = load_articles(["/nonexistent/story.txt", 42])
    assert result.articles == []
    assert result.rejected[0].source == "/nonexistent/story.txt"
    assert "no such file" in result.rejected[0].problem
    assert "cannot read an input of type int" in result.rejected[1].problem


def test_text_empty_after_furniture_removed(tmp_path):
    path = tmp_path / "only_furniture.txt"
    path.write_text("Advertisement\nShare this article\nWe use cookies to improve your experience.\n")
    result = load_articles([str(path)])
    assert result.articles == [] and "no article text left" in result.rejected[0].problem


# ---------------------------------------------------------------- publication time and ids


def test_publication_time_order(tmp_path):
    dateline_text = (
        "10:00 CET, January 5, 2025\nThe summit opened in the capital on Sunday with twelve leaders attending."
    )
    (tmp_path / "d.txt").write_text(dateline_text)
    (tmp_path / "f.jsonl").write_text(json.dumps({"text": dateline_text, "published": "2025-01-04"}) + "\n")
    (tmp_path / "n.txt").write_text("The summit opened in the capital on Sunday with twelve leaders attending.")
    result = load_articles([str(tmp_path / p) for p in ("f.jsonl", "d.txt", "n.txt")], published="2025-01-09")
    field, dateline, cli = result.articles
    assert (field.published_from, field.published.date()) == ("metadata", dt.date(2025, 1, 4))
    assert (dateline.published_from, dateline.published.isoformat()) == ("dateline", "2025-01-05T10:00:00+01:00")
    assert (cli.published_from, cli.published.date(), cli.published_precision) == ("cli", dt.date(2025, 1, 9), "day")
    assert load_articles([str(tmp_path / "n.txt")]).articles[0].published_from == "unknown"


def test_bad_published_field_falls_back_with_a_note(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "Voting ended at noon.", "date": "sometime soon"}) + "\n")
    result = load_articles([str(tmp_path / "a.jsonl")], published="2025-03-01T12:00+02:00")
    art = result.articles[0]
    assert art.published_from == "cli" and offset_hours(art.published) == 2.0
    assert "sometime soon" in result.notes[0] and "line 1" in result.notes[0]


def test_bad_published_argument_raises():
    with pytest.raises(ReferenceTimeError, match="not a date"):
        load_articles(["Some text with enough words to be text."], published="next blursday")


def test_ids_stable_from_url_else_text(tmp_path):
    a = load_articles([{"text": "First version.", "url": "https://x.example/a"}]).articles[0]
    b = load_articles([{"text": "Second version.", "url": "https://x.example/a"}]).articles[0]
    c = load_articles([{"text": "First version."}]).articles[0]
    d = load_articles([{"text": "First version."}]).articles[0]
    assert a.id == b.id and c.id == d.id and a.id != c.id
    assert len(a.id) == 16 and all(ch in "0123456789abcdef" for ch in a.id)


def test_same_page_read_twice_in_one_process():
    first = load_articles([str(FIX / "page.html")])
    again = load_articles([str(FIX / "page.html"), ("copy.html", (FIX / "page.html").read_bytes())])
    assert len(first.articles) == 1 and len(again.articles) == 2 and not again.rejected
    assert first.articles[0].text == again.articles[0].text == again.articles[1].text


@pytest.mark.parametrize(
    "item, is_text",
    [
        ("Troops pulled back from the front on Monday, REUTERS/Name reported 24/7 coverage.", True),
        ("Rescue teams reached the village", True),
        ("my story.txt", False),
        ("missing/dir/file.txt", False),
        ("https://example.org/a b", False),
    ],
)
def test_raw_text_or_path(item, is_text):
    result = load_articles([item])
    if is_text:
        assert result.articles[0].origin == "text" and result.articles[0].text == item
    else:
        assert result.articles == [] and result.rejected[0].source == item


def test_existing_path_with_spaces_is_a_path(tmp_path):
    path = tmp_path / "a story from the wire today.txt"
    path.write_text("The vote was held on Monday.")
    assert load_articles([str(path)]).articles[0].origin == str(path)


def test_reused_ids_are_noted(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "7", "text": "The dam held."}) + "\n")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "7", "text": "The bridge fell."}) + "\n")
    result = load_articles([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")])
    assert [a.id for a in result.articles] == ["7", "7"]
    assert len(result.notes) == 1 and "'7'" in result.notes[0] and "b.jsonl" in result.notes[0]
    same = load_articles([str(tmp_path / "a.jsonl"), str(tmp_path / "a.jsonl")])
    assert same.notes == []


def test_declared_html_charset_is_honoured(tmp_path):
    # 0xA4 is the euro sign in ISO-8859-15 but a currency sign in cp1252: only the declaration tells.
    story = (
        "Le gouvernement a annoncé mardi que le prix du gazole serait plafonné à 2 € le litre "
        "jusqu'à la fin de l'année, a indiqué le ministère de l'économie dans un communiqué."
    )
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'
        f"<title>Gazole</title></head><body><article><p>{story}</p><p>{story}</p></article></body></html>"
    )
    path = tmp_path / "fr.html"
    path.write_bytes(page.encode("iso-8859-15"))
    art = one(path)
    assert art.text.split("\n")[0] == story
    assert art.language == "fr"
