"""A stand-in reader used only while extract.ingest cannot be imported.

read_plain(items, published=None) -> (articles, notes): JSON-lines files of {"id", "text", "published",
"title", "url", "source"} records, plain-text files, "-" (standard input) and raw text strings. No HTML,
no URLs: those need extract.ingest.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import pathlib
import sys

from extract.model import Article


def _when(value) -> dt.datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    try:
        d = dt.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return d if d.tzinfo else d.replace(tzinfo=dt.UTC)


def _article(text: str, ident: str, origin: str, published, title: str = "", url: str = "", source: str = "") -> Article:
    when = _when(published)
    return Article(id=ident, text=text, title=title, url=url, source=source, published=when,
                   published_precision="day" if when else "", published_from="cli" if when else "unknown",
                   origin=origin)


def read_plain(items, published=None) -> tuple[list[Article], list[str]]:
    """Articles from JSON-lines files, text files, '-' and raw strings (see module doc)."""
    out: list[Article] = []
    notes: list[str] = []
    for item in items:
        item = str(item)
        if item == "-":
            text = sys.stdin.read()
            out.append(_article(text, hashlib.sha1(text.encode()).hexdigest()[:16], "-", published))
            continue
        path = pathlib.Path(item)
        if "\n" in item or len(item) > 4096 or not path.exists():
            if "\n" not in item and len(item) < 300 and (path.suffix or "/" in item):
                notes.append(f"{item}: no such file")
                continue
            out.append(_article(item, hashlib.sha1(item.encode()).hexdigest()[:16], "text", published))
            continue
        try:
            raw = path.read_bytes()
        except OSError as exc:
            notes.append(f"{item}: cannot be read ({exc.strerror or exc})")
            continue
        body = raw.decode("utf-8", errors="replace")
        if path.suffix == ".jsonl":
            for n, line in enumerate(body.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                    text = str(rec.get("text") or "")
                except (ValueError, AttributeError):
                    notes.append(f"{item}:{n}: not a JSON object with a 'text' field")
                    continue
                ident = str(rec.get("id") or f"{path.stem}-{n}")
                out.append(_article(text, ident, f"{item}:{n}", rec.get("published") or published,
                                    str(rec.get("title") or ""), str(rec.get("url") or ""), str(rec.get("source") or "")))
        else:
            if b"\x00" in raw[:4096]:
                notes.append(f"{item}: binary file, not text")
                continue
            out.append(_article(body, path.stem, item, published))
    return out, notes
