"""The dashboard: `streamlit run dashboard.py`, or `python -m app.serve` (the same, with the dashboard's modules
imported before the server listens: app/serve.py).

This entry script runs on every page view: it lists the pages (st.navigation), draws the shared sidebar
(filters mirrored in the URL) and then runs the chosen page, a script in dashboard_pages/. Because the filters
are drawn here, around the page, they keep their values when a person switches pages. The Timeline is the
landing page (URL /); the others keep the paths they had (/map, /actors, /trends, /events, /add_articles).

The page scripts are not in a folder named pages/: Streamlit takes such a folder for its older multipage
model and, until a server has run this script once, would open a link like /map without this script (no
sidebar, no filters from the link).
"""

from __future__ import annotations

import pathlib

import streamlit as st

from app.preload import page_done, start_chart_code

PAGES = [
    st.Page("dashboard_pages/timeline.py", title="Timeline", icon=":material/timeline:", default=True),
    st.Page("dashboard_pages/map.py", title="Map", icon=":material/public:", url_path="map"),
    st.Page("dashboard_pages/actors.py", title="Actors", icon=":material/hub:", url_path="actors"),
    st.Page("dashboard_pages/trends.py", title="Trends", icon=":material/show_chart:", url_path="trends"),
    st.Page("dashboard_pages/events.py", title="Events", icon=":material/table_rows:", url_path="events"),
    st.Page(
        "dashboard_pages/add_articles.py", title="Add articles", icon=":material/upload_file:", url_path="add_articles"
    ),
]
CHART_PAGES = {"", "map", "actors", "trends"}  # url paths of the pages that draw charts ("": the Timeline)
# The browser tab's icon: Streamlit's own, served by this server. It is set before st.navigation, or the tab
# would show the page's :material/...: icon, which browsers fetch from fonts.gstatic.com (and the dashboard
# asks nothing of the internet).
TAB_ICON = pathlib.Path(st.__file__).parent / "static" / "favicon.png"


def main() -> None:
    st.set_page_config(page_icon=str(TAB_ICON), layout="wide")
    page = st.navigation(PAGES)
    st.set_page_config(page_title=f"{page.title} · Event timeline")
    if page.url_path in CHART_PAGES:
        start_chart_code()  # before the heavy imports below: the browser starts loading plotly.js now

    from app import downloads, sidebar

    downloads.note_page_run()
    sidebar.draw()
    downloads.warm_exports()
    page.run()
    sidebar.write_url()  # again: the page may have drawn widgets that are mirrored in the URL
    downloads.note_page_run()
    page_done()


# Streamlit runs this script as __main__. A worker process that multiprocessing starts while it runs (the
# Add-articles page extracts a large batch on both cores) imports it again as __mp_main__: it must draw nothing.
if __name__ == "__main__":
    main()
