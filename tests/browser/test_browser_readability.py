"""What a reader sees, measured in a real Chromium on the bundled sample data (data/store, copied): the time
axes open on the bulk of the events, no text of a chart lies on another, no legend has more than eight
colours, and the briefing lists the most salient events and follows a country filter. Screenshots of every
page at 1440x900 and 1024x768 go to screenshots/ for a person to look at."""

from __future__ import annotations

import collections
import re
import shutil

import pandas as pd
import pytest

from app.figures.framing import frame_events
from extract.actors import canonical_name
from store import EventStore
from store.query import Filters, apply_filters
from tests.browser.conftest import ROOT, SCREENSHOTS, start_server, stop_server, wait_ready

pytestmark = pytest.mark.browser

SIZES = [(1440, 900), (1024, 768)]
PAGES = ["", "map", "actors", "trends", "events", "add_articles"]
CHART_PAGES = {"", "map", "actors", "trends"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory, chromium_path):
    """(url, events in the default view) of a dashboard serving a copy of the bundled sample store."""
    src = ROOT / "data" / "store"
    if not (src / "meta.json").exists():
        pytest.fail(f"the bundled sample store is missing at {src}: run `make sample`")
    base = tmp_path_factory.mktemp("sample")
    shutil.copytree(src, base / "store", ignore=shutil.ignore_patterns(".lock"))
    view = apply_filters(EventStore(base / "store").events(), Filters())
    url, proc = start_server(base / "store", base / "streamlit.log", extra_env={"DASHBOARD_WARM_EXPORTS": "0"})
    yield url, view
    stop_server(proc)


def open_page(pg, url: str, charts: int = 1) -> None:
    pg.goto(url)
    wait_ready(pg)
    if charts:
        pg.wait_for_function(
            "n => [...document.querySelectorAll('.js-plotly-plot')].filter(g => g._fullLayout && g.offsetHeight > 50)"
            ".length >= n",
            arg=charts,
            timeout=60_000,
        )
    pg.wait_for_timeout(500)


# ---- measures taken in the page ---------------------------------------------------------------------------

CHARTS_JS = """
() => [...document.querySelectorAll('.js-plotly-plot')]
  .filter(g => g._fullLayout && g.offsetHeight > 50)
  .map(g => (g._fullLayout.title && g._fullLayout.title.text) || '')
"""

# for the chart whose title matches: the axis range and, per trace, positions (ms) and weights
AXIS_JS = """
(pattern) => {
  const re = new RegExp(pattern);
  const g = [...document.querySelectorAll('.js-plotly-plot')].find(
    g => g._fullLayout && g.offsetHeight > 50 && re.test(g._fullLayout.title.text || ''));
  if (!g) return null;
  const ax = g._fullLayout.xaxis;
  const range = ax.range.map(r => ax.r2l(r));
  const traces = g._fullData.map(t => {
    const xs = t.type === 'bar' && t.orientation === 'h' ? (t.base || []) : (t.x || []);
    const ids = (t.customdata || []).map(c => Array.isArray(c) ? String(c[0]) : null);
    const ys = t.type === 'bar' && t.orientation !== 'h' ? (t.y || []).map(Number) : null;
    return {type: t.type, orientation: t.orientation || '', name: t.name || '',
            x: Array.from(xs).map(v => ax.d2l(v)), ids, y: ys ? Array.from(ys) : null};
  });
  return {range, traces, width: ax._length};
}
"""

# every piece of text drawn in each chart's SVG (title, note, legend, ticks, annotations), with its box
TEXT_BOXES_JS = """
() => [...document.querySelectorAll('.js-plotly-plot')].filter(g => g._fullLayout && g.offsetHeight > 50).map(g => {
  const out = [];
  for (const el of g.querySelectorAll('svg text')) {
    const t = (el.textContent || '').trim();
    if (!t) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    let kind = 'other';
    if (el.closest('.annotation')) kind = 'annotation';
    else if (el.closest('.legend')) kind = 'legend';
    else if (el.closest('.ytick')) kind = 'ytick';
    else if (el.closest('.xtick')) kind = 'xtick';
    else if (el.closest('.g-gtitle')) kind = 'title';
    out.push({t, kind, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom});
  }
  return {title: (g._fullLayout.title && g._fullLayout.title.text) || '', boxes: out};
})
"""

# each chart's legend entries and the colour of each entry's symbol (fill, or stroke for lines and open markers)
LEGEND_JS = """
() => [...document.querySelectorAll('.js-plotly-plot')].filter(g => g._fullLayout && g.offsetHeight > 50).map(g => {
  const items = [];
  for (const tr of g.querySelectorAll('.legend .traces')) {
    const name = (tr.querySelector('.legendtext') || {}).textContent || '';
    let colour = null;
    for (const p of tr.querySelectorAll('.legendpoints path, .legendlines path, .legendfill path')) {
      const s = getComputedStyle(p);
      const fill = s.fill, stroke = s.stroke;
      const usable = c => c && c !== 'none' && !c.startsWith('rgba(0, 0, 0, 0)') && c !== 'rgb(255, 255, 255)';
      const fo = parseFloat(s.fillOpacity || '1');
      colour = usable(fill) && fo > 0 ? fill : (usable(stroke) ? stroke : colour);
      if (colour) break;
    }
    items.push({name, colour});
  }
  return {title: (g._fullLayout.title && g._fullLayout.title.text) || '', items};
})
"""

NODES_JS = """
() => {
  const g = [...document.querySelectorAll('.js-plotly-plot')].find(
    g => g._fullLayout && /Who acts on whom/.test(g._fullLayout.title.text || ''));
  if (!g) return null;
  const nodes = [];
  g._fullData.forEach((t, i) => {
    if (!t.customdata) return;
    const pts = g.querySelectorAll('.scatterlayer .trace')[i].querySelectorAll('.point');
    pts.forEach(p => { const r = p.getBoundingClientRect(); nodes.push({x0: r.left, y0: r.top, x1: r.right, y1: r.bottom}); });
  });
  return nodes;
}
"""


def overlaps(a: dict, b: dict, slack: float = 0.5) -> bool:
    return (
        a["x0"] < b["x1"] - slack
        and b["x0"] < a["x1"] - slack
        and a["y0"] < b["y1"] - slack
        and b["y0"] < a["y1"] - slack
    )


def overlapping_pairs(boxes: list[dict]) -> list[tuple[str, str]]:
    return [(a["t"], b["t"]) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if overlaps(a, b)]


def axis_shares(measure: dict, total: int, weighted: bool) -> tuple[float, float]:
    """(share of the view's events drawn inside the axis range, share of the axis width between the first and
    the last of them). weighted: bar charts (the bars' heights count events); else events by their ids."""
    lo, hi = measure["range"]
    inside_x: list[float] = []
    if weighted:
        counted = 0.0
        for t in measure["traces"]:
            if t["y"] is None:
                continue
            for x, y in zip(t["x"], t["y"], strict=True):
                if y and lo <= x <= hi:
                    counted += abs(y)
                    inside_x.append(x)
    else:
        ids_in: set[str] = set()
        for t in measure["traces"]:
            for x, i in zip(t["x"], t["ids"], strict=False):
                if i is not None and lo <= x <= hi:
                    ids_in.add(i)
                    inside_x.append(x)
        counted = len(ids_in)
    width = (max(inside_x) - min(inside_x)) / (hi - lo) if inside_x else 0.0
    return counted / total, width


def on_axis(view: pd.DataFrame) -> pd.DataFrame:
    """The events of a view on the Timeline's axis as it opens (for the briefing's check)."""
    frame = frame_events(view["date_start"], ends=view["date_end"])
    return view[frame.contains(view["date_start"].to_numpy())] if frame is not None else view


# ---- tests ------------------------------------------------------------------------------------------------


def test_time_axes_open_on_the_bulk_of_the_events(sample, page):
    url, view = sample
    total = len(view)
    quads = int(
        view["quad_class"]
        .isin(["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"])
        .sum()
    )
    figures = {}
    open_page(page, url)
    figures["timeline"] = axis_shares(page.evaluate(AXIS_JS, "events by"), total, weighted=False)
    open_page(page, f"{url}/trends?by=event_type", charts=2)
    figures["trends"] = axis_shares(page.evaluate(AXIS_JS, "Events per"), total, weighted=True)
    figures["balance"] = axis_shares(page.evaluate(AXIS_JS, "Cooperation"), quads, weighted=True)
    print("share of events inside the default axis range / share of the axis width they span:", figures)
    for name, (inside, width) in figures.items():
        assert inside >= 0.95, (name, inside)
        assert width >= 0.60, (name, width)
        assert inside <= 1.0 + 1e-9, (name, inside)
    # the note says how many are outside, and the switch shows them all
    open_page(page, url)
    note = page.locator(".js-plotly-plot .gtitle-subtitle").first.text_content()
    outside = total - round(figures["timeline"][0] * total)
    assert outside > 0 and f"{total - outside} of {total} events" in note, note
    page.locator("label").filter(has_text="Show all dates").first.click()
    page.wait_for_url(re.compile(r"all=1"), timeout=30_000)
    wait_ready(page)
    inside_all, _ = axis_shares(page.evaluate(AXIS_JS, "events by"), total, weighted=False)
    assert inside_all == 1.0


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_text_of_a_chart_lies_on_another(sample, page, size):
    """Every chart page, both window sizes: no two texts of a chart overlap (network labels, lane labels,
    title, note, legend, ticks), and no network label lies on a node."""
    url, _view = sample
    page.set_viewport_size({"width": size[0], "height": size[1]})
    counted = {}
    for path, n in (("", 1), ("actors", 2), ("trends", 2), ("map", 1)):
        open_page(page, f"{url}/{path}", charts=n)
        for chart in page.evaluate(TEXT_BOXES_JS):
            pairs = overlapping_pairs(chart["boxes"])
            assert pairs == [], (path, chart["title"], pairs[:5])
            counted[chart["title"][:30]] = len(chart["boxes"])
        if path == "":
            lanes = [b for c in page.evaluate(TEXT_BOXES_JS) for b in c["boxes"] if b["kind"] == "ytick"]
            assert len(lanes) >= 20, "the lanes are named"
        if path == "actors":
            labels = [
                b
                for c in page.evaluate(TEXT_BOXES_JS)
                if "Who acts" in c["title"]
                for b in c["boxes"]
                if b["kind"] == "annotation"
            ]
            nodes = page.evaluate(NODES_JS)
            assert len(labels) >= 10 and len(nodes) >= len(labels)
            for label in labels:
                for node in nodes:
                    # a node's marker box is its circle's square: allow its corners
                    inset = (node["x1"] - node["x0"]) * 0.15
                    core = {k: node[k] + (inset if k in ("x0", "y0") else -inset) for k in node}
                    assert not overlaps(label, core), (label["t"], node)
    print(f"texts checked per chart at {size}: {counted}")


def test_no_legend_has_more_than_eight_colours(sample, page):
    url, _view = sample
    seen = {}
    default = None
    for path, n in (
        ("", 1),
        ("?colour=event_type", 1),
        ("?colour=topic", 1),
        ("?lane=event_type", 1),
        ("actors", 2),
        ("trends", 2),
        ("trends?by=event_type", 2),
    ):
        open_page(page, f"{url}/{path}", charts=n)
        for chart in page.evaluate(LEGEND_JS):
            colours = {i["colour"] for i in chart["items"] if i["colour"]}
            seen[f"{path or '/'} {chart['title'][:40]}"] = len(colours)
            if path == "":
                default = len(colours)
            assert len(colours) <= 8, (path, chart["title"], chart["items"])
            names = [i["name"] for i in chart["items"]]
            if any(n.startswith("Other") for n in names):
                other = next(i["colour"] for i in chart["items"] if i["name"].startswith("Other"))
                assert other.replace(" ", "") in ("rgb(158,158,158)",), other
    print("legend colours per chart:", seen)
    assert default == 4, "the Timeline opens coloured by the four quad classes"


def briefing_items(pg) -> list[str]:
    """The briefing's lines: the first numbered list of the Timeline page."""
    box = pg.locator("[data-testid='stMarkdownContainer']:has(ol)").first
    box.wait_for(timeout=30_000)
    return [t.strip() for t in box.locator("li").all_inner_texts()]


def briefing_heading(pg) -> str:
    return pg.locator("[data-testid='stMarkdownContainer']").filter(has_text="Briefing ·").first.inner_text()


def summary_of(line: str) -> str:
    """The summary part of a briefing line ("24 Feb 2022 · Assault: <summary> — <sources>")."""
    text = line.split(": ", 1)[1]
    return text.rsplit(" — ", 1)[0].rstrip("…").strip()


def salience_of(view: pd.DataFrame, line: str) -> float:
    s = summary_of(line)[:60]
    hits = view[view["summary"].astype(str).map(lambda x: " ".join(x.split())).str.startswith(s)]
    assert len(hits) >= 1, line
    return float(hits["salience"].max())


def test_the_briefing_lists_the_most_salient_events_and_follows_a_country_filter(sample, page):
    from tests.browser.test_browser_timeline import pick_country

    url, view = sample
    open_page(page, url)
    lines = briefing_items(page)
    assert 5 <= len(lines) <= 10
    shown = on_axis(view)
    sal = [salience_of(shown, line) for line in lines]
    assert sal == sorted(sal, reverse=True), "most salient first"
    assert shown["salience"].nlargest(len(lines)).min() <= min(sal) + 1e-9, "no event on the axis is more salient"
    assert all(re.match(r"^\d{1,2} [A-Z][a-z]{2} \d{4} · |^[A-Z][a-z]{2} \d{4} · |^\d{4} · ", line) for line in lines)
    # a country filter, chosen in the sidebar, changes the briefing to that country's events: a country of a
    # few events, none of them the briefing's first line (chosen from the sample, whatever it holds)
    first = summary_of(lines[0])[:60]

    def of(code: str) -> pd.DataFrame:
        return on_axis(view[view["countries"].map(lambda c: code in list(c))])

    counts = collections.Counter(c for cs in view["countries"] for c in set(cs))
    code = next(
        code
        for code, _n in counts.most_common()
        if 2 <= len(of(code)) <= 5 and not of(code)["summary"].astype(str).str.startswith(first).any()
    )
    pick_country(page, canonical_name(code))
    page.wait_for_url(re.compile(rf"country={code}"), timeout=30_000)
    wait_ready(page)
    page.wait_for_function(
        "first => { const b = [...document.querySelectorAll('li')].map(l => l.innerText); return b.length && b[0] !== first }",
        arg=lines[0],
        timeout=30_000,
    )
    chosen = of(code)
    after = briefing_items(page)
    assert after != lines and 1 <= len(after) <= 5
    sal_chosen = [salience_of(chosen, line) for line in after]  # every line is an event of the country ...
    assert sal_chosen == sorted(sal_chosen, reverse=True)
    assert chosen["salience"].nlargest(len(after)).min() <= min(sal_chosen) + 1e-9  # ... and the most salient ones
    heading = briefing_heading(page)
    assert f"of the {len(chosen)} events" in heading or f"The {len(chosen)} event" in heading, heading


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_screenshots_of_every_page(sample, page, size):
    """Every page as a reader first sees it (the window) and whole, kept in screenshots/ to be looked at."""
    url, _view = sample
    w, h = size
    SCREENSHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": w, "height": h})
    for path in PAGES:
        n = {"": 1, "map": 1, "actors": 2, "trends": 2}.get(path, 0)
        open_page(page, f"{url}/{path}", charts=n)
        if path == "events":
            page.wait_for_selector("[data-testid='stDataFrame']", timeout=60_000)
        assert page.locator("[data-testid='stException']").count() == 0, path
        name = path or "timeline"
        page.screenshot(path=str(SCREENSHOTS / f"readable-{name}-{w}x{h}.png"))
        tall = page.evaluate(
            "() => { const m = document.querySelector('[data-testid=\"stMain\"]'); return m ? m.scrollHeight : 0 }"
        )
        page.set_viewport_size({"width": w, "height": max(h, min(int(tall) + 40, 6000))})
        page.wait_for_timeout(600)
        page.screenshot(path=str(SCREENSHOTS / f"readable-{name}-{w}x{h}-full.png"), full_page=True)
        page.set_viewport_size({"width": w, "height": h})
    assert len(list(SCREENSHOTS.glob(f"readable-*-{w}x{h}.png"))) >= len(PAGES)


NODE_AT_JS = """
(name) => {
  const g = [...document.querySelectorAll('.js-plotly-plot')].find(
    g => g._fullLayout && /Who acts on whom/.test(g._fullLayout.title.text || ''));
  const traces = g.querySelectorAll('.scatterlayer .trace');
  for (let i = 0; i < g._fullData.length; i++) {
    const t = g._fullData[i];
    if (!t.customdata) continue;
    const k = t.customdata.findIndex(c => c[0] === name);
    if (k < 0) continue;
    const p = traces[i].querySelectorAll('.point')[k];
    p.scrollIntoView({block: 'center'});
    const r = p.getBoundingClientRect();
    return {x: r.left + r.width / 2, y: r.top + r.height / 2};
  }
  return null;
}
"""


def test_clicking_an_actor_in_the_network_filters_every_page(sample, page):
    url, view = sample
    open_page(page, f"{url}/actors", charts=2)
    page.evaluate(NODE_AT_JS, "Russia")
    page.wait_for_timeout(400)
    at = page.evaluate(NODE_AT_JS, "Russia")
    assert at, "Russia is a node of the sample network"
    page.mouse.click(at["x"], at["y"])
    page.wait_for_url(re.compile(r"actor=Russia"), timeout=30_000)
    wait_ready(page)
    actors = page.locator("[data-testid='stMultiSelect']").filter(has_text="Actors")
    assert "Russia" in actors.inner_text()
    with_russia = int(view["actors"].map(lambda a: "Russia" in list(a)).sum())
    page.locator("[data-testid='stSidebarNav'] a").filter(has_text="Timeline").first.click()
    page.wait_for_url(re.compile(rf"{re.escape(url)}/\?.*actor=Russia"), timeout=30_000)
    open_page(page, page.url)
    title = page.locator(".js-plotly-plot .gtitle").first.text_content()
    assert title.startswith(f"{with_russia} events by"), (title, with_russia)
