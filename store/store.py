"""EventStore: the events table kept on disk (see disk.py for the layout, merge.py for the merging)."""

from __future__ import annotations

import contextlib
import os
import pathlib
import threading
from collections.abc import Iterable, Sequence

import pandas as pd
import pyarrow as pa
from filelock import FileLock, Timeout

from core.errors import StoreError
from store import disk, merge, salience
from store.columns import ALL_LIST_COLUMNS, PUBLIC_MENTION_COLUMNS, empty_mentions, empty_stored
from store.corrections import ADDED_COLUMNS, CorrectionLog, report_keys_of
from store.corrections import apply as apply_corrections
from store.summary import AddSummary

ROOT = pathlib.Path(__file__).resolve().parents[1]
LOCK_TIMEOUT_S = float(os.environ.get("EVENTS_STORE_LOCK_TIMEOUT", "600"))


_THREAD_LOCKS: dict[str, threading.Lock] = {}
_THREAD_LOCKS_GUARD = threading.Lock()


def _thread_lock(path: pathlib.Path) -> threading.Lock:
    key = os.path.realpath(path)
    with _THREAD_LOCKS_GUARD:
        return _THREAD_LOCKS.setdefault(key, threading.Lock())


def default_path() -> pathlib.Path:
    """$EVENTS_STORE, or <repo>/data/store."""
    env = os.environ.get("EVENTS_STORE")
    return pathlib.Path(env) if env else ROOT / "data" / "store"


class EventStore:
    """A directory holding the events table and its mentions.

    Reading never takes the lock (a snapshot is swapped in atomically); writing does, so two ingests
    at once take turns. Loaded tables are cached per snapshot generation.
    """

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = pathlib.Path(path) if path is not None else default_path()
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path}: the store must be a directory, and this is a file")
        self._cache: tuple[str, pd.DataFrame] | None = None
        self._corrected_cache: tuple | None = None

    # ---- reading -------------------------------------------------------------------------------------
    def _meta(self) -> dict | None:
        if not self.path.is_dir():
            return None
        meta = disk.read_meta(self.path)
        if meta is None and (self.path / "warehouse.json").is_file():  # store/warehouse/layout.py's MANIFEST
            raise StoreError(
                f"{self.path}: is a warehouse-tier store (store/warehouse/); read it through store.source.open_store "
                "and import into it with `python -m extract import`"
            )
        return meta

    def version(self) -> str:
        """A key that changes whenever the stored contents or their corrections change ("empty" for a store
        never written)."""
        meta = self._meta()
        if meta is None:
            return "empty"
        log = self.corrections.version()
        return f"{meta.get('store_id', '')}:{meta['generation']}" + ("" if log == "none" else f":c{log}")

    @property
    def corrections(self) -> CorrectionLog:
        """The analysts' corrections of this store (store/corrections.py)."""
        return CorrectionLog(self.path)

    def report_keys(self) -> pd.DataFrame:
        """One row per report: event_id and the report's stable key (what corrections name events by)."""
        meta, df = self._load("mentions", columns=["mention_id", "event_id", "origin_ref"])
        keys = report_keys_of(df["mention_id"], df["origin_ref"])
        return pd.DataFrame({"event_id": df["event_id"].astype(str).to_numpy(), "key": keys})

    def event_keys(self, event_id: str) -> list[str]:
        """The report keys of one stored event (empty when there is no such event)."""
        keys = self.report_keys()
        return keys.loc[keys["event_id"] == str(event_id).split("~split-")[0], "key"].tolist()

    def _load(
        self, which: str, event_ids: list[str] | None = None, columns: list[str] | None = None
    ) -> tuple[dict | None, pd.DataFrame]:
        for _attempt in range(3):
            meta = self._meta()
            if meta is None:
                empty = empty_stored() if which == "events" else empty_mentions()
                return None, empty if columns is None else empty[list(columns)]
            try:
                return meta, disk.load(self.path, meta, which, event_ids, columns)
            except FileNotFoundError:
                continue  # a writer swapped snapshots between reading meta and the file: read meta again
        raise StoreError(f"{self.path}: the store's files keep changing or are missing; is it being rewritten?")

    @staticmethod
    def _key(meta: dict | None) -> str:
        return "empty" if meta is None else f"{meta.get('store_id', '')}:{meta['generation']}"

    def events(self, columns: Sequence[str] | None = None, *, corrected: bool = True) -> pd.DataFrame:
        """Every stored event, with the analysts' corrections applied (corrected=False: as extracted or
        imported). Columns as in raw_events(), plus the columns corrections add (corrected_fields,
        hidden_reason, note, flags) when named, or when columns is None and the store has corrections.
        Hidden events are in the table: filters leave them out."""
        # the version before the log: a correction saved in between then only makes the next read apply again,
        # where read after it would file this older table under the newer version
        key = self.version()
        entries = self.corrections.entries() if corrected else []
        names = list(columns) if columns is not None else list(disk.ALL_COLUMNS_FLAT)
        if columns is None and entries:
            names += list(ADDED_COLUMNS)
        added = [c for c in names if c in ADDED_COLUMNS]
        if not entries and not added:
            return self.raw_events(names)
        base = [c for c in names if c not in ADDED_COLUMNS]
        need = list(dict.fromkeys(["event_id", "event_type", *base]))
        cache = self._corrected_cache
        if cache is not None and cache[0] == key and set(need) <= set(cache[1].columns):
            return cache[1][names].copy(deep=False)
        if cache is not None and cache[0] == key:  # more columns than before: apply again to all of them
            need = list(dict.fromkeys([*cache[1].columns.difference(list(ADDED_COLUMNS), sort=False), *need]))
        raw = self.raw_events(need)
        keys = self.report_keys() if entries else pd.DataFrame({"event_id": [], "key": []})
        table, outcome = apply_corrections(raw, keys, entries)
        self._corrected_cache = (key, table, outcome)
        return table[names].copy(deep=False)

    def correction_orphans(self) -> list[dict]:
        """Corrections whose event is no longer in the store (listed, never dropped)."""
        self.events(["event_id", "event_type"])
        return list(self._corrected_cache[2].orphans) if self._corrected_cache else []

    def raw_events(self, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """Every stored event: EVENT_COLUMNS + STORE_COLUMNS with their declared dtypes, or only the given
        columns in that order (KeyError for a name that is not a stored column).

        Columns are loaded when first asked for and kept for the snapshot generation, so asking for fewer
        columns (the dashboard leaves out article_ids: a million distinct lists) makes the first load
        quicker and lighter. List cells may be shared between rows that hold equal lists: treat them as
        read-only."""
        names = list(disk.ALL_COLUMNS_FLAT) if columns is None else list(columns)
        unknown = [c for c in names if c not in disk.ALL_COLUMNS_FLAT]
        if unknown:
            raise KeyError(f"no such events column: {', '.join(unknown)}")
        key = self._key(self._meta())
        cached = self._cache[1] if self._cache is not None and self._cache[0] == key else None
        missing = [c for c in names if cached is None or c not in cached.columns]
        if missing:
            meta, part = self._load("events", columns=missing)
            if self._key(meta) != key:  # the store changed meanwhile: read the new generation whole
                meta, frame = self._load("events", columns=names)
                self._cache = (self._key(meta), frame)
                return frame.copy(deep=False)
            cached = part if cached is None else pd.concat([cached, part], axis=1)
            self._cache = (key, cached)
        return cached[names].copy(deep=False)

    def list_counts(self, column: str) -> pd.Series:
        """How many stored events hold each element of a list column (actors, countries, topics, sources,
        article_ids), most frequent first (ties: first stored first); each element counts once per event and
        empty elements are left out. Counted on the stored dictionary, so a million events take milliseconds."""
        if column not in ALL_LIST_COLUMNS:
            raise KeyError(f"not a list column: {column}")
        for _attempt in range(3):
            meta = self._meta()
            if meta is None:
                return pd.Series(dtype="int64")
            try:
                table = disk.load_table(self.path, meta, "events")
            except FileNotFoundError:
                continue  # a writer swapped snapshots meanwhile: read meta again
            counts = pd.Series(disk.list_element_counts(table.column(column)), dtype="int64")
            return counts.sort_values(ascending=False, kind="stable")
        raise StoreError(f"{self.path}: the store's files keep changing or are missing; is it being rewritten?")

    def mentions(self, event_ids: Iterable[str] | None = None) -> pd.DataFrame:
        """One row per report of the given events (all events when None), oldest publication first."""
        ids = None if event_ids is None else [str(x) for x in event_ids]
        if ids is not None and not ids:
            return empty_mentions()[PUBLIC_MENTION_COLUMNS]
        _meta, df = self._load("mentions", ids)
        df = df.sort_values(["event_id", "published"], kind="stable", na_position="last")
        return df[PUBLIC_MENTION_COLUMNS].reset_index(drop=True)

    # ---- writing -------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _locked(self):
        """Writers take turns: threads of this process through a lock per directory (so they do not
        wait on the OS lock), processes through a file lock (released by the system if the holder dies)."""
        with _thread_lock(self.path):
            try:
                self.path.mkdir(parents=True, exist_ok=True)
                lock = FileLock(str(self.path / ".lock"), timeout=LOCK_TIMEOUT_S)
                lock.acquire()
            except Timeout as exc:
                raise StoreError(
                    f"{self.path}: another process has held the store's lock for "
                    f"{LOCK_TIMEOUT_S:.0f} s; try again when it finishes"
                ) from exc
            except OSError as exc:
                raise disk.store_error_for(exc, self.path) from exc
            try:
                yield
            finally:
                lock.release()

    def add_events(self, df: pd.DataFrame, *, origin: str = "extracted") -> AddSummary:
        """Add a batch of event rows (EVENT_COLUMNS form, or importer rows carrying store columns).

        Reports already stored are skipped, reports of an event already known are merged into it, the
        rest become new events. The batch is written all at once or not at all."""
        with self._locked():
            meta = self._meta()
            if meta:
                ev_table = disk.load_table(self.path, meta, "events")
                mn_table = disk.load_table(self.path, meta, "mentions")
                known, articles = mn_table.column("mention_id"), mn_table.column("article_id")
            else:
                ev_table = mn_table = known = articles = None
            stored = ev_table if ev_table is not None else empty_stored()
            plan = merge.fold(stored, known, df, origin=origin, known_articles=articles)
            if plan.mentions is None and not len(plan.changed):
                return plan.summary
            # Unchanged rows are carried over as zero-copy slices of the mapped snapshot; new rows are
            # appended as another chunk (disk._write_ipc compacts when the chunks pile up).
            events = disk.to_arrow(plan.changed, disk.ALL_COLUMNS_FLAT)
            if ev_table is not None:
                kept = ev_table if plan.keep is None else disk.without_rows(ev_table, plan.keep)
                events = disk.append_rows(kept, events)
            events = events.set_column(
                events.schema.get_field_index("salience"), "salience", salience.compute_table(events)
            )
            mparts = [mn_table] if mn_table is not None else []
            if plan.mentions is not None:
                mparts.append(disk.to_arrow(plan.mentions, disk.MENTION_COLUMNS))
            mentions = pa.concat_tables(mparts) if mparts else disk.to_arrow(empty_mentions(), disk.MENTION_COLUMNS)
            disk.sweep(self.path, meta)
            try:
                disk.write_snapshot(self.path, meta, events, mentions)
            except OSError as exc:
                raise disk.store_error_for(exc, self.path) from exc
            disk.sweep(self.path, disk.read_meta(self.path))
            self._cache = None
        return plan.summary

    def import_file(self, kind: str, source) -> AddSummary:
        """Import a GDELT 2.0 event export or an ACLED CSV export (a path, or (name, bytes) from an upload)."""
        from store import importers

        rows, rejected = importers.read(kind, source)
        summary = AddSummary(rejected=list(rejected))
        if len(rows):
            summary.extend(self.add_events(rows, origin=kind))
        return summary
