"""Map: events per country on a world map (or as bars when the map's shapes are not installed)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from app.figures.style import PALETTE, base_layout, message_figure
from app.labels import country_name
from app.messages import hover_escape
from store.query import list_value_counts

COLUMNS = ("countries",)


def country_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Events per country (an event counts once for each country it involves): iso3, name, events."""
    counts = list_value_counts(df["countries"])
    out = pd.DataFrame({"iso3": counts.index.astype(str), "events": counts.to_numpy(dtype=np.int64)})
    out["name"] = out["iso3"].map(country_name)
    return out


def map_figure(counts: pd.DataFrame) -> go.Figure:
    """A world choropleth of events per country (ISO alpha-3 locations; shapes from the topojsonURL config)."""
    if counts.empty:
        return message_figure("No events with a country to show.", "Events by country")
    names = counts["name"].map(hover_escape)
    fig = go.Figure(
        go.Choropleth(
            locations=counts["iso3"],
            z=counts["events"],
            locationmode="ISO-3",
            colorscale="Viridis",
            reversescale=True,
            marker={"line": {"color": "#FFFFFF", "width": 0.5}},
            customdata=np.column_stack([counts["iso3"].to_numpy(), names.to_numpy()]),
            hovertemplate="<b>%{customdata[1]}</b><br>%{z:,} events<extra></extra>",
            colorbar={"title": {"text": "events", "side": "right"}},  # beside the bar: a top tick cannot touch it
        )
    )
    base_layout(fig, f"Events by country ({len(counts)} countries)", height=560)
    fig.update_geos(
        showcountries=True,
        countrycolor="#BBBBBB",
        showcoastlines=False,
        showframe=False,
        projection_type="natural earth",
        projection_rotation_lon=0,
        center={"lon": 0, "lat": 15},
        lonaxis_range=[-180, 180],
        lataxis_range=[-58, 85],
        showland=True,
        landcolor="#F2F2F2",
    )
    fig.update_layout(clickmode="event+select")
    return fig


def country_bar_figure(counts: pd.DataFrame, top: int = 30) -> go.Figure:
    """Events per country as bars (the map's stand-in when map shapes are not installed)."""
    if counts.empty:
        return message_figure("No events with a country to show.", "Events by country")
    part = counts.head(top).iloc[::-1]
    fig = go.Figure(
        go.Bar(
            x=part["events"],
            y=part["name"].map(hover_escape),
            orientation="h",
            marker={"color": PALETTE[0]},
            customdata=part["iso3"],
            hovertemplate="%{y}: %{x:,} events<extra></extra>",
        )
    )
    base_layout(fig, f"Events by country (top {len(part)})", height=max(360, 120 + 22 * len(part)))
    fig.update_yaxes(automargin=True)
    return fig


def map_chart(df: pd.DataFrame, shapes: bool = True) -> go.Figure:
    """The map for a page: a choropleth, or bars when the country shapes are missing (shapes=False)."""
    counts = country_counts(df)
    return map_figure(counts) if shapes else country_bar_figure(counts)
