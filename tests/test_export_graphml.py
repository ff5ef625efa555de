"""GraphML export: schema-valid, Gephi-safe (ids, types, weights, colours) and lossless for its readers."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from lxml import etree

from kg.export.flatten import RESERVED_NAMES, edge_kind, graph_schema, node_record
from kg.export.graphml import generate_graphml, write_graphml
from kg.export.layout import compute_layout
from kg.export.pairs import pair_edges
from tests.graph_fixtures import (
    GRAPHML_XSD,
    NASTY_NAME_CLEAN,
    NASTY_SENTENCE_CLEAN,
    sample_graph,
    synthetic_graph,
    xml_validator,
)

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}
NMTOKEN = re.compile(r"[A-Za-z0-9._:\-]+")
GRAPHML_TYPES = {"boolean", "int", "long", "float", "double", "string"}


def _write(tmp_path: Path, G: nx.MultiDiGraph, **kw: Any) -> Path:
    return write_graphml(G, tmp_path / "graph.graphml", **kw)


def _keys(root: Any) -> dict[str, tuple[str, str, str]]:
    return {k.get("id"): (k.get("for"), k.get("attr.name"), k.get("attr.type"))
            for k in root.iterfind("g:key", NS)}


def _data(elem: Any) -> dict[str, str]:
    return {d.get("key"): d.text or "" for d in elem.iterfind("g:data", NS)}


def _pairs(G: nx.MultiDiGraph) -> set[tuple[Any, Any]]:
    return {(u, v) for u, v in G.edges()}


def test_validates_against_the_graphml_schema(tmp_path: Path) -> None:
    schema = xml_validator(GRAPHML_XSD)
    G = sample_graph()
    for path in (_write(tmp_path, G), write_graphml(G, tmp_path / "pos.graphml", positions=compute_layout(G)),
                 write_graphml(synthetic_graph(300, 800), tmp_path / "big.graphml")):
        doc = etree.parse(str(path))
        assert schema.validate(doc), schema.error_log


def test_ids_types_weights_and_colours_are_gephi_safe(tmp_path: Path) -> None:
    G = sample_graph()
    G.add_edge("nato", "PRK", key="SANCTION", relation_type="SANCTION", quad_class=4, count=0, weight=0.0,
               intensity=float("nan"), confidence=float("inf"))
    root = etree.parse(str(_write(tmp_path, G))).getroot()
    keys = _keys(root)
    assert all(NMTOKEN.fullmatch(k) and NMTOKEN.fullmatch(name) and t in GRAPHML_TYPES
               for k, (_, name, t) in keys.items())
    # one declared type per (domain, name): no column that Gephi would split or drop
    assert len({(d, n) for d, n, _ in keys.values()}) == len(keys)
    nodes = root.findall(".//g:node", NS)
    edges = root.findall(".//g:edge", NS)
    node_ids = [n.get("id") for n in nodes]
    edge_ids = [e.get("id") for e in edges]
    assert len(nodes) == G.number_of_nodes() and len(edges) == len(_pairs(G))
    assert len(set(node_ids)) == len(node_ids) and len(set(edge_ids)) == len(edge_ids)
    assert all(NMTOKEN.fullmatch(i) for i in node_ids + edge_ids)
    assert all(e.get("source") in node_ids and e.get("target") in node_ids for e in edges)
    for elem in nodes + edges:
        data = _data(elem)
        for key, text in data.items():
            _, _, type_ = keys[key]
            if type_ in ("int", "long"):
                int(text)
            elif type_ in ("double", "float"):
                assert math.isfinite(float(text)), (key, text)
            elif type_ == "boolean":
                assert text in ("true", "false")
        prefix = "n" if elem in nodes else "e"
        assert all(0 <= int(data[f"{prefix}_{c}"]) <= 255 for c in "rgb")
        if prefix == "e":
            assert float(data["e_weight"]) > 0
            assert data["e_label"]  # the relation type is drawn on the edge
        else:
            assert float(data["n_size"]) > 0 and data["n_label"]


def test_data_columns_avoid_gephi_special_names() -> None:
    G = sample_graph()
    G.nodes["RUS"]["color"] = "red"  # an unknown attribute named like a Gephi visual property
    G.nodes["RUS"]["score"] = 1
    G.nodes["PRK"]["score"] = 2.5  # mixed int/float: one double column, not two keys
    schema = graph_schema(G)
    names = [c.name for c in schema.nodes + schema.edges]
    assert not any(n.lower() in RESERVED_NAMES for n in names)
    assert "actor_type" in names and "attr_color" in names
    assert {c.name: c.type for c in schema.nodes}["score"] == "double"
    text = "".join(generate_graphml(G))
    assert 'attr.name="score" attr.type="double"' in text


def test_networkx_reads_every_node_edge_and_attribute(tmp_path: Path) -> None:
    G = sample_graph()
    positions = compute_layout(G)
    H = nx.read_graphml(_write(tmp_path, G, positions=positions), force_multigraph=True)
    assert set(H.nodes) == set(G.nodes)
    schema = graph_schema(G)
    for n, attrs in G.nodes(data=True):
        got = dict(H.nodes[n])
        assert (got.pop("x"), got.pop("y")) == positions[n]
        assert {"label", "r", "g", "b", "size"} <= got.keys()
        for name in ("label", "r", "g", "b", "size"):
            got.pop(name)
        assert got == node_record(attrs, schema)
    by_id = {k: d for _, _, k, d in H.edges(keys=True, data=True)}
    assert H.number_of_edges() == len(_pairs(G))
    for u, v in _pairs(G):
        got = by_id[f"{u}--{v}"]
        relations = {k: d for k, d in G[u][v].items()}
        keys = [edge_kind(k, a) for k, a in relations.items()]
        assert sorted(got["relation_types"].split(" | ")) == sorted(keys)
        assert got["relation_count"] == len(keys) == len(got["relation_counts"].split(" | "))
        assert got["count"] == sum(a["count"] for a in relations.values())
        assert got["weight"] == sum(a["weight"] for a in relations.values())
        assert got["label"] == got["relation_types"]
    consult = by_id["RUS--PRK"]
    assert consult["relation_counts"] == "CONSULT=3 | AGREE=1 | AGREE:negated=1"
    assert (consult["verbal_cooperation"], consult["negated_count"], consult["relation_type"]) == (5, 1, "CONSULT")
    assert not any(key.startswith("g_") for key in _keys(etree.parse(str(_write(tmp_path, G))).getroot()))
    assert "kg 0.1.0" in etree.parse(str(_write(tmp_path, G))).getroot().findtext("g:graph/g:desc", "", NS)


def test_names_and_sentences_survive_markup_emoji_and_control_characters(tmp_path: Path) -> None:
    H = nx.read_graphml(_write(tmp_path, sample_graph()), force_multigraph=True)
    assert H.nodes["kim_jong_un"]["label"] == NASTY_NAME_CLEAN
    sentences = {d.get("first_sentence") for _, _, d in H.edges(data=True)}
    assert NASTY_SENTENCE_CLEAN in sentences  # CR, LF, tab, <, &, quotes and emoji intact


@pytest.mark.parametrize("text", ["<![CDATA[", "<![CDATA[\r", "]]>", "a]]]>>\r<", "\r\r&\r", "<![CDATA[]]>"])
def test_text_that_looks_like_cdata_markup_reads_back_whole(text: str) -> None:
    # hypothesis found a title "<![CDATA[" that an earlier escaper cut into an unclosed section
    from kg.export.xmltext import xml_cdata

    assert etree.fromstring(f"<a>{xml_cdata(text)}</a>".encode()).text == text


def test_igraph_reads_the_same_counts(tmp_path: Path) -> None:
    igraph = pytest.importorskip("igraph")  # GPL: a test-only check that a second reader agrees
    G = synthetic_graph(500, 1500)
    g = igraph.Graph.Read_GraphML(str(write_graphml(G, tmp_path / "g.graphml")))
    assert (g.vcount(), g.ecount()) == (G.number_of_nodes(), len(_pairs(G)))
    assert g.is_directed()
    h = igraph.Graph.Read_GraphML(str(_write(tmp_path, sample_graph())))
    assert NASTY_NAME_CLEAN in h.vs["label"]


def test_output_is_byte_identical_whatever_the_insertion_order() -> None:
    G = sample_graph()
    R = nx.MultiDiGraph(**G.graph)
    R.add_nodes_from(reversed(list(G.nodes(data=True))))
    R.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    assert "".join(generate_graphml(G)) == "".join(generate_graphml(R))


def test_edge_ids_do_not_change_when_the_graph_grows() -> None:
    G = sample_graph()
    before = set(re.findall(r'<edge id="([^"]+)"', "".join(generate_graphml(G))))
    G.add_edge("nato", "PRK", key="ACCUSE", relation_type="ACCUSE", count=1, weight=1.0)
    G.add_edge("RUS", "PRK", key="AID", relation_type="AID", count=1, weight=1.0)  # a known pair
    after = set(re.findall(r'<edge id="([^"]+)"', "".join(generate_graphml(G))))
    assert before < after and after - before == {"nato--PRK"}


def test_node_ids_that_are_not_nmtokens_are_cleaned_and_stay_unique(tmp_path: Path) -> None:
    G = nx.MultiDiGraph()
    G.add_edge("São Paulo", "Sao_Paulo", key=0)
    G.add_edge("São Paulo", 42, key=0)
    root = etree.parse(str(_write(tmp_path, G))).getroot()
    ids = [n.get("id") for n in root.iterfind(".//g:node", NS)]
    assert sorted(ids) == ["42", "Sao_Paulo", "Sao_Paulo.2"]
    labels = {_data(n)["n_label"] for n in root.iterfind(".//g:node", NS)}
    assert labels == {"São Paulo", "Sao_Paulo", "42"}  # the original id is kept as the label
    assert all(e.get("source") in ids and e.get("target") in ids for e in root.iterfind(".//g:edge", NS))


def test_a_graph_built_by_kg_graph_exports(tmp_path: Path, make_triple: Any) -> None:
    from kg.graph.build import build_graph

    G = build_graph([make_triple(), make_triple(relation_type="SANCTION"),
                     make_triple(relation_type="ASSAULT", negated=True, sentence_index=1),
                     make_triple("Vladimir Putin", "LEADER_OF", "Russia", subject_type="PERSON", date=None)])
    H = nx.read_graphml(_write(tmp_path, G), force_multigraph=True)
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), len(_pairs(G))) == (3, 2)
    types = {t for _, _, d in H.edges(data=True) for t in d["relation_types"].split(" | ")}
    assert types == {"ASSAULT", "ASSAULT:negated", "SANCTION", "LEADER_OF"}


@pytest.mark.model
def test_the_seed_exports_to_files_every_reader_accepts(tmp_path: Path, nlp: Any) -> None:
    """Issue 5's acceptance check on the real seed article (the wikinews run is in benchmarks/)."""
    from kg.api import build_graph, extract, read_documents
    from kg.export.gexf import write_gexf
    from tests.conftest import SEEDS
    from tests.graph_fixtures import GEXF_RNG

    G = build_graph(extract(read_documents(SEEDS), nlp=nlp))
    assert G.number_of_edges() > 0
    graphml = write_graphml(G, tmp_path / "seed.graphml", positions=compute_layout(G))
    gexf = write_gexf(G, tmp_path / "seed.gexf", positions=compute_layout(G))
    if GRAPHML_XSD.is_file() and GEXF_RNG.is_file():
        assert xml_validator(GRAPHML_XSD).validate(etree.parse(str(graphml)))
        assert xml_validator(GEXF_RNG).validate(etree.parse(str(gexf)))
    H = nx.read_graphml(graphml, force_multigraph=True)
    X = nx.read_gexf(gexf, version="1.3")
    counts = (G.number_of_nodes(), G.number_of_edges())
    assert (X.number_of_nodes(), X.number_of_edges()) == counts
    assert (H.number_of_nodes(), H.number_of_edges()) == (counts[0], len(_pairs(G)))
    assert sum(d["relation_count"] for _, _, d in H.edges(data=True)) == counts[1]  # every relation kept
    edges = etree.parse(str(gexf)).getroot().findall(".//{http://gexf.net/1.3}edge")
    kinds = [(e.get("source"), e.get("target"), e.get("kind")) for e in edges]
    assert len(set(kinds)) == len(kinds) == counts[1]  # Gephi merges none of them
    assert all(d["weight"] > 0 for _, _, d in X.edges(data=True))


# -- what Gephi's own importer does with the file ---------------------------------------------------------

_EVENT = re.compile(r"<!\[CDATA\[(.*?)\]\]>|&(#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);", re.S)
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _gephi_text(raw: str) -> str:
    """Element content as ImporterGraphML reads it from the JDK's StAX parser.

    Measured on OpenJDK 17 (see examples/GEPHI.md): an entity or character reference is a CHARACTERS
    event of its own, a CDATA section one CHARACTERS event, plain text runs one event; Gephi appends
    every event but the whitespace-only ones.
    """
    events, pos = [], 0
    for m in _EVENT.finditer(raw):
        events.append(raw[pos:m.start()])
        if m.group(1) is not None:
            events.append(m.group(1))
        else:
            ref = m.group(2)
            events.append(_ENTITIES.get(ref) or chr(int(ref[2:], 16) if ref[1] == "x" else int(ref[1:])))
        pos = m.end()
    events.append(raw[pos:])
    return "".join(e for e in events if e and not e.isspace())


def _raw_data(text: str) -> dict[tuple[str, str], str]:
    """(element id, key) -> the raw content of each <data>, straight from the file's text."""
    out: dict[tuple[str, str], str] = {}
    for elem in re.finditer(r'<(?:node|edge) id="([^"]+)"[^>]*>(.*?)</(?:node|edge)>', text, re.S):
        for d in re.finditer(r'<data key="([^"]+)">(.*?)</data>', elem.group(2), re.S):
            out[elem.group(1), d.group(1)] = d.group(2)
    return out


def test_gephi_reads_text_with_markup_whole(tmp_path: Path) -> None:
    G = sample_graph()
    G.nodes["nato"]["label"] = "NATO & <allies> ]]> & > <"  # spaces between escapes: what Gephi used to drop
    text = "".join(generate_graphml(G))
    H = nx.read_graphml(_write(tmp_path, G), force_multigraph=True)
    raw = _raw_data(text)
    assert _gephi_text(raw["nato", "n_label"]) == "NATO & <allies> ]]> & > <" == H.nodes["nato"]["label"]
    assert _gephi_text(raw["kim_jong_un", "n_label"]) == NASTY_NAME_CLEAN
    # every string value but a carriage return (XML cannot put one in CDATA) reaches Gephi as networkx reads it
    for (elem_id, key), content in raw.items():
        name = key[2:]
        value = H.nodes[elem_id].get(name) if key.startswith("n_") else None
        if isinstance(value, str):
            assert _gephi_text(content) == value.replace("\r", ""), (elem_id, key)
    sentence = next(c for (e, k), c in raw.items() if e == "RUS--PRK" and k == "e_first_sentence")
    assert _gephi_text(sentence) == NASTY_SENTENCE_CLEAN.replace("\r", "")


def test_no_two_edges_are_merged_by_gephis_default_import(tmp_path: Path) -> None:
    """Gephi reads no edge type from GraphML: two edges with the same ends would be summed into one."""
    for G in (sample_graph(), synthetic_graph(300, 900)):
        root = etree.parse(str(_write(tmp_path, G))).getroot()
        ends = [(e.get("source"), e.get("target")) for e in root.iterfind(".//g:edge", NS)]
        assert len(ends) == len(set(ends)) == len(_pairs(G))
        kept = sum(int(_data(e)["e_relation_count"]) for e in root.iterfind(".//g:edge", NS))
        assert kept == G.number_of_edges()  # every relation is still in the file, on its pair's edge
        assert len(pair_edges(G, {n: n for n in G})) == len(ends)


def test_no_graph_level_key_for_gephi_to_reject(tmp_path: Path) -> None:
    root = etree.parse(str(_write(tmp_path, sample_graph()))).getroot()
    assert {k.get("for") for k in root.iterfind("g:key", NS)} == {"node", "edge"}


def test_gephis_own_reader_gets_every_value_networkx_gets(tmp_path: Path) -> None:
    """The JDK's StAX parser in Gephi's reading loop (tests/java/GephiGraphml.java), when a JDK is installed."""
    import shutil
    import subprocess

    if shutil.which("javac") is None:
        pytest.skip("needs a JDK (Debian: default-jdk-headless)")
    subprocess.run(["javac", "-d", str(tmp_path), str(Path(__file__).parent / "java" / "GephiGraphml.java")],
                   check=True, capture_output=True)
    G = sample_graph()
    G.nodes["nato"]["label"] = "NATO & <allies> ]]> & > <"
    path = _write(tmp_path, G)
    run = subprocess.run(["java", "-cp", str(tmp_path), "GephiGraphml", str(path)], check=True, capture_output=True)
    gephi = {(e, k): v for e, k, v in (r.split("\x1f") for r in run.stdout.decode("utf-8").split("\x1e") if r)}
    root = etree.parse(str(path)).getroot()
    lxml = {(elem.get("id"), d.get("key")): d.text or ""
            for elem in root.iterfind(".//g:graph/*", NS) for d in elem.iterfind("g:data", NS)}
    assert gephi.keys() == lxml.keys()
    # everything equal but a carriage return, which no CDATA section can carry
    assert {k: v.replace("\r", "") for k, v in lxml.items()} == gephi
    assert gephi["nato", "n_label"] == "NATO & <allies> ]]> & > <"
