"""Trends: events per week or month by topic or event type, and the balance of cooperation and conflict."""

from __future__ import annotations

import streamlit as st

from app import charts, downloads
from app.view import view

charts.ahead("trends", "balance")  # on a warehouse: the chart's own question starts beside the view's count
v = view()
st.title("Trends")
# period, split and Show all dates; the balance is counted per the same period, on the same span
options = charts.options("trends", st.columns([1, 1, 1], vertical_alignment="bottom"))
period, by, full_span = options["period"], options["by"], options["full_span"]
trend = v.chart("trends", **options)
st.plotly_chart(trend, key="tr_trend", config=charts.PLOT_CONFIG)
downloads.chart_downloads(trend, f"events per {period} by {by}", "tr_trend_dl")
balance = v.chart("balance", period=period, full_span=full_span)
st.plotly_chart(balance, key="tr_balance", config=charts.PLOT_CONFIG)
st.caption(
    "Bars above the axis count cooperation (verbal and material), below it conflict; the dotted line is "
    "(cooperation − conflict) / all events, from −1 (only conflict) to +1 (only cooperation)."
)
downloads.chart_downloads(balance, f"cooperation and conflict per {period}", "tr_balance_dl")
