"""Analysts' corrections: a log kept beside the extracted events, applied whenever events are read.

Extracted and imported rows are never rewritten. Each correction is one line of `corrections.jsonl` in
the store's directory (who, when, what, the old and the new value) and names its event by the event's
*report keys*, which survive re-ingesting an article, re-running a newer extractor or re-importing a file:

- an extracted report: `article_id:sentence_start-sentence_end` (the store's `origin_ref`);
- an imported report: its dataset id (`gdelt-<GLOBALEVENTID>`, `acled-<event id>`).

Actions: `set` (a field: event_type, mode, date with its precision, source_actor, target_actor,
countries, topics), `hide` (with a reason), `unhide`, `merge` (another event's reports join this one),
`split` (some reports leave a merged event and form their own), `note`, and `undo` (of an earlier
correction by id). The log is append-only: undo is itself a line.

    log = CorrectionLog(store_path)
    log.add(store, event_id, "set", field="event_type", value="ASSAULT", who="ana")
    events, outcome = apply(events, report_keys, log.entries())   # outcome.orphans: events that vanished

Writes take a lock and rewrite the log atomically (temp file, fsync, rename), re-reading it first, so
two sessions editing at once both keep their edits; a bad correction is refused before anything is
written. `LOG_VERSION` is written on every line; a log from a newer version is refused on import.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import pathlib
import re
import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pycountry
from filelock import FileLock, Timeout

from core.errors import StoreError
from core.schema import MODES, PLOVER_TYPES, QUAD_CLASS

FILE = "corrections.jsonl"
LOG_VERSION = 1
ACTIONS = ("set", "hide", "unhide", "merge", "split", "note", "undo")
FIELDS = ("event_type", "mode", "date", "source_actor", "target_actor", "countries", "topics")
HIDE_REASONS = ("not an event", "duplicate", "out of scope")
DATE_PRECISIONS = ("day", "month", "year")
MAX_TEXT = 2000  # a note or an actor name longer than this is refused
LOCK_TIMEOUT_S = 30.0
# Columns apply() adds to the events table.
ADDED_COLUMNS = {"corrected_fields": "object", "hidden_reason": "string", "note": "string", "flags": "object"}

_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


class CorrectionError(StoreError):
    """A correction that cannot be applied or stored (the message says which and why)."""


def report_key(mention_id: str, origin_ref: str, origin: str = "") -> str:
    """The stable key of one report (see the module doc)."""
    if mention_id.startswith(("gdelt-", "acled-")) or origin in ("gdelt", "acled"):
        return mention_id
    return origin_ref or mention_id


def report_keys_of(mention_ids: pd.Series, origin_refs: pd.Series) -> np.ndarray:
    """report_key of many reports at once (an object array), without a Python step per report."""
    mentions = mention_ids.astype(str)
    refs = origin_refs.astype(str).to_numpy(dtype=object)
    imported = mentions.str.startswith(("gdelt-", "acled-")).to_numpy(dtype=bool, na_value=False)
    return np.where(imported | (refs == ""), mentions.to_numpy(dtype=object), refs)


# ---- checking a value -------------------------------------------------------------------------------
_DATE = {"day": re.compile(r"^\d{4}-\d\d-\d\d$"), "month": re.compile(r"^\d{4}-\d\d$"), "year": re.compile(r"^\d{4}$")}


def date_period(value: str, precision: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """(start, exclusive end) of a corrected date; CorrectionError for a date that cannot exist."""
    if precision not in DATE_PRECISIONS:
        raise CorrectionError(f"date precision must be one of {', '.join(DATE_PRECISIONS)}, not {precision!r}")
    if not _DATE[precision].match(value or ""):
        shape = {"day": "YYYY-MM-DD", "month": "YYYY-MM", "year": "YYYY"}[precision]
        raise CorrectionError(f"a {precision} date is written {shape}; {value!r} is not")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        start = dt.date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise CorrectionError(f"{value!r} is not a date that exists ({exc})") from exc
    if not 1678 <= start.year <= 2261:
        raise CorrectionError(f"{value!r} is outside the years the table can hold (1678-2261)")
    begin = pd.Timestamp(start)
    offset = {"day": pd.Timedelta(days=1), "month": pd.offsets.MonthBegin(1), "year": pd.offsets.YearBegin(1)}
    return begin, begin + offset[precision]


def check_value(field_name: str, value, precision: str | None = None) -> tuple[object, list[str]]:
    """The value as stored, and flags (kept, not refused: an actor name outside the gazetteer, say).
    CorrectionError when the value cannot be right."""
    if field_name not in FIELDS:
        raise CorrectionError(f"{field_name!r} cannot be corrected; fields: {', '.join(FIELDS)}")
    if field_name == "event_type":
        if value not in PLOVER_TYPES:
            raise CorrectionError(f"unknown event type {value!r}; one of {', '.join(PLOVER_TYPES)}")
        return value, []
    if field_name == "mode":
        if value not in MODES:
            raise CorrectionError(f"unknown mode {value!r}; one of {', '.join(MODES)}")
        return value, []
    if field_name == "date":
        date_period(str(value), precision or "day")
        return str(value), []
    if field_name == "countries":
        codes = [str(c).strip().upper() for c in (value or [])]
        bad = [c for c in codes if pycountry.countries.get(alpha_3=c) is None and c != "XKX"]
        if bad:
            raise CorrectionError(f"not ISO 3166 alpha-3 country codes: {', '.join(bad)}")
        return list(dict.fromkeys(codes)), []
    if field_name == "topics":
        return [str(t).strip() for t in (value or []) if str(t).strip()], []
    text = str(value or "").strip()
    if len(text) > MAX_TEXT:
        raise CorrectionError(f"an actor name of {len(text)} characters is too long (at most {MAX_TEXT})")
    return text, []


# ---- the log on disk ----------------------------------------------------------------------------------
class CorrectionLog:
    """The corrections of one store directory."""

    def __init__(self, store_path: str | os.PathLike):
        self.dir = pathlib.Path(store_path)
        self.path = self.dir / FILE

    def version(self) -> str:
        """Changes whenever the log changes ("none" when there is no log)."""
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return "none"
        return f"{st.st_mtime_ns}-{st.st_size}"

    def entries(self) -> list[dict]:
        """Every correction, oldest first."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        return [json.loads(line) for line in text.splitlines() if line.strip()]

    @contextlib.contextmanager
    def _locked(self):
        key = os.path.realpath(self.dir)
        with _LOCKS_GUARD:
            thread_lock = _LOCKS.setdefault(key, threading.Lock())
        with thread_lock:
            self.dir.mkdir(parents=True, exist_ok=True)
            lock = FileLock(str(self.dir / ".corrections.lock"), timeout=LOCK_TIMEOUT_S)
            try:
                lock.acquire()
            except Timeout as exc:
                raise CorrectionError(f"{self.dir}: another edit has held the corrections lock too long") from exc
            try:
                yield
            finally:
                lock.release()

    def append(self, lines: Iterable[dict]) -> None:
        """Add lines to the log in one atomic rewrite (all or nothing)."""
        new = [json.dumps(line, ensure_ascii=False, default=str) for line in lines]
        with self._locked():
            try:
                old = self.path.read_text(encoding="utf-8") if self.path.exists() else ""
                tmp = self.path.with_name(f".{FILE}.{uuid.uuid4().hex}.tmp")
                with tmp.open("w", encoding="utf-8") as fh:
                    fh.write(old if not old or old.endswith("\n") else old + "\n")
                    fh.write("".join(line + "\n" for line in new))
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, self.path)
            except OSError as exc:
                with contextlib.suppress(OSError, UnboundLocalError):
                    tmp.unlink()
                raise CorrectionError(
                    f"{self.path}: the correction could not be saved ({exc.strerror or exc})"
                ) from exc

    def add(
        self,
        keys: list[str],
        action: str,
        *,
        event_id: str = "",
        field_name: str = "",
        value=None,
        old=None,
        precision: str | None = None,
        reason: str = "",
        note: str = "",
        other_keys: list[str] | None = None,
        target: str = "",
        who: str = "",
        event_type_then: str = "",
    ) -> dict:
        """Check one correction and append it; returns the stored line."""
        line = make_line(
            keys,
            action,
            event_id=event_id,
            field_name=field_name,
            value=value,
            old=old,
            precision=precision,
            reason=reason,
            note=note,
            other_keys=other_keys,
            target=target,
            who=who,
            event_type_then=event_type_then,
        )
        self.append([line])
        return line

    def import_lines(self, lines: list[dict]) -> tuple[int, int]:
        """Add another store's corrections (a log file's lines); corrections already here are skipped.
        Returns (added, skipped). Every line is checked before any is written."""
        known = {e.get("id") for e in self.entries()}
        fresh = []
        for n, line in enumerate(lines, 1):
            version = line.get("log_version")
            if not isinstance(version, int) or version > LOG_VERSION:
                raise CorrectionError(
                    f"line {n}: a correction log of version {version!r}; this store reads version {LOG_VERSION} "
                    "and older"
                )
            checked = make_line(
                list(line.get("keys") or []),
                line.get("action", ""),
                event_id=line.get("event_id", ""),
                field_name=line.get("field", ""),
                value=line.get("value"),
                old=line.get("old"),
                precision=line.get("precision"),
                reason=line.get("reason", ""),
                note=line.get("note", ""),
                other_keys=line.get("other_keys"),
                target=line.get("target", ""),
                who=line.get("who", ""),
                event_type_then=line.get("event_type_then", ""),
            )
            checked["id"], checked["when"] = line.get("id") or checked["id"], line.get("when") or checked["when"]
            if checked["id"] not in known:
                fresh.append(checked)
                known.add(checked["id"])
        if fresh:
            self.append(fresh)
        return len(fresh), len(lines) - len(fresh)


def make_line(keys, action, *, event_id="", field_name="", value=None, old=None, precision=None, reason="",
              note="", other_keys=None, target="", who="", event_type_then="") -> dict:  # fmt: skip
    """One checked log line; CorrectionError says what is wrong, and nothing is written."""
    if action not in ACTIONS:
        raise CorrectionError(f"unknown correction {action!r}; one of {', '.join(ACTIONS)}")
    if action != "undo" and not keys:
        raise CorrectionError("the event has no reports to name it by; it cannot be corrected")
    line = {
        "log_version": LOG_VERSION,
        "id": uuid.uuid4().hex[:16],
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "who": str(who or "")[:200],
        "action": action,
        "event_id": event_id,
        "keys": [str(k) for k in keys],
        "event_type_then": event_type_then,
    }
    flags: list[str] = []
    if action == "set":
        stored, flags = check_value(field_name, value, precision)
        line.update(field=field_name, value=stored, old=old)
        if field_name == "date":
            line["precision"] = precision or "day"
    elif action == "hide":
        if reason not in HIDE_REASONS:
            raise CorrectionError(f"a hidden event needs a reason: one of {', '.join(HIDE_REASONS)}")
        line["reason"] = reason
    elif action == "merge":
        if not other_keys:
            raise CorrectionError("merging needs the other event")
        if set(other_keys) & set(keys):
            raise CorrectionError("an event cannot be merged with itself")
        line["other_keys"] = [str(k) for k in other_keys]
    elif action == "split":
        if not other_keys or not set(other_keys) < set(keys):
            raise CorrectionError("a split names some, not all, of the event's reports")
        line["other_keys"] = [str(k) for k in other_keys]
    elif action == "note":
        text = str(note or "")
        if len(text) > MAX_TEXT:
            raise CorrectionError(f"a note of {len(text)} characters is too long (at most {MAX_TEXT})")
        line["note"] = text
    elif action == "undo":
        if not target:
            raise CorrectionError("undo needs the correction to take back")
        line["target"] = target
    if flags:
        line["flags"] = flags
    return line


# ---- applying the log ----------------------------------------------------------------------------------
@dataclass
class Outcome:
    """What applying a log did: corrections applied, and those whose event is no longer in the store."""

    applied: int = 0
    orphans: list[dict] = field(default_factory=list)
    # The report keys of each event a merge or split regrouped (events left alone hold their stored keys).
    keys: dict[str, list[str]] = field(default_factory=dict)


def active(entries: list[dict]) -> list[dict]:
    """The corrections still in force: those not taken back by an undo (an undo of an undo restores)."""
    undone: set[str] = set()
    for line in reversed(entries):
        if line.get("action") == "undo" and line.get("id") not in undone:
            undone.add(line.get("target", ""))
    return [e for e in entries if e.get("action") != "undo" and e.get("id") not in undone]


def _find(key_rows: dict[str, list[int]], types: list[str], line: dict, keys_field: str = "keys") -> int | None:
    """The row of the event the correction names: the one holding most of its report keys; among equals,
    the one whose event type is the type it had when corrected (a sentence can hold two events)."""
    votes: dict[int, int] = {}
    for key in line.get(keys_field) or []:
        for row in key_rows.get(key, ()):
            votes[row] = votes.get(row, 0) + 1
    if not votes:
        return None
    then = line.get("event_type_then", "")
    return max(votes, key=lambda r: (votes[r], types[r] == then, -r))


def apply(events: pd.DataFrame, report_keys: pd.DataFrame, entries: list[dict]) -> tuple[pd.DataFrame, Outcome]:
    """The events table with the corrections in force applied.

    report_keys: one row per report, columns event_id and key. Adds the columns of ADDED_COLUMNS (which
    fields were corrected, the hidden reason, the note, flags). Merged-away events leave the table;
    split reports become events of their own (ids `<event_id>~split-<n>`). Only the rows a correction
    names are touched, so a large table with a few corrections costs little more than a copy."""
    out = events.reset_index(drop=True).copy(deep=False)
    n = len(out)
    shared_empty: list = []  # read-only, shared like the store's own list cells
    for name, dtype in ADDED_COLUMNS.items():
        if name not in out.columns:
            values = [shared_empty] * n if dtype == "object" else [""] * n
            out[name] = pd.Series(values, dtype=dtype, index=out.index)
    outcome = Outcome()
    lines = active(entries)
    if not lines or n == 0:
        outcome.orphans = [dict(line) for line in lines]
        return out, outcome
    # Only the events holding a report the corrections name can change: the reports of those events are looked
    # at one by one, the rest of a big store only through vectorized steps.
    named = {str(k) for line in lines for k in (*(line.get("keys") or ()), *(line.get("other_keys") or ()))}
    report_ids, all_keys = report_keys["event_id"].astype(str), report_keys["key"].astype(str)
    near = report_ids.isin(report_ids[all_keys.isin(named)].unique()).to_numpy(dtype=bool)
    report_ids = report_ids[near].to_numpy(dtype=object).tolist()
    event_ids = out["event_id"].astype(str)
    at = np.flatnonzero(event_ids.isin(set(report_ids)).to_numpy(dtype=bool))
    row_of = dict(zip(event_ids.iloc[at].to_numpy(dtype=object).tolist(), at.tolist(), strict=True))
    key_rows: dict[str, list[int]] = {}
    for eid, key in zip(report_ids, all_keys[near].to_numpy(dtype=object).tolist(), strict=True):
        if eid in row_of:
            key_rows.setdefault(key, []).append(row_of[eid])
    rows: dict[int, dict] = {}  # the touched rows, as dicts

    def row_at(i: int) -> dict:
        if i not in rows:
            rows[i] = out.iloc[i].to_dict()
        return rows[i]

    types = out["event_type"].astype(str).tolist()
    dropped: set[int] = set()
    regrouped: set[int] = set()  # rows whose reports a merge or split changed
    for line in lines:
        r = _find(key_rows, types, line)
        if r is None or r in dropped:
            outcome.orphans.append(dict(line))
            continue
        row = row_at(r)
        action = line["action"]
        if action == "set":
            name = line["field"]
            if name == "date":
                start, end = date_period(line["value"], line.get("precision", "day"))
                row.update(date=line["value"], date_precision=line.get("precision", "day"))
                row.update(date_start=start, date_end=end, date_from_publication=False)
            else:
                row[name] = line["value"]
                if name == "event_type":
                    row["quad_class"] = QUAD_CLASS[line["value"]]
                    types[r] = line["value"]
            row["corrected_fields"] = sorted({*row["corrected_fields"], name})
        elif action == "hide":
            row["hidden_reason"] = line["reason"]
        elif action == "unhide":
            row["hidden_reason"] = ""
        elif action == "note":
            row["note"] = line["note"]
        elif action == "merge":
            other = _find(key_rows, types, line, "other_keys")
            if other is None or other == r or other in dropped:
                outcome.orphans.append(dict(line))
                continue
            _merge_into(row, row_at(other))
            dropped.add(other)
            regrouped.add(r)
            for rs in key_rows.values():
                rs[:] = [r if x == other else x for x in rs]
        elif action == "split":
            moved = [k for k in line["other_keys"] if r in key_rows.get(k, ())]
            if not moved:
                outcome.orphans.append(dict(line))
                continue
            new = dict(row)
            new_index = n + sum(1 for i in rows if i >= n)
            new["event_id"] = f"{row['event_id']}~split-{new_index - n + 1}"
            if "mentions" in row:
                new["mentions"] = len(moved)
                row["mentions"] = max(1, int(row["mentions"]) - len(moved))
            new["corrected_fields"] = sorted({*row["corrected_fields"], "split"})
            rows[new_index] = new
            types.append(str(new.get("event_type", "")))
            for k in moved:
                key_rows[k] = [new_index if x == r else x for x in key_rows[k]]
            regrouped.update((r, new_index))
        outcome.applied += 1
    regrouped -= dropped
    if regrouped:
        for key, at_rows in key_rows.items():
            for i in at_rows:
                if i in regrouped:
                    outcome.keys.setdefault(str(rows[i]["event_id"]), []).append(key)
    touched = sorted(i for i in rows if i < n)
    for name in out.columns if touched else ():
        values = [rows[i][name] for i in touched]
        if all(_same(v, w) for v, w in zip(values, out[name].iloc[touched], strict=True)):
            continue
        cells = out[name].to_numpy(dtype=object, copy=True)
        for i, v in zip(touched, values, strict=True):
            cells[i] = v
        out[name] = pd.Series(cells, index=out.index).astype(out[name].dtype)
    extra = [rows[i] for i in sorted(rows) if i >= n]
    if extra:
        added = pd.DataFrame(extra, columns=out.columns)
        out = pd.concat([out, added.astype(out.dtypes.to_dict())], ignore_index=True)
    if dropped:
        out = out.drop(index=sorted(dropped)).reset_index(drop=True)
    return out, outcome


def _same(a, b) -> bool:
    try:
        return bool(a == b) if not isinstance(a, list | tuple) else list(a) == list(b)
    except (TypeError, ValueError):
        return False


def _merge_into(row: dict, other: dict) -> None:
    """Another event's reports counted into row (its own values win; lists are united)."""
    for name in ("actors", "countries", "topics", "sources", "article_ids"):
        if name in row:
            row[name] = list(dict.fromkeys([*(row[name] or []), *(other.get(name) or [])]))
    if "mentions" in row:
        row["mentions"] = int(row["mentions"]) + int(other.get("mentions", 1))
    for name, pick in (("first_reported", min), ("last_reported", max)):
        if name in row and pd.notna(other.get(name)):
            row[name] = other[name] if pd.isna(row[name]) else pick(row[name], other[name])
    row["corrected_fields"] = sorted({*row["corrected_fields"], "merged"})


def current_keys(store, event_id: str) -> list[str]:
    """The report keys of one event as it reads now: those a merge brought in, without those a split took
    away (an event `<id>~split-<n>` holds only the reports split off). Empty when there is no such event."""
    entries = store.corrections.entries()
    if any(line.get("action") in ("merge", "split") for line in active(entries)):
        _table, outcome = apply(store.raw_events(["event_id", "event_type"]), store.report_keys(), entries)
        if str(event_id) in outcome.keys:
            return list(outcome.keys[str(event_id)])
        if "~split-" in str(event_id):
            return []
    return store.event_keys(event_id)


def record(
    store,
    event_id: str,
    action: str,
    *,
    field_name: str = "",
    value=None,
    precision: str | None = None,
    reason: str = "",
    note: str = "",
    other_event_id: str = "",
    split_event_ids: list[str] | None = None,
    target: str = "",
    who: str = "",
) -> dict:
    """Correct one stored event (an EventStore): look up its report keys and current values, check the
    correction and append it to the store's log. Returns the stored line.

    For a split, split_event_ids are the report keys (current_keys) that leave the event."""
    if action == "undo":
        return store.corrections.add(["-"], "undo", target=target, who=who)
    change = dict(action=action, field_name=field_name, value=value, precision=precision, reason=reason, note=note,
                  other_event_id=other_event_id, split_event_ids=split_event_ids)  # fmt: skip
    return record_many(store, event_id, [change], who=who)[0]


def record_many(store, event_id: str, changes: list[dict], *, who: str = "") -> list[dict]:
    """Several corrections of one event (each a dict of record()'s keyword arguments, with action), checked
    together and appended in one write: all are stored, or none (CorrectionError says which is wrong)."""
    current = store.events(["event_id", "event_type", "date", "source_actor", "target_actor", "mode"])
    match = current[current["event_id"].astype(str) == str(event_id)]
    if match.empty:
        raise CorrectionError(f"no event {event_id!r} in the store (it may have been merged or re-extracted)")
    keys = current_keys(store, event_id)
    then = str(match["event_type"].iloc[0])
    lines = []
    for change in changes:
        action, field_name = change.get("action", ""), change.get("field_name", "")
        if action == "undo":
            raise CorrectionError("an undo names a correction, not an event: use record(store, '', 'undo', target=id)")
        old = None
        if action == "set" and field_name in match.columns:
            old = match[field_name].iloc[0]
        elif action == "set" and field_name in ("countries", "topics"):
            old = list(store.events(["event_id", field_name]).set_index("event_id").at[event_id, field_name])
        other_event_id = change.get("other_event_id", "")
        other = current_keys(store, other_event_id) if other_event_id else None
        if action == "merge" and not other:
            raise CorrectionError(f"no event {other_event_id!r} to merge with")
        line_keys = keys
        if action == "split":  # the keys named may include reports merged in by a correction
            other = list(change.get("split_event_ids") or [])
            line_keys = list(dict.fromkeys([*keys, *other])) if set(other) - set(keys) else keys
        lines.append(
            make_line(
                line_keys,
                action,
                event_id=str(event_id),
                field_name=field_name,
                value=change.get("value"),
                old=old if old is None or isinstance(old, list) else str(old),
                precision=change.get("precision"),
                reason=change.get("reason", ""),
                note=change.get("note", ""),
                other_keys=other,
                who=who,
                event_type_then=then,
            )
        )
    if lines:
        store.corrections.append(lines)
    return lines
