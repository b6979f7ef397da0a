"""The dashboard's server: `python -m app.serve [Streamlit options]` is `streamlit run dashboard.py [options]` with
the dashboard's own modules imported before the server listens.

`streamlit run` imports what a page needs (pandas, pyarrow, DuckDB, the store, the chart builders: about 0.5-0.9 s
on this project's 2-core machine) only when the first visitor's page runs, so the first visitor waits for it. Here
the server process imports them at start-up, once, before it answers its health check; the page scripts then find
them in sys.modules. Nothing else changes: the options are Streamlit's own (`--server.port 8501`,
`--server.address localhost`, ...).

On a warehouse the server also gets a head start on its landing page (start_warm). A new visitor's browser spends
seconds loading Streamlit's and plotly's code before the page script runs; the script then asks DuckDB for the
view's day counts, its lanes, the sidebar's choices and the briefing's top rows (about a second on 100 million
events). A thread started with the server asks exactly those (the Timeline with the sidebar at its defaults), so
the answers are kept in the warehouse (Warehouse._remembered) when the first page asks, or are being computed and
are waited for, never asked twice; a test runs the page after it and checks it asked nothing new. An Arrow store
is not touched: loading it is the first page's own work, and a server nobody visits should not hold it.
"""

from __future__ import annotations

import importlib
import pathlib
import sys
import threading

DASHBOARD = pathlib.Path(__file__).resolve().parent.parent / "dashboard.py"
# What the pages import (dashboard.py, dashboard_pages/), in the order they need it.
PAGE_MODULES = (
    "app.preload",
    "app.data",
    "app.view",
    "app.sidebar",
    "app.charts",
    "app.downloads",
    "app.event_details",
    "app.corrections",
    "app.tables",
    "app.source_charts",
    "app.labels",
    "app.shapes",
)


def preimport() -> None:
    """Import the page modules (and through them pandas, pyarrow, DuckDB, plotly and the store)."""
    for name in PAGE_MODULES:
        importlib.import_module(name)


def warm_landing(src) -> None:
    """Ask src (a store's read interface) what the Timeline asks with the sidebar's defaults: the view's count and
    day counts, the sidebar's choices, the chart's lanes (started first, beside the count), the briefing's rows."""
    from app import briefing, data, source_charts, urlstate
    from app.figures import CHARTS

    filters = urlstate.filters_from_state(urlstate.defaults())
    opts = {w.option: w.default for w in CHARTS["timeline"].widgets}
    source_charts.ahead(src, filters, "timeline", **opts)
    src.count(filters)
    src.options(data.SIDEBAR_ACTORS)
    source_charts.timeline_chart(src, filters, **opts)
    data.warehouse_top(src, filters, data.SHARED_TOP, briefing.ORDER, data.SHARED_COLUMNS)


def start_warm(path: str | None = None) -> threading.Thread | None:
    """On a warehouse (the dashboard's store, or path): a daemon thread running warm_landing on the store's read
    interface as the pages get it (app.data.source); None for an Arrow store."""
    from app import data
    from store.warehouse import is_warehouse

    path = path or data.store_path()
    if not is_warehouse(path):
        return None

    def run() -> None:
        try:
            warm_landing(data.source(path))
        except Exception:  # a head start only: the page asks again and says what went wrong
            return

    thread = threading.Thread(target=run, name="warm-landing", daemon=True)
    thread.start()
    return thread


def main(argv: list[str] | None = None) -> int:
    preimport()
    start_warm()  # on a warehouse: the landing page's questions, asked while the first browser loads its code
    from streamlit.web import cli

    args = ["run", str(DASHBOARD), *(sys.argv[1:] if argv is None else argv)]
    return cli.main(args=args, prog_name="streamlit")


if __name__ == "__main__":
    sys.exit(main())
