"""The Streamlit side of the registered charts (app.figures.CHARTS): the widgets a chart declares, the
plotly config every chart is shown with, and what a person clicked on a chart."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from app.figures import CHARTS, Widget

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
