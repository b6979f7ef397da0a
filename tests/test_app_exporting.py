"""Chart exports through kaleido and the system Chromium, standalone HTML, and data files."""

from __future__ import annotations

import json
import os
import re
import struct

import pytest

from app import exporting
from app.figures.map import map_chart
from app.figures.timeline import timeline_chart
from service.synth import generate_events


@pytest.fixture(scope="module")
def timeline():
    if not os.path.exists(exporting.CHROMIUM):
        pytest.fail(f"image export needs Chromium at {exporting.CHROMIUM}: install Debian's chromium package")
    return timeline_chart(generate_events(200, seed=8), key_only=True)


def test_png_has_the_asked_size(timeline):
    data = exporting.figure_image(timeline, "png", size=(900, 500))
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (900, 500)


def test_svg_and_pdf_are_what_they_say(timeline):
    svg = exporting.figure_image(timeline, "svg", size=(800, 450))
    assert svg.lstrip().startswith(b"<svg") and b'width="800"' in svg[:400]
    pdf = exporting.figure_image(timeline, "pdf")
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")


def test_unknown_format_is_refused(timeline):
    with pytest.raises(ValueError, match="unknown image format"):
        exporting.figure_image(timeline, "gif")


def test_html_is_standalone(timeline):
    page = exporting.figure_html(timeline).decode("utf-8")
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert not re.search(r"<script[^>]+src=", page), "plotly.js is embedded, not fetched"
    assert "Plotly.newPlot" in page


def test_map_html_embeds_its_shapes():
    fig = map_chart(generate_events(50, seed=2))
    page = exporting.figure_html(fig).decode("utf-8")
    if exporting.TOPOJSON_DIR.joinpath("world_110m.json").exists():
        assert "window.PlotlyGeoAssets" in page and '"world_110m"' in page
    else:
        pytest.fail("map shapes missing: run `.venv/bin/python -m app.shapes`")


def test_map_png_draws_offline():
    fig = map_chart(generate_events(50, seed=2))
    data = exporting.figure_image(fig, "png", size=(800, 500))
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # country shapes, not an empty frame


def test_pdf_stays_small_with_patterned_bars():
    df = generate_events(300, seed=3)
    fig = timeline_chart(df[~df["date_precision"].isin(["day", "minute"])], lane="topic")
    assert any(t.type == "bar" and t.marker.pattern.shape for t in fig.data), "the chart has patterned bars"
    pdf = exporting.figure_image(fig, "pdf")
    assert pdf.startswith(b"%PDF-") and len(pdf) < 2_000_000


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("csv", lambda b: b.splitlines()[0].startswith(b"event_id,") or b"event_id" in b.splitlines()[0]),
        ("jsonl", lambda b: all(json.loads(line)["event_id"] for line in b.splitlines())),
        ("parquet", lambda b: b[:4] == b"PAR1" and b[-4:] == b"PAR1"),
        ("timelinejs", lambda b: "events" in json.loads(b)),
    ],
)
def test_data_exports_are_files_of_their_type(fmt, check):
    df = generate_events(20, seed=5)
    data = exporting.events_file(df, fmt)
    assert check(data)


def test_unknown_data_format_is_refused():
    with pytest.raises(ValueError, match="unknown data format"):
        exporting.events_file(generate_events(2, seed=1), "xlsx")
