"""Sentence splitting with offsets.

split_sentences(text, segments) -> list[Sentence]: the sentences of an article's text, each with its
offsets and the kind of segment it lies in (body or caption). Dateline and credit segments are left
out, as is what a sentence holds before a dateline segment inside it (a headline run into a wire's stamp),
and lines that are not story prose: headline lists (short Title Case lines without final
punctuation), all-capitals lines, tables of numbers, credit lines ("(Reporting by ..."), and a headline,
standfirst or caption run into the next sentence with no mark between ("... survivors of the quake A team of
British rescuers is returning": what comes before the seam, _after_run_on).
A sentence longer than MAX_SENTENCE characters is cut at clause punctuation so no later stage
sees an unbounded span. Linear in the length of the text.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from extract.events._data import cues, wordset
from extract.model import Segment
from extract.vocabulary import time_zones

MAX_SENTENCE = 600

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?")
_CLOCK = re.compile(r"\d[.:]\d\d")  # the time of day every publication stamp (_stamp_re) holds


class Sentence(NamedTuple):
    """A sentence of the article text: [start, end) offsets and its segment kind."""

    start: int
    end: int
    kind: str


def _segment_at(segments: list[Segment], pos: int) -> Segment | None:
    for seg in segments:
        if seg.start <= pos < seg.end:
            return seg
    return None


def _is_prose_line(line: str) -> bool:
    """False for headline-list entries, all-caps lines, tables of numbers and bare separators."""
    stripped = line.strip()
    if len(stripped) < 3:
        return False
    words = _WORD.findall(stripped)
    if not words:
        return False
    if sum(map(len, words)) < 0.5 * len(stripped):
        return False  # mostly digits and symbols: a table
    alpha = [w for w in words if w[0].isalpha()]
    if (
        len(alpha) >= 2
        and sum(map(str.isupper, alpha)) >= 0.7 * len(alpha)  # (few words of prose are: the exact count is skipped)
        and sum(w.isupper() and len(w) > 1 for w in alpha) >= 0.7 * len(alpha)
    ):
        return False
    if stripped[-1] not in ".!?\"'”’)" and len(alpha) >= 2:
        # A line without final punctuation whose words are mostly capitalized is a headline.
        caps = sum(w[0].isupper() for w in alpha)
        if caps >= 0.6 * len(alpha):
            return False
    return True


@functools.cache
def _credit_re() -> re.Pattern:
    prefixes = sorted(cues()["sentences"]["credit_prefixes"], key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(re.escape(p) for p in prefixes) + ")", re.IGNORECASE)


def _is_credit(sentence: str) -> bool:
    return _credit_re().match(sentence) is not None


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end] (one line)."""
    abbrev = wordset("sentences", "abbreviations")
    starters = wordset("sentences", "starters")
    spans: list[tuple[int, int]] = []
    s = start
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.end()
        if m.group()[0] == ".":
            # The word before the period: an abbreviation or an initial does not end a sentence.
            k = m.start()
            j = k
            while j > start and not text[j - 1].isspace():
                j -= 1
            prev = text[j:k].strip("\"'“‘(").lower()
            if len(prev) == 1 and prev.isalpha():
                continue
            if prev in abbrev or prev.rstrip(".") in abbrev:
                nxt = text[cut:end].lstrip()
                first = re.match(r"[A-Za-z]+", nxt)
                if not (prev.count(".") >= 1 and first and first.group().lower() in starters):
                    continue
        spans.append((s, cut))
        s = cut
    if s < end:
        spans.append((s, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        a = _after_run_on(text, a, b)
        if b > a:
            out.extend(_cap(text, a, b))
    return out


@functools.cache
def _run_on_re() -> re.Pattern:
    """A seam where a headline, standfirst or caption runs into the next sentence: a word written in lower case
    (or a number), a space, a capitalized article, a lower-case word (cues.toml [sentences] run_on_articles)."""
    articles = "|".join(map(re.escape, cues()["sentences"]["run_on_articles"]))
    return re.compile(r"(?<![\w'’-])([a-z][\w'’-]*|\d[\w,.%]*) (?=(?:" + articles + r") [a-z])")


@functools.cache
def _seam_re() -> re.Pattern:
    """What every run-on seam of _run_on_re holds after its word: a space, a capitalized article, a space and a
    lower-case letter (searched first: most sentences have none, and _run_on_re opens with a look-behind that the
    regex engine tries at each character)."""
    articles = "|".join(map(re.escape, cues()["sentences"]["run_on_articles"]))
    return re.compile(r" (?:" + articles + r") [a-z]")


def _after_run_on(text: str, a: int, b: int) -> int:
    """Where the sentence text[a:b] starts once the furniture run into it is left out: after the last run-on seam
    (_run_on_re) whose word before is none of `run_on_not_after`; a when there is none."""
    if _seam_re().search(text, a, b) is None:
        return a
    not_after = wordset("sentences", "run_on_not_after")
    start = a
    for m in _run_on_re().finditer(text, a, b):
        if m.group(1).lower() not in not_after:
            start = m.end()
    return start


def _cap(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Cut a span longer than MAX_SENTENCE at ';' or ',' (else at a space, else hard)."""
    out = []
    while b - a > MAX_SENTENCE:
        window = text[a : a + MAX_SENTENCE]
        cut = max(window.rfind("; "), window.rfind(", "))
        if cut < MAX_SENTENCE // 3:
            cut = window.rfind(" ")
        if cut < MAX_SENTENCE // 3:
            cut = MAX_SENTENCE - 1
        out.append((a, a + cut + 1))
        a = a + cut + 1
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        out.append((a, b))
    return out


@functools.cache
def _stamp_re() -> re.Pattern:
    """A publication stamp inside a line: "Wednesday 8 September 2010 16.42 BST", "Page last updated at 05:32 GMT,
    Tuesday, 6 September 2011 06:32 UK", "Last updated at 10:48 GMT Help", with a server's error message right
    after it (cues.toml [sentences]; the zones are the one list of time zones, extract/data/timezones.toml)."""
    zones = "|".join(map(re.escape, sorted(time_zones(), key=len, reverse=True)))
    spec = cues()["sentences"]
    leads = "|".join(map(re.escape, spec["stamp_leads"]))
    local = "|".join(map(re.escape, spec["stamp_local"]))
    day = r"[A-Z][a-z]+day,?\s+\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}"
    time = r"\d{1,2}[.:]\d{2}\s*(?:" + zones + r")\b"
    page = r"(?:" + leads + r")\s+" + time + r",?\s+" + day + r"(?:,?\s+\d{1,2}[.:]\d{2}\s*(?:" + local + r")\b)?"
    short_leads = "|".join(map(re.escape, spec["stamp_time_leads"]))
    links = "|".join(map(re.escape, spec["stamp_links"]))
    short = r"(?:" + short_leads + r")\s+" + time + r"(?:\s+(?:" + links + r")\b)?"
    errors = "|".join(map(re.escape, spec["server_errors"]))
    return re.compile(r"(?:" + page + r"|" + short + r"|\b" + day + r",?\s+" + time + r")(?:\s*(?:" + errors + r"))?")


@functools.cache
def _photo_credit_re() -> re.Pattern:
    """A photo credit opening a line, up to its agency: "Photograph: Jane Doe/Reuters" (cues.toml [sentences])."""
    heads = "|".join(map(re.escape, cues()["sentences"]["photo_credits"]))
    return re.compile(r"(?:" + heads + r")[^\n/]{0,60}?\\?/\s*[A-Za-z][\w&.-]*(?:\s+Images)?")


def _line_body(text: str, ls: int, le: int) -> int:
    """Where story text starts in the line text[ls:le]: after a publication stamp (the headline and standfirst
    before it are furniture) or after an opening photo credit; ls when there is neither."""
    m = _stamp_re().search(text, ls, le) if _CLOCK.search(text, ls, le) else None  # a stamp holds a time
    if m:
        return m.end()
    m = _photo_credit_re().match(text, ls, le)
    return m.end() if m else ls


@functools.cache
def _photo_credit_heads() -> tuple[str, ...]:
    """The words that open a photo credit (cues.toml [sentences] photo_credits), read once."""
    return tuple(cues()["sentences"]["photo_credits"])


def _before_photo_credit(text: str, le: int) -> bool:
    """True when the line ending at le is followed by a line opening with a photo credit."""
    return text[le : le + 40].lstrip("\n").startswith(_photo_credit_heads())


def _last_dateline_in(segments: list[Segment], a: int, b: int) -> Segment | None:
    """The last dateline or credit segment that starts inside text[a:b] after its first character and ends
    before b: what the sentence holds before it is a headline line run into the stamp (ingest marks datelines
    only at a story's head), furniture like the headline before a publication stamp."""
    found = None
    for seg in segments:
        if seg.start >= b:
            break
        if a < seg.start and seg.end < b and seg.kind in ("dateline", "credit"):
            found = seg
    return found


def split_sentences(text: str, segments: list[Segment] | None = None) -> list[Sentence]:
    """Sentences of `text` outside dateline and credit segments, in order, with offsets.

    segments: the article's Segment list (kinds body/caption/dateline/credit); text outside any
    segment counts as body. Web furniture inside a line is left out too: a headline and standfirst
    before a publication stamp, an opening photo credit, and the caption before a photo credit line.
    """
    segments = sorted(segments or [], key=lambda s: s.start)
    out: list[Sentence] = []
    for m in _LINE.finditer(text):
        ls, le = m.start(), m.end()
        if not _is_prose_line(m.group()):
            continue
        ls = _line_body(text, ls, le)
        spans = _split_line(text, ls, le)
        if spans and _before_photo_credit(text, le):
            spans = spans[:-1]  # the photo's caption
        head = _last_dateline_in(segments, ls, le)
        if head is not None and head.kind == "dateline":
            # the bullets and headline sentences a wire page runs into its dateline ("* Sees sales doubling. *
            # Will lower prices ZURICH (Reuters) - ..."): furniture, left out
            spans = [(a, b) for a, b in spans if b > head.start]
        for a, b in spans:
            head = _last_dateline_in(segments, a, b)
            if head is not None:
                a = head.start  # "SAN JUAN, Puerto Rico | Mon May 25, 2009 9:19 pm EDT SAN JUAN ... (Reuters) - ..."
            seg = _segment_at(segments, a)
            while seg is not None and seg.kind in ("dateline", "credit", "caption") and seg.end < b:
                # A dateline, credit or photo caption at the head of the sentence: keep what follows it (a caption
                # run into the story: "Photograph: Jim Watson/AFP/Getty Images Prolonged exposure to crude ...").
                a = seg.end
                while a < b and (text[a].isspace() or text[a] in "-–—:"):
                    a += 1
                seg = _segment_at(segments, a)
            if a >= b or (seg is not None and seg.kind in ("dateline", "credit")):
                continue
            kind = seg.kind if seg is not None else "body"
            if _is_credit(text[a:b]):
                continue
            out.append(Sentence(a, b, kind))
    return out
