"""Layout: deterministic, bounded, fast on big graphs, and a picture that shows the structure."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

from kg.export.layout import EXACT_MAX_NODES, _repulsion, _repulsion_mesh, compute_layout
from tests.graph_fixtures import sample_graph, synthetic_graph

METHODS = ("forceatlas2", "spring")


def _two_cliques() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for a in range(10):
        for b in range(a + 1, 10):
            G.add_edge(f"x{a}", f"x{b}", count=1)
            G.add_edge(f"y{a}", f"y{b}", count=1)
    G.add_edge("x0", "y0", count=1)
    return G


def _distance(pos: dict[str, tuple[float, float]], a: str, b: str) -> float:
    return math.dist(pos[a], pos[b])


@pytest.mark.parametrize("method", METHODS)
def test_deterministic_and_independent_of_insertion_order(method: str) -> None:
    G = sample_graph()
    R = nx.MultiDiGraph()
    R.add_nodes_from(reversed(list(G.nodes)))
    R.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    assert compute_layout(G, method=method) == compute_layout(R, method=method)
    assert compute_layout(G, method=method, seed=1) != compute_layout(G, method=method, seed=2)


@pytest.mark.parametrize("method", METHODS)
def test_positions_fill_the_requested_range(method: str) -> None:
    pos = compute_layout(_two_cliques(), method=method, scale=500.0)
    coords = np.array(list(pos.values()))
    assert np.isfinite(coords).all()
    assert np.abs(coords).max() == 500.0
    assert len(set(pos.values())) == len(pos)  # no two actors on the same spot


@pytest.mark.parametrize("method", METHODS)
def test_communities_are_drawn_apart(method: str) -> None:
    pos = compute_layout(_two_cliques(), method=method)
    intra = np.mean([_distance(pos, f"x{a}", f"x{b}") for a in range(10) for b in range(a + 1, 10)])
    inter = np.mean([_distance(pos, f"x{a}", f"y{b}") for a in range(10) for b in range(10)])
    assert inter > 1.5 * intra


def test_small_components_do_not_shrink_the_main_one() -> None:
    G = nx.MultiDiGraph()
    for u, v in nx.barabasi_albert_graph(200, 2, seed=3).edges():
        G.add_edge(f"c{u}", f"c{v}")
    for i in range(40):
        G.add_edge(f"p{i}a", f"p{i}b")
    G.add_nodes_from(f"iso{i}" for i in range(10))
    pos = compute_layout(G)
    core = np.array([p for n, p in pos.items() if n.startswith("c")])
    assert (core.max(axis=0) - core.min(axis=0)).min() > 0.8 * 1000  # > 40% of the 2000-wide view


def test_mesh_repulsion_matches_the_exact_sum() -> None:
    rng = np.random.default_rng(0)
    pos = rng.normal(0.0, 300.0, size=(1500, 2))
    mass = rng.integers(1, 5, size=1500).astype(float)
    exact, mesh = _repulsion(pos, mass), _repulsion_mesh(pos, mass)
    error = np.hypot(*(exact - mesh).T) / np.hypot(*exact.T)
    assert np.median(error) < 0.02 and np.percentile(error, 90) < 0.2


def test_large_graphs_use_the_mesh_and_stay_sane() -> None:
    G = synthetic_graph(EXACT_MAX_NODES + 400, 2500)
    pos = compute_layout(G, iterations=30)
    coords = np.array(list(pos.values()))
    assert len(pos) == G.number_of_nodes() and np.isfinite(coords).all()
    assert np.abs(coords).max() == 1000.0
    # connected actors end up nearer each other than random pairs
    edges = [(u, v) for u, v in G.edges() if u != v]
    linked = np.mean([_distance(pos, u, v) for u, v in edges])
    nodes = sorted(pos)
    rng = np.random.default_rng(1)
    pairs = rng.choice(len(nodes), size=(2000, 2))
    random = np.mean([_distance(pos, nodes[a], nodes[b]) for a, b in pairs])
    assert linked < random


def test_trivial_graphs_and_bad_arguments() -> None:
    assert compute_layout(nx.MultiDiGraph()) == {}
    assert compute_layout(nx.MultiDiGraph([("a", "a")])) == {"a": (0.0, 0.0)}
    two = compute_layout(nx.MultiDiGraph([("a", "b")]))
    assert sorted(two) == ["a", "b"] and two["a"] != two["b"]
    with pytest.raises(ValueError, match="unknown layout method"):
        compute_layout(sample_graph(), method="circle")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        compute_layout(sample_graph(), iterations=-1)
