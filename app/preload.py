"""The first thing a page with charts does: start the browser loading plotly.js.

Streamlit's browser code loads plotly.js (4.7 MB, about a second to fetch and compile) only when the first
chart arrives, which on a fresh server comes after seconds of loading data. A hidden blank chart sent at the
very start of the first page run of a fresh server starts that load at once, so it overlaps the server's work
(loading the store, counting the sidebar's choices). Once the server holds its data the real chart comes
almost at once, and the blank one would only cost the browser time (measured: about 0.5 s more for a new
browser session), so it is sent only until this server has run a page to its end (page_done()). This module
imports nothing but Streamlit (which brings plotly), so a page calls it before importing pandas and the rest.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

CHART_CODE_STARTED = "_chart_code_started"
CHART_CODE_KEY = "chart-code-preload"  # the hidden container's key; also the blank figure's layout.meta
_server = {"ran_page": False}  # this process's: has a page run to its end here (its data is then loaded)


def page_done() -> None:
    """A page ran to its end on this server: later first visits need no early chart code."""
    _server["ran_page"] = True


def start_chart_code() -> None:
    """On a fresh server's first page run (the first run of a session only): a hidden blank chart
    (display: none) at the top of the page."""
    if _server["ran_page"] or st.session_state.get(CHART_CODE_STARTED):
        return  # a server that has run a page holds its data: the real chart comes soon enough
    st.session_state[CHART_CODE_STARTED] = True
    hidden = f".st-key-{CHART_CODE_KEY}"  # the container, and the wrapper that would still take a gap
    st.html(f"<style>{hidden}, [data-testid='stLayoutWrapper']:has(> {hidden}) {{display: none}}</style>")
    blank = go.Figure(
        layout={
            "meta": CHART_CODE_KEY,
            "height": 10,
            "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
            "xaxis": {"visible": False},
            "yaxis": {"visible": False},
        }
    )
    with st.container(key=CHART_CODE_KEY):
        st.plotly_chart(blank, config={"staticPlot": True, "displayModeBar": False})
