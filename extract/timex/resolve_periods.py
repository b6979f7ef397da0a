"""Resolvers for coarser calendar periods: months, quarters and halves, years, decades, centuries,
seasons, and deictic periods ("last year", "this week", "the end of the year")."""

from __future__ import annotations

import datetime as dt
import re

from extract.timex import calendar as cal
from extract.timex.context import (
    Context,
    Resolution,
    cue_before,
    month_number,
    norm,
    ordinal,
    pos_mod,
    resolve_month,
    resolve_month_day,
    title_unit,
    voc,
    word_set,
    year_value,
)
from extract.timex.resolve_days import anaphoric_shift


def r_month_year(m: re.Match, ctx: Context) -> Resolution | None:
    month = month_number(m["mon"])
    if m["year"]:
        year = year_value(m["year"], ctx.ref)
    else:
        if ctx.ref is None:
            return None
        deic = norm(m["deic"])
        if deic in ("this", "last", "next"):
            year = ctx.ref.year + {"this": 0, "last": -1, "next": 1}[deic]
        else:  # that year, the following year: after the year last spoken of
            base = ctx.last_year or ctx.ref.year
            year = base + {"the following": 1, "the previous": -1}.get(deic, 0)
    if year is None:
        return None
    return Resolution(f"{year:04d}-{month:02d}", "DATE", pos_mod(m["pos"]))


def r_month(m: re.Match, ctx: Context) -> Resolution | None:
    word = m["mon"]
    bare = word.rstrip(".")
    month = month_number(word)
    deic = (m["deic"] or "").lower()
    if not deic and not m["pos"]:
        if len(bare) < 3 or (
            bare.lower() in [a.lower() for a in voc()["ambiguous_months"]] and not cue_before(ctx, m.start())
        ):
            return None
        if len(bare) <= 4 and bare not in ("June", "July") and not word.endswith("."):
            # a bare abbreviation ("Dec", "Mar") without a day is rarely a date, and one in capitals is an acronym
            # or a heading's word ("the DEC appeal": the Disasters Emergency Committee; "OBAMA MAY VISIT")
            if not cue_before(ctx, m.start()) or bare.isupper():
                return None
        # a capitalised word right before (a name: "Theresa May", "Billy June")
        prev = re.search(r"([A-Z][a-z]+)\s+$", ctx.text[max(0, m.start() - 30) : m.start()])
        if prev and prev.group(1).lower() not in word_set("date_cues") | {"in", "since", "until", "by"}:
            if prev.group(1) not in voc()["months"] and prev.group(1) not in ("Early", "Late", "Mid", "Last", "Next"):
                return None
        # a capitalised word right after (a first name: "Jan Kavan", "April Ryan", "June Carter")
        nxt = re.match(r"\s([A-Z][a-z]+)", ctx.text[m.end() : m.end() + 20])
        if nxt and nxt.group(1) not in voc()["weekdays"] and nxt.group(1).lower() not in word_set("date_cues"):
            return None
    mod = pos_mod(m["pos"])
    if ctx.ref is None:
        return Resolution(f"XXXX-{month:02d}", "DATE", mod)
    if deic in ("last", "past"):
        year = ctx.ref.year if month < ctx.ref.month else ctx.ref.year - 1
    elif deic in ("next", "coming"):
        year = ctx.ref.year if month > ctx.ref.month else ctx.ref.year + 1
    elif deic == "this":
        year = ctx.ref.year
    else:
        year = resolve_month(month, ctx, m)
    return Resolution(f"{year:04d}-{month:02d}", "DATE", mod)


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
    n = ordinal(m["ord"])
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
    adj = norm(m["adj"] or "")
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
    det = norm(m["det"])
    adj = norm(m["adj"] or "")
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
    elif (
        adj in ("year-ago", "year-earlier", "year-before", "comparable", "corresponding", "prior-year")
        or m["ly"]
        or det.startswith("last year")
    ):
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
    return resolve_month_day(month, int(after.group(2)), ctx, m)


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
    after = text[end : end + 20]
    nxt = re.match(r"\s*([A-Za-z%]+|%)", after)
    if nxt and nxt.group(1).lower() in word_set("not_year_after"):
        return False
    # "2000 residents fled": a count before a plural noun, unless a date word introduces it ("in 1990 elections")
    plural = re.match(r" ([a-z]{3,}s)\b", after)
    if plural and not plural.group(1).endswith("ss") and not cue_before(ctx, start):
        return False
    before = text[max(0, start - 12) : start]
    prev = re.search(r"(\S+)\s*$", before)
    if prev and (prev.group(1) in word_set("not_year_before") or prev.group(1)[-1:] in "$#£€¥"):
        return False
    if re.match(r"\s*[-–]\s*\d", after) and not re.match(r"\s*[-–]\s*(?:\d\d\b|\d{4}\b)", after):
        return False
    if year < 1000 or year > 2100:
        return False
    if year < 1800 and not cue_before(ctx, start):
        return False
    return True


def r_year(m: re.Match, ctx: Context) -> Resolution | None:
    if not _year_ok(m, ctx):
        return None
    year = year_value(m["year"], ctx.ref)
    if year is None:
        return None
    mod = pos_mod(m["pos"])
    if m["s"]:
        if year % 10:
            return None
        return Resolution(f"{year // 10:03d}", "DATE", mod)
    return Resolution(f"{year:04d}", "DATE", mod)


def r_decade_the(m: re.Match, ctx: Context) -> Resolution | None:
    return Resolution(m["year"][:3], "DATE", pos_mod(m["pos"]))


def r_the_year(m: re.Match, ctx: Context) -> Resolution | None:
    year = year_value(m["year"], ctx.ref)
    return None if year is None else Resolution(f"{year:04d}", "DATE")


def r_decade_short(m: re.Match, ctx: Context) -> Resolution | None:
    digit = int(m["dec"])
    base = ctx.ref.year if ctx.ref else 1999
    century = base // 100 if digit * 10 <= base % 100 else base // 100 - 1
    return Resolution(f"{century:02d}{digit}", "DATE", pos_mod(m["pos"]))


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def r_decade_word(m: re.Match, ctx: Context) -> Resolution | None:
    if not m["the"] and not m["pos"]:
        return None
    digit = _DECADE_WORDS[m["dec"].lower()]
    base = ctx.ref.year if ctx.ref else 1999
    century = base // 100 if digit * 10 <= base % 100 else base // 100 - 1
    return Resolution(f"{century:02d}{digit}", "DATE", pos_mod(m["pos"]))


def r_century(m: re.Match, ctx: Context) -> Resolution | None:
    raw = norm(m["n"])
    n = ordinal(raw) if not raw[:1].isdigit() else int(re.match(r"\d+", raw).group())
    words = {"twentieth": 20, "nineteenth": 19, "twenty-first": 21, "eighteenth": 18}
    n = words.get(raw, n)
    if not n:
        return None
    return Resolution(f"{n - 1:02d}", "DATE", pos_mod(m["pos"]))


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def r_relunit(m: re.Match, ctx: Context) -> Resolution | None:
    if title_unit(m):
        return None
    deic = norm(m["deic"])
    unit = norm(m["unit"])
    offset = voc()["deictic"][deic]
    mod = pos_mod(m["pos"])
    duration_words = ("the past", "the last", "past", "the next", "the coming", "the previous", "the following")
    if deic in duration_words and unit in ("year", "month", "week", "day", "decade", "century", "quarter", "weekend"):
        if deic in ("the following", "the previous", "the next") and unit in ("day", "week", "month", "year"):
            return anaphoric_shift(unit, 1 if deic in ("the following", "the next") else -1, ctx, mod)
        code = {
            "year": "1Y",
            "month": "1M",
            "week": "1W",
            "day": "1D",
            "decade": "10Y",
            "century": "100Y",
            "quarter": "1Q",
            "weekend": "1WE",
        }[unit]
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
    code = voc()["seasons"].get(unit)
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
    code = voc()["seasons"][norm(m["season"])]
    mod = pos_mod(m["pos"])
    if m["year"]:
        year = year_value(m["year"], ctx.ref)
        if year is None:
            return None
        return Resolution(f"{year:04d}-{code}", "DATE", mod)
    if m["the"] and re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4]):
        return None  # "the fall of the city"
    if not m["the"] and not m["pos"]:
        prev = re.search(r"([A-Za-z]+)\s+$", ctx.text[max(0, m.start() - 15) : m.start()])
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
    code = voc()["seasons"][norm(m["season"])]
    return Resolution(f"{int(m['year']):04d}-{code}", "DATE")


def r_year_end(m: re.Match, ctx: Context) -> Resolution | None:
    if ctx.ref is None:
        return None
    return Resolution(f"{ctx.ref.year:04d}", "DATE", "END")


def _season_cues() -> frozenset:
    return frozenset(voc()["season_cues"])


def r_the_unit(m: re.Match, ctx: Context) -> Resolution | None:
    """ "the year", "the week", "the weekend", "the end of the year", "earlier in the year"."""
    unit = m["unit"].lower()
    mod = pos_mod(m["pos"]) or ("START" if (m["in"] or "").lower().startswith("earlier") else "END" if m["in"] else "")
    if ctx.ref is None:
        return None
    if unit == "year":
        # "the year ended Sept. 30" is a twelve-month period; "for the year", "the full year" is this year
        if not mod and re.match(r"\s+(?:ended|ending|through|to\s+date)\b", ctx.text[m.end() : m.end() + 14]):
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
