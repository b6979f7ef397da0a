"""The table of input formats (extract/ingest/formats.py): what the CLI reads, the upload accepts, and how
an input's format is told, all from one place."""

from __future__ import annotations

import json
import pathlib

import pytest
from streamlit.testing.v1 import AppTest

from extract.ingest import load_articles
from extract.ingest.formats import BY_NAME, FORMATS, detect, suffixes, upload_suffixes
from extract.ingest.sources import KNOWN_SUFFIXES, Blob

ROOT = pathlib.Path(__file__).resolve().parent.parent
STORY = "Leaders met in Paris on Monday to discuss aid, officials said after the talks ended late in the evening."

# One small real document per format, named by the format: what a reader of that format must accept.
SAMPLES = {
    "feed": (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>Talks</title><description>{STORY}</description></item></channel></rss>"
    ),
    "html": (
        "<!doctype html><html><head><title>Talks in Paris</title></head><body><article>"
        f"<h1>Talks in Paris</h1><p>{STORY}</p><p>{STORY}</p></article></body></html>"
    ),
    "jsonl": json.dumps({"text": STORY, "id": "a"}) + "\n" + json.dumps({"text": STORY + " Again.", "id": "b"}) + "\n",
    "json": json.dumps({"text": STORY, "title": "Talks"}),
    "csv": f'id,title,text\n1,Talks,"{STORY}"\n',
    "tsv": f"id\ttitle\ttext\n1\tTalks\t{STORY}\n",
    "markdown": f"# Talks in Paris\n\n{STORY}\n",
    "text": f"Talks in Paris\n\n{STORY}\n",
}


def test_every_format_has_a_sample_and_suffixes_are_not_shared():
    assert set(SAMPLES) == set(BY_NAME)
    all_suffixes = suffixes()
    assert len(all_suffixes) == len(set(all_suffixes))
    assert all(s.startswith(".") and s == s.lower() for s in all_suffixes)


def test_the_directory_walk_reads_every_formats_suffixes_and_nothing_else():
    assert set(KNOWN_SUFFIXES) == {s for f in FORMATS for s in f.suffixes}


def test_the_upload_accepts_exactly_what_the_cli_reads(tmp_path, monkeypatch):
    """The dashboard's Add articles page, run for real: its file uploader's types are the CLI's suffixes."""
    monkeypatch.setenv("EVENTS_STORE", str(tmp_path / "store"))
    monkeypatch.setenv("DASHBOARD_WARM_EXPORTS", "0")
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    page = next(p for p in ("dashboard_pages/add_articles.py", "pages/add_articles.py") if (ROOT / p).exists())
    at = at.switch_page(page).run()
    assert not at.exception
    accepted = set(at.file_uploader(key="add_files").proto.type)
    # no media-type wildcard ("text" alone would mean every text/* file), only the CLI's suffixes
    assert accepted == set(KNOWN_SUFFIXES)
    assert accepted == set(upload_suffixes())
    for newly in (".ndjson", ".tsv", ".markdown", ".xhtml", ".text"):
        assert newly in accepted


@pytest.mark.parametrize("fmt", [f.name for f in FORMATS])
def test_every_suffix_of_a_format_is_read_by_that_formats_reader(tmp_path, fmt):
    for suffix in BY_NAME[fmt].suffixes:
        path = tmp_path / f"sample{suffix}"
        path.write_text(SAMPLES[fmt], encoding="utf-8")
        assert detect(Blob(str(path), data=path.read_bytes()), SAMPLES[fmt]).name == fmt
        result = load_articles([str(path)])
        assert not result.rejected, [str(r) for r in result.rejected]
        assert result.articles and all("Leaders met in Paris" in a.text for a in result.articles), suffix
        # an upload is a (file name, bytes) pair: the same name reads the same way
        upload = load_articles([(path.name, path.read_bytes())])
        assert [a.text for a in upload.articles] == [a.text for a in result.articles]


def test_a_directory_of_every_suffix_is_read_whole(tmp_path):
    for f in FORMATS:
        for suffix in f.suffixes:
            (tmp_path / f"{f.name}{suffix.replace('.', '_')}{suffix}").write_text(SAMPLES[f.name], encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"not read")
    result = load_articles([str(tmp_path)])
    assert not result.rejected, [str(r) for r in result.rejected]
    origins = {a.origin.rsplit("/", 1)[-1] for a in result.articles}
    assert len(origins) == len(suffixes())
    assert "notes.docx" not in origins


def test_the_format_markers_of_each_reader_are_kept():
    by_origin = {}
    for f in FORMATS:
        res = load_articles([(f"x.{f.suffixes[0].lstrip('.')}", SAMPLES[f.name].encode())])
        by_origin[f.name] = res.articles
    assert by_origin["markdown"][0].title == "Talks in Paris" and "#" not in by_origin["markdown"][0].text
    assert len(by_origin["jsonl"]) == 2
    assert by_origin["tsv"][0].title == "Talks"
    assert by_origin["feed"][0].source == "Wire"


@pytest.mark.parametrize(
    ("name", "ctype", "fmt"),
    [
        # the name's suffix decides first, whatever the media type says
        ("https://example.org/a.json", "text/html", "json"),
        ("page.html", "application/json", "html"),
        # no telling name: the declared media type
        ("https://example.org/api", "application/json; charset=utf-8", "json"),
        ("https://example.org/feed", "application/rss+xml", "feed"),
        ("https://example.org/list", "text/csv", "csv"),
        ("https://example.org/list", "text/tab-separated-values", "tsv"),
        ("https://example.org/note", "text/markdown", "markdown"),
    ],
)
def test_name_then_media_type(name, ctype, fmt):
    assert detect(Blob(name, data=b"x", content_type=ctype), "x").name == fmt


@pytest.mark.parametrize(
    ("text", "ctype", "fmt"),
    [
        ('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', "", "feed"),
        ('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>', "", "html"),
        ("<!DOCTYPE html><html><body>x</body></html>", "", "html"),
        ("<p>A paragraph of a page.</p>", "", "html"),
        ("<rss version='2.0'><channel></channel></rss>", "text/html", "feed"),  # the root element outranks
        ("<div>x</div>", "application/xhtml+xml", "html"),  # HTML outranks an XML media type
        ("<doc>x</doc>", "application/xml", "feed"),
        ('{"text": "a"}\n{"text": "b"}\n', "", "jsonl"),
        ('{"text": "a"}', "", "json"),
        ('[{"text": "a"}]', "", "json"),
        ("Just words, a story.", "", "text"),
        ('\ufeff  {"text": "a"}', "", "json"),
    ],
)
def test_content_when_neither_name_nor_media_type_tells(text, ctype, fmt):
    assert detect(Blob("-", data=text.encode(), content_type=ctype), text).name == fmt


def test_json_file_holding_json_lines_is_read_line_by_line(tmp_path):
    path = tmp_path / "articles.json"
    path.write_text(SAMPLES["jsonl"], encoding="utf-8")
    assert len(load_articles([str(path)]).articles) == 2


def test_a_readers_own_failure_is_logged_with_its_traceback_and_reported_plainly(caplog, monkeypatch):
    from extract.ingest import formats

    def broken(blob, text, rejected):
        raise KeyError("surprise")

    monkeypatch.setattr(formats, "FORMATS", (formats.Format("text", "plain text", (".txt",), broken),))
    monkeypatch.setitem(formats.BY_NAME, "text", formats.FORMATS[0])
    with caplog.at_level("ERROR", logger="extract.ingest"):
        result = load_articles([("odd.txt", b"Some words of an article.")])
    assert [r.problem for r in result.rejected] == ["could not be read (KeyError: 'surprise')"]
    record = next(r for r in caplog.records if "odd.txt" in r.getMessage())
    assert record.exc_info is not None and record.exc_info[0] is KeyError
