"""What a page works on: the View of the store through the sidebar's filters, and the messages a page shows
when there is nothing to see (an unreadable store, an empty store, filters that leave no events)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from app import data, messages, urlstate
from core.errors import user_message
from store.query import REVIEW_STATES, Filters


def current_filters() -> Filters:
    """The Filters the sidebar currently describes."""
    return urlstate.filters_from_state(st.session_state)


def show_error(exc: BaseException) -> None:
    """The one place a page turns an exception into a message for a person."""
    st.error(user_message(exc))


def show_empty(filters: Filters, total: int) -> None:
    """The friendly message for a view with no events (empty store, or filters that leave nothing)."""
    if total == 0:
        st.info(messages.EMPTY_STORE)
    else:
        text = messages.empty_result(filters, total)
        if filters.review != "visible":
            text += (
                f"  \nReview shows {REVIEW_STATES[filters.review]}; choose *visible* in the sidebar's Review box "
                "to see every event not hidden."
            )
        st.info(text)


class View:
    """The store path, version and tier ("arrow" or "warehouse"), the filters, how many events pass them, and
    the store's size. Pages take only what they show (top(), event(), chart(), country_counts()); all_events()
    is meant for exports. Every load is cached in app.data, which asks a warehouse for counts and top rows and
    never for all its rows."""

    def __init__(self, path: str, version: str, filters: Filters, count: int, total: int, tier: str = "arrow"):
        self.path, self.version, self.filters, self.count, self.total = path, version, filters, count, total
        self.tier = tier

    def chart(self, kind: str, **options) -> go.Figure:
        """The figure of a registered chart (app.figures.CHARTS) for the events in view."""
        return data.chart(kind, self.path, self.version, self.filters, **options)

    def country_counts(self) -> pd.DataFrame:
        """Events in view per country: iso3, events, name, most first."""
        return data.country_counts(self.path, self.version, self.filters)

    def top(self, n: int, by: tuple[str, ...], cols: tuple[str, ...] | None = None) -> pd.DataFrame:
        """The n events in view with the largest values of by (all columns, or cols), largest first."""
        return data.top(self.path, self.version, self.filters, n, tuple(by), None if cols is None else tuple(cols))

    def event(self, event_id: str) -> tuple[pd.DataFrame, bool]:
        """(the stored rows of this event id, whether it is in view)."""
        return data.find_event(self.path, self.version, self.filters, event_id)

    def mentions(self, event_id: str) -> pd.DataFrame:
        """Every report of one event (article, sentence, link, key), oldest first (after analysts' merges and
        splits, the reports it holds now)."""
        return data.mentions(self.path, self.version, event_id)

    def keys(self, event_id: str) -> list[str]:
        """The report keys of one event as it reads now (what corrections name it by)."""
        return data.event_keys(self.path, self.version, event_id)

    def neighbours(self, event_id: str, n: int) -> pd.DataFrame:
        """Up to n other events in view nearest in time to event_id, nearest first."""
        return data.neighbours(self.path, self.version, self.filters, event_id, n)

    def corrections(self) -> tuple[list[dict], frozenset[str]]:
        """The store's correction log (oldest first) and the ids of the corrections in force."""
        return data.corrections(self.path, self.version)

    def orphans(self) -> list[dict]:
        """Corrections whose event is no longer in the store."""
        return data.correction_orphans(self.path, self.version)

    def all_events(self) -> pd.DataFrame:
        """Every column of the events in view for a download (a full copy for a big view: exports only; from a
        warehouse the newest data.WAREHOUSE_EXPORT_ROWS)."""
        return data.export_rows(self.path, self.version, self.filters)

    @property
    def export_note(self) -> str:
        """What a download of this view leaves out ("" when nothing)."""
        if self.tier == "warehouse" and self.count > data.WAREHOUSE_EXPORT_ROWS:
            return (
                f"Downloads hold the newest {data.WAREHOUSE_EXPORT_ROWS:,} of the {self.count:,} events in view "
                "(this store is a warehouse); narrow the filters to download every event of a view."
            )
        return ""


def view(stop_when_empty: bool = True) -> View:
    """Load the filtered events for the current sidebar; on a store error or (optionally) no events, say so
    and stop the page."""
    path = data.store_path()
    filters = current_filters()
    try:
        tier = data.tier(path)
        version = data.version(path)
        count = data.count(path, version, filters)
        total = data.options(path, version).total
    except Exception as exc:  # the store can fail in many ways (damaged file, permissions): say what, then stop
        show_error(exc)
        st.stop()
    if stop_when_empty and count == 0:
        show_empty(filters, total)
        st.stop()
    return View(path, version, filters, count, total, tier)
