"""Article text is escaped for where it is shown; empty views say how to widen them."""

from __future__ import annotations

import pytest

from app import messages
from store.query import Filters


def test_hover_text_escapes_html_and_shortens():
    out = messages.hover_escape("<script>alert(1)</script> & <img src=x onerror=alert(1)>")
    assert "<" not in out and ">" not in out
    assert out.startswith("&lt;script&gt;") and "&amp;" in out
    assert len(messages.hover_escape("word " * 200, limit=50)) == 50


@pytest.mark.parametrize("value", [None, float("nan"), "nan", "<NA>"])
def test_hover_text_of_missing_values_is_empty(value):
    assert messages.hover_escape(value) == ""


def test_markdown_escape_makes_every_sign_literal():
    out = messages.md_escape("**bold** [link](http://x) ![img](http://y) <b>x</b> :red[red] $x$")
    for sign in ("*", "[", "]", "(", ")", "!", "<", ">", ":", "$"):
        assert all(out[i - 1] == "\\" for i, ch in enumerate(out) if ch == sign)


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://news.example/a?b=1", True),
        ("http://x.org", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("file:///etc/passwd", False),
        ("", False),
        (None, False),
        ("https://x.org/<script>", False),
    ],
)
def test_only_plain_web_links_are_kept(url, kept):
    assert (messages.safe_url(url) is not None) is kept


def test_empty_result_names_each_active_filter():
    f = Filters(countries=("FRA",), text="pipeline", min_salience=0.5, min_confidence=0.7)
    text = messages.empty_result(f, 1234)
    assert "1,234" in text and "FRA" in text and "pipeline" in text and "0\\.50" in text  # Markdown-escaped
    assert "minimum confidence 0\\.70" in text
    assert "Statements" in text


def test_empty_result_without_filters_still_suggests_modes():
    assert "tick them" in messages.empty_result(Filters(), 10)
