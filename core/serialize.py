"""The events table as bytes: one serializer per export format, used by `extract events` and `extract export`.

    to_csv(df) -> bytes         a header row, then one row per event
    to_jsonl(df) -> bytes       one JSON object per event and line
    jsonl_lines(rows) -> str    the same lines for event rows still as dicts (streamed as articles finish)
    to_parquet(df) -> bytes     typed columns: list<string> for lists, timestamps for days and times
    parquet_table(df)           the Arrow table to_parquet writes

df is an events table (core.schema: all columns or a subset; extra columns are kept, in df's order). The
text formats (CSV, JSON lines) write every value in one shape:

    days       date_start, date_end: "2024-03-05"
    times      published, first_reported, last_reported: UTC to the second, "2024-03-07T09:00:00+00:00"
               (a time without a zone counts as UTC); any other datetime column: to the second, in UTC
               with "+00:00" when it has a zone
    lists      actors, countries, topics, sources, article_ids: JSON arrays; in CSV the items joined by
               LIST_SEP, "; " ("Russia; Ukraine"), an empty list an empty cell
    missing    null in JSON, an empty cell in CSV; a string column's missing value is "" and a list
               column's is [] (as core.validate casts them)

Nothing here imports the rest of the project but core.schema.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from core.schema import EVENT_COLUMNS, LIST_COLUMNS, STORE_COLUMNS, STORE_LIST_COLUMNS

LIST_SEP = "; "
DAY_FORMAT = "%Y-%m-%d"
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S+00:00"  # after conversion to UTC

_DECLARED = {name: dtype for name, (dtype, _) in {**EVENT_COLUMNS, **STORE_COLUMNS}.items()}
DAY_COLUMNS = frozenset(n for n, t in _DECLARED.items() if t == "datetime64[ns]")
TIME_COLUMNS = frozenset(n for n, t in _DECLARED.items() if t.startswith("datetime64[ns,"))
STRING_COLUMNS = frozenset(n for n, t in _DECLARED.items() if t == "string")
LIST_COLUMN_NAMES = frozenset(LIST_COLUMNS) | frozenset(STORE_LIST_COLUMNS)


def _is_list(v) -> bool:
    return isinstance(v, list | tuple | np.ndarray)


def _missing(v) -> bool:
    if v is None or v is pd.NaT or v is pd.NA:
        return True
    if isinstance(v, float | np.floating):
        return math.isnan(v)
    if isinstance(v, np.datetime64):
        return bool(np.isnat(v))
    return False


# ---------------------------------------------------------------- one value


def day_text(v) -> str | None:
    """A day ("2024-03-05") from a date, a datetime or a Timestamp; None when missing."""
    if _missing(v):
        return None
    if isinstance(v, np.datetime64):
        v = pd.Timestamp(v)
    return v.strftime(DAY_FORMAT)


def time_text(v) -> str | None:
    """A time in UTC to the second ("2024-03-07T09:00:00+00:00"); a time without a zone counts as UTC."""
    if _missing(v):
        return None
    ts = pd.Timestamp(v)
    ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
    return ts.strftime(TIME_FORMAT)


def _plain(v):
    """A JSON-ready value: None for missing ones, Python numbers for numpy ones, lists of plain values."""
    if _is_list(v):
        return [_plain(x) for x in v]
    if _missing(v):
        return None
    if isinstance(v, pd.Timestamp | dt.datetime):
        return time_text(v) if v.tzinfo is not None else v.strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(v, dt.date):
        return v.strftime(DAY_FORMAT)
    if isinstance(v, np.generic):
        return _plain(v.item())
    return v


def json_value(name: str, v):
    """The JSON value of column `name` (see the module doc for the shapes)."""
    if name in DAY_COLUMNS or name in TIME_COLUMNS:
        if isinstance(v, str):  # already written out (to_jsonl does whole columns at once)
            return v
        return day_text(v) if name in DAY_COLUMNS else time_text(v)
    if name in LIST_COLUMN_NAMES:
        return [_plain(x) for x in v] if _is_list(v) else []
    if name in STRING_COLUMNS and _missing(v):
        return ""
    return _plain(v)


def jsonl_lines(rows: Iterable[Mapping], columns: Iterable[str] = tuple(EVENT_COLUMNS)) -> str:
    """JSON lines of event rows given as dicts (keys: `columns`, in that order)."""
    cols = list(columns)
    return "".join(json.dumps({c: json_value(c, row.get(c)) for c in cols}, ensure_ascii=False) + "\n" for row in rows)


# ---------------------------------------------------------------- tables


def _list_columns(df: pd.DataFrame) -> list[str]:
    """The declared list columns, and any other object column whose first present value is a list."""
    out = []
    for c in df.columns:
        if c in LIST_COLUMN_NAMES:
            out.append(c)
        elif df[c].dtype == object:
            first = next((v for v in df[c] if _is_list(v) or not _missing(v)), None)
            if _is_list(first):
                out.append(c)
    return out


def _timestamps_as_text(df: pd.DataFrame) -> pd.DataFrame:
    """df with its datetime columns written out as text (days, UTC times), missing ones as None."""
    out = {}
    for c in df.columns:
        s = df[c]
        if isinstance(s.dtype, pd.DatetimeTZDtype):
            text = s.dt.tz_convert("UTC").dt.strftime(TIME_FORMAT)
        elif pd.api.types.is_datetime64_any_dtype(s.dtype):
            if c in TIME_COLUMNS:
                text = s.dt.tz_localize("UTC").dt.strftime(TIME_FORMAT)
            else:
                text = s.dt.strftime(DAY_FORMAT if c in DAY_COLUMNS else "%Y-%m-%dT%H:%M:%S")
        else:
            out[c] = s
            continue
        out[c] = text.astype(object).where(s.notna(), None)
    return pd.DataFrame(out, index=df.index, columns=df.columns)


def _json_column(name: str, s: pd.Series) -> list:
    """The JSON values of one column, computed for the whole column at once (json_value's shapes)."""
    if name in DAY_COLUMNS or name in TIME_COLUMNS:
        return [json_value(name, v) for v in s]
    if name in LIST_COLUMN_NAMES:
        return [[x if isinstance(x, str) else _plain(x) for x in v] if _is_list(v) else [] for v in s]
    if name in STRING_COLUMNS:
        return s.astype(object).where(s.notna(), "").tolist()
    if pd.api.types.is_bool_dtype(s.dtype) or pd.api.types.is_numeric_dtype(s.dtype):
        return s.astype(object).where(s.notna(), None).tolist()
    return [v if isinstance(v, str) else _plain(v) for v in s]


def to_jsonl(df: pd.DataFrame) -> bytes:
    """One JSON object per row and line, keys in df's column order."""
    cols = list(df.columns)
    text = _timestamps_as_text(df)
    columns = [_json_column(c, text[c]) for c in cols]
    dumps = json.dumps
    lines = [dumps(dict(zip(cols, values, strict=True)), ensure_ascii=False) for values in zip(*columns, strict=True)]
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")


# A spreadsheet takes a cell that starts with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """Text a spreadsheet shows as text: a cell that would start a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(text: str) -> str:
    """A spreadsheet-safe cell whose line breaks are all "\\n" (a lone carriage return would not be quoted
    by the CSV writer, whose line ends are "\\n", and would split the row)."""
    return spreadsheet_safe(text).replace("\r\n", "\n").replace("\r", "\n")


def to_csv(df: pd.DataFrame) -> bytes:
    """A header row and one row per event; lists joined by LIST_SEP, days and times as in JSON lines.
    Text cells are made spreadsheet-safe (spreadsheet_safe); numbers stay numbers."""
    out = _timestamps_as_text(df)
    for c in _list_columns(df):
        out[c] = df[c].map(lambda v: LIST_SEP.join(str(x) for x in v) if _is_list(v) else "")
    for c in out.columns:
        if out[c].dtype == object or pd.api.types.is_string_dtype(out[c].dtype):
            out[c] = out[c].map(lambda v: _cell(v) if isinstance(v, str) else v)
    out.columns = [spreadsheet_safe(str(c)) for c in out.columns]
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")


def to_parquet(df: pd.DataFrame) -> bytes:
    """A Parquet file of df: list columns as list<string>, the rest as Arrow infers from their dtypes."""
    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(parquet_table(df), buf)
    return buf.getvalue()


def parquet_table(df: pd.DataFrame):
    """df as the Arrow table to_parquet writes (a streamed export writes one such table per batch)."""
    import pyarrow as pa

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
    return pa.Table.from_arrays(arrays, names=names)
