"""Actors (being built)."""
import streamlit as st

from viz import widgets

widgets.page_setup("Actors")
st.title("Actors")
st.info("This page is being built.")
