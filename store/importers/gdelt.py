"""GDELT 2.0 event exports -> store rows.

In: a file (plain or zipped) of 61 tab-separated columns with no header, as the GDELT 2.0 event
codebook describes. Out: one store row per event, with:
- event_id "gdelt-<GLOBALEVENTID>" (importing the same rows twice adds nothing);
- date from SQLDATE (YYYYMMDD, day precision); reports dated by DATEADDED (UTC);
- source/target actor from Actor1Name/Actor2Name; countries from Actor1/Actor2CountryCode (CAMEO
  codes) and ActionGeo_CountryCode (FIPS 10-4), all mapped to ISO alpha-3;
- event type from EventCode through data/cameo_to_plover.csv (the 4-digit code falls back to its
  3-digit base); the CAMEO code itself is kept, as a string, in cameo_code;
- mentions = NumMentions; sources = the SOURCEURL's host; location and coordinates from ActionGeo;
- summary "<actor1> <CAMEO label> <actor2>"; as GDELT holds no sentence, the sentence column says
  what the row says (place, CAMEO code, Goldstein scale, tone) and the evidence is the SOURCEURL;
- confidence 0.5 (machine-coded; the evidence is the linked article, not a sentence we hold).
Rows that are truncated, carry an unknown CAMEO event or country code, a date out of range, or an
event with no PLOVER type are rejected one by one with the line number and the reason.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse

import pandas as pd

from core.errors import ImportFormatError
from store.importers.codes import iso3_from_cameo, iso3_from_fips
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
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
)
N_COLUMNS = len(COLUMNS)  # 61
CONFIDENCE = 0.5


def plover_for(code: str) -> tuple[str | None, str]:
    """(PLOVER type or None, CAMEO label) for an event code; raises KeyError for a code CAMEO lacks."""
    types = data_table("cameo_to_plover.csv", "cameo", "plover")
    labels = data_table("cameo_to_plover.csv", "cameo", "label")
    key = code if code in types else (code[:3] if len(code) == 4 and code[:3] in types else None)
    if key is None or not code.isdigit():
        raise KeyError(code)
    return (types[key] or None), labels[key]


def _country(code: str, column: str, fips: bool) -> str:
    """ISO alpha-3 for a country code ("" for empty or a CAMEO region); ValueError when unknown."""
    code = code.strip().upper()
    if not code:
        return ""
    iso = iso3_from_fips(code) if fips else iso3_from_cameo(code)
    if iso:
        return iso
    if not fips and code in data_table("cameo_regions.csv", "code", "name"):
        return ""
    raise ValueError(f"unknown {'FIPS 10-4' if fips else 'CAMEO'} country code {code!r} in {column}")


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return float("nan")


def _int(text: str, default: int) -> int:
    try:
        return max(int(text), 0)
    except ValueError:
        return default


def _name(text: str) -> str:
    """GDELT's upper-case actor names in ordinary capitals ("UNITED STATES" -> "United States")."""
    return " ".join(w.capitalize() if w.isupper() else w for w in text.strip().split())


def row_to_record(f: list[str], ref: str) -> dict:
    """One 61-field row -> importer dict; ValueError says why the row cannot be used."""
    rec = dict(zip(COLUMNS, f, strict=True))
    gid = rec["GLOBALEVENTID"].strip()
    if not gid.isdigit():
        raise ValueError(f"GLOBALEVENTID {gid!r} is not a number")
    raw = rec["SQLDATE"].strip()
    try:
        day = dt.datetime.strptime(raw, "%Y%m%d").date()
    except ValueError:
        raise ValueError(f"SQLDATE {raw!r} is not a YYYYMMDD date") from None
    if not in_range(day):
        raise ValueError(f"SQLDATE {raw} is out of range (1979 to a year from now)")
    code = rec["EventCode"].strip()
    try:
        plover, label = plover_for(code)
    except KeyError:
        raise ValueError(f"unknown CAMEO event code {code!r}") from None
    if plover is None:
        raise ValueError(f"CAMEO {code} ({label}) has no PLOVER event type")
    countries: list[str] = []
    for column, fips in (("Actor1CountryCode", False), ("Actor2CountryCode", False), ("ActionGeo_CountryCode", True)):
        iso = _country(rec[column], column, fips)
        if iso and iso not in countries:
            countries.append(iso)
    added = pd.NaT
    stamp = rec["DATEADDED"].strip()
    if stamp:
        try:
            added = pd.Timestamp(dt.datetime.strptime(stamp, "%Y%m%d%H%M%S"), tz="UTC")
        except ValueError:
            raise ValueError(f"DATEADDED {stamp!r} is not a YYYYMMDDHHMMSS time") from None
    a1, a2 = _name(rec["Actor1Name"]), _name(rec["Actor2Name"])
    url = rec["SOURCEURL"].strip()
    host = ""
    if url.startswith(("http://", "https://")):
        host = (urllib.parse.urlsplit(url).hostname or "").removeprefix("www.")
    date, start, end = date_period(day, "day")
    summary = " ".join(x for x in (a1, label, a2) if x)
    place = rec["ActionGeo_FullName"].strip()
    sentence = (
        f"{summary}{' in ' + place if place else ''} (GDELT event {gid}, CAMEO {code}, Goldstein scale "
        f"{rec['GoldsteinScale'].strip() or '?'}, average tone {rec['AvgTone'].strip() or '?'})"
    )
    return {
        "event_id": f"gdelt-{gid}",
        "date": date,
        "date_precision": "day",
        "date_start": start,
        "date_end": end,
        "date_text": raw,
        "source_actor": a1,
        "target_actor": a2,
        "actors": [a for a in (a1, a2) if a],
        "countries": countries,
        "event_type": plover,
        "summary": summary,
        "sentence": sentence,
        "sentence_end": len(sentence),
        "confidence": CONFIDENCE,
        "article_id": url or f"gdelt-{gid}",
        "url": url,
        "source": host,
        "published": added,
        "mentions": max(_int(rec["NumMentions"], 1), 1),
        "sources": [host] if host else [],
        "article_ids": [url] if url else [],
        "first_reported": added,
        "last_reported": added,
        "origin": "gdelt",
        "origin_ref": ref,
        "cameo_code": code,
        "location": rec["ActionGeo_FullName"].strip(),
        "latitude": _float(rec["ActionGeo_Lat"]),
        "longitude": _float(rec["ActionGeo_Long"]),
    }


def parse_text(name: str, text: str) -> tuple[list[dict], list[tuple[str, str]]]:
    """Records and rejects from the text of one export file; ImportFormatError when it is not one."""
    lines = text.splitlines()
    records: list[dict] = []
    rejected: list[tuple[str, str]] = []
    data_lines = [(i, line) for i, line in enumerate(lines, 1) if line.strip()]
    if not data_lines:
        raise ImportFormatError(f"{name}: the file is empty; expected GDELT 2.0 event rows")
    if data_lines[0][1].split("\t", 1)[0].strip() == "GLOBALEVENTID":
        data_lines = data_lines[1:]  # a header someone added
    counts = [line.count("\t") + 1 for _, line in data_lines]
    if counts and N_COLUMNS not in counts:
        first = counts[0]
        hint = " (GDELT 1.0 event files have 57 or 58 columns)" if first in (57, 58) else ""
        raise ImportFormatError(
            f"{name}: not a GDELT 2.0 event export: rows have {first} tab-separated "
            f"column{'s' if first != 1 else ''}, expected {N_COLUMNS}{hint}"
        )
    for (lineno, line), n in zip(data_lines, counts, strict=True):
        ref = f"{name}:{lineno}"
        if n != N_COLUMNS:
            what = "truncated" if n < N_COLUMNS else "too long"
            rejected.append((ref, f"{what} row: {n} tab-separated columns, expected {N_COLUMNS}"))
            continue
        try:
            records.append(row_to_record(line.split("\t"), ref))
        except ValueError as exc:
            rejected.append((ref, str(exc)))
    return records, rejected


def read_gdelt(source) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """Store rows and rejects from a GDELT 2.0 event export (path or (name, bytes); plain or zipped)."""
    name, data = source_name_and_bytes(source)
    records: list[dict] = []
    rejected: list[tuple[str, str]] = []
    for member, blob in unzip_if_needed(name, data, (".csv", ".tsv", ".txt", ".export")):
        recs, rej = parse_text(member, decode(member, blob))
        records.extend(recs)
        rejected.extend(rej)
    rows, invalid = build_rows(records)
    return rows, rejected + invalid
