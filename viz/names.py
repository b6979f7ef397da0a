"""Human labels for the codes the events table stores (ISO alpha-3 countries, PLOVER types, quad classes)."""
from __future__ import annotations

import functools

import pycountry

QUAD_LABELS = {
    "verbal_cooperation": "Verbal cooperation",
    "material_cooperation": "Material cooperation",
    "verbal_conflict": "Verbal conflict",
    "material_conflict": "Material conflict",
}


@functools.cache
def country_name(iso3: str) -> str:
    """The common name of a country code ("FRA" -> "France"); the code itself when unknown."""
    code = (iso3 or "").strip().upper()
    if not code:
        return ""
    try:
        found = pycountry.countries.get(alpha_3=code)
    except (KeyError, LookupError):
        found = None
    if found is None:
        return code
    return getattr(found, "common_name", None) or found.name


def event_type_label(code: str) -> str:
    """A PLOVER type as a word ("ASSAULT" -> "Assault")."""
    return (code or "").capitalize()


def quad_label(quad: str) -> str:
    return QUAD_LABELS.get(quad, quad or "")
