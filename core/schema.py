"""The events table: one declared contract (names, dtypes, allowed values). This module only declares;
casting and checking live in core.validate.

Each row is one dated happening reported by one article (extracted) or one row of an imported
file (GDELT, ACLED). The store adds the columns in STORE_COLUMNS when it merges rows that report
the same happening.
"""

from __future__ import annotations

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "SANCTION",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
# PLOVER event type -> quad class (verbal/material x cooperation/conflict).
QUAD_CLASS = {
    "AGREE": "verbal_cooperation",
    "CONSULT": "verbal_cooperation",
    "SUPPORT": "verbal_cooperation",
    "CONCEDE": "material_cooperation",
    "COOPERATE": "material_cooperation",
    "AID": "material_cooperation",
    "RETREAT": "material_cooperation",
    "REQUEST": "verbal_conflict",
    "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict",
    "SANCTION": "material_conflict",
    "PROTEST": "material_conflict",
    "MOBILIZE": "material_conflict",
    "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}
QUAD_CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
MODES = ("actual", "statement", "future", "hypothetical", "negated")
PRECISIONS = ("minute", "day", "week", "month", "quarter", "season", "year", "decade")

# name -> (pandas dtype, meaning). Order is the column order of the table.
EVENT_COLUMNS: dict[str, tuple[str, str]] = {
    "event_id": ("string", "stable id of the event (hash of article id, sentence offsets and event type)"),
    "date": ("string", "the event's date as YYYY-MM-DD, YYYY-MM or YYYY (TIMEX3 value for week/quarter/season)"),
    "date_precision": ("string", f"one of {', '.join(PRECISIONS)}"),
    "date_start": ("datetime64[ns]", "first day of the date's period"),
    "date_end": ("datetime64[ns]", "first day after the date's period (exclusive end)"),
    "date_text": ("string", "the temporal expression that dates the event; empty when dated by publication"),
    "date_from_publication": ("bool", "True when no expression governs the clause and the publication date is used"),
    "source_actor": ("string", "canonical name of the actor who acts; empty when the clause does not say"),
    "target_actor": ("string", "canonical name of the actor acted upon; empty when the clause does not say"),
    "actors": ("object", "list of canonical names of every actor mentioned in the clause"),
    "countries": ("object", "list of ISO 3166-1 alpha-3 codes of every country involved"),
    "event_type": ("string", f"PLOVER type: one of {', '.join(PLOVER_TYPES)}"),
    "quad_class": ("string", f"one of {', '.join(QUAD_CLASSES)}"),
    "topics": ("object", "list of topic ids from extract/data/topics.toml"),
    "mode": ("string", f"one of {', '.join(MODES)}"),
    "summary": ("string", "a short clause in the article's words"),
    "sentence": ("string", "the evidence sentence"),
    "sentence_start": ("int64", "character offset of the sentence in the article text"),
    "sentence_end": ("int64", "end offset (exclusive) of the sentence"),
    "confidence": ("float64", "0..1"),
    "article_id": ("string", "id of the article (or import row) the event comes from"),
    "title": ("string", "article title"),
    "url": ("string", "article URL"),
    "source": ("string", "outlet"),
    "published": ("datetime64[ns, UTC]", "article publication time (UTC); NaT when unknown"),
}

LIST_COLUMNS = ("actors", "countries", "topics")


# Columns the store adds to every stored event (merged across the articles that report it).
STORE_COLUMNS: dict[str, tuple[str, str]] = {
    "mentions": ("int64", "how many article sentences (or imported rows) report this event"),
    "sources": ("object", "list of distinct outlets that reported it"),
    "article_ids": ("object", "list of the ids of every article that reported it"),
    "first_reported": ("datetime64[ns, UTC]", "earliest publication time among its reports"),
    "last_reported": ("datetime64[ns, UTC]", "latest publication time among its reports"),
    "salience": ("float64", "importance 0..1 from mentions, distinct sources, recency and event type"),
    "origin": ("string", "extracted, gdelt or acled"),
    "origin_ref": ("string", "article id and sentence offsets, or imported file name and row number"),
    "cameo_code": ("string", "CAMEO event code for GDELT rows (a string: '010' is not '10'); empty otherwise"),
    "location": ("string", "place name when the source gives one"),
    "latitude": ("float64", "NaN when unknown"),
    "longitude": ("float64", "NaN when unknown"),
    "fatalities": ("float64", "reported fatalities (ACLED); NaN when unknown"),
}
STORE_LIST_COLUMNS = ("sources", "article_ids")
