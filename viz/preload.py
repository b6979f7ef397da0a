"""The first thing a page with charts does: start the browser loading plotly.js.

Streamlit's browser code loads plotly.js (4.7 MB, about a second to fetch and compile) only when the first
chart arrives, which on a fresh server comes after seconds of loading data. A hidden blank chart sent at the
very start of a session's first run starts that load at once, so it overlaps the server's work. This module
imports nothing but Streamlit (which brings plotly), so a page can call it before importing pandas and the rest.
"""
from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

CHART_CODE_STARTED = "_chart_code_started"
CHART_CODE_KEY = "chart-code-preload"  # the hidden container's key; also the blank figure's layout.meta


def start_chart_code() -> None:
    """On a session's first run: a hidden blank chart (display: none) at the top of the page. Later runs
    leave it out: the code stays loaded in the browser."""
    if st.session_state.get(CHART_CODE_STARTED):
        return
    st.session_state[CHART_CODE_STARTED] = True
    hidden = f".st-key-{CHART_CODE_KEY}"  # the container, and the wrapper that would still take a gap
    st.html(f"<style>{hidden}, [data-testid='stLayoutWrapper']:has(> {hidden}) {{display: none}}</style>")
    blank = go.Figure(layout={"meta": CHART_CODE_KEY, "height": 10, "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
                              "xaxis": {"visible": False}, "yaxis": {"visible": False}})
    with st.container(key=CHART_CODE_KEY):
        st.plotly_chart(blank, config={"staticPlot": True, "displayModeBar": False})
