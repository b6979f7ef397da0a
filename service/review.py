"""Corrections as evaluation data: how the current extractor does on the events analysts corrected.

For every correction in force on an extracted event (a changed field, or "not an event"), the sentences
of its reports are read again by today's extractor, each as a short article published when its report
was, and its answer is compared with the analyst's:

- a corrected field is *now right* when an event the extractor finds in that sentence has the
  analyst's value (event type, mode, date, source, target, countries, topics);
- a hidden "not an event" is *now right* when the extractor finds no event in the sentence.

Imported rows (GDELT, ACLED) carry no sentence of ours and are left out. The figures say whether a new
extractor is better on a team's own material: run it before and after a change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from extract.events.extract_one import article_events
from extract.model import Article
from store import EventStore
from store.corrections import active


@dataclass
class FieldScore:
    corrections: int = 0
    now_right: int = 0

    @property
    def share(self) -> float:
        return self.now_right / self.corrections if self.corrections else float("nan")


@dataclass
class Score:
    fields: dict[str, FieldScore] = field(default_factory=dict)
    skipped: int = 0  # corrections of imported rows, notes, merges and splits

    def lines(self) -> list[str]:
        out = [f"{'field':<16}{'corrections':>12}{'now right':>11}{'share':>8}"]
        for name, s in sorted(self.fields.items()):
            out.append(f"{name:<16}{s.corrections:>12}{s.now_right:>11}{s.share:>8.2f}")
        total = sum(s.corrections for s in self.fields.values())
        right = sum(s.now_right for s in self.fields.values())
        out.append(f"{'all':<16}{total:>12}{right:>11}{(right / total if total else float('nan')):>8.2f}")
        out.append(f"not scored (imported rows, notes, merges, splits): {self.skipped}")
        return out


def _events_of(sentence: str, article_id: str, published) -> list[dict]:
    when = published.to_pydatetime() if isinstance(published, pd.Timestamp) and pd.notna(published) else None
    article = Article(
        id=f"review-{article_id}",
        text=sentence,
        published=when or dt.datetime.now(dt.UTC),
        published_precision="minute" if when else "",
        origin="review",
    )
    rows, _note = article_events(article)
    return rows


def _value_matches(row: dict, name: str, value) -> bool:
    if name in ("countries", "topics"):
        return sorted(row.get(name) or []) == sorted(value or [])
    return str(row.get(name, "")) == str(value)


def score(store: EventStore) -> Score:
    """The current extractor against every correction in force in the store."""
    result = Score()
    mentions = store.mentions()
    by_ref = {ref: i for i, ref in enumerate(mentions["origin_ref"].astype(str))}
    cache: dict[str, list[dict]] = {}
    for line in active(store.corrections.entries()):
        action = line.get("action")
        if action == "set":
            name = line["field"]
        elif action == "hide" and line.get("reason") == "not an event":
            name = "not an event"
        else:
            result.skipped += 1
            continue
        refs = [k for k in line.get("keys") or [] if k in by_ref]
        if not refs:
            result.skipped += 1
            continue
        s = result.fields.setdefault(name, FieldScore())
        s.corrections += 1
        found: list[dict] = []
        for ref in refs:
            if ref not in cache:
                m = mentions.iloc[by_ref[ref]]
                cache[ref] = _events_of(str(m["sentence"]), str(m["article_id"]), m["published"])
            found.extend(cache[ref])
        if name == "not an event":
            s.now_right += not found
        elif any(_value_matches(row, name, line["value"]) for row in found):
            s.now_right += 1
    return result
