"""The chart-code preload (app.preload): on a fresh server's first run of a page with charts the entry sends a
hidden blank chart before anything else, so the browser fetches plotly.js while the server loads the store;
never again once the server holds its data, and never on a page without charts.

Each case runs in its own Python process: a fresh process is a fresh server."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.dashboard_store import ROOT

SCRIPT = """
import json, sys
if sys.argv[2:] == ["preimported"]:
    from app.serve import preimport  # what `python -m app.serve` does before the server listens
    preimport()
from app.preload import CHART_CODE_KEY
from tests.dashboard_store import open_dashboard

def blank_charts(at):
    metas = [json.loads(el.proto.spec).get("layout", {}).get("meta") for el in at.get("plotly_chart")]
    return [i for i, m in enumerate(metas) if m == CHART_CODE_KEY], len(metas)

at = open_dashboard(sys.argv[1])
first = blank_charts(at)
first_element_is_blank = CHART_CODE_KEY in str(at.main.children[0].proto)  # the blank chart's container
at.run()  # the same session again
again = blank_charts(at)
other = blank_charts(open_dashboard(sys.argv[1]))  # a new session on the same server
print(json.dumps({"first": first, "again": again, "other": other, "first_element": first_element_is_blank}))
"""


def run_fresh(page: str, *extra: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, page, *extra], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_fresh_server_sends_the_blank_chart_first_and_once(store_env):
    seen = run_fresh("dashboard_pages/timeline.py")
    blanks, charts = seen["first"]
    assert blanks == [0] and charts >= 2, "the blank chart comes first, before the page's charts"
    assert seen["first_element"], "the blank chart's container is the first thing on the page"
    assert seen["again"][0] == [] and seen["again"][1] >= 1
    assert seen["other"][0] == [], "a server holding its data sends no blank chart"


def test_a_server_that_imported_the_dashboard_at_start_still_sends_it_on_its_first_page(store_env):
    seen = run_fresh("dashboard_pages/timeline.py", "preimported")
    assert seen["first"][0] == [0], "modules imported early are not data loaded: the first page still preloads"
    assert seen["again"][0] == [] and seen["other"][0] == []


def test_a_page_without_charts_sends_no_blank_chart(store_env):
    seen = run_fresh("dashboard_pages/events.py")
    assert seen["first"] == [[], 0]
