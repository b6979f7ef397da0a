"""Clean text copied from news pages: drop site furniture, mark captions, datelines and credits.

`clean_text(raw)` returns a `Cleaned` with the story text (headline lists, cookie notices, share
prompts, newsletter sign-ups and the like removed), the segments of that text (body, caption,
dateline, credit) and the dateline's publication time when the head of the text carries one.
The cue phrases live in data/furniture.toml, the credit phrases in extract/data/credits.toml; the
shapes (short headline-like lines in a trailing run, separators) are generic so that other sites'
lists go the same way.
"""

from __future__ import annotations

import functools
import pathlib
import re
import string
import tomllib
from dataclasses import dataclass, field

from extract.ingest.published import MONTH_NAME, WEEKDAY_NAME, Published, find_dateline
from extract.model import Segment
from extract.vocabulary import credits

DATA = pathlib.Path(__file__).parent / "data"

# A line made only of bullets, dashes, bars, dots or stars separates items of a list.
_SEPARATOR = re.compile(r"^[\s\-\u2010-\u2015\u2022\u00b7|*•·.>»_=~]*$")
_STRIP = " \t\u00a0-\u2010\u2011\u2012\u2013\u2014\u2015\u2022\u00b7|*•·>»:;,.!?\"'“”‘’()[]"
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!;:,]['\"”’)]*$")
# A photo credit that opens a run-on line ("Photograph: Name/AP The story...") ends at the agency.
_PHOTO_CREDIT_END = re.compile(
    r"(?:\\?/|\b)(?:AP|AFP|EPA|Reuters|REUTERS|Getty Images|Getty|PA|Rex Features|Rex|Corbis|Bloomberg|Xinhua|"
    r"Zuma|Alamy|Shutterstock|Sipa|ANP|DPA|dpa|Anadolu|UPI|NurPhoto)\b(?:\s*\\?/\s*(?:Getty Images|Getty|Corbis|Rex))?"
)
# What follows a closing wire credit is dropped when it is under this share of the text or opens with furniture.
TAIL_SHARE = 0.4
MAX_HEADLINE_WORDS = 22
MAX_HEADING_WORDS = 7
CAPTION_MAX_WORDS = 70
CAPTION_LINES_BEFORE_DATELINE = 3


@dataclass
class Cues:
    """The furniture vocabulary loaded from data/furniture.toml (credit phrases: extract/data/credits.toml)."""

    list_headings: tuple[str, ...]
    exact_lines: frozenset[str]
    line_phrases: tuple[str, ...]
    line_prefixes: tuple[str, ...]
    credit_starts: tuple[str, ...]
    credit_ends: tuple[str, ...]
    caption_starts: tuple[str, ...]
    caption_ends: tuple[str, ...]
    max_words: int
    comment_verbs: tuple[str, ...] = ()
    listing_phrases: tuple[str, ...] = ()
    listing_min_cues: int = 8
    listing_cues_per_chars: int = 4000
    print_notes: tuple[str, ...] = ()
    age_units: tuple[str, ...] = ()
    wire_agencies: tuple[str, ...] = ()
    run_in_prefixes: tuple[str, ...] = ()


@functools.cache
def cues() -> Cues:
    """Load the cue phrases once."""
    with open(DATA / "furniture.toml", "rb") as fh:
        d = tomllib.load(fh)
    low = lambda key: tuple(s.lower() for s in d[key])  # noqa: E731
    return Cues(
        list_headings=low("list_headings"),
        exact_lines=frozenset(low("exact_lines")),
        line_phrases=low("line_phrases"),
        line_prefixes=low("line_prefixes"),
        credit_starts=credits().starts,
        credit_ends=credits().ends,
        caption_starts=low("caption_starts"),
        caption_ends=tuple(e.rstrip(" .)") for e in low("caption_ends")),
        max_words=int(d.get("max_words", 30)),
        comment_verbs=low("comment_verbs"),
        listing_phrases=tuple(s.lower() for s in d["listing"]["phrases"]),
        listing_min_cues=int(d["listing"]["min_cues"]),
        listing_cues_per_chars=int(d["listing"]["cues_per_chars"]),
        print_notes=low("print_notes"),
        age_units=low("age_units"),
        wire_agencies=tuple(d["wire_agencies"]),
        run_in_prefixes=low("run_in_prefixes"),
    )


@functools.cache
def _credit_paren() -> re.Pattern:
    """A credit in parentheses, "(Reporting by ...; Editing by ...)", from the credit phrases ending in "by"
    (extract/data/credits.toml); it may hold one level of nested parentheses."""
    return re.compile(credits().parenthesis_pattern() + r"(?:[^()]|\([^()]*\))*\)", re.IGNORECASE)


@functools.cache
def _credit_paren_at_end() -> re.Pattern:
    """As _credit_paren, closing its line."""
    return re.compile(_credit_paren().pattern + r"\s*$", re.IGNORECASE)


@functools.cache
def _comment_header() -> re.Pattern:
    """ "At 2:04 pm on 29 May 2009, reader99 wrote:" / "At 09:53 on 30 May 2009, Name wrote:" / "At 12:19 26th Apr
    2009, Jim213 wrote:", or the signature
    that closes a reader's post: "Posted by: eye95 | July 19, 2010 9:25 AM | Report abuse"."""
    verbs = "|".join(re.escape(v) for v in cues().comment_verbs)
    return re.compile(
        r"\bAt \d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s+(?:on\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4},?\s+"
        r"\S{1,60}?\s+(?:" + verbs + r")\s*:"
        r"|\bPosted by:\s*\S{1,60}\s*\|\s*[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4},? \d{1,2}:\d\d\s*[AP]\.?M\.?",
        re.IGNORECASE,
    )


_TIME_SLOT = re.compile(
    r"\b\d{1,2}[.:]\d\d\s*(?:[ap]m|noon|midnight)?\s*[-\u2013]\s*\d{1,2}[.:]\d\d\s*(?:[ap]m|noon|midnight)?",
    re.IGNORECASE,
)


def drop_comment_thread(text: str) -> str:
    """Cut readers' comments: everything from the first comment header ("At 2:04 pm on 29 May 2009,
    reader99 wrote:") or post signature ("Posted by: eye95 | July 19, 2010 9:25 AM") on; a thread signed after each
    post keeps its first post, whose start nothing marks. Text without either comes back unchanged."""
    m = _comment_header().search(text)
    return text if m is None else text[: m.start()].rstrip()


def looks_like_listing(text: str) -> bool:
    """True when the text reads as a page of broadcast listings rather than a story: many time slots
    ("7.00-11.00 pm") and programme credits ("Presenter/", "Producer/"), densely (see [listing] in
    data/furniture.toml)."""
    c = cues()
    low = text.lower().replace("\\/", "/")  # some copies escape the slash: "Producer\/Name"
    n = len(_TIME_SLOT.findall(text)) + sum(low.count(p) for p in c.listing_phrases)
    return n >= c.listing_min_cues and n * c.listing_cues_per_chars >= len(text)


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@functools.cache
def _heading_pattern() -> re.Pattern:
    """The list-heading cues as one whole-word regular expression."""
    return re.compile(rf"(?<![^\W_])(?:{_alternation(cues().list_headings)})(?![^\W_])")


_PUNCT_TO_SPACE = str.maketrans({ch: " " for ch in string.punctuation + "“”‘’"})


@functools.cache
def _phrase_index() -> dict[str, tuple[str, ...]]:
    """The furniture phrases by their longest word, so a line is checked only against phrases it could hold."""
    index: dict[str, list[str]] = {}
    for phrase in cues().line_phrases:
        words = phrase.translate(_PUNCT_TO_SPACE).split()
        index.setdefault(max(words, key=len), []).append(phrase)
    return {k: tuple(v) for k, v in index.items()}


def _starts(line: str, prefixes: tuple[str, ...]) -> bool:
    return line.lstrip(" \t(\u00a0").lower().startswith(prefixes)


@dataclass
class Cleaned:
    """The result of cleaning: story text, its segments, and a dateline's time if one was found."""

    text: str
    segments: list[Segment] = field(default_factory=list)
    dateline: Published | None = None
    removed_lines: int = 0


def _norm(line: str) -> str:
    return line.strip(_STRIP).lower()


def _words(line: str) -> int:
    """Roughly the number of words (whitespace-separated tokens holding a letter or digit)."""
    return len(line.split())


def is_separator(line: str) -> bool:
    """A blank line or one made only of bullets/dashes/bars."""
    return bool(_SEPARATOR.match(line))


def is_heading_cue(line: str) -> bool:
    """A short line naming a list of links: 'Top Articles in ...', 'Most read', 'JN ACCESS RANKING'."""
    if len(line) > 120 or line.rstrip().endswith("."):
        return False
    norm = _norm(line)
    if not norm or _words(norm) > MAX_HEADING_WORDS:
        return False
    return _heading_pattern().search(norm) is not None


def is_furniture_line(line: str) -> bool:
    """A line that is site furniture wherever it stands: ads, cookie notices, share prompts, sign-ups."""
    return furniture_cut(line) == 0


@functools.cache
def _age_stamp() -> re.Pattern:
    """ " - 11 hrs ago": the age stamp of a headline in a list of other sites' headlines (data/furniture.toml)."""
    return re.compile(r"\s[-–]\s\d{1,3}\s(?:" + "|".join(map(re.escape, cues().age_units)) + r")\sago\b", re.I)


# A blog's byline and clock run into its first sentence: "Clare Spencer | 09:26 UK time, Friday, 11 June 2010 Commentators
# discuss ..." (the writer is no doer of what the post reports).
_BYLINE_STAMP = re.compile(
    r"[^|\n]{2,60}\|\s*\d{1,2}[:.]\d\d\s+(?:[A-Z]{2,4}\s+)?time,\s+[A-Z][a-z]+,\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+"
)


def run_in_end(line: str) -> int:
    """Where the story starts in a line that opens with furniture run into it (data/furniture.toml
    run_in_prefixes: "... you may need Adobe Reader It brought the totals to 24" -> the offset of "It"; a blog's
    byline and clock, _BYLINE_STAMP); 0 when the line opens with none."""
    if m := _BYLINE_STAMP.match(line):
        return m.end()
    body = line.lstrip(" \t(\u00a0")
    low = body.lower()
    for prefix in cues().run_in_prefixes:
        if low.startswith(prefix):
            rest = body[len(prefix) :]
            return len(line) - len(rest.lstrip(" .:-"))
    return 0


def furniture_cut(line: str) -> int | None:
    """Where site furniture starts in `line`: None when the line has none, 0 when it is all furniture,
    else the offset of the sentence that opens the furniture (the text before it is kept, as in
    "(Editing by J. Doe) We welcome comments ..."). A print note ("A version appeared on p33 of ...") cuts
    a line of any length where it starts; a line of other sites' headlines stamped with their age ("... - 11
    hrs ago Telegraph ...") is furniture whole."""
    c = cues()
    if _starts(line, c.line_prefixes) or _age_stamp().search(line):
        return 0
    low = line.lower()
    notes = [i for note in c.print_notes if (i := low.find(note)) >= 0]
    if notes:
        at = min(notes)
        return at if line[:at].strip() else 0
    if len(line) > 12 * c.max_words:
        return None
    norm = _norm(line)
    if not norm:
        return None
    if norm in c.exact_lines:
        return 0
    if _words(norm) > c.max_words:
        return None
    index = _phrase_index()
    hits = index.keys() & norm.translate(_PUNCT_TO_SPACE).split()
    positions = [i for k in hits for p in index[k] if (i := low.find(p)) >= 0]
    if not positions:
        return None
    first = min(positions)
    boundary = max(low.rfind(mark, 0, first + 1) for mark in (". ", ") ", "! ", "? ", ": "))
    if boundary < 0:
        return 0
    keep = line[: boundary + 1].rstrip()
    return len(keep) if _words(keep) >= 3 else 0


def is_headline_like(line: str) -> bool:
    """A short line that reads like a headline: few words, no closing sentence punctuation."""
    s = line.strip()
    if not s or len(s) > 15 * MAX_HEADLINE_WORDS:
        return False
    n = _words(s)
    if n == 0 or n > MAX_HEADLINE_WORDS:
        return False
    return not _SENTENCE_END.search(s)


def _title_case_share(line: str) -> float:
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    if not words:
        return 0.0
    return sum(w[0].isupper() for w in words) / len(words)


def _drop_heading_blocks(lines: list[str], keep: list[bool]) -> None:
    """Drop every heading cue together with the run of headline-like lines and separators after it."""
    n = len(lines)
    i = 0
    while i < n:
        if keep[i] and is_heading_cue(lines[i]):
            j = i + 1
            headlines = 0
            while j < n and (is_separator(lines[j]) or is_headline_like(lines[j]) or is_heading_cue(lines[j])):
                headlines += not is_separator(lines[j])
                j += 1
            # A heading followed by links, or a heading with nothing after it but blank lines, goes.
            if headlines or j == n:
                for k in range(i, j):
                    keep[k] = False
                i = j
                continue
        i += 1


def _drop_trailing_list(lines: list[str], keep: list[bool]) -> None:
    """Drop a trailing run of short headline lines when it looks like a list of links.

    The run counts as a list when it has at least three headline lines and either separator
    lines between them or mostly title-case words; a story's own short closing line is kept.
    """
    idx = [i for i in range(len(lines)) if keep[i]]
    start = len(idx)
    headlines = seps = 0
    title_like = 0
    while start > 0:
        line = lines[idx[start - 1]]
        if line.strip() == "":
            start -= 1
            continue
        if is_separator(line):
            seps += 1
        elif is_headline_like(line):
            headlines += 1
            title_like += _title_case_share(line) >= 0.6
        else:
            break
        start -= 1
    if start == 0:
        return  # the whole text is short lines: nothing to tell a list from the story by
    if headlines >= 3 and (seps >= 2 or title_like >= 0.7 * headlines):
        for k in idx[start:]:
            keep[k] = False


def _join(lines: list[str], keep: list[bool]) -> str:
    """Join kept lines; runs of blank lines shrink to one."""
    out: list[str] = []
    blank = False
    for line, k in zip(lines, keep, strict=True):
        if not k:
            continue
        if line.strip() == "":
            blank = bool(out)
            continue
        if blank:
            out.append("")
            blank = False
        out.append(line.rstrip())
    return "\n".join(out)


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


# A photo credit closing a caption: "REUTERS/Jane Doe", "AFP / John Roe", "Getty Images/Name".
_AGENCY_SLASH_NAME = re.compile(r"(?:\b[A-Z]{2,}|Getty Images)\s*\\?/\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*\)?$")


# A caption's closing credit in brackets: "(Photo: Name)", "(File photo/Agency)", "(Image: Agency)".
_PHOTO_PAREN = re.compile(
    r"\((?:photo|photograph|picture|image|file photo|video)s?\b[^()]{0,80}\)[\s.]*$", re.IGNORECASE
)


# A news photo's caption opening an article: "In this May 26 photo provided by ...", "In this image taken from
# video ...", or a line closed by the day the photo was taken (", Friday, May 14, 2010.", "Friday Nov. 1, 2002.").
_LEAD_PHOTO_OPEN = re.compile(
    r"^In this\b(?:[\s,]+[\w.'-]+){0,4}?[\s,]+(?:photo(?:graph)?|image|picture|video|frame grab)s?\b", re.IGNORECASE
)
_LEAD_PHOTO_DAY = re.compile(
    rf",\s*{WEEKDAY_NAME},?\s+{MONTH_NAME}\s+\d{{1,2}},\s+\d{{4}}\.?\s*(?:\(AP Photo[^()]*\))?\s*$"
)


def _is_lead_photo_caption(line: str) -> bool:
    """True for an article's first line when it is a news photo's caption (_LEAD_PHOTO_OPEN, _LEAD_PHOTO_DAY)."""
    line = line.strip()
    return _words(line) <= CAPTION_MAX_WORDS and (
        _LEAD_PHOTO_OPEN.search(line) is not None or _LEAD_PHOTO_DAY.search(line) is not None
    )


def _is_caption(line: str) -> bool:
    c = cues()
    tail = line[-60:].rstrip(" .)\t")
    return (
        _starts(line, c.caption_starts)
        or tail.lower().endswith(c.caption_ends)
        or ("/" in tail and _AGENCY_SLASH_NAME.search(tail) is not None)
        or (line.rstrip(" .\t").endswith(")") and _PHOTO_PAREN.search(line[-100:]) is not None)
    )


def _caption_end(line: str) -> int:
    """Where a caption line's caption ends: the whole line when short, else after the photo agency
    if it comes within the first words (a run-on "Photograph: Name/AP Story..."); 0 when unsure."""
    m = _PHOTO_CREDIT_END.search(line, 0, 120) if _starts(line, cues().caption_starts) else None
    if m and _words(line[m.end() :]) >= 8:
        return m.end()
    return len(line.rstrip()) if _words(line) <= 40 else 0


def drop_after_credit(text: str) -> str:
    """Cut what follows the last wire credit "(Reporting by ...)" when it is a short tail.

    News sites append promotions and comment policies after the credit that closes a wire story;
    the cut is made only when the tail is under TAIL_SHARE of the text.
    """
    last = None
    for m in _credit_paren().finditer(text):
        last = m
    if last is None or last.end() >= len(text.rstrip()):
        return text
    tail = text[last.end() :]
    if len(tail) > TAIL_SHARE * len(text) and not is_furniture_line(tail.lstrip().split("\n", 1)[0][:300]):
        return text
    return text[: last.end()]


def _is_credit_line(line: str) -> bool:
    c = cues()
    return _starts(line, c.credit_starts) or (len(line) < 300 and line.rstrip(" .)\t").lower().endswith(c.credit_ends))


# The pieces of a dateline: a place in capitals, its state or country ("BARATARIA BAY, La."), a day ("April 24").
_DATELINE_PLACE = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,4}"
_DATELINE_REGION = r"(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?"
_DATELINE_DAY = r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
# A place dateline opening a story: "PORT VILA (Reuters) - ", "BARATARIA BAY, La. -- ", "KYIV, March 3 (AP) - ".
_PLACE_DATELINE = re.compile(
    r"(?:\([A-Z][A-Za-z .&-]{1,30}\)\s+)?"  # an agency may come first: "(AP) WASHINGTON --"
    + _DATELINE_PLACE
    + _DATELINE_REGION
    + _DATELINE_DAY
    + r"(?:\s*\([A-Z][A-Za-z .&-]{1,30}\)\s*(?:--|[-–—])|\s+(?:--|—))\s"
)
PLACE_DATELINE_LINES = 4


@functools.cache
def _wire_dateline() -> re.Pattern:
    """A wire dateline closed by a known agency in brackets ("MEXICO CITY/GENEVA, April 24 (Reuters) - "),
    found anywhere in a line: the places in capitals (several joined by a slash), an optional date, the agency
    (data/furniture.toml wire_agencies), a dash."""
    agencies = "|".join(map(re.escape, sorted(cues().wire_agencies, key=len, reverse=True)))
    return re.compile(
        r"(?<![\w,])"
        + _DATELINE_PLACE
        + r"(?:\\?/"
        + _DATELINE_PLACE
        + r")*"
        + _DATELINE_REGION
        + _DATELINE_DAY
        + r"\s*\((?:"
        + agencies
        + r")\)\s*(?:--|[-–—])\s"
    )


@functools.cache
def _lead_agency() -> re.Pattern:
    """A wire agency's name in brackets opening a line, left by a photo's credit or a dateline cut away ("(AP)
    Republicans have rebuked ...", "(AP Photo) The president ..."): a credit, not the story's first word."""
    agencies = "|".join(map(re.escape, sorted(cues().wire_agencies, key=len, reverse=True)))
    return re.compile(r"\s*\((?:" + agencies + r")(?: Photos?)?\)(?=\s+\S)")


def _place_dateline(text: str, spans: list[tuple[int, int]], dateline: Published | None) -> tuple[int, int] | None:
    """The span of a place dateline at the start of one of the first lines or right after a timestamp."""
    starts = [s for s, _ in spans[:PLACE_DATELINE_LINES]]
    if dateline is not None:
        after = dateline.end
        while after < len(text) and text[after] in " \t|":
            after += 1
        starts.insert(0, after)
    for start in starts:
        m = _PLACE_DATELINE.match(text, start)
        if m and (dateline is None or m.start() >= dateline.end or m.end() <= dateline.start):
            return m.start(), m.end() - 1
    for start, end in spans[:PLACE_DATELINE_LINES]:
        # a wire dateline after the bullets, headline and byline a copied page runs into it
        m = _wire_dateline().search(text, start, end)
        if m and (dateline is None or m.start() >= dateline.end or m.end() <= dateline.start):
            return m.start(), m.end() - 1
    return None


def split_headline(text: str) -> tuple[str, str]:
    """(headline, rest) when `text` opens with a lone headline line followed by a blank line, else ("", text).

    A headline: few words, no closing sentence punctuation, no dateline, no furniture cue.
    """
    body = text.replace("\r\n", "\n").lstrip()
    first, sep, rest = body.partition("\n")
    if not sep or not rest.startswith(("\n", " \n", "\t\n")) or not rest.strip():
        return "", text
    line = first.strip()
    if (
        not is_headline_like(line)
        or _words(line) > 20
        or is_heading_cue(line)
        or furniture_cut(line) is not None
        or find_dateline(line) is not None
    ):
        return "", text
    return line, rest.lstrip("\n \t")


def find_segments(text: str, dateline: Published | None, captions: frozenset[str] = frozenset()) -> list[Segment]:
    """Mark captions, the dateline and credits in clean `text`; everything else is body.

    Captions: lines before a dateline that stands on its own line near the top, a first line that is a
    news photo's caption ("In this photo ...", "..., Friday, May 14, 2010."), and lines that open or close
    like a photo caption. Credits: "(Reporting by ...)" at a paragraph's end and
    lines opening with a credit phrase. Returns segments sorted by start, covering all non-blank text.
    """
    marks: list[tuple[int, int, str]] = []
    spans = _line_spans(text)
    dateline_line = -1
    if dateline is not None:
        marks.append((dateline.start, dateline.end, "dateline"))
        for n, (s, e) in enumerate(spans):
            if s <= dateline.start < e or (s == dateline.start == e):
                dateline_line = n
                break
        own_line = (
            dateline_line >= 0
            and text[spans[dateline_line][0] : spans[dateline_line][1]].strip()
            == text[dateline.start : dateline.end].strip()
        )
        if own_line and 0 < dateline_line <= CAPTION_LINES_BEFORE_DATELINE:
            for n in range(dateline_line):
                s, e = spans[n]
                line = text[s:e].strip()
                # A caption is a sentence (or carries a photo cue); a bare headline above a dateline is not.
                if line and _words(line) <= CAPTION_MAX_WORDS and (_SENTENCE_END.search(line) or _is_caption(line)):
                    marks.append((s, e, "caption"))
    place = _place_dateline(text, spans, dateline)
    if place is not None:
        marks.append((place[0], place[1], "dateline"))
    marks += [(a, b, "dateline") for a, b in _live_stamps(text, spans)]
    taken = {m[0] for m in marks}
    for n, (s, e) in enumerate(spans):
        line = text[s:e]
        if not line.strip() or s in taken:
            continue
        if _is_credit_line(line):
            marks.append((s, e, "credit"))
            continue
        lead = _lead_agency().match(line)
        if lead:
            marks.append((s, s + lead.end(), "credit"))  # "(AP) Republicans have rebuked ...": the story goes on
            s += lead.end() + len(line[lead.end() :]) - len(line[lead.end() :].lstrip())
            line = text[s:e]  # what follows may still be a photo's caption
            if _is_lead_photo_caption(line):
                marks.append((s, e, "caption"))  # "(AP) Stanley Murray, left, ..., Thursday, April 22, 2010."
                continue
        if line.strip() in captions:
            marks.append((s, e, "caption"))
            continue
        if n == 0 and n != dateline_line and _is_lead_photo_caption(line):
            marks.append((s, e, "caption"))
            continue
        if n != dateline_line and _is_caption(line):
            end = _caption_end(line)
            if end:
                marks.append((s, s + end, "caption"))
                continue
        m = _credit_paren_at_end().search(line)
        if m:
            marks.append((s + m.start(), e, "credit"))
    return _fill_body(text, sorted(marks))


_LIVE_STAMP = re.compile(r"([01]\d|2[0-3])[0-5]\d(?= [A-Z\"“'‘])")
LIVE_STAMPS_MIN = 3  # lines opening with a clock that make a page a live page


def _live_stamps(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clocks opening the entries of a live page ("1654 Cameron Sinclair, writing in a blog, urged ...", "2300
    US officials say ..."): four digits of a time of day at a line's start before a capital, on at least
    LIVE_STAMPS_MIN lines of the text. Each is the entry's time stamp, not a year."""
    found = [(s, s + 4) for s, _e in spans if _LIVE_STAMP.match(text, s)]
    return found if len(found) >= LIVE_STAMPS_MIN else []


def _fill_body(text: str, marks: list[tuple[int, int, str]]) -> list[Segment]:
    segments: list[Segment] = []
    pos = 0

    def body(a: int, b: int) -> None:
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if b - trail > a + lead:
            segments.append(Segment(a + lead, b - trail, "body"))

    for start, end, kind in marks:
        if start < pos:
            continue
        body(pos, start)
        segments.append(Segment(start, end, kind))
        pos = end
    body(pos, len(text))
    return segments


def clean_text(raw: str, captions: tuple[str, ...] = ()) -> Cleaned:
    """Remove site furniture from `raw` and segment what is left.

    In: text as copied from a page (any newline convention), and optionally caption texts known
    from markup (HTML figcaptions), which open the result as caption lines. Out: `Cleaned` with the
    story text, its segments and the dateline found at its head (None when there is none).
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\u200b", "")
    text = drop_after_credit(drop_comment_thread(text))
    lines = text.split("\n")
    keep = [True] * len(lines)
    for i, line in enumerate(lines):
        if line.strip() and is_separator(line):
            keep[i] = False
            continue
        if at := run_in_end(line):
            line = lines[i] = line[at:]
            if not line.strip():
                keep[i] = False
                continue
        cut = furniture_cut(line)
        if cut == 0:
            keep[i] = False
        elif cut is not None:
            lines[i] = line[:cut]
    _drop_heading_blocks(lines, keep)
    _drop_trailing_list(lines, keep)
    cleaned = _join(lines, keep).strip()
    known = tuple(c for c in (" ".join(c.split()) for c in captions) if c and c not in cleaned)
    if known:
        cleaned = "\n".join(known) + "\n" + cleaned
    dateline = find_dateline(cleaned)
    removed = sum(1 for line, k in zip(lines, keep, strict=True) if not k and line.strip())  # whole lines only
    return Cleaned(cleaned, find_segments(cleaned, dateline, frozenset(known)), dateline, removed)
