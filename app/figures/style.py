"""What every chart shares: a palette readable with colour-vision deficiencies, marker symbols and bar
patterns for categories beyond the palette, the font, the base layout, and a figure that only says something."""

from __future__ import annotations

import plotly.graph_objects as go

from app.messages import hover_escape

# Okabe & Ito's palette: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#666666")
# Beyond eight categories a category is told apart by its marker symbol (and bar pattern) as well.
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "star")
PATTERNS = ("", "/", ".", "x", "-", "+")
OTHER_COLOUR = "#9e9e9e"  # "Other": every category outside the top ones
FONT = {"family": "DejaVu Sans, Arial, sans-serif", "size": 13}


def style(category_index: int) -> dict[str, str]:
    """Colour, symbol and bar pattern of the i-th category: each (colour, symbol) pair is unique."""
    colour = PALETTE[category_index % len(PALETTE)]
    turn = (category_index // len(PALETTE)) % len(SYMBOLS)
    return {"colour": colour, "symbol": SYMBOLS[turn], "pattern": PATTERNS[turn]}


def base_layout(fig: go.Figure, title: str, height: int = 480) -> go.Figure:
    """The layout every chart starts from: title at the left, white template, the font, tight margins."""
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left"},
        template="plotly_white",
        font=FONT,
        height=height,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        hoverlabel={"align": "left"},
        legend={"title": {"text": ""}},
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
