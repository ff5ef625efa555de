"""GEXF 1.3 export: valid, typed, relations kept apart by kind, integer colours and a timeline."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import networkx as nx
from lxml import etree

from kg.export.flatten import edge_record, graph_schema, node_record
from kg.export.gexf import generate_gexf, write_gexf
from kg.export.layout import compute_layout
from tests.graph_fixtures import (
    GEXF_RNG,
    NASTY_NAME_CLEAN,
    NASTY_SENTENCE_CLEAN,
    sample_graph,
    synthetic_graph,
    xml_validator,
)

GEXF = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
NS = {"x": GEXF, "viz": VIZ}
TYPES = {"integer": int, "long": int, "double": float, "boolean": bool, "string": str}


def _root(G: nx.MultiDiGraph, **kw: Any) -> Any:
    return etree.fromstring("".join(generate_gexf(G, **kw)).encode("utf-8"))


def test_validates_against_the_gexf_relax_ng_schema(tmp_path: Path) -> None:
    schema = xml_validator(GEXF_RNG)
    G = sample_graph()
    static = nx.MultiDiGraph([("a", "b")])
    for path in (write_gexf(G, tmp_path / "g.gexf"),
                 write_gexf(G, tmp_path / "pos.gexf", positions=compute_layout(G)),
                 write_gexf(static, tmp_path / "static.gexf"),
                 write_gexf(synthetic_graph(300, 800), tmp_path / "big.gexf")):
        doc = etree.parse(str(path))
        assert schema.validate(doc), schema.error_log


def test_relations_between_the_same_actors_stay_separate_edges() -> None:
    root = _root(sample_graph())
    edges = root.findall(".//x:edge", NS)
    kinds = sorted(e.get("kind") for e in edges if (e.get("source"), e.get("target")) == ("RUS", "PRK"))
    assert kinds == ["AGREE", "AGREE:negated", "CONSULT"]
    # Gephi merges edges with the same (source, target, kind): there must be none
    triples = [(e.get("source"), e.get("target"), e.get("kind")) for e in edges]
    assert len(set(triples)) == len(triples) == sample_graph().number_of_edges()
    ids = [e.get("id") for e in edges]
    assert len(set(ids)) == len(ids)
    assert all(float(e.get("weight")) > 0 and e.get("label") for e in edges)


def test_viz_colours_are_integers_and_sizes_and_positions_floats() -> None:
    G = sample_graph()
    positions = compute_layout(G)
    root = _root(G, positions=positions)
    colours = root.findall(".//viz:color", NS)
    assert len(colours) == G.number_of_nodes() + G.number_of_edges()
    for c in colours:
        assert all(c.get(ch).isdigit() and 0 <= int(c.get(ch)) <= 255 for ch in "rgb")
    for node in root.iterfind(".//x:node", NS):
        assert float(node.find("viz:size", NS).get("value")) > 0
        pos = node.find("viz:position", NS)
        assert (float(pos.get("x")), float(pos.get("y"))) == positions[node.get("id")]
    assert _root(G).find(".//viz:position", NS) is None  # no layout asked, no positions invented


def test_timeline_from_evidence_dates() -> None:
    G = sample_graph()
    G.nodes["PRK"]["first_date"] = G.nodes["PRK"]["last_date"] = None  # its ties still date it
    root = _root(G)
    graph = root.find("x:graph", NS)
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("defaultedgetype")) == (
        "dynamic", "date", "directed")
    span = {}
    for node in root.iterfind(".//x:node", NS):
        if node.get("start"):
            span[node.get("id")] = (dt.date.fromisoformat(node.get("start")),
                                    dt.date.fromisoformat(node.get("end")))
    assert span["RUS"] == span["PRK"] == (dt.date(2024, 6, 19), dt.date(2024, 6, 20))
    assert "nato" not in span  # no date anywhere: present on the whole timeline
    for edge in root.iterfind(".//x:edge", NS):
        if edge.get("start"):
            start, end = dt.date.fromisoformat(edge.get("start")), dt.date.fromisoformat(edge.get("end"))
            assert start <= end
            for end_node in (edge.get("source"), edge.get("target")):  # no edge outlives its actors
                assert span[end_node][0] <= start and end <= span[end_node][1]
    undated = nx.MultiDiGraph([("a", "b")])
    static = _root(undated).find("x:graph", NS)
    assert static.get("mode") == "static" and static.get("timeformat") is None


def test_attribute_types_are_fixed_per_column_and_values_parse() -> None:
    G = sample_graph()
    G.edges["RUS", "PRK", "CONSULT"]["intensity"] = float("nan")
    root = _root(G)
    declared = {}
    for block in root.iterfind(".//x:attributes", NS):
        for a in block.iterfind("x:attribute", NS):
            assert (block.get("class"), a.get("id")) not in declared
            declared[block.get("class"), a.get("id")] = a.get("type")
    for cls in ("node", "edge"):
        for elem in root.iterfind(f".//x:{cls}", NS):
            for av in elem.iterfind("x:attvalues/x:attvalue", NS):
                type_ = declared[cls, av.get("for")]
                value = av.get("value")
                if TYPES[type_] is int:
                    int(value)
                elif TYPES[type_] is float:
                    assert math.isfinite(float(value))
                elif TYPES[type_] is bool:
                    assert value in ("true", "false")
    consult = root.find(".//x:edge[@id='RUS--CONSULT--PRK']", NS)
    assert "intensity" not in {av.get("for") for av in consult.iterfind(".//x:attvalue", NS)}


def test_networkx_reads_every_node_edge_and_attribute(tmp_path: Path) -> None:
    G = sample_graph()
    H = nx.read_gexf(write_gexf(G, tmp_path / "g.gexf"), version="1.3")
    assert set(H.nodes) == set(G.nodes) and H.number_of_edges() == G.number_of_edges()
    schema = graph_schema(G)
    for n, attrs in G.nodes(data=True):
        got = {k: v for k, v in H.nodes[n].items() if k not in ("label", "viz", "start", "end")}
        assert got == node_record(attrs, schema)
    assert H.nodes["kim_jong_un"]["label"] == NASTY_NAME_CLEAN
    by_id = {d["id"]: d for _, _, d in H.edges(data=True)}
    for u, v, key, attrs in G.edges(keys=True, data=True):
        got = dict(by_id[f"{u}--{key}--{v}"])
        assert got.pop("label") == attrs["relation_type"] and got.pop("weight") == attrs["weight"]
        got = {k: val for k, val in got.items() if k not in ("id", "viz", "start", "end", "kind")}
        assert got == edge_record(key, attrs, schema)
    assert NASTY_SENTENCE_CLEAN in {d.get("first_sentence") for d in by_id.values()}


def test_output_is_byte_identical_for_the_same_graph() -> None:
    G = sample_graph()
    R = nx.MultiDiGraph(**G.graph)
    R.add_nodes_from(reversed(list(G.nodes(data=True))))
    R.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    assert "".join(generate_gexf(G)) == "".join(generate_gexf(R))
