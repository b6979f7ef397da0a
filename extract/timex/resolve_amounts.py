"""Resolvers for amounts of time and what is counted from them: "two days ago", durations ("three
years", "two-year"), sets ("every Friday", "daily") and references ("now", "recently")."""

from __future__ import annotations

import datetime as dt
import re

from extract.timex import calendar as cal
from extract.timex import vocab
from extract.timex.context import (
    Context,
    Resolution,
    approx_mod,
    month_number,
    norm,
    note_day,
    title_unit,
    voc,
    weekday_number,
    word_set,
)

QUARTER_REACH = 400  # "a year earlier" means the quarter spoken of within the last few sentences, if any


def _unit_code(word: str) -> str:
    return voc()["units"][norm(word)]


def _number(word: str) -> float | None:
    w = norm(word)
    if w in ("a", "an", "one", "another"):
        return 1
    if w in ("a couple of", "couple of"):
        return 2
    if w in word_set("vague_numbers") or w in ("several", "a few", "few", "many", "a couple of"):
        return None
    return vocab.number_value(w)


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


# a fraction of a unit written in the next smaller unit, as TimeML does: 2 1/2 years -> P2Y6M
_SMALLER = {"Y": ("M", 12, ""), "D": ("H", 24, "T"), "TH": ("M", 60, ""), "TM": ("S", 60, "")}


def _fractional(n: float, code: str) -> str | None:
    """P2Y6M, P1DT12H, PT5H30M, PT1M30S for a count with a fraction; None when it does not come out whole."""
    if code not in _SMALLER:
        return None
    whole = int(n)
    unit, factor, sep = _SMALLER[code]
    rest = (n - whole) * factor
    if abs(rest - round(rest)) > 1e-9:
        return None
    head = f"{whole}{code[-1]}" if whole else ""
    if code.startswith("T"):
        return f"PT{head}{round(rest)}{unit}"
    return f"P{head}{sep}{round(rest)}{unit}"


def _duration_value(n: float | None, code: str) -> str:
    """P3Y, PT24H, P10Y for decades, PXY for an unknown count, P2Y6M for two and a half years."""
    if n is not None and n != int(n):
        fractional = _fractional(n, code)
        if fractional:
            return fractional
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
    direction = norm(m["dir"])
    mod = approx_mod(m["approx"])
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
        if (
            ctx.last_quarter
            and k == 1
            and direction in ("earlier", "ago", "before")
            and m.start() - ctx.last_quarter_at <= QUARTER_REACH
        ):
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
        note_day(ctx, d)
        return Resolution(d.isoformat(), "DATE", mod)
    if code == "Q":
        y, q = cal.shift_quarter(anchor_day.year, cal.quarter_of(anchor_day.month), sign * k)
        return Resolution(f"{y:04d}-Q{q}", "DATE", mod)
    if code == "CE":
        return Resolution(f"{(anchor_day.year + sign * 100 * k) // 100:02d}", "DATE", mod)
    return Resolution(_duration_value(n, code), "DURATION", mod)


def r_duration(m: re.Match, ctx: Context) -> Resolution | None:
    raw = m["num"]
    if title_unit(m):
        return None
    n = _number(raw)
    if n is None and norm(raw) not in word_set("vague_numbers"):
        return None
    if n is not None and (n <= 0 or n > 10000):
        return None
    code = _unit_code(m["unit"])
    if code == "WE":
        return None
    if m["half"] and n is not None:
        n += 0.5
    det = norm(m["det"] or "")
    deic = norm(m["deic"] or "")
    if deic in ("first", "final") and n is None:
        return None
    if re.match(r"\s*(?:-\s*)?old\b", ctx.text[m.end() : m.end() + 8]):
        return None  # ages
    key = norm(raw)
    if (key in ("recent", "the past few", "the last few") or (n is None and deic in ("past", "last"))) and code == "Y":
        return Resolution("PAST_REF", "DATE")
    if key in ("coming", "the coming", "the next few") and code in ("Y", "M", "Q"):
        return Resolution("FUTURE_REF", "DATE")
    return Resolution(_duration_value(n, code), "DURATION", approx_mod(m["approx"]) if det != "the" else "")


def r_duration_a(m: re.Match, ctx: Context) -> Resolution | None:
    code = _unit_code(m["unit"])
    det = norm(m["det"])
    unit = norm(m["unit"])
    if code == "WE":
        return None
    if (
        unit == "second"
        and det in ("a", "another", "one")
        and not re.match(r"\s*(?:[.,;:!?)]|$|(?:ago|later|earlier|longer|or|and)\b)", ctx.text[m.end() : m.end() + 10])
    ):
        return None  # "a second time", "a second round": the ordinal, not a duration
    if code == "Q" and det in ("a", "one"):
        return None
    if _rate_before(ctx, m.start()):
        return None
    n = 0.5 if m["half"] or m["halfa"] else 1
    if m["half2"]:
        n += 0.5
    return Resolution(_duration_value(n, code), "DURATION", approx_mod(m["approx"]))


def r_duration_adj(m: re.Match, ctx: Context) -> Resolution | None:
    raw = m["num"]
    unit = m["unit"]
    if (m["tail"] or "").lower() == "-old":
        return None  # ages ("a 6-year-old boy") are not temporal expressions in TimeML
    if unit.lower().startswith("quarter") or re.match(
        r"-?(?:year|month|week|day)s?-old", ctx.text[m.end() : m.end() + 12]
    ):
        return None
    n = 0.5 if raw.lower() == "half" else _number(raw)
    if n is None or n <= 0:
        return None
    code = _unit_code(unit)
    if code == "WE":
        return None
    return Resolution(_duration_value(n, code), "DURATION")


def r_duration_plural(m: re.Match, ctx: Context) -> Resolution | None:
    det = norm(m["det"] or "")
    code = _unit_code(m["unit"])
    if not det:
        prev = re.search(r"([A-Za-z]+)\s+$", ctx.text[max(0, m.start() - 15) : m.start()])
        if not prev or prev.group(1).lower() not in (
            "for",
            "in",
            "within",
            "over",
            "after",
            "took",
            "take",
            "takes",
            "lasted",
            "last",
            "spent",
            "spend",
        ):
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
    seasons = voc()["seasons"]
    if w in seasons:
        return Resolution(f"XXXX-{seasons[w]}", "SET")
    codes = {
        "day": "D",
        "night": "D",
        "morning": "D",
        "evening": "D",
        "week": "W",
        "month": "M",
        "year": "Y",
        "quarter": "Q",
        "hour": "TH",
        "minute": "TM",
        "weekend": "WE",
        "decade": "DE",
        "season": "S",
    }
    code = codes[w]
    if code == "S":
        return Resolution("P3M", "SET")
    if code == "WE":
        return Resolution("XXXX-WXX-WE", "SET")
    return Resolution(_duration_value(step, code), "SET")


def r_set_word(m: re.Match, ctx: Context) -> Resolution | None:
    value = voc()["set_words"][norm(m["word"])]
    return Resolution(value, "SET")


def _rate_before(ctx: Context, start: int) -> bool:
    """True when the words before `start` make "a year" a rate: "$5 a year", "twice a year", "60,000 barrels a day".

    A quantity among the few words before, with no preposition right before, marks a rate.
    """
    words = re.findall(r"\S+", ctx.text[max(0, start - 40) : start])[-4:]
    if not words:
        return False
    last = words[-1].lower().strip(".,")
    if last in ("for", "in", "within", "than", "after", "over", "about", "nearly", "almost", "least", "only", "just"):
        return False
    rate_words = word_set("rate_words")
    return any(any(ch.isdigit() for ch in w) or w.lower().strip(".,") in rate_words for w in words)


def r_ref(m: re.Match, ctx: Context) -> Resolution | None:
    word = norm(m["word"])
    value = voc()["references"][word]
    if word == "current":
        # only the adjective in front of a noun ("the current quarter" is caught by a longer rule)
        if not re.match(r"\s+[a-z]", ctx.text[m.end() : m.end() + 3]):
            return None
    if word == "soon":
        prev = re.search(r"([A-Za-z]+)\s+$", ctx.text[max(0, m.start() - 12) : m.start()])
        nxt = re.match(r"\s+([A-Za-z]+)", ctx.text[m.end() : m.end() + 14])
        if (prev and prev.group(1).lower() in voc()["soon_not_before"]) or (
            nxt and nxt.group(1).lower() in voc()["soon_not_after"]
        ):
            return None
    if word in ("recent", "future"):
        if not re.match(r"\s+[a-z]", ctx.text[m.end() : m.end() + 3]) and word == "recent":
            return None
    return Resolution(value, "DATE")
