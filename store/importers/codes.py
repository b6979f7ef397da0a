"""Country-code tables for importers: FIPS 10-4 and CAMEO country codes to ISO 3166-1 alpha-3.

In: a code string from a GDELT or ACLED row. Out: the ISO alpha-3 code, or "" when the code is
unknown or names a region rather than a country.
"""

from __future__ import annotations

import csv
import functools
import pathlib

DATA_DIR = pathlib.Path(__file__).with_name("data")


@functools.cache
def _table(fname: str, key: str) -> dict[str, str]:
    with (DATA_DIR / fname).open(encoding="utf-8", newline="") as fh:
        return {row[key].strip().upper(): row["iso3"].strip() for row in csv.DictReader(fh)}


def iso3_from_fips(code: str | None) -> str:
    """ISO alpha-3 for a FIPS 10-4 country code ("UP" -> "UKR", "RS" -> "RUS"); "" when unknown."""
    return _table("fips_to_iso3.csv", "fips").get((code or "").strip().upper(), "")


def iso3_from_cameo(code: str | None) -> str:
    """ISO alpha-3 for a CAMEO country code ("RUS" -> "RUS", "ROM" -> "ROU"); "" for regions or unknown codes."""
    return _table("cameo_country_to_iso3.csv", "cameo").get((code or "").strip().upper(), "")
