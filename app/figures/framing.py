"""Where a time axis opens: on the span that holds the bulk of the events, not on the whole span.

A handful of old dates (a treaty of 1994 or a bomb of 1945 named in a 2024 story) would otherwise stretch
the axis over eighty years and squeeze nearly every event into a sliver at one edge. The bulk is the 2nd to
98th percentile of the events' start dates, widened by the events just beyond it (those within TAIL of the
bulk's length) and then to whole periods (days, weeks, months ...): the last few weeks of news stay on the
axis, while a lone 1945 does not. The Frame says how many events lie outside,
so a chart can say it in a note, and every time chart has a "Show all dates" switch (full=True) that opens on
the whole span instead: old events stay reachable.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from app.figures.periods import choose_period, coarsen, count_periods, period_floor, period_next

LOWER, UPPER = 0.02, 0.98  # the bulk: the events between these quantiles of the start dates
TAIL = 0.25  # events this share of the bulk's length beyond it are still on the axis
MIN_EVENTS = 5  # with fewer events every one is shown (percentiles of a handful mean nothing)
NS_PER_DAY = 86_400_000_000_000
HINT = "Switch on Show all dates to see them."  # (the page's switch; an exported image leaves this out)


@dataclass(frozen=True)
class Frame:
    """The span a time axis opens on, [start, end) in whole periods, and the events inside and out.

    framed is True when events lie outside because the axis opens on the bulk (False: every dated event is
    inside, whether there were no outliers or all dates were asked for)."""

    start: pd.Timestamp
    end: pd.Timestamp
    period: str
    total: int
    before: int
    after: int
    first: pd.Timestamp
    last: pd.Timestamp
    framed: bool

    @property
    def inside(self) -> int:
        return self.total - self.before - self.after

    @property
    def outside(self) -> int:
        return self.before + self.after

    def contains(self, starts: np.ndarray) -> np.ndarray:
        """Which of these start dates lie on the axis (missing dates do not)."""
        d = np.asarray(starts, dtype="datetime64[ns]")
        return (d >= np.datetime64(self.start, "ns")) & (d < np.datetime64(self.end, "ns"))

    def axis_range(self, pad: float = 0.0) -> list[pd.Timestamp]:
        """[start, end] of the axis, widened on both sides by pad times its length (markers at the very
        edge would be cut in half)."""
        margin = (self.end - self.start) * pad
        return [self.start - margin, self.end + margin]

    def shown_span(self) -> str:
        """The axis in words: "Feb 2022 – Jun 2025" (the last period named is the last one shown)."""
        last_day = self.end - pd.Timedelta(days=1)
        return f"{span_label(self.start, self.period)} – {span_label(last_day, self.period)}"

    def note(self) -> str:
        """What a reader needs to know about the events the axis leaves out ("" when it leaves out none)."""
        if not self.framed or self.outside == 0:
            return ""
        back = f"back to {self._far(self.first)}"
        up = f"up to {self._far(self.last)}"
        if self.before and self.after:
            off = f"{self.outside:,} are off the axis ({self.before:,} earlier, {back}; {self.after:,} later, {up})"
        elif self.before:
            off = f"{self.before:,} earlier ({back}) {'is' if self.before == 1 else 'are'} off the axis"
        else:
            off = f"{self.after:,} later ({up}) {'is' if self.after == 1 else 'are'} off the axis"
        return f"{self.inside:,} of {self.total:,} events fall in {self.shown_span()}; {off}. {HINT}"

    def _far(self, ts: pd.Timestamp) -> str:
        """An outlying date: its year when it is years away from the axis, else its month."""
        near = self.start - pd.Timedelta(days=730) <= ts <= self.end + pd.Timedelta(days=730)
        return span_label(ts, "month" if near else "year")


def span_label(ts: pd.Timestamp, period: str) -> str:
    """A date at the grain of the axis: "24 Feb 2022" (days, weeks), "Feb 2022" (months), "2022" (coarser)."""
    t = pd.Timestamp(ts)
    if period in ("day", "week"):
        return f"{t.day} {t:%b %Y}"
    if period == "month":
        return f"{t:%b %Y}"
    return str(t.year)


def _widen(start: pd.Timestamp, end: pd.Timestamp, period: str, min_periods: int) -> tuple:
    """[start, end) widened by whole periods on both sides until it holds at least min_periods periods."""
    add_after = True
    while count_periods(start, end, period) < min_periods:
        if add_after:
            end = period_next(end, period)
        else:
            start = period_floor(start - pd.Timedelta(days=1), period)
        add_after = not add_after
    return start, end


def _weighted_quantile(ns: np.ndarray, weights: np.ndarray, q: float, method: str) -> int:
    """np.quantile(np.repeat(ns, weights), q, method=method) for method "higher" or "lower", without repeating:
    ns sorted ascending, weights positive integers."""
    cum = np.cumsum(weights)
    at = q * (int(cum[-1]) - 1)
    k = int(np.ceil(at)) if method == "higher" else int(np.floor(at))
    return int(ns[np.searchsorted(cum, k, side="right")])


def frame_events(
    starts: np.ndarray | pd.Series,
    *,
    weights: np.ndarray | pd.Series | None = None,
    ends: np.ndarray | pd.Series | None = None,
    period: str | None = None,
    full: bool = False,
    min_periods: int = 1,
    max_periods: int | None = None,
) -> Frame | None:
    """The Frame of a time axis for events starting at starts (None when no event has a date).

    period: the unit the axis is widened to (the bars' period of a counting chart); None: chosen from the span.
    full: open on every event (the "Show all dates" switch). ends: when the whole span is shown, the axis
    also reaches the end of the last event (a year-long event drawn as a bar). min_periods: the axis holds at
    least this many periods (one event, or all on one day, still gets an axis a reader can place).
    max_periods: with a given period, a coarser one is used when the axis would hold more buckets than this.
    weights: how many events each start stands for (counts per day from a warehouse); the Frame is the one
    of the starts repeated that many times."""
    d = np.asarray(starts, dtype="datetime64[ns]")
    w = np.ones(len(d), dtype=np.int64) if weights is None else np.asarray(weights, dtype=np.int64)
    keep = ~np.isnat(d) & (w > 0)
    d, w = d[keep], w[keep]
    if len(d) == 0:
        return None
    order = np.argsort(d, kind="stable")
    ns, w = d[order].astype(np.int64), w[order]
    total = int(w.sum())
    first, last = pd.Timestamp(ns.min()), pd.Timestamp(ns.max())
    end_last = last
    if ends is not None:
        e = np.asarray(ends, dtype="datetime64[ns]")
        e = e[~np.isnat(e)]
        if len(e):  # an end is exclusive: the last instant drawn is just before it
            end_last = max(last, pd.Timestamp(e.astype(np.int64).max()) - pd.Timedelta(microseconds=1))

    def whole(lo: pd.Timestamp, hi: pd.Timestamp, unit: str | None) -> tuple[str, pd.Timestamp, pd.Timestamp]:
        unit = unit or choose_period(lo, hi)
        if max_periods and period:
            unit = coarsen(unit, lo, hi, max_periods)
        return unit, period_floor(lo, unit), period_next(period_floor(hi, unit), unit)

    unit, start, end = whole(first, end_last, period)
    framed = False
    if not full and total >= MIN_EVENTS:
        lo = _weighted_quantile(ns, w, LOWER, "higher")
        hi = _weighted_quantile(ns, w, UPPER, "lower")
        allow = TAIL * max(hi - lo, NS_PER_DAY)
        lo_edge = int(ns[ns >= lo - allow].min())  # the tail events close to the bulk stay on the axis
        hi_edge = int(ns[ns <= hi + allow].max())
        cut_start, cut_end = ns.min() < lo_edge, ns.max() > hi_edge
        if cut_start or cut_end:
            lo_ts = pd.Timestamp(lo_edge) if cut_start else first
            hi_ts = pd.Timestamp(hi_edge) if cut_end else end_last
            unit, start, end = whole(lo_ts, hi_ts, period)
            framed = True
    start, end = _widen(start, end, unit, min_periods)
    before = int(w[ns < start.value].sum())
    after = int(w[ns >= end.value].sum())
    return Frame(start, end, unit, total, before, after, first, last, framed and before + after > 0)
