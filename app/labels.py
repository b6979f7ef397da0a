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


# Actor kinds as the network colours them: the gazetteer's types grouped into what a reader tells apart.
ACTOR_KINDS = {
    "country": "State",
    "capital": "State",
    "seat": "State",
    "region": "State",  # a state of a federation (regions.csv: "Alabama")
    "person": "Person",
    "organization": "Organisation or group",
    "armed_group": "Organisation or group",
    "political_party": "Organisation or group",
}
OTHER_KIND = "Other"  # an actor the gazetteer does not know (learned from an article, or imported)


@functools.cache
def _kinds_by_name() -> dict[str, str]:
    kinds: dict[str, str] = {}
    for actor in load_gazetteer().actors.values():
        kinds.setdefault(actor.name, ACTOR_KINDS.get(actor.type, OTHER_KIND))
    return kinds


def actor_kind(name: str) -> str:
    """What kind of actor a canonical name is: State, Person, Organisation or group, or Other."""
    return _kinds_by_name().get(name or "", OTHER_KIND)


def short_label(text: object, limit: int = 32) -> str:
    """Text on one line, at most limit characters (cut with an ellipsis): for axis labels and chart labels,
    where a 200-character name would push the plot into a corner. Hover labels carry the whole text."""
    s = " ".join(("" if text is None else str(text)).split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def short_labels(names: list[str], limit: int = 32) -> list[str]:
    """short_label of each name, kept distinct: two long names that shorten alike get " (2)", " (3)" ...
    (two categories must never merge into one axis row because their first words agree)."""
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        label = short_label(name, limit)
        k = 2
        while label in seen:
            label = short_label(name, limit - 4) + f" ({k})"
            k += 1
        seen.add(label)
        out.append(label)
    return out
