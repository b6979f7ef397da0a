"""Pure table shaping for the Events page and for reports: events table -> a frame a person can read; the
analysts' corrections (store/corrections.py log lines) as lines a person can read."""

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
    "confidence",
    "url",
    "event_id",
)
REVIEW_COLUMNS = ("corrected_fields", "hidden_reason", "note")  # shown too when the table has them
# How the corrections name the fields they changed, in the words of the Events table's headers.
FIELD_LABELS = {
    "event_type": "type",
    "mode": "mode",
    "date": "date",
    "source_actor": "source actor",
    "target_actor": "target actor",
    "countries": "countries",
    "topics": "topics",
    "merged": "merged",
    "split": "split",
}


def events_table(df: pd.DataFrame, limit: int = TABLE_LIMIT) -> pd.DataFrame:
    """The newest `limit` events as readable columns (names for codes, lists joined, unsafe links dropped)."""
    order = list(NEWEST_FIRST)
    part = (
        df.nlargest(limit, order, keep="first")
        if len(df) > limit
        else df.sort_values(order, ascending=False, kind="stable")
    )
    out = pd.DataFrame(
        {
            "date": part["date"].astype(str),
            "corrected": _corrected(part),
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
            "confidence": part["confidence"].astype(float),
            "link": part["url"].map(safe_url),
            "event id": part["event_id"].astype(str),
        }
    ).reset_index(drop=True)
    for name, header in (("hidden_reason", "hidden"), ("note", "note")):  # only when some event has one
        if name in part.columns and (values := part[name].fillna("").astype(str)).ne("").any():
            out[header] = values.to_numpy()
    return out


def _corrected(part: pd.DataFrame) -> pd.Series:
    """The corrected fields of each event, in the table's words ("type, date"); empty when none."""
    if "corrected_fields" not in part.columns:
        return pd.Series([""] * len(part), index=part.index, dtype=object)
    return part["corrected_fields"].map(corrected_text)


def corrected_text(fields) -> str:
    """Corrected field names as the Events table calls them, joined ("type, date")."""
    return ", ".join(FIELD_LABELS.get(str(f), str(f)) for f in (fields if fields is not None else ()))


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
        "Confidence": f"{float(ev['confidence']):.2f}: how likely it is a real happening ({confidence_source(ev)})",
    }


def confidence_source(ev) -> str:
    """Where an event's confidence comes from, in words: the extractor's learned estimate or an import's."""
    origin = str(ev.get("origin") or "")
    if origin == "gdelt":
        return "GDELT import: machine-coded"
    if origin == "acled":
        return "ACLED import: coded by hand"
    return "learned from hand-checked news"


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


# ---- the analysts' corrections as text --------------------------------------------------------------------
def _value_text(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value)) or "—"
    return str(value) or "—"


def describe_correction(line: dict, by_id: dict[str, dict] | None = None) -> str:
    """One correction (a log line) in words: "type: CONSULT → AGREE", "hidden (duplicate)", "note: …".
    Plain text: the caller shows it as text (a table cell) or escapes it."""
    action = line.get("action", "")
    if action == "set":
        name = str(line.get("field", ""))
        new = _value_text(line.get("value"))
        if name == "date":
            new += f" ({line.get('precision', 'day')})"
        return f"{FIELD_LABELS.get(name, name)}: {_value_text(line.get('old'))} → {new}"
    if action == "hide":
        return f"hidden ({line.get('reason', '')})"
    if action == "unhide":
        return "shown again"
    if action == "note":
        return f"note: {line.get('note', '')}" if line.get("note") else "note removed"
    if action == "merge":
        n = len(line.get("other_keys") or [])
        return f"merged with another event ({n} report{'s' if n != 1 else ''} joined)"
    if action == "split":
        n = len(line.get("other_keys") or [])
        return f"split off {n} report{'s' if n != 1 else ''} as an event of their own"
    if action == "undo":
        target = (by_id or {}).get(str(line.get("target", "")))
        return f"undo of: {describe_correction(target, by_id)}" if target else f"undo of {line.get('target', '')}"
    return action


def event_corrections(entries: list[dict], keys: list[str]) -> list[dict]:
    """The corrections of the event holding the report keys, oldest first: those naming any of its reports
    (also as the other side of a merge), and the undos of those."""
    mine = set(keys)
    lines = [
        e
        for e in entries
        if e.get("action") != "undo" and (mine & set(e.get("keys") or ()) or mine & set(e.get("other_keys") or ()))
    ]
    ids = {e.get("id") for e in lines}
    grew = True
    while grew:  # undos of those, and undos of those undos
        more = [e for e in entries if e.get("action") == "undo" and e.get("target") in ids and e.get("id") not in ids]
        ids.update(e.get("id") for e in more)
        lines.extend(more)
        grew = bool(more)
    order = {e.get("id"): n for n, e in enumerate(entries)}
    return sorted(lines, key=lambda e: order.get(e.get("id"), 0))


def last_in_force(lines: list[dict], in_force: set[str]) -> dict | None:
    """The newest correction (not an undo) still in force among lines: what "Undo last correction" takes back."""
    for line in reversed(lines):
        if line.get("action") != "undo" and line.get("id") in in_force:
            return line
    return None


def _when(line: dict) -> str:
    return str(line.get("when", "")).replace("T", " ").replace("+00:00", " UTC")


def history_table(lines: list[dict], in_force: set[str], entries: list[dict]) -> pd.DataFrame:
    """An event's corrections for a person, newest first: when, who, what changed (old → new), and whether it
    still holds. Cells are plain text."""
    by_id = {str(e.get("id")): e for e in entries}
    rows = [
        {
            "when": _when(e),
            "who": str(e.get("who") or "—"),
            "change": describe_correction(e, by_id),
            "status": "undo" if e.get("action") == "undo" else ("in force" if e.get("id") in in_force else "undone"),
        }
        for e in reversed(lines)
    ]
    return pd.DataFrame(rows, columns=["when", "who", "change", "status"])


def orphans_table(orphans: list[dict]) -> pd.DataFrame:
    """Corrections whose event is no longer in the store: when, who, the event they named, what they said, and
    the reports they name it by (kept in the log; they apply again if those reports come back)."""
    rows = [
        {
            "when": _when(e),
            "who": str(e.get("who") or "—"),
            "event id": str(e.get("event_id", "")),
            "change": describe_correction(e),
            "reports": "; ".join(map(str, e.get("keys") or ())),
        }
        for e in orphans
    ]
    return pd.DataFrame(rows, columns=["when", "who", "event id", "change", "reports"])
