"""Test stores for the dashboard tests (generated events plus one hand-made event whose text is hostile), and
helpers to drive the dashboard through Streamlit's AppTest and read the charts it sends."""

from __future__ import annotations

import base64
import json
import pathlib

import numpy as np
import pandas as pd

from service.synth import generate_events
from store import EventStore

HOSTILE = "<script>alert(1)</script> and <img src=x onerror=alert(1)> met in Paris"
HOSTILE_ID = "hostile-event-1"


def hostile_row(base: pd.DataFrame) -> pd.DataFrame:
    """One event in France on 2024-06-12 whose summary, sentence and title carry HTML that must show as text."""
    row = base.head(1).copy()
    row["event_id"] = HOSTILE_ID
    row["article_id"] = "hostile-article"
    row["date"] = "2024-06-12"
    row["date_precision"] = "day"
    row["date_start"] = pd.Timestamp("2024-06-12")
    row["date_end"] = pd.Timestamp("2024-06-13")
    row["mode"] = "actual"
    row["event_type"] = "CONSULT"
    row["quad_class"] = "verbal_cooperation"
    row["source_actor"] = "France"
    row["target_actor"] = "Germany"
    row["actors"] = [["France", "Germany"]]
    row["countries"] = [["FRA", "DEU"]]
    row["summary"] = HOSTILE
    row["sentence"] = HOSTILE + " on Wednesday."
    row["title"] = "<b>Hostile</b> title <script>alert(2)</script>"
    row["url"] = "javascript:alert(3)"
    row["mentions"] = 60
    row["sources"] = [["Outlet A", "Outlet B", "Outlet C", "Outlet D"]]
    row["origin_ref"] = "hostile-article:0-80"
    return row


def make_store(path: pathlib.Path, n: int = 300, seed: int = 3, hostile: bool = True) -> EventStore:
    """A store at path holding n generated events (and the hostile one)."""
    df = generate_events(n, seed=seed)
    if hostile:
        df = pd.concat([df, hostile_row(df)], ignore_index=True)
    store = EventStore(path)
    store.add_events(df, origin="extracted")
    return store


ROOT = pathlib.Path(__file__).resolve().parent.parent
ENTRY = str(ROOT / "dashboard.py")
# the page scripts as AppTest.switch_page names them (relative to dashboard.py)
TIMELINE, MAP, ACTORS, TRENDS, EVENTS, ADD = (
    f"dashboard_pages/{name}.py" for name in ("timeline", "map", "actors", "trends", "events", "add_articles")
)


def open_dashboard(page: str = TIMELINE, query: dict | None = None):
    """AppTest of the dashboard's entry opened on page with the link's query, as a new browser session
    opening /map?country=FRA would (the Timeline, the landing page, at /), after its first run."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(ENTRY, default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    if page != TIMELINE:
        # before the first run AppTest finds a page by its file name, which is also each page's url_path
        at.switch_page(page)
    return at.run()


def chart_specs(at) -> list[dict]:
    """The specs of the charts a page draws (not the hidden blank chart that starts loading plotly.js)."""
    from app.preload import CHART_CODE_KEY

    specs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    return [s for s in specs if s.get("layout", {}).get("meta") != CHART_CODE_KEY]


def plotly_values(x) -> list:
    """A plotly array from a figure's JSON: plain lists, or typed arrays sent as base64 ("bdata")."""
    if isinstance(x, dict) and "bdata" in x:
        return np.frombuffer(base64.b64decode(x["bdata"]), dtype=np.dtype(x["dtype"])).tolist()
    return list(x)


def drawn_ids(spec: dict) -> set[str]:
    """Event ids a timeline chart spec draws (first customdata column of every trace)."""
    return {str(row[0]) for trace in spec["data"] for row in trace.get("customdata") or []}
