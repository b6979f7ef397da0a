"""Chart and data exports: PNG/SVG/PDF through kaleido with the system Chromium, standalone HTML, and the
filtered events in the store's export formats.

One kaleido server (a headless Chromium) is started once per process and kept warm, so an export after the
first takes a fraction of a second. plotly.js comes from the plotly package and MathJax is off: rendering
never reaches the network. Map figures get the locally served country shapes.

A figure that carries a briefing (app.briefing.figure_meta in layout.meta: the Timeline's most salient events)
is exported with it: as a caption of numbered lines under the chart in PNG, SVG and PDF (the image grows by the
caption's height, so a picture pasted into a report keeps what it shows, in text a PDF reader can select), and
as an escaped HTML list above the interactive chart in the HTML file.
"""

from __future__ import annotations

import os
import pathlib
import textwrap
import threading

import plotly
import plotly.graph_objects as go

from app import briefing
from app.figures.framing import HINT
from app.messages import hover_escape

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PLOTLY_JS = pathlib.Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
ROOT = pathlib.Path(__file__).resolve().parent.parent
TOPOJSON_DIR = ROOT / "static" / "topojson"

IMAGE_FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
DATA_FORMATS = {
    "csv": ("text/csv", "csv"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
    "timelinejs": ("application/json", "json"),
}
DEFAULT_SIZE = (1200, 700)

_lock = threading.Lock()
_started = False


class ExportError(RuntimeError):
    """A chart could not be rendered to an image (no Chromium, or the renderer failed)."""


def start_renderer() -> None:
    """Start the shared kaleido server once per process (cheap to call again)."""
    global _started
    with _lock:
        if _started:
            return
        if not os.path.exists(CHROMIUM):
            raise ExportError(
                f"image export needs Chromium at {CHROMIUM}: install Debian's chromium package "
                "(sudo apt-get install chromium) or set CHROMIUM_PATH"
            )
        os.environ.setdefault("BROWSER_PATH", CHROMIUM)
        import kaleido

        kaleido.start_sync_server(n=1, timeout=60, plotlyjs=str(PLOTLY_JS), mathjax=False, silence_warnings=True)
        _started = True


def warm_up() -> None:
    """Start the renderer and draw one tiny figure so Chromium is loaded before the first real export."""
    try:
        figure_image(go.Figure(go.Scatter(x=[0], y=[0])), "png", size=(50, 50))
    except ExportError:
        pass


def _topojson_url() -> str | None:
    return TOPOJSON_DIR.as_uri() + "/" if (TOPOJSON_DIR / "world_110m.json").exists() else None


def for_print(fig: go.Figure, fmt: str) -> go.Figure:
    """A copy of fig for a static image: no range slider or buttons, no hover data (a picture has no hover);
    PDF bars lose their fill patterns, which Chromium's PDF printer would rasterize into megabytes."""
    out = go.Figure(fig)
    out.update_xaxes(rangeslider_visible=False, rangeselector_visible=False)
    note = out.layout.title.subtitle.text if out.layout.title.subtitle else None
    if note and HINT in note:  # a picture has no switch to turn on: the note keeps only what the chart leaves out
        out.update_layout(title_subtitle_text=note.replace(" " + HINT, "").replace(HINT, ""))
    out.update_traces(customdata=None, hovertemplate=None, hoverinfo="skip")
    if fmt == "pdf":
        out.update_traces(marker_pattern_shape="", selector={"type": "bar"})
    return out


CAPTION_FONT = 12  # px
CAPTION_LINE = 17  # px per caption line
CAPTION_TOP = 48  # px from the bottom of the plot to the caption (room for the time axis' labels)
CHAR_PX = 7.0  # px per character of the caption's font, for wrapping
CAPTION_INDENT = 300  # px left of the caption (it starts where the plot does, after the axis labels) and spare


def with_caption(fig: go.Figure, width: int) -> tuple[go.Figure, int]:
    """fig with its briefing (if it carries one) as a caption under the plot, and the px the caption adds to
    the figure's height (0 without a briefing). Lines are wrapped to the image's width; text is escaped."""
    found = briefing.from_figure(fig.layout.meta)
    if not found or not found[1]:
        return fig, 0
    title, items = found
    per_line = max(40, int((width - CAPTION_INDENT) / CHAR_PX))
    offset = CAPTION_TOP
    notes = [{"text": f"<b>Briefing: {hover_escape(title, per_line)}</b>", "yshift": -offset}]
    offset += CAPTION_LINE + 4
    for i, item in enumerate(items, 1):
        wrapped = textwrap.wrap(f"{i}. {briefing.line_text(item)}", per_line, subsequent_indent="    ") or [""]
        notes.append({"text": "<br>".join(hover_escape(w, per_line + 8) for w in wrapped), "yshift": -offset})
        offset += CAPTION_LINE * len(wrapped) + 3
    out = go.Figure(fig)
    for note in notes:
        out.add_annotation(
            x=0,
            y=0,
            xref="paper",
            yref="paper",
            xanchor="left",
            yanchor="top",
            align="left",
            showarrow=False,
            font={"size": CAPTION_FONT, "color": "#222222"},
            **note,
        )
    extra = offset + 10
    bottom = out.layout.margin.b if out.layout.margin.b is not None else 10
    out.update_layout(margin={"b": bottom + extra})
    return out, extra


def figure_image(fig: go.Figure, fmt: str, size: tuple[int, int] = DEFAULT_SIZE, scale: float = 1.0) -> bytes:
    """The figure drawn as png, svg or pdf bytes, size (width, height) in CSS pixels; a figure carrying a
    briefing is taller by its caption (with_caption)."""
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"unknown image format {fmt!r}: use one of {', '.join(IMAGE_FORMATS)}")
    start_renderer()
    import kaleido

    fig = for_print(fig, fmt)
    fig, extra = with_caption(fig, int(size[0]))

    width, height = size
    height = int(height) + extra
    opts = {"format": fmt, "width": int(width), "height": int(height), "scale": scale}
    try:
        return kaleido.calc_fig_sync(fig, opts=opts, topojson=_topojson_url())
    except Exception as exc:  # kaleido raises several types (timeouts, browser errors)
        raise ExportError(f"the chart could not be drawn as {fmt.upper()}: {exc}") from exc


def _has_geo(fig: go.Figure) -> bool:
    return any(t.type in ("choropleth", "scattergeo") for t in fig.data)


def figure_html(fig: go.Figure) -> bytes:
    """A standalone HTML page of the figure with plotly.js embedded; map shapes are embedded too
    (plotly.js reads window.PlotlyGeoAssets before it would fetch them), so the file works offline."""
    page = fig.to_html(include_plotlyjs=True, full_html=True, config={"displaylogo": False})
    found = briefing.from_figure(fig.layout.meta)
    if found and found[1]:
        page = page.replace("<body>", "<body>" + briefing.to_html(found[1], found[0]), 1)
    shapes = TOPOJSON_DIR / "world_110m.json"
    if _has_geo(fig) and shapes.exists():
        assets = shapes.read_text(encoding="utf-8").replace("</", "<\\/")
        script = f'<script>window.PlotlyGeoAssets = {{topojson: {{"world_110m": {assets}}}}};</script>'
        page = page.replace("<head>", "<head>" + script, 1)
    return page.encode("utf-8")


def events_file(df, fmt: str) -> bytes:
    """The events table in one of the store's export formats (csv, jsonl, parquet, timelinejs)."""
    if fmt not in DATA_FORMATS:
        raise ValueError(f"unknown data format {fmt!r}: use one of {', '.join(DATA_FORMATS)}")
    from store.export import export_events

    return export_events(df, fmt)
