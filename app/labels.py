"""Human labels for the codes the events table stores (ISO alpha-3 countries, PLOVER types, quad classes,
topic ids). Pure: no Streamlit."""

from __future__ import annotations

import functools

from extract.actors import load_gazetteer
from extract.events._data import topics as taxonomy

NONE_LABEL = "(not stated)"  # a chart's category for events that name no country, actor or topic
QUAD_LABELS = {
    "verbal_cooperation": "Verbal cooperation",
    "material_cooperation": "Material cooperation",
    "verbal_conflict": "Verbal conflict",
    "material_conflict": "Material conflict",
}


@functools.cache
def country_name(iso3: str) -> str:
    """The name news readers use for a country code ("RUS" -> "Russia", from the project's gazetteer);
    the code itself when unknown."""
    code = (iso3 or "").strip().upper()
    if not code:
        return ""
    actor = load_gazetteer().actors.get(code)
    return actor.name if actor is not None else code


def event_type_label(code: str) -> str:
    """A PLOVER type as a word ("ASSAULT" -> "Assault")."""
    return (code or "").capitalize()


def quad_label(quad: str) -> str:
    return QUAD_LABELS.get(quad, quad or "")


@functools.cache
def topic_label(topic: str) -> str:
    """A topic id as the taxonomy names it ("economy_trade" -> "Economy and trade", from
    extract/data/topics.toml); an id the taxonomy does not know (an imported or older store) as it is."""
    entry = taxonomy().get(topic or "")
    return str(entry.get("label") or topic) if isinstance(entry, dict) else (topic or "")
