"""Pure figure builders, one module per chart, and the one registry of charts: CHARTS.

A chart is a builder (events table + options -> plotly Figure), the columns of the events table it reads,
and the widgets a page offers for its options. Pages do not call builders themselves: app.data.chart(kind)
loads only the columns the registry names (and caches the figure), and app.charts draws the registered
widgets. Shared pieces: style (palette, layout), lanes (events into categories), periods (day/week/month ...),
framing (the span a time axis opens on).

Adding a chart: a module here (builder and COLUMNS), one entry in CHARTS, a test. Nothing in this package
imports Streamlit or reads the store, so every chart can be built and checked in a unit test.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import plotly.graph_objects as go

from app.figures import balance, network, timeline, top_actors, trends
from app.figures import map as country_map  # (not to hide the builtin map)
from app.figures.lanes import LANES


@dataclass(frozen=True)
class Widget:
    """A widget a page draws for one option of a chart.

    option: the builder's keyword; key: where the widget keeps its value in session state; kind: select,
    radio, toggle or slider; choices: value -> label (select, radio); slider: (lowest, highest, default, step);
    url: the query parameter that mirrors the value in the page's link (app.urlstate), or None."""

    option: str
    key: str
    label: str
    kind: str
    choices: Mapping[str, str] = field(default_factory=dict)
    slider: tuple[int, int, int, int] | None = None
    help: str | None = None
    url: str | None = None

    @property
    def default(self) -> object:
        """The value before anyone touches the widget: the first choice, off, or the slider's default."""
        if self.kind in ("select", "radio"):
            return next(iter(self.choices))
        if self.kind == "toggle":
            return False
        if self.kind == "slider" and self.slider:
            return self.slider[2]
        raise ValueError(f"widget {self.key}: unknown kind {self.kind!r} or no slider range")


@dataclass(frozen=True)
class Chart:
    """One chart: build(events, **options) -> Figure; columns: every column build may read; widgets: the
    options a page offers. columns_for(n_events, **options), when given, narrows the columns for a view of
    n_events; key_rows(**options), when given and not None, is (n, by): those options need only the n events
    with the largest values of the columns by."""

    kind: str
    build: Callable[..., go.Figure]
    columns: tuple[str, ...]
    widgets: tuple[Widget, ...] = ()
    columns_for: Callable[..., tuple[str, ...]] | None = None
    key_rows: Callable[..., tuple[int, tuple[str, ...]] | None] | None = None

    def reads(self, n_events: int, **options) -> tuple[str, ...]:
        """The columns build reads from a view of n_events events with these options."""
        return self.columns_for(n_events, **options) if self.columns_for else self.columns

    def rows(self, **options) -> tuple[int, tuple[str, ...]] | None:
        """(n, by) when these options need only the n events largest by the columns by; else None (all)."""
        return self.key_rows(**options) if self.key_rows else None


# One widget may serve two charts of a page (the Trends page counts both its charts per the same period).
PERIOD = Widget("period", "tr_period", "Count per", "radio", {"month": "month", "week": "week"}, url="period")
# Every time axis opens on the bulk of the events (app.figures.framing); one switch, shared by every chart with
# a time axis (so it holds across pages), opens them on every date.
ALL_DATES = Widget(
    "full_span",
    "all_dates",
    "Show all dates",
    "toggle",
    help="Time axes open on the span that holds the bulk of the events; switch on to include every date",
    url="all",
)

CHARTS: dict[str, Chart] = {
    c.kind: c
    for c in (
        Chart(
            "timeline",
            timeline.timeline_chart,
            timeline.COLUMNS,
            widgets=(
                Widget("lane", "tl_lane", "Lanes", "select", LANES, url="lane"),
                Widget("colour", "tl_colour", "Colour by", "select", timeline.COLOURS, url="colour"),
                Widget(
                    "key_only",
                    "tl_key",
                    "Key events only",
                    "toggle",
                    help=f"Keep the {timeline.KEY_EVENTS} most salient events",
                    url="key",
                ),
                ALL_DATES,
            ),
            columns_for=timeline.columns,
            key_rows=timeline.key_rows,
        ),
        Chart("map", country_map.map_chart, country_map.COLUMNS),
        Chart(
            "network",
            network.network_chart,
            network.COLUMNS,
            widgets=(
                Widget(
                    "top_nodes",
                    "ac_nodes",
                    "Actors in the network",
                    "slider",
                    slider=(5, 60, 20, 5),
                    help="The actors linked to the most events as source or target",
                ),
            ),
        ),
        Chart("top_actors", top_actors.top_actors_chart, top_actors.COLUMNS),
        Chart(
            "trends",
            trends.trends_chart,
            trends.COLUMNS,
            widgets=(
                PERIOD,
                Widget("by", "tr_by", "Split by", "radio", {"topic": "Topic", "event_type": "Event type"}, url="by"),
                ALL_DATES,
            ),
        ),
        Chart("balance", balance.balance_chart, balance.COLUMNS, widgets=(PERIOD, ALL_DATES)),
    )
}

# Every registered widget by its session-state key (a widget shared by two charts once).
WIDGETS: dict[str, Widget] = {w.key: w for chart in CHARTS.values() for w in chart.widgets}
