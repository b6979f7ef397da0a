"""Dashboard speed in a real browser on a big store: first page ready, a country filter redrawn, server memory.

    .venv/bin/python bench/bench_dashboard.py [--events 1000000] [--store bench/out/store-1000000] [--no-pages]
    .venv/bin/python bench/bench_dashboard.py --store WAREHOUSE_DIR --events 100000000   (a warehouse store)

Builds the store once from generated events (service.synth; about a minute for a million), starts
`streamlit run dashboard.py` on a free 127.0.0.1 port, drives Debian's Chromium through Playwright and prints:
  cold first page: from opening the Timeline on a fresh server to the chart drawn (includes loading the store)
  warm first page: the same in a new browser session once the server holds the store
  reload:          the warm page reloaded in the same browser (its scripts cached, as for a returning user)
  filter change:   from choosing a country in the sidebar to the redrawn timeline, and to the page finished
                   (briefing and event chooser drawn); then a second country the same way, and the Map and
                   Trends pages of that two-country view from the sidebar
  server memory:   resident and peak resident memory of the Streamlit process (kaleido's Chromium excluded)
  other pages:     from clicking a page in the sidebar (no filters: all events) to its charts or table drawn,
                   and each page opened by its own link in a new browser session
  floor:           the same first-page measure on bench/floor_app.py (Streamlit + one tiny Plotly chart)
A screenshot of the warm page is left in bench/out/timeline-big.png, of its two-country view in
bench/out/timeline-two-countries.png, and one of each page in
bench/out/page-<name>.png.
Targets (issue 7): first page <= 3 s, filter change <= 1 s, memory <= 2 GB. Figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import socket
import subprocess
import sys
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
READY = "[data-testid='stApp'][data-test-script-state='notRunning']"


def build_store(path: pathlib.Path, n: int) -> None:
    from service.synth import generate_events
    from store import EventStore
    from store.warehouse import is_warehouse

    if is_warehouse(path):  # a warehouse is built by bench/bench_warehouse.py (100,000,000 events: about 50 min)
        print(f"using the warehouse in {path}", flush=True)
        return

    store = EventStore(path)
    if store.version() != "empty" and len(store.events()) == n:
        return
    t = time.perf_counter()
    print(f"building a store of {n:,} generated events in {path} ...", flush=True)
    store.add_events(generate_events(n, seed=0))
    print(f"  built in {time.perf_counter() - t:.0f} s", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def memory_kb(pid: int) -> tuple[int, int]:
    """(resident, peak resident) of a process in kB, from /proc."""
    rss = hwm = 0
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1])
        elif line.startswith("VmHWM:"):
            hwm = int(line.split()[1])
    return rss, hwm


def start(
    store: pathlib.Path, log: pathlib.Path, script: pathlib.Path = ROOT / "dashboard.py"
) -> tuple[str, subprocess.Popen]:
    port = free_port()
    env = dict(os.environ, EVENTS_STORE=str(store))
    # the dashboard as `make run` starts it (app/serve.py); any other script (the floor) by `streamlit run`
    launch = ["-m", "app.serve"] if script == ROOT / "dashboard.py" else ["-m", "streamlit", "run", str(script)]
    cmd = [
        sys.executable,
        *launch,
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return url, proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit(f"streamlit did not start; see {log}")


def page_ready(page, timeout_ms: int = 180_000) -> None:
    page.wait_for_selector(".js-plotly-plot .gtitle", timeout=timeout_ms)
    page.wait_for_selector(READY, timeout=timeout_ms)


def open_timeline(browser, url: str) -> tuple[float, object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    t = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(".js-plotly-plot .gtitle", timeout=180_000)
    FIRST_CHART.append(time.perf_counter() - t)
    page_ready(page)
    return time.perf_counter() - t, page


FIRST_CHART: list[float] = []  # seconds to the first chart drawn, per open_timeline


def reload_timeline(page) -> float:
    """Seconds to reload an open Timeline (a new server session; the browser has its scripts cached)."""
    t = time.perf_counter()
    page.reload()
    page_ready(page)
    return time.perf_counter() - t


def filter_country(page, name: str) -> tuple[float, float]:
    """(seconds to the redrawn chart, seconds to the page finished) after choosing a country in the sidebar."""
    before = page.locator(".js-plotly-plot .gtitle").first.text_content()
    box = page.locator("[data-testid='stMultiSelect']").filter(has_text="Countries")
    box.locator("input").click()
    box.locator("input").fill(name)
    page.wait_for_selector("[role='option']", timeout=10_000)
    t = time.perf_counter()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "before => { const t = document.querySelector('.js-plotly-plot .gtitle');"
        " return t && t.textContent !== before }",
        arg=before,
        timeout=120_000,
    )
    drawn = time.perf_counter() - t
    page.wait_for_selector(READY, timeout=120_000)
    return drawn, time.perf_counter() - t


# (sidebar label, URL path, what shows the page is drawn: a selector and how many of it)
PAGES = (
    ("Map", "map", ".js-plotly-plot .gtitle", 1),
    ("Actors", "actors", ".js-plotly-plot .gtitle", 2),
    ("Trends", "trends", ".js-plotly-plot .gtitle", 2),
    ("Events", "events", "[data-testid='stDataFrame'] canvas", 1),
    ("Timeline", "", ".js-plotly-plot .gtitle", 1),
)


# the pages timed again on the two-country view, after the Timeline (label, path, selector, count as in PAGES)
TWO_PAGES = tuple(p for p in PAGES if p[0] in ("Map", "Trends"))


def page_drawn(page, title: str, selector: str, count: int, timeout_ms: int = 180_000) -> None:
    """Wait until the page titled title shows count of selector and its script has finished."""
    page.wait_for_function(
        "([title, sel, n]) => { const h = document.querySelector('h1');"
        " return h && h.textContent.trim() === title && document.querySelectorAll(sel).length >= n }",
        arg=[title, selector, count],
        timeout=timeout_ms,
    )
    page.wait_for_selector(READY, timeout=timeout_ms)


def switch_page(page, label: str, selector: str, count: int) -> float:
    """Seconds from clicking label in the sidebar to that page drawn."""
    link = page.locator("[data-testid='stSidebar'] a").filter(has_text=label).first
    t = time.perf_counter()
    link.click()
    page_drawn(page, label, selector, count)
    return time.perf_counter() - t


def open_page(browser, url: str, path: str, label: str, selector: str, count: int) -> float:
    """Seconds to open a page by its link in a new browser session."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    t = time.perf_counter()
    page.goto(f"{url}/{path}")
    page_drawn(page, label, selector, count)
    took = time.perf_counter() - t
    context.close()
    return took


def time_pages(browser, url: str, out: pathlib.Path) -> list[tuple[str, float, float]]:
    """(page, seconds to switch to it in the sidebar, seconds to open it by its link) for every page."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(url)
    page_ready(page)
    switched = {}
    for label, path, selector, count in PAGES:
        switched[label] = switch_page(page, label, selector, count)
        page.screenshot(path=str(out / f"page-{path or 'timeline'}.png"), full_page=True)
    context.close()
    return [
        (label, switched[label], open_page(browser, url, path, label, selector, count))
        for label, path, selector, count in PAGES
        if path
    ]


def floor_page(store: pathlib.Path, out: pathlib.Path) -> float:
    """Median first-page time of bench/floor_app.py (Streamlit + one tiny Plotly chart) in new sessions."""
    from playwright.sync_api import sync_playwright

    url, proc = start(store, out / "bench_floor.log", ROOT / "bench" / "floor_app.py")
    times = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            for _ in range(3):
                t, page = open_timeline(browser, url)
                times.append(t)
                page.context.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return sorted(times)[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--store", type=pathlib.Path)
    ap.add_argument("--country", default="France")
    ap.add_argument("--no-pages", action="store_true", help="skip timing the other pages")
    args = ap.parse_args()
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    store = args.store or out / f"store-{args.events}"
    build_store(store, args.events)
    if not os.path.exists(CHROMIUM):
        raise SystemExit(f"needs Chromium at {CHROMIUM}: sudo apt-get install chromium")
    from playwright.sync_api import sync_playwright

    load_before = os.getloadavg()[0]
    url, proc = start(store, out / "bench_dashboard.log")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            cold, page = open_timeline(browser, url)
            print(f"cold first page: {cold:.2f} s", flush=True)
            warm, page2 = open_timeline(browser, url)
            print(f"warm first page: {warm:.2f} s", flush=True)
            page.context.close()
            page2.screenshot(path=str(out / "timeline-big.png"))
            reload = reload_timeline(page2)
            print(f"reload: {reload:.2f} s", flush=True)
            change = filter_country(page2, args.country)
            change2 = filter_country(page2, "Germany")
            page2.screenshot(path=str(out / "timeline-two-countries.png"), full_page=True)
            # the same two-country view on the other pages that count by country or by type (the sidebar keeps it)
            two = [(label, switch_page(page2, label, selector, count)) for label, _p, selector, count in TWO_PAGES]
            page2.context.close()
            pages = [] if args.no_pages else time_pages(browser, url, out)
            browser.close()
        rss, hwm = memory_kb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    floor = floor_page(store, out)
    print(f"events in store:            {args.events:,}")
    print(
        f"cold first page ready:      {cold:.2f} s   (fresh server: includes loading the store; its chart drawn "
        f"after {FIRST_CHART[0]:.2f} s)"
    )
    print(f"warm first page ready:      {warm:.2f} s   (target <= 3 s)")
    print(
        f"floor, same run:            {floor:.2f} s   (median of 3 new sessions on bench/floor_app.py: Streamlit and "
        "one 3-point Plotly chart, nothing of ours)"
    )
    print(f"reloaded (scripts cached):  {reload:.2f} s")
    print(
        f"country filter redrawn:     chart {change[0]:.2f} s (page done {change[1]:.2f} s), then a second country "
        f"chart {change2[0]:.2f} s (page done {change2[1]:.2f} s)   (targets: 1 s on 1M events, 1.5 s on 100M)"
    )
    print(
        "two countries, other pages:  "
        + ", ".join(f"{label} {took:.2f} s" for label, took in two)
        + "   (from the sidebar, after the Timeline of the same view)"
    )
    print(f"server memory:              {rss / 1024:.0f} MB resident, {hwm / 1024:.0f} MB peak   (target <= 2048 MB)")
    for label, switched, opened in pages:
        print(f"{label + ' page:':<28}{switched:.2f} s from the sidebar, {opened:.2f} s opened by its link")
    print(
        f"machine load (1 min):       {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
