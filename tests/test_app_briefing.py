"""The briefing above the landing chart (app.briefing): the most salient events of a view as dated one-line
summaries with their sources, escaped for every place they are shown, and carried into the chart's exports."""

from __future__ import annotations

import pandas as pd
import pytest

from app import briefing as B
from app import exporting
from app.figures.timeline import timeline_chart
from service.synth import generate_events
from tests.dashboard_store import HOSTILE, HOSTILE_ID, hostile_row


def events(n: int = 60, seed: int = 3) -> pd.DataFrame:
    return generate_events(n, seed=seed)


def test_the_most_salient_events_come_first():
    df = events()
    items = B.brief(df)
    assert len(items) == B.SIZE and 5 <= B.SIZE <= 10
    expected = df.sort_values(["salience", "mentions", "date_start"], ascending=[False, False, True], kind="stable")
    assert [i.event_id for i in items] == list(expected["event_id"].head(B.SIZE))
    assert [i.salience for i in items] == sorted((i.salience for i in items), reverse=True)


def test_ties_are_broken_by_reports_then_by_the_earlier_date():
    df = events(3)
    df["salience"] = 0.5
    df["mentions"] = [2, 5, 2]
    df["date_start"] = pd.to_datetime(["2024-05-02", "2024-01-01", "2024-05-01"])
    df["summary"] = ["later", "most reported", "earlier"]
    assert [i.summary for i in B.brief(df)] == ["most reported", "earlier", "later"]


def test_a_repeated_summary_is_listed_once_and_fewer_events_give_fewer_lines():
    df = events(4)
    df["summary"] = ["Same words here", "same  words here", "Other words", ""]
    items = B.brief(df)
    assert [i.summary.lower() for i in items] in (
        ["same words here", "other words"],
        ["other words", "same words here"],
    )
    assert B.brief(df.head(0)) == []


def test_a_line_is_dated_at_its_precision_with_its_sources():
    row = events(1).assign(
        date_start=pd.Timestamp("2022-02-24"),
        date_precision="day",
        event_type="ASSAULT",
        summary="Forces  crossed\nthe border " + "and went on " * 20,
        sources=[["Outlet A", "Outlet B", "Outlet C", "Outlet D"]],
        url="https://example.org/a",
    )
    (item,) = B.brief(row)
    assert item.when == "24 Feb 2022" and item.kind == "Assault"
    assert "\n" not in item.summary and "  " not in item.summary and len(item.summary) <= B.SUMMARY_LIMIT
    assert item.summary.endswith("…")
    assert B.sources_text(item) == "Outlet A, Outlet B and 2 more"
    assert B.line_text(item).startswith("24 Feb 2022 · Assault: Forces crossed the border")
    assert [B.when_label(pd.Timestamp("2024-03-01"), p) for p in ("month", "quarter", "year", "week", "decade")] == [
        "Mar 2024",
        "Q1 2024",
        "2024",
        "week of 1 Mar 2024",
        "the 2020s",
    ]
    assert B.when_label(pd.Timestamp("2025-06-01"), "season", "2025-SU") == "Summer 2025"


def test_the_heading_says_what_the_lines_are():
    items = B.brief(events(30))
    assert B.heading(items, 30) == f"The {B.SIZE} most salient of the 30 events in view"
    assert B.heading(items, 30, 28) == f"The {B.SIZE} most salient of the 28 events on the time axis (30 in view)"
    assert B.heading(B.brief(events(2)), 2) == "The 2 events in view, most salient first"
    assert B.heading([], 0) == "No events in view"


@pytest.fixture
def hostile():
    df = events(5)
    bad = hostile_row(df).assign(salience=1.0, url="javascript:alert(3)")
    return pd.concat([df, bad], ignore_index=True)


def test_article_text_is_escaped_for_markdown_and_html(hostile):
    items = B.brief(hostile)
    assert items[0].event_id == HOSTILE_ID and items[0].url is None, "a javascript: link is dropped"
    md = B.to_markdown(items)
    assert "<script>" not in md and "\\<script\\>" in md
    page = B.to_html(items, "Briefing <b>")
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;" in page
    assert HOSTILE not in B.to_markdown(items) + page


def test_a_link_cannot_break_out_of_its_markdown_target():
    df = events(1).assign(url="https://example.org/a)(c)", sources=[["Outlet"]])
    md = B.to_markdown(B.brief(df))
    assert md.endswith("[Outlet](https://example.org/a%29%28c%29)*")
    spaced = events(1).assign(url="https://example.org/a b")
    assert B.brief(spaced)[0].url is None, "not a plain link: dropped"


def test_a_figure_carries_its_briefing_for_the_exports(hostile):
    items = B.brief(hostile)
    fig = timeline_chart(hostile)
    fig.update_layout(meta=B.figure_meta(items, "The 5 most salient"))
    title, back = B.from_figure(fig.layout.meta)
    assert title == "The 5 most salient" and back == items
    assert B.from_figure(None) is None and B.from_figure({"other": 1}) is None


def test_image_exports_get_the_briefing_as_an_escaped_caption_under_the_chart(hostile):
    items = B.brief(hostile)
    fig = timeline_chart(hostile)
    fig.update_layout(meta=B.figure_meta(items, "The 5 most salient"))
    out, extra = exporting.with_caption(fig, 1200)
    caption = [a for a in out.layout.annotations if a.yref == "paper" and a.y == 0]
    assert len(caption) == len(items) + 1 and extra > 20 * len(items)
    assert out.layout.margin.b == (fig.layout.margin.b or 10) + extra
    text = " ".join(a.text for a in caption)
    assert "&lt;script&gt;" in text and "<script>" not in text
    assert [a.yshift for a in caption] == sorted((a.yshift for a in caption), reverse=True), "top to bottom"
    assert exporting.with_caption(timeline_chart(hostile), 1200)[1] == 0, "no briefing, no caption"


def test_html_export_puts_the_briefing_above_the_chart(hostile):
    items = B.brief(hostile)
    fig = timeline_chart(hostile)
    fig.update_layout(meta=B.figure_meta(items, "The 5 most salient"))
    page = exporting.figure_html(fig).decode("utf-8")
    assert page.index('<section class="briefing"') < page.index("Plotly.newPlot")
    section = page[page.index('<section class="briefing"') : page.index("</section>")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in section and "<script>" not in section
    assert section.count("<li>") == len(items)
