"""Actors: who acts on whom (a network weighted by events) and the most active actors."""

from __future__ import annotations

import streamlit as st

from app import charts, downloads
from app.view import view

v = view()
st.title("Actors")
network = v.chart("network", **charts.options("network"))
st.plotly_chart(network, key="ac_network", config=charts.PLOT_CONFIG)
st.caption(
    "Lines run from the actor who acts to the actor acted upon (the arrow head points at the target); "
    "thicker lines mean more events."
)
downloads.chart_downloads(network, "actor network", "ac_net_dl")
top = v.chart("top_actors", top=20)
st.plotly_chart(top, key="ac_top", config=charts.PLOT_CONFIG)
downloads.chart_downloads(top, "top actors", "ac_top_dl")
