"""The dashboard: `streamlit run dashboard.py`. This script is the landing page, the Timeline; the other pages
are in pages/. Events on a time axis, in lanes; select one to read its evidence and every article behind it.
"""

from __future__ import annotations

from app.preload import start_chart_code

start_chart_code()  # before the heavy imports: the browser starts loading plotly.js now

import streamlit as st  # noqa: E402

from app import data, figures, tables, widgets  # noqa: E402
from app.messages import md_escape  # noqa: E402

widgets.page_setup("Timeline")

PLOT_CONFIG = {"displaylogo": False, "scrollZoom": False}
DETAIL_CHOICES = 300
LABEL_COLUMNS = ("event_id", "date", "event_type", "summary")


def _pick_from_chart() -> None:
    """Callback: a point clicked on the chart becomes the event whose details are shown."""
    selection = (st.session_state.get("tl_chart") or {}).get("selection") or {}
    for point in selection.get("points") or []:
        custom = point.get("customdata")
        event_id = custom[0] if isinstance(custom, list | tuple) and custom else custom
        if event_id:
            st.session_state["tl_event"] = str(event_id)
            return


def _details(v: widgets.View, event_id: str) -> None:
    rows, shown = v.event(event_id)
    if rows.empty or not shown:
        st.info("That event is not in the current view; widen the filters to see it.")
        return
    ev = rows.iloc[0]
    st.markdown(f"#### {md_escape(ev['summary'])}")
    facts = tables.event_facts(ev)
    st.markdown("  \n".join(f"**{k}:** {md_escape(val)}" for k, val in facts.items()))
    reports = data.mentions(v.path, v.version, event_id)
    if reports.empty:
        reports = rows[["sentence", "title", "url", "source", "published"]]
    st.markdown("**Evidence**")
    for sentence in dict.fromkeys(str(s) for s in reports["sentence"] if str(s).strip()):
        st.markdown("> " + md_escape(sentence))
    table = tables.reports_table(reports)
    st.markdown(f"**Articles that reported it** ({len(table)})")
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "link": st.column_config.LinkColumn("link", display_text="open article"),
            "published": st.column_config.DatetimeColumn("published", format="YYYY-MM-DD HH:mm"),
        },
    )


v = widgets.view()
st.title("Timeline")
c1, c2, c3 = st.columns([1, 1, 1])
lane = c1.selectbox("Lanes", list(figures.LANES), format_func=figures.LANES.get, key="tl_lane")
colour = c2.selectbox("Colour by", list(figures.COLOURS), format_func=figures.COLOURS.get, key="tl_colour")
c3.write("")
key_only = c3.toggle("Key events only", key="tl_key", help="Keep the 200 most salient events")
highlight = tuple(st.session_state.get("new_event_ids") or ())
fig = data.chart(
    "timeline",
    v.path,
    v.version,
    v.filters,
    lane=lane or "country",
    colour=colour or "event_type",
    key_only=bool(key_only),
    highlight=highlight,
)
st.plotly_chart(fig, key="tl_chart", on_select=_pick_from_chart, selection_mode="points", config=PLOT_CONFIG)
widgets.chart_downloads(fig, "timeline", "tl_dl")

st.subheader("Event details")
choices = v.top(DETAIL_CHOICES, figures.KEY_ORDER, LABEL_COLUMNS)
labels = {
    eid: tables.event_label(row) for eid, row in zip(choices["event_id"], choices.to_dict("records"), strict=True)
}
chosen = st.session_state.get("tl_event") or ""
if chosen and chosen not in labels:
    extra, shown = v.event(chosen)
    labels[chosen] = tables.event_label(extra.iloc[0]) if shown else f"{chosen} (not in the current view)"
event_id = st.selectbox(
    "Event",
    [""] + list(labels),
    key="tl_event",
    format_func=lambda e: labels.get(e, "Choose an event (or click one on the chart)"),
    help=f"The {DETAIL_CHOICES} most salient events in view; click any point to pick it",
)
if event_id:
    _details(v, event_id)
with st.expander("Download the events in view"):
    widgets.data_downloads(v.all_events, "tl_data")
widgets.finish_page()
