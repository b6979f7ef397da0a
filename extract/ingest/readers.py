"""One reader per input format: a blob and its decoded text in, `RawArticle`s out (fields as found, not yet
cleaned). Which reader reads which input is decided in formats.py, the table of formats.

Every reader has the signature `(blob, text, rejected) -> list[RawArticle]`. Problems with the whole input
raise InputRejected; problems with one record of a multi-record input (a bad JSON line, a CSV row without
text) are appended to `rejected` and the rest goes on. trafilatura and feedparser are imported only when
HTML or a feed turns up.
"""

from __future__ import annotations

import csv
import functools
import html
import html.parser
import io
import json
import logging
import pathlib
import re
import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.errors import InputRejected
from extract.ingest.published import Published, parse_published

if TYPE_CHECKING:
    from extract.ingest.sources import Blob

log = logging.getLogger(__name__)
DATA = pathlib.Path(__file__).parent / "data"
_CONTROL_BYTES = tuple(c for c in range(1, 32) if c not in (9, 10, 12, 13, 27))
PREFERRED_ENCODINGS = ("utf_8", "cp1252", "iso8859_15", "latin_1", "cp1251", "gb18030", "shift_jis", "euc_kr")


@dataclass
class RawArticle:
    """An article's fields as read from its input, before cleaning."""

    text: str
    origin: str
    id: str = ""
    title: str = ""
    url: str = ""
    source: str = ""
    published: Published | None = None
    published_from: str = "unknown"  # "metadata" or "html" when `published` is set
    is_html_text: bool = False
    captions: tuple[str, ...] = ()  # photo captions known from markup (HTML figcaptions)
    note: str = ""  # a problem worth telling the user that did not stop the article (e.g. a bad date field)


@functools.cache
def field_aliases() -> dict[str, tuple[str, ...]]:
    """Field -> the lower-cased names it goes by in JSON and CSV inputs (data/fields.toml)."""
    with open(DATA / "fields.toml", "rb") as fh:
        return {k: tuple(n.lower() for n in v) for k, v in tomllib.load(fh)["aliases"].items()}


# ---------------------------------------------------------------- decoding


_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})["']""")


def declared_charset(data: bytes, content_type: str = "") -> str:
    """The encoding an input declares: the HTTP charset, an HTML <meta charset>, or an XML declaration."""
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{2,40})", content_type or "", re.IGNORECASE)
    if m:
        return m.group(1)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    for pattern in (_XML_ENCODING, _DECLARED_CHARSET):
        found = pattern.search(head)
        if found:
            return found.group(1).decode("ascii")
    return ""


def decode(name: str, data: bytes, declared: str = "") -> str:
    """Bytes -> text. UTF-8 (with or without BOM) first, then the declared encoding if it fits,
    else charset-normalizer's best guess.

    Raises InputRejected for empty input and for bytes that look binary or fit no text encoding.
    """
    if not data.strip():
        raise InputRejected(name, "the input is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    head = data[:8192]
    if b"\x00" in head:
        raise InputRejected(name, "this looks like a binary file, not text (it contains NUL bytes)")
    controls = sum(head.count(bytes([c])) for c in _CONTROL_BYTES)
    if controls > 0.02 * len(head):
        raise InputRejected(name, "this looks like a binary file, not text (many control bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:2_000_000]))
    if not matches:
        raise InputRejected(name, "the bytes fit no known text encoding (a binary file?)")
    best = matches[0]
    # Short texts often fit several single-byte code pages equally well: prefer the common Western ones.
    tied = [m.encoding for m in matches if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.05]
    encoding = next((e for e in PREFERRED_ENCODINGS if e in tied), best.encoding)
    text = data.decode(encoding, errors="replace")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 0.05 * min(len(text), 8192):
        raise InputRejected(name, "this looks like a binary file, not text (many control characters)")
    return text


# ---------------------------------------------------------------- records (JSON, JSONL, CSV)


def looks_jsonl(text: str) -> bool:
    """More than one line, each of the first few starting with '{' and ending with '}'."""
    lines = [ln.strip() for ln in text.strip().splitlines()[:5] if ln.strip()]
    return len(lines) > 1 and all(ln.startswith("{") and ln.endswith("}") for ln in lines)


def _pick(record: dict, field: str) -> object:
    keys = {str(k).lower(): k for k in record}
    for alias in field_aliases()[field]:
        if alias in keys:
            value = record[keys[alias]]
            if value not in (None, ""):
                return value
    return None


def _str(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(_str(v) for v in value if v is not None)
    if isinstance(value, dict):
        return _str(value.get("name") or value.get("title") or value.get("text") or "")
    return str(value).strip()


def record_to_raw(record: dict, origin: str, where: str) -> RawArticle:
    """A JSON object or CSV row -> RawArticle. Raises InputRejected (naming `where`) when it has no text."""
    text = _str(_pick(record, "text"))
    if not text:
        names = ", ".join(field_aliases()["text"][:3])
        raise InputRejected(where, f"no article text (looked for a field named {names}, ...)")
    published = None
    note = ""
    value = _pick(record, "published")
    if value is not None:
        published = parse_published(value)
        if published is None:
            note = f"{where}: the publication time {str(value)[:40]!r} is not a date; looked elsewhere"
    text_is_html = bool(re.match(r"\s*<(p|div|article|html|body|section)[\s>]", text, re.IGNORECASE))
    return RawArticle(
        text=html_to_text(text) if text_is_html else text,
        origin=origin,
        id=_str(_pick(record, "id")),
        title=_str(_pick(record, "title")),
        url=_str(_pick(record, "url")),
        source=_str(_pick(record, "source")),
        published=published,
        published_from="metadata" if published else "unknown",
        note=note,
    )


def _records(numbered, origin: str, rejected: list[InputRejected]) -> list[RawArticle]:
    """Article records from (where, item) pairs; an item that is not an article object is rejected by its place."""
    out = []
    for where, item in numbered:
        if not isinstance(item, dict):
            rejected.append(InputRejected(where, f"expected an article object, found {type(item).__name__}"))
            continue
        try:
            out.append(record_to_raw(item, origin, where))
        except InputRejected as exc:
            rejected.append(exc)
    return out


def read_json(blob: Blob, text: str, rejected: list[InputRejected]) -> list[RawArticle]:
    """One article object, a list of them, or an object holding a list under "articles"/"items"/"data".

    A text whose first lines are each one object is read as JSON lines (a .json file or a JSON media type
    often carries them)."""
    if looks_jsonl(text):
        return read_jsonl(blob, text, rejected)
    name = blob.name
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputRejected(name, f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise InputRejected(name, "the JSON is nested too deeply") from None
    if isinstance(data, dict):
        for key in ("articles", "items", "data", "results", "documents"):
            if isinstance(data.get(key), list) and _pick(data, "text") is None:
                data = data[key]
                break
    if isinstance(data, dict):
        return [record_to_raw(data, name, name)]
    if isinstance(data, list):
        if not data:
            raise InputRejected(name, "the JSON list is empty")
        return _records(((f"{name} item {n}", item) for n, item in enumerate(data, 1)), name, rejected)
    raise InputRejected(name, f"expected an article object or a list of them, found {type(data).__name__}")


def read_jsonl(blob: Blob, text: str, rejected: list[InputRejected]) -> list[RawArticle]:
    """One article object a line; a bad line is rejected by number and the others are read."""
    name = blob.name

    def parsed():
        loads = json.loads
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{name} line {n}"
            try:
                yield where, loads(line)
            except json.JSONDecodeError as exc:
                rejected.append(InputRejected(where, f"not valid JSON (column {exc.colno}: {exc.msg})"))
            except RecursionError:
                rejected.append(InputRejected(where, "the JSON is nested too deeply"))

    out = _records(parsed(), name, rejected)
    if not out and not rejected:
        raise InputRejected(name, "no article lines found")
    return out


def read_csv(blob: Blob, text: str, rejected: list[InputRejected], delimiter: str = ",") -> list[RawArticle]:
    """One article a row, with a header row; the delimiter is sniffed (comma, semicolon, tab, bar), else
    `delimiter`."""
    name = blob.name
    csv.field_size_limit(max(len(text), 131072))
    sample = text[:8192]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        pass
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = [h.strip().lower() for h in (reader.fieldnames or []) if h]
        if not header:
            raise InputRejected(name, "the CSV has no header row")
        if not any(a in header for a in field_aliases()["text"]):
            names = ", ".join(field_aliases()["text"][:3])
            raise InputRejected(
                name, f"no text column (expected one named {names}, ...; found: {', '.join(header[:10])})"
            )
        rows = [{k.strip() if k else "": v for k, v in row.items()} for row in reader]
    except csv.Error as exc:
        raise InputRejected(name, f"the CSV cannot be parsed: {exc}") from None
    out = []
    for n, row in enumerate(rows, 2):
        try:
            out.append(record_to_raw(row, name, f"{name} row {n}"))
        except InputRejected as exc:
            rejected.append(exc)
    if not out and not rejected:
        raise InputRejected(name, "the CSV has no rows")
    return out


def read_tsv(blob: Blob, text: str, rejected: list[InputRejected]) -> list[RawArticle]:
    """As read_csv, with a tab as the delimiter when sniffing does not find one."""
    return read_csv(blob, text, rejected, delimiter="\t")


# ---------------------------------------------------------------- HTML


class _TextParser(html.parser.HTMLParser):
    """Plain text of an HTML fragment: block elements become line breaks, scripts and styles vanish."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (feed summaries, HTML inside JSON fields)."""
    if "<" not in fragment:
        return html.unescape(fragment).strip()
    parser = _TextParser()
    try:
        parser.feed(fragment)
        parser.close()
    except (AssertionError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    return re.sub(r"\s*\n\s*", "\n", text).strip()


_META_TIME = re.compile(
    r"<meta\s[^>]*(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|og:published_time|datePublished|"
    r"pubdate|publishdate|publish-date|date|dc\.date|dc\.date\.issued|dcterms\.created|sailthru\.date|parsely-pub-date)"
    r"[\"'][^>]*>",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"content\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_JSONLD_TIME = re.compile(r"\"datePublished\"\s*:\s*\"([^\"]+)\"")
_TIME_TAG = re.compile(r"<time\s[^>]*datetime\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


def html_published(page: str) -> Published | None:
    """The publication time declared in a page's markup (meta tags, JSON-LD, <time>), with its time of day.

    Falls back on htmldate (date only) when the markup has no explicit stamp.
    """
    head = page[:300_000]
    candidates = []
    for m in _META_TIME.finditer(head):
        c = _CONTENT.search(m.group(0))
        if c:
            candidates.append(c.group(1))
    candidates += _JSONLD_TIME.findall(head)
    candidates += _TIME_TAG.findall(head)[:1]
    for value in candidates:
        parsed = parse_published(html.unescape(value))
        if parsed is not None:
            return parsed
    try:
        from htmldate import find_date

        found = find_date(page, extensive_search=False, original_date=True)
    except Exception:  # htmldate fails on odd markup in many ways; a missing date is not an error
        log.debug("htmldate found no date", exc_info=True)
        found = None
    return parse_published(found) if found else None


_ARTICLE = re.compile(r"<article\b.*?</article>", re.IGNORECASE | re.DOTALL)
_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.IGNORECASE | re.DOTALL)
MAX_CAPTIONS = 3


def figcaptions(page: str) -> tuple[str, ...]:
    """Captions of the figures inside the page's first <article> element (none when it has no such element:
    figures elsewhere illustrate other stories)."""
    m = _ARTICLE.search(page)
    if not m:
        return ()
    out: list[str] = []
    for cap in _FIGCAPTION.findall(m.group(0)):
        text = " ".join(html_to_text(cap).split())
        if text and text not in out:
            out.append(text)
    return tuple(out[:MAX_CAPTIONS])


def read_html(blob: Blob, page: str, rejected: list[InputRejected]) -> list[RawArticle]:
    """The main text of a page (trafilatura), its title, site name and publication time."""
    import trafilatura

    name, url = blob.name, blob.url

    try:
        result = trafilatura.bare_extraction(
            page,
            url=url or None,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises assorted errors on broken markup
        log.debug("trafilatura failed on %s", name, exc_info=True)
        raise InputRejected(name, f"the HTML could not be parsed ({type(exc).__name__})") from None
    if result is None:
        raise InputRejected(name, "no article text found in the HTML page")
    doc = result if isinstance(result, dict) else result.as_dict()
    text = (doc.get("text") or "").strip()
    if len(text) < 40:
        raise InputRejected(name, "no article text found in the HTML page")
    published = html_published(page)
    return [
        RawArticle(
            text=text,
            origin=name,
            title=(doc.get("title") or "").strip(),
            url=url or (doc.get("url") or "").strip(),
            source=(doc.get("sitename") or "").strip(),
            published=published,
            published_from="html" if published else "unknown",
            is_html_text=True,
            captions=figcaptions(page),
        )
    ]


# ---------------------------------------------------------------- feeds


def read_feed(blob: Blob, text: str, rejected: list[InputRejected]) -> list[RawArticle]:
    """Each entry of an RSS or Atom feed becomes an article (its content, else its summary, else its title).

    feedparser is given the bytes when there are some, so that it honours the feed's own encoding."""
    import feedparser

    name = blob.name
    try:
        parsed = feedparser.parse(blob.data if blob.data is not None else text)
    except Exception as exc:  # feedparser is lenient, but a broken document can still raise
        log.debug("feedparser failed on %s", name, exc_info=True)
        raise InputRejected(name, f"the feed could not be parsed ({type(exc).__name__})") from None
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = str(parsed.get("bozo_exception") or "malformed XML")[:120]
            raise InputRejected(name, f"the feed could not be parsed: {reason}")
        raise InputRejected(name, "the feed has no entries")
    feed_title = (parsed.feed.get("title") or "").strip()
    out = []
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{name} entry {n}"
        body = ""
        if entry.get("content"):
            body = max((c.get("value", "") for c in entry.content), key=len)
        body = body or entry.get("summary", "") or ""
        text = html_to_text(body)
        title = html_to_text(entry.get("title", "") or "")
        if not text:
            text = title
        if not text:
            rejected.append(InputRejected(where, "the entry has no text, summary or title"))
            continue
        published = None
        for key in ("published", "updated", "created"):
            if entry.get(key):
                published = parse_published(entry[key])
                if published:
                    break
        out.append(
            RawArticle(
                text=text,
                origin=name,
                id=str(entry.get("id") or ""),
                title=title,
                url=str(entry.get("link") or ""),
                source=feed_title,
                published=published,
                published_from="metadata" if published else "unknown",
            )
        )
    return out


# ---------------------------------------------------------------- markdown

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def markdown_to_text(text: str) -> tuple[str, str]:
    """Plain text of a Markdown article, and its title (the first heading when it opens the file)."""
    title = ""
    out = []
    for line in text.splitlines():
        m = _MD_HEADING.match(line)
        if m:
            if not title and not any(o.strip() for o in out):
                title = m.group(1)
                continue
            line = m.group(1)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        line = re.sub(r"^\s{0,3}(?:>\s?|[-*+]\s+(?=\S))", "", line)
        out.append(line)
    return title, "\n".join(out)


# ---------------------------------------------------------------- plain text


def read_text(blob: Blob, text: str, rejected: list[InputRejected]) -> list[RawArticle]:
    """The text is the article (a headline line, if any, is found when the article is built)."""
    return [RawArticle(text=text, origin=blob.name, url=blob.url)]


def read_markdown(blob: Blob, text: str, rejected: list[InputRejected]) -> list[RawArticle]:
    """Plain text of a Markdown article; its opening heading is the title."""
    title, body = markdown_to_text(text)
    return [RawArticle(text=body, origin=blob.name, url=blob.url, title=title)]
