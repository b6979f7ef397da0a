"""The recognizer's driver: run every pattern, keep the longest non-overlapping spans, resolve them in order."""
from __future__ import annotations

import datetime as dt

from extract.model import Timex
from extract.timex import calendar as cal
from extract.timex.patterns import compiled
from extract.timex.resolve import RESOLVERS, Context

_TRIM = " \t\r\n,;:"


def _candidates(text: str) -> list[tuple[int, int, int, str, object]]:
    """(start, end, rule index, rule name, match) for every match of every pattern."""
    found = []
    for index, (name, pattern) in enumerate(compiled()):
        for m in pattern.finditer(text):
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
    probe = Context(text=text, ref=ref)
    taken: list[tuple[int, int, str, object]] = []
    occupied = bytearray(len(text) + 1)
    for start, end, _index, name, m in cands:
        if any(occupied[start:end]):
            continue
        if RESOLVERS[name](m, probe) is None:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        taken.append((start, end, name, m))
    taken.sort(key=lambda t: t[0])
    ctx = Context(text=text, ref=ref)
    out: list[Timex] = []
    for start, end, name, m in taken:
        res = RESOLVERS[name](m, ctx)
        if res is None:
            continue
        precision = cal.precision_of(res.value) if res.type in ("DATE", "TIME") else ""
        out.append(Timex(start=start, end=end, text=text[start:end], value=res.value, type=res.type,
                         precision=precision, mod=res.mod))
    return out
