"""Actors stage: find countries, capitals, persons, organizations and armed groups in text.

Public interface:
    find_actors(text, on=None, context=None) -> list[ActorMention]
    ActorContext.from_text(text, on=None, home="") -> ActorContext
    country_of(actor_id) -> str, canonical_name(actor_id) -> str, countries_in(mentions) -> list[str]
    demonym(country_id) -> str ("VEN" -> "Venezuelan")
    load_gazetteer() -> Gazetteer (compiled once, cached)
    office_length(words) -> int (how many of the lower-case words name an office: "finance minister" -> 2)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from extract.actors.gazetteer import Gazetteer, office_length, state_body_name
from extract.actors.gazetteer import load as load_gazetteer
from extract.actors.recognizer import ActorContext, ActorMention, _as_date, _Scan

__all__ = [
    "ActorContext",
    "ActorMention",
    "Gazetteer",
    "canonical_name",
    "countries_in",
    "country_of",
    "demonym",
    "find_actors",
    "load_gazetteer",
    "office_length",
    "state_body_name",
]


def find_actors(
    text: str, on: dt.date | dt.datetime | str | None = None, context: ActorContext | None = None
) -> list[ActorMention]:
    """Mentions of actors in `text`, sorted by start, non-overlapping, longest reading first.

    `on` is the article's date (persons and bare roles such as "the president" resolve to the
    office holder on that day). `context` carries people the article introduced; when None a fresh
    one is made. People introduced with a role are learned into the context as the text is read.
    Non-string or empty input gives []; an `on` that is not a date (or an ISO date string) raises
    ValueError/TypeError naming it.
    """
    if not isinstance(text, str) or not text:
        return []
    on = _as_date(on)
    if context is None:
        context = ActorContext(on=on)
    return _Scan(text, on, context).run()


def country_of(actor_id: str, on: dt.date | None = None) -> str:
    """ISO alpha-3 country of a gazetteer actor ("person:vladimir-putin" -> "RUS"); "" when none or unknown.

    With `on`, a person serving an international organization that day (the UN secretary-general,
    NATO's secretary general) has that organization's country, i.e. "".
    """
    gaz = load_gazetteer()
    actor = gaz.actors.get(actor_id)
    if actor is None:
        return ""
    if on is not None and actor.type == "person":
        for term in gaz.terms.get(actor_id, []):
            if term.org and term.covers(on):
                org = gaz.actors.get(term.org)
                return org.country if org else ""
    return actor.country


def canonical_name(actor_id: str) -> str:
    """Display name of an actor ("RUS" -> "Russia"); for an unknown id, a readable form of the id."""
    actor = load_gazetteer().actors.get(actor_id)
    if actor:
        return actor.name
    return actor_id.split(":", 1)[-1].replace("-", " ").title()


def demonym(country_id: str) -> str:
    """The adjective of a country's people from its aliases ("VEN" -> "Venezuelan", "KOR" -> "South Korean");
    "" for an unknown id or a country without one."""
    return load_gazetteer().demonyms.get(country_id, "")


def trade_nouns() -> frozenset[str]:
    """The nouns of a trade that stand right before a body's name ("oil giant BP", "contractor Halliburton"; the
    gazetteer's [learned_orgs] before_name)."""
    return frozenset(load_gazetteer().cues.get("learned_orgs", {}).get("before_name", ()))


def countries_in(mentions: Iterable[ActorMention]) -> list[str]:
    """ISO alpha-3 codes of the mentions' countries, de-duplicated, in order of first mention."""
    seen: dict[str, None] = {}
    for m in mentions:
        if m.country:
            seen.setdefault(m.country, None)
    return list(seen)
