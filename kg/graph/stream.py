"""The finished graph as two sorted streams, nodes and edges: what :meth:`kg.graph.GraphBuilder.parts` gives,
and what ``kg build`` writes to graph.json one line at a time.

Each stream hands the builder's aggregates over one by one (a node's or tie's summary is dropped as soon as
its attributes are made), so a writer that streams them never holds the builder and the finished graph both
at once. ``kg build`` spends a third of its time here on a big corpus, so the edge stream does per tie only
what the tie needs: a tie resting on one triple (most ties of a large corpus) is read straight off its row.

>>> from kg.graph.aggregate import TieSummary
>>> row = ("2024-01-05", "d1", 0, [0, 6], [15, 22], "Russia met Ukraine.", 0, "Russia", "Ukraine", "meet",
...        "2024-01-05", None, None, 0.9, "asserted", None, None, None, None, "2024-01-05", "2024-01-05")
>>> [(u, v, k, d["count"], d["documents"]) for u, v, k, d in edge_items({("RUS", "UKR", "CONSULT"): [row]}, {},
...                                                                    max_evidence=5)]
[('RUS', 'UKR', 'CONSULT', 1, ['d1'])]
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import itemgetter
from typing import Any

import numpy as np

from kg.actor_fixes import ActorFix
from kg.graph.aggregate import (
    ROW_CONFIDENCE,
    ROW_DOC,
    ROW_FIRST,
    ROW_LAST,
    ROW_MODALITY,
    ROW_RELATION,
    ActorSummary,
    Row,
    TieSummary,
    evidence_item,
    most_common,
    tie_facts,
)
from kg.graph.metrics import ActorMetrics
from kg.graph.resolve import fix_node, node_aliases, wikidata_ids
from kg.ontology import relation_info

#: The suffix of a denied relation's edge key ("ASSAULT:negated").
NEGATED_SUFFIX = ":negated"
#: Actor types shown on the map, by spaCy entity label (an actor with an ISO code is a ``state``).
TYPE_BY_NER = {"PERSON": "person", "ORG": "organisation", "NORP": "group",
               "GPE": "place", "LOC": "place", "FAC": "place"}

EdgeKey = tuple[str, str, str]
_HANDED_OVER: list[Row] = []  # in place of a tie's rows once its edge is made


def actor_type(ner: str, iso3: str | None) -> str:
    """``state`` for anything standing for a country (its ISO code known), else by entity label."""
    if iso3:
        return "state"
    return TYPE_BY_NER.get(ner, "group")


def node_items(nodes: dict[str, ActorSummary], fixes: dict[str, ActorFix],
               metrics: ActorMetrics) -> Iterator[tuple[str, dict[str, Any]]]:
    """The nodes in key order, each summary taken out of ``nodes`` as its node is made."""
    qids = wikidata_ids()
    community, pagerank = metrics.community, metrics.pagerank
    for key in sorted(nodes):
        n = nodes.pop(key)
        ner = most_common(n.ner)
        attrs = {"label": most_common(n.names), "type": actor_type(ner, n.iso3), "ner": ner,
                 "iso3": n.iso3, "aliases": node_aliases(n), "mentions": n.mentions or n.ends,
                 "documents": sorted(n.documents), "first_date": n.first_date, "last_date": n.last_date,
                 "wikidata": qids.get(key), "community": community[key], "pagerank": pagerank[key]}
        row = fixes.get(key)
        if row is not None:  # the analyst's word: name, type and id
            fix_node(attrs, row)
        yield key, attrs


def _edge_type(key: str) -> tuple[str, int, str, float, bool]:
    """What an edge key says of its edges: the relation type's name, class, class name, intensity, denial."""
    info = relation_info(key.removesuffix(NEGATED_SUFFIX))
    return info.name, info.quad_class, info.class_name, info.intensity, key.endswith(NEGATED_SUFFIX)


def sorted_ties(ties: list[EdgeKey]) -> list[int]:
    """The positions of ``ties`` in (subject, object, key) order, as ``sorted`` would put them.

    Each part is read as its rank among the sorted values of that part (an order-preserving map), and
    numpy sorts the rank triples: sorting 764,597 tuples of strings took 1.3 s, this takes a fifth of it.
    """
    columns = [list(map(itemgetter(i), ties)) for i in range(3)]
    ranks = []
    for values in columns:
        index = {value: i for i, value in enumerate(sorted(set(values)))}
        ranks.append(np.fromiter(map(index.__getitem__, values), dtype=np.int64, count=len(values)))
    order: list[int] = np.lexsort(ranks[::-1]).tolist()  # the last array given is the first sort key
    return order


def edge_items(rows: dict[EdgeKey, list[Row]], summaries: dict[EdgeKey, TieSummary], *,
               max_evidence: int) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """The edges in (subject, object, key) order, each tie's rows and summary taken out as its edge is made.

    ``rows`` is emptied at once: its ties are handed over from two lists, in :func:`sorted_ties` order.
    """
    types: dict[str, tuple[str, int, str, float, bool]] = {}
    ties, all_rows = list(rows), list(rows.values())
    rows.clear()
    pop_summary = summaries.pop
    for i in sorted_ties(ties):
        tie, tie_rows = ties[i], all_rows[i]
        all_rows[i] = _HANDED_OVER  # the graph holds what it needs of the tie's rows
        u, v, key = tie
        summary = pop_summary(tie, None)
        if summary is None and len(tie_rows) == 1 and max_evidence:
            # One triple: its row is all there is to count (what tie_facts would say, without its record).
            row = tie_rows[0]
            count, relations, modality, confidence = 1, [row[ROW_RELATION]], row[ROW_MODALITY], row[ROW_CONFIDENCE]
            documents, first, last, evidence = [row[ROW_DOC]], row[ROW_FIRST], row[ROW_LAST], [evidence_item(row)]
        else:
            count, relations, modality, confidence, documents, first, last = tie_facts(
                tie_rows, summary, max_evidence=max_evidence)
            evidence = list(map(evidence_item, tie_rows))
        name, quad_class, class_name, intensity, negated = types.get(key) or types.setdefault(key, _edge_type(key))
        yield u, v, key, {
            "relation_type": name, "quad_class": quad_class, "class_name": class_name,
            "intensity": intensity, "negated": negated, "count": count, "weight": float(count),
            "relations": relations, "modality": modality, "confidence": round(confidence, 4),
            "first_date": first, "last_date": last, "documents": documents, "evidence": evidence}
