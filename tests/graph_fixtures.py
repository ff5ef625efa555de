"""Graphs shaped like kg.graph.build's output, built by hand, for the export and layout tests.

A plain module (not a conftest) so any test or benchmark can import it:
``from tests.graph_fixtures import sample_graph``. ``sample_graph`` follows the spec's schema
exactly and packs the strings that break exporters (markup characters, quotes, emoji, control
characters, CR/LF) and two relations of different types between the same pair of actors;
``synthetic_graph`` makes a large graph of the same shape for scale tests and benchmarks.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import networkx as nx

#: The shared folder beside the repository (schemas, corpora), absent on some machines.
SHARED = Path(__file__).resolve().parents[2] / "shared"
GRAPHML_XSD = SHARED / "schemas" / "graphml-1.0" / "graphml.xsd"
GEXF_RNG = SHARED / "schemas" / "gexf-1.3" / "gexf.rng"

#: A name and a sentence that have broken real exporters. The control characters (NUL, BEL, ESC,
#: U+FFFE) must disappear; everything else, emoji and CR/LF included, must survive.
NASTY_NAME = 'Kim "Jong" <Un> & Co\x00\x07 🇰🇵'
NASTY_NAME_CLEAN = 'Kim "Jong" <Un> & Co 🇰🇵'
NASTY_SENTENCE = "Putin & Kim signed a <pact> in \"Pyongyang\"\r\n\twith 'quotes' 🤝\x1b\ufffe ]]> =1+1."
NASTY_SENTENCE_CLEAN = "Putin & Kim signed a <pact> in \"Pyongyang\"\r\n\twith 'quotes' 🤝 ]]> =1+1."

_QUADS = {"CONSULT": (1, "verbal cooperation", 2.5), "AGREE": (1, "verbal cooperation", 2.5),
          "AID": (2, "material cooperation", 10.0), "ACCUSE": (3, "verbal conflict", -3.0),
          "ASSAULT": (4, "material conflict", -9.0), "LEADER_OF": (0, "standing", 0.0),
          "RELATED": (0, "related", 0.0), "SANCTION": (4, "material conflict", -6.0)}


def _node(label: str, type_: str, ner: str, iso3: str | None, aliases: list[str], mentions: int,
          documents: list[str], first: str | None, last: str | None) -> dict[str, Any]:
    return {"label": label, "type": type_, "ner": ner, "iso3": iso3, "aliases": aliases,
            "mentions": mentions, "documents": documents, "first_date": first, "last_date": last}


def _evidence(doc_id: str, sentence: str, date: str | None, *, index: int = 0) -> dict[str, Any]:
    return {"doc_id": doc_id, "sentence_index": index, "sentence": sentence, "sentence_start": 0,
            "subject_text": sentence.split()[0], "subject_span": [0, 5], "object_text": "x",
            "object_span": [10, 11], "relation": "sign", "date": date, "title": f"Title of {doc_id}",
            "url": f"https://example.org/{doc_id}?a=1&b=2", "confidence": 0.8, "modality": "asserted"}


def _edge(relation_type: str, count: int, first: str | None, last: str | None, documents: list[str],
          evidence: list[dict[str, Any]], *, negated: bool = False, relations: list[str] | None = None
          ) -> dict[str, Any]:
    quad, name, intensity = _QUADS[relation_type]
    return {"relation_type": relation_type, "quad_class": quad, "class_name": name,
            "intensity": intensity, "negated": negated, "count": count, "weight": float(count),
            "relations": relations or ["meet"], "modality": "asserted", "confidence": 0.8,
            "first_date": first, "last_date": last, "documents": documents, "evidence": evidence}


def sample_graph() -> nx.MultiDiGraph:
    """Five actors, seven relations; RUS->PRK has CONSULT, AGREE and a denied AGREE."""
    G = nx.MultiDiGraph(kg_version="0.1.0", max_evidence=5, documents={
        "d1": {"title": "Putin visits <Pyongyang>", "date": "2024-06-19", "url": "https://example.org/d1"},
        "d2": {"title": None, "date": "2024-06-20", "url": None}})
    G.add_node("RUS", **_node("Russia", "state", "GPE", "RUS", ["Moscow", "Russia"], 5, ["d1", "d2"],
                              "2024-06-19", "2024-06-20"))
    G.add_node("PRK", **_node("North Korea", "state", "GPE", "PRK", ["North Korea", "Pyongyang"], 4,
                              ["d1", "d2"], "2024-06-19", "2024-06-20"))
    G.add_node("vladimir_putin", **_node("Vladimir Putin", "person", "PERSON", None,
                                         ["Putin", "Vladimir Putin"], 3, ["d1"], "2024-06-19", "2024-06-19"))
    G.add_node("kim_jong_un", **_node(NASTY_NAME, "person", "PERSON", None, [NASTY_NAME, "Kim"], 2,
                                      ["d1"], "2024-06-19", "2024-06-19"))
    G.add_node("nato", **_node("NATO", "organisation", "ORG", None, ["NATO"], 1, ["d2"], None, None))
    ev1 = _evidence("d1", NASTY_SENTENCE, "2024-06-19")
    ev2 = _evidence("d2", "Russia and North Korea agreed to cooperate.", "2024-06-20")
    G.add_edge("RUS", "PRK", key="CONSULT", **_edge("CONSULT", 3, "2024-06-19", "2024-06-20", ["d1", "d2"],
                                                    [ev1, ev2], relations=["visit", "meet"]))
    G.add_edge("RUS", "PRK", key="AGREE", **_edge("AGREE", 1, "2024-06-20", "2024-06-20", ["d2"], [ev2]))
    G.add_edge("RUS", "PRK", key="AGREE:negated", **_edge("AGREE", 1, "2024-06-20", "2024-06-20", ["d2"],
                                                          [ev2], negated=True))
    G.add_edge("vladimir_putin", "RUS", key="LEADER_OF",
               **_edge("LEADER_OF", 2, "2024-06-19", "2024-06-19", ["d1"], [ev1]))
    G.add_edge("kim_jong_un", "PRK", key="LEADER_OF",
               **_edge("LEADER_OF", 1, "2024-06-19", "2024-06-19", ["d1"], [ev1]))
    G.add_edge("nato", "RUS", key="ACCUSE", **_edge("ACCUSE", 1, None, None, ["d2"],
                                                    [_evidence("d2", "NATO accused Russia.", None)]))
    G.add_edge("PRK", "RUS", key="RELATED", **_edge("RELATED", 1, "2024-06-19", "2024-06-19", ["d1"], []))
    return G


def synthetic_graph(n_nodes: int = 3000, n_edges: int = 9000, *, seed: int = 7) -> nx.MultiDiGraph:
    """A kg-shaped graph of ``n_nodes`` actors and about ``n_edges`` relations (preferential attachment)."""
    rng = random.Random(seed)
    types = ["state", "person", "organisation", "place", "group"]
    relation_types = sorted(_QUADS)
    G = nx.MultiDiGraph(kg_version="0.1.0", max_evidence=5,
                        documents={f"doc{i}": {"title": f"Doc {i}", "date": None, "url": None}
                                   for i in range(n_nodes // 3)})
    nodes = [f"actor_{i:05d}" for i in range(n_nodes)]
    for i, n in enumerate(nodes):
        day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        G.add_node(n, **_node(f"Actor {i} <&>", types[i % 5], "ORG", None, [f"Actor {i}", f"A{i}"],
                              1 + i % 17, [f"doc{i % max(1, n_nodes // 3)}"], day, day))
    ends: list[str] = nodes[:2]
    edges = 0  # counted here: number_of_edges() walks the whole graph on every call
    while edges < n_edges:
        u = rng.choice(nodes) if rng.random() < 0.5 else rng.choice(ends)
        v = rng.choice(ends) if rng.random() < 0.7 else rng.choice(nodes)
        if u == v:
            continue
        rel = rng.choice(relation_types)
        count = rng.randint(1, 6)
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        evidence = [_evidence(f"doc{k}", f"Sentence {k} about {u} & {v}.", day, index=k)
                    for k in range(min(count, 5))]
        edges += not G.has_edge(u, v, key=rel)
        G.add_edge(u, v, key=rel, **_edge(rel, count, day, day, [e["doc_id"] for e in evidence], evidence))
        ends.extend((u, v))
    return G


def xml_validator(schema: Path) -> Any:
    """An lxml validator for a shared schema (XSD or RELAX NG), or a pytest skip when it is absent.

    lxml resolves the schemas' includes from the local folder; ``no_network`` makes sure nothing is
    ever fetched.
    """
    import pytest
    from lxml import etree

    if not schema.is_file():
        pytest.skip(f"{schema} is absent (the shared schemas beside the repository)")
    parser = etree.XMLParser(no_network=True)
    doc = etree.parse(str(schema), parser)
    return etree.RelaxNG(doc) if schema.suffix == ".rng" else etree.XMLSchema(doc)
