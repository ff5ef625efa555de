"""One edge per ordered pair of actors, carrying every relation between them: GraphML's edges.

Gephi's GraphML importer reads no edge type (``ImporterGraphML.readEdge`` takes only ``id``, ``source``,
``target`` and ``directed``), so two relations between the same actors are parallel edges of one type and
its default merge strategy (Sum) folds them into one, keeping one relation's label and summing weights.
Writing one edge per ordered pair leaves nothing to merge, passes the GraphML schema, and is the graph
Gephi's centrality measures want anyway; the relations travel as columns:

* ``relation_types``: the pair's edge keys (``CONSULT``, ``AGREE:negated``...), most reported first;
* ``relation_counts``: ``KEY=count`` for each, in the same order, and ``relation_count``, how many;
* one count column per relation class (``verbal_cooperation``... ``material_conflict``, ``standing``,
  ``related``) and ``negated_count``, so Gephi can filter and colour by them;
* the dominant relation (most reports, then the smallest key) gives the label's first entry, the colour,
  ``relation_type``, ``quad_class``, ``class_name``, ``intensity`` and the first evidence sentence;
* counts, evidence and documents are summed or united; dates span the pair's first to last report.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edge("RUS", "PRK", key="AID", relation_type="AID", quad_class=2, count=1)
>>> _ = G.add_edge("RUS", "PRK", key="CONSULT", relation_type="CONSULT", quad_class=1, count=2)
>>> [(p.edge_id, p.values["relation_counts"]) for p in pair_edges(G, {"RUS": "RUS", "PRK": "PRK"})]
[('RUS--PRK', 'CONSULT=2 | AID=1')]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from kg.export import style
from kg.export.flatten import Column, Schema, edge_kind, edge_record, edge_weight, graph_schema
from kg.export.values import LIST_SEPARATOR, Scalar, iso_date, to_text

#: Relation classes (kg.export.style.relation_class) that get a count column of their own.
CLASS_COLUMNS: tuple[str, ...] = ("verbal_cooperation", "material_cooperation", "verbal_conflict",
                                  "material_conflict", "standing", "related")
#: Columns a pair adds to (or puts in place of) the per-relation columns.
PAIR_COLUMNS: tuple[Column, ...] = (
    Column("relation_types", "string"), Column("relation_counts", "string"), Column("relation_count", "int"),
    *(Column(name, "int") for name in CLASS_COLUMNS), Column("negated_count", "int"),
)
#: Per-relation columns that make no sense for a pair (its key) or are recomputed over the pair.
_DROPPED = frozenset({"edge_key", "negated"})
_SUMMED = ("count", "evidence_count")


@dataclass(frozen=True, slots=True)
class PairEdge:
    """One GraphML edge: an ordered pair of actors and its column values."""

    edge_id: str
    source: Any
    target: Any
    label: str
    weight: float
    colour: style.RGB
    values: dict[str, Scalar]


def pair_columns(schema: Schema) -> tuple[Column, ...]:
    """The edge columns of the pair file: the relation columns less the per-relation ones, then the pair's."""
    return tuple(c for c in schema.edges if c.name not in _DROPPED) + PAIR_COLUMNS


def _count(attrs: Mapping[str, Any]) -> int:
    c = attrs.get("count")
    return c if isinstance(c, int) and not isinstance(c, bool) and c > 0 else 1


def _class_column(attrs: Mapping[str, Any]) -> str:
    name = style.relation_class(attrs).replace(" ", "_")
    return name if name in CLASS_COLUMNS else "related"


def _dates(relations: Sequence[tuple[Any, dict[str, Any]]], name: str) -> list[str]:
    return [d for d in (iso_date(a.get(name)) for _, a in relations) if d is not None]


def _merge(key_attrs: Sequence[tuple[Any, dict[str, Any]]], schema: Schema) -> tuple[dict[str, Scalar], str]:
    """The pair's values and label from its relations, already sorted dominant first."""
    dominant_key, dominant = key_attrs[0]
    values = {k: v for k, v in edge_record(dominant_key, dominant, schema).items() if k not in _DROPPED}
    records = [edge_record(k, a, schema) for k, a in key_attrs]
    for name in _SUMMED:
        values[name] = sum(int(r.get(name, 0)) for r in records)
    firsts, lasts = _dates(key_attrs, "first_date"), _dates(key_attrs, "last_date")
    if firsts:
        values["first_date"] = min(firsts)
    if lasts:
        values["last_date"] = max(lasts)
    documents = sorted({str(d) for _, a in key_attrs for d in (a.get("documents") or [])})
    text = to_text(documents)  # cleaned of what XML cannot carry, like every other text column
    if text is not None:
        values["documents"] = text
        values["document_count"] = len(documents)
    keys = [edge_kind(k, a) for k, a in key_attrs]
    values["relation_types"] = LIST_SEPARATOR.join(keys)
    values["relation_counts"] = LIST_SEPARATOR.join(f"{k}={_count(a)}" for k, (_, a) in zip(keys, key_attrs,
                                                                                          strict=True))
    values["relation_count"] = len(keys)
    for name in CLASS_COLUMNS:
        values[name] = sum(_count(a) for _, a in key_attrs if _class_column(a) == name)
    values["negated_count"] = sum(_count(a) for _, a in key_attrs if a.get("negated") is True)
    return values, LIST_SEPARATOR.join(keys)


def pair_edges(G: nx.MultiDiGraph, ids: Mapping[Any, str], schema: Schema | None = None) -> list[PairEdge]:
    """Every ordered pair of actors with at least one relation, sorted by (source id, target id)."""
    schema = schema or graph_schema(G)
    grouped: dict[tuple[Any, Any], list[tuple[Any, dict[str, Any]]]] = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        grouped.setdefault((u, v), []).append((k, d))
    used: set[str] = set()
    out: list[PairEdge] = []
    for (u, v), relations in sorted(grouped.items(), key=lambda item: (ids[item[0][0]], ids[item[0][1]])):
        # dominant first: most reports, then the key, so the order is the same every run
        relations.sort(key=lambda ka: (-_count(ka[1]), str(ka[0])))
        values, label = _merge(relations, schema)
        edge_id = f"{ids[u]}--{ids[v]}"
        token, n = edge_id, 2
        while token in used:  # a node id containing "--" could collide; a suffix keeps ids unique
            token, n = f"{edge_id}.{n}", n + 1
        used.add(token)
        out.append(PairEdge(token, u, v, label, sum(edge_weight(a) for _, a in relations),
                            style.edge_colour(relations[0][1]), values))
    return out

