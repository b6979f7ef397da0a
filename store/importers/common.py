"""Helpers every importer shares: bytes from a path or an upload, unzipping, decoding, code tables,
date periods and building store rows (validated against the events contract)."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import os
import pathlib
import zipfile

import pandas as pd

from core.errors import ImportFormatError
from core.schema import QUAD_CLASS
from core.validate import cast, invalid_rows, stored_dtypes
from store.columns import ALL_COLUMNS

DATA = pathlib.Path(__file__).with_name("data")
EARLIEST = dt.date(1979, 1, 1)  # GDELT's back file starts in 1979; ACLED's data is later still
MAX_BYTES = 2 * 1024**3


def source_name_and_bytes(source) -> tuple[str, bytes]:
    """(display name, raw bytes) from a path or a (name, bytes) pair (dashboard uploads)."""
    if isinstance(source, tuple) and len(source) == 2:
        name, data = source
        if isinstance(data, str):
            data = data.encode("utf-8")
        return str(name), bytes(data)
    path = pathlib.Path(os.fspath(source))
    if path.is_dir():
        raise ImportFormatError(f"{path}: is a directory; give the export file itself")
    size = path.stat().st_size  # FileNotFoundError reaches user_message as "no such file"
    if size > MAX_BYTES:
        raise ImportFormatError(
            f"{path}: {size / 1e9:.1f} GB is larger than the 2 GB an import can read at once; split the file"
        )
    return path.name, path.read_bytes()


def unzip_if_needed(name: str, data: bytes, suffixes: tuple[str, ...]) -> list[tuple[str, bytes]]:
    """The members of a zip archive whose names end with one of suffixes, or [(name, data)] for a plain file."""
    if not data.startswith(b"PK\x03\x04"):
        return [(name, data)]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = [m for m in zf.infolist() if not m.is_dir() and m.filename.lower().endswith(suffixes)]
            if not members:
                raise ImportFormatError(f"{name}: the zip archive holds no {' or '.join(suffixes)} file")
            out = []
            for m in members:
                if m.file_size > MAX_BYTES:
                    raise ImportFormatError(f"{name}: {m.filename} unpacks to more than 2 GB; unzip and split it")
                out.append((f"{name}/{m.filename}", zf.read(m)))
            return out
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise ImportFormatError(f"{name}: a damaged or truncated zip archive ({exc})") from exc


def decode(name: str, data: bytes) -> str:
    """Text of a file: UTF-8 (with or without BOM); refuses binary data."""
    if b"\x00" in data[:4096]:
        raise ImportFormatError(f"{name}: looks like a binary file, not a text export")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


@functools.cache
def _csv_table(fname: str, key: str | tuple[str, ...], value: str) -> dict:
    with (DATA / fname).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if isinstance(key, tuple):
        return {tuple(r[k].strip() for k in key): r[value].strip() for r in rows}
    return {r[key].strip(): r[value].strip() for r in rows}


def data_table(fname: str, key, value: str) -> dict:
    """A two-column lookup from a CSV under extract/store/data/."""
    return _csv_table(fname, key, value)


def date_period(day: dt.date, precision: str) -> tuple[str, pd.Timestamp, pd.Timestamp]:
    """(TIMEX-style date, start, exclusive end) of the day/week/month that contains day."""
    if precision == "month":
        start = pd.Timestamp(day.year, day.month, 1)
        return f"{day.year:04d}-{day.month:02d}", start, start + pd.offsets.MonthBegin(1)
    if precision == "week":
        monday = day - dt.timedelta(days=day.weekday())
        y, w, _ = monday.isocalendar()
        start = pd.Timestamp(monday)
        return f"{y:04d}-W{w:02d}", start, start + pd.Timedelta(days=7)
    start = pd.Timestamp(day)
    return day.isoformat(), start, start + pd.Timedelta(days=1)


def in_range(day: dt.date) -> bool:
    """Plausible event date: not before 1979, not more than a year ahead of today."""
    return EARLIEST <= day <= dt.date.today() + dt.timedelta(days=366)


def build_rows(records: list[dict]) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """Store rows (declared dtypes) from importer dicts that set the meaningful fields, checked against the
    events contract: rows that break it are left out and returned as (origin_ref, problem)."""
    defaults = {
        "date_text": "",
        "date_from_publication": False,
        "source_actor": "",
        "target_actor": "",
        "actors": [],
        "countries": [],
        "topics": [],
        "mode": "actual",
        "summary": "",
        "sentence": "",
        "sentence_start": 0,
        "sentence_end": 0,
        "confidence": 0.5,
        "title": "",
        "url": "",
        "source": "",
        "published": pd.NaT,
        "mentions": 1,
        "sources": [],
        "article_ids": [],
        "first_reported": pd.NaT,
        "last_reported": pd.NaT,
        "salience": 0.0,
        "cameo_code": "",
        "location": "",
        "latitude": float("nan"),
        "longitude": float("nan"),
        "fatalities": float("nan"),
    }
    full = []
    for r in records:
        row = {**defaults, **r}
        row["quad_class"] = QUAD_CLASS[row["event_type"]]
        for k in ("actors", "countries", "topics", "sources", "article_ids"):
            row[k] = list(row[k])
        full.append(row)
    if not full:
        return pd.DataFrame({c: pd.Series(dtype=d) for c, d in stored_dtypes().items()}), []
    df = cast(pd.DataFrame(full)[list(ALL_COLUMNS)], stored_dtypes())
    problems = invalid_rows(df, stored=True)
    if not problems:
        return df, []
    rejected = [
        (str(df.at[i, "origin_ref"]), f"does not fit the events table ({what})") for i, what in problems.items()
    ]
    return df.drop(index=list(problems)), rejected
