"""Merge triples into one ``networkx.MultiDiGraph``: a node per actor, an edge per (actor, type, actor).

The builder aggregates as it reads, so a stream of millions of triples needs memory for the graph
only: counts, dates and at most ``max_evidence`` evidence items per edge. The result does not depend
on the order the triples come in, and adding the same triple twice changes nothing.

>>> from kg.records import DocumentMentions, Triple
>>> t = Triple(doc_id="d1", sentence_index=0, sentence="Russia invaded Ukraine.",
...            subject="Russia", subject_type="GPE", subject_text="Russia", subject_span=(0, 6),
...            relation="invade", relation_type="ASSAULT", object="Ukraine", object_type="GPE",
...            object_text="Ukraine", object_span=(15, 22), subject_id="RUS", object_id="UKR",
...            subject_iso3="RUS", object_iso3="UKR", date="2022-02-24")
>>> g = build_graph([t, t])
>>> g.nodes["RUS"]["label"], g.edges["RUS", "UKR", "ASSAULT"]["count"]
('Russia', 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg import __version__
from kg.ontology import relation_info
from kg.records import DocumentMentions, Triple

#: Evidence sentences kept per edge unless told otherwise.
DEFAULT_MAX_EVIDENCE = 5

# Actor types shown on the map, from the spaCy label and whether the actor is a country.
_TYPE_BY_NER = {"PERSON": "person", "ORG": "organisation", "NORP": "group",
                "GPE": "place", "LOC": "place", "FAC": "place"}
_NEGATED_SUFFIX = ":negated"


def edge_key(relation_type: str, negated: bool) -> str:
    """The key of an edge in the MultiDiGraph: a denied relation is an edge of its own."""
    return relation_type + _NEGATED_SUFFIX if negated else relation_type


def actor_type(ner: str, iso3: str | None) -> str:
    """``state`` for anything standing for a country (its ISO code known), else by entity label."""
    if iso3:
        return "state"
    return _TYPE_BY_NER.get(ner, "group")


def _min_date(a: str | None, b: str | None) -> str | None:
    """The smaller of two optional values (ISO dates compare as strings)."""
    return b if a is None else a if b is None else min(a, b)


def _max_date(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else max(a, b)


def _most_common(counter: Counter[str]) -> str:
    """The most frequent value; ties go to the alphabetically first, so order never matters."""
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


@dataclass
class _Node:
    names: Counter[str] = field(default_factory=Counter)
    ner: Counter[str] = field(default_factory=Counter)
    iso3: str | None = None
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0  # times the text names the actor (from mentions.jsonl)
    ends: int = 0  # triples that have the actor at one end
    documents: set[str] = field(default_factory=set)
    first_date: str | None = None
    last_date: str | None = None

    def add(self, name: str, ner: str, iso3: str | None, text: str, doc_id: str, date: str | None, *,
            mention: bool = False) -> None:
        self.names[name] += 1
        self.ner[ner] += 1
        self.iso3 = self.iso3 or iso3
        self.aliases.update((name, text))
        if mention:
            self.mentions += 1
        else:
            self.ends += 1
        self.documents.add(doc_id)
        self.first_date = _min_date(self.first_date, date)
        self.last_date = _max_date(self.last_date, date)

    def merge(self, other: _Node, *, label_votes: bool = True) -> None:
        if label_votes:
            self.names.update(other.names)
        self.ner.update(other.ner)
        self.iso3 = self.iso3 or other.iso3
        self.aliases |= other.aliases
        self.mentions += other.mentions
        self.ends += other.ends
        self.documents |= other.documents
        self.first_date = _min_date(self.first_date, other.first_date)
        self.last_date = _max_date(self.last_date, other.last_date)


def _evidence_order(item: dict[str, Any]) -> tuple[Any, ...]:
    # Undated evidence sorts last; then document order.
    return (item["date"] or "9999-99-99", item["doc_id"], item["sentence_index"],
            tuple(item["subject_span"]), tuple(item["object_span"]))


@dataclass
class _Edge:
    max_evidence: int
    count: int = 0
    relations: Counter[str] = field(default_factory=Counter)
    modalities: Counter[str] = field(default_factory=Counter)
    confidence: float = 0.0
    documents: set[str] = field(default_factory=set)
    first_date: str | None = None
    last_date: str | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def add_evidence(self, items: Iterable[dict[str, Any]]) -> None:
        self.evidence.extend(items)
        # Trimming only when the list doubles keeps this amortised O(1) per triple.
        if len(self.evidence) > 2 * self.max_evidence:
            self.trim()

    def trim(self) -> None:
        self.evidence.sort(key=_evidence_order)
        del self.evidence[self.max_evidence:]

    def merge(self, other: _Edge) -> None:
        self.count += other.count
        self.relations.update(other.relations)
        self.modalities.update(other.modalities)
        self.confidence = max(self.confidence, other.confidence)
        self.documents |= other.documents
        self.first_date = _min_date(self.first_date, other.first_date)
        self.last_date = _max_date(self.last_date, other.last_date)
        self.add_evidence(other.evidence)


def _evidence(t: Triple) -> dict[str, Any]:
    return {"doc_id": t.doc_id, "sentence_index": t.sentence_index, "sentence": t.sentence,
            "sentence_start": t.sentence_start, "subject_text": t.subject_text,
            "subject_span": list(t.subject_span), "object_text": t.object_text,
            "object_span": list(t.object_span), "relation": t.relation, "date": t.date,
            "title": t.doc_title, "url": t.doc_url, "confidence": t.confidence, "modality": t.modality}


def _node_key(name: str, key: str) -> str:
    if key:
        return key
    from kg.actors import actor_key  # only triples written without ids need it

    return actor_key(name, None)


class GraphBuilder:
    """Aggregate triples one at a time; :meth:`graph` gives the finished MultiDiGraph.

    >>> builder = GraphBuilder(max_evidence=2)
    >>> builder.graph().number_of_nodes()
    0
    """

    def __init__(self, *, max_evidence: int = DEFAULT_MAX_EVIDENCE, merge_surnames: bool = True) -> None:
        if max_evidence < 0:
            raise ValueError("max_evidence must be >= 0")
        self.max_evidence = max_evidence
        self.merge_surnames = merge_surnames
        self._nodes: dict[str, _Node] = {}
        self._edges: dict[tuple[str, str, str], _Edge] = {}
        self._documents: dict[str, dict[str, str | None]] = {}
        self._seen: set[int] = set()
        self._seen_mentions: set[str] = set()
        self.triples_read = 0
        self.duplicates = 0

    def add(self, t: Triple) -> None:
        """Merge one triple in; a triple seen before (same document, sentence, spans, type) is ignored."""
        self.triples_read += 1
        identity = hash((t.doc_id, t.sentence_index, t.subject_span, t.object_span, t.relation_type,
                         t.negated, t.subject_id, t.object_id))
        if identity in self._seen:
            self.duplicates += 1
            return
        self._seen.add(identity)
        u, v = _node_key(t.subject, t.subject_id), _node_key(t.object, t.object_id)
        if u == v:  # a self-loop says nothing about ties between actors
            return
        for key, name, ner, iso3, text in ((u, t.subject, t.subject_type, t.subject_iso3, t.subject_text),
                                           (v, t.object, t.object_type, t.object_iso3, t.object_text)):
            self._nodes.setdefault(key, _Node()).add(name, ner, iso3, text, t.doc_id, t.date)
        edge = self._edges.setdefault((u, v, edge_key(t.relation_type, t.negated)), _Edge(self.max_evidence))
        edge.count += 1
        edge.relations[t.relation] += 1
        edge.modalities[t.modality] += 1
        edge.confidence = max(edge.confidence, t.confidence)
        edge.documents.add(t.doc_id)
        edge.first_date = _min_date(edge.first_date, t.date)
        edge.last_date = _max_date(edge.last_date, t.date)
        if self.max_evidence:
            edge.add_evidence([_evidence(t)])
        self._document(t.doc_id, t.doc_title, t.date, t.doc_url)

    def _document(self, doc_id: str, title: str | None, date: str | None, url: str | None) -> None:
        meta = self._documents.setdefault(doc_id, {"title": None, "date": None, "url": None})
        # One value per document whatever the order (triples of a document normally agree anyway).
        for name, value in (("title", title), ("date", date), ("url", url)):
            meta[name] = _min_date(meta[name], value)

    def add_mentions(self, record: DocumentMentions) -> None:
        """Count the actors a document names, so actors without any tie still get their node."""
        if record.doc_id in self._seen_mentions:  # the same document again changes nothing
            return
        self._seen_mentions.add(record.doc_id)
        for m in record.mentions:
            self._nodes.setdefault(_node_key(m.name, m.key), _Node()).add(
                m.name, m.type, m.iso3, m.text, record.doc_id, record.date, mention=True)
        if record.mentions:
            self._document(record.doc_id, record.doc_title, record.date, record.doc_url)

    def update(self, records: Iterable[Triple | DocumentMentions]) -> GraphBuilder:
        """Add triples and documents' mentions, in any order."""
        for r in records:
            if isinstance(r, Triple):
                self.add(r)
            else:
                self.add_mentions(r)
        return self

    def _surname_merges(self) -> dict[str, str]:
        """Map a one-word person ("putin") to the only full name ending or starting with it."""
        people = {k: n for k, n in self._nodes.items() if _most_common(n.ner) == "PERSON" and not n.iso3}
        by_token: dict[str, set[str]] = {}
        for key in people:
            parts = key.split("_")
            if len(parts) > 1:
                for token in {parts[-1], parts[0]}:
                    by_token.setdefault(token, set()).add(key)
        return {key: next(iter(by_token[key])) for key in people
                if "_" not in key and len(by_token.get(key, ())) == 1}

    def graph(self) -> nx.MultiDiGraph:
        """The finished graph, nodes and edges in sorted order (so every export is reproducible)."""
        nodes = {k: _Node() for k in self._nodes}
        for k, n in self._nodes.items():
            nodes[k].merge(n)
        edges: dict[tuple[str, str, str], _Edge] = {}
        renames = self._surname_merges() if self.merge_surnames else {}
        for short, full in renames.items():
            # The full name keeps its label; the surname stays on as an alias.
            nodes[full].merge(nodes.pop(short), label_votes=False)
        for (u, v, key), e in self._edges.items():
            u, v = renames.get(u, u), renames.get(v, v)
            if u == v:
                continue
            merged = edges.setdefault((u, v, key), _Edge(self.max_evidence))
            merged.merge(e)

        g = nx.MultiDiGraph(kg_version=__version__, max_evidence=self.max_evidence,
                            documents={d: self._documents[d] for d in sorted(self._documents)})
        for key in sorted(nodes):
            n = nodes[key]
            ner = _most_common(n.ner)
            g.add_node(key, label=_most_common(n.names), type=actor_type(ner, n.iso3), ner=ner,
                       iso3=n.iso3, aliases=sorted(n.aliases), mentions=n.mentions or n.ends,
                       documents=sorted(n.documents), first_date=n.first_date, last_date=n.last_date)
        for (u, v, key) in sorted(edges):
            e = edges[(u, v, key)]
            e.trim()
            negated = key.endswith(_NEGATED_SUFFIX)
            info = relation_info(key.removesuffix(_NEGATED_SUFFIX))
            g.add_edge(u, v, key=key, relation_type=info.name, quad_class=info.quad_class,
                       class_name=info.class_name, intensity=info.intensity, negated=negated,
                       count=e.count, weight=float(e.count),
                       relations=[r for r, _ in sorted(e.relations.items(), key=lambda kv: (-kv[1], kv[0]))],
                       modality=_most_common(e.modalities), confidence=round(e.confidence, 4),
                       first_date=e.first_date, last_date=e.last_date, documents=sorted(e.documents),
                       evidence=e.evidence)
        return g


def build_graph(triples: Iterable[Triple | DocumentMentions], *,
                max_evidence: int = DEFAULT_MAX_EVIDENCE) -> nx.MultiDiGraph:
    """Merge triples (and, optionally, documents' actor mentions) into a MultiDiGraph.

    See the module docstring for an example.
    """
    return GraphBuilder(max_evidence=max_evidence).update(triples).graph()


def top_actors(g: nx.MultiDiGraph, n: int = 10) -> list[tuple[str, int]]:
    """The ``n`` actors with most ties (weighted degree), ties broken by name."""
    deg = {node: int(d) for node, d in g.degree(weight="count")}
    ranked = sorted(deg.items(), key=lambda kv: (-kv[1], g.nodes[kv[0]].get("label", kv[0])))
    return ranked[:n]


def top_ties(g: nx.MultiDiGraph, n: int = 10) -> list[tuple[str, str, str, int]]:
    """The ``n`` edges with most evidence: (subject label, relation type, object label, count)."""
    ties = [(g.nodes[u]["label"], d["relation_type"] + (" (denied)" if d.get("negated") else ""),
             g.nodes[v]["label"], int(d["count"])) for u, v, d in g.edges(data=True)]
    return sorted(ties, key=lambda t: (-t[3], t[0], t[1], t[2]))[:n]
