"""Actors: who acts on whom (a network weighted by events) and the most active actors."""

from __future__ import annotations

from app.preload import start_chart_code

start_chart_code()  # before the heavy imports: the browser starts loading plotly.js now

import streamlit as st  # noqa: E402

from app import data, widgets  # noqa: E402

PLOT_CONFIG = {"displaylogo": False, "scrollZoom": False}

widgets.page_setup("Actors")
v = widgets.view()
st.title("Actors")
nodes = st.slider(
    "Actors in the network",
    5,
    60,
    20,
    step=5,
    key="ac_nodes",
    help="The actors linked to the most events as source or target",
)
network = data.chart("network", v.path, v.version, v.filters, top_nodes=nodes)
st.plotly_chart(network, key="ac_network", config=PLOT_CONFIG)
st.caption(
    "Lines run from the actor who acts to the actor acted upon (the arrow head points at the target); "
    "thicker lines mean more events."
)
widgets.chart_downloads(network, "actor network", "ac_net_dl")
top = data.chart("top_actors", v.path, v.version, v.filters, top=20)
st.plotly_chart(top, key="ac_top", config=PLOT_CONFIG)
widgets.chart_downloads(top, "top actors", "ac_top_dl")
widgets.finish_page()
