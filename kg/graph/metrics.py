"""Communities and importance of the actors: what Gephi users colour and size by first.

Both are computed on the undirected projection of the graph, each pair of actors weighted by the number of
reports of every tie between them in either direction, built as one sparse matrix over the sorted actor ids:

- ``community``: Louvain modularity classes (scikit-network's Cython Louvain, BSD, fixed seed, Newman
  modularity), numbered by size, 0 for the largest, ties broken by the smallest member, so the same graph
  always gets the same numbers; an isolated actor is a class of its own;
- ``pagerank``: PageRank over the reports (damping 0.85), rounded to 6 decimals so exports are byte-stable.

networkx's pure-Python Louvain took minutes on 200,000 ties; scikit-network's runs the same algorithm in
compiled code over the same matrix in well under a second.

>>> m = actor_metrics(["a", "b", "c", "d"], [("a", "b", 3), ("b", "c", 1), ("c", "d", 2)])
>>> sorted(m.community.values())
[0, 0, 1, 1]
>>> round(sum(m.pagerank.values()), 3)
1.0
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter

import networkx as nx
import numpy as np
from scipy import sparse

#: Louvain's random seed: fixed, so that runs are byte-identical.
SEED = 42
#: Newman's modularity, the one Gephi's *Statistics → Modularity* and networkx maximise.
MODULARITY = "newman"
DAMPING = 0.85
_TOLERANCE = 1e-10
_MAX_ITERATIONS = 200
_DECIMALS = 6


@dataclass(frozen=True, slots=True)
class ActorMetrics:
    """``community`` and ``pagerank`` by node id."""

    community: dict[str, int]
    pagerank: dict[str, float]


@dataclass(frozen=True, slots=True)
class Projection:
    """The undirected weighted projection: sorted actor ids and a symmetric CSR matrix over them."""

    nodes: Sequence[str]
    adjacency: sparse.csr_matrix


def projection(nodes: Iterable[str], ties: Iterable[tuple[str, str, float]]) -> Projection:
    """The undirected graph of ``nodes`` with one entry a pair, weighted by all its ties' reports."""
    ties = ties if isinstance(ties, Sequence) else list(ties)
    return tie_projection(nodes, map(itemgetter(0), ties), map(itemgetter(1), ties), map(itemgetter(2), ties),
                          len(ties))


def tie_projection(nodes: Iterable[str], subjects: Iterable[str], objects: Iterable[str],
                   reports: Iterable[float], count: int) -> Projection:
    """:func:`projection` of ``count`` ties given as three columns, read into arrays without a Python loop
    (a big graph has hundreds of thousands of ties)."""
    order = sorted(set(nodes))
    index = {node: i for i, node in enumerate(order)}
    src = np.fromiter(map(index.__getitem__, subjects), dtype=np.int64, count=count)
    dst = np.fromiter(map(index.__getitem__, objects), dtype=np.int64, count=count)
    weight = np.fromiter(reports, dtype=np.float64, count=count)
    ends = src != dst  # a self-loop says nothing about who is close to whom
    if not ends.all():
        src, dst, weight = src[ends], dst[ends], weight[ends]
    n = len(order)
    directed = sparse.coo_matrix((weight, (src, dst)), shape=(n, n)).tocsr()
    adjacency = (directed + directed.T).tocsr()  # duplicates summed: every report in either direction
    adjacency.sum_duplicates()
    adjacency.sort_indices()
    return Projection(order, adjacency)


def communities(p: Projection) -> dict[str, int]:
    """Louvain classes of ``p``, numbered by size (0 the largest); an isolated actor is a class of its own."""
    n = len(p.nodes)
    if n == 0:
        return {}
    if p.adjacency.nnz:
        from sknetwork.clustering import Louvain

        labels = Louvain(modularity=MODULARITY, random_state=SEED, sort_clusters=False,
                         return_probs=False, return_aggregate=False).fit_predict(p.adjacency)
    else:  # no tie at all: Louvain has nothing to optimise
        labels = np.arange(n)
    isolated = np.asarray(p.adjacency.getnnz(axis=1)) == 0
    labels = np.where(isolated, labels.max() + 1 + np.arange(n), labels)
    # Renumber by (size desc, smallest member): members are sorted ids, so the first index is the smallest.
    _, first, inverse, sizes = np.unique(labels, return_index=True, return_inverse=True, return_counts=True)
    rank = np.lexsort((first, -sizes))
    number = np.empty_like(rank)
    number[rank] = np.arange(len(rank))
    return {node: int(number[inverse[i]]) for i, node in enumerate(p.nodes)}


def pagerank(p: Projection, *, damping: float = DAMPING) -> dict[str, float]:
    """PageRank of ``p`` (weighted, undirected) by power iteration; dangling actors spread evenly."""
    n = len(p.nodes)
    if n == 0:
        return {}
    strength = np.asarray(p.adjacency.sum(axis=1)).ravel()
    dangling = strength == 0
    # Column-stochastic transition: T[j, i] = w(i, j) / strength(i).
    inv = np.where(dangling, 0.0, 1.0 / np.where(dangling, 1.0, strength))
    transition = (sparse.diags(inv) @ p.adjacency).T.tocsr()
    rank = np.full(n, 1.0 / n)
    for _ in range(_MAX_ITERATIONS):
        new = damping * (transition @ rank + rank[dangling].sum() / n) + (1.0 - damping) / n
        done = np.abs(new - rank).sum() < _TOLERANCE * n
        rank = new
        if done:
            break
    rank /= rank.sum()
    return {node: round(float(rank[i]), _DECIMALS) for i, node in enumerate(p.nodes)}


def actor_metrics(nodes: Iterable[str], ties: Iterable[tuple[str, str, float]]) -> ActorMetrics:
    """Communities and PageRank of the actors ``nodes`` joined by ``ties`` (subject, object, reports)."""
    return projection_metrics(projection(nodes, ties))


def projection_metrics(p: Projection) -> ActorMetrics:
    """Communities and PageRank of a projection (:func:`projection` or :func:`tie_projection`)."""
    return ActorMetrics(communities(p), pagerank(p))


def graph_metrics(graph: nx.MultiDiGraph) -> ActorMetrics:
    """:func:`actor_metrics` of a finished graph, each tie weighted by its ``count``."""
    return actor_metrics(graph.nodes, ((u, v, float(d.get("count", 1))) for u, v, d in graph.edges(data=True)))
