"""Map (being built)."""
import streamlit as st

from viz import widgets

widgets.page_setup("Map")
st.title("Map")
st.info("This page is being built.")
