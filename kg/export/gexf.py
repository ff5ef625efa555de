"""GEXF 1.3 for Gephi: typed columns, relations kept apart, colours, sizes and a playable timeline.

Written by hand rather than with ``networkx.write_gexf``, which (formats.md) misspells the xsi
namespace, writes ``graph/@name`` (invalid in 1.3), fixes a column's type from its first value
and reads lists as dynamic triples. Here:

* ``kind`` on every edge is its key (the relation type, ``:negated`` for denials), so Gephi keeps
  two relations between the same actors as two edges instead of merging them;
* ``viz:color`` has integer channels, ``viz:size`` and (with a layout) ``viz:position`` floats,
  all from :mod:`kg.export.style` like the HTML map;
* ``mode="dynamic"`` with ``timeformat="date"``: an edge lives from its first to its last
  date (a triple's own ``event_date`` where its sentence gives one, "1991" as the whole year, else
  the document's date), a node from the first to the last date it or any of its ties was reported, so
  Gephi's timeline replays the story (a graph without any date is written static);
* attribute types are fixed per column (:mod:`kg.export.flatten`), values are scalars.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edge("RUS", "PRK", key="CONSULT", relation_type="CONSULT", first_date="2024-06-19")
>>> _ = G.add_edge("RUS", "PRK", key="AGREE", relation_type="AGREE")
>>> text = "".join(generate_gexf(G))
>>> 'kind="CONSULT"' in text and 'kind="AGREE"' in text and 'mode="dynamic"' in text
True
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from kg.dates import first_day, last_day
from kg.export import style
from kg.export.flatten import (
    Column,
    Positions,
    edge_kind,
    edge_label,
    edge_record,
    edge_weight,
    graph_creator,
    graph_schema,
    graph_summary,
    node_label,
    node_record,
)
from kg.export.ids import node_ids, sorted_edges
from kg.export.values import ColumnType, format_value, iso_date
from kg.export.xmltext import xml_attr, xml_text
from kg.io import write_lines

Interval = tuple[str, str]

_HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">\n')
#: kg's column types as GEXF 1.3 names them.
_GEXF_TYPES: dict[ColumnType, str] = {"string": "string", "int": "integer", "long": "long",
                                      "double": "double", "boolean": "boolean"}


def _attribute_block(cls: str, columns: tuple[Column, ...]) -> str:
    lines = [f'    <attributes class="{cls}" mode="static">\n']
    lines.extend(f'      <attribute id="{c.name}" title="{c.name}" type="{_GEXF_TYPES[c.type]}"/>\n'
                 for c in columns)
    lines.append("    </attributes>\n")
    return "".join(lines)


def _attvalues(values: Mapping[str, Any], columns: tuple[Column, ...]) -> str:
    parts = [f'<attvalue for="{c.name}" value="{xml_attr(format_value(values[c.name], c.type))}"/>'
             for c in columns if c.name in values]
    return f"<attvalues>{''.join(parts)}</attvalues>" if parts else ""


def _span(dates: list[str | None]) -> Interval | None:
    known = [d for d in dates if d is not None]
    return (min(known), max(known)) if known else None


def _first_day(value: Any) -> str | None:
    """A date as the first day it covers ("1947/1991" from 1947-01-01: an event's own date may be a year)."""
    return first_day(value) or iso_date(value)


def _last_day(value: Any) -> str | None:
    return last_day(value) or iso_date(value)


def edge_interval(attrs: Mapping[str, Any]) -> Interval | None:
    """(first, last) day an edge stands for, from its dates or else its evidence (event date, else report)."""
    dates = [_first_day(attrs.get("first_date")), _last_day(attrs.get("last_date"))]
    evidence = attrs.get("evidence")
    if isinstance(evidence, list):
        for e in evidence:
            if isinstance(e, Mapping):
                when = e.get("event_date") or e.get("date")
                dates += [_first_day(when), _last_day(when)]
    return _span(dates)


def node_intervals(G: nx.MultiDiGraph, edge_intervals: Mapping[tuple[Any, Any, Any], Interval | None]
                   ) -> dict[Any, Interval | None]:
    """Each node's (first, last) date, widened to cover its edges so no edge outlives its ends."""
    spans: dict[Any, list[str | None]] = {
        n: [_first_day(d.get("first_date")), _last_day(d.get("last_date"))] for n, d in G.nodes(data=True)}
    for (u, v, _), interval in edge_intervals.items():
        if interval is not None:
            spans[u].extend(interval)
            spans[v].extend(interval)
    return {n: _span(dates) for n, dates in spans.items()}


def _time(interval: Interval | None) -> str:
    return f' start="{interval[0]}" end="{interval[1]}"' if interval else ""


def _colour(rgb: tuple[int, int, int]) -> str:
    return f'<viz:color r="{rgb[0]}" g="{rgb[1]}" b="{rgb[2]}"/>'


def generate_gexf(G: nx.MultiDiGraph, *, positions: Positions | None = None) -> Iterator[str]:
    """Yield a GEXF 1.3 document for ``G``, one node or edge element at a time.

    ``positions`` (node -> (x, y), e.g. from :func:`kg.export.layout.compute_layout`) become
    ``viz:position`` so Gephi opens on the same picture as the HTML map.
    """
    schema = graph_schema(G)
    ids = node_ids(G)
    edges = sorted_edges(G, ids)
    sizes = style.node_sizes(G)
    edge_spans = {(u, v, k): edge_interval(d) for _, u, v, k, d in edges}
    intervals = node_intervals(G, edge_spans)
    dynamic = any(i is not None for i in intervals.values())

    yield _HEADER
    creator, description = graph_creator(G), graph_summary(G)
    yield (f"  <meta><creator>{xml_text(creator)}</creator>"
           f"<description>{xml_text(description)}</description></meta>\n")
    mode = ' mode="dynamic" timeformat="date" timerepresentation="interval"' if dynamic else ' mode="static"'
    yield f'  <graph defaultedgetype="directed"{mode}>\n'
    yield _attribute_block("node", schema.nodes)
    yield _attribute_block("edge", schema.edges)

    yield f'    <nodes count="{len(ids)}">\n'
    for node, node_id in ids.items():
        attrs = G.nodes[node]
        parts = [f'      <node id="{xml_attr(node_id)}" label="{xml_attr(node_label(node, attrs))}"',
                 _time(intervals[node]) if dynamic else "", ">",
                 _attvalues(node_record(attrs, schema), schema.nodes),
                 _colour(style.node_colour(attrs.get("type"))),
                 f'<viz:size value="{sizes[node]!r}"/>']
        if positions is not None and node in positions:
            x, y = (float(c) for c in positions[node])
            if math.isfinite(x) and math.isfinite(y):
                parts.append(f'<viz:position x="{x!r}" y="{y!r}"/>')
        parts.append("</node>\n")
        yield "".join(parts)
    yield "    </nodes>\n"

    yield f'    <edges count="{len(edges)}">\n'
    for eid, u, v, key, attrs in edges:
        kind = edge_kind(key, attrs)
        yield "".join((
            f'      <edge id="{xml_attr(eid)}" source="{xml_attr(ids[u])}" target="{xml_attr(ids[v])}"'
            f' kind="{xml_attr(kind)}" label="{xml_attr(edge_label(key, attrs))}"'
            f' weight="{edge_weight(attrs)!r}"', _time(edge_spans[u, v, key]) if dynamic else "", ">",
            _attvalues(edge_record(key, attrs, schema), schema.edges),
            _colour(style.edge_colour(attrs)), "</edge>\n"))
    yield "    </edges>\n  </graph>\n</gexf>\n"


def write_gexf(G: nx.MultiDiGraph, path: str | os.PathLike[str], *,
               positions: Positions | None = None) -> Path:
    """Write :func:`generate_gexf` to ``path`` (UTF-8, atomically) and return the path."""
    return write_lines(path, generate_gexf(G, positions=positions))
