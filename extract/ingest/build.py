"""RawArticle -> Article: clean the text, choose the publication time, give a stable id, guess the language."""

from __future__ import annotations

import hashlib

from core.errors import InputRejected
from extract.ingest.clean import clean_text, looks_like_listing, split_headline
from extract.ingest.language import detect_language
from extract.ingest.published import Published
from extract.ingest.readers import RawArticle
from extract.model import Article


def article_id(url: str, text: str) -> str:
    """A stable id: a hash of the URL when there is one, else of the text (16 hex digits)."""
    key = ("url:" + url.strip()) if url.strip() else ("text:" + " ".join(text.split()))
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _drop_title_line(text: str, title: str) -> str:
    """Drop a first line that only repeats the title (HTML extraction keeps the page's h1)."""
    if not title:
        return text
    first, _, rest = text.lstrip().partition("\n")
    if " ".join(first.split()).casefold() == " ".join(title.split()).casefold() and rest.strip():
        return rest
    return text


def _where(raw: RawArticle) -> str:
    """The input named for a message: its origin, and the record's id when one file holds many."""
    return f"{raw.origin} (id {raw.id})" if raw.id else raw.origin


def build_article(raw: RawArticle, published: Published | None = None) -> Article:
    """Make the clean Article for `raw`.

    Publication time, first found wins: the input's own field or feed metadata, the page's HTML
    metadata, a dateline at the head of the text, `published` (the caller's / --published), unknown.
    Raises InputRejected when no text is left after removing site furniture, or when the page is
    broadcast listings rather than a story.
    """
    title, text = raw.title, _drop_title_line(raw.text, raw.title)
    if not title:
        title, text = split_headline(text)
    cleaned = clean_text(text, raw.captions)
    if not cleaned.text.strip():
        raise InputRejected(_where(raw), "no article text left after removing site furniture")
    if looks_like_listing(cleaned.text):
        raise InputRejected(
            _where(raw), "reads as a page of broadcast listings (time slots, presenters, producers), not a news story"
        )
    if raw.published is not None:
        chosen, source = raw.published, raw.published_from
    elif cleaned.dateline is not None:
        chosen, source = cleaned.dateline, "dateline"
    elif published is not None:
        chosen, source = published, "cli"
    else:
        chosen, source = None, "unknown"
    return Article(
        id=raw.id or article_id(raw.url, cleaned.text),
        text=cleaned.text,
        title=title,
        url=raw.url,
        source=raw.source,
        language=detect_language(cleaned.text),
        published=chosen.value if chosen else None,
        published_precision=chosen.precision if chosen else "",
        published_from=source,
        origin=raw.origin,
        segments=cleaned.segments,
    )
