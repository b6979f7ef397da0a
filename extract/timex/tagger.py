"""The recognizer's driver: run every pattern near its trigger words, keep the longest non-overlapping
spans, resolve them in text order."""
from __future__ import annotations

import datetime as dt
import functools
import re

from extract.model import Timex
from extract.timex import calendar as cal
from extract.timex.patterns import LEFT, RIGHT, compiled_rule, rule_names, triggers
from extract.timex.resolve import RESOLVERS, Context

_TRIM = " \t\r\n,;:"
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_SLASH_DATE = re.compile(r"(?<![\d/])([0-3]?\d)/([0-3]?\d)/(?:\d{4}|\d\d)(?![\d/])")


def day_first(text: str) -> bool:
    """True when the document's numeric dates show day/month order (a first number above 12, none second)."""
    first = second = False
    for m in _SLASH_DATE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        first = first or (12 < a <= 31 and b <= 12)
        second = second or (12 < b <= 31 and a <= 12)
    return first and not second


@functools.cache
def _trigger_index() -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, list[str]]]:
    """Trigger word -> rule names, for lowercase words, exact-case words and digit-token kinds."""
    by_lower: dict[str, list[str]] = {}
    by_exact: dict[str, list[str]] = {}
    by_digit: dict[str, list[str]] = {"d4": [], "d12": [], "d": []}
    for name, (lower, exact, digits) in triggers().items():
        for w in lower:
            by_lower.setdefault(w, []).append(name)
        for w in exact:
            by_exact.setdefault(w, []).append(name)
        for d in digits:
            by_digit[d].append(name)
    return by_lower, by_exact, by_digit


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """rule name -> merged (start, end) windows of text around that rule's trigger words."""
    by_lower, by_exact, by_digit = _trigger_index()
    n = len(text)
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word[0].isdigit():
            names = list(by_digit["d"])
            if len(word) == 4:
                names += by_digit["d4"]
            elif len(word) <= 2:
                names += by_digit["d12"]
        else:
            names = by_exact.get(word, []) + by_lower.get(word.lower(), [])
        if not names:
            continue
        start, end = max(0, m.start() - LEFT), min(n, m.end() + RIGHT)
        for name in names:
            lst = spans.setdefault(name, [])
            if lst and start <= lst[-1][1]:
                lst[-1] = (lst[-1][0], end)
            else:
                lst.append((start, end))
    return spans


def _candidates(text: str) -> list[tuple[int, int, int, str, re.Match]]:
    """(start, end, rule index, rule name, match) for every match of every pattern near its triggers."""
    found = []
    windows = _windows(text)
    for index, name in enumerate(rule_names()):
        spans = windows.get(name)
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
        if RESOLVERS[name](m, probe) is None:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        taken.append((start, end, name, m))
    taken.sort(key=lambda t: t[0])
    ctx = Context(text=text, ref=ref, day_first=order)
    out: list[Timex] = []
    for start, end, name, m in taken:
        res = RESOLVERS[name](m, ctx)
        if res is None:
            continue
        precision = cal.precision_of(res.value) if res.type in ("DATE", "TIME") else ""
        out.append(Timex(start=start, end=end, text=text[start:end], value=res.value, type=res.type,
                         precision=precision, mod=res.mod))
    return out
