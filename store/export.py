"""Events out of the store: CSV, JSON lines, Parquet and TimelineJS JSON.

export_events(df, fmt) -> bytes. df is an events table (all columns or a subset; extra columns are
kept). List columns become "; "-joined text in CSV, arrays in JSON lines, list<string> in Parquet.
"""

from __future__ import annotations

import html
import io
import json
import math

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

FORMATS = ("csv", "jsonl", "parquet", "timelinejs")
LIST_SEP = "; "


def _is_list(v) -> bool:
    return isinstance(v, (list, tuple, np.ndarray))


def _list_columns(df: pd.DataFrame) -> list[str]:
    """Object columns whose first non-null value is a list."""
    out = []
    for c in df.columns:
        if df[c].dtype == object:
            first = next((v for v in df[c] if v is not None and not (isinstance(v, float) and math.isnan(v))), None)
            if first is None or _is_list(first):
                out.append(c)
    return out


def _plain(v):
    """A JSON-ready value: ISO text for times, None for NaN/NaT/NA, lists of plain values."""
    if _is_list(v):
        return [_plain(x) for x in v]
    if v is None or v is pd.NaT:
        return None
    if isinstance(v, pd.Timestamp):
        return v.isoformat()
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, np.generic):
        return _plain(v.item())
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return v


def to_csv(df: pd.DataFrame) -> bytes:
    out = df.copy()
    for c in _list_columns(out):
        out[c] = out[c].map(lambda v: LIST_SEP.join(str(x) for x in v) if _is_list(v) else "")
    return out.to_csv(index=False, date_format="%Y-%m-%dT%H:%M:%S%z").encode("utf-8")


def to_jsonl(df: pd.DataFrame) -> bytes:
    cols = list(df.columns)
    lines = [
        json.dumps({c: _plain(v) for c, v in zip(cols, row, strict=True)}, ensure_ascii=False)
        for row in df.itertuples(index=False, name=None)
    ]
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")


def to_parquet(df: pd.DataFrame) -> bytes:
    arrays, names = [], []
    lists = set(_list_columns(df))
    for c in df.columns:
        if c in lists:
            arrays.append(
                pa.array([[str(x) for x in v] if _is_list(v) else [] for v in df[c]], type=pa.list_(pa.string()))
            )
        else:
            arrays.append(pa.array(df[c], from_pandas=True))
        names.append(c)
    buf = io.BytesIO()
    pq.write_table(pa.Table.from_arrays(arrays, names=names), buf)
    return buf.getvalue()


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
