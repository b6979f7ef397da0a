"""Casting and checking tables against the contract of core.schema, in one place (pandera for the checks).

    empty_events()                 an events table with no rows, declared dtypes
    cast(df, {column: dtype})      the named columns cast to their dtypes (lists for "object"), in that order
    coerce(df)                     cast(df, event dtypes); missing columns are an error
    validate(df)                   check an events table; pandera's SchemaErrors lists every failing row
    invalid_rows(df)               {row label: problem} for rows of an events or stored table that break it

pandera is imported on first use, so importing this module (and the schema) stays cheap.
"""

from __future__ import annotations

import functools

import pandas as pd

from core.schema import EVENT_COLUMNS, MODES, PLOVER_TYPES, PRECISIONS, QUAD_CLASSES, STORE_COLUMNS

DATE_PATTERN = r"^\d{3,4}(-(\d\d(-\d\d)?|W\d\d|Q[1-4]|SP|SU|FA|WI))?$"
NULLABLE = (
    "published",
    "date_start",
    "date_end",
    "first_reported",
    "last_reported",
    "latitude",
    "longitude",
    "fatalities",
)


def event_dtypes() -> dict[str, str]:
    return {name: dtype for name, (dtype, _) in EVENT_COLUMNS.items()}


def stored_dtypes() -> dict[str, str]:
    return {name: dtype for name, (dtype, _) in {**EVENT_COLUMNS, **STORE_COLUMNS}.items()}


def empty_events() -> pd.DataFrame:
    """An events table with no rows and the declared columns and dtypes."""
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in event_dtypes().items()})


def cast(df: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Cast the named columns of df to their dtypes (lists for "object"), in the given order."""
    out = {}
    for name, dtype in columns.items():
        col = df[name]
        if dtype == "object":
            out[name] = col.map(lambda v: list(v) if v is not None and not isinstance(v, str | float) else [])
        elif dtype == "datetime64[ns, UTC]":
            out[name] = pd.to_datetime(col, utc=True).astype(dtype)
        elif dtype.startswith("datetime64"):
            out[name] = pd.to_datetime(col).astype(dtype)
        elif dtype == "string":
            out[name] = col.astype("string").fillna("")
        elif dtype == "bool":
            out[name] = col.fillna(False).astype(bool)
        elif dtype == "int64":
            out[name] = pd.to_numeric(col).fillna(0).astype("int64")
        else:
            out[name] = col.astype(dtype)
    return pd.DataFrame(out, index=df.index)


def coerce(df: pd.DataFrame) -> pd.DataFrame:
    """The events columns of df cast to their declared dtypes (missing columns are an error)."""
    missing = [c for c in EVENT_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"events table is missing columns: {', '.join(missing)}")
    extra = [c for c in df.columns if c not in EVENT_COLUMNS]
    out = cast(df, event_dtypes())
    return pd.concat([out, df[extra]], axis=1) if extra else out


def _is_list_of_str(v) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


@functools.cache
def _schema(stored: bool):
    """The pandera schema of the events table (stored=True: with the store's columns too)."""
    import pandera.pandas as pa

    checks = {
        "date_precision": [pa.Check.isin(PRECISIONS)],
        "event_type": [pa.Check.isin(PLOVER_TYPES)],
        "quad_class": [pa.Check.isin(QUAD_CLASSES)],
        "mode": [pa.Check.isin(MODES)],
        "confidence": [pa.Check.in_range(0.0, 1.0)],
        "date": [pa.Check.str_matches(DATE_PATTERN)],
        "countries": [
            pa.Check(
                lambda v: _is_list_of_str(v) and all(len(c) == 3 and c.isupper() for c in v),
                element_wise=True,
                error="a list of ISO alpha-3 codes",
            )
        ],
        "actors": [pa.Check(_is_list_of_str, element_wise=True, error="a list of names")],
        "topics": [pa.Check(_is_list_of_str, element_wise=True, error="a list of topic ids")],
        "mentions": [pa.Check.ge(1)],
        "salience": [pa.Check.in_range(0.0, 1.0)],
        "sources": [pa.Check(_is_list_of_str, element_wise=True, error="a list of outlets")],
        "article_ids": [pa.Check(_is_list_of_str, element_wise=True, error="a list of ids")],
    }
    columns = {**EVENT_COLUMNS, **(STORE_COLUMNS if stored else {})}
    return pa.DataFrameSchema(
        {
            name: pa.Column(
                dtype if dtype != "object" else None, checks=checks.get(name, []), nullable=name in NULLABLE
            )
            for name, (dtype, _) in columns.items()
        },
        strict=False,
        coerce=False,
    )


def validate(df: pd.DataFrame) -> pd.DataFrame:
    """Check an events table; raise pandera's SchemaErrors listing every failing row."""
    return _schema(False).validate(df, lazy=True)


def invalid_rows(df: pd.DataFrame, *, stored: bool = False) -> dict[object, str]:
    """{row label: "column: what is wrong"} for the rows that break the contract (empty when all hold).

    A failure of a whole column (a wrong dtype) is reported against every row."""
    from pandera.errors import SchemaErrors

    try:
        _schema(stored).validate(df, lazy=True)
    except SchemaErrors as exc:
        problems: dict[object, str] = {}
        for case in exc.failure_cases.to_dict("records"):
            what = f"{case.get('column')}: {case.get('check')}"
            index = case.get("index")
            labels = df.index if index is None or pd.isna(index) else [index]
            for label in labels:
                problems.setdefault(label, what)
        return problems
    return {}
