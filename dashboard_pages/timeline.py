"""Timeline (the landing page): a briefing of the most salient events in view, then the events on a time axis,
in lanes; select one to read its evidence and every article behind it."""

from __future__ import annotations

import streamlit as st

from app import charts, downloads, event_details
from app.view import view

charts.ahead("timeline")  # on a warehouse: the chart's own question starts beside the view's count
v = view()
st.title("Timeline")
brief_box = st.container()  # the briefing sits above the chart's widgets; it follows the Show all dates switch
c1, c2, c3 = st.columns([1, 1, 1])
options = charts.options("timeline", (c1, c2, c3, c3))  # the two switches one above the other
fig = v.chart("timeline", **options, highlight=tuple(st.session_state.get("new_event_ids") or ()))
st.plotly_chart(
    fig,
    key="tl_chart",
    on_select=lambda: event_details.pick_from_chart("tl_chart"),
    selection_mode="points",
    config=charts.PLOT_CONFIG,
)
# the briefing is filled in above the chart once the chart is on screen (on a warehouse the most salient events of
# a large view take longer to find than the counts the chart draws)
brief = charts.briefing(brief_box, v, options["full_span"])
charts.with_briefing(fig, *brief)  # the chart's exports carry the briefing
downloads.chart_downloads(fig, "timeline", "tl_dl")

st.subheader("Event details")
event_id = event_details.chooser(v)
if event_id:
    event_details.show(v, event_id)
with st.expander("Download the events in view"):
    downloads.data_downloads(v.all_events, "tl_data", v.export_note)
