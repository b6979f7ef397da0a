"""Every page in a real Chromium: it draws, nothing leaves the machine, and a screenshot is kept for a person."""

from __future__ import annotations

import pytest

from tests.browser.conftest import shoot, wait_ready

pytestmark = pytest.mark.browser

PAGES = [
    ("map", "Map"),
    ("actors", "Actors"),
    ("trends", "Trends"),
    ("events", "Events"),
    ("add_articles", "Add articles"),
]


@pytest.mark.parametrize(("path", "title"), PAGES)
def test_page_draws_offline(dashboard, page, path, title):
    page.goto(f"{dashboard}/{path}")
    wait_ready(page)
    page.get_by_role("heading", name=title).first.wait_for(timeout=60_000)
    if path in ("map", "actors", "trends"):
        page.wait_for_selector(".js-plotly-plot .main-svg >> visible=true", timeout=60_000)
    if path == "events":
        page.wait_for_selector("[data-testid='stDataFrame']", timeout=60_000)
    page.wait_for_timeout(800)
    assert page.locator("[data-testid='stException']").count() == 0
    shoot(page, f"page-{path}")


def test_map_draws_country_shapes_from_this_machine(dashboard, page):
    from app import shapes

    if not shapes.available():
        pytest.fail("the map's country shapes are not installed: run `.venv/bin/python -m app.shapes`")
    page.goto(f"{dashboard}/map")
    wait_ready(page)
    page.wait_for_selector(".js-plotly-plot .choroplethlocation", timeout=60_000)
    assert page.locator(".js-plotly-plot .choroplethlocation").count() > 20
    assert any("/app/static/topojson/world_110m.json" in u for u in page.request_log.urls)


def test_map_link_with_a_country_filters_other_pages(dashboard, page):
    page.goto(f"{dashboard}/events?country=FRA")
    wait_ready(page)
    page.wait_for_selector("[data-testid='stDataFrame']", timeout=60_000)
    assert "France" in page.locator("[data-testid='stMultiSelect']").filter(has_text="Countries").inner_text()
