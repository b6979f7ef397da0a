"""One read interface over both store tiers: what the dashboard asks a store for.

    from store.source import open_store
    src = open_store(path)          # ArrowSource for an Arrow store (or an empty directory), Warehouse for a warehouse
    src.version()                   # changes whenever the contents change
    src.count(filters)              # events passing the filters
    src.aggregate(filters, by=("period:week", "event_type"))   # counts per group, a small DataFrame
    src.quad_balance(filters, "month")                          # events per period and quad class, and the balance
    src.top_actors(filters, 20) / src.actor_edges(filters, 100) # actor counts / source -> target pairs
    src.top_rows(filters, 200, order=("salience", "mentions"), columns=[...])   # the first rows of a view
    src.options()                   # what the sidebar offers, with counts
    src.event(event_id) / src.mentions(event_ids)

`ArrowSource` answers with pandas over the Arrow store's table (store/query.py's filters); the warehouse answers
with DuckDB SQL over Parquet and never loads every row. Both give the same results for the same events (tested
by tests/test_warehouse_tiers.py). Semantics shared by both:

- aggregate dimensions: "period:day|week|month" (the day / ISO week (Monday) / month that date_start falls in;
  events without a date_start are left out; column "period"), "event_type", "quad_class", "mode", "origin",
  "date_precision", "source_actor", "target_actor", "country", "topic" and "actor" (the actors list). A list
  dimension counts an event once under each distinct element
  of its list, and under "" when the list is empty; two list dimensions count every pair. Rows are sorted by
  the dimensions; the count column is "events".
- top_actors: per actor, events naming it as source, as target, and in the actors list (each once per event);
  total = the largest of the three, only_mentioned = total - as_source - as_target (at least 0); ordered by total,
  then as_source (largest first), then name.
- actor_edges: source -> target pairs (both named, not the same), ordered by events, then source, then target.
- top_rows: ordered by the order columns, largest first (missing values last), then event_id ascending.
- options: counts over every stored event (no filters); each element once per event; ties by value.
- review (Filters.review): the Arrow tier applies the analysts' corrections (store/corrections.py); the warehouse
  does not apply them yet, so there every event is visible and uncorrected ("hidden" and "corrected" give none).
"""

from __future__ import annotations

import abc
import os
import pathlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.schema import QUAD_CLASSES
from store.columns import ALL_COLUMNS, PUBLIC_MENTION_COLUMNS
from store.query import Filters, explode_codes, filter_positions, list_value_counts

PERIODS = ("day", "week", "month")
PLAIN_DIMENSIONS = ("event_type", "quad_class", "mode", "origin", "date_precision", "source_actor", "target_actor")
LIST_DIMENSIONS = {"country": "countries", "topic": "topics", "actor": "actors"}
# Dimensions the warehouse's counts files do not hold: grouping by them reads the events themselves.
EVENT_ONLY_DIMENSIONS = ("date_precision", "source_actor", "target_actor", "actor")
# An Arrow store holding more events than this moves to the warehouse before an import that would pass it
# (`python -m extract import`; `python -m extract store migrate --to warehouse` does it by hand). Past it, every
# write's full rewrite of the snapshot takes over 10 s and loading it over 1.5 GB (store/README.md).
ARROW_MAX_EVENTS = int(os.environ.get("EVENTS_ARROW_MAX_EVENTS", "2000000"))
ACTOR_OPTIONS = 3000


@dataclass(frozen=True)
class SourceOptions:
    """What the sidebar offers: each series maps a value to its number of events, most first (ties by value)."""

    countries: pd.Series
    actors: pd.Series
    topics: pd.Series
    event_types: pd.Series
    first: pd.Timestamp | None
    last: pd.Timestamp | None
    total: int


def parse_by(by: Sequence[str] | str) -> list[tuple[str, str]]:
    """("period:week", "country") -> [("period", "week"), ("country", "country")]; ValueError for an unknown one."""
    if isinstance(by, str):
        by = (by,)
    out: list[tuple[str, str]] = []
    for item in by:
        if item.startswith("period:"):
            period = item.split(":", 1)[1]
            if period not in PERIODS:
                raise ValueError(f"unknown period {period!r}: use one of {', '.join(PERIODS)}")
            out.append(("period", period))
        elif item in PLAIN_DIMENSIONS or item in LIST_DIMENSIONS:
            out.append((item, item))
        else:
            known = ", ".join(["period:day|week|month", *PLAIN_DIMENSIONS, *LIST_DIMENSIONS])
            raise ValueError(f"unknown aggregate dimension {item!r}: use {known}")
    names = [name if kind != "period" else "period" for kind, name in out]
    if len(set(names)) != len(names):
        raise ValueError(f"a dimension is named twice in {list(by)}")
    return out


def dimension_names(dims: list[tuple[str, str]]) -> list[str]:
    return ["period" if kind == "period" else name for kind, name in dims]


def sort_options(counts: pd.Series) -> pd.Series:
    """Counts per value, most first, ties by value; empty values left out."""
    counts = counts[counts.index.astype(str) != ""].astype("int64")
    if counts.empty:
        return pd.Series(dtype="int64")
    frame = pd.DataFrame({"value": counts.index.astype(str), "n": counts.to_numpy()})
    frame = frame.sort_values(["n", "value"], ascending=[False, True], kind="stable")
    return pd.Series(frame["n"].to_numpy(), index=pd.Index(frame["value"].to_numpy(dtype=object)), dtype="int64")


DIMENSION_DTYPE = pd.StringDtype("pyarrow")


def finish_aggregate(frame: pd.DataFrame, names: list[str], presorted: bool = False) -> pd.DataFrame:
    """The common shape of an aggregate: the dimension columns (period as datetime64[ns], the others as Arrow-backed
    strings, "" for none), then events (int64), sorted by the dimensions (presorted: already so)."""
    out = {}
    for name in names:
        col = frame[name]
        if name == "period":
            out[name] = pd.to_datetime(col).astype("datetime64[ns]")
        else:
            out[name] = col.astype(DIMENSION_DTYPE).fillna("")
    out["events"] = frame["events"].astype("int64")
    result = pd.DataFrame(out, columns=[*names, "events"])
    if names and not presorted:
        result = result.sort_values(names, kind="stable")
    return result.reset_index(drop=True)


def finish_top_actors(frame: pd.DataFrame, n: int) -> pd.DataFrame:
    cols = ["as_source", "as_target", "mentioned"]
    frame = frame.copy()
    for c in cols:
        frame[c] = frame[c].fillna(0).astype("int64")
    frame["actor"] = frame["actor"].astype(str).astype(object)
    frame["total"] = frame[cols].max(axis=1).astype("int64")
    frame["only_mentioned"] = (frame["total"] - frame["as_source"] - frame["as_target"]).clip(lower=0).astype("int64")
    frame = frame.sort_values(["total", "as_source", "actor"], ascending=[False, False, True], kind="stable")
    return frame[["actor", *cols, "total", "only_mentioned"]].head(n).reset_index(drop=True)


def finish_edges(frame: pd.DataFrame, n: int) -> pd.DataFrame:
    frame = frame.copy()
    frame["source"] = frame["source"].astype(str).astype(object)
    frame["target"] = frame["target"].astype(str).astype(object)
    frame["events"] = frame["events"].astype("int64")
    frame = frame.sort_values(["events", "source", "target"], ascending=[False, True, True], kind="stable")
    return frame[["source", "target", "events"]].head(n).reset_index(drop=True)


class EventSource(abc.ABC):
    """The read interface both tiers implement (see the module docstring for the semantics)."""

    tier: str = ""
    path: pathlib.Path

    @abc.abstractmethod
    def version(self) -> str: ...

    @abc.abstractmethod
    def count(self, filters: Filters) -> int: ...

    @abc.abstractmethod
    def aggregate(self, filters: Filters, by: Sequence[str] | str) -> pd.DataFrame: ...

    @abc.abstractmethod
    def top_actors(self, filters: Filters, n: int = 20) -> pd.DataFrame: ...

    @abc.abstractmethod
    def actor_edges(self, filters: Filters, n: int = 200) -> pd.DataFrame: ...

    @abc.abstractmethod
    def top_rows(
        self,
        filters: Filters,
        n: int = 200,
        order: Sequence[str] = ("salience", "mentions"),
        columns: Sequence[str] | None = None,
    ) -> pd.DataFrame: ...

    @abc.abstractmethod
    def options(self, actor_limit: int = ACTOR_OPTIONS) -> SourceOptions: ...

    @abc.abstractmethod
    def event(self, event_id: str) -> pd.DataFrame: ...

    @abc.abstractmethod
    def mentions(self, event_ids: Iterable[str]) -> pd.DataFrame: ...

    def prefetch(self, filters: Filters, by: Sequence[str] | str) -> None:
        """A hint that aggregate(filters, by) will be asked soon: a source whose questions take long may start
        answering it now, beside the caller's next question (the warehouse does); by default nothing."""
        return None

    def network_pairs(self, filters: Filters, top_nodes: int = 30) -> pd.DataFrame:
        """What the actor network draws: aggregate(filters, ("source_actor", "target_actor", "quad_class")), of which
        app/figures/network keeps the pairs among the top_nodes actors with the most events as source or target of a
        named pair (ties by name). A tier may leave out every other pair (the warehouse does: grouping every pair of
        a large view is what would cost)."""
        return self.aggregate(filters, ("source_actor", "target_actor", "quad_class"))

    def quad_balance(self, filters: Filters, period: str = "month") -> pd.DataFrame:
        """Per period: events of each quad class and the balance (cooperation - conflict) / all, in -1..1; indexed
        by period start (the shape app/figures.py's balance chart draws)."""
        agg = self.aggregate(filters, (f"period:{period}", "quad_class"))
        agg = agg[agg["quad_class"].isin(QUAD_CLASSES)]
        wide = agg.pivot_table(index="period", columns="quad_class", values="events", aggfunc="sum", fill_value=0)
        wide = wide.reindex(columns=list(QUAD_CLASSES), fill_value=0).astype("int64")
        wide.index = pd.DatetimeIndex(wide.index, name="period").astype("datetime64[ns]")
        wide.columns = pd.Index(list(QUAD_CLASSES), name="quad")
        coop = wide["verbal_cooperation"] + wide["material_cooperation"]
        conf = wide["verbal_conflict"] + wide["material_conflict"]
        total = (coop + conf).replace(0, np.nan)
        wide["balance"] = ((coop - conf) / total).fillna(0.0)
        return wide


# ---- the Arrow tier, in pandas --------------------------------------------------------------------------------


def period_start(values: np.ndarray, period: str) -> np.ndarray:
    """datetime64[ns] values -> the first day of their day / ISO week (Monday) / month."""
    d = np.asarray(values, dtype="datetime64[ns]")
    if period == "month":
        return d.astype("datetime64[M]").astype("datetime64[ns]")
    days = d.astype("datetime64[D]")
    if period == "week":
        weekday = (days.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday; Monday = 0
        days = days - weekday.astype("timedelta64[D]")
    return days.astype("datetime64[ns]")


def explode_distinct(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(rows, elements): each row's distinct list elements, "" for a row whose list is empty or missing."""
    n = len(values)
    rows, codes, elements = explode_codes(values)
    if len(rows):
        pairs = np.unique(rows * (len(elements) + 1) + codes)
        rows, codes = pairs // (len(elements) + 1), pairs % (len(elements) + 1)
    names = np.asarray(list(elements) + [""], dtype=object)
    empty = np.setdiff1d(np.arange(n, dtype=np.int64), rows, assume_unique=False)
    rows = np.concatenate([rows, empty]).astype(np.int64)
    codes = np.concatenate([codes, np.full(len(empty), len(elements), dtype=np.int64)])
    return rows, names[codes]


FILTER_COLUMNS = ("date_start", "date_end", "event_type", "mode", "salience")


def filter_columns(f: Filters) -> list[str]:
    cols = list(FILTER_COLUMNS)
    if f.min_confidence > 0:
        cols.append("confidence")
    if f.countries:
        cols.append("countries")
    if f.topics:
        cols.append("topics")
    if f.actors:
        cols += ["source_actor", "target_actor", "actors"]
    if f.text.strip():
        cols += ["summary", "sentence", "title", "location"]
    return cols


class ArrowSource(EventSource):
    """The read interface over an Arrow EventStore, in pandas (the store keeps its loaded columns per snapshot)."""

    tier = "arrow"

    def __init__(self, store):
        from store import EventStore

        self.store = store if isinstance(store, EventStore) else EventStore(store)
        self.path = self.store.path

    def version(self) -> str:
        return self.store.version()

    def _filter_columns(self, f: Filters) -> list[str]:
        """The columns f reads; with the review columns when the store has corrections (hidden events leave views)."""
        cols = filter_columns(f)
        if f.review != "all" and self.store.corrections.version() != "none":
            cols += ["hidden_reason", "corrected_fields"]
        return cols

    def _view(self, f: Filters, columns: Iterable[str]) -> pd.DataFrame:
        """The rows passing f, only the named columns (and never more loaded than the filters and they need)."""
        wanted = list(dict.fromkeys(columns))
        df = self.store.events(list(dict.fromkeys([*self._filter_columns(f), *wanted])))
        pos = filter_positions(df, f)
        return df[wanted].iloc[pos].reset_index(drop=True)

    def count(self, filters: Filters) -> int:
        df = self.store.events(self._filter_columns(filters))
        return int(len(filter_positions(df, filters)))

    def aggregate(self, filters: Filters, by: Sequence[str] | str) -> pd.DataFrame:
        dims = parse_by(by)
        names = dimension_names(dims)
        cols = ["date_start" if kind == "period" else LIST_DIMENSIONS.get(name, name) for kind, name in dims]
        df = self._view(filters, cols)
        frame = pd.DataFrame({"_row": np.arange(len(df), dtype=np.int64)})
        for kind, name in dims:  # list dimensions first multiply the rows, the others are then looked up
            if kind in LIST_DIMENSIONS:
                rows, values = explode_distinct(df[LIST_DIMENSIONS[kind]].to_numpy(dtype=object))
                pairs = pd.DataFrame({"_row": rows, name: values})
                frame = frame.merge(pairs, on="_row", how="inner")
        at = frame["_row"].to_numpy()
        for kind, name in dims:
            if kind == "period":
                starts = df["date_start"].to_numpy(dtype="datetime64[ns]")[at]
                frame["period"] = period_start(starts, name)
            elif kind not in LIST_DIMENSIONS:
                frame[name] = df[name].astype(object).to_numpy()[at]
        if "period" in names:
            frame = frame[pd.notna(frame["period"])]
        if names:
            grouped = frame.groupby(names, dropna=False, sort=False).size().rename("events").reset_index()
        else:
            grouped = pd.DataFrame({"events": [len(frame)]})
        return finish_aggregate(grouped, names)

    def top_actors(self, filters: Filters, n: int = 20) -> pd.DataFrame:
        df = self._view(filters, ["source_actor", "target_actor", "actors"])
        s = df["source_actor"].astype(str)
        t = df["target_actor"].astype(str)
        frame = pd.DataFrame(
            {
                "as_source": s[(s != "") & (s != "<NA>")].value_counts(),
                "as_target": t[(t != "") & (t != "<NA>")].value_counts(),
                "mentioned": list_value_counts(df["actors"]),
            }
        )
        frame.index.name = "actor"
        return finish_top_actors(frame.reset_index(), n)

    def actor_edges(self, filters: Filters, n: int = 200) -> pd.DataFrame:
        df = self._view(filters, ["source_actor", "target_actor"])
        s, t = df["source_actor"].astype(str), df["target_actor"].astype(str)
        keep = (s != "") & (t != "") & (s != t) & (s != "<NA>") & (t != "<NA>")
        pairs = pd.DataFrame({"source": s[keep], "target": t[keep]})
        grouped = pairs.groupby(["source", "target"]).size().rename("events").reset_index()
        return finish_edges(grouped, n)

    def top_rows(
        self,
        filters: Filters,
        n: int = 200,
        order: Sequence[str] = ("salience", "mentions"),
        columns: Sequence[str] | None = None,
    ) -> pd.DataFrame:
        cols = list(columns) if columns is not None else list(ALL_COLUMNS)
        order = list(order)
        df = self._view(filters, [*order, "event_id", *cols])
        df = df.sort_values(
            [*order, "event_id"], ascending=[False] * len(order) + [True], kind="stable", na_position="last"
        )
        return df.head(n)[cols].reset_index(drop=True)

    def options(self, actor_limit: int = ACTOR_OPTIONS) -> SourceOptions:
        df = self.store.events(["event_type", "date_start"])
        if df.empty:
            empty = pd.Series(dtype="int64")
            return SourceOptions(empty, empty, empty, empty, None, None, 0)
        return SourceOptions(
            countries=sort_options(self.store.list_counts("countries")),
            actors=sort_options(self.store.list_counts("actors")).head(actor_limit),
            topics=sort_options(self.store.list_counts("topics")),
            event_types=sort_options(df["event_type"].astype(str).value_counts()),
            first=df["date_start"].min(),
            last=df["date_start"].max(),
            total=len(df),
        )

    def event(self, event_id: str) -> pd.DataFrame:
        df = self.store.events(["event_id"])
        hits = np.flatnonzero((df["event_id"] == event_id).to_numpy(dtype=bool, na_value=False))
        return self.store.events().iloc[hits].reset_index(drop=True)

    def mentions(self, event_ids: Iterable[str]) -> pd.DataFrame:
        return self.store.mentions(list(event_ids))[PUBLIC_MENTION_COLUMNS]


def is_arrow_store(path: str | os.PathLike) -> bool:
    return (pathlib.Path(path) / "meta.json").is_file()


def open_store(path: str | os.PathLike | None = None, **warehouse_options) -> EventSource:
    """The store at path ($EVENTS_STORE or data/store when None), by what is on disk: a warehouse manifest means
    the warehouse tier, anything else (an Arrow store, an empty or missing directory) the Arrow tier."""
    from store.store import default_path
    from store.warehouse import Warehouse, is_warehouse

    root = pathlib.Path(path) if path is not None else default_path()
    if is_warehouse(root):
        return Warehouse(root, **warehouse_options)
    return ArrowSource(root)
