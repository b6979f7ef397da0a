"""Ingest: whatever the user has (files, directories, URLs, stdin, pasted text, uploads) -> clean Articles.

    from extract.ingest import load_articles
    result = load_articles(["story.txt", "feed.xml", "https://example.org/page"], published="2024-11-20")
    result.articles   # list[Article]
    result.rejected   # list[InputRejected], one per input (or record) that could not be read
    print(result.summary())

Modules: sources (inputs -> bytes), fetch (safe http), formats (the table of input formats: suffixes,
media types, content tests, reader), readers (one per format), clean (site furniture, segments),
published (times), language, build (RawArticle -> Article), cli.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from core.errors import InputRejected
from extract.model import Article

__all__ = ["load_articles", "LoadResult", "article_to_json", "DEFAULT_MAX_BYTES", "DEFAULT_FETCH_TIMEOUT"]

log = logging.getLogger(__name__)
DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_FETCH_TIMEOUT = 15.0


@dataclass
class LoadResult:
    """What a load produced: the articles, the inputs rejected (with why), and softer notes."""

    articles: list[Article] = field(default_factory=list)
    rejected: list[InputRejected] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for people: '12 articles read, 2 inputs rejected (the input is empty: 1, ...)'."""
        n, m = len(self.articles), len(self.rejected)
        line = f"{n} article{'s' if n != 1 else ''} read, {m} input{'s' if m != 1 else ''} rejected"
        if m:
            reasons = Counter(_reason(r.problem) for r in self.rejected)
            line += " (" + "; ".join(f"{why}: {k}" for why, k in reasons.most_common(5)) + ")"
        return line


def _reason(problem: str) -> str:
    """The gist of a problem for grouping in the summary ('not valid JSON at line 4, column 3: ...' -> 'not valid JSON')."""
    gist = re.split(r"[:(]| at line| over the| within", problem, maxsplit=1)[0].strip()
    return re.sub(r"\d[\d,]*", "N", gist) or problem


def load_articles(
    inputs: Iterable[object] | str,
    *,
    published: str | dt.date | dt.datetime | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetch_timeout: float = DEFAULT_FETCH_TIMEOUT,
) -> LoadResult:
    """Read every input into clean Articles; never raises for a bad input.

    inputs: paths (files or directories, read recursively), http(s) URLs, "-" for standard input,
    raw article text, (file name, bytes) pairs from uploads, or dicts of article fields.
    published: the publication time to use when an article carries none of its own (the CLI's
    --published); a string that is no date raises ReferenceTimeError.
    max_bytes: the largest file, upload or download accepted. fetch_timeout: seconds per URL.
    """
    from extract.ingest.build import build_article
    from extract.ingest.formats import read_blob
    from extract.ingest.published import Published, parse_cli_published, parse_published
    from extract.ingest.sources import Blob, iter_blobs

    fallback: Published | None = None
    if published is not None:
        fallback = parse_cli_published(published) if isinstance(published, str) else parse_published(published)
    result = LoadResult()
    for blob in iter_blobs(inputs, max_bytes=max_bytes, fetch_timeout=fetch_timeout):
        if isinstance(blob, InputRejected):
            result.rejected.append(blob)
            continue
        assert isinstance(blob, Blob)
        try:
            raws = read_blob(blob, result.rejected)
        except InputRejected as exc:
            result.rejected.append(exc)
            continue
        except Exception as exc:  # a reader's own failure on odd input must not end the batch
            log.exception("reading %s failed", blob.name)
            result.rejected.append(InputRejected(blob.name, f"could not be read ({type(exc).__name__}: {exc})"))
            continue
        for raw in raws:
            if raw.note:
                result.notes.append(raw.note)
            try:
                result.articles.append(build_article(raw, fallback))
            except InputRejected as exc:
                result.rejected.append(exc)
            except Exception as exc:  # as above: one article's failure is reported, the rest go on
                log.exception("cleaning %s failed", raw.origin)
                result.rejected.append(InputRejected(raw.origin, f"could not be cleaned ({type(exc).__name__}: {exc})"))
    _note_duplicate_ids(result)
    return result


def _note_duplicate_ids(result: LoadResult) -> None:
    """Add a note when inputs gave the same id to different articles (ids from inputs are kept as given)."""
    first: dict[str, Article] = {}
    clashes = []
    for art in result.articles:
        seen = first.setdefault(art.id, art)
        if seen is not art and seen.text != art.text:
            clashes.append((art.id, seen.origin, art.origin))
    if clashes:
        ident, a, b = clashes[0]
        result.notes.append(
            f"{len(clashes)} article(s) reuse an id already given to a different article in this batch "
            f"(e.g. {ident!r} in {a} and {b}); ids come from the inputs as given"
        )


def article_to_json(article: Article) -> dict:
    """An Article as a JSON-ready dict (published as ISO 8601 with its offset, or null)."""
    return {
        "id": article.id,
        "title": article.title,
        "text": article.text,
        "url": article.url,
        "source": article.source,
        "language": article.language,
        "published": article.published.isoformat() if article.published else None,
        "published_precision": article.published_precision,
        "published_from": article.published_from,
        "origin": article.origin,
        "segments": [{"start": s.start, "end": s.end, "kind": s.kind} for s in article.segments],
    }
