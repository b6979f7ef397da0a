"""Resolvers: turn one regex match into a TIMEX3 (value, type, mod), relative to the reference date.

Each resolver takes the match and the document Context and returns a Resolution, or None when the
match is not a temporal expression after all ("May" the name, "1990 shares") or cannot be resolved
(a relative expression with no reference date).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from extract.timex import calendar as cal
from extract.timex import tense, vocab


class Resolution(NamedTuple):
    value: str
    type: str
    mod: str = ""


@dataclass
class Context:
    """What a resolver may know about the document: its text, reference date and what came before."""

    text: str
    ref: dt.date | None
    last_day: dt.date | None = None  # the last day-precision date mentioned (anaphora: "the next day")
    last_quarter: tuple[int, int] | None = None  # the last quarter mentioned ("a year earlier" in earnings news)
    last_quarter_at: int = -1  # where a quarter was last spoken of
    last_year: int | None = None  # the year of the last dated expression ("June of that year")
    day_first: bool = False  # numeric dates of this document are written day/month/year
    _tense: dict = field(default_factory=dict)

    def tense(self, start: int, end: int) -> str | None:
        key = (start, end)
        if key not in self._tense:
            self._tense[key] = tense.clause_tense(self.text, start, end)
        return self._tense[key]


QUARTER_REACH = 400  # "a year earlier" means the quarter spoken of within the last few sentences, if any

Resolver = Callable[[re.Match, Context], Resolution | None]


def _v() -> dict:
    return vocab.load()


@functools.cache
def _set(name: str) -> frozenset:
    """A vocabulary word list as a set, built once."""
    return frozenset(vocab.load()[name])


def _key(word: str) -> str:
    return re.sub(r"\s+", " ", word.strip().rstrip(".")).lower()


@functools.cache
def _lowered(table: str) -> dict[str, object]:
    """A vocabulary table keyed by lowercase, single-spaced words."""
    return {_key(k): v for k, v in vocab.load()[table].items()}


def month_number(word: str) -> int:
    """1-12 for a month name or abbreviation ("Sept." -> 9); KeyError otherwise."""
    return _lowered("months")[_key(word)]


def weekday_number(word: str) -> int:
    """ISO weekday (Monday = 1) of a weekday name or abbreviation; KeyError otherwise."""
    return _lowered("weekdays")[_key(word)]


def _pos_mod(word: str | None) -> str:
    if not word:
        return ""
    w = _key(word).rstrip("-")
    return _v()["position_mods"].get(w, "")


def _approx_mod(word: str | None) -> str:
    if not word:
        return ""
    return _v()["approx_mods"].get(_key(word), "")


def _year_value(text: str, ref: dt.date | None) -> int | None:
    """A year from '1990', "'90" (closest century to the reference) or 'nineteen ninety'."""
    t = text.strip()
    if t[:1] in "'’":
        two = int(t[1:3])
        base = ref.year if ref else 2000
        candidates = [c * 100 + two for c in (base // 100 - 1, base // 100)]
        return min(candidates, key=lambda y: (abs(y - base), -y))
    if t.isdigit():
        return int(t)
    return _spoken_year(t)


def _spoken_year(text: str) -> int | None:
    words = re.split(r"[\s-]+", text.lower())
    if words[:2] == ["two", "thousand"]:
        rest = vocab.number_value(" ".join(w for w in words[2:] if w != "and")) if len(words) > 2 else 0
        return None if rest is None else 2000 + int(rest)
    head = vocab.number_value(words[0])
    if head is None:
        return None
    rest_words = [w for w in words[1:] if w != "oh"]
    tail = vocab.number_value(" ".join(rest_words)) if rest_words else 0
    if tail is None or tail >= 100:
        return None
    return int(head) * 100 + int(tail)


def _closest(candidates: list[tuple[object, int]], ref_index: int, tense_word: str | None, slack: int,
             future_slack: int | None = None) -> object:
    """Choose among (value, index) candidates the one nearest ref_index, biased by tense.

    In a past clause a candidate after the reference costs `slack` extra; in a future clause one before it
    costs `future_slack` (default: the same).
    """
    if future_slack is None:
        future_slack = slack

    def cost(item: tuple[object, int]) -> int:
        _value, index = item
        d = abs(index - ref_index)
        if tense_word == "past" and index > ref_index:
            d += slack
        elif tense_word == "future" and index < ref_index:
            d += future_slack
        return d
    return min(candidates, key=cost)[0]


def _resolve_month(month: int, ctx: Context, m: re.Match) -> int | None:
    """The year of a bare month name, from the reference and the clause tense."""
    if ctx.ref is None:
        return None
    ref_index = ctx.ref.year * 12 + ctx.ref.month - 1
    cands = [(y, y * 12 + month - 1) for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1)]
    return _closest(cands, ref_index, ctx.tense(m.start(), m.end()), 12)  # type: ignore[return-value]


def _resolve_month_day(month: int, day: int, ctx: Context, m: re.Match) -> dt.date | None:
    if ctx.ref is None:
        return None
    cands = []
    for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1):
        d = cal.safe_date(y, month, day)
        if d:
            cands.append((d, d.toordinal()))
    if not cands:
        return None
    return _closest(cands, ctx.ref.toordinal(), ctx.tense(m.start(), m.end()), 250, 30)  # type: ignore[return-value]


def _note_day(ctx: Context, day: dt.date) -> None:
    ctx.last_day = day


# ---------------------------------------------------------------- absolute dates


def r_date_md(m: re.Match, ctx: Context) -> Resolution | None:
    month = month_number(m["mon"])
    day = int(re.match(r"\d+", m["day"]).group())
    if m["year"]:
        year = _year_value(m["year"], ctx.ref)
        if year is None:
            return None
        d = cal.safe_date(year, month, day)
        if d is None:
            return None
    else:
        d = None
        if m["wd"] and ctx.ref is not None:
            # "Saturday, April 25": the year in which that day is a Saturday, nearest the reference
            weekday = weekday_number(m["wd"])
            fits = [c for y in range(ctx.ref.year - 6, ctx.ref.year + 7)
                    if (c := cal.safe_date(y, month, day)) and c.isoweekday() == weekday]
            if fits:
                d = min(fits, key=lambda c: abs(c.toordinal() - ctx.ref.toordinal()))
        if d is None:
            d = _resolve_month_day(month, day, ctx, m)
        if d is None:
            if cal.safe_date(2000, month, day) is None:
                return None
            return Resolution(f"XXXX-{month:02d}-{day:02d}", "DATE")
    _note_day(ctx, d)
    return Resolution(d.isoformat(), "DATE")


def r_date_iso(m: re.Match, ctx: Context) -> Resolution | None:
    d = cal.safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    if d is None:
        return None
    _note_day(ctx, d)
    if m["hour"]:
        return Resolution(f"{d.isoformat()}T{m['hour']}:{m['minute']}", "TIME")
    return Resolution(d.isoformat(), "DATE")


def r_date_slash(m: re.Match, ctx: Context) -> Resolution | None:
    a, b = int(m["a"]), int(m["b"])
    year = int(m["year"])
    if year < 100:
        year += 1900 if year > 40 else 2000
    # month first (US news) unless the document writes day first or the first number cannot be a month
    if ctx.day_first and b <= 12:
        month, day = b, a
    else:
        month, day = (a, b) if a <= 12 else (b, a)
    d = cal.safe_date(year, month, day)
    if d is None:
        return None
    _note_day(ctx, d)
    return Resolution(d.isoformat(), "DATE")


def r_month_year(m: re.Match, ctx: Context) -> Resolution | None:
    month = month_number(m["mon"])
    if m["year"]:
        year = _year_value(m["year"], ctx.ref)
    else:
        if ctx.ref is None:
            return None
        deic = _key(m["deic"])
        if deic in ("this", "last", "next"):
            year = ctx.ref.year + {"this": 0, "last": -1, "next": 1}[deic]
        else:  # that year, the following year: after the year last spoken of
            base = ctx.last_year or ctx.ref.year
            year = base + {"the following": 1, "the previous": -1}.get(deic, 0)
    if year is None:
        return None
    return Resolution(f"{year:04d}-{month:02d}", "DATE", _pos_mod(m["pos"]))


# ---------------------------------------------------------------- times


def _anchor_day(m: re.Match, ctx: Context) -> dt.date | None:
    """The day a clock time or day part belongs to: a named weekday, yesterday/today, or the last day mentioned."""
    wd = m.groupdict().get("wd")
    if wd:
        if ctx.ref is None:
            return None
        return _weekday_date(weekday_number(wd), None, ctx, m)
    rel = m.groupdict().get("rel")
    if rel:
        if ctx.ref is None:
            return None
        return ctx.ref + dt.timedelta(days=_v()["relative_days"][_key(rel)])
    return ctx.last_day or ctx.ref


def r_time(m: re.Match, ctx: Context) -> Resolution | None:
    hour = int(m["hour"])
    minute = int(m["minute"] or 0)
    ampm = (m.groupdict().get("ampm") or "").lower()
    half = (m.groupdict().get("half") or "").lower()
    if half and not ampm:
        if hour > 12:
            return None
        ampm = "am" if half == "morning" else "pm"
    elif not ampm and m.group().lower().rstrip().endswith("night") and hour < 12:
        ampm = "pm" if hour >= 6 else "am"
    if ampm:
        if hour == 0 or hour > 12:
            return None
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    day = None
    if m.groupdict().get("mon") or m.groupdict().get("mon2"):
        mon, dnum_text, year_text = (m["mon"], m["day"], m["year"]) if m["mon"] else (m["mon2"], m["day2"], m["year2"])
        month, dnum = month_number(mon), int(re.match(r"\d+", dnum_text).group())
        if year_text:
            day = cal.safe_date(int(year_text), month, dnum)
        else:
            day = _resolve_month_day(month, dnum, ctx, m)
        if day is None:
            return None
        _note_day(ctx, day)
    else:
        day = _anchor_day(m, ctx)
    clock = f"T{hour:02d}:{minute:02d}"
    if day is None:
        return Resolution(f"XXXX-XX-XX{clock}", "TIME")
    return Resolution(f"{day.isoformat()}{clock}", "TIME")


def r_noon(m: re.Match, ctx: Context) -> Resolution | None:
    day = _anchor_day(m, ctx)
    clock = _v()["day_parts"][_key(m["word"])]
    if day is None:
        return Resolution(f"XXXX-XX-XXT{clock}", "TIME")
    if clock == "24:00":
        return Resolution(f"{day.isoformat()}T24:00", "TIME")
    return Resolution(f"{day.isoformat()}T{clock}", "TIME")


def _part_code(part: str | None) -> str:
    if not part:
        return ""
    code = _v()["day_parts"][_key(part)]
    return "T" + code


# ---------------------------------------------------------------- weekdays and relative days


def _weekday_date(weekday: int, deic: str | None, ctx: Context, m: re.Match) -> dt.date:
    ref = ctx.ref
    assert ref is not None
    if deic:
        d = deic.lower()
        if d in ("the previous", "the following", "the next"):
            anchor = ctx.last_day or ref
            if d == "the previous":
                return anchor - dt.timedelta(days=(anchor.isoweekday() - weekday - 1) % 7 + 1)
            return anchor + dt.timedelta(days=(weekday - anchor.isoweekday() - 1) % 7 + 1)
        if d in ("last", "past"):
            return ref - dt.timedelta(days=(ref.isoweekday() - weekday - 1) % 7 + 1)
        if d in ("next", "coming") or d.startswith("this coming"):
            return ref + dt.timedelta(days=(weekday - ref.isoweekday() - 1) % 7 + 1)
        return cal.weekday_in_week(ref, weekday, 0)
    if ctx.tense(m.start(), m.end()) == "future":
        return cal.weekday_on_or_after(ref, weekday)
    return cal.weekday_on_or_before(ref, weekday)


def r_weekday(m: re.Match, ctx: Context) -> Resolution | None:
    weekday = weekday_number(m["wd"])
    part = _part_code(m["part"])
    if ctx.ref is None:
        return Resolution(f"XXXX-WXX-{weekday}{part}", "DATE")
    d = _weekday_date(weekday, m["deic"], ctx, m)
    _note_day(ctx, d)
    # news annotation gives "Friday morning" the day's value: the part of day adds no calendar precision
    return Resolution(d.isoformat(), "DATE", _pos_mod(m["pos"]))


def r_weekday_set(m: re.Match, ctx: Context) -> Resolution | None:
    weekday = weekday_number(m["wd"])
    part = ""
    if m["part"]:
        part = _part_code(m["part"][:-1])
    return Resolution(f"XXXX-WXX-{weekday}{part}", "SET")


def r_relday(m: re.Match, ctx: Context) -> Resolution | None:
    if ctx.ref is None:
        return None
    key = _key(m["rel"])
    d = ctx.ref + dt.timedelta(days=_v()["relative_days"][key])
    _note_day(ctx, d)
    part = m.groupdict().get("part")
    code = _part_code(part)
    if key == "tonight" and not code:
        return Resolution(d.isoformat() + "TNI", "TIME", _pos_mod(m["pos"]))
    return Resolution(d.isoformat() + code, "TIME" if code else "DATE", _pos_mod(m.groupdict().get("pos")))


def r_daypart(m: re.Match, ctx: Context) -> Resolution | None:
    if ctx.ref is None:
        return None
    deic = _key(m["deic"])
    if deic in ("this",):
        d = ctx.ref
    elif deic in ("last", "yesterday"):
        d = ctx.ref - dt.timedelta(days=1)
    elif deic == "tomorrow":
        d = ctx.ref + dt.timedelta(days=1)
    elif deic in ("the next", "the following"):
        d = (ctx.last_day or ctx.ref) + dt.timedelta(days=1)
    else:
        d = ctx.last_day or ctx.ref
    code = _part_code(m["part"])
    return Resolution(d.isoformat() + code, "TIME", _pos_mod(m["pos"]))


def r_daypart_of(m: re.Match, ctx: Context) -> Resolution | None:
    day = _anchor_day(m, ctx)
    code = _part_code(m["part"])
    if day is None:
        return None
    return Resolution(day.isoformat() + code, "TIME")


# ---------------------------------------------------------------- months, quarters, seasons, years


def _cue_before(ctx: Context, start: int) -> bool:
    before = ctx.text[max(0, start - 20):start]
    words = re.findall(r"[A-Za-z-]+", before)
    if not words:
        return False
    return words[-1].lower() in _set("date_cues")


def r_month(m: re.Match, ctx: Context) -> Resolution | None:
    word = m["mon"]
    bare = word.rstrip(".")
    month = month_number(word)
    deic = (m["deic"] or "").lower()
    if not deic and not m["pos"]:
        if len(bare) < 3 or (bare.lower() in [a.lower() for a in _v()["ambiguous_months"]]
                             and not _cue_before(ctx, m.start())):
            return None
        if len(bare) <= 4 and bare not in ("June", "July") and not word.endswith("."):
            # a bare abbreviation ("Dec", "Mar") without a day is rarely a date
            if not _cue_before(ctx, m.start()):
                return None
        # a capitalised word right before (a name: "Theresa May", "Billy June")
        prev = re.search(r"([A-Z][a-z]+)\s+$", ctx.text[max(0, m.start() - 30):m.start()])
        if prev and prev.group(1).lower() not in _set("date_cues") | {"in", "since", "until", "by"}:
            if prev.group(1) not in _v()["months"] and prev.group(1) not in ("Early", "Late", "Mid", "Last", "Next"):
                return None
        # a capitalised word right after (a first name: "Jan Kavan", "April Ryan", "June Carter")
        nxt = re.match(r"\s([A-Z][a-z]+)", ctx.text[m.end():m.end() + 20])
        if nxt and nxt.group(1) not in _v()["weekdays"] and nxt.group(1).lower() not in _set("date_cues"):
            return None
    mod = _pos_mod(m["pos"])
    if ctx.ref is None:
        return Resolution(f"XXXX-{month:02d}", "DATE", mod)
    if deic in ("last", "past"):
        year = ctx.ref.year if month < ctx.ref.month else ctx.ref.year - 1
    elif deic in ("next", "coming"):
        year = ctx.ref.year if month > ctx.ref.month else ctx.ref.year + 1
    elif deic == "this":
        year = ctx.ref.year
    else:
        year = _resolve_month(month, ctx, m)
    return Resolution(f"{year:04d}-{month:02d}", "DATE", mod)


def _ordinal(word: str) -> int | None:
    w = _key(word)
    digits = re.match(r"(\d+)", w)
    if digits:
        return int(digits.group(1))
    return _v()["ordinals"].get(w)


def _quarter_year(q: int, ctx: Context, m: re.Match) -> int | None:
    if ctx.ref is None:
        return None
    rq = cal.quarter_of(ctx.ref.month)
    ref_index = ctx.ref.year * 4 + rq - 1
    cands = [(y, y * 4 + q - 1) for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1)]
    t = ctx.tense(m.start(), m.end())

    # reports are mostly about the quarter just ended; a past clause cannot be about a later quarter
    def cost(item: tuple[int, int]) -> int:
        index = item[1]
        d = abs(index - (ref_index - 1))
        if t == "past" and index > ref_index:
            d += 2
        elif t == "future" and index < ref_index:
            d += 2
        return d
    return min(cands, key=cost)[0]


def r_quarter(m: re.Match, ctx: Context) -> Resolution | None:
    n = _ordinal(m["ord"])
    unit = m["unit"].lower()
    limit = 4 if unit == "quarter" else 2
    if n is None or not 1 <= n <= limit:
        return None
    letter = "Q" if unit == "quarter" else "H"
    year = None
    for g in ("year", "year0"):
        if m[g]:
            year = int(m[g])
    if year is None and m["yrel"]:
        if ctx.ref is None:
            return None
        year = ctx.ref.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
    if year is None:
        if ctx.ref is None:
            return Resolution(f"XXXX-{letter}{n}", "DATE")
        if letter == "H":
            year = ctx.ref.year
        else:
            year = _quarter_year(n, ctx, m)
    adj = _key(m["adj"] or "")
    if adj.split(" ")[0] in ("year-ago", "year-earlier", "comparable", "year-before", "prior-year"):
        year -= 1
    if letter == "Q":
        ctx.last_quarter = (year, n)
        ctx.last_quarter_at = m.start()
    return Resolution(f"{year:04d}-{letter}{n}", "DATE")


def _previous_quarter(ctx: Context) -> tuple[int, int] | None:
    if ctx.ref is None:
        return None
    return cal.shift_quarter(ctx.ref.year, cal.quarter_of(ctx.ref.month), -1)


def r_period(m: re.Match, ctx: Context) -> Resolution | None:
    if ctx.ref is None:
        return None
    det = _key(m["det"])
    adj = _key(m["adj"] or "")
    unit = m["unit"].lower()
    if unit == "period" and not adj and det not in ("the latest", "the same"):
        return None
    if det == "a" and not adj:
        return None
    base = ctx.last_quarter or _previous_quarter(ctx)
    ended = _ended_on(m, ctx) if unit == "quarter" else None
    if ended is not None:
        base = (ended.year, cal.quarter_of(ended.month))
    if adj == "latest" or det == "the latest":
        base = _previous_quarter(ctx)
    if unit == "quarter":
        ctx.last_quarter_at = m.start()
    if adj in ("current",) or det == "the current":
        base = (ctx.ref.year, cal.quarter_of(ctx.ref.month))
    elif adj in ("previous", "prior", "past", "last") and unit == "quarter":
        base = cal.shift_quarter(*(ctx.last_quarter or (ctx.ref.year, cal.quarter_of(ctx.ref.month))), -1)
    if adj[:1].isdigit():
        base = (int(adj), base[1])
    elif adj in ("year-ago", "year-earlier", "year-before", "comparable", "corresponding", "prior-year") \
            or m["ly"] or det.startswith("last year"):
        base = (base[0] - 1, base[1])
    elif adj in ("first", "second"):
        return None
    return Resolution(f"{base[0]:04d}-Q{base[1]}", "DATE")


_ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended)\s+([A-Z][a-z]+\.?)\s+(\d{1,2})(?!\d)")


def _ended_on(m: re.Match, ctx: Context) -> dt.date | None:
    """The date in "the quarter ended Sept. 30" right after the match, resolved near the reference."""
    after = _ENDED.match(ctx.text, m.end())
    if not after:
        return None
    try:
        month = month_number(after.group(1))
    except KeyError:
        return None
    return _resolve_month_day(month, int(after.group(2)), ctx, m)


def r_yearago_adj(m: re.Match, ctx: Context) -> Resolution | None:
    if ctx.ref is None:
        return None
    adj = m["adj"].lower()
    if adj == "year-end":
        return Resolution(f"{ctx.ref.year:04d}", "DATE", "END")
    base = ctx.last_quarter or _previous_quarter(ctx)
    return Resolution(f"{base[0] - 1:04d}-Q{base[1]}", "DATE")


def _year_ok(m: re.Match, ctx: Context, group: str = "year") -> bool:
    """False when a bare four-digit number is a quantity or a code, not a year."""
    text = ctx.text
    start, end = m.start(group), m.end(group)
    if not m[group][:1].isdigit():
        return True
    year = int(m[group][:4])
    after = text[end:end + 20]
    nxt = re.match(r"\s*([A-Za-z%]+|%)", after)
    if nxt and nxt.group(1).lower() in _set("not_year_after"):
        return False
    # "2000 residents fled": a count before a plural noun, unless a date word introduces it ("in 1990 elections")
    plural = re.match(r" ([a-z]{3,}s)\b", after)
    if plural and not plural.group(1).endswith("ss") and not _cue_before(ctx, start):
        return False
    before = text[max(0, start - 12):start]
    prev = re.search(r"(\S+)\s*$", before)
    if prev and (prev.group(1) in _set("not_year_before") or prev.group(1)[-1:] in "$#£€¥"):
        return False
    if re.match(r"\s*[-–]\s*\d", after) and not re.match(r"\s*[-–]\s*(?:\d\d\b|\d{4}\b)", after):
        return False
    if year < 1000 or year > 2100:
        return False
    if year < 1800 and not _cue_before(ctx, start):
        return False
    return True


def r_year(m: re.Match, ctx: Context) -> Resolution | None:
    if not _year_ok(m, ctx):
        return None
    year = _year_value(m["year"], ctx.ref)
    if year is None:
        return None
    mod = _pos_mod(m["pos"])
    if m["s"]:
        if year % 10:
            return None
        return Resolution(f"{year // 10:03d}", "DATE", mod)
    return Resolution(f"{year:04d}", "DATE", mod)


def r_decade_the(m: re.Match, ctx: Context) -> Resolution | None:
    return Resolution(m["year"][:3], "DATE", _pos_mod(m["pos"]))


def r_the_year(m: re.Match, ctx: Context) -> Resolution | None:
    year = _year_value(m["year"], ctx.ref)
    return None if year is None else Resolution(f"{year:04d}", "DATE")


def r_decade_short(m: re.Match, ctx: Context) -> Resolution | None:
    digit = int(m["dec"])
    base = ctx.ref.year if ctx.ref else 1999
    century = base // 100 if digit * 10 <= base % 100 else base // 100 - 1
    return Resolution(f"{century:02d}{digit}", "DATE", _pos_mod(m["pos"]))


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def r_decade_word(m: re.Match, ctx: Context) -> Resolution | None:
    if not m["the"] and not m["pos"]:
        return None
    digit = _DECADE_WORDS[m["dec"].lower()]
    base = ctx.ref.year if ctx.ref else 1999
    century = base // 100 if digit * 10 <= base % 100 else base // 100 - 1
    return Resolution(f"{century:02d}{digit}", "DATE", _pos_mod(m["pos"]))


def r_century(m: re.Match, ctx: Context) -> Resolution | None:
    raw = _key(m["n"])
    n = _ordinal(raw) if not raw[:1].isdigit() else int(re.match(r"\d+", raw).group())
    words = {"twentieth": 20, "nineteenth": 19, "twenty-first": 21, "eighteenth": 18}
    n = words.get(raw, n)
    if not n:
        return None
    return Resolution(f"{n - 1:02d}", "DATE", _pos_mod(m["pos"]))


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def r_relunit(m: re.Match, ctx: Context) -> Resolution | None:
    if _title_unit(m):
        return None
    deic = _key(m["deic"])
    unit = _key(m["unit"])
    offset = _v()["deictic"][deic]
    mod = _pos_mod(m["pos"])
    duration_words = ("the past", "the last", "past", "the next", "the coming", "the previous", "the following")
    if deic in duration_words and unit in ("year", "month", "week", "day", "decade", "century", "quarter", "weekend"):
        if deic in ("the following", "the previous", "the next") and unit in ("day", "week", "month", "year"):
            return _anaphoric(unit, 1 if deic in ("the following", "the next") else -1, ctx, mod)
        code = {"year": "1Y", "month": "1M", "week": "1W", "day": "1D", "decade": "10Y", "century": "100Y",
                "quarter": "1Q", "weekend": "1WE"}[unit]
        return Resolution("P" + code, "DURATION", mod)
    if ctx.ref is None:
        return None
    ref = ctx.ref
    if deic in ("the latest", "latest"):
        offset = -1 if unit in ("quarter",) else 0
    if unit in ("year", "fiscal year"):
        return Resolution(f"{ref.year + offset:04d}", "DATE", mod)
    if unit == "month":
        y, mo = cal.shift_months(ref.year, ref.month, offset)
        return Resolution(f"{y:04d}-{mo:02d}", "DATE", mod)
    if unit == "week":
        return Resolution(cal.iso_week(ref + dt.timedelta(weeks=offset)), "DATE", mod)
    if unit == "weekend":
        return Resolution(cal.iso_week(ref + dt.timedelta(weeks=offset)) + "-WE", "DATE", mod)
    if unit == "day":
        d = ref + dt.timedelta(days=offset)
        return Resolution(d.isoformat(), "DATE", mod)
    if unit == "quarter":
        y, q = cal.shift_quarter(ref.year, cal.quarter_of(ref.month), offset)
        ctx.last_quarter = (y, q)
        ctx.last_quarter_at = m.start()
        return Resolution(f"{y:04d}-Q{q}", "DATE", mod)
    if unit == "decade":
        return Resolution(f"{ref.year // 10 + offset:03d}", "DATE", mod)
    if unit == "century":
        return Resolution(f"{ref.year // 100 + offset:02d}", "DATE", mod)
    code = _v()["seasons"].get(unit)
    if code:
        return Resolution(f"{_season_year(code, offset, ref):04d}-{code}", "DATE", mod)
    return None


def _season_year(code: str, offset: int, ref: dt.date) -> int:
    if offset < 0:
        return ref.year - 1
    if offset > 0:
        return ref.year if _SEASON_START[code] > ref.month else ref.year + 1
    if code == "WI" and ref.month <= 2:
        return ref.year - 1
    return ref.year


def r_season(m: re.Match, ctx: Context) -> Resolution | None:
    code = _v()["seasons"][_key(m["season"])]
    mod = _pos_mod(m["pos"])
    if m["year"]:
        year = _year_value(m["year"], ctx.ref)
        if year is None:
            return None
        return Resolution(f"{year:04d}-{code}", "DATE", mod)
    if m["the"] and re.match(r"\s+of\b", ctx.text[m.end():m.end() + 4]):
        return None  # "the fall of the city"
    if not m["the"] and not m["pos"]:
        prev = re.search(r"([A-Za-z]+)\s+$", ctx.text[max(0, m.start() - 15):m.start()])
        if not prev or prev.group(1).lower() not in _season_cues():
            return None
    if ctx.ref is None:
        return Resolution(f"XXXX-{code}", "DATE", mod)
    t = ctx.tense(m.start(), m.end())
    year = ctx.ref.year
    if t == "past" and _SEASON_START[code] > ctx.ref.month:
        year -= 1
    return Resolution(f"{year:04d}-{code}", "DATE", mod)


def r_year_season(m: re.Match, ctx: Context) -> Resolution | None:
    code = _v()["seasons"][_key(m["season"])]
    return Resolution(f"{int(m['year']):04d}-{code}", "DATE")


# ---------------------------------------------------------------- ago, durations, sets


def _unit_code(word: str) -> str:
    return _v()["units"][_key(word)]


def _number(word: str) -> float | None:
    w = _key(word)
    if w in ("a", "an", "one", "another"):
        return 1
    if w in ("a couple of", "couple of"):
        return 2
    if w in _set("vague_numbers") or w in ("several", "a few", "few", "many", "a couple of"):
        return None
    return vocab.number_value(w)


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _duration_value(n: float | None, code: str) -> str:
    """P3Y, PT24H, P10Y for decades, PXY for an unknown count."""
    count = "X" if n is None else None
    if code == "DE":
        return "PXDE" if n is None else f"P{_fmt(n * 10)}Y"
    if code == "CE":
        return "PXCE" if n is None else f"P{_fmt(n * 100)}Y"
    if code == "2W":
        return "PXW" if n is None else f"P{_fmt(n * 2)}W"
    if code.startswith("T"):
        return f"PT{count or _fmt(n)}{code[1:]}"
    return f"P{count or _fmt(n)}{code}"


def r_ago(m: re.Match, ctx: Context) -> Resolution | None:
    n = _number(m["num"])
    code = _unit_code(m["unit"])
    direction = _key(m["dir"])
    mod = _approx_mod(m["approx"])
    back = direction in ("ago", "earlier", "before", "back", "previously")
    if ctx.ref is None or code.startswith("T"):
        return Resolution(_duration_value(n, code), "DURATION", mod)
    if direction in ("earlier", "later", "before", "after"):
        anchor_day = ctx.last_day or ctx.ref
    else:
        anchor_day = ctx.ref
    if n is None:
        return Resolution("PAST_REF" if back else "FUTURE_REF", "DATE", mod)
    sign = -1 if back else 1
    k = int(n) if n == int(n) else None
    if k is None:
        return Resolution(_duration_value(n, code), "DURATION", mod)
    if code == "Y":
        if ctx.last_quarter and k == 1 and direction in ("earlier", "ago", "before") \
                and m.start() - ctx.last_quarter_at <= QUARTER_REACH:
            y, q = ctx.last_quarter
            return Resolution(f"{y - 1:04d}-Q{q}", "DATE", mod)
        return Resolution(f"{anchor_day.year + sign * k:04d}", "DATE", mod)
    if code == "DE":
        return Resolution(f"{anchor_day.year + sign * 10 * k:04d}", "DATE", mod)
    if code == "M":
        y, mo = cal.shift_months(anchor_day.year, anchor_day.month, sign * k)
        return Resolution(f"{y:04d}-{mo:02d}", "DATE", mod)
    if code == "W":
        return Resolution(cal.iso_week(anchor_day + dt.timedelta(weeks=sign * k)), "DATE", mod)
    if code == "2W":
        return Resolution(cal.iso_week(anchor_day + dt.timedelta(weeks=2 * sign * k)), "DATE", mod)
    if code == "D":
        d = anchor_day + dt.timedelta(days=sign * k)
        _note_day(ctx, d)
        return Resolution(d.isoformat(), "DATE", mod)
    if code == "Q":
        y, q = cal.shift_quarter(anchor_day.year, cal.quarter_of(anchor_day.month), sign * k)
        return Resolution(f"{y:04d}-Q{q}", "DATE", mod)
    if code == "CE":
        return Resolution(f"{(anchor_day.year + sign * 100 * k) // 100:02d}", "DATE", mod)
    return Resolution(_duration_value(n, code), "DURATION", mod)


def _title_unit(m: re.Match, group: str = "unit") -> bool:
    """True for a capitalised unit inside a name ("60 Minutes", "This Week" the TV shows)."""
    word = m[group] or ""
    return word[:1].isupper() and word[1:2].islower()


def r_duration(m: re.Match, ctx: Context) -> Resolution | None:
    raw = m["num"]
    if _title_unit(m):
        return None
    n = _number(raw)
    if n is None and _key(raw) not in _set("vague_numbers"):
        return None
    if n is not None and (n <= 0 or n > 10000):
        return None
    code = _unit_code(m["unit"])
    if code == "WE":
        return None
    if m["half"] and n is not None:
        n += 0.5
    det = _key(m["det"] or "")
    deic = _key(m["deic"] or "")
    if deic in ("first", "final") and n is None:
        return None
    if re.match(r"\s*(?:-\s*)?old\b", ctx.text[m.end():m.end() + 8]):
        return None  # ages
    key = _key(raw)
    if (key in ("recent", "the past few", "the last few") or (n is None and deic in ("past", "last"))) \
            and code == "Y":
        return Resolution("PAST_REF", "DATE")
    if key in ("coming", "the coming", "the next few") and code in ("Y", "M", "Q"):
        return Resolution("FUTURE_REF", "DATE")
    return Resolution(_duration_value(n, code), "DURATION", _approx_mod(m["approx"]) if det != "the" else "")


def r_duration_a(m: re.Match, ctx: Context) -> Resolution | None:
    code = _unit_code(m["unit"])
    det = _key(m["det"])
    unit = _key(m["unit"])
    if code == "WE":
        return None
    if unit == "second" and det in ("a", "another", "one") and \
            not re.match(r"\s*(?:[.,;:!?)]|$|(?:ago|later|earlier|longer|or|and)\b)", ctx.text[m.end():m.end() + 10]):
        return None  # "a second time", "a second round": the ordinal, not a duration
    if code == "Q" and det in ("a", "one"):
        return None
    if _rate_before(ctx, m.start()):
        return None
    n = 0.5 if m["half"] else 1
    if m["half2"]:
        n += 0.5
    return Resolution(_duration_value(n, code), "DURATION", _approx_mod(m["approx"]))


def r_duration_adj(m: re.Match, ctx: Context) -> Resolution | None:
    raw = m["num"]
    unit = m["unit"]
    if (m["tail"] or "").lower() == "-old":
        return None  # ages ("a 6-year-old boy") are not temporal expressions in TimeML
    if unit.lower().startswith("quarter") or re.match(r"-?(?:year|month|week|day)s?-old", ctx.text[m.end():m.end() + 12]):
        return None
    n = 0.5 if raw.lower() == "half" else _number(raw)
    if n is None or n <= 0:
        return None
    code = _unit_code(unit)
    if code == "WE":
        return None
    return Resolution(_duration_value(n, code), "DURATION")


def r_duration_plural(m: re.Match, ctx: Context) -> Resolution | None:
    det = _key(m["det"] or "")
    code = _unit_code(m["unit"])
    if not det:
        prev = re.search(r"([A-Za-z]+)\s+$", ctx.text[max(0, m.start() - 15):m.start()])
        if not prev or prev.group(1).lower() not in (
                "for", "in", "within", "over", "after", "took", "take", "takes", "lasted", "last", "spent", "spend"):
            return None
    if det in ("recent", "past", "the past", "the last") and code == "Y":
        return Resolution("PAST_REF", "DATE")
    if det in ("coming", "the coming", "the next", "future"):
        return Resolution("FUTURE_REF", "DATE")
    return Resolution(_duration_value(None, code), "DURATION")


def r_unit_long(m: re.Match, ctx: Context) -> Resolution | None:
    if m["unit1"]:
        return Resolution(_duration_value(1, _unit_code(m["unit1"])), "DURATION")
    return Resolution(_duration_value(None, _unit_code(m["unit"])), "DURATION")


def r_year_end(m: re.Match, ctx: Context) -> Resolution | None:
    if ctx.ref is None:
        return None
    return Resolution(f"{ctx.ref.year:04d}", "DATE", "END")


def r_time_part(m: re.Match, ctx: Context) -> Resolution | None:
    """"4 in the morning", "10 at night": a clock hour whose half of the day is named."""
    hour = int(m["hour"])
    if not 1 <= hour <= 12:
        return None
    part = m["part"].lower()
    if part == "morning":
        hour = 0 if hour == 12 else hour
    elif part == "night" and hour < 5:
        pass
    elif hour < 12:
        hour += 12
    day = ctx.last_day or ctx.ref
    if day is None:
        return Resolution(f"XXXX-XX-XXT{hour:02d}:00", "TIME")
    return Resolution(f"{day.isoformat()}T{hour:02d}:00", "TIME")


def r_daypart_mod(m: re.Match, ctx: Context) -> Resolution | None:
    """"mid-afternoon", "late morning": part of the day last mentioned (or of the reference day)."""
    day = ctx.last_day or ctx.ref
    if day is None:
        return None
    return Resolution(day.isoformat() + _part_code(m["part"]), "TIME", _pos_mod(m["pos"]))


def r_set_every(m: re.Match, ctx: Context) -> Resolution | None:
    what = m["what"]
    step = 2 if m["other"] else 1
    try:
        return Resolution(f"XXXX-WXX-{weekday_number(what)}", "SET")
    except KeyError:
        pass
    try:
        return Resolution(f"XXXX-{month_number(what):02d}", "SET")
    except KeyError:
        pass
    w = what.lower()
    seasons = _v()["seasons"]
    if w in seasons:
        return Resolution(f"XXXX-{seasons[w]}", "SET")
    codes = {"day": "D", "night": "D", "morning": "D", "evening": "D", "week": "W", "month": "M", "year": "Y",
             "quarter": "Q", "hour": "TH", "minute": "TM", "weekend": "WE", "decade": "DE", "season": "S"}
    code = codes[w]
    if code == "S":
        return Resolution("P3M", "SET")
    if code == "WE":
        return Resolution("XXXX-WXX-WE", "SET")
    return Resolution(_duration_value(step, code), "SET")


def r_set_word(m: re.Match, ctx: Context) -> Resolution | None:
    value = _v()["set_words"][_key(m["word"])]
    return Resolution(value, "SET")


def r_holiday(m: re.Match, ctx: Context) -> Resolution | None:
    rule = _lowered("holidays").get(_key(m["name"]))
    if rule is None:
        return None
    if not m["year"] and re.match(r"\s[A-Z][a-z]", ctx.text[m.end():m.end() + 3]):
        return None  # part of a name: "Christmas Clapton", "Easter Island"
    if m["year"]:
        d = cal.holiday_date(rule, int(m["year"]))
        return None if d is None else Resolution(d.isoformat(), "DATE")
    if ctx.ref is None:
        return None
    deic = (m["deic"] or "").lower()
    cands = [(d, d.toordinal()) for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1)
             if (d := cal.holiday_date(rule, y))]
    if deic == "last":
        past = [d for d, _ in cands if d < ctx.ref]
        chosen = max(past)
    elif deic == "next":
        chosen = min(d for d, _ in cands if d > ctx.ref)
    else:
        chosen = _closest(cands, ctx.ref.toordinal(), ctx.tense(m.start(), m.end()), 400)
    _note_day(ctx, chosen)
    return Resolution(chosen.isoformat(), "DATE")


def _anaphoric(unit: str, offset: int, ctx: Context, mod: str) -> Resolution | None:
    base = ctx.last_day or ctx.ref
    if base is None:
        return None
    if unit in ("day", "morning", "night", "evening", "afternoon"):
        d = base + dt.timedelta(days=offset)
        code = _part_code(unit) if unit != "day" else ""
        return Resolution(d.isoformat() + code, "TIME" if code else "DATE", mod)
    if unit == "week":
        return Resolution(cal.iso_week(base + dt.timedelta(weeks=offset)), "DATE", mod)
    if unit == "weekend":
        return Resolution(cal.iso_week(base + dt.timedelta(weeks=offset)) + "-WE", "DATE", mod)
    if unit == "month":
        y, mo = cal.shift_months(base.year, base.month, offset)
        return Resolution(f"{y:04d}-{mo:02d}", "DATE", mod)
    if unit == "year":
        return Resolution(f"{(ctx.last_year or base.year) + offset:04d}", "DATE", mod)
    return None


def r_anaphoric(m: re.Match, ctx: Context) -> Resolution | None:
    deic = _key(m["deic"])
    offset = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1, "the prior": -1}.get(deic, 0)
    return _anaphoric(_key(m["unit"]), offset, ctx, _pos_mod(m["pos"]))


def _season_cues() -> frozenset:
    return frozenset(_v()["season_cues"])


def _rate_before(ctx: Context, start: int) -> bool:
    """True when the words before `start` make "a year" a rate: "$5 a year", "twice a year", "60,000 barrels a day".

    A quantity among the few words before, with no preposition right before, marks a rate.
    """
    words = re.findall(r"\S+", ctx.text[max(0, start - 40):start])[-4:]
    if not words:
        return False
    last = words[-1].lower().strip(".,")
    if last in ("for", "in", "within", "than", "after", "over", "about", "nearly", "almost", "least", "only", "just"):
        return False
    rate_words = _set("rate_words")
    return any(any(ch.isdigit() for ch in w) or w.lower().strip(".,") in rate_words for w in words)


def r_the_unit(m: re.Match, ctx: Context) -> Resolution | None:
    """"the year", "the week", "the weekend", "the end of the year", "earlier in the year"."""
    unit = m["unit"].lower()
    mod = _pos_mod(m["pos"]) or ("START" if (m["in"] or "").lower().startswith("earlier") else
                                 "END" if m["in"] else "")
    if ctx.ref is None:
        return None
    if unit == "year":
        # "the year ended Sept. 30" is a twelve-month period; "for the year", "the full year" is this year
        if not mod and re.match(r"\s+(?:ended|ending|through|to\s+date)\b", ctx.text[m.end():m.end() + 14]):
            return Resolution("P1Y", "DURATION")
        return Resolution(f"{ctx.ref.year:04d}", "DATE", mod)
    if unit == "month":
        if not mod:
            return None
        return Resolution(f"{ctx.ref.year:04d}-{ctx.ref.month:02d}", "DATE", mod)
    if unit == "week":
        return Resolution(cal.iso_week(ctx.ref), "DATE", mod)
    # the weekend: the one before the reference in a past clause, else the coming one
    t = ctx.tense(m.start(), m.end())
    saturday = cal.weekday_on_or_after(ctx.ref, 6) if t == "future" else cal.weekday_on_or_before(ctx.ref, 6)
    return Resolution(cal.iso_week(saturday) + "-WE", "DATE", mod)


def r_ref(m: re.Match, ctx: Context) -> Resolution | None:
    word = _key(m["word"])
    value = _v()["references"][word]
    if word == "current":
        # only the adjective in front of a noun ("the current quarter" is caught by a longer rule)
        if not re.match(r"\s+[a-z]", ctx.text[m.end():m.end() + 3]):
            return None
    if word == "soon":
        prev = re.search(r"([A-Za-z]+)\s+$", ctx.text[max(0, m.start() - 12):m.start()])
        nxt = re.match(r"\s+([A-Za-z]+)", ctx.text[m.end():m.end() + 14])
        if (prev and prev.group(1).lower() in _v()["soon_not_before"]) or \
                (nxt and nxt.group(1).lower() in _v()["soon_not_after"]):
            return None
    if word in ("recent", "future"):
        if not re.match(r"\s+[a-z]", ctx.text[m.end():m.end() + 3]) and word == "recent":
            return None
    return Resolution(value, "DATE")


RESOLVERS: dict[str, Resolver] = {
    "date_mdy": r_date_md,
    "date_dmy": r_date_md,
    "date_iso": r_date_iso,
    "date_slash": r_date_slash,
    "month_year": r_month_year,
    "time": r_time,
    "time24": r_time,
    "noon": r_noon,
    "weekday": r_weekday,
    "weekday_set": r_weekday_set,
    "daypart_of": r_daypart_of,
    "month": r_month,
    "relday": r_relday,
    "daypart": r_daypart,
    "daypart_of_rel": r_daypart_of,
    "quarter": r_quarter,
    "period": r_period,
    "yearago_adj": r_yearago_adj,
    "year": r_year,
    "the_year": r_the_year,
    "decade_the": r_decade_the,
    "decade_short": r_decade_short,
    "decade_word": r_decade_word,
    "century": r_century,
    "relunit": r_relunit,
    "season": r_season,
    "year_season": r_year_season,
    "ago": r_ago,
    "duration": r_duration,
    "duration_a": r_duration_a,
    "duration_adj": r_duration_adj,
    "duration_plural": r_duration_plural,
    "unit_long": r_unit_long,
    "set_every": r_set_every,
    "set_word": r_set_word,
    "holiday": r_holiday,
    "anaphoric": r_anaphoric,
    "ref": r_ref,
    "the_unit": r_the_unit,
    "year_end": r_year_end,
    "time_part": r_time_part,
    "daypart_mod": r_daypart_mod,
}
