"""Map: events per country on a world map drawn from locally served shapes. Picking a country (on the map
or in the list below it) sets the Countries filter, so every other page narrows to it too."""

from __future__ import annotations

import streamlit as st

from app import charts, downloads, shapes, sidebar
from app.labels import country_name
from app.view import view


def _pick_from_map() -> None:
    """Callback: the country clicked on the map becomes the Countries filter."""
    code = charts.clicked("map_chart", "location", "customdata")
    if code:
        sidebar.set_countries([code])


def _pick_from_list() -> None:
    code = st.session_state.get("map_pick")
    if code:
        sidebar.set_countries([code])


charts.ahead("map")  # on a warehouse: the chart's own question starts beside the view's count
v = view()
st.title("Map")
have_shapes = shapes.available()
if not have_shapes:
    st.info(
        "The world map's country shapes are not installed, so counts are shown as bars. "
        "Install them once with `.venv/bin/python -m app.shapes` and reload."
    )
fig = v.chart("map", shapes=have_shapes)
st.plotly_chart(
    fig,
    key="map_chart",
    on_select=_pick_from_map,
    selection_mode="points",
    config={**charts.PLOT_CONFIG, "topojsonURL": shapes.URL_PATH},
)
st.caption("Click a country to show only its events on every page.")
counts = v.country_counts()
per_country = dict(zip(counts["iso3"], counts["events"], strict=True))
c1, c2, c3 = st.columns([2, 1, 1], vertical_alignment="bottom")
c1.selectbox(
    "Country",
    list(counts["iso3"]),
    key="map_pick",
    format_func=lambda c: f"{country_name(c)} ({int(per_country.get(c, 0)):,} events)",
)
c2.button("Show only this country", on_click=_pick_from_list, key="map_apply")
c3.button(
    "Clear the country filter",
    on_click=sidebar.set_countries,
    args=([],),
    key="map_clear",
    disabled=not v.filters.countries,
)
downloads.chart_downloads(fig, "events by country", "map_dl")
