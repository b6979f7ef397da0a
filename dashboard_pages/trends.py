"""Trends: events per week or month by topic or event type, and the balance of cooperation and conflict."""

from __future__ import annotations

import streamlit as st

from app import charts, downloads
from app.view import view

v = view()
st.title("Trends")
options = charts.options("trends", st.columns(2))  # period and split; the balance is counted per the same period
period, by = options["period"], options["by"]
trend = v.chart("trends", **options)
st.plotly_chart(trend, key="tr_trend", config=charts.PLOT_CONFIG)
downloads.chart_downloads(trend, f"events per {period} by {by}", "tr_trend_dl")
balance = v.chart("balance", period=period)
st.plotly_chart(balance, key="tr_balance", config=charts.PLOT_CONFIG)
st.caption(
    "Bars above the axis count cooperation (verbal and material), below it conflict; the dotted line is "
    "(cooperation − conflict) / all events, from −1 (only conflict) to +1 (only cooperation)."
)
downloads.chart_downloads(balance, f"cooperation and conflict per {period}", "tr_balance_dl")
