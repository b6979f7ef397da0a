"""Download buttons for a chart (PNG, SVG, PDF, HTML) and for the events in view (every export format), and
the chart renderer started in the background once the dashboard is idle, so the first image export is quick.

Files are made only when a button is pressed (app.exporting), never on a rerun.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from app import exporting

DATA_LABELS = {"csv": "CSV", "jsonl": "JSON lines", "parquet": "Parquet", "timelinejs": "TimelineJS"}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "chart"


def image_size(fig: go.Figure) -> tuple[int, int]:
    """The export size of a figure: 1200 wide, its own height (or 700)."""
    height = fig.layout.height or exporting.DEFAULT_SIZE[1]
    return exporting.DEFAULT_SIZE[0], int(height)


def chart_downloads(fig: go.Figure, name: str, key: str) -> None:
    """Download buttons for a chart: PNG, SVG, PDF (drawn on click) and standalone HTML."""
    slug = _slug(name)
    size = image_size(fig)
    cols = st.columns(4)
    can_draw = os.path.exists(exporting.CHROMIUM)
    for col, fmt in zip(cols, exporting.IMAGE_FORMATS, strict=False):
        col.download_button(
            fmt.upper(),
            data=lambda fmt=fmt: exporting.figure_image(fig, fmt, size=size),
            file_name=f"{slug}.{fmt}",
            mime=exporting.IMAGE_FORMATS[fmt],
            key=f"{key}_{fmt}",
            on_click="ignore",
            disabled=not can_draw,
            icon=":material/download:",
            help=None if can_draw else f"needs Chromium at {exporting.CHROMIUM}",
        )
    cols[3].download_button(
        "HTML",
        data=lambda: exporting.figure_html(fig),
        file_name=f"{slug}.html",
        mime="text/html",
        key=f"{key}_html",
        on_click="ignore",
        icon=":material/download:",
    )


def data_downloads(events: Callable[[], pd.DataFrame], key: str, note: str = "") -> None:
    """Download buttons for the filtered events in every export format. events() gives the table; it is
    called only when a button is pressed, so a rerun never copies a million rows for a file nobody asked for.
    note: what the files leave out, said above the buttons."""
    if note:
        st.caption(note)
    cols = st.columns(len(exporting.DATA_FORMATS))
    for col, (fmt, (mime, ext)) in zip(cols, exporting.DATA_FORMATS.items(), strict=True):
        col.download_button(
            DATA_LABELS[fmt],
            data=lambda fmt=fmt: exporting.events_file(events(), fmt),
            file_name=f"events.{ext}",
            mime=mime,
            key=f"{key}_{fmt}",
            on_click="ignore",
            icon=":material/download:",
        )


# The chart renderer starts once no page has run for this long ($DASHBOARD_WARM_IDLE). Its Chromium takes a
# few CPU seconds to start and raises its own priority (a lower one is undone), so it waits for a quiet spell.
WARM_IDLE_S = 10.0
_last_run = [time.monotonic()]


def note_page_run() -> None:
    """Note that a page is running now (dashboard.py calls it before and after every page run)."""
    _last_run[0] = time.monotonic()


def _warm_when_idle(idle: float) -> None:
    """Wait until no page has run for idle seconds, then start the chart renderer, so its start-up does not
    take CPU from a page someone is waiting for (an export before that starts the renderer itself)."""
    while (wait := idle - (time.monotonic() - _last_run[0])) > 0:
        time.sleep(min(wait, 1.0) + 0.05)
    exporting.warm_up()


@st.cache_resource(show_spinner=False)
def warm_exports() -> bool:
    """Start the chart renderer in the background once per server ($DASHBOARD_WARM_EXPORTS=0: never), so the
    first export is quick."""
    if os.environ.get("DASHBOARD_WARM_EXPORTS", "1") != "0":
        try:
            idle = float(os.environ.get("DASHBOARD_WARM_IDLE", WARM_IDLE_S))
        except ValueError:
            idle = WARM_IDLE_S
        threading.Thread(target=_warm_when_idle, args=(idle,), daemon=True, name="kaleido-warm-up").start()
    return True


def correction_log_download(path: str, key: str) -> None:
    """A download button for the store's correction log (JSON lines, as `extract export --corrections` writes
    it; `extract corrections import` reads it into another store). Made only when pressed."""
    from app.corrections import log_bytes

    st.download_button(
        "Correction log (JSON lines)",
        data=lambda: log_bytes(path),
        file_name="corrections.jsonl",
        mime="application/x-ndjson",
        key=key,
        on_click="ignore",
        icon=":material/history:",
        help="Every analyst's correction of this store: who, when, what, the old and the new value",
    )
