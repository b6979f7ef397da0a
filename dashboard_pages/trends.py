"""Trends: events per week or month by topic or event type, and the balance of cooperation and conflict."""

from __future__ import annotations

from app.preload import start_chart_code

start_chart_code()  # before the heavy imports: the browser starts loading plotly.js now

import streamlit as st  # noqa: E402

from app import data, widgets  # noqa: E402

PLOT_CONFIG = {"displaylogo": False, "scrollZoom": False}

widgets.page_setup("Trends")
v = widgets.view()
st.title("Trends")
c1, c2 = st.columns(2)
period = c1.radio("Count per", ["month", "week"], key="tr_period", horizontal=True) or "month"
by = (
    c2.radio(
        "Split by",
        ["topic", "event_type"],
        key="tr_by",
        horizontal=True,
        format_func=lambda b: "Topic" if b == "topic" else "Event type",
    )
    or "topic"
)
trend = data.chart("trends", v.path, v.version, v.filters, period=period, by=by)
st.plotly_chart(trend, key="tr_trend", config=PLOT_CONFIG)
widgets.chart_downloads(trend, f"events per {period} by {by}", "tr_trend_dl")
balance = data.chart("balance", v.path, v.version, v.filters, period=period)
st.plotly_chart(balance, key="tr_balance", config=PLOT_CONFIG)
st.caption(
    "Bars above the axis count cooperation (verbal and material), below it conflict; the dotted line is "
    "(cooperation − conflict) / all events, from −1 (only conflict) to +1 (only cooperation)."
)
widgets.chart_downloads(balance, f"cooperation and conflict per {period}", "tr_balance_dl")
widgets.finish_page()
