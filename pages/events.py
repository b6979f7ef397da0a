"""Events (being built)."""
import streamlit as st

from viz import widgets

widgets.page_setup("Events")
st.title("Events")
st.info("This page is being built.")
