"""Turning kg's graph attributes into typed scalar columns: the one place GraphML, GEXF and CSV share.

kg's graph carries lists (aliases, documents), dicts (evidence), ``None`` and numbers that may be
NaN; Gephi and the GraphML schema want one scalar of one declared type per column. This module
decides, once for all three formats:

* the column set: a fixed schema for the attributes kg.graph.build writes (so every file has the same
  columns whatever the corpus), plus any unknown attribute with a type inferred over all its values;
* the records: one typed scalar per column and node or edge (the values as :mod:`kg.export.values`
  writes them), evidence flattened to ``evidence_count`` and the first evidence's sentence, document,
  title and URL;
* the ids come from :mod:`kg.export.ids`, the escaping from :mod:`kg.export.xmltext`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from kg.export.ids import nmtoken, unique
from kg.export.values import ColumnType, Scalar, coerce, infer_type, to_text

#: Node positions as kg.export.layout returns them: node -> (x, y).
Positions = Mapping[Any, tuple[float, float]]


#: Names Gephi reads as visual properties rather than data (see formats.md), plus the CSV
#: columns Gephi's spreadsheet importer treats specially; compared case-insensitively.
RESERVED_NAMES = frozenset({
    "label", "x", "y", "z", "size", "r", "g", "b", "color", "edgelabel", "weight",
    "id", "source", "target", "type", "kind", "interval", "timeset",
})


@dataclass(frozen=True, slots=True)
class Column:
    """One exported attribute: its name (an NMTOKEN) and its single type."""

    name: str
    type: ColumnType


#: Node columns, in file order, from kg.graph.build's node attributes. ``type`` is exported as
#: ``actor_type``: the name says what it is and cannot be mistaken for Gephi's edge Type column.
NODE_COLUMNS: tuple[Column, ...] = (
    Column("actor_type", "string"), Column("ner", "string"), Column("iso3", "string"),
    Column("aliases", "string"), Column("mentions", "int"), Column("document_count", "int"),
    Column("documents", "string"), Column("first_date", "string"), Column("last_date", "string"),
    Column("community", "int"), Column("pagerank", "double"),
)
#: Edge columns, in file order. ``relation_type`` stays a data column although it is also the
#: label: Gephi turns ``label`` into the drawn text only, and analysts filter on the type.
EDGE_COLUMNS: tuple[Column, ...] = (
    Column("relation_type", "string"), Column("edge_key", "string"), Column("quad_class", "int"),
    Column("class_name", "string"), Column("intensity", "double"), Column("negated", "boolean"),
    Column("count", "int"), Column("relations", "string"), Column("modality", "string"),
    Column("confidence", "double"),
    Column("first_date", "string"), Column("last_date", "string"), Column("document_count", "int"),
    Column("documents", "string"), Column("evidence_count", "int"), Column("first_sentence", "string"),
    Column("first_doc_id", "string"), Column("first_doc_title", "string"),
    Column("first_doc_url", "string"),
    # The first evidence's own date and place (kg.extract.when / where), beside the document's date.
    Column("first_event_date", "string"), Column("first_event_date_precision", "string"),
    Column("first_location", "string"), Column("first_location_iso3", "string"),
    # Every place the kept evidence gives the tie, in order, once each: "Athens (GRC); Baghdad (IRQ)".
    Column("locations", "string"),
)
#: Graph-level values (GraphML graph data, GEXF meta).
GRAPH_COLUMNS: tuple[Column, ...] = (
    Column("kg_version", "string"), Column("max_evidence", "int"), Column("document_count", "int"),
)

#: Attributes kg.graph.build writes that the fixed columns above (or the label/weight) already cover.
_KNOWN_NODE_ATTRS = frozenset({"label", "type", "ner", "iso3", "aliases", "mentions", "documents",
                               "first_date", "last_date", "community", "pagerank"})
_KNOWN_EDGE_ATTRS = frozenset({"relation_type", "quad_class", "class_name", "intensity", "negated",
                               "count", "weight", "relations", "modality", "confidence", "first_date",
                               "last_date",
                               "documents", "evidence"})



@dataclass(frozen=True, slots=True)
class Schema:
    """The columns of one graph's export: the fixed ones plus its unknown attributes."""

    nodes: tuple[Column, ...]
    edges: tuple[Column, ...]
    node_extras: tuple[tuple[str, Column], ...]  # (attribute name in the graph, column)
    edge_extras: tuple[tuple[str, Column], ...]


def _extras(attr_dicts: list[Mapping[str, Any]], known: frozenset[str],
            taken: set[str]) -> tuple[tuple[str, Column], ...]:
    values: dict[str, list[Any]] = {}
    for d in attr_dicts:
        for name, value in d.items():
            if name not in known:
                values.setdefault(str(name), []).append(value)
    extras: list[tuple[str, Column]] = []
    for name in sorted(values):
        column = nmtoken(name)
        # A name Gephi would swallow as a visual property (or one of ours) gets a prefix.
        if column.lower() in RESERVED_NAMES or column in taken:
            column = f"attr_{column}"
        column = unique(column, taken)
        extras.append((name, Column(column, infer_type(values[name]))))
    return tuple(extras)


def graph_schema(G: nx.MultiDiGraph) -> Schema:
    """The columns for ``G``: :data:`NODE_COLUMNS`, :data:`EDGE_COLUMNS` and any extra attributes."""
    node_extras = _extras([d for _, d in G.nodes(data=True)], _KNOWN_NODE_ATTRS,
                          {c.name for c in NODE_COLUMNS})
    edge_extras = _extras([d for _, _, d in G.edges(data=True)], _KNOWN_EDGE_ATTRS,
                          {c.name for c in EDGE_COLUMNS})
    return Schema(nodes=NODE_COLUMNS + tuple(c for _, c in node_extras),
                  edges=EDGE_COLUMNS + tuple(c for _, c in edge_extras),
                  node_extras=node_extras, edge_extras=edge_extras)


def _typed(raw: Mapping[str, Any], columns: Iterable[Column]) -> dict[str, Scalar]:
    out: dict[str, Scalar] = {}
    for column in columns:
        value = coerce(raw.get(column.name), column.type)
        if value is not None:
            out[column.name] = value
    return out


def _length(value: Any) -> int | None:
    return len(value) if isinstance(value, list | tuple | set | frozenset) else None


def node_label(node: Any, attrs: Mapping[str, Any]) -> str:
    """The name to show: the ``label`` attribute, else the node id (never empty)."""
    return to_text(attrs.get("label")) or to_text(node) or "?"


def node_record(attrs: Mapping[str, Any], schema: Schema) -> dict[str, Scalar]:
    """A node's column values (missing ones left out)."""
    raw: dict[str, Any] = {
        "actor_type": attrs.get("type"), "ner": attrs.get("ner"), "iso3": attrs.get("iso3"),
        "aliases": attrs.get("aliases"), "mentions": attrs.get("mentions"),
        "document_count": _length(attrs.get("documents")), "documents": attrs.get("documents"),
        "first_date": attrs.get("first_date"), "last_date": attrs.get("last_date"),
        "community": attrs.get("community"), "pagerank": attrs.get("pagerank"),
    }
    for name, column in schema.node_extras:
        raw[column.name] = attrs.get(name)
    return _typed(raw, schema.nodes)


def edge_label(key: Any, attrs: Mapping[str, Any]) -> str:
    """The text drawn on an edge: its relation type (the key when the type is missing)."""
    return to_text(attrs.get("relation_type")) or to_text(key) or "RELATED"


def edge_kind(key: Any, attrs: Mapping[str, Any]) -> str:
    """Gephi's edge kind: the edge key (relation type, ``:negated`` for a denial), unique per pair."""
    return to_text(key) or edge_label(key, attrs)


def edge_weight(attrs: Mapping[str, Any]) -> float:
    """A weight Gephi keeps: ``weight``, else ``count``, else 1 — never 0, negative or NaN."""
    for name in ("weight", "count"):
        w = attrs.get(name)
        if isinstance(w, int | float) and not isinstance(w, bool) and math.isfinite(w) and w > 0:
            return float(w)
    return 1.0


def edge_record(key: Any, attrs: Mapping[str, Any], schema: Schema) -> dict[str, Scalar]:
    """An edge's column values; the evidence list becomes a count and its first (earliest) item."""
    evidence = attrs.get("evidence")
    evidence = evidence if isinstance(evidence, list) else []
    first = evidence[0] if evidence and isinstance(evidence[0], Mapping) else {}
    raw: dict[str, Any] = {name: attrs.get(name) for name in (
        "relation_type", "quad_class", "class_name", "intensity", "negated", "count", "relations",
        "modality", "confidence", "first_date", "last_date", "documents")}
    raw.update({
        "edge_key": key, "document_count": _length(attrs.get("documents")),
        "evidence_count": len(evidence), "first_sentence": first.get("sentence"),
        "first_doc_id": first.get("doc_id"), "first_doc_title": first.get("title"),
        "first_doc_url": first.get("url"), "first_event_date": first.get("event_date"),
        "first_event_date_precision": first.get("event_date_precision"),
        "first_location": first.get("location"), "first_location_iso3": first.get("location_iso3"),
        "locations": evidence_locations(evidence),
    })
    for name, column in schema.edge_extras:
        raw[column.name] = attrs.get(name)
    return _typed(raw, schema.edges)


def evidence_locations(evidence: list[Any]) -> str | None:
    """The distinct places of an edge's evidence, each with its country code when known, "; "-joined.

    >>> evidence_locations([{"location": "Athens", "location_iso3": "GRC"}, {"location": None},
    ...                     {"location": "Athens", "location_iso3": "GRC"}, {"location": "Mindanao"}])
    'Athens (GRC); Mindanao'
    """
    places: dict[str, None] = {}
    for item in evidence:
        name = to_text(item.get("location")) if isinstance(item, Mapping) else ""
        if name:
            code = to_text(item.get("location_iso3"))
            places[f"{name} ({code})" if code else name] = None
    return "; ".join(places) or None


def graph_record(G: nx.MultiDiGraph) -> dict[str, Scalar]:
    """The graph-level values: kg version, evidence cap and number of documents."""
    documents = G.graph.get("documents")
    raw = {"kg_version": G.graph.get("kg_version"), "max_evidence": G.graph.get("max_evidence"),
           "document_count": len(documents) if isinstance(documents, Mapping) else None}
    return _typed(raw, GRAPH_COLUMNS)


def graph_summary(G: nx.MultiDiGraph) -> str:
    """One line on what the graph holds, for GEXF's ``<description>`` and GraphML's ``<desc>``.

    >>> graph_summary(nx.MultiDiGraph(documents={"d1": {}}, max_evidence=5))
    '0 actors, 0 relations from 1 document; up to 5 evidence sentences per relation'
    """
    meta = graph_record(G)
    docs = meta.get("document_count")
    return (f"{G.number_of_nodes()} actors, {G.number_of_edges()} relations"
            + (f" from {docs} document{'s' if docs != 1 else ''}" if docs is not None else "")
            + (f"; up to {meta['max_evidence']} evidence sentences per relation" if "max_evidence" in meta else ""))


def graph_creator(G: nx.MultiDiGraph) -> str:
    """``kg`` and its version, as the file's creator."""
    meta = graph_record(G)
    return f"kg {meta['kg_version']}" if "kg_version" in meta else "kg"
