"""The shared sidebar: the filters every page applies, and their mirror in the URL.

dashboard.py draws the sidebar once per run, around whichever page runs, so the filters keep their values
when a person switches pages. Widget values live in widget state only (keys in urlstate.PARAMS); the URL is
written from them on every run and read into them once, when a session starts, so a copied link reproduces
the view.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from app import data, urlstate
from app.labels import country_name, event_type_label, topic_label
from app.view import show_error
from store.query import REVIEW_STATES

SEEDED = "_url_seeded"
URL_PROBLEMS = "_url_problems"
DATE_MIN, DATE_MAX = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
REVIEW_LABELS = {
    "visible": "Visible (not hidden)",
    "corrected": "Corrected by an analyst",
    "uncorrected": "Not corrected",
    "hidden": "Hidden only",
    "all": "All, hidden too",
}


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


def set_countries(codes: list[str]) -> None:
    """Set the Countries filter (for a page's callback, e.g. a country picked on the map); [] clears it."""
    st.session_state["f_countries"] = list(codes)


def _with_selected(options: tuple[str, ...], key: str) -> list[str]:
    """The options plus whatever is already selected (a link may name a value the store lacks)."""
    selected = [v for v in st.session_state.get(key) or [] if v not in options]
    return list(options) + selected


def _country_label(code: str) -> str:
    name = country_name(code)
    return f"{name} ({code})" if name != code else code


def filters(opts: data.Options) -> None:
    """Draw the shared filters in the sidebar (their values are read back with view.current_filters())."""
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
    bar.slider(
        "Minimum confidence",
        0.0,
        1.0,
        step=0.05,
        key="f_confidence",
        help="How likely an extracted event is a real happening, learned from hand-checked news: on articles it "
        "never saw, about seven in ten events at 0.7 or more were right, against under half overall. Imported "
        "GDELT events carry 0.5, ACLED 0.9. 0 keeps everything",
    )
    bar.caption("Also include")
    for mode in urlstate.OPTIONAL_MODES:
        bar.checkbox(mode.capitalize(), key=f"f_mode_{mode}")
    bar.selectbox(
        "Review",
        tuple(REVIEW_STATES),
        key="f_review",
        format_func=lambda s: REVIEW_LABELS.get(s, s),
        help="Which events by analysts' corrections: hidden events leave every chart, table and export "
        "unless chosen here",
    )
    bar.button("Reset filters", on_click=reset_filters, key="f_reset")


def draw() -> None:
    """The sidebar as every page has it: the link's view (first run of a session), the filters with the
    store's choices, and the URL written from them."""
    seed_from_url()
    path = data.store_path()
    try:
        opts = data.options(path, data.version(path))
    except Exception as exc:  # an unreadable store: say so here; view() reports it again and stops the page
        show_error(exc)
        opts = data.Options((), (), (), (), None, None, 0)
    filters(opts)
    write_url()
