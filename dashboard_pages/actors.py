"""Actors: who acts on whom (a network weighted by events) and the most active actors."""

from __future__ import annotations

import streamlit as st

from app import charts, downloads
from app.view import view

ACTOR_FILTER = "f_actors"  # the sidebar's Actors filter (app.urlstate), which every page applies


def _pick_actor() -> None:
    """Callback: the actor clicked in the network becomes the Actors filter (of every page)."""
    name = charts.clicked("ac_network", "customdata")
    if name:
        st.session_state[ACTOR_FILTER] = [name]


v = view()
st.title("Actors")
network = v.chart("network", **charts.options("network"))
st.plotly_chart(
    network,
    key="ac_network",
    on_select=_pick_actor,
    selection_mode="points",
    config=charts.PLOT_CONFIG,
)
c1, c2 = st.columns([2, 1], vertical_alignment="center")
c1.caption(
    "Arrows run from the actor who acts to the actor acted upon; their colour is the most common kind of event "
    "between them and their width the number of events. Click an actor to show only its events on every page."
)
c2.button(
    "Clear the actor filter",
    on_click=lambda: st.session_state.update({ACTOR_FILTER: []}),
    key="ac_clear",
    disabled=not v.filters.actors,
)
downloads.chart_downloads(network, "actor network", "ac_net_dl")
top = v.chart("top_actors", top=20)
st.plotly_chart(top, key="ac_top", config=charts.PLOT_CONFIG)
downloads.chart_downloads(top, "top actors", "ac_top_dl")
