"""The dashboard's server: `python -m app.serve [Streamlit options]` is `streamlit run dashboard.py [options]` with
the dashboard's own modules imported before the server listens.

`streamlit run` imports what a page needs (pandas, pyarrow, DuckDB, the store, the chart builders: about 0.5-0.9 s
on this project's 2-core machine) only when the first visitor's page runs, so the first visitor waits for it. Here
the server process imports them at start-up, once, before it answers its health check; the page scripts then find
them in sys.modules. Nothing else changes: the options are Streamlit's own (`--server.port 8501`,
`--server.address localhost`, ...), and no data is read before a page asks for it.
"""

from __future__ import annotations

import importlib
import pathlib
import sys

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


def main(argv: list[str] | None = None) -> int:
    preimport()
    from streamlit.web import cli

    args = ["run", str(DASHBOARD), *(sys.argv[1:] if argv is None else argv)]
    return cli.main(args=args, prog_name="streamlit")


if __name__ == "__main__":
    sys.exit(main())
