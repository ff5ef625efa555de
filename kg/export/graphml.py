"""GraphML that Gephi, networkx, igraph and graphology open with every actor and relation intact.

Written by hand rather than with ``networkx.write_graphml``, which (formats.md) reuses a
MultiDiGraph's per-pair keys as edge ids (Gephi drops the repeats), refuses lists, dicts, None and
dates, and either raises on or writes XML-illegal characters. Here:

* node ids are kg's stable ids (ISO3 code or slug), NMTOKENs; the actor's name is the ``label``;
* **one edge per ordered pair of actors** (:mod:`kg.export.pairs`): Gephi's GraphML importer reads no
  edge type, so under its default merge strategy it would fold two relations between the same actors
  into one; the pair's edge carries every relation type with its count instead, and its id is
  ``source--target``, unchanged when the corpus grows (GEXF and CSV keep one edge per relation);
* every column has one declared type, every value is a scalar (see :mod:`kg.export.flatten`);
* ``label`` (the relation types), ``weight`` (> 0), ``r``/``g``/``b`` (integers), ``size``
  and, with a layout, ``x``/``y`` are Gephi's visual keys, so the file looks right on first open;
* text with markup characters is written in CDATA sections, which Gephi's reader keeps whole;
* graph-level facts (kg version, documents, evidence cap) go in the graph's ``<desc>``: Gephi reports
  every ``for="graph"`` key as an error;
* output is byte-identical for the same graph: nodes and edges sorted, floats in shortest repr.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("RUS", label="Russia", type="state")
>>> G.add_node("PRK", label="North Korea", type="state")
>>> _ = G.add_edge("RUS", "PRK", key="CONSULT", relation_type="CONSULT", count=2, weight=2.0)
>>> _ = G.add_edge("RUS", "PRK", key="AID", relation_type="AID", count=1, weight=1.0)
>>> text = "".join(generate_graphml(G))
>>> text.count("<edge "), '<edge id="RUS--PRK" source="RUS" target="PRK">' in text
(1, True)
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from kg.export import style
from kg.export.flatten import (
    Column,
    Positions,
    graph_creator,
    graph_schema,
    graph_summary,
    node_label,
    node_record,
)
from kg.export.ids import node_ids
from kg.export.pairs import pair_columns, pair_edges
from kg.export.values import format_value
from kg.export.xmltext import xml_attr, xml_cdata
from kg.io import write_lines

_HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
    ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)
#: Gephi's visual keys: they set label, colour, size and position instead of becoming data columns.
_NODE_VISUAL = (Column("label", "string"), Column("r", "int"), Column("g", "int"), Column("b", "int"),
                Column("size", "double"))
_NODE_POSITION = (Column("x", "double"), Column("y", "double"))
_EDGE_VISUAL = (Column("label", "string"), Column("weight", "double"), Column("r", "int"),
                Column("g", "int"), Column("b", "int"))


def _key(prefix: str, domain: str, column: Column) -> str:
    return (f'  <key id="{prefix}_{column.name}" for="{domain}" attr.name="{column.name}"'
            f' attr.type="{column.type}"/>\n')


def _data(prefix: str, column: Column, value: Any) -> str:
    text = format_value(value, column.type)
    return f'<data key="{prefix}_{column.name}">{xml_cdata(text) if column.type == "string" else text}</data>'


def _position(positions: Positions | None, node: Any) -> tuple[float, float] | None:
    if positions is None or node not in positions:
        return None
    x, y = positions[node]
    return (float(x), float(y)) if math.isfinite(x) and math.isfinite(y) else None


def description(G: nx.MultiDiGraph) -> str:
    """The graph's ``<desc>``: what was built, from what, by which kg.

    >>> description(nx.MultiDiGraph(kg_version="0.1.0", documents={"d1": {}}))
    'kg 0.1.0: 0 actors, 0 relations from 1 document'
    """
    return f"{graph_creator(G)}: {graph_summary(G)}"


def generate_graphml(G: nx.MultiDiGraph, *, positions: Positions | None = None) -> Iterator[str]:
    """Yield a GraphML document for ``G``, one node or edge element at a time.

    ``positions`` (node -> (x, y), e.g. from :func:`kg.export.layout.compute_layout`) adds Gephi's
    ``x``/``y`` keys so Gephi shows the same picture as the HTML map.
    """
    schema = graph_schema(G)
    ids = node_ids(G)
    sizes = style.node_sizes(G)
    node_visual = _NODE_VISUAL + (_NODE_POSITION if positions is not None else ())
    edge_columns = pair_columns(schema)

    yield _HEADER
    yield "".join(_key("n", "node", c) for c in node_visual + schema.nodes)
    yield "".join(_key("e", "edge", c) for c in _EDGE_VISUAL + edge_columns)
    yield '  <graph id="G" edgedefault="directed">\n'
    yield f"    <desc>{xml_cdata(description(G))}</desc>\n"

    for node, node_id in ids.items():
        attrs = G.nodes[node]
        r, g, b = style.node_colour(attrs.get("type"))
        visual: list[Any] = [node_label(node, attrs), r, g, b, sizes[node]]
        xy = _position(positions, node)
        if xy is not None:
            visual.extend(xy)
        parts = [f'    <node id="{xml_attr(node_id)}">']
        parts.extend(_data("n", c, v) for c, v in zip(node_visual, visual, strict=False))
        values = node_record(attrs, schema)
        parts.extend(_data("n", c, values[c.name]) for c in schema.nodes if c.name in values)
        parts.append("</node>\n")
        yield "".join(parts)

    for pair in pair_edges(G, ids, schema):
        visual = [pair.label, pair.weight, *pair.colour]
        parts = [f'    <edge id="{xml_attr(pair.edge_id)}" source="{xml_attr(ids[pair.source])}"'
                 f' target="{xml_attr(ids[pair.target])}">']
        parts.extend(_data("e", c, val) for c, val in zip(_EDGE_VISUAL, visual, strict=True))
        parts.extend(_data("e", c, pair.values[c.name]) for c in edge_columns if c.name in pair.values)
        parts.append("</edge>\n")
        yield "".join(parts)

    yield "  </graph>\n</graphml>\n"


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike[str], *,
                  positions: Positions | None = None) -> Path:
    """Write :func:`generate_graphml` to ``path`` (UTF-8, atomically) and return the path."""
    return write_lines(path, generate_graphml(G, positions=positions))
