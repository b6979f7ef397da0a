"""The input formats extract.ingest reads: one table, FORMATS, and everything that follows from it.

Each `Format` names its file-name suffixes, the media types (HTTP Content-Type) that announce it, how to
recognise it from its first characters when neither says, and the reader that turns it into RawArticles.
From the table come: the suffixes read when walking a directory (`suffixes()`), the file types the
dashboard's upload accepts (`upload_suffixes()`), the detection of an input's format (`detect()`) and
the dispatch to its reader (`read_blob()`).

Adding a format: write its reader in readers.py (signature `(blob, text, rejected) -> list[RawArticle]`),
add one Format below, and add a fixture test in tests/test_ingest_readers.py.

How an input's format is decided, first answer wins:
1. its name's suffix (a file name, an upload's name, or the path of a URL);
2. its declared media type, formats tried in table order;
3. its content: each format's `sniff`, in table order;
4. plain text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.errors import InputRejected
from extract.ingest import readers
from extract.ingest.readers import RawArticle

if TYPE_CHECKING:
    from extract.ingest.sources import Blob

Reader = Callable[["Blob", str, list[InputRejected]], list[RawArticle]]
# (head, media type, text) -> whether the content is in this format; head: the first 2,048 characters
# without leading blanks, lower-cased; media type lower-cased ("" when none was declared)
Sniffer = Callable[[str, str, str], bool]


@dataclass(frozen=True)
class Format:
    """One input format: how to recognise it and which reader reads it."""

    name: str
    label: str  # for people: the upload widget's help, error messages
    suffixes: tuple[str, ...]  # lower case, with the dot
    read: Reader
    media_types: tuple[str, ...] = ()  # substrings of a Content-Type that announce the format
    sniff: Sniffer | None = None  # the content test used when neither name nor media type tells


# ---------------------------------------------------------------- content tests

_MARKUP_START = ("<?xml", "<rss", "<feed", "<rdf:rdf")
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)[\s>]")
_HTML_TAG_START = re.compile(r"<(head|body|div|p|article)[\s>]")


def _feed_root(head: str) -> bool:
    return head.startswith(_MARKUP_START) and _FEED_ROOT.search(head) is not None


def _html_like(head: str, ctype: str) -> bool:
    return (
        (head.startswith(_MARKUP_START) and "<html" in head)
        or head.startswith(("<!doctype html", "<html"))
        or "html" in ctype
        or _HTML_TAG_START.match(head) is not None
    )


def _sniff_html(head: str, ctype: str, text: str) -> bool:
    return _html_like(head, ctype)


def _sniff_feed(head: str, ctype: str, text: str) -> bool:
    """An RSS/Atom/RDF root element; or an XML media type on content that is not HTML."""
    return _feed_root(head) or ("xml" in ctype and not _html_like(head, ctype))


def _sniff_jsonl(head: str, ctype: str, text: str) -> bool:
    return head.startswith("{") and readers.looks_jsonl(text)


def _sniff_json(head: str, ctype: str, text: str) -> bool:
    return head.startswith(("{", "["))


# ---------------------------------------------------------------- the table
# Order matters only for media types and content tests (suffixes never overlap): the first format whose
# test passes is taken. A feed's root element outranks an HTML media type; HTML outranks an XML one.

FORMATS: tuple[Format, ...] = (
    Format(
        "feed",
        "RSS or Atom feed",
        (".rss", ".atom", ".xml"),
        readers.read_feed,
        media_types=("rss", "atom"),
        sniff=_sniff_feed,
    ),
    Format("html", "HTML page", (".html", ".htm", ".xhtml"), readers.read_html, sniff=_sniff_html),
    Format("jsonl", "JSON lines of articles", (".jsonl", ".ndjson"), readers.read_jsonl, sniff=_sniff_jsonl),
    Format(
        "json",
        "JSON article or list of articles",
        (".json",),
        readers.read_json,
        media_types=("json",),
        sniff=_sniff_json,
    ),
    Format("csv", "CSV of articles", (".csv",), readers.read_csv, media_types=("text/csv",)),
    Format(
        "tsv",
        "tab-separated articles",
        (".tsv",),
        readers.read_tsv,
        media_types=("text/tab-separated-values",),
    ),
    Format("markdown", "Markdown", (".md", ".markdown"), readers.read_markdown, media_types=("text/markdown",)),
    Format("text", "plain text", (".txt", ".text"), readers.read_text),
)
FALLBACK = "text"
BY_NAME: dict[str, Format] = {f.name: f for f in FORMATS}


def suffixes() -> tuple[str, ...]:
    """Every suffix some format reads, with the dot (".txt", ...): what a directory walk picks up."""
    return tuple(s for f in FORMATS for s in f.suffixes)


def upload_suffixes() -> list[str]:
    """The same suffixes as a file upload widget's accepted types.

    They keep their dot: Streamlit reads a bare "text" as the shortcut for every text/* media type."""
    return list(suffixes())


def upload_help() -> str:
    """One line naming the formats an upload may be in."""
    return "; ".join(f"{f.label} ({', '.join(f.suffixes)})" for f in FORMATS)


def _by_suffix(name: str) -> Format | None:
    path = name.lower().split("?")[0]
    for f in FORMATS:
        if path.endswith(f.suffixes):
            return f
    return None


def detect(blob: Blob, text: str) -> Format:
    """The format of a blob whose decoded text is `text` (see the module doc for the order)."""
    found = _by_suffix(blob.name)
    if found is not None:
        return found
    ctype = blob.content_type.lower()
    if ctype:
        for f in FORMATS:
            if any(t in ctype for t in f.media_types):
                return f
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    for f in FORMATS:
        if f.sniff is not None and f.sniff(head, ctype, text):
            return f
    return BY_NAME[FALLBACK]


def read_blob(blob: Blob, rejected: list[InputRejected]) -> list[RawArticle]:
    """Read one blob into raw articles.

    Problems with the whole input raise InputRejected; problems with one record of a multi-record input
    (a bad JSON line, a CSV row without text) are appended to `rejected` and the rest goes on.
    """
    if blob.record is not None:
        return [readers.record_to_raw(blob.record, blob.name, blob.name)]
    if blob.text is not None:
        if not blob.text.strip():
            raise InputRejected(blob.name, "the text is empty")
        return [RawArticle(text=blob.text, origin=blob.name)]
    data = blob.data or b""
    text = readers.decode(blob.name, data, readers.declared_charset(data, blob.content_type))
    return detect(blob, text).read(blob, text, rejected)
