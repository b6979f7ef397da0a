"""Resolvers for day-level expressions: calendar dates, clock times, weekdays, yesterday/today/tomorrow,
parts of the day, holidays, and days told relative to the last date mentioned ("the following day")."""

from __future__ import annotations

import datetime as dt
import re

from extract.timex import calendar as cal
from extract.timex.context import (
    Context,
    Resolution,
    closest,
    lowered,
    month_number,
    norm,
    note_day,
    part_code,
    pos_mod,
    resolve_month_day,
    voc,
    weekday_number,
    year_value,
)


def r_date_md(m: re.Match, ctx: Context) -> Resolution | None:
    month = month_number(m["mon"])
    day = int(re.match(r"\d+", m["day"]).group())
    if m["year"]:
        year = year_value(m["year"], ctx.ref)
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
            fits = [
                c
                for y in range(ctx.ref.year - 6, ctx.ref.year + 7)
                if (c := cal.safe_date(y, month, day)) and c.isoweekday() == weekday
            ]
            if fits:
                d = min(fits, key=lambda c: abs(c.toordinal() - ctx.ref.toordinal()))
        if d is None:
            d = _named_day(month, day, ctx, m)
        if d is None:
            d = resolve_month_day(month, day, ctx, m)
        if d is None:
            if cal.safe_date(2000, month, day) is None:
                return None
            return Resolution(f"XXXX-{month:02d}-{day:02d}", "DATE")
    note_day(ctx, d)
    return Resolution(d.isoformat(), "DATE")


def _named_day(month: int, day: int, ctx: Context, m: re.Match) -> dt.date | None:
    """The date of a happening a day without a year names ([named_days] of vocab.toml: "the September 11 attacks",
    "the lessons of September 11"), when the reference is later and a word of it stands after or right before the
    day; else None."""
    spec = voc().get("named_days", {})
    iso = spec.get("days", {}).get(f"{month:02d}-{day:02d}")
    if iso is None or ctx.ref is None:
        return None
    named = dt.date.fromisoformat(iso)
    if ctx.ref <= named:
        return None
    after = re.findall(r"[A-Za-z]+", ctx.text[m.end() : m.end() + 30].lower())[:2]
    before = re.findall(r"[A-Za-z]+-?", ctx.text[max(0, m.start() - 12) : m.start()].lower())
    if any(w in spec.get("nouns", ()) for w in after) or (before and before[-1] in spec.get("before", ())):
        return named
    return None


def r_date_iso(m: re.Match, ctx: Context) -> Resolution | None:
    d = cal.safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    if d is None:
        return None
    note_day(ctx, d)
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
    note_day(ctx, d)
    return Resolution(d.isoformat(), "DATE")


def _anchor_day(m: re.Match, ctx: Context) -> dt.date | None:
    """The day a clock time or day part belongs to: a named weekday, yesterday/today, or the last day mentioned."""
    wd = m.groupdict().get("wd")
    if wd:
        if ctx.ref is None:
            return None
        return weekday_date(weekday_number(wd), None, ctx, m)
    rel = m.groupdict().get("rel")
    if rel:
        if ctx.ref is None:
            return None
        return ctx.ref + dt.timedelta(days=voc()["relative_days"][norm(rel)])
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
            day = resolve_month_day(month, dnum, ctx, m)
        if day is None:
            return None
        note_day(ctx, day)
    else:
        day = _anchor_day(m, ctx)
    clock = f"T{hour:02d}:{minute:02d}"
    if day is None:
        return Resolution(f"XXXX-XX-XX{clock}", "TIME")
    return Resolution(f"{day.isoformat()}{clock}", "TIME")


def r_noon(m: re.Match, ctx: Context) -> Resolution | None:
    day = _anchor_day(m, ctx)
    clock = voc()["day_parts"][norm(m["word"])]
    if day is None:
        return Resolution(f"XXXX-XX-XXT{clock}", "TIME")
    if clock == "24:00":
        return Resolution(f"{day.isoformat()}T24:00", "TIME")
    return Resolution(f"{day.isoformat()}T{clock}", "TIME")


def weekday_date(weekday: int, deic: str | None, ctx: Context, m: re.Match) -> dt.date:
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
    if ctx.tense(m.start(), m.end()) in ("future", "schedule"):  # "meets Obama on Wednesday": the coming one
        return cal.weekday_on_or_after(ref, weekday)
    return cal.weekday_on_or_before(ref, weekday)


def r_weekday(m: re.Match, ctx: Context) -> Resolution | None:
    weekday = weekday_number(m["wd"])
    part = part_code(m["part"])
    if ctx.ref is None:
        return Resolution(f"XXXX-WXX-{weekday}{part}", "DATE")
    d = weekday_date(weekday, m["deic"], ctx, m)
    note_day(ctx, d)
    # news annotation gives "Friday morning" the day's value: the part of day adds no calendar precision
    return Resolution(d.isoformat(), "DATE", pos_mod(m["pos"]))


def r_weekday_set(m: re.Match, ctx: Context) -> Resolution | None:
    weekday = weekday_number(m["wd"])
    part = ""
    plural_part = m["part"] or m["part2"]
    if plural_part:
        part = part_code(plural_part[:-1])
    return Resolution(f"XXXX-WXX-{weekday}{part}", "SET")


def r_relday(m: re.Match, ctx: Context) -> Resolution | None:
    if ctx.ref is None:
        return None
    key = norm(m["rel"])
    d = ctx.ref + dt.timedelta(days=voc()["relative_days"][key])
    note_day(ctx, d)
    part = m.groupdict().get("part")
    code = part_code(part)
    if key == "tonight" and not code:
        return Resolution(d.isoformat() + "TNI", "TIME", pos_mod(m["pos"]))
    return Resolution(d.isoformat() + code, "TIME" if code else "DATE", pos_mod(m.groupdict().get("pos")))


def r_daypart(m: re.Match, ctx: Context) -> Resolution | None:
    if ctx.ref is None:
        return None
    deic = norm(m["deic"])
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
    code = part_code(m["part"])
    return Resolution(d.isoformat() + code, "TIME", pos_mod(m["pos"]))


def r_daypart_of(m: re.Match, ctx: Context) -> Resolution | None:
    day = _anchor_day(m, ctx)
    code = part_code(m["part"])
    if day is None:
        return None
    return Resolution(day.isoformat() + code, "TIME")


def r_time_part(m: re.Match, ctx: Context) -> Resolution | None:
    """ "4 in the morning", "10 at night": a clock hour whose half of the day is named."""
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
    """ "mid-afternoon", "late morning": part of the day last mentioned (or of the reference day)."""
    day = ctx.last_day or ctx.ref
    if day is None:
        return None
    return Resolution(day.isoformat() + part_code(m["part"]), "TIME", pos_mod(m["pos"]))


def r_holiday(m: re.Match, ctx: Context) -> Resolution | None:
    rule = lowered("holidays").get(norm(m["name"]))
    if rule is None:
        return None
    if not m["year"] and re.match(r"\s[A-Z][a-z]", ctx.text[m.end() : m.end() + 3]):
        return None  # part of a name: "Christmas Clapton", "Easter Island"
    if m["year"]:
        d = cal.holiday_date(rule, int(m["year"]))
        return None if d is None else Resolution(d.isoformat(), "DATE")
    if ctx.ref is None:
        return None
    deic = (m["deic"] or "").lower()
    cands = [
        (d, d.toordinal())
        for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1)
        if (d := cal.holiday_date(rule, y))
    ]
    if deic == "last":
        past = [d for d, _ in cands if d < ctx.ref]
        chosen = max(past)
    elif deic == "next":
        chosen = min(d for d, _ in cands if d > ctx.ref)
    else:
        chosen = closest(cands, ctx.ref.toordinal(), ctx.tense(m.start(), m.end()), 400)
    note_day(ctx, chosen)
    return Resolution(chosen.isoformat(), "DATE")


def anaphoric_shift(unit: str, offset: int, ctx: Context, mod: str) -> Resolution | None:
    base = ctx.last_day or ctx.ref
    if base is None:
        return None
    if unit in ("day", "morning", "night", "evening", "afternoon"):
        d = base + dt.timedelta(days=offset)
        code = part_code(unit) if unit != "day" else ""
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
    deic = norm(m["deic"])
    offset = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1, "the prior": -1}.get(deic, 0)
    return anaphoric_shift(norm(m["unit"]), offset, ctx, pos_mod(m["pos"]))


def r_week_of(m: re.Match, ctx: Context) -> Resolution | None:
    """ "the week of March 6": the ISO week holding that date."""
    month, day = month_number(m["mon"]), int(re.match(r"\d+", m["day"]).group())
    if m["year"]:
        d = cal.safe_date(int(m["year"]), month, day)
    else:
        d = resolve_month_day(month, day, ctx, m)
    return None if d is None else Resolution(cal.iso_week(d), "DATE")
