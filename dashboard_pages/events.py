"""Events: the filtered events as a searchable, sortable table with links to the articles; the corrected fields
are marked, and a row chosen in the table shows its details and the forms that correct it."""

from __future__ import annotations

import streamlit as st

from app import corrections, downloads, event_details, tables
from app.view import view

v = view()
st.title("Events")
table = tables.events_table(
    v.top(tables.TABLE_LIMIT, tables.NEWEST_FIRST, tables.TABLE_COLUMNS + tables.REVIEW_COLUMNS)
)
shown = f"the newest {len(table):,} of {v.count:,}" if len(table) < v.count else f"all {len(table):,}"
st.caption(
    f"Showing {shown} events in view. Click a column header to sort; use the table's search icon to find "
    "text, or the sidebar's Search text to filter every page. Select a row (the box at its left) to read and "
    "correct that event; the corrected column names the fields an analyst changed."
)
key = corrections.table_key(v)
st.dataframe(
    table,
    key=key,
    on_select="rerun",
    selection_mode="single-row",
    hide_index=True,
    width="stretch",
    height=620,
    column_config={
        "link": st.column_config.LinkColumn("link", display_text="open article"),
        "salience": st.column_config.ProgressColumn("salience", min_value=0.0, max_value=1.0, format="%.2f"),
        "summary": st.column_config.TextColumn("summary", width="large"),
        "corrected": st.column_config.TextColumn("corrected", help="fields an analyst corrected", width="medium"),
    },
)
event_id = corrections.picked_event(key, table["event id"])
if event_id:
    st.subheader("Selected event")
    event_details.show(v, event_id)
st.subheader("Download the events in view")
downloads.data_downloads(v.all_events, "ev_data", v.export_note)
if v.tier == "arrow":  # a warehouse keeps no correction log yet
    downloads.correction_log_download(v.path, "ev_log")
corrections.orphans(v)
