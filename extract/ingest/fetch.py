"""Fetch a page or feed over http(s), safely: scheme check, timeouts, size cap, bounded redirects.

`fetch(url, timeout=..., max_bytes=...)` returns a `Fetched` (body bytes, content type, final URL)
or raises InputRejected naming the URL and the problem. Uses only the standard library.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from core.errors import InputRejected

USER_AGENT = "event-timeline-extract/0.1 (+https://github.com/; reads news articles for a local timeline)"
ALLOWED_SCHEMES = ("http", "https")
MAX_REDIRECTS = 5
CHUNK = 64 * 1024


@dataclass
class Fetched:
    """A fetched body with the server's content type and the URL after redirects."""

    url: str
    data: bytes
    content_type: str


def check_url(url: str) -> None:
    """Raise InputRejected unless `url` is an http(s) URL with a host."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise InputRejected(url, f"only http:// and https:// addresses can be fetched, not {parts.scheme or 'this'}:")
    if not parts.hostname:
        raise InputRejected(url, "the address has no host name")


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow at most MAX_REDIRECTS redirects, and only to http(s) addresses."""

    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            raise InputRejected(req.full_url, f"redirected to a {scheme}: address, which is not fetched")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_Redirects)


def fetch(url: str, *, timeout: float = 15.0, max_bytes: int = 20_000_000) -> Fetched:
    """GET `url` and return its body.

    `timeout` bounds the connection, each read, and the whole download. Bodies over `max_bytes`
    are refused. Raises InputRejected for bad schemes, HTTP errors, timeouts, redirect loops,
    oversized bodies and network failures.
    """
    check_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    deadline = time.monotonic() + timeout
    try:
        with _OPENER.open(request, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputRejected(url, f"the response is {int(length):,} bytes, over the {max_bytes:,}-byte limit")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise InputRejected(url, f"the download took longer than {timeout:g} s")
                chunk = resp.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise InputRejected(url, f"the response is over the {max_bytes:,}-byte limit")
                chunks.append(chunk)
            return Fetched(resp.geturl(), b"".join(chunks), resp.headers.get("Content-Type", ""))
    except InputRejected:
        raise
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            target = urllib.parse.urlsplit((exc.headers or {}).get("Location", "") or "").scheme.lower()
            if target and target not in ALLOWED_SCHEMES:
                raise InputRejected(url, f"redirected to a {target}: address, which is not fetched") from None
            raise InputRejected(url, f"too many redirects (more than {MAX_REDIRECTS}, or a loop)") from None
        raise InputRejected(url, f"the server answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise InputRejected(url, f"no answer within {timeout:g} s") from None
        raise InputRejected(url, f"could not connect: {reason}") from None
    except TimeoutError:
        raise InputRejected(url, f"no answer within {timeout:g} s") from None
    except (http.client.HTTPException, ConnectionError, OSError, ValueError) as exc:
        raise InputRejected(url, f"the download failed: {type(exc).__name__}: {exc}") from None
