"""Every page in a real Chromium: it draws, nothing leaves the machine, and a screenshot is kept for a person."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

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


NAV = ["Timeline", "Map", "Actors", "Trends", "Events", "Add articles"]


def countries_box(pg):
    return pg.locator("[data-testid='stMultiSelect']").filter(has_text="Countries")


def test_sidebar_pages_keep_the_filters_and_their_links(dashboard, page):
    """Switching pages in the sidebar keeps the filters (they are drawn around every page) and the link: each
    page has its own path and the filters stay in the query."""
    page.goto(f"{dashboard}/?country=FRA&q=Macron")
    wait_ready(page)
    links = page.locator("[data-testid='stSidebarNav'] a")
    assert [t.strip().splitlines()[-1] for t in links.all_inner_texts()] == NAV  # (the icon's name, then the label)
    assert page.title() == "Timeline · Event timeline"
    for label, path in [("Map", "/map"), ("Actors", "/actors"), ("Trends", "/trends"), ("Events", "/events")]:
        links.filter(has_text=label).first.click()
        page.wait_for_url(re.compile(rf"{re.escape(dashboard)}{path}\?"), timeout=30_000)
        page.get_by_role("heading", name=label).first.wait_for(timeout=60_000)
        wait_ready(page)
        assert page.title() == f"{label} · Event timeline"
        assert "France" in countries_box(page).inner_text(), label
        assert page.locator("[data-testid='stTextInput'] input").first.input_value() == "Macron", label
        query = parse_qs(urlsplit(page.url).query)
        assert query["country"] == ["FRA"] and query["q"] == ["Macron"], (label, page.url)
    page.wait_for_selector("[data-testid='stDataFrame']", timeout=60_000)
    shoot(page, "page-events-after-switching")
    links.filter(has_text="Timeline").first.click()
    page.wait_for_url(re.compile(rf"{re.escape(dashboard)}/\?"), timeout=30_000)
    wait_ready(page)
    assert "France" in countries_box(page).inner_text()
    assert "events by country" in page.locator(".js-plotly-plot .gtitle").first.text_content()


def test_a_minimum_confidence_from_the_link_shows_on_its_slider_and_stays_in_the_link(dashboard, page):
    page.goto(f"{dashboard}/events?min_confidence=0.8")
    wait_ready(page)
    page.wait_for_selector("[data-testid='stDataFrame']", timeout=60_000)
    slider = page.locator("[data-testid='stSlider']").filter(has_text="Minimum confidence")
    assert slider.inner_text().splitlines()[2] == "0.80"  # label, blank, the value, then the ends 0.00 and 1.00
    links = page.locator("[data-testid='stSidebarNav'] a")
    links.filter(has_text="Timeline").first.click()
    page.wait_for_url(re.compile(rf"{re.escape(dashboard)}/\?"), timeout=30_000)
    wait_ready(page)
    assert parse_qs(urlsplit(page.url).query)["min_confidence"] == ["0.8"]
    page.wait_for_selector(".js-plotly-plot .main-svg >> visible=true", timeout=60_000)
    assert page.locator("[data-testid='stException']").count() == 0
    shoot(page, "timeline-minimum-confidence")
