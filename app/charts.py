"""The Streamlit side of the registered charts (app.figures.CHARTS): the widgets a chart declares, the
plotly config every chart is shown with, what a person clicked on a chart, and the briefing drawn above the
landing chart (app.briefing) and carried into its exports."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go
import streamlit as st

from app import briefing as brief_lines
from app import data, source_charts, urlstate
from app.figures import CHARTS, Widget
from store.query import Filters

PLOT_CONFIG = {"displaylogo": False, "scrollZoom": False}


def widget(box, w: Widget) -> object:
    """Draw one declared widget in box (st, a column, the sidebar) and return its value. Select, radio and
    toggle widgets get their starting value from session state (app.sidebar.seed_from_url puts the link's
    value or the default there), so only the slider is given its default here."""
    if w.kind == "select":
        value = box.selectbox(w.label, list(w.choices), format_func=w.choices.get, key=w.key, help=w.help)
    elif w.kind == "radio":
        value = box.radio(w.label, list(w.choices), format_func=w.choices.get, key=w.key, horizontal=True, help=w.help)
    elif w.kind == "toggle":
        value = bool(box.toggle(w.label, key=w.key, help=w.help))
    elif w.kind == "slider" and w.slider:
        low, high, default, step = w.slider
        value = box.slider(w.label, low, high, default, step=step, key=w.key, help=w.help)
    else:
        raise ValueError(f"widget {w.key}: unknown kind {w.kind!r}")
    return w.default if value is None else value


def options(kind: str, boxes: Sequence | None = None) -> dict[str, object]:
    """Draw the widgets the chart kind declares, the i-th in boxes[i] (default: one under another), and
    return their values as the builder's options."""
    widgets = CHARTS[kind].widgets
    return {w.option: widget(boxes[i] if boxes is not None else st, w) for i, w in enumerate(widgets)}


def ahead(*kinds: str) -> None:
    """Called by a page before view(): on a warehouse, start the slowest question of each chart the page draws,
    with the options its widgets hold now, so it is answered beside the view's count rather than after it
    (app.source_charts.ahead). Only a hint: when the store cannot be read, view() says so."""
    path = data.store_path()
    try:
        if data.tier(path) != "warehouse":
            return
        src, filters = data.source(path), urlstate.filters_from_state(st.session_state)
        for kind in kinds:
            opts = {w.option: st.session_state.get(w.key, w.default) for w in CHARTS[kind].widgets}
            source_charts.ahead(src, filters, kind, **opts)
    except Exception:  # a hint: the page's own questions raise and are shown
        return


def clicked(chart_key: str, *fields: str) -> str | None:
    """The value a person clicked on the chart drawn with key chart_key (on_select): of the first point, the
    first of fields it has (a list: its first item); None when nothing is selected."""
    selection = (st.session_state.get(chart_key) or {}).get("selection") or {}
    for point in selection.get("points") or []:
        for name in fields:
            value = point.get(name)
            if isinstance(value, list | tuple):
                value = value[0] if value else None
            if value:
                return str(value)
    return None


@st.cache_data(max_entries=32, show_spinner=False)
def _briefing(path: str, version: str, filters: Filters, full_span: bool, n: int) -> tuple[str, list[brief_lines.Item]]:
    """(the briefing's heading, its lines): the n most salient events of the view whose dates lie on the time
    axis as it opens (the bulk of the view, or every date with full_span), like the chart below it."""
    frame = data.time_frame(path, version, filters, full_span)
    rows = data.top(path, version, filters, max(4 * n, 40), brief_lines.ORDER, brief_lines.COLUMNS)
    if frame is not None and frame.framed:
        rows = rows[frame.contains(rows["date_start"].to_numpy())]
    items = brief_lines.brief(rows, n)
    in_view = data.count(path, version, filters)
    return brief_lines.heading(items, in_view, frame.inside if frame is not None else None), items


def briefing(box, v, full_span: bool = False, n: int = brief_lines.SIZE) -> tuple[str, list[brief_lines.Item]]:
    """Draw the briefing of the view v in box (a container above the chart) and return (title, lines) for
    the chart's exports. Article text is escaped (app.briefing.to_markdown); nothing is drawn as HTML."""
    title, items = _briefing(v.path, v.version, v.filters, bool(full_span), n)
    with box.container(border=True):
        st.markdown(f"**Briefing** · {title}")
        if items:
            st.markdown(brief_lines.to_markdown(items))
    return title, items


def with_briefing(fig: go.Figure, title: str, items: list[brief_lines.Item]) -> go.Figure:
    """fig carrying the briefing for its exports (layout.meta; the chart on screen draws nothing of it)."""
    if items:
        fig.update_layout(meta=brief_lines.figure_meta(items, title))
    return fig
