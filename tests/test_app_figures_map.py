"""The map's figure builder (app.figures.map): events per country, as a choropleth or as bars."""

from __future__ import annotations

import pandas as pd

from app.figures import map as M
from service.synth import generate_events


def test_country_counts_count_each_involved_country():
    df = generate_events(50, seed=4)
    counts = M.country_counts(df).set_index("iso3")["events"]
    assert counts.sum() == sum(len(c) for c in df["countries"])
    fig = M.map_figure(M.country_counts(df))
    assert fig.data[0].type == "choropleth" and fig.data[0].locationmode == "ISO-3"


def test_country_counts_by_hand():
    df = pd.DataFrame({"countries": [["FRA", "DEU"], ["FRA"], [], ["RUS", "FRA"]]})
    counts = M.country_counts(df).set_index("iso3")
    assert counts["events"].to_dict() == {"FRA": 3, "DEU": 1, "RUS": 1}
    assert counts.loc["RUS", "name"] == "Russia"


def test_without_shapes_the_map_is_bars_of_the_same_counts():
    df = generate_events(80, seed=6)
    choropleth, bars = M.map_chart(df, shapes=True), M.map_chart(df, shapes=False)
    assert choropleth.data[0].type == "choropleth" and bars.data[0].type == "bar"
    by_map = dict(zip(choropleth.data[0].locations, choropleth.data[0].z, strict=True))
    by_bar = dict(zip(bars.data[0].customdata, bars.data[0].x, strict=True))
    assert by_bar == {code: by_map[code] for code in by_bar}
