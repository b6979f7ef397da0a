"""The smallest Streamlit page with one Plotly chart: the floor under any dashboard page's first load.

bench/bench_dashboard.py opens it in new browser sessions in the same run as the dashboard, so the
dashboard's first-page figure can be read against what Streamlit and plotly.js alone take here.
"""

import plotly.graph_objects as go
import streamlit as st

st.title("Floor")
fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2]))
fig.update_layout(title="Three points")
st.plotly_chart(fig)
