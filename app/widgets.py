"""The Streamlit pieces every page shares: the sidebar filters, URL mirroring, messages and download buttons.

Widget values live in widget state only (keys in urlstate.PARAMS); the URL is written from them at the end
of every run and read into them once, when a session starts, so a copied link reproduces the view.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
import time
from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from app import exporting, messages, urlstate
from app.data import Options
from app.names import country_name, event_type_label, topic_label
from core.errors import user_message
from store.query import Filters

SEEDED = "_url_seeded"
URL_PROBLEMS = "_url_problems"
DATE_MIN, DATE_MAX = dt.date(1900, 1, 1), dt.date(2100, 12, 31)


def seed_from_url() -> None:
    """Once per session: put the URL's view into widget state (defaults for what the URL leaves out)."""
    if st.session_state.get(SEEDED):
        return
    params = {name: st.query_params.get_all(name) for name in st.query_params}
    state, problems = urlstate.state_from_params(params)
    for key, value in {**urlstate.defaults(), **state}.items():
        if key not in st.session_state:
            st.session_state[key] = value
    st.session_state[URL_PROBLEMS] = problems
    st.session_state[SEEDED] = True


def write_url() -> None:
    """Mirror the current widget state into the URL's query parameters."""
    wanted = urlstate.params_from_state(st.session_state)
    current = {name: st.query_params.get_all(name) for name in st.query_params}
    normalised = {k: (v if isinstance(v, list) else [v]) for k, v in wanted.items()}
    if current != normalised:
        st.query_params.from_dict(wanted)


def reset_filters() -> None:
    """Callback: every sidebar filter back to its default."""
    for key, value in urlstate.defaults().items():
        if key in urlstate.FILTER_KEYS:
            st.session_state[key] = value


def _with_selected(options: tuple[str, ...], key: str) -> list[str]:
    """The options plus whatever is already selected (a link may name a value the store lacks)."""
    selected = [v for v in st.session_state.get(key) or [] if v not in options]
    return list(options) + selected


def _country_label(code: str) -> str:
    name = country_name(code)
    return f"{name} ({code})" if name != code else code


def sidebar(opts: Options) -> None:
    """Draw the shared filters in the sidebar (their values are read back with current_filters())."""
    bar = st.sidebar
    bar.header("Filters")
    for problem in st.session_state.get(URL_PROBLEMS) or []:
        bar.warning(f"Part of the link was not understood: {problem}")
    lo = opts.first.date() if opts.first is not None and pd.notna(opts.first) else None
    hi = opts.last.date() if opts.last is not None and pd.notna(opts.last) else None
    span = f" (events run from {lo} to {hi})" if lo and hi else ""
    c1, c2 = bar.columns(2)
    c1.date_input(
        "From",
        key="f_start",
        min_value=DATE_MIN,
        max_value=DATE_MAX,
        format="YYYY-MM-DD",
        help="First day to show" + span,
    )
    c2.date_input(
        "To", key="f_end", min_value=DATE_MIN, max_value=DATE_MAX, format="YYYY-MM-DD", help="Last day to show" + span
    )
    bar.multiselect(
        "Countries",
        _with_selected(opts.countries, "f_countries"),
        key="f_countries",
        format_func=_country_label,
        placeholder="All countries",
    )
    bar.multiselect("Actors", _with_selected(opts.actors, "f_actors"), key="f_actors", placeholder="All actors")
    bar.multiselect(
        "Topics",
        _with_selected(opts.topics, "f_topics"),
        key="f_topics",
        placeholder="All topics",
        format_func=topic_label,
    )
    bar.multiselect(
        "Event types",
        _with_selected(opts.event_types, "f_types"),
        key="f_types",
        format_func=event_type_label,
        placeholder="All event types",
    )
    bar.text_input("Search text", key="f_text", placeholder="words in summary, sentence or title")
    bar.slider(
        "Minimum salience",
        0.0,
        1.0,
        step=0.05,
        key="f_salience",
        help="Salience grows with the number of reports and outlets; 0 keeps everything",
    )
    bar.caption("Also include")
    for mode in urlstate.OPTIONAL_MODES:
        bar.checkbox(mode.capitalize(), key=f"f_mode_{mode}")
    bar.button("Reset filters", on_click=reset_filters, key="f_reset")


def current_filters() -> Filters:
    """The Filters the sidebar currently describes."""
    return urlstate.filters_from_state(st.session_state)


def show_error(exc: BaseException) -> None:
    """The one place a page turns an exception into a message for a person."""
    st.error(user_message(exc))


def show_empty(filters: Filters, total: int) -> None:
    """The friendly message for a view with no events (empty store, or filters that leave nothing)."""
    if total == 0:
        st.info(messages.EMPTY_STORE)
    else:
        st.info(messages.empty_result(filters, total))


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


def data_downloads(events: Callable[[], pd.DataFrame], key: str) -> None:
    """Download buttons for the filtered events in every export format. events() gives the table; it is
    called only when a button is pressed, so a rerun never copies a million rows for a file nobody asked for."""
    cols = st.columns(len(exporting.DATA_FORMATS))
    for col, (fmt, (mime, ext)) in zip(cols, exporting.DATA_FORMATS.items(), strict=True):
        label = {"csv": "CSV", "jsonl": "JSON lines", "parquet": "Parquet", "timelinejs": "TimelineJS"}[fmt]
        col.download_button(
            label,
            data=lambda fmt=fmt: exporting.events_file(events(), fmt),
            file_name=f"events.{ext}",
            mime=mime,
            key=f"{key}_{fmt}",
            on_click="ignore",
            icon=":material/download:",
        )


class View:
    """What a page works on: the store path and version, the filters, the row positions of the events that
    pass them, and the store's size. Pages take only the columns they show (columns(), top(), event());
    all_events() copies every column and is meant for exports."""

    def __init__(self, path: str, version: str, filters: Filters, positions: np.ndarray, total: int):
        self.path, self.version, self.filters, self.positions, self.total = path, version, filters, positions, total

    @property
    def count(self) -> int:
        """How many events are in view."""
        return len(self.positions)

    def columns(self, cols: tuple[str, ...] | list[str]) -> pd.DataFrame:
        """The events in view, only the columns cols."""
        from app import data

        return data.columns(self.path, self.version, self.filters, cols)

    def top(self, n: int, by: tuple[str, ...], cols: tuple[str, ...] | None = None) -> pd.DataFrame:
        """The n events in view with the largest values of by (all columns, or cols), largest first."""
        from app import data

        pos = data.top_positions(self.path, self.version, self.filters, n, tuple(by))
        return data.rows_at(self.path, self.version, pos, cols)

    def event(self, event_id: str) -> tuple[pd.DataFrame, bool]:
        """(the stored rows of this event id, whether it is in view)."""
        from app import data

        return data.find_event(self.path, self.version, self.filters, event_id)

    def all_events(self) -> pd.DataFrame:
        """Every column of the events in view (a full copy for a big view: exports only)."""
        from app import data

        return data.filtered_events(self.path, self.version, self.filters)


def view(stop_when_empty: bool = True) -> View:
    """Load the filtered events for the current sidebar; on a store error or (optionally) no events, say so
    and stop the page."""
    from app import data

    path = data.store_path()
    filters = current_filters()
    try:
        version = data.store(path).version()
        positions = data.positions(path, version, filters)
        total = data.options(path, version).total
    except Exception as exc:  # the store can fail in many ways (damaged file, permissions): say what, then stop
        show_error(exc)
        st.stop()
    if stop_when_empty and len(positions) == 0:
        show_empty(filters, total)
        st.stop()
    return View(path, version, filters, positions, total)


NAV = (
    ("dashboard.py", "Timeline", ":material/timeline:"),
    ("pages/map.py", "Map", ":material/public:"),
    ("pages/actors.py", "Actors", ":material/hub:"),
    ("pages/trends.py", "Trends", ":material/show_chart:"),
    ("pages/events.py", "Events", ":material/table_rows:"),
    ("pages/add_articles.py", "Add articles", ":material/upload_file:"),
)


def navigation() -> None:
    """The page list at the top of the sidebar."""
    for path, label, icon in NAV:
        st.sidebar.page_link(path, label=label, icon=icon)
    st.sidebar.divider()


def _keep_filter_state() -> None:
    """Carry the sidebar's values over a page switch (Streamlit drops state of widgets a page has not drawn yet)."""
    for key in urlstate.FILTER_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


# The chart renderer starts once no page has run for this long ($DASHBOARD_WARM_IDLE). Its Chromium takes a
# few CPU seconds to start and raises its own priority (a lower one is undone), so it waits for a quiet spell.
WARM_IDLE_S = 10.0
_last_run = [time.monotonic()]


def _mark_run() -> None:
    _last_run[0] = time.monotonic()


def _warm_when_idle(idle: float) -> None:
    """Wait until no page has run for idle seconds, then start the chart renderer, so its start-up does not
    take CPU from a page someone is waiting for (an export before that starts the renderer itself)."""
    while (wait := idle - (time.monotonic() - _last_run[0])) > 0:
        time.sleep(min(wait, 1.0) + 0.05)
    exporting.warm_up()


@st.cache_resource(show_spinner=False)
def _warm_exports() -> bool:
    """Start the chart renderer in the background once per server, so the first export is quick."""
    if os.environ.get("DASHBOARD_WARM_EXPORTS", "1") != "0":
        try:
            idle = float(os.environ.get("DASHBOARD_WARM_IDLE", WARM_IDLE_S))
        except ValueError:
            idle = WARM_IDLE_S
        threading.Thread(target=_warm_when_idle, args=(idle,), daemon=True, name="kaleido-warm-up").start()
    return True


def finish_page() -> None:
    """What every page does last: mirror the view into the URL, note the time (see _warm_when_idle)."""
    write_url()
    _mark_run()


def page_setup(title: str) -> None:
    """What every page does first (after app.preload.start_chart_code on pages with charts): page config,
    the link's view, navigation, the shared filters."""
    from app import data

    st.set_page_config(page_title=f"{title} · Event timeline", layout="wide")
    _mark_run()
    _keep_filter_state()
    seed_from_url()
    navigation()
    path = data.store_path()
    try:
        opts = data.options(path, data.store(path).version())
    except Exception as exc:  # an unreadable store: say so here; view() reports it again and stops the page
        show_error(exc)
        opts = data.Options((), (), (), (), None, None, 0)
    sidebar(opts)
    write_url()
    _warm_exports()
