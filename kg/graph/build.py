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

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import MISSING, fields
from operator import attrgetter, itemgetter
from sys import intern
from typing import Any, NamedTuple

import networkx as nx

from kg import __version__
from kg.actor_fixes import ActorFixes
from kg.graph.aggregate import UNDATED, ActorSummary, Row, TieSummary, min_date
from kg.graph.metrics import projection_metrics, tie_projection
from kg.graph.resolve import resolve_actors
from kg.graph.stream import NEGATED_SUFFIX, EdgeKey, actor_type, edge_items, node_items
from kg.records import DocumentMentions, Triple

__all__ = ["DEFAULT_MAX_EVIDENCE", "GraphBuilder", "GraphParts", "actor_type", "build_graph", "edge_key",
           "top_actors", "top_ties"]

#: Evidence sentences kept per edge unless told otherwise.
DEFAULT_MAX_EVIDENCE = 5

_NEGATED_SUFFIX = NEGATED_SUFFIX
# What the builder reads of a triple, in this order (a Triple's attributes or its JSON object's keys).
_VALUES = ("doc_id", "sentence_index", "sentence", "subject", "subject_type", "subject_text", "subject_span",
           "relation", "relation_type", "object", "object_type", "object_text", "object_span", "negated",
           "modality", "confidence", "date", "subject_id", "object_id", "subject_iso3", "object_iso3",
           "sentence_start", "doc_title", "doc_url", "event_date", "event_date_precision", "location",
           "location_iso3")
_triple_values = attrgetter(*_VALUES)
_record_values = itemgetter(*_VALUES)
_subject, _object = itemgetter(0), itemgetter(1)  # of a tie's key
_OPTIONAL = {f.name: f.default for f in fields(Triple) if f.name in _VALUES and f.default is not MISSING}


def edge_key(relation_type: str, negated: bool) -> str:
    """The key of an edge in the MultiDiGraph: a denied relation is an edge of its own."""
    return relation_type + _NEGATED_SUFFIX if negated else relation_type


def _shared(value: Any) -> Any:
    """One object for all the equal strings the builder keeps in many rows, sets and keys (``sys.intern``:
    a million triples peak at 893 MiB instead of 1,167); anything else is kept as it is."""
    return intern(value) if value.__class__ is str else value


def _node_key(name: str, key: str | None) -> str:
    if key:
        return key
    from kg.actors import actor_key  # only triples written without ids need it

    return actor_key(name, None)


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for a big merge (it is switched back on after, if it was on).

    The builder makes no reference cycles, so the collector only costs time: with a million triples it
    walked the growing aggregates again and again (the merge took 47 s instead of 38 s), and walks them
    again the first few times it runs after they are built (the actors' pass took 5.8 s instead of
    0.9 s). Plain reference counting still frees everything that is dropped.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class GraphParts(NamedTuple):
    """A finished graph as streams: what :meth:`GraphBuilder.parts` gives and JSON writers take."""

    attrs: dict[str, Any]
    nodes: Iterator[tuple[str, dict[str, Any]]]
    edges: Iterator[tuple[str, str, str, dict[str, Any]]]


class GraphBuilder:
    """Aggregate triples one at a time; :meth:`graph` gives the finished MultiDiGraph.

    A triple comes as a :class:`~kg.records.Triple` (:meth:`add`) or as its JSON object
    (:meth:`add_record`, what ``kg build`` reads; see :mod:`kg.graph.aggregate` for why).

    >>> builder = GraphBuilder(max_evidence=2)
    >>> builder.graph().number_of_nodes()
    0
    """

    def __init__(self, *, max_evidence: int = DEFAULT_MAX_EVIDENCE, merge_surnames: bool = True,
                 fixes: ActorFixes | None = None) -> None:
        if max_evidence < 0:
            raise ValueError("max_evidence must be >= 0")
        self.max_evidence = max_evidence
        self.merge_surnames = merge_surnames  # the automatic merges of kg.graph.resolve
        self.fixes = fixes  # the analyst's actors file
        self._nodes: dict[str, ActorSummary] = {}
        # A tie's evidence rows, and for the ties seen more than 2 x max_evidence times their counts.
        self._rows: dict[EdgeKey, list[Row]] = {}
        self._summaries: dict[EdgeKey, TieSummary] = {}
        self._documents: dict[str, tuple[Any, Any, Any, str]] = {}  # title, date, url, the id's string
        self._seen: set[int] = set()
        self._seen_mentions: set[str] = set()
        self.triples_read = 0
        self.duplicates = 0

    def add(self, t: Triple) -> None:
        """Merge one triple in; a triple seen before (same document, sentence, spans, type) is ignored."""
        if self.fixes is not None:  # the analyst's names: from the triple's words, per end
            self.add_record(t.to_dict())
            return
        self._add(_triple_values(t))

    def add_record(self, d: dict[str, Any]) -> None:
        """Merge one triple given as its JSON object (spans as lists or tuples; optional keys may be missing)."""
        if self.fixes is not None:
            fixed = self.fixes.apply_triple({**_OPTIONAL, **d})
            if fixed is None:  # an end the analyst discards: no tie
                return
            d = fixed
        try:
            values = _record_values(d)  # one C call: kg's own writer always writes every key
        except KeyError:
            values = _record_values({**_OPTIONAL, **d})  # a required key missing still raises
        self._add(values)

    def _add(self, values: tuple[Any, ...]) -> None:
        (doc_id, sentence_index, sentence, subject, subject_type, subject_text, ss, relation, relation_type, obj,
         object_type, object_text, os_, negated, modality, confidence, date, sid, oid, subject_iso3, object_iso3,
         sentence_start, doc_title, doc_url, event_date, event_precision, location, location_iso3) = values
        self.triples_read += 1
        identity = hash((doc_id, sentence_index, ss[0], ss[1], os_[0], os_[1], relation_type, negated, sid, oid))
        if identity in self._seen:
            self.duplicates += 1
            return
        self._seen.add(identity)
        u, v = sid or _node_key(subject, None), oid or _node_key(obj, None)
        if u == v:  # a self-loop says nothing about ties between actors
            return
        # One string object per value that repeats over the triples (see _shared): the document's from the
        # document's entry (its first triple's, when this one agrees), the others interned.
        old = self._documents.get(doc_id)
        if old is not None and old[1] == date and old[0] == doc_title and old[2] == doc_url:
            doc_title, date, doc_url, doc_id = old
        else:
            doc_title, date, doc_url, doc_id = _shared(doc_title), _shared(date), _shared(doc_url), _shared(doc_id)
            self._document(doc_id, doc_title, date, doc_url)
        try:
            u, v, subject_text, object_text, relation, relation_type, modality = (
                intern(u), intern(v), intern(subject_text), intern(object_text), intern(relation),
                intern(relation_type), intern(modality))
        except TypeError:  # a value that is no string (never in kg's own files): kept as it is
            u, v, subject_text, object_text, relation, relation_type, modality = map(
                _shared, (u, v, subject_text, object_text, relation, relation_type, modality))
        if event_date is None:
            first = last = date
        else:  # the sentence's own date, both ends of a span ("1947/1991")
            first, _, last = event_date.partition("/")
            last = last or first
        nodes = self._nodes
        node = nodes.get(u) or nodes.setdefault(u, ActorSummary())
        node.add_end(subject, subject_type, subject_iso3, subject_text, doc_id, first, last)
        node = nodes.get(v) or nodes.setdefault(v, ActorSummary())
        node.add_end(obj, object_type, object_iso3, object_text, doc_id, first, last)
        key = (u, v, intern(relation_type + _NEGATED_SUFFIX) if negated else relation_type)
        rows = self._rows.get(key)
        if rows is None:
            rows = self._rows[key] = []
        # An evidence row, laid out as kg.graph.aggregate describes: the order it is kept in, then the item.
        rows.append((first or UNDATED, doc_id, sentence_index, ss, os_, sentence, sentence_start, subject_text,
                     object_text, relation, date, doc_title, doc_url, confidence, modality, event_date,
                     event_precision, location, location_iso3, first, last))
        if len(rows) > 2 * self.max_evidence:  # folding only when the list doubles: amortised O(1)
            self._complete(key, rows, self._summaries)

    def _document(self, doc_id: str, title: str | None, date: str | None, url: str | None) -> None:
        old = self._documents.get(doc_id)
        if old is None:
            self._documents[doc_id] = (title, date, url, doc_id)
        else:
            # One value per document whatever the order (triples of a document normally agree anyway).
            self._documents[doc_id] = (min_date(old[0], title), min_date(old[1], date), min_date(old[2], url), old[3])

    def add_mentions(self, record: DocumentMentions) -> None:
        """Count the actors a document names, so actors without any tie still get their node."""
        if record.doc_id in self._seen_mentions:  # the same document again changes nothing
            return
        self._seen_mentions.add(record.doc_id)
        mentions = record.mentions if self.fixes is None else self.fixes.fix_mentions(record.mentions)
        for m in mentions:
            self._nodes.setdefault(_node_key(m.name, m.key), ActorSummary()).add(
                m.name, m.type, m.iso3, m.text, record.doc_id, record.date, mention=True)
        if record.mentions:
            self._document(record.doc_id, record.doc_title, record.date, record.doc_url)

    def update(self, records: Iterable[Triple | DocumentMentions | dict[str, Any]]) -> GraphBuilder:
        """Add triples (or their JSON objects) and documents' mentions, in any order."""
        with cycle_collector_paused():
            add_record = self.add_record
            for r in records:
                if isinstance(r, dict):
                    add_record(r)
                elif isinstance(r, Triple):
                    self.add(r)
                else:
                    self.add_mentions(r)
        return self

    def parts(self, *, consume: bool = False) -> GraphParts:
        """The finished graph as its attributes and two streams, nodes and edges in sorted order.

        Unless ``consume`` is true the builder still describes the same triples afterwards (more may be
        added); with it, its aggregates are handed over one by one as the streams are read, so a writer
        that streams them (``kg build``) never holds the builder and the finished graph both at once.
        """
        res = resolve_actors(self._nodes, self.fixes, automatic=self.merge_surnames)
        renames = res.renames
        if consume:
            self._seen.clear()
        else:  # count every row now, so that reading the ties below changes nothing the builder knows
            for key, tie_rows in self._rows.items():
                self._complete(key, tie_rows, self._summaries)
        nodes = self._nodes if consume else dict(self._nodes)
        for short, full in renames.items():
            # The full name keeps its label; the surname stays on as an alias.
            nodes[full] = nodes[full].merged(nodes.pop(short), label_votes=False) if full in nodes else \
                nodes.pop(short)
        rows, summaries = (self._rows, self._summaries) if consume else (dict(self._rows), dict(self._summaries))
        if renames:
            rows, summaries = self._renamed(rows, summaries, renames)
        documents = self._documents
        attrs = {"kg_version": __version__, "max_evidence": self.max_evidence, "documents": {
            d: {"title": documents[d][0], "date": documents[d][1], "url": documents[d][2]} for d in sorted(documents)}}
        metrics = projection_metrics(tie_projection(
            nodes, map(_subject, rows), map(_object, rows), map(_reports, rows.values(), map(summaries.get, rows)),
            len(rows)))
        return GraphParts(attrs, node_items(nodes, res.fixes, metrics),
                          edge_items(rows, summaries, max_evidence=self.max_evidence))

    def _renamed(self, rows: dict[EdgeKey, list[Row]], summaries: dict[EdgeKey, TieSummary],
                 renames: dict[str, str]) -> tuple[dict[EdgeKey, list[Row]], dict[EdgeKey, TieSummary]]:
        """The ties with merged actors renamed; ties that now coincide are merged."""
        out_rows: dict[EdgeKey, list[Row]] = {}
        out_summaries: dict[EdgeKey, TieSummary] = {}
        for (u, v, k), tie_rows in rows.items():
            key = (renames.get(u, u), renames.get(v, v), k)
            if key[0] == key[1]:
                continue
            if key not in out_rows:
                out_rows[key] = tie_rows
                if (u, v, k) in summaries:
                    out_summaries[key] = summaries[(u, v, k)]
                continue
            # Both ties counted in full first, so the merged summary covers every row of each.
            a = self._complete(key, out_rows[key], out_summaries)
            b = self._complete((u, v, k), tie_rows, summaries)
            merged = out_summaries[key] = a.merged(b)
            out_rows[key] = out_rows[key] + tie_rows
            merged.kept = len(out_rows[key])
        return out_rows, out_summaries

    def _complete(self, key: EdgeKey, rows: list[Row], summaries: dict[EdgeKey, TieSummary]) -> TieSummary:
        """The tie's summary with every row counted (its rows trimmed to the evidence cap)."""
        summary = summaries.get(key) or TieSummary()
        summaries[key] = summary.fold(rows, max_evidence=self.max_evidence)
        return summary

    def graph(self, *, consume: bool = False) -> nx.MultiDiGraph:
        """The finished MultiDiGraph, nodes and edges in sorted order (so every export is reproducible)."""
        attrs, nodes, edges = self.parts(consume=consume)
        g = nx.MultiDiGraph(**attrs)
        g.add_nodes_from(nodes)
        g.add_edges_from(edges)
        return g


def _reports(rows: list[Row], summary: TieSummary | None) -> int:
    """How many triples a tie rests on, folded or not, without folding it."""
    return len(rows) if summary is None else summary.count + len(rows) - summary.kept


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
