"""Add articles (being built)."""
import streamlit as st

from viz import widgets

widgets.page_setup("Add articles")
st.title("Add articles")
st.info("This page is being built.")
