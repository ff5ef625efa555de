"""community and pagerank: Louvain and PageRank on the undirected report-weighted projection, byte-stable."""

from __future__ import annotations

import random
from typing import Any

import networkx as nx
import pytest

from kg.export.csv import node_rows
from kg.export.gexf import generate_gexf
from kg.export.graphml import generate_graphml
from kg.graph.metrics import actor_metrics, graph_metrics


def _planted(groups: int = 6, size: int = 12, seed: int = 3) -> tuple[list[str], list[tuple[str, str, float]]]:
    """Dense groups joined by a few weak ties: the partition any modularity method must find."""
    rng = random.Random(seed)
    nodes = [f"g{g}_{i:02d}" for g in range(groups) for i in range(size)]
    ties = [(f"g{g}_{i:02d}", f"g{g}_{j:02d}", float(rng.randint(1, 4)))
            for g in range(groups) for i in range(size) for j in range(size) if i < j and rng.random() < 0.6]
    ties += [(f"g{g}_00", f"g{(g + 1) % groups}_01", 1.0) for g in range(groups)]
    return nodes, ties


def test_louvain_finds_planted_groups_and_numbers_them_by_size() -> None:
    nodes, ties = _planted()
    nodes.append("loner")
    ties += [("g0_02", "g0_99", 5.0), ("g0_99", "g0_03", 5.0)]  # group 0 gets a 13th member
    m = actor_metrics([*nodes, "g0_99"], ties)
    by_class: dict[int, set[str]] = {}
    for n, c in m.community.items():
        by_class.setdefault(c, set()).add(n)
    groups = sorted(({n.split("_")[0] for n in members} for members in by_class.values()), key=sorted)
    assert all(len(g) == 1 for g in groups)  # no class mixes two planted groups
    assert by_class[0] == {n for n in [*nodes, "g0_99"] if n.startswith("g0_")}  # the largest is 0
    sizes = [len(by_class[c]) for c in sorted(by_class)]
    assert sizes == sorted(sizes, reverse=True) and by_class[max(by_class)] == {"loner"}  # an isolate alone


def test_runs_are_identical_whatever_the_input_order() -> None:
    nodes, ties = _planted()
    shuffled_nodes, shuffled_ties = nodes[:], ties[:]
    random.Random(9).shuffle(shuffled_nodes)
    random.Random(9).shuffle(shuffled_ties)
    assert actor_metrics(nodes, ties) == actor_metrics(shuffled_nodes, shuffled_ties)


def test_pagerank_is_networkx_pagerank_of_the_projection() -> None:
    nodes, ties = _planted()
    m = actor_metrics(nodes, [*ties, ("g1_03", "g1_03", 9.0)])  # a self-loop is ignored
    g = nx.Graph()
    g.add_nodes_from(nodes)
    for u, v, w in ties:
        g.add_edge(u, v, weight=g.get_edge_data(u, v, {"weight": 0.0})["weight"] + w)
    expected = nx.pagerank(g, weight="weight", tol=1e-12)
    assert max(abs(expected[n] - m.pagerank[n]) for n in nodes) < 1e-5
    assert sum(m.pagerank.values()) == pytest.approx(1.0, abs=1e-4)


def test_both_directions_and_every_tie_of_a_pair_add_up() -> None:
    one = actor_metrics(["a", "b", "c"], [("a", "b", 3.0), ("b", "c", 1.0)])
    split = actor_metrics(["a", "b", "c"], [("a", "b", 1.0), ("b", "a", 2.0), ("c", "b", 1.0)])
    assert one == split


def test_empty_and_edgeless_graphs() -> None:
    assert actor_metrics([], []).community == {}
    m = actor_metrics(["b", "a"], [])
    assert m.community == {"a": 0, "b": 1} and m.pagerank == {"a": 0.5, "b": 0.5}


def test_built_graphs_carry_the_columns_into_every_export(make_triple: Any) -> None:
    from kg.graph.build import build_graph

    G = build_graph([make_triple(), make_triple("Russia", "AID", "Belarus"),
                     make_triple("France", "CONSULT", "Germany")])
    assert graph_metrics(G) == actor_metrics(G.nodes, ((u, v, float(d["count"])) for u, v, d in G.edges(data=True)))
    communities = {n: d["community"] for n, d in G.nodes(data=True)}
    assert communities["russia"] == communities["ukraine"] == 0 != communities["france"]
    assert all(isinstance(d["pagerank"], float) for _, d in G.nodes(data=True))
    graphml, gexf = "".join(generate_graphml(G)), "".join(generate_gexf(G))
    assert 'attr.name="community" attr.type="int"' in graphml and 'attr.name="pagerank" attr.type="double"' in graphml
    assert 'id="community" title="community" type="integer"' in gexf and 'id="pagerank"' in gexf
    header = next(node_rows(G))
    assert "community" in header and "pagerank" in header
