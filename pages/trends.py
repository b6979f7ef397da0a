"""Trends (being built)."""
import streamlit as st

from viz import widgets

widgets.page_setup("Trends")
st.title("Trends")
st.info("This page is being built.")
