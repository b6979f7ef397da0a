"""The pandera form of core.schema (kept apart so importing the schema stays cheap)."""

from __future__ import annotations

import pandera.pandas as pa

from core.schema import EVENT_COLUMNS, MODES, PLOVER_TYPES, PRECISIONS, QUAD_CLASSES


def _is_list_of_str(v) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


_checks = {
    "date_precision": [pa.Check.isin(PRECISIONS)],
    "event_type": [pa.Check.isin(PLOVER_TYPES)],
    "quad_class": [pa.Check.isin(QUAD_CLASSES)],
    "mode": [pa.Check.isin(MODES)],
    "confidence": [pa.Check.in_range(0.0, 1.0)],
    "date": [pa.Check.str_matches(r"^\d{3,4}(-(\d\d(-\d\d)?|W\d\d|Q[1-4]|SP|SU|FA|WI))?$")],
    "countries": [
        pa.Check(
            lambda v: _is_list_of_str(v) and all(len(c) == 3 and c.isupper() for c in v),
            element_wise=True,
            error="a list of ISO alpha-3 codes",
        )
    ],
    "actors": [pa.Check(_is_list_of_str, element_wise=True, error="a list of names")],
    "topics": [pa.Check(_is_list_of_str, element_wise=True, error="a list of topic ids")],
}

EVENTS_SCHEMA = pa.DataFrameSchema(
    {
        name: pa.Column(
            dtype if dtype != "object" else None,
            checks=_checks.get(name, []),
            nullable=name in ("published", "date_start", "date_end"),
        )
        for name, (dtype, _) in EVENT_COLUMNS.items()
    },
    strict=False,
    coerce=False,
)
