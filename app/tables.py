"""Pure table shaping for the Events page and for reports: events table -> a frame a person can read."""

from __future__ import annotations

import pandas as pd

from app.labels import country_name, event_type_label, topic_label
from app.messages import safe_url

TABLE_LIMIT = 10_000
NEWEST_FIRST = ("date_start", "salience")  # the order of the events table (ties: earlier row first)
TABLE_COLUMNS = (
    "date",
    "date_precision",
    "date_start",
    "event_type",
    "source_actor",
    "target_actor",
    "countries",
    "topics",
    "mode",
    "summary",
    "source",
    "mentions",
    "salience",
    "url",
    "event_id",
)


def events_table(df: pd.DataFrame, limit: int = TABLE_LIMIT) -> pd.DataFrame:
    """The newest `limit` events as readable columns (names for codes, lists joined, unsafe links dropped)."""
    order = list(NEWEST_FIRST)
    part = (
        df.nlargest(limit, order, keep="first")
        if len(df) > limit
        else df.sort_values(order, ascending=False, kind="stable")
    )
    return pd.DataFrame(
        {
            "date": part["date"].astype(str),
            "precision": part["date_precision"].astype(str),
            "type": part["event_type"].map(event_type_label),
            "source actor": part["source_actor"].astype(str),
            "target actor": part["target_actor"].astype(str),
            "countries": part["countries"].map(lambda cs: ", ".join(country_name(c) for c in cs)),
            "topics": part["topics"].map(lambda ts: ", ".join(topic_label(str(t)) for t in ts)),
            "mode": part["mode"].astype(str),
            "summary": part["summary"].astype(str),
            "outlet": part["source"].astype(str),
            "reports": part["mentions"].astype("int64"),
            "salience": part["salience"].astype(float),
            "link": part["url"].map(safe_url),
            "event id": part["event_id"].astype(str),
        }
    ).reset_index(drop=True)


def event_label(row) -> str:
    """One line naming an event in a chooser: date · type · summary (cut at 90 characters)."""
    summary = str(row["summary"])
    summary = summary if len(summary) <= 90 else summary[:89] + "…"
    return f"{row['date']} · {event_type_label(row['event_type'])} · {summary}"


def event_facts(ev) -> dict[str, str]:
    """The facts shown above an event's evidence, as label -> plain text (the caller escapes it)."""
    date = f"{ev['date']} (precision: {ev['date_precision']})"
    if str(ev["date_text"]):
        date += f", from “{ev['date_text']}”"
    if bool(ev["date_from_publication"]):
        date += " — dated by publication"
    return {
        "Date": date,
        "Type": f"{event_type_label(ev['event_type'])} ({str(ev['quad_class']).replace('_', ' ')})",
        "Mode": str(ev["mode"]),
        "Who": f"{ev['source_actor'] or '—'} → {ev['target_actor'] or '—'}",
        "Actors": ", ".join(map(str, ev["actors"])) or "—",
        "Countries": ", ".join(country_name(c) for c in ev["countries"]) or "—",
        "Topics": ", ".join(topic_label(str(t)) for t in ev["topics"]) or "—",
        "Reports": f"{int(ev['mentions'])} from {len(ev['sources'])} outlet(s); salience {ev['salience']:.2f}",
    }


def reports_table(reports: pd.DataFrame) -> pd.DataFrame:
    """The articles that reported an event: published, outlet, title and a safe link (unsafe schemes dropped)."""
    return pd.DataFrame(
        {
            "published": reports["published"],
            "source": reports["source"].astype(str),
            "title": reports["title"].astype(str),
            "link": reports["url"].map(safe_url),
        }
    )
