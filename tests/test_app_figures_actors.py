"""The Actors page's figure builders: the network (app.figures.network) and the top actors
(app.figures.top_actors)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from app.figures import network as N
from app.figures import top_actors as A
from app.labels import NONE_LABEL


def node_names(fig) -> list[str]:
    """The actors a network figure draws as nodes (first customdata column of its node traces)."""
    return sorted(str(row[0]) for t in fig.data if t.customdata is not None for row in t.customdata)


def label_texts(fig) -> list[str]:
    return [a.text for a in fig.layout.annotations if not a.showarrow]


def test_actor_edges_and_network():
    df = pd.DataFrame(
        {
            "source_actor": ["A", "A", "B", "", "C"],
            "target_actor": ["B", "B", "A", "B", "C"],
            "quad_class": ["material_conflict", "verbal_conflict", "verbal_cooperation", "", "material_conflict"],
        }
    )
    edges = N.actor_edges(df)
    assert edges[["source", "target", "events", "quad"]].to_dict("records") == [
        {"source": "A", "target": "B", "events": 2, "quad": "verbal_conflict"},
        {"source": "B", "target": "A", "events": 1, "quad": "verbal_cooperation"},
    ]
    assert edges.loc[0, "material_conflict"] == 1 and edges.loc[0, "verbal_conflict"] == 1
    fig = N.network_figure(edges)
    assert node_names(fig) == ["A", "B"]
    assert sorted(label_texts(fig)) == ["A", "B"]


def test_network_keeps_the_busiest_actors():
    df = pd.DataFrame({"source_actor": list("AAAABBC"), "target_actor": list("BBBCCDD")})
    fig = N.network_chart(df, top_nodes=3)
    assert node_names(fig) == ["A", "B", "C"], "D (two events) is the least busy of four"


def test_spring_layout_is_deterministic_and_bounded():
    edges = pd.DataFrame({"source": list("abcde"), "target": list("bcdea"), "events": [1, 2, 3, 4, 5]})
    one = N.spring_layout(list("abcde"), edges)
    assert one == N.spring_layout(list("abcde"), edges)
    assert all(-1.0001 <= v <= 1.0001 for xy in one.values() for v in xy)


def test_actor_counts_count_each_event_once_per_actor():
    df = pd.DataFrame(
        {
            "source_actor": ["A", "A", "B", ""],
            "target_actor": ["B", "", "A", ""],
            "actors": [["A", "B", "A"], ["A"], ["B", "A", "C"], []],
        }
    )
    counts = A.actor_counts(df).set_index("actor")
    assert counts.loc["A", ["as_source", "as_target", "mentioned"]].tolist() == [2, 1, 3]
    assert counts.loc["C", "mentioned"] == 1 and counts.loc["C", "only_mentioned"] == 1
    assert NONE_LABEL not in counts.index
    fig = A.top_actors_chart(df, top=2)
    assert [t.name for t in fig.data] == ["acts", "is acted on", "mentioned"]
    assert list(fig.data[0].y) == ["B", "A"], "the busiest actor on top"


def sample_network(n: int = 3000, seed: int = 5):
    from service.synth import generate_events

    return N.network_chart(generate_events(n, seed=seed), top_nodes=30)


def test_links_are_coloured_by_quad_class_with_an_arrow_head_each():
    from app.figures.style import QUAD_COLOURS

    df = pd.DataFrame(
        {
            "source_actor": ["Russia", "Russia", "Ukraine", "China"],
            "target_actor": ["Ukraine", "Ukraine", "Russia", "Taiwan"],
            "quad_class": ["material_conflict", "material_conflict", "verbal_cooperation", "verbal_conflict"],
        }
    )
    fig = N.network_chart(df)
    links = [t for t in fig.data if t.mode == "lines" and t.showlegend is False]
    assert {t.line.color for t in links} == {QUAD_COLOURS[q] for q in df["quad_class"]}
    widths = {t.line.color: t.line.width for t in links}
    assert widths[QUAD_COLOURS["material_conflict"]] > widths[QUAD_COLOURS["verbal_conflict"]], "weighted by events"
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    assert len(arrows) == 3 and all(a.arrowhead and a.standoff > 0 for a in arrows)
    # every head is the same visible size whatever the line's width (plotly's arrowsize is relative to it)
    assert {round(a.arrowsize * a.arrowwidth, 6) for a in arrows} == {N.HEAD}
    # an arrow ends at its target: Russia -> Ukraine points at Ukraine
    at = {
        str(row[0]): (x, y)
        for t in fig.data
        if t.customdata is not None
        for row, x, y in zip(t.customdata, t.x, t.y, strict=True)
    }
    assert {(a.x, a.y) for a in arrows} == {at["Ukraine"], at["Russia"], at["Taiwan"]}
    legend = [t.name for t in fig.data if t.showlegend is not False and t.name]
    assert {"Material conflict", "Verbal cooperation", "Verbal conflict", "State"} <= set(legend)


def test_nodes_are_coloured_by_kind_and_carry_the_actor_for_a_click():
    df = pd.DataFrame(
        {
            "source_actor": ["Vladimir Putin", "Hamas", "Someone Unknown", "Russia"],
            "target_actor": ["Ukraine", "Israel", "Russia", "Ukraine"],
            "quad_class": ["material_conflict"] * 4,
        }
    )
    fig = N.network_chart(df)
    kinds = {t.name: {str(r[0]) for r in t.customdata} for t in fig.data if t.customdata is not None}
    assert kinds == {
        "State": {"Ukraine", "Israel", "Russia"},
        "Person": {"Vladimir Putin"},
        "Organisation or group": {"Hamas"},
        "Other": {"Someone Unknown"},
    }
    colours = {t.name: t.marker.color for t in fig.data if t.customdata is not None}
    assert len(set(colours.values())) == 4 and colours == {k: N.KIND_COLOURS[k] for k in colours}


def test_hostile_names_are_escaped_in_labels_and_hover_but_kept_for_the_filter():
    df = pd.DataFrame({"source_actor": ["<b>X</b>", "Y"], "target_actor": ["Y", "<b>X</b>"], "quad_class": [""] * 2})
    fig = N.network_chart(df)
    assert "&lt;b&gt;X&lt;/b&gt;" in {a.text for a in fig.layout.annotations if not a.showarrow}
    assert "<b>X</b>" in {str(r[0]) for t in fig.data if t.customdata is not None for r in t.customdata}
    assert "<b>X</b>" not in " ".join(str(x) for t in fig.data for x in (t.text or ()))


@pytest.mark.parametrize("seed", [5, 6, 7])
def test_labels_overlap_neither_each_other_nor_a_node_in_any_window_size(seed):
    """Labels are placed in canvas px; in a bigger plot the nodes move apart (scale s) while the text keeps
    its size: at no scale from 1 to 3 does a label box meet another or a node."""
    from service.synth import generate_events

    edges = N.actor_edges(generate_events(3000, seed=seed))
    fig = N.network_figure(edges, top_nodes=30)
    labels = [a for a in fig.layout.annotations if not a.showarrow]
    nodes = [
        (x, y, size / 2)
        for t in fig.data
        if t.customdata is not None
        for x, y, size in zip(t.x, t.y, np.broadcast_to(t.marker.size, len(t.x)), strict=True)
    ]
    assert len(labels) >= 10
    for s in (1.0, 1.5, 2.0, 3.0):
        boxes = []
        for a in labels:
            w = N.text_width(a.text)
            x0 = a.x * s + a.xshift - {"left": 0, "right": w, "center": w / 2}[a.xanchor]
            y0 = a.y * s + a.yshift - {"bottom": 0, "top": N.LABEL_HEIGHT, "middle": N.LABEL_HEIGHT / 2}[a.yanchor]
            boxes.append((x0, y0, x0 + w, y0 + N.LABEL_HEIGHT))
        for i, b in enumerate(boxes):
            for c in boxes[i + 1 :]:
                assert not (b[0] < c[2] and c[0] < b[2] and b[1] < c[3] and c[1] < b[3]), (s, b, c)
            for x, y, r in nodes:
                nx, ny = min(max(x * s, b[0]), b[2]), min(max(y * s, b[1]), b[3])
                assert (nx - x * s) ** 2 + (ny - y * s) ** 2 >= r * r, (s, b, (x, y, r))


def test_no_two_nodes_overlap():
    fig = sample_network()
    nodes = [
        (x, y, size / 2)
        for t in fig.data
        if t.customdata is not None
        for x, y, size in zip(t.x, t.y, np.broadcast_to(t.marker.size, len(t.x)), strict=True)
    ]
    for i, (x, y, r) in enumerate(nodes):
        for x2, y2, r2 in nodes[i + 1 :]:
            assert np.hypot(x - x2, y - y2) >= r + r2


def test_a_hub_on_a_circle_is_named_wherever_it_sits():
    """A dense view (drawn on a circle) with one actor far busier than the rest: the hub's label has room above or
    below it even where its neighbours take both its sides (found on a GDELT-like 100-million-event store)."""
    others = ["Government", "Police", "President", "Military", "Rebel", "Protester", "Hospital", "School", "Company",
              "Prime Minister", "Citizen", "Parliament", "Court", "Media", "United Nations", "Opposition", "Ministry",
              "Armed Gang", "Refugee"]  # fmt: skip
    rows = []
    for hub_side in ("source", "target"):
        for o in others:
            pair = ("United States", o) if hub_side == "source" else (o, "United States")
            rows += [pair] * 30
    rows += [(a, b) for a in others for b in others if a < b] * 25  # every actor busy: large nodes, a full circle
    df = pd.DataFrame(rows, columns=["source_actor", "target_actor"]).assign(quad_class="verbal_cooperation")
    for names in (others, others[::-1], others[3:] + others[:3]):  # the hub lands at different places on the circle
        order = {n: i for i, n in enumerate(names)}
        frame = df.assign(k=df["source_actor"].map(order).fillna(-1)).sort_values("k").drop(columns="k")
        fig = N.network_chart(frame, 20)
        assert len(node_names(fig)) == 20
        assert "United States" in label_texts(fig), "the busiest actor is named"
