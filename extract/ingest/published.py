"""Publication times: parse a field's value, and find a dateline at the head of a text.

Every function returns a timezone-aware datetime with its precision ("day" or "minute").
A time given without a zone keeps its wall-clock value and is labelled UTC, so the article's
local calendar date is never shifted. A date without a time becomes midnight UTC, precision "day".
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass

from core.errors import ReferenceTimeError
from extract.vocabulary import time_zones

UTC = dt.UTC


@dataclass(frozen=True)
class Published:
    """A publication time with its precision; `start`/`end` locate it in a text when it came from one."""

    value: dt.datetime
    precision: str  # "day" or "minute"
    start: int = -1
    end: int = -1


def tz_offsets() -> dict[str, int]:
    """Time-zone abbreviation -> offset in minutes (extract/data/timezones.toml)."""
    return time_zones()


_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# Month and weekday names as news pages write them ("Sept.", "Tues"), also for clean.py's photo captions.
MONTH_NAME = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
WEEKDAY_NAME = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?)"
_DATE = (
    rf"(?:(?P<mon>{MONTH_NAME})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{MONTH_NAME}),?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d))"
)
_TIME = r"(?P<hh>[012]?\d)[:.](?P<mm>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<ampm>[AaPp]\.?\s?[Mm]\.?))?"
_TZ = r"(?P<tz>(?:GMT|UTC)\s?[+-]\s?\d{1,2}(?::?\d\d)?|[A-Z]{1,5}\b)"

# Two shapes of dateline: the time first ("16:16 JST, November 20, 2024") or the date first
# ("Tue May 12, 2009 8:56 am EDT", "Saturday, May 15, 2010; 11:47 PM", "Tuesday 12 May 2009 16.36 BST").
_TIME_FIRST = re.compile(rf"{_TIME}(?:\s+{_TZ})?\s*,?\s+(?:{WEEKDAY_NAME},?\s+)?{_DATE}")
_DATE_FIRST = re.compile(rf"(?:{WEEKDAY_NAME},?\s+)?{_DATE}(?:\s*[,;|/]?\s*(?:at\s+|-\s+)?{_TIME}(?:\s+{_TZ})?)?")
# What may stand before a dateline on its line: a place and a bar ("HONG KONG |"), or a label.
_LEAD = re.compile(
    r"(?:[A-Z][A-Za-z.' -]{1,40}\s*\|\s*"  # HONG KONG |
    r"|[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,2})?,\s*"  # KHERSON, Ukraine,
    r"|(?:Published|Updated|Posted|Last updated|First published|Date)(?:\s+on)?:?\s*)$"
)
# A wire credit right after a dated place dateline belongs to it: "KHERSON, Ukraine, Nov 11, 2022 (Wire) -".
_AGENCY_TAIL = re.compile(r"\s*\([A-Z][A-Za-z .&-]{1,30}\)\s*(?:--|[-–—])")
HEAD_CHARS = 600
_YEAR = re.compile(r"(?:19|20)\d\d")


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _zone(tz: str | None) -> dt.tzinfo | None:
    """A tzinfo for an abbreviation or a GMT+N form; None when unknown."""
    if not tz:
        return None
    tz = tz.replace(" ", "").upper()
    m = re.fullmatch(r"(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d\d))?", tz)
    if m:
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        return dt.timezone(dt.timedelta(minutes=minutes if m.group(1) == "+" else -minutes))
    offset = tz_offsets().get(tz)
    if offset is None:
        return None
    return dt.timezone(dt.timedelta(minutes=offset))


def _from_match(m: re.Match) -> tuple[dt.datetime, str] | None:
    """Build the datetime a dateline match denotes; None when the numbers are not a real date."""
    g = m.groupdict()
    try:
        if g.get("y1"):
            date = dt.date(int(g["y1"]), _month(g["mon"]), int(g["d1"]))
        elif g.get("y2"):
            date = dt.date(int(g["y2"]), _month(g["mon2"]), int(g["d2"]))
        else:
            date = dt.date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    except (ValueError, KeyError, TypeError):
        return None
    if g.get("hh") is None:
        return dt.datetime.combine(date, dt.time(0, 0), UTC), "day"
    hour, minute = int(g["hh"]), int(g["mm"])
    ampm = (g.get("ampm") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if hour > 23:
        return None
    zone = _zone(g.get("tz")) or UTC
    return dt.datetime.combine(date, dt.time(hour, minute), zone), "minute"


def find_dateline(text: str, head: int = HEAD_CHARS) -> Published | None:
    """Find a dateline or timestamp near the start of `text`.

    Accepted: a date with a time anywhere in the first `head` characters, or a date alone that
    opens a line (optionally after "PLACE |" or "Published:"). The span returned covers the
    place/label prefix too. Returns None when the head of the text carries no such stamp.
    """
    window = text[:head]
    if not _YEAR.search(window):
        return None
    found: list[tuple[int, int, dt.datetime, str]] = []
    for pattern in (_TIME_FIRST, _DATE_FIRST):
        for m in pattern.finditer(window):
            parsed = _from_match(m)
            if parsed is None:
                continue
            line_start = window.rfind("\n", 0, m.start()) + 1
            before = window[line_start : m.start()]
            lead = _LEAD.search(before)
            at_line_start = not before.strip() or (lead is not None and lead.start() == 0)
            if parsed[1] == "day" and not at_line_start:
                continue
            if m.group("tz") and _zone(m.group("tz")) is None and pattern is _DATE_FIRST:
                # A capitalised word after the time that is no time zone: end the span before it.
                end = m.start("tz")
                while end > m.start() and window[end - 1].isspace():
                    end -= 1
            else:
                end = m.end()
            start = line_start if at_line_start else m.start()
            tail = _AGENCY_TAIL.match(window, end)
            if tail and before.strip():
                end = tail.end()
            found.append((m.start(), start, end, parsed))
            break
    if not found:
        return None
    _, start, end, (value, precision) = min(found, key=lambda f: f[0])
    return Published(value, precision, start, end)


_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"
    r"(?:[T ](?P<H>\d\d):(?P<M>\d\d)(?::(?P<S>\d\d)(?:\.\d+)?)?\s*(?P<z>Z|[+-]\d\d:?\d\d|[+-]\d\d)?)?"
)


def parse_published(value: object) -> Published | None:
    """Parse a publication time as found in an input field or given on the command line.

    Accepts ISO 8601 dates and datetimes (with or without offset), RFC 2822 dates (feeds),
    Unix timestamps (seconds or milliseconds), datetime/date objects, and dateline-like
    strings ("November 20, 2024", "16:16 JST, November 20, 2024"). Returns None for empty values
    and for text that is no date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return Published(value.replace(second=0, microsecond=0), "minute")
    if isinstance(value, dt.date):
        return Published(dt.datetime.combine(value, dt.time(0, 0), UTC), "day")
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return Published(dt.datetime.fromtimestamp(seconds, UTC).replace(second=0, microsecond=0), "minute")
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not text:
        return None
    if re.fullmatch(r"\d{9,13}", text):
        return parse_published(int(text))
    m = _ISO.fullmatch(text)
    if m:
        return _from_iso(m)
    if re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d\d:\d\d", text):
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = None
        if parsed is not None:
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=UTC)
            return Published(parsed.replace(second=0, microsecond=0), "minute")
    stamp = find_dateline(text)
    if stamp is not None and stamp.start == 0:
        return Published(stamp.value, stamp.precision)
    m = _ISO.match(text)
    if m:
        return _from_iso(m)
    return None


def _from_iso(m: re.Match) -> Published | None:
    try:
        date = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        if m["H"] is None:
            return Published(dt.datetime.combine(date, dt.time(0, 0), UTC), "day")
        zone: dt.tzinfo = UTC
        z = m["z"]
        if z and z != "Z":
            sign = -1 if z[0] == "-" else 1
            digits = z[1:].replace(":", "")
            minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
            zone = dt.timezone(sign * dt.timedelta(minutes=minutes))
        return Published(dt.datetime.combine(date, dt.time(int(m["H"]), int(m["M"])), zone), "minute")
    except ValueError:
        return None


def parse_cli_published(value: str) -> Published:
    """Parse the --published argument; raise ReferenceTimeError with a clear message when it is no date."""
    parsed = parse_published(value)
    if parsed is None:
        raise ReferenceTimeError(f"--published {value!r}: not a date; give e.g. 2024-11-20 or 2024-11-20T16:16+09:00")
    return parsed
