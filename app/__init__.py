"""The dashboard's code, kept out of the Streamlit scripts (dashboard.py, pages/) so it can be tested.

Pure (no Streamlit; tests/test_app_layout.py checks): figures/ (one module per chart and the chart registry,
CHARTS), tables (events -> readable tables), labels (names for codes), messages (words for people, escaping),
urlstate (widget state <-> URL), exporting (PNG/SVG/PDF/HTML and data files), shapes (map shapes, installed
with `python -m app.shapes`).

Streamlit-bound: data (cached loading), view (the View of the filtered store a page works on), sidebar (the
shared filters and their URL mirror), charts (the registered charts' widgets and clicks), event_details (the
Timeline's event details), downloads (download buttons, export warm-up), preload (plotly.js loaded early), serve (the server, with these
modules imported before it listens: `python -m app.serve`).
"""
