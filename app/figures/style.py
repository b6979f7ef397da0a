"""What every chart shares: colours a person can decode (at most eight at a time, readable with the common
colour-vision deficiencies), marker symbols and bar patterns that repeat what the colour says, the font, the
base layout, and a figure that only says something."""

from __future__ import annotations

import textwrap
import unicodedata

import plotly.graph_objects as go

from app.messages import hover_escape

# Okabe & Ito's palette (distinguishable with the common colour-vision deficiencies), without its black.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#666666")
# A finer view names at most seven categories, each a colour of its own and a symbol (markers) or pattern
# (bars) of its own, and puts every other category into "Other" in grey: at most eight colours in a legend.
NAMED = 7
CATEGORY_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
CATEGORY_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "triangle-down", "star", "hexagon")
CATEGORY_PATTERNS = ("", "/", ".", "x", "-", "+", "\\")
OTHER = "Other"
OTHER_COLOUR = "#9e9e9e"  # "Other": every category outside the named ones
OTHER_SYMBOL = "circle-open"
# Quad classes: blue for cooperation, orange for conflict; light for words, dark for deeds. Verbal events
# are round markers and hatched bars, material ones diamonds and solid bars, so the shape repeats it.
QUAD_COLOURS = {
    "verbal_cooperation": "#56B4E9",
    "material_cooperation": "#0072B2",
    "verbal_conflict": "#E69F00",
    "material_conflict": "#D55E00",
}
QUAD_SYMBOLS = {
    "verbal_cooperation": "circle",
    "material_cooperation": "diamond",
    "verbal_conflict": "circle",
    "material_conflict": "diamond",
}
QUAD_PATTERNS = {"verbal_cooperation": "/", "material_cooperation": "", "verbal_conflict": "/", "material_conflict": ""}
UNKNOWN_COLOUR = "#9e9e9e"
FONT = {"family": "DejaVu Sans, Arial, sans-serif", "size": 13}


def style(category_index: int) -> dict[str, str]:
    """Colour, symbol and bar pattern of the i-th named category (i < NAMED); beyond that, Other's."""
    if category_index >= NAMED or category_index < 0:
        return {"colour": OTHER_COLOUR, "symbol": OTHER_SYMBOL, "pattern": ""}
    return {
        "colour": CATEGORY_COLOURS[category_index],
        "symbol": CATEGORY_SYMBOLS[category_index],
        "pattern": CATEGORY_PATTERNS[category_index],
    }


# The top of a chart, from the top down: title, note lines (grey), legend rows, then the plot. Sizes in px,
# for a plot about NARROW px wide (a 1024 px window with the sidebar open); wider plots only gain room.
NARROW = 480
NARROW_FIGURE = 540  # the whole figure's width in such a window
TITLE_TOP = 10
TITLE_HEIGHT = 24
NOTE_LINE = 16
NOTE_CHARS = 84  # characters of a note line (about NARROW px of 12 px type)
LEGEND_ROW = 22


def text_width(text: str, size: float = 12) -> float:
    """The width of a line of text in px, estimated generously per character (East Asian wide characters
    take a full em, capitals and digits more than lower case)."""
    width = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            width += 1.0
        elif ch == " ":
            width += 0.34
        elif ch.isupper() or ch.isdigit() or ch in "mwMW@%":
            width += 0.74
        elif ch in "ilj.,;:'!|()[]":
            width += 0.34
        else:
            width += 0.62
    return width * size + 4.0


def note_lines(note: str, width: int = NOTE_CHARS) -> list[str]:
    """A note wrapped into lines that fit a narrow chart (explicit <br> breaks are kept)."""
    lines: list[str] = []
    for part in note.split("<br>"):
        lines += textwrap.wrap(part, width) or ([""] if part else [])
    return [line for line in lines if line]


def legend_rows(names: list[str], width: float = NARROW) -> int:
    """How many rows a horizontal legend of these entries takes in a plot width px wide (plotly starts a new
    row when an entry does not fit)."""
    rows, used = 1, 0.0
    for name in names:
        item = text_width(name) + 44  # symbol, gaps
        if used and used + item > width:
            rows += 1
            used = 0.0
        used += item
    return rows if names else 0


def base_layout(fig: go.Figure, title: str, height: int = 480, note: str = "") -> go.Figure:
    """The layout every chart starts from: title at the top left and a note under it in smaller grey type
    (wrapped to fit a narrow chart), white template, the font, tight margins. The note is our own words
    (callers escape anything from articles)."""
    lines = note_lines(note)
    title_spec: dict = {
        "text": title,
        "x": 0.01,
        "xanchor": "left",
        "y": 1 - TITLE_TOP / height,
        "yanchor": "top",
        "yref": "container",
    }
    if lines:
        title_spec["subtitle"] = {"text": "<br>".join(lines), "font": {"size": 12, "color": "#555555"}}
    fig.update_layout(
        title=title_spec,
        template="plotly_white",
        font=FONT,
        height=height,
        margin={"l": 10, "r": 10, "t": TITLE_TOP + TITLE_HEIGHT + NOTE_LINE * len(lines) + 12, "b": 10},
        hoverlabel={"align": "left"},
        legend={"title": {"text": ""}},
    )
    return fig


def top_legend(fig: go.Figure, names: list[str], axis_labels: list[str] | None = None) -> go.Figure:
    """A horizontal legend between the title (and note) and the plot, with room for as many rows as it
    takes on a narrow chart, so it never covers the title, the note or the plot. axis_labels: the labels of
    the y axis, whose column narrows the plot (and so the legend) in a narrow window."""
    label_column = max((text_width(str(a)) for a in axis_labels or []), default=40.0) + 16
    rows = legend_rows(names, max(NARROW_FIGURE - label_column, 160))
    fig.update_layout(
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 1.0,
            "yanchor": "bottom",
            "itemsizing": "constant",
            "font": {"size": 12},
            "traceorder": "normal",
        },
        margin={"t": (fig.layout.margin.t or 60) + LEGEND_ROW * rows + 4},
    )
    return fig


def message_figure(text: str, title: str = "") -> go.Figure:
    """A figure that only says something (used where a chart has nothing to draw)."""
    fig = go.Figure()
    fig.add_annotation(
        text=hover_escape(text, 300), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 16}
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return base_layout(fig, title, height=300)
