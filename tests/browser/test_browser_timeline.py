"""The dashboard in a real Chromium: the landing Timeline, a country filter, event details, PNG export, links."""

from __future__ import annotations

import re
import struct

import pytest

from tests.browser.conftest import shoot, wait_ready
from tests.dashboard_store import HOSTILE_ID

pytestmark = pytest.mark.browser

TITLE = re.compile(r"([\d,]+) events by")


def chart_title(pg) -> str:
    """The text of the timeline chart's title (it states how many events are drawn)."""
    pg.wait_for_selector(".js-plotly-plot .gtitle", timeout=60_000)
    return pg.locator(".js-plotly-plot .gtitle").first.text_content()


def drawn_count(pg) -> int:
    m = TITLE.search(chart_title(pg))
    assert m, chart_title(pg)
    return int(m.group(1).replace(",", ""))


def pick_country(pg, name: str) -> None:
    box = pg.locator("[data-testid='stMultiSelect']").filter(has_text="Countries")
    box.locator("input").click()
    box.locator("input").fill(name)
    pg.locator("[role='option']").filter(has_text=name).first.wait_for(timeout=30_000)
    pg.keyboard.press("Enter")
    pg.keyboard.press("Escape")


def test_landing_page_draws_the_timeline(dashboard, page):
    page.goto(dashboard)
    wait_ready(page)
    assert drawn_count(page) > 0
    assert page.locator(".js-plotly-plot .point, .js-plotly-plot .bars path").count() > 0
    shoot(page, "timeline")


def test_country_filter_changes_timeline_and_link(dashboard, page):
    page.goto(dashboard)
    wait_ready(page)
    before = drawn_count(page)
    pick_country(page, "France")
    page.wait_for_function(
        "n => { const t = document.querySelector('.js-plotly-plot .gtitle');"
        " return t && !t.textContent.startsWith(n + ' ') }",
        arg=f"{before:,}",
        timeout=30_000,
    )
    wait_ready(page)
    after = drawn_count(page)
    assert 0 < after < before
    page.wait_for_url(re.compile(r"country=FRA"), timeout=10_000)
    link = page.url
    shoot(page, "timeline-france")
    other = page.context.new_page()
    other.goto(link)
    wait_ready(other)
    assert drawn_count(other) == after
    assert "France" in other.locator("[data-testid='stMultiSelect']").filter(has_text="Countries").inner_text()
    other.close()


def test_event_details_render_hostile_text_as_text(dashboard, page):
    page.goto(f"{dashboard}/?event={HOSTILE_ID}")
    wait_ready(page)
    page.get_by_text("Evidence").wait_for(timeout=30_000)
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "<script>alert(1)</script>" in body
    assert "<img src=x onerror=alert(1)>" in body
    # hover labels: move over every marker of the hostile event's lane to be sure nothing fires there either
    page.wait_for_timeout(500)
    assert page.request_log.dialogs == [], page.request_log.dialogs
    assert page.locator("img[src='x']").count() == 0
    shoot(page, "timeline-event-details")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_png_export_is_an_image_of_the_chart_size(dashboard, page):
    page.goto(dashboard)
    wait_ready(page)
    chart_title(page)
    chart_height = page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot')].find(g => g._fullLayout && g.offsetHeight > 50)"
        "._fullLayout.height"
    )
    button = page.locator("[data-testid='stDownloadButton']").filter(has_text="PNG").first
    with page.expect_download(timeout=60_000) as info:
        button.click()
    data = open(info.value.path(), "rb").read()
    width, height = png_size(data)
    # 1200 wide; the chart's own height (170 + 34 per lane, at least 400) and the briefing's caption under it
    # (a title and five lines of one or two rows each)
    assert width == 1200
    assert 400 <= chart_height <= 170 + 34 * 25
    assert chart_height + 48 + 6 * 17 <= height <= chart_height + 48 + 6 * 17 * 2 + 80
    assert info.value.suggested_filename == "timeline.png"


def test_choosing_an_event_opens_its_details(dashboard, page):
    page.goto(dashboard)
    wait_ready(page)
    chart_title(page)
    box = page.locator("[data-testid='stSelectbox']").filter(has_text="Event")
    box.scroll_into_view_if_needed()
    option = page.locator("[role='option']").nth(1)  # the first event after "Choose an event"
    for _attempt in range(3):
        box.locator("input").click()
        try:
            option.wait_for(timeout=10_000)
            break
        except Exception:  # the list did not open (the page was still settling): click again
            page.keyboard.press("Escape")
    option.click()
    page.get_by_text("Articles that reported it").wait_for(timeout=60_000)
    wait_ready(page)
    assert page.get_by_text("Evidence").count() == 1
    assert "event=" in page.url
    assert page.locator("[data-testid='stMain'] blockquote").count() >= 1


def test_clicking_a_marker_opens_its_details(dashboard, page):
    page.goto(f"{dashboard}/?key=1")
    wait_ready(page)
    marker = page.locator(".js-plotly-plot .scatterlayer .point").first
    marker.wait_for(timeout=60_000)
    marker.scroll_into_view_if_needed()  # (the briefing above the chart puts it lower on the page)
    page.wait_for_timeout(300)
    box = marker.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.get_by_text("Articles that reported it").wait_for(timeout=30_000)
    assert "event=" in page.url
