"""The Timeline's event details: choose an event (from a list or by clicking the chart) and read what was
reported, the sentences that say so and every article behind it, then correct it (app.corrections; the Events
page shows the same details for the row chosen in its table). Article text and notes are Markdown-escaped."""

from __future__ import annotations

import streamlit as st

from app import charts, corrections, tables
from app.figures.timeline import KEY_ORDER
from app.messages import md_escape
from app.view import View

KEY = "tl_event"  # the chooser's session-state key (mirrored in the URL as event=)
CHOICES = 300  # the chooser lists this many of the most salient events in view
# ... and on a warehouse this many: there the most salient rows of a big view are found from the recent reports,
# which takes about a second for 50 and reads most files for 300 (store/README.md)
WAREHOUSE_CHOICES = 50
LABEL_COLUMNS = ("event_id", "date", "event_type", "summary")
# Which facts a corrected field changes (their labels get a mark).
CORRECTED_FACTS = {
    "date": "Date",
    "event_type": "Type",
    "mode": "Mode",
    "source_actor": "Who",
    "target_actor": "Who",
    "countries": "Countries",
    "topics": "Topics",
    "merged": "Reports",
    "split": "Reports",
}


def pick_from_chart(chart_key: str) -> None:
    """Callback of the chart drawn with chart_key: a point clicked on it becomes the event shown."""
    event_id = charts.clicked(chart_key, "customdata")
    if event_id:
        st.session_state[KEY] = event_id


def chooser(v: View) -> str:
    """The event chooser: the most salient events in view, plus the chosen one when it is not among them."""
    offered = CHOICES if v.tier == "arrow" else WAREHOUSE_CHOICES
    choices = v.top(offered, KEY_ORDER, LABEL_COLUMNS)
    labels = {
        eid: tables.event_label(row) for eid, row in zip(choices["event_id"], choices.to_dict("records"), strict=True)
    }
    chosen = st.session_state.get(KEY) or ""
    if chosen and chosen not in labels:
        extra, shown = v.event(chosen)
        if shown:
            labels[chosen] = tables.event_label(extra.iloc[0])
        elif len(extra) and corrections.plain(extra["hidden_reason"].iloc[0]):
            labels[chosen] = f"{tables.event_label(extra.iloc[0])} (hidden: {extra['hidden_reason'].iloc[0]})"
        else:
            name = tables.event_label(extra.iloc[0]) if len(extra) else chosen
            labels[chosen] = f"{name} (not in the current view)"
    return st.selectbox(
        "Event",
        [""] + list(labels),
        key=KEY,
        format_func=lambda e: labels.get(e, "Choose an event (or click one on the chart)"),
        help=f"The {offered} most salient events in view; click any point to pick it",
    )


def show(v: View, event_id: str) -> None:
    """The facts of one event, its evidence (the sentences that report it) and the articles behind it."""
    rows, shown = v.event(event_id)
    if rows.empty:
        st.info("That event is no longer in the store (merged into another, or re-extracted).")
        return
    ev = rows.iloc[0]
    if corrections.plain(ev["hidden_reason"]):
        corrections.hidden_notice(ev)
    elif not shown:  # shown all the same, so a correction that moved it out of view can be read and undone
        st.info("That event is not in the current view (the filters leave it out); widen them to see it in the charts.")
    st.markdown(f"#### {md_escape(ev['summary'])}")
    facts = tables.event_facts(ev)
    marked = {CORRECTED_FACTS.get(str(f)) for f in ev["corrected_fields"]}
    st.markdown(
        "  \n".join(f"**{k}{' ✎' if k in marked else ''}:** {md_escape(val)}" for k, val in facts.items())
        + (f"  \n**Note:** {md_escape(ev['note'])}" if corrections.plain(ev["note"]) else "")
    )
    if marked:
        st.caption("✎ corrected by an analyst (see History below)")
    reports = v.mentions(event_id)
    if reports.empty:
        reports = rows[["sentence", "title", "url", "source", "published"]]
    st.markdown("**Evidence**")
    for sentence in dict.fromkeys(str(s) for s in reports["sentence"] if str(s).strip()):
        st.markdown("> " + md_escape(sentence))
    corrections.panel(v, ev)
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
