"""The dashboard's logic, kept out of the page scripts so it can be tested without a browser.

figures: DataFrame + options -> plotly Figure (pure); urlstate: widget state <-> URL query parameters (pure);
messages and names: text for people (pure); data: cached loading; widgets: the shared sidebar and the
small Streamlit helpers every page uses; exporting: chart and data downloads.
"""
