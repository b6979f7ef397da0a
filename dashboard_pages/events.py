"""Events: the filtered events as a searchable, sortable table with links to the articles."""

from __future__ import annotations

import streamlit as st

from app import downloads, tables
from app.view import view

v = view()
st.title("Events")
table = tables.events_table(v.top(tables.TABLE_LIMIT, tables.NEWEST_FIRST, tables.TABLE_COLUMNS))
shown = f"the newest {len(table):,} of {v.count:,}" if len(table) < v.count else f"all {len(table):,}"
st.caption(
    f"Showing {shown} events in view. Click a column header to sort; use the table's search icon to find "
    "text, or the sidebar's Search text to filter every page."
)
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    height=620,
    column_config={
        "link": st.column_config.LinkColumn("link", display_text="open article"),
        "salience": st.column_config.ProgressColumn("salience", min_value=0.0, max_value=1.0, format="%.2f"),
        "summary": st.column_config.TextColumn("summary", width="large"),
    },
)
st.subheader("Download the events in view")
downloads.data_downloads(v.all_events, "ev_data")
