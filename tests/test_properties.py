"""Property-based tests: any Unicode text, through every stage, gives valid and reproducible outputs.

Two families:

* the whole pipeline on generated articles (real model, few examples): text written to a file in
  any of kg's input formats, read, parsed, extracted, merged and exported. Every triple's spans
  point at its words; the JSON reads back; the GraphML passes the GraphML 1.0 XML Schema and the
  GEXF the GEXF 1.3 RELAX NG schema; the HTML page has exactly the elements and attributes of kg's
  template, the input appearing only as data in its JSON block;
* the graph and the exports alone on synthetic triples (fast, many examples): the same triples in
  any order, repeated or not, give the same bytes in every format, and the graph keeps its
  invariants (counts, weights, bounded and ordered evidence).

The schemas live in ``../shared``; without it every file is still parsed with lxml, only the schema
assertions are left out (and ``test_schemas_are_available`` says so with a reason).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import random
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html
import networkx as nx
import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from kg.export.csv import edge_rows, node_rows
from kg.export.gexf import generate_gexf
from kg.export.graphml import generate_graphml
from kg.export.html import render_html
from kg.export.json import generate_json, graph_from_data
from kg.export.sqlite import write_sqlite
from kg.graph.build import build_graph
from kg.ingest.documents import ReadReport, read_documents
from kg.ontology import relation_info
from kg.records import MODALITIES, Triple
from kg.runner.pipeline import extract_documents
from kg.runner.resume import triple_line
from tests.conftest import triple
from tests.graph_fixtures import GEXF_RNG, GRAPHML_XSD

# -- schemas and page skeleton --------------------------------------------------------------------


@functools.cache
def _validator(schema: Path) -> Any:
    """lxml's validator for a shared schema, or None when ../shared is absent (nothing is fetched)."""
    if not schema.is_file():
        return None
    doc = etree.parse(str(schema), etree.XMLParser(no_network=True))
    return etree.RelaxNG(doc) if schema.suffix == ".rng" else etree.XMLSchema(doc)


def test_schemas_are_available() -> None:
    """The schema assertions below run only with ../shared; say so rather than pass in silence."""
    for schema in (GRAPHML_XSD, GEXF_RNG):
        if _validator(schema) is None:
            pytest.skip(f"{schema} is absent: GraphML/GEXF are parsed but not validated against their schema")


def _check_xml(text: str, schema: Path) -> etree._Element:
    """Well-formed XML (always), valid against ``schema`` (when the shared schemas are present)."""
    root = etree.fromstring(text.encode("utf-8"), etree.XMLParser(no_network=True, resolve_entities=False))
    validator = _validator(schema)
    if validator is not None:
        assert validator.validate(root), str(validator.error_log)
    return root


def _skeleton(page: str) -> tuple[list[tuple[Any, ...]], Any]:
    """Every element of the page with its attributes, and the data block's JSON (parsed).

    Text is left out: kg writes some from the graph (the title counts documents), escaped; were any
    of it markup, it would show up here as an element or attribute of its own.
    """
    root = lxml.html.document_fromstring(page)
    elements: list[tuple[Any, ...]] = []
    data = None
    for el in root.iter():
        elements.append((el.tag if isinstance(el.tag, str) else "<!-->", sorted(el.attrib.items())))
        if el.get("id") == "kg-data":
            data = json.loads(el.text)
    return elements, data


@functools.cache
def _empty_page_skeleton() -> list[tuple[Any, ...]]:
    return _skeleton(render_html(nx.MultiDiGraph(documents={})))[0]


def _check_html(g: nx.MultiDiGraph) -> dict[str, Any]:
    """The page has the template's elements and attributes only; the graph is in the JSON block."""
    page = render_html(g)
    elements, data = _skeleton(page)
    assert elements == _empty_page_skeleton()  # nothing from the input became markup
    assert data is not None
    assert sorted(n["key"] for n in data["node_info"]) == sorted(str(n) for n in g)
    return data


def _check_exports(g: nx.MultiDiGraph) -> None:
    # JSON: loads, and reads back into a graph that writes the same bytes.
    text = "".join(generate_json(g))
    back = graph_from_data(json.loads(text))
    assert "".join(generate_json(back)) == text
    # GraphML and GEXF: well-formed and valid, one node element per actor.
    root = _check_xml("".join(generate_graphml(g)), GRAPHML_XSD)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:node", ns)) == g.number_of_nodes()
    assert len(root.findall(".//g:edge", ns)) == len(set(g.edges()))  # one edge per ordered pair
    root = _check_xml("".join(generate_gexf(g)), GEXF_RNG)
    assert len(root.findall(".//{http://gexf.net/1.3}node")) == g.number_of_nodes()
    # CSV: one row per node and per edge, whatever quotes and newlines the values hold.
    for rows, n in ((node_rows(g), g.number_of_nodes()), (edge_rows(g), g.number_of_edges())):
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        assert len(list(csv.reader(io.StringIO(buffer.getvalue())))) == n + 1
    # SQLite: one row per actor and per relation, whatever the values hold.
    with tempfile.TemporaryDirectory() as tmp:
        db = sqlite3.connect(write_sqlite(g, Path(tmp) / "graph.db"))
        counts = [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("actors", "ties")]
        db.close()
    assert counts == [g.number_of_nodes(), g.number_of_edges()]
    _check_html(g)


# -- the whole pipeline on generated articles -----------------------------------------------------

ACTORS = ["Vladimir Putin", "Russia", "North Korea", "China", "the United States", "Japan", "NATO",
          "Kim Jong Un", "Emmanuel Macron", "France", "Pyongyang", "the European Union"]
VERBS = ["visited", "condemned", "praised", "accused", "met", "signed a treaty with", "attacked",
         "thanked", "sanctioned", "criticised"]
#: Strings that have broken parsers, exporters and pages: markup, entities, quotes, template syntax,
#: bidirectional controls, combining marks, emoji sequences, C0/C1 controls, noncharacters.
NASTY = ["<script>alert(1)</script>", "</script>", "<!--", "]]>", "<b>bold</b>", "&amp;", "&", "&#0;",
         '"', "'", "`", "{{ x }}", "${x}", "javascript:alert(1)", "\u202e", "\u200f", "\u202a", "\u200d",
         "e\u0301\u0301", "🇰🇵", "👨\u200d👩\u200d👧", "\x00", "\x07", "\x1b[31m", "\x85", "\x9b", "\r\n",
         "\r", "\u2028", "\u2029", "\x0c", "\ufeff", "\ufffe", "\uffff", "\U0010ffff", "\t", "  "]

_junk = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
_nasty = st.sampled_from(NASTY)
_sentence = st.builds(lambda ab, v, tail: f"{ab[0]} {v} {ab[1]}{tail}.", st.permutations(ACTORS),
                      st.sampled_from(VERBS), st.one_of(st.just(""), _nasty, _junk))
_fragment = st.one_of(_sentence, _nasty, _junk, st.just("\n\n"))
#: Sentences that name actors (so triples come out and reach the exports), junk between and inside.
articles = st.builds(lambda first, rest: " ".join([first, *rest]), _sentence,
                     st.lists(st.one_of(_sentence, _fragment), max_size=9))


def _write_input(folder: Path, text: str, fmt: str) -> Path:
    """The article as a .txt file, or as a JSON line (where lone surrogates can hide as escapes)."""
    if fmt == "txt":
        path = folder / "article.txt"
        path.write_bytes(text.encode("utf-8"))
    else:
        path = folder / "article.jsonl"
        record = {"id": "article", "title": text[:40], "text": text + "\ud800"}
        path.write_text(json.dumps(record, ensure_ascii=True) + "\n", encoding="ascii")
    return path


@pytest.mark.model
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=articles, fmt=st.sampled_from(["txt", "jsonl"]))
def test_any_text_through_the_whole_pipeline_gives_valid_outputs(nlp, text, fmt):
    with tempfile.TemporaryDirectory() as tmp:
        report = ReadReport()
        docs = list(read_documents([_write_input(Path(tmp), text, fmt)], report=report))
    if not docs:  # nothing but blanks, or NUL bytes near the top of a text file: skipped, and said
        assert report.skipped and len(report.warnings) == 1
    for d in docs:
        d.text.encode("utf-8")  # no lone surrogate survives reading
    triples = list(extract_documents(docs, nlp=nlp))
    event(f"{'some' if triples else 'no'} triples")
    texts = {d.id: d.text for d in docs}
    for t in triples:
        text_of = texts[t.doc_id]
        assert text_of[t.subject_span[0]:t.subject_span[1]] == t.subject_text
        assert text_of[t.object_span[0]:t.object_span[1]] == t.object_text
        assert text_of[t.sentence_start:t.sentence_start + len(t.sentence)] == t.sentence
        assert Triple.from_dict(json.loads(triple_line(t))) == t  # the JSON line reads back
    _check_exports(build_graph(triples))


@pytest.mark.model
def test_the_generated_articles_do_give_triples(nlp):
    """The strategy above is not vacuous: its sentences do produce ties on the real model."""
    sentences = [f"{a} {v} {b}." for a, v, b in zip(ACTORS, VERBS, reversed(ACTORS), strict=False)]
    docs = list(read_documents(["-"], stdin=io.StringIO(" ".join(sentences))))
    assert len(list(extract_documents(docs, nlp=nlp))) >= 5


# -- the graph and the exports on synthetic triples -----------------------------------------------

RELATION_TYPES = ["CONSULT", "AGREE", "AID", "ACCUSE", "ASSAULT", "LEADER_OF", "RELATED", "SANCTION"]
_names = st.one_of(st.sampled_from(["Russia", "Vladimir Putin", "Putin", "North Korea", "NATO", "Kim"]),
                   st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=12),
                   _nasty)
_dates = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


@st.composite
def triples(draw: Callable[..., Any]) -> Triple:
    subject, obj = draw(_names), draw(_names)
    start, length = draw(st.integers(0, 500)), draw(st.integers(1, 40))
    return triple(
        subject=subject, obj=obj, relation_type=draw(st.sampled_from(RELATION_TYPES)),
        doc_id=draw(st.one_of(st.sampled_from(["d1", "d2", "d3"]), _names)),
        sentence_index=draw(st.integers(0, 30)), sentence=draw(st.one_of(_junk, _nasty, st.just(subject))),
        subject_text=draw(st.one_of(st.just(subject), _names)), subject_span=(start, start + length),
        object_text=obj, object_span=(start + length + 1, start + 2 * length + 1),
        subject_type=draw(st.sampled_from(["PERSON", "GPE", "ORG", "NORP"])),
        negated=draw(st.booleans()), modality=draw(st.sampled_from(MODALITIES)), date=draw(_dates),
        confidence=draw(st.floats(0, 1)), doc_title=draw(st.one_of(st.none(), _junk, _nasty)),
        doc_url=draw(st.one_of(st.none(), st.just("https://example.org/a?b=1&c=<2>"), _nasty)))


def _all_bytes(g: nx.MultiDiGraph) -> dict[str, str]:
    return {"json": "".join(generate_json(g)), "graphml": "".join(generate_graphml(g)),
            "gexf": "".join(generate_gexf(g)), "html": render_html(g)}


@settings(max_examples=60, deadline=None)
@given(ts=st.lists(triples(), max_size=25), seed=st.integers(0, 2**16), max_evidence=st.integers(0, 4))
def test_same_triples_in_any_order_or_repeated_give_the_same_bytes(ts, seed, max_evidence):
    # One triple per identity: two different triples claiming the same place in the same sentence
    # (only possible across runs of different extractors) are merged first-come, first-kept.
    ts = list({_identity(t): t for t in ts}.values())
    g = build_graph(ts, max_evidence=max_evidence)
    shuffled = ts + ts[: len(ts) // 2]
    random.Random(seed).shuffle(shuffled)
    assert _all_bytes(build_graph(shuffled, max_evidence=max_evidence)) == _all_bytes(g)


def _identity(t: Triple) -> tuple[Any, ...]:
    """What makes two triples the same fact for the graph builder."""
    return (t.doc_id, t.sentence_index, t.subject_span, t.object_span, t.relation_type, t.negated,
            t.subject_id, t.object_id)


@settings(max_examples=150, deadline=None)
@given(ts=st.lists(triples(), max_size=30), max_evidence=st.integers(0, 4))
def test_graph_invariants(ts, max_evidence):
    g = build_graph(ts, max_evidence=max_evidence)
    distinct = {_identity(t) for t in ts}
    assert sum(d["count"] for _, _, d in g.edges(data=True)) <= len(distinct)
    assert list(g.nodes) == sorted(g.nodes)
    for u, v, key, d in g.edges(keys=True, data=True):
        assert u != v
        assert d["weight"] == d["count"] > 0
        assert key == d["relation_type"] + (":negated" if d["negated"] else "")
        assert d["quad_class"] == relation_info(d["relation_type"]).quad_class
        assert len(d["evidence"]) <= min(max_evidence, d["count"])
        order = [((e["date"] or "9999-99-99"), e["doc_id"], e["sentence_index"]) for e in d["evidence"]]
        assert order == sorted(order)
        assert d["documents"] == sorted(set(d["documents"]))
        assert d["first_date"] is None or d["first_date"] <= d["last_date"]
    for _, d in g.nodes(data=True):
        assert d["mentions"] > 0 and d["aliases"] == sorted(set(d["aliases"]))


@settings(max_examples=100, deadline=None)
@given(ts=st.lists(triples(), min_size=1, max_size=20))
def test_any_graph_exports_valid_files(ts):
    g = build_graph(ts)
    assume(g.number_of_nodes() > 0)
    _check_exports(g)
