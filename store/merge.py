"""Folding a batch of reports into the stored events: skip what is stored, merge what repeats, add the rest.

In: the stored events and the ids of stored reports, and an incoming batch (extract_events rows, or
importer rows that already carry the store columns). Out: the new events table, the new mention
rows, and an AddSummary. Pure functions over DataFrames: the store does the reading and writing.
"""

from __future__ import annotations

import functools
import pathlib
import re
import tomllib
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.schema import EVENT_COLUMNS, PLOVER_TYPES, PRECISIONS, STORE_COLUMNS
from core.validate import cast, stored_dtypes
from store import disk
from store.columns import ALL_COLUMNS, MENTION_COLUMNS, STORE_DEFAULTS
from store.summary import AddSummary

DATA = pathlib.Path(__file__).with_name("data") / "merge.toml"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_DAY_NS = 86_400 * 10**9


@functools.cache
def settings() -> dict:
    with DATA.open("rb") as fh:
        conf = tomllib.load(fh)
    conf["stopwords"] = frozenset(conf["stopwords"])
    return conf


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of text that say something about the happening, cut to their first
    stem_length letters (so "missile"/"missiles" and "Russia"/"Russian" meet)."""
    conf = settings()
    n = conf["stem_length"]
    return frozenset(
        w[:n]
        for w in (m.lower() for m in _WORD.findall(text or ""))
        if len(w) >= conf["min_word_length"] and w not in conf["stopwords"]
    )


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two word sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _actor_set(row: dict) -> set[str]:
    return {x for x in [row["source_actor"], row["target_actor"], *row["actors"]] if x}


def actors_compatible(a: dict, b: dict) -> tuple[bool, bool]:
    """(compatible, shared): conflicting source or target actors are incompatible; shared says an actor is common."""
    for role in ("source_actor", "target_actor"):
        x, y = a[role], b[role]
        if x and y and x != y and x not in b["actors"] and y not in a["actors"]:
            return False, False
    sa, sb = _actor_set(a), _actor_set(b)
    if sa and sb:
        return bool(sa & sb), bool(sa & sb)
    return (not sa and not sb), False


def _earliest(a, b):
    """The earlier of two times, ignoring a missing one."""
    return b if pd.isna(a) else a if pd.isna(b) else min(a, b)


def _latest(a, b):
    """The later of two times, ignoring a missing one."""
    return b if pd.isna(a) else a if pd.isna(b) else max(a, b)


def _union(a: list, b: list) -> list:
    out = list(a)
    seen = set(out)
    for x in b:
        if x and x not in seen:
            out.append(x)
            seen.add(x)
    return out


def fold_into(event: dict, report: dict) -> dict:
    """The event after one more report of it (a new dict; event is left as it was)."""
    ev = dict(event)
    ev["mentions"] = int(ev["mentions"]) + 1
    ev["sources"] = _union(ev["sources"], [report["source"]])
    ev["article_ids"] = _union(ev["article_ids"], [report["article_id"]])
    ev["first_reported"] = _earliest(ev["first_reported"], report["published"])
    ev["last_reported"] = _latest(ev["last_reported"], report["published"])
    for col in ("actors", "countries", "topics"):
        ev[col] = _union(ev[col], report[col])
    for role in ("source_actor", "target_actor"):
        if not ev[role] and report[role]:
            ev[role] = report[role]
    ev["confidence"] = max(float(ev["confidence"]), float(report["confidence"]))
    finer = (
        PRECISIONS.index(report["date_precision"]) < PRECISIONS.index(ev["date_precision"])
        if report["date_precision"] in PRECISIONS and ev["date_precision"] in PRECISIONS
        else False
    )
    inside = (
        not pd.isna(report["date_start"])
        and not pd.isna(ev["date_start"])
        and report["date_start"] >= ev["date_start"]
        and report["date_end"] <= ev["date_end"]
    )
    if finer and inside:
        for col in ("date", "date_precision", "date_start", "date_end", "date_text", "date_from_publication"):
            ev[col] = report[col]
    return ev


def new_event_from_report(report: dict) -> dict:
    """A stored event made from one extracted report."""
    ev = dict(report)
    ev.update(STORE_DEFAULTS)
    ev["mentions"] = 1
    ev["sources"] = [report["source"]] if report["source"] else []
    ev["article_ids"] = [report["article_id"]] if report["article_id"] else []
    ev["first_reported"] = report["published"]
    ev["last_reported"] = report["published"]
    ev["origin"] = "extracted"
    ev["origin_ref"] = f"{report['article_id']}:{report['sentence_start']}-{report['sentence_end']}"
    return ev


def mention_row(report: dict, event_id: str, origin_ref: str) -> dict:
    row = {c: report.get(c) for c in MENTION_COLUMNS}
    row["mention_id"] = report["event_id"]
    row["event_id"] = event_id
    row["origin_ref"] = origin_ref
    return row


_NO_EVENTS = pd.DataFrame({c: pd.Series(dtype=d) for c, d in stored_dtypes().items()})
_MATCH_COLUMNS = ["article_ids", "source_actor", "target_actor", "actors", "summary", "sentence"]


class _StoredRows:
    """Read access by position to the stored events, held as a DataFrame or as the Arrow table of a
    snapshot (so an ingest into a large store never turns all of it into pandas)."""

    def __init__(self, stored):
        self.src = stored
        self.is_arrow = isinstance(stored, pa.Table)
        self.n = stored.num_rows if self.is_arrow else len(stored)

    def extracted_positions(self) -> np.ndarray:
        if self.is_arrow:
            hit = pc.equal(self.src.column("origin"), "extracted").combine_chunks()
            return np.flatnonzero(hit.fill_null(False).to_numpy(zero_copy_only=False))
        return np.flatnonzero((self.src["origin"] == "extracted").to_numpy(dtype=bool, na_value=False))

    def strings(self, name: str, positions: np.ndarray) -> np.ndarray:
        if self.is_arrow:
            return self.src.column(name).take(pa.array(positions)).to_numpy(zero_copy_only=False).astype(object)
        return self.src[name].iloc[positions].astype(str).to_numpy(dtype=object)

    def times(self, name: str, positions: np.ndarray) -> np.ndarray:
        """int64 nanoseconds; NaT as the int64 minimum."""
        if self.is_arrow:
            col = self.src.column(name).take(pa.array(positions)).cast(pa.int64())
            return col.fill_null(np.iinfo(np.int64).min).to_numpy(zero_copy_only=False)
        return self.src[name].iloc[positions].to_numpy(dtype="datetime64[ns]").view("int64")

    def rows(self, positions, columns: list[str]) -> list[dict]:
        if not self.is_arrow:
            return self.src[columns].iloc[list(positions)].to_dict("records")
        sub = self.src.select(columns).take(pa.array(list(positions), type=pa.int64()))
        # a taken dictionary column still carries the whole dictionary: decode it before splitting
        sub = pa.table(
            {
                c: (sub.column(c).cast(pa.string()) if pa.types.is_dictionary(sub.column(c).type) else sub.column(c))
                for c in columns
            }
        )
        return disk.from_arrow(sub, {c: stored_dtypes()[c] for c in columns}).to_dict("records")


class _Candidates:
    """Stored extracted events grouped by (event type, mode), with date arrays for a quick first cut.
    Stored rows are addressed by position."""

    def __init__(self, stored):
        self.stored = _StoredRows(stored)
        ext = self.stored.extracted_positions()
        self.groups: dict[tuple[str, str], tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        if len(ext):
            starts = self.stored.times("date_start", ext)
            ends = self.stored.times("date_end", ext)
            keys = self.stored.strings("event_type", ext) + "|" + self.stored.strings("mode", ext)
            codes, uniq = pd.factorize(keys)
            for k, key in enumerate(uniq):
                p = np.flatnonzero(codes == k)
                self.groups[tuple(key.split("|"))] = (ext[p], starts[p], ends[p])
        self.batch: list[dict] = []  # events created earlier in this batch
        self.updated: dict[int, dict] = {}  # stored position -> event after this batch's reports

    def full_row(self, pos: int) -> dict:
        ev = self.updated.get(pos)
        return ev if ev is not None else self.stored.rows([pos], list(ALL_COLUMNS))[0]

    def find(self, report: dict, words: frozenset[str]) -> tuple[str, int] | None:
        """("stored", position) or ("batch", index) of the best matching event, or None."""
        conf = settings()
        if pd.isna(report["date_start"]) or pd.isna(report["date_end"]):
            return None
        slack = conf["date_slack_days"] * _DAY_NS
        s, e = pd.Timestamp(report["date_start"]).value, pd.Timestamp(report["date_end"]).value
        best, best_score = None, 0.0

        def consider(where: str, key: int, ev: dict) -> None:
            nonlocal best, best_score
            if report["article_id"] in ev["article_ids"]:
                return
            ok, shared = actors_compatible(report, ev)
            if not ok:
                return
            sim = similarity(words, content_words(f"{ev['summary']} {ev['sentence']}"))
            need = conf["min_similarity_shared_actor"] if shared else conf["min_similarity_no_actor"]
            if sim >= need and sim > best_score:
                best, best_score = (where, key), sim

        group = self.groups.get((report["event_type"], report["mode"]))
        if group is not None:
            positions, starts, ends = group
            hit = positions[(starts - slack < e) & (s - slack < ends)]
            if len(hit):
                rows = self.stored.rows(hit.tolist(), _MATCH_COLUMNS)
                for pos, ev in zip(hit.tolist(), rows, strict=True):
                    consider("stored", pos, self.updated.get(pos, ev))
        for i, ev in enumerate(self.batch):
            if ev["event_type"] != report["event_type"] or ev["mode"] != report["mode"] or pd.isna(ev["date_start"]):
                continue
            if ev["date_start"].value - slack < e and s - slack < ev["date_end"].value:
                consider("batch", i, ev)
        return best


@dataclass
class Plan:
    """What a batch changes: keep[i] says whether stored row i stays as it is (None: all stay);
    changed holds the rows to append (events updated by new reports, new events, imported events);
    mentions the new reports."""

    keep: np.ndarray | None
    changed: pd.DataFrame
    mentions: pd.DataFrame | None
    summary: AddSummary


def _member(values: pd.Series, known) -> np.ndarray:
    """values that are in known (a Python set, or an Arrow array of strings)."""
    if known is None or len(values) == 0:
        return np.zeros(len(values), dtype=bool)
    if isinstance(known, (set, frozenset)):
        return np.fromiter((v in known for v in values.tolist()), dtype=bool, count=len(values))
    probe = pa.array(values.astype(str).tolist(), type=pa.string())
    return pc.is_in(probe, value_set=known).to_numpy(zero_copy_only=False).astype(bool)


def _rows(df: pd.DataFrame) -> list[dict]:
    return df.to_dict("records")


def check_rows(df: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """Drop rows that cannot be stored (unknown event type, empty id); say why for each."""
    bad: list[tuple[str, str]] = []
    ok = pd.Series(True, index=df.index)
    ids = df["event_id"].astype("string").fillna("")
    ok &= ids != ""
    for label in df.index[ids == ""]:
        bad.append((str(df.at[label, "article_id"]), "event row without an event_id"))
    types_ok = df["event_type"].isin(PLOVER_TYPES)
    for label in df.index[~types_ok & ok]:
        bad.append((str(df.at[label, "event_id"]), f"unknown event type {df.at[label, 'event_type']!r}"))
    ok &= types_ok
    return df[ok], bad


def fold(stored, known_mentions, incoming: pd.DataFrame, origin: str = "extracted", known_articles=None) -> Plan:
    """Fold incoming rows into stored events (a DataFrame with a RangeIndex, or the Arrow table of a
    snapshot).

    known_mentions: ids of the reports already stored (a set or an Arrow string array); those are
    skipped. known_articles: ids of articles already stored; their extracted reports are skipped
    too, so an article read again adds nothing even when the extractor now cuts it differently."""
    summary = AddSummary()
    missing = [c for c in EVENT_COLUMNS if c not in incoming.columns]
    if missing:
        raise ValueError(f"events batch is missing columns: {', '.join(missing)}")
    # A batch that already carries every store column (importers, generated data) is made of events.
    premerged = all(c in incoming.columns for c in STORE_COLUMNS)
    incoming = incoming.copy()
    for name, default in STORE_DEFAULTS.items():
        if name not in incoming.columns:
            incoming[name] = default if name != "origin" else origin
    incoming["origin"] = incoming["origin"].astype("string").fillna(origin).replace("", origin)
    for name in ("sources", "article_ids", "first_reported", "last_reported"):
        if name not in incoming.columns:
            incoming[name] = None
    incoming, bad = check_rows(incoming)
    summary.rejected.extend(bad)
    incoming = cast(incoming, {**stored_dtypes()})

    seen = _member(incoming["event_id"], known_mentions) | incoming["event_id"].duplicated().to_numpy(dtype=bool)
    if known_articles is not None and not premerged:
        seen |= (incoming["origin"] == "extracted").to_numpy(dtype=bool) & _member(
            incoming["article_id"], known_articles
        )
    summary.skipped += int(seen.sum())
    incoming = incoming[~seen]

    to_merge = (incoming["origin"] == "extracted").to_numpy(dtype=bool) & (not premerged)
    extracted = incoming[to_merge]
    imported = incoming[~to_merge]

    mention_rows: list[dict] = []
    # Imported rows and pre-merged batches are events already: stored as they come.
    if len(imported):
        imp = imported.copy()
        imp["sources"] = [
            s if s else ([src] if src else []) for s, src in zip(imp["sources"], imp["source"], strict=True)
        ]
        imp["article_ids"] = [
            a if a else ([aid] if aid else []) for a, aid in zip(imp["article_ids"], imp["article_id"], strict=True)
        ]
        imp["first_reported"] = imp["first_reported"].fillna(imp["published"])
        imp["last_reported"] = imp["last_reported"].fillna(imp["published"])
        imp["origin_ref"] = imp["origin_ref"].where(imp["origin_ref"] != "", imp["event_id"])
        summary.added += len(imp)
        summary.new_event_ids.extend(imp["event_id"].tolist())
        mentions_imp = imp[[c for c in MENTION_COLUMNS if c in imp.columns]].copy()
        mentions_imp["mention_id"] = imp["event_id"]
    else:
        imp, mentions_imp = None, None

    cands = _Candidates(stored if len(extracted) else _NO_EVENTS)
    for report in _rows(extracted):
        words = content_words(f"{report['summary']} {report['sentence']}")
        hit = cands.find(report, words)
        if hit is None:
            ev = new_event_from_report(report)
            cands.batch.append(ev)
            summary.added += 1
            summary.new_event_ids.append(ev["event_id"])
            mention_rows.append(mention_row(report, ev["event_id"], ev["origin_ref"]))
            continue
        where, key = hit
        summary.merged += 1
        if where == "batch":
            cands.batch[key] = fold_into(cands.batch[key], report)
            target = cands.batch[key]["event_id"]
        else:
            cands.updated[key] = fold_into(cands.full_row(key), report)
            target = cands.updated[key]["event_id"]
        ref = f"{report['article_id']}:{report['sentence_start']}-{report['sentence_end']}"
        mention_rows.append(mention_row(report, target, ref))

    keep = None
    if cands.updated:
        keep = np.ones(cands.stored.n, dtype=bool)
        keep[list(cands.updated)] = False
    parts = []
    if cands.updated:
        parts.append(cast(pd.DataFrame(list(cands.updated.values())), stored_dtypes()))
    if cands.batch:
        parts.append(cast(pd.DataFrame(cands.batch), stored_dtypes()))
    if imp is not None:
        parts.append(imp[list(ALL_COLUMNS)])
    parts = [p for p in parts if len(p)]
    changed = pd.concat(parts, ignore_index=True) if parts else _NO_EVENTS
    mparts = []
    if mention_rows:
        mparts.append(cast(pd.DataFrame(mention_rows), MENTION_COLUMNS))
    if mentions_imp is not None:
        mparts.append(cast(mentions_imp, MENTION_COLUMNS))
    mentions = pd.concat(mparts, ignore_index=True) if mparts else None
    return Plan(keep=keep, changed=changed, mentions=mentions, summary=summary)
