"""Map: events per country on a world map drawn from locally served shapes. Picking a country (on the map
or in the list below it) sets the Countries filter, so every other page narrows to it too."""

from __future__ import annotations

from app.preload import start_chart_code

start_chart_code()  # before the heavy imports: the browser starts loading plotly.js now

import streamlit as st  # noqa: E402

from app import data, figures, shapes, widgets  # noqa: E402
from app.names import country_name  # noqa: E402


def _set_country(iso3: str) -> None:
    st.session_state["f_countries"] = [iso3]


def _pick_from_map() -> None:
    """Callback: the country clicked on the map becomes the Countries filter."""
    selection = (st.session_state.get("map_chart") or {}).get("selection") or {}
    for point in selection.get("points") or []:
        code = point.get("location") or point.get("customdata")
        if isinstance(code, list):
            code = code[0] if code else None
        if code:
            _set_country(str(code))
            return


def _pick_from_list() -> None:
    code = st.session_state.get("map_pick")
    if code:
        _set_country(code)


def _clear() -> None:
    st.session_state["f_countries"] = []


widgets.page_setup("Map")
v = widgets.view()
st.title("Map")
have_shapes = shapes.available()
if not have_shapes:
    st.info(
        "The world map's country shapes are not installed, so counts are shown as bars. "
        "Install them once with `.venv/bin/python -m app.shapes` and reload."
    )
fig = data.chart("map", v.path, v.version, v.filters, shapes=have_shapes)
st.plotly_chart(
    fig,
    key="map_chart",
    on_select=_pick_from_map,
    selection_mode="points",
    config={"topojsonURL": shapes.URL_PATH, "displaylogo": False, "scrollZoom": False},
)
st.caption("Click a country to show only its events on every page.")
counts = figures.country_counts(v.columns(["countries"]))
per_country = dict(zip(counts["iso3"], counts["events"], strict=True))
c1, c2, c3 = st.columns([2, 1, 1], vertical_alignment="bottom")
c1.selectbox(
    "Country",
    list(counts["iso3"]),
    key="map_pick",
    format_func=lambda c: f"{country_name(c)} ({int(per_country.get(c, 0)):,} events)",
)
c2.button("Show only this country", on_click=_pick_from_list, key="map_apply")
c3.button("Clear the country filter", on_click=_clear, key="map_clear", disabled=not v.filters.countries)
widgets.chart_downloads(fig, "events by country", "map_dl")
widgets.finish_page()
