"""Ingest over http: a real HTTP server on 127.0.0.1 started by the tests, never the internet."""

from __future__ import annotations

import datetime as dt
import http.server
import pathlib
import socket
import threading
import time

import pytest

from core.errors import InputRejected
from extract.ingest import load_articles
from extract.ingest.fetch import USER_AGENT, fetch

FIX = pathlib.Path(__file__).parent / "fixtures" / "ingest"
SEEN_AGENTS: list[str] = []


class Handler(http.server.BaseHTTPRequestHandler):
    """Routes: pages, feeds, errors, a slow answer, oversized bodies, redirects."""

    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, body: bytes, ctype: str, status: int = 200, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/news/rail-strike":
            self._send((FIX / "page.html").read_bytes(), "text/html; charset=utf-8")
        elif path == "/feed":
            self._send((FIX / "feed.rss").read_bytes(), "application/rss+xml")
        elif path == "/story":
            self._send((FIX / "story_with_furniture.txt").read_bytes(), "text/plain; charset=utf-8")
        elif path == "/nobody":
            self._send((FIX / "no_body.html").read_bytes(), "text/html")
        elif path == "/missing":
            self._send(b"not here", "text/plain", status=404)
        elif path == "/broken":
            self._send(b"oops", "text/plain", status=500)
        elif path == "/slow":
            time.sleep(2.0)
            self._send(b"too late", "text/plain")
        elif path == "/big":
            self._send(b"x" * 5000, "text/plain")
        elif path == "/big-unannounced":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(10):
                self.wfile.write(b"The council met again today. " * 40)
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop2")
            self.end_headers()
        elif path == "/loop2":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/news/rail-strike")
            self.end_headers()
        elif path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        else:
            self._send(b"unknown", "text/plain", status=404)


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def test_page_url_read_as_html(server):
    result = load_articles([f"{server}/news/rail-strike"])
    assert not result.rejected
    art = result.articles[0]
    assert art.origin == f"{server}/news/rail-strike"
    assert art.text.startswith("Train drivers in the northern region")
    assert "Celebrity chef" not in art.text
    assert art.published == dt.datetime(2025, 2, 14, 7, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert art.url == f"{server}/news/rail-strike"
    assert SEEN_AGENTS[-1] == USER_AGENT


def test_feed_url_read_as_feed(server):
    result = load_articles([f"{server}/feed"])
    assert [a.title for a in result.articles] == [
        "Border crossing reopens after talks",
        "Parliament delays vote on budget",
    ]


def test_plain_text_url_cleaned(server):
    art = load_articles([f"{server}/story"]).articles[0]
    assert "Most Read" not in art.text and art.published_from == "dateline"


def test_redirect_followed(server):
    got = fetch(f"{server}/moved", timeout=5)
    assert got.url == f"{server}/news/rail-strike"
    assert b"Rail strike ends" in got.data


@pytest.mark.parametrize(
    "path, problem",
    [
        ("/missing", "HTTP 404"),
        ("/broken", "HTTP 500"),
        ("/loop", "too many redirects"),
        ("/to-file", "redirected to a file: address"),
        ("/nobody", "no article text found"),
    ],
)
def test_url_errors_rejected_with_reason(server, path, problem):
    result = load_articles([f"{server}{path}", str(FIX / "article.json")])
    assert len(result.articles) == 1  # the rest of the batch goes through
    assert len(result.rejected) == 1
    assert result.rejected[0].source == f"{server}{path}"
    assert problem in result.rejected[0].problem


def test_slow_server_times_out(server):
    start = time.monotonic()
    result = load_articles([f"{server}/slow"], fetch_timeout=0.5)
    assert time.monotonic() - start < 1.9  # gave up before the server answered
    assert result.articles == []
    assert "no answer within 0.5 s" in result.rejected[0].problem


def test_oversized_bodies_refused(server):
    announced = load_articles([f"{server}/big"], max_bytes=1000)
    assert "5,000 bytes, over the 1,000-byte limit" in announced.rejected[0].problem
    streamed = load_articles([f"{server}/big-unannounced"], max_bytes=2000)
    assert "over the 2,000-byte limit" in streamed.rejected[0].problem


@pytest.mark.parametrize(
    "url, scheme",
    [
        ("file:///etc/passwd", "file:"),
        ("ftp://ftp.example.org/story.txt", "ftp:"),
        ("data:text/plain,hello", "data:"),
        ("gopher://old.example.org/", "gopher:"),
    ],
)
def test_other_schemes_refused(url, scheme):
    result = load_articles([url])
    assert result.articles == []
    assert result.rejected[0].source == url
    assert f"not {scheme}" in result.rejected[0].problem


def test_closed_port_is_a_clear_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(InputRejected, match="could not connect"):
        fetch(f"http://127.0.0.1:{port}/", timeout=2)
