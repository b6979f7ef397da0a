"""Events out of the store: CSV, JSON lines, Parquet and TimelineJS JSON.

export_events(df, fmt) -> bytes. write_events(frames, fmt, fh) -> rows: the same formats written batch by batch
(a warehouse's export, never held whole). df is an events table (all columns or a subset; extra columns are
kept). CSV, JSON lines and Parquet are written by core.serialize, the same serializers `extract events`
uses (lists "; "-joined in CSV, arrays in JSON lines, list<string> in Parquet; days "2024-03-05", times
in UTC "2024-03-07T09:00:00+00:00"); TimelineJS is written here.
"""

from __future__ import annotations

import html
import json

import numpy as np
import pandas as pd

from core.serialize import LIST_SEP, parquet_table, to_csv, to_jsonl, to_parquet

__all__ = [
    "FORMATS",
    "LIST_SEP",
    "export_events",
    "timeline_event",
    "to_csv",
    "to_jsonl",
    "to_parquet",
    "to_timelinejs",
    "write_events",
]

FORMATS = ("csv", "jsonl", "parquet", "timelinejs")
# A TimelineJS file is a story a browser shows slide by slide: a streamed export stops past this many events.
TIMELINEJS_MAX = 10_000


def _is_list(v) -> bool:
    return isinstance(v, (list, tuple, np.ndarray))


def _tl_date(ts, precision: str) -> dict | None:
    if ts is None or pd.isna(ts):
        return None
    d = {"year": str(ts.year)}
    if precision in ("minute", "day", "week", "month", "quarter", "season"):
        d["month"] = str(ts.month)
    if precision in ("minute", "day", "week"):
        d["day"] = str(ts.day)
    return d


def _text(row: dict, key: str) -> str:
    v = row.get(key)
    return "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)


def timeline_event(row: dict) -> dict | None:
    """One TimelineJS slide from an event row; None when the event has no date. All text is HTML-escaped."""
    precision = _text(row, "date_precision") or "day"
    start = _tl_date(row.get("date_start"), precision)
    if start is None:
        return None
    headline = _text(row, "summary") or _text(row, "sentence")[:140] or _text(row, "event_type")
    parts = []
    sentence = _text(row, "sentence")
    if sentence:
        parts.append(f"<p>{html.escape(sentence)}</p>")
    sources = row.get("sources")
    outlets = [str(s) for s in sources] if _is_list(sources) and len(sources) else [_text(row, "source")]
    outlets = [s for s in outlets if s]
    url = _text(row, "url")
    if outlets or url:
        who = html.escape(", ".join(outlets)) or "source"
        if url.startswith(("http://", "https://")):
            parts.append(f'<p><a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener">{who}</a></p>')
        else:
            parts.append(f"<p>{who}</p>")
    event = {
        "start_date": start,
        "text": {"headline": html.escape(headline), "text": "".join(parts)},
        "group": html.escape(_text(row, "event_type")),
        "unique_id": html.escape(_text(row, "event_id")),
    }
    if precision not in ("minute", "day"):
        date_text = _text(row, "date") or _text(row, "date_text")
        if date_text:
            event["display_date"] = html.escape(date_text)
    return event


def to_timelinejs(df: pd.DataFrame, title: str = "Event timeline") -> bytes:
    order = df.sort_values("date_start", kind="stable", na_position="last") if "date_start" in df.columns else df
    events = [e for e in (timeline_event(r) for r in order.to_dict("records")) if e is not None]
    doc = {
        "title": {"text": {"headline": html.escape(title), "text": f"<p>{len(events)} events</p>"}},
        "events": events,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def export_events(df: pd.DataFrame, fmt: str) -> bytes:
    """The events in df as bytes in one of FORMATS; ValueError for another format."""
    if fmt == "csv":
        return to_csv(df)
    if fmt == "jsonl":
        return to_jsonl(df)
    if fmt == "parquet":
        return to_parquet(df)
    if fmt == "timelinejs":
        return to_timelinejs(df)
    raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


def write_events(frames, fmt: str, fh, title: str = "Event timeline") -> int:
    """Write the events of frames (an iterable of events tables, in order) to the binary file fh in one of FORMATS,
    one batch at a time; returns the rows written. The bytes are those export_events gives for the frames joined
    (TimelineJS: slides sorted within the file). ValueError for another format, or for a TimelineJS export of more
    than TIMELINEJS_MAX events (narrow it with filters)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    rows = 0
    if fmt == "timelinejs":
        chunks = []
        for df in frames:
            rows += len(df)
            if rows > TIMELINEJS_MAX:
                raise ValueError(
                    f"more than {TIMELINEJS_MAX:,} events: a TimelineJS story of that many slides is not readable; "
                    "narrow the export (--from/--to, --country, --event-type, --min-salience)"
                )
            chunks.append(df)
        fh.write(to_timelinejs(pd.concat(chunks, ignore_index=True) if chunks else pd.DataFrame(), title))
        return rows
    writer = None
    try:
        for df in frames:
            if fmt == "csv":
                data = to_csv(df)
                fh.write(data if rows == 0 else data[data.index(b"\n") + 1 :])  # the header once
            elif fmt == "jsonl":
                fh.write(to_jsonl(df))
            else:
                import pyarrow.parquet as pq

                table = parquet_table(df)
                if writer is None:
                    writer = pq.ParquetWriter(fh, table.schema)
                writer.write_table(table.cast(writer.schema))
            rows += len(df)
        if fmt == "parquet" and writer is None:  # nothing matched: a valid file with no rows
            fh.write(to_parquet(pd.DataFrame()))
    finally:
        if writer is not None:
            writer.close()
    return rows
