"""kg's own save format: node-link JSON that reads back into the same MultiDiGraph.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(max_evidence=5)
>>> _ = g.add_node("RUS", label="Russia", aliases=["Moscow", "Russia"])
>>> _ = g.add_node("UKR", label="Ukraine")
>>> _ = g.add_edge("RUS", "UKR", key="ASSAULT", count=2, evidence=[{"doc_id": "a"}])
>>> back = graph_from_data(graph_to_data(g))
>>> same_edges = list(back.edges(keys=True, data=True)) == list(g.edges(keys=True, data=True))
>>> back.nodes(data=True) == g.nodes(data=True) and same_edges and back.graph == g.graph
True
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx
import orjson

from kg.io import write_lines

#: Written into every file so that later versions can read older ones.
FORMAT = "kg-graph"
FORMAT_VERSION = 1


class GraphFormatError(ValueError):
    """The file is not a kg graph (or is damaged)."""


def graph_to_data(g: nx.MultiDiGraph) -> dict[str, Any]:
    """The graph as a JSON-ready dict (node-link layout, edge keys kept, order preserved)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "directed": True,
        "multigraph": True,
        "graph": dict(g.graph),
        "nodes": [{"id": n, **d} for n, d in g.nodes(data=True)],
        "edges": [{"source": u, "target": v, "key": k, **d} for u, v, k, d in g.edges(keys=True, data=True)],
    }


def graph_from_data(data: dict[str, Any]) -> nx.MultiDiGraph:
    """Rebuild the graph :func:`graph_to_data` wrote."""
    if not isinstance(data, dict) or "nodes" not in data or "edges" not in data:
        raise GraphFormatError("not a kg graph: expected an object with 'nodes' and 'edges'")
    if data.get("format", FORMAT) != FORMAT or int(data.get("format_version", 1)) > FORMAT_VERSION:
        raise GraphFormatError(f"unsupported graph format {data.get('format')!r} "
                               f"version {data.get('format_version')!r}")
    g = nx.MultiDiGraph(**data.get("graph", {}))
    try:
        for node in data["nodes"]:
            attrs = dict(node)
            g.add_node(attrs.pop("id"), **attrs)
        for edge in data["edges"]:
            attrs = dict(edge)
            g.add_edge(attrs.pop("source"), attrs.pop("target"), key=attrs.pop("key"), **attrs)
    except (KeyError, TypeError, AttributeError) as exc:
        raise GraphFormatError(f"damaged kg graph: {exc!r}") from exc
    return g




def _encode(value: Any) -> str:
    """Compact JSON with sorted keys; orjson is about five times as fast as the json module here."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode("utf-8")


def generate_json_parts(attrs: dict[str, Any], nodes: Iterable[tuple[str, dict[str, Any]]],
                        edges: Iterable[tuple[str, str, str, dict[str, Any]]]) -> Iterator[str]:
    """The file's text in pieces, one node or edge a line, from a graph's attributes and streams of its
    nodes and edges (as :meth:`kg.graph.GraphBuilder.parts` gives them): big graphs stream and diff well."""
    head = {"format": FORMAT, "format_version": FORMAT_VERSION, "directed": True, "multigraph": True,
            "graph": dict(attrs)}
    yield _encode(head)[:-1] + ',\n"nodes": ['
    sep = "\n"
    for n, d in nodes:
        yield sep + _encode({"id": n, **d})
        sep = ",\n"
    yield '\n],\n"edges": ['
    sep = "\n"
    for u, v, k, d in edges:
        yield sep + _encode({"source": u, "target": v, "key": k, **d})
        sep = ",\n"
    yield "\n]}\n"


def generate_json(g: nx.MultiDiGraph) -> Iterator[str]:
    """The text of ``g`` as kg's node-link JSON, in pieces."""
    return generate_json_parts(g.graph, g.nodes(data=True), g.edges(keys=True, data=True))


def write_json(g: nx.MultiDiGraph, path: str | os.PathLike[str]) -> None:
    """Save the graph as kg's node-link JSON (UTF-8), atomically."""
    write_json_parts(g.graph, g.nodes(data=True), g.edges(keys=True, data=True), path)


def write_json_parts(attrs: dict[str, Any], nodes: Iterable[tuple[str, dict[str, Any]]],
                     edges: Iterable[tuple[str, str, str, dict[str, Any]]], path: str | os.PathLike[str]) -> None:
    """Save a graph given as streams (see :func:`generate_json_parts`), atomically."""
    write_lines(path, generate_json_parts(attrs, nodes, edges))


def read_json(path: str | os.PathLike[str]) -> nx.MultiDiGraph:
    """Load a graph saved by :func:`write_json`."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except json.JSONDecodeError as exc:
        raise GraphFormatError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    return graph_from_data(data)
