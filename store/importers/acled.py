"""ACLED CSV exports -> store rows.

In: a CSV with a header holding the 31 columns of ACLED's current export (extra columns are
ignored; a file lacking any of them is refused, naming what is missing). Out: one store row per
event, with:
- event_id "acled-<event_id_cnty>" (importing the same rows twice adds nothing);
- date from event_date in any of the forms seen in the wild ("16 May 2025", "2025-05-16",
  "16-05-2025", "16/05/2025", "16-May-2025", "May 16, 2025"), its precision from time_precision
  (1 day, 2 the ISO week around it, 3 the calendar month);
- country from iso (ISO 3166 numeric -> alpha-3 with pycountry; the country name when iso is empty);
- event type from event_type/sub_event_type through data/acled_to_plover.csv;
- source/target actor from actor1/actor2 (associated actors join the actors list), the notes as
  the evidence sentence, fatalities, location and coordinates, and ACLED's sources as outlets
  (mentions = how many sources ACLED cites); reports dated by the row's timestamp;
- confidence 0.9 (human-coded).
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd
import pycountry

from core.errors import ImportFormatError
from store.importers.common import (
    build_rows,
    data_table,
    date_period,
    decode,
    in_range,
    source_name_and_bytes,
    unzip_if_needed,
)

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
DATE_FORMATS = ("%d %B %Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d-%b-%Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y")
PRECISION = {"1": "day", "2": "week", "3": "month"}
CONFIDENCE = 0.9


def parse_date(text: str) -> dt.date:
    """An ACLED event_date in any known form; ValueError when none fits."""
    raw = text.strip()
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"event_date {raw!r} is not a valid date in a known form (e.g. 16 May 2025, 2025-05-16)")


def iso3_from_numeric(code: str, country: str) -> str:
    """ISO alpha-3 for an ISO 3166 numeric code (the country name when the code is empty)."""
    code = code.strip()
    if code:
        if code.endswith(".0"):
            code = code[:-2]
        if code.isdigit():
            found = pycountry.countries.get(numeric=code.zfill(3))
            if found is not None:
                return found.alpha_3
        raise ValueError(f"unknown ISO 3166 numeric country code {code!r} in iso")
    if country.strip():
        try:
            return pycountry.countries.lookup(country.strip()).alpha_3
        except LookupError:
            raise ValueError(f"unknown country {country.strip()!r} and no iso code") from None
    return ""


def plover_for(event_type: str, sub_event_type: str) -> str:
    """PLOVER type for an ACLED event type / sub-event type; ValueError when there is none."""
    table = data_table("acled_to_plover.csv", ("event_type", "sub_event_type"), "plover")
    key = (event_type.strip(), sub_event_type.strip())
    if key in table:
        plover = table[key]
    elif (key[0], "") in table:
        plover = table[(key[0], "")]
    else:
        raise ValueError(f"unknown ACLED event type {key[0]!r} / {key[1]!r}")
    if not plover:
        raise ValueError(f"ACLED {key[0]} / {key[1]} has no PLOVER event type")
    return plover


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return float("nan")


def row_to_record(rec: dict, ref: str) -> dict:
    """One ACLED row -> importer dict; ValueError says why the row cannot be used."""
    eid = (rec["event_id_cnty"] or "").strip()
    if not eid:
        raise ValueError("empty event_id_cnty")
    day = parse_date(rec["event_date"] or "")
    if not in_range(day):
        raise ValueError(f"event_date {rec['event_date'].strip()} is out of range (1979 to a year from now)")
    precision = PRECISION.get((rec["time_precision"] or "1").strip(), "day")
    plover = plover_for(rec["event_type"] or "", rec["sub_event_type"] or "")
    iso = iso3_from_numeric(rec["iso"] or "", rec["country"] or "")
    date, start, end = date_period(day, precision)
    a1, a2 = (rec["actor1"] or "").strip(), (rec["actor2"] or "").strip()
    actors = [a1]
    for assoc in (rec["assoc_actor_1"], rec["assoc_actor_2"]):
        actors += [x.strip() for x in (assoc or "").split(";")]
    actors.append(a2)
    actors = list(dict.fromkeys(a for a in actors if a))
    outlets = list(dict.fromkeys(s.strip() for s in (rec["source"] or "").split(";") if s.strip()))
    stamp = (rec["timestamp"] or "").strip()
    reported = pd.Timestamp(int(stamp), unit="s", tz="UTC") if stamp.isdigit() else pd.NaT
    place = ", ".join(x for x in (rec["location"], rec["admin1"], rec["country"]) if x and x.strip())
    notes = (rec["notes"] or "").strip()
    sub = (rec["sub_event_type"] or rec["event_type"] or "").strip()
    return {
        "event_id": f"acled-{eid}",
        "date": date,
        "date_precision": precision,
        "date_start": start,
        "date_end": end,
        "date_text": rec["event_date"].strip(),
        "source_actor": a1,
        "target_actor": a2,
        "actors": actors,
        "countries": [iso] if iso else [],
        "event_type": plover,
        "summary": f"{sub} in {rec['location'].strip() or rec['country'].strip()}" if sub else notes[:120],
        "sentence": notes,
        "sentence_end": len(notes),
        "confidence": CONFIDENCE,
        "article_id": f"acled-{eid}",
        "source": outlets[0] if outlets else "",
        "published": reported,
        "mentions": max(len(outlets), 1),
        "sources": outlets,
        "article_ids": [f"acled-{eid}"],
        "first_reported": reported,
        "last_reported": reported,
        "origin": "acled",
        "origin_ref": ref,
        "location": place,
        "latitude": _float(rec["latitude"] or ""),
        "longitude": _float(rec["longitude"] or ""),
        "fatalities": _float(rec["fatalities"] or ""),
    }


def parse_text(name: str, text: str) -> tuple[list[dict], list[tuple[str, str]]]:
    """Records and rejects from the text of one ACLED CSV; ImportFormatError when it is not one."""
    if not text.strip():
        raise ImportFormatError(f"{name}: the file is empty; expected an ACLED CSV export with a header row")
    sample = text[:4096]
    delimiter = ";" if sample.split("\n", 1)[0].count(";") > sample.split("\n", 1)[0].count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        shown = ", ".join(missing[:8]) + (f" and {len(missing) - 8} more" if len(missing) > 8 else "")
        raise ImportFormatError(
            f"{name}: not an ACLED CSV export: missing column{'s' if len(missing) > 1 else ''} "
            f"{shown} (the first line must be ACLED's header)"
        )
    records: list[dict] = []
    rejected: list[tuple[str, str]] = []
    try:
        for rec in reader:
            ref = f"{name}:{reader.line_num}"
            if None in rec or any(rec[c] is None for c in COLUMNS):
                rejected.append(
                    (
                        ref,
                        f"row has {len([v for v in rec.values() if v is not None])} fields, "
                        f"the header has {len(header)}",
                    )
                )
                continue
            try:
                records.append(row_to_record(rec, ref))
            except ValueError as exc:
                rejected.append((ref, str(exc)))
    except csv.Error as exc:
        rejected.append((f"{name}:{reader.line_num}", f"unreadable CSV from here on ({exc})"))
    return records, rejected


def read_acled(source) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """Store rows and rejects from an ACLED CSV export (path or (name, bytes); plain or zipped)."""
    name, data = source_name_and_bytes(source)
    records: list[dict] = []
    rejected: list[tuple[str, str]] = []
    for member, blob in unzip_if_needed(name, data, (".csv", ".txt")):
        recs, rej = parse_text(member, decode(member, blob))
        records.extend(recs)
        rejected.extend(rej)
    rows, invalid = build_rows(records)
    return rows, rejected + invalid
