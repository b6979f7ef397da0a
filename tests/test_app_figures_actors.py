"""The Actors page's figure builders: the network (app.figures.network) and the top actors
(app.figures.top_actors)."""

from __future__ import annotations

import pandas as pd

from app.figures import network as N
from app.figures import top_actors as A
from app.labels import NONE_LABEL


def test_actor_edges_and_network():
    df = pd.DataFrame({"source_actor": ["A", "A", "B", "", "C"], "target_actor": ["B", "B", "A", "B", "C"]})
    edges = N.actor_edges(df)
    assert edges.to_dict("records") == [
        {"source": "A", "target": "B", "events": 2},
        {"source": "B", "target": "A", "events": 1},
    ]
    fig = N.network_figure(edges)
    labels = [t for tr in fig.data if tr.mode == "markers+text" for t in tr.text]
    assert sorted(labels) == ["A", "B"]


def test_network_keeps_the_busiest_actors():
    df = pd.DataFrame({"source_actor": list("AAAABBC"), "target_actor": list("BBBCCDD")})
    fig = N.network_chart(df, top_nodes=3)
    labels = [t for tr in fig.data if tr.mode == "markers+text" for t in tr.text]
    assert sorted(labels) == ["A", "B", "C"], "D (two events) is the least busy of four"


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
