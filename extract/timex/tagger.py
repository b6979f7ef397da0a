"""The recognizer's driver: run every pattern near its trigger words, keep the longest non-overlapping
spans, resolve them in text order."""

from __future__ import annotations

import datetime as dt
import functools
import re

from extract.model import Timex
from extract.timex import calendar as cal
from extract.timex.patterns import LEFT, RIGHT, compiled_rule, rule_names, triggers
from extract.timex.resolve import RESOLVERS, Context, Resolution

_TRIM = " \t\r\n,;:"
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_SLASH_DATE = re.compile(r"(?<![\d/])([0-3]?\d)/([0-3]?\d)/(?:\d{4}|\d\d)(?![\d/])")
# A slash between two digits, which every numeric date holds: searched from the slash (a literal the regex engine
# skips to), while _SLASH_DATE, opening with a look-behind, is tried at every character of the text.
_DIGIT_SLASH = re.compile(r"/(?<=\d/)\d")


def day_first(text: str) -> bool:
    """True when the document's numeric dates show day/month order (a first number above 12, none second)."""
    if _DIGIT_SLASH.search(text) is None:
        return False
    first = second = False
    for m in _SLASH_DATE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        first = first or (12 < a <= 31 and b <= 12)
        second = second or (12 < b <= 31 and a <= 12)
    return first and not second


@functools.cache
def _trigger_tables() -> tuple[
    dict[str, tuple[int, ...]], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]], dict[str, int]
]:
    """Lookup tables from a token to the trigger groups it opens a window for.

    Rules with the same triggers share a group (one set of windows). Returns (exact-case word -> groups,
    lowercase word -> groups, digit-token kind -> groups, rule name -> group).
    """
    groups: dict[tuple, int] = {}
    rule_group: dict[str, int] = {}
    for name, key in triggers().items():
        rule_group[name] = groups.setdefault(key, len(groups))
    lower: dict[str, set[int]] = {}
    exact: dict[str, set[int]] = {}
    digit: dict[str, set[int]] = {"d4": set(), "d12": set(), "d": set()}
    for (low_words, exact_words, digit_kinds), g in groups.items():
        for w in low_words:
            lower.setdefault(w, set()).add(g)
        for w in exact_words:
            exact.setdefault(w, set()).add(g)
        for d in digit_kinds:
            digit[d].add(g)
    # an exact-case word also opens the windows of its lowercase form
    exact_t = {w: tuple(sorted(gs | lower.get(w.lower(), set()))) for w, gs in exact.items()}
    lower_t = {w: tuple(sorted(gs)) for w, gs in lower.items()}
    digit_t = {
        "d4": tuple(sorted(digit["d"] | digit["d4"])),
        "d12": tuple(sorted(digit["d"] | digit["d12"])),
        "d": tuple(sorted(digit["d"])),
    }
    return exact_t, lower_t, digit_t, rule_group


@functools.lru_cache(maxsize=1 << 16)
def _word_groups(word: str) -> tuple[tuple[int, ...] | None, tuple[int, ...] | None]:
    """The trigger groups a token of _TOKEN opens windows for, as _windows reads them: (its groups, the groups it
    adds right after a hyphen, "-year"). Cached per word (words repeat): _windows looks at every token of the
    text, and most open none."""
    exact, lower, digit, _ = _trigger_tables()
    if word[0] <= "9":
        size = len(word)
        return (digit["d4"] if size == 4 else digit["d12"] if size <= 2 else digit["d"]), None
    low = word.lower()
    return exact.get(word) or lower.get(low), lower.get("-" + low)


def _windows(text: str) -> tuple[list[list[tuple[int, int]]], dict[str, int]]:
    """Merged (start, end) windows of text around trigger words, per trigger group; and rule -> group."""
    rule_group = _trigger_tables()[3]
    n = len(text)
    spans: list[list[tuple[int, int]]] = [[] for _ in range(max(rule_group.values()) + 1)]
    for m in _TOKEN.finditer(text):
        groups, after_hyphen = _word_groups(m.group())
        if after_hyphen:
            start = m.start()
            if start and text[start - 1] == "-":
                groups = (groups or ()) + after_hyphen
        if not groups:
            continue
        start, end = m.start() - LEFT, m.end() + RIGHT
        if start < 0:
            start = 0
        if end > n:
            end = n
        for g in groups:
            lst = spans[g]
            if lst and start <= lst[-1][1]:
                lst[-1] = (lst[-1][0], end)
            else:
                lst.append((start, end))
    return spans, rule_group


def _candidates(text: str) -> list[tuple[int, int, int, str, re.Match]]:
    """(start, end, rule index, rule name, match) for every match of every pattern near its triggers."""
    found = []
    windows, rule_group = _windows(text)
    for index, name in enumerate(rule_names()):
        spans = windows[rule_group[name]]
        if not spans:
            continue
        pattern = compiled_rule(name)
        for ws, we in spans:
            for m in pattern.finditer(text, ws, we):
                start, end = m.span()
                while end > start and text[end - 1] in _TRIM:
                    end -= 1
                if end > start:
                    found.append((start, end, index, name, m))
    return found


def _resolve(name: str, m: re.Match, ctx: Context) -> Resolution | None:
    """Run a rule's resolver; a date pushed outside the calendar (year 0, year 10000) is no expression."""
    try:
        return RESOLVERS[name](m, ctx)
    except (ValueError, OverflowError):
        return None


def tag_text(text: str, ref: dt.date | None) -> list[Timex]:
    """Temporal expressions of `text` resolved against `ref` (None: relative ones are left out)."""
    if not text:
        return []
    cands = _candidates(text)
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    order = day_first(text) if "/" in text else False
    probe = Context(text=text, ref=ref, day_first=order)
    taken: list[tuple[int, int, str, re.Match]] = []
    occupied = bytearray(len(text) + 1)
    for start, end, _index, name, m in cands:
        if any(occupied[start:end]):
            continue
        if _resolve(name, m, probe) is None:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        taken.append((start, end, name, m))
    taken.sort(key=lambda t: t[0])
    ctx = Context(text=text, ref=ref, day_first=order, _tense=probe._tense)  # (the clause tenses read already)
    out: list[Timex] = []
    for start, end, name, m in taken:
        res = _resolve(name, m, ctx)
        if res is None:
            continue
        if res.type in ("DATE", "TIME") and res.value[:4].isdigit():
            ctx.last_year = int(res.value[:4])
        precision = cal.precision_of(res.value) if res.type in ("DATE", "TIME") else ""
        out.append(
            Timex(
                start=start,
                end=end,
                text=text[start:end],
                value=res.value,
                type=res.type,
                precision=precision,
                mod=res.mod,
            )
        )
    return out
