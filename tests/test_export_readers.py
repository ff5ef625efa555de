"""Every export read back by other tools (networkx, igraph, graphology, a SQL engine) against graph.json.

graphology's parsers are what Gephi Lite opens files with; they are npm packages installed by
``npm ci --prefix tests/js`` (the README's test command), and the tests that need them skip without.
"""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.export.csv import BACKSLASH, write_csv
from kg.export.gexf import write_gexf
from kg.export.graphml import write_graphml
from kg.export.json import read_json, write_json
from kg.export.sqlite import write_sqlite
from kg.graph.metrics import graph_metrics
from tests.graph_fixtures import NASTY_NAME_CLEAN, sample_graph

JS = Path(__file__).parent / "js"


def _graph() -> nx.MultiDiGraph:
    """The sample graph with metrics, a backslash-laden name and a name Gephi's GraphML reader used to garble."""
    G = sample_graph()
    G.nodes["nato"]["label"] = "NATO \\ OTAN & <allies>"
    metrics = graph_metrics(G)
    for n in G:
        G.nodes[n]["community"], G.nodes[n]["pagerank"] = metrics.community[n], metrics.pagerank[n]
    return G


@pytest.fixture
def saved(tmp_path: Path) -> tuple[nx.MultiDiGraph, Path]:
    """graph.json of :func:`_graph` and the graph read back from it: what every export is compared with."""
    write_json(_graph(), tmp_path / "graph.json")
    return read_json(tmp_path / "graph.json"), tmp_path


def _graphology(fmt: str, path: Path) -> dict[str, Any]:
    if shutil.which("node") is None or not (JS / "node_modules" / "graphology-gexf").is_dir():
        pytest.skip("graphology is not installed: npm ci --prefix tests/js")
    run = subprocess.run(["node", str(JS / "read.js"), fmt, str(path)], check=True, capture_output=True)
    return json.loads(run.stdout)


def _metrics(G: nx.MultiDiGraph) -> dict[str, tuple[int, float]]:
    return {str(n): (d["community"], d["pagerank"]) for n, d in G.nodes(data=True)}


def test_graphology_reads_the_gexf_like_graph_json(saved: tuple[nx.MultiDiGraph, Path]) -> None:
    G, tmp = saved
    got = _graphology("gexf", write_gexf(G, tmp / "graph.gexf"))
    assert got["type"] == "directed"
    nodes = {n["key"]: n["attributes"] for n in got["nodes"]}
    assert {k: (a["community"], a["pagerank"]) for k, a in nodes.items()} == _metrics(G)
    assert nodes["kim_jong_un"]["label"] == NASTY_NAME_CLEAN and nodes["nato"]["label"] == G.nodes["nato"]["label"]
    kinds = sorted((e["source"], e["target"], e["attributes"]["kind"]) for e in got["edges"])
    assert kinds == sorted((u, v, k) for u, v, k in G.edges(keys=True))


def test_graphology_reads_the_graphml_like_graph_json(saved: tuple[nx.MultiDiGraph, Path]) -> None:
    G, tmp = saved
    got = _graphology("graphml", write_graphml(G, tmp / "graph.graphml"))
    nodes = {n["key"]: n["attributes"] for n in got["nodes"]}
    assert {k: (a["community"], a["pagerank"]) for k, a in nodes.items()} == _metrics(G)
    assert nodes["nato"]["label"] == "NATO \\ OTAN & <allies>" and nodes["kim_jong_un"]["label"] == NASTY_NAME_CLEAN
    pairs = {(e["source"], e["target"]): e["attributes"] for e in got["edges"]}
    assert len(pairs) == len(got["edges"]) == len(set(G.edges()))
    for (u, v), attrs in pairs.items():
        assert sorted(attrs["relation_types"].split(" | ")) == sorted(G[u][v])
        assert attrs["count"] == sum(d["count"] for d in G[u][v].values())


def test_networkx_and_igraph_read_both_xml_files_like_graph_json(saved: tuple[nx.MultiDiGraph, Path]) -> None:
    G, tmp = saved
    X = nx.read_gexf(write_gexf(G, tmp / "graph.gexf"), version="1.3")
    H = nx.read_graphml(write_graphml(G, tmp / "graph.graphml"), force_multigraph=True)
    for R in (X, H):
        assert _metrics(R) == _metrics(G)
        assert R.nodes["nato"]["label"] == G.nodes["nato"]["label"]
    assert sorted((u, v, d["edge_key"]) for u, v, d in X.edges(data=True)) == sorted(G.edges(keys=True))
    assert sum(d["relation_count"] for _, _, d in H.edges(data=True)) == G.number_of_edges()
    igraph = pytest.importorskip("igraph")  # GPL: a test-only check that a second reader agrees
    g = igraph.Graph.Read_GraphML(str(tmp / "graph.graphml"))
    assert (g.vcount(), g.ecount()) == (G.number_of_nodes(), len(set(G.edges())))
    assert dict(zip(g.vs["id"], g.vs["community"], strict=True)) == {n: c for n, (c, _) in _metrics(G).items()}


def test_csv_pair_reads_like_graph_json(saved: tuple[nx.MultiDiGraph, Path]) -> None:
    G, tmp = saved
    nodes_path, edges_path = write_csv(G, tmp)
    for path in (nodes_path, edges_path):  # a backslash-escaping parser (Gephi's) reads the same cells
        with path.open(encoding="utf-8-sig", newline="") as fh:
            plain = list(csv.reader(fh))
        with path.open(encoding="utf-8-sig", newline="") as fh:
            assert list(csv.reader(fh, escapechar="\\")) == plain
    with nodes_path.open(encoding="utf-8-sig", newline="") as fh:
        nodes = {r["Id"]: r for r in csv.DictReader(fh)}
    assert {k: (int(r["community"]), float(r["pagerank"])) for k, r in nodes.items()} == _metrics(G)
    assert nodes["nato"]["Label"] == G.nodes["nato"]["label"].replace("\\", BACKSLASH)
    with edges_path.open(encoding="utf-8-sig", newline="") as fh:
        assert sorted((r["Source"], r["Target"], r["Kind"]) for r in csv.DictReader(fh)) == sorted(G.edges(keys=True))


def test_sqlite_has_the_actors_and_ties_of_graph_json(saved: tuple[nx.MultiDiGraph, Path]) -> None:
    G, tmp = saved
    db = sqlite3.connect(write_sqlite(G, tmp / "graph.db"))
    actors = {a: (c, p) for a, c, p in db.execute("SELECT actor_id, community, pagerank FROM actors")}
    assert actors == _metrics(G)
    ties = sorted(db.execute("SELECT source, target, edge_key FROM ties").fetchall())
    assert ties == sorted(G.edges(keys=True))
    assert db.execute("SELECT label FROM actors WHERE actor_id = 'nato'").fetchone()[0] == G.nodes["nato"]["label"]
