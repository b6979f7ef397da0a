"""The dashboard on a warehouse store in a real Chromium: the Timeline draws its counts, a country chosen in the
sidebar redraws it with that country's events, every other page draws, and nothing leaves the machine."""

from __future__ import annotations

import re

import pytest

from store.query import Filters
from store.source import ArrowSource
from store.warehouse.migrate import migrate
from tests.browser.conftest import shoot, start_server, stop_server, wait_ready
from tests.dashboard_store import make_store

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def warehouse_dashboard(tmp_path_factory, chromium_path):
    base = tmp_path_factory.mktemp("wh-browser")
    make_store(base / "arrow", n=4500, seed=11)
    migrate(base / "arrow", out=base / "warehouse")
    url, proc = start_server(base / "warehouse", base / "streamlit.log", extra_env={"DASHBOARD_WARM_EXPORTS": "0"})
    yield url, ArrowSource(base / "arrow")
    stop_server(proc)


def title(pg) -> str:
    return pg.locator(".js-plotly-plot .gtitle").first.text_content() or ""


def test_a_country_chosen_in_the_sidebar_redraws_the_warehouse_timeline(warehouse_dashboard, page):
    url, arrow = warehouse_dashboard
    page.goto(url)
    wait_ready(page)
    page.wait_for_selector(".js-plotly-plot .hm", timeout=60_000)  # the heatmap of counts
    everything = arrow.count(Filters())
    assert title(page).startswith(f"{everything:,} events by country")
    box = page.locator("[data-testid='stMultiSelect']").filter(has_text="Countries")
    box.locator("input").click()
    box.locator("input").fill("France")
    page.wait_for_selector("[role='option']", timeout=10_000)
    page.keyboard.press("Enter")
    france = arrow.count(Filters(countries=("FRA",)))
    page.wait_for_function(f"() => (document.querySelector('.js-plotly-plot .gtitle') || {{}}).textContent"
                           f"?.startsWith('{france:,} events')", timeout=60_000)  # fmt: skip
    wait_ready(page)
    assert re.search(r"[?&]country=FRA", page.url)
    assert page.locator("[data-testid='stException']").count() == 0
    assert "Briefing" in page.locator("[data-testid='stMain']").inner_text()
    page.keyboard.press("Escape")  # close the country list before the picture
    shoot(page, "warehouse-timeline-france")


@pytest.mark.parametrize(
    ("path", "heading"), [("map", "Map"), ("actors", "Actors"), ("trends", "Trends"), ("events", "Events")]
)
def test_every_page_draws_from_the_warehouse(warehouse_dashboard, page, path, heading):
    url, _arrow = warehouse_dashboard
    page.goto(f"{url}/{path}")
    wait_ready(page)
    page.get_by_role("heading", name=heading).first.wait_for(timeout=60_000)
    selector = "[data-testid='stDataFrame']" if path == "events" else ".js-plotly-plot .main-svg >> visible=true"
    page.wait_for_selector(selector, timeout=60_000)
    assert page.locator("[data-testid='stException']").count() == 0
    shoot(page, f"warehouse-{path}")
