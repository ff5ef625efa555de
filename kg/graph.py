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

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import networkx as nx

from kg import __version__
from kg.ontology import RelationType, relation_info
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


def _most_common(counter: dict[str, int]) -> str:
    """The most frequent value; ties go to the alphabetically first, so order never matters."""
    if len(counter) == 1:
        return next(iter(counter))
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _bump(counter: dict[str, int], key: str, n: int = 1) -> None:
    counter[key] = counter.get(key, 0) + n


class _Node:
    """What is known of one actor so far. Slots and plain dicts: a big corpus has many actors."""

    __slots__ = ("aliases", "documents", "ends", "first_date", "iso3", "last_date", "mentions", "names", "ner")

    def __init__(self) -> None:
        self.names: dict[str, int] = {}
        self.ner: dict[str, int] = {}
        self.iso3: str | None = None
        self.aliases: set[str] = set()
        self.mentions = 0  # times the text names the actor (from mentions.jsonl)
        self.ends = 0  # triples that have the actor at one end
        self.documents: set[str] = set()
        self.first_date: str | None = None
        self.last_date: str | None = None

    def add(self, name: str, ner: str, iso3: str | None, text: str, doc_id: str, date: str | None, *,
            mention: bool = False) -> None:
        names, ners = self.names, self.ner  # _bump inlined: this runs twice per triple
        names[name] = names.get(name, 0) + 1
        ners[ner] = ners.get(ner, 0) + 1
        self.iso3 = self.iso3 or iso3
        self.aliases.add(name)
        self.aliases.add(text)
        if mention:
            self.mentions += 1
        else:
            self.ends += 1
        self.documents.add(doc_id)
        if date is not None:
            self.first_date = _min_date(self.first_date, date)
            self.last_date = _max_date(self.last_date, date)

    def merged(self, other: _Node, *, label_votes: bool = True) -> _Node:
        """A new node with both nodes' facts (neither is changed)."""
        out = _Node()
        for part, votes in ((self, True), (other, label_votes)):
            if votes:
                for k, n in part.names.items():
                    _bump(out.names, k, n)
            for k, n in part.ner.items():
                _bump(out.ner, k, n)
            out.iso3 = out.iso3 or part.iso3
            out.aliases |= part.aliases
            out.mentions += part.mentions
            out.ends += part.ends
            out.documents |= part.documents
            out.first_date = _min_date(out.first_date, part.first_date)
            out.last_date = _max_date(out.last_date, part.last_date)
        return out


def _evidence_order(t: Triple) -> tuple[Any, ...]:
    # Undated evidence sorts last; then document order.
    return (t.date or "9999-99-99", t.doc_id, t.sentence_index, t.subject_span, t.object_span)


class _Edge:
    """What is known of one (subject, relation type, object) so far; evidence stays as triples until the end."""

    __slots__ = ("confidence", "count", "documents", "evidence", "first_date", "last_date", "modalities",
                 "relations")

    def __init__(self) -> None:
        self.count = 0
        self.relations: dict[str, int] = {}
        self.modalities: dict[str, int] = {}
        self.confidence = 0.0
        self.documents: set[str] = set()
        self.first_date: str | None = None
        self.last_date: str | None = None
        self.evidence: list[Triple] = []

    def add(self, t: Triple, max_evidence: int) -> None:
        self.count += 1
        relations, modalities = self.relations, self.modalities  # _bump inlined: once per triple
        relations[t.relation] = relations.get(t.relation, 0) + 1
        modalities[t.modality] = modalities.get(t.modality, 0) + 1
        if t.confidence > self.confidence:
            self.confidence = t.confidence
        self.documents.add(t.doc_id)
        if t.date is not None:
            self.first_date = _min_date(self.first_date, t.date)
            self.last_date = _max_date(self.last_date, t.date)
        if max_evidence:
            self.evidence.append(t)
            # Trimming only when the list doubles keeps this amortised O(1) per triple.
            if len(self.evidence) > 2 * max_evidence:
                self.trim(max_evidence)

    def trim(self, max_evidence: int) -> None:
        self.evidence.sort(key=_evidence_order)
        del self.evidence[max_evidence:]

    def merged(self, other: _Edge, max_evidence: int) -> _Edge:
        """A new edge with both edges' facts (neither is changed)."""
        out = _Edge()
        for part in (self, other):
            out.count += part.count
            for k, n in part.relations.items():
                _bump(out.relations, k, n)
            for k, n in part.modalities.items():
                _bump(out.modalities, k, n)
            out.confidence = max(out.confidence, part.confidence)
            out.documents |= part.documents
            out.first_date = _min_date(out.first_date, part.first_date)
            out.last_date = _max_date(out.last_date, part.last_date)
            out.evidence.extend(part.evidence)
        out.trim(max_evidence)
        return out


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


class GraphParts(NamedTuple):
    """A finished graph as streams: what :meth:`GraphBuilder.parts` gives and JSON writers take."""

    attrs: dict[str, Any]
    nodes: Iterator[tuple[str, dict[str, Any]]]
    edges: Iterator[tuple[str, str, str, dict[str, Any]]]


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
        self._documents: dict[str, tuple[str | None, str | None, str | None]] = {}  # title, date, url
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
        nodes = self._nodes
        (nodes.get(u) or nodes.setdefault(u, _Node())).add(t.subject, t.subject_type, t.subject_iso3,
                                                            t.subject_text, t.doc_id, t.date)
        (nodes.get(v) or nodes.setdefault(v, _Node())).add(t.object, t.object_type, t.object_iso3,
                                                            t.object_text, t.doc_id, t.date)
        key = (u, v, edge_key(t.relation_type, t.negated))
        (self._edges.get(key) or self._edges.setdefault(key, _Edge())).add(t, self.max_evidence)
        self._document(t.doc_id, t.doc_title, t.date, t.doc_url)

    def _document(self, doc_id: str, title: str | None, date: str | None, url: str | None) -> None:
        new = (title, date, url)
        old = self._documents.get(doc_id)
        if old is None:
            self._documents[doc_id] = new
        elif old != new:
            # One value per document whatever the order (triples of a document normally agree anyway).
            self._documents[doc_id] = (_min_date(old[0], title), _min_date(old[1], date), _min_date(old[2], url))

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

    def parts(self, *, consume: bool = False) -> GraphParts:
        """The finished graph as its attributes and two streams, nodes and edges in sorted order.

        The builder is left as it was (more triples may be added later) unless ``consume`` is true:
        then its aggregates are handed over one by one as the streams are read, so a writer that
        streams them (``kg build``) never holds the builder and the finished graph both at once.
        """
        renames = self._surname_merges() if self.merge_surnames else {}
        if consume:
            self._seen.clear()
        nodes = self._nodes if consume else dict(self._nodes)
        for short, full in renames.items():
            # The full name keeps its label; the surname stays on as an alias.
            nodes[full] = nodes[full].merged(nodes.pop(short), label_votes=False)
        edges = self._edges if consume else dict(self._edges)
        if renames:
            edges = {}
            for (u, v, key), e in self._edges.items():
                u, v = renames.get(u, u), renames.get(v, v)
                if u != v:
                    old = edges.get((u, v, key))
                    edges[(u, v, key)] = e if old is None else old.merged(e, self.max_evidence)
        attrs = {"kg_version": __version__, "max_evidence": self.max_evidence, "documents": {
            d: dict(zip(("title", "date", "url"), self._documents[d], strict=True)) for d in sorted(self._documents)}}
        return GraphParts(attrs, self._node_items(nodes), self._edge_items(edges))

    @staticmethod
    def _node_items(nodes: dict[str, _Node]) -> Iterator[tuple[str, dict[str, Any]]]:
        for key in sorted(nodes):
            n = nodes.pop(key)
            ner = _most_common(n.ner)
            yield key, {"label": _most_common(n.names), "type": actor_type(ner, n.iso3), "ner": ner,
                        "iso3": n.iso3, "aliases": sorted(n.aliases), "mentions": n.mentions or n.ends,
                        "documents": sorted(n.documents), "first_date": n.first_date, "last_date": n.last_date}

    def _edge_items(self, edges: dict[tuple[str, str, str], _Edge]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        infos: dict[str, RelationType] = {}
        for (u, v, key) in sorted(edges):
            e = edges.pop((u, v, key))
            if len(e.evidence) > 1:
                e.trim(self.max_evidence)
            info = infos.get(key) or infos.setdefault(key, relation_info(key.removesuffix(_NEGATED_SUFFIX)))
            relations = sorted(e.relations, key=lambda r: (-e.relations[r], r)) if len(e.relations) > 1 \
                else list(e.relations)
            yield u, v, key, {
                "relation_type": info.name, "quad_class": info.quad_class, "class_name": info.class_name,
                "intensity": info.intensity, "negated": key.endswith(_NEGATED_SUFFIX), "count": e.count,
                "weight": float(e.count), "relations": relations, "modality": _most_common(e.modalities),
                "confidence": round(e.confidence, 4), "first_date": e.first_date, "last_date": e.last_date,
                "documents": sorted(e.documents), "evidence": [_evidence(t) for t in e.evidence]}

    def graph(self, *, consume: bool = False) -> nx.MultiDiGraph:
        """The finished MultiDiGraph, nodes and edges in sorted order (so every export is reproducible)."""
        attrs, nodes, edges = self.parts(consume=consume)
        g = nx.MultiDiGraph(**attrs)
        g.add_nodes_from(nodes)
        g.add_edges_from(edges)
        return g


def build_graph(triples: Iterable[Triple | DocumentMentions], *,
                max_evidence: int = DEFAULT_MAX_EVIDENCE) -> nx.MultiDiGraph:
    """Merge triples (and, optionally, documents' actor mentions) into a MultiDiGraph.

    See the module docstring for an example.
    """
    return GraphBuilder(max_evidence=max_evidence).update(triples).graph(consume=True)


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
