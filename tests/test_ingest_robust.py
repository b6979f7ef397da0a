"""Ingest under hostile input: nesting, huge fields, odd JSON, lazy imports; never a crash or a hang."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.ingest import load_articles
from extract.ingest.clean import clean_text

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_plain_text_path_imports_no_html_or_feed_library(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "1", "published": "2020-01-01", "text": "Talks began."}) + "\n")
    code = (
        "import sys; from extract.ingest import load_articles; "
        f"r = load_articles([{str(tmp_path / 'a.jsonl')!r}, 'The talks began on Monday in the capital city.']); "
        "assert len(r.articles) == 2, r.rejected; "
        "print(sorted(m for m in ('trafilatura', 'feedparser', 'htmldate', 'charset_normalizer', 'dateparser') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_deeply_nested_json_rejected(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "deep.jsonl").write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    result = load_articles([str(tmp_path / "deep.json"), str(tmp_path / "deep.jsonl")])
    assert result.articles == []
    assert len(result.rejected) == 2
    assert all("nested too deeply" in r.problem for r in result.rejected)


def test_json_scalar_and_wrong_shapes(tmp_path):
    (tmp_path / "n.json").write_text("42")
    (tmp_path / "t.json").write_text(json.dumps({"text": ["First paragraph.", "Second paragraph."], "title": {"x": 1}}))
    result = load_articles([str(tmp_path / "n.json"), str(tmp_path / "t.json")])
    assert "found int" in result.rejected[0].problem
    assert result.articles[0].text == "First paragraph.\nSecond paragraph."


def test_csv_with_a_huge_field(tmp_path):
    body = "The committee met again. " * 20_000
    (tmp_path / "big.csv").write_text('title,text\nLong one,"' + body + '"\n')
    result = load_articles([str(tmp_path / "big.csv")])
    assert not result.rejected
    assert result.articles[0].text == body.strip()


def test_html_inside_a_json_field_is_stripped(tmp_path):
    (tmp_path / "h.json").write_text(
        json.dumps({"content": "<p>Rain closed the <b>pass</b>.</p><p>Crews were sent.</p>"})
    )
    art = load_articles([str(tmp_path / "h.json")]).articles[0]
    assert art.text == "Rain closed the pass.\nCrews were sent."


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_clean_text_never_fails_and_segments_fit(text):
    cleaned = clean_text(text)
    pos = 0
    for seg in cleaned.segments:
        assert pos <= seg.start < seg.end <= len(cleaned.text)
        pos = seg.end


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_an_article_or_a_rejection(data):
    result = load_articles([("upload.bin", data)])
    assert len(result.articles) + len(result.rejected) >= 1
    for r in result.rejected:
        assert r.source.startswith("upload.bin")


def test_pipes_and_devices_are_not_read(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "ok.txt").write_text("The mayor opened the new bridge on Monday.")
    result = load_articles([str(tmp_path), "/dev/zero"])
    assert [a.origin for a in result.articles] == [str(tmp_path / "ok.txt")]
    problems = {r.source: r.problem for r in result.rejected}
    assert "not a regular file" in problems[str(fifo)]
    assert "not a regular file" in problems["/dev/zero"]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=80), st.integers(), st.floats(allow_nan=True)))
def test_parse_published_never_fails(value):
    from extract.ingest.published import parse_published

    parsed = parse_published(value)
    assert parsed is None or (parsed.value.tzinfo is not None and parsed.precision in ("day", "minute"))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789:., |;-APMESTGUJanFebMyJulOctNovDecTueSat\n")), max_size=120))
def test_find_dateline_spans_are_inside_the_text(text):
    from extract.ingest.published import find_dateline

    found = find_dateline(text)
    if found is not None:
        assert 0 <= found.start < found.end <= len(text)
        assert found.value.tzinfo is not None
