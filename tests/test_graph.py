"""The graph stage: merging triples into one node per actor and one edge per (actor, type, actor)."""

from __future__ import annotations

import random

import pytest

from kg.export.json import graph_to_data
from kg.graph.build import GraphBuilder, actor_type, build_graph, top_actors, top_ties


def test_one_edge_per_pair_and_type_counts_sentences(make_triple):
    triples = [make_triple(sentence_index=i, subject_iso3="RUS", object_iso3="UKR", subject_id="RUS",
                           object_id="UKR") for i in range(3)]
    triples.append(make_triple(relation_type="CONSULT", subject_id="RUS", object_id="UKR"))
    g = build_graph(triples)
    assert sorted(g.nodes) == ["RUS", "UKR"]
    assert g.number_of_edges() == 2
    assert g.edges["RUS", "UKR", "ASSAULT"]["count"] == 3
    assert g.edges["RUS", "UKR", "ASSAULT"]["weight"] == 3.0
    assert g.edges["RUS", "UKR", "CONSULT"]["count"] == 1
    assert g.nodes["RUS"]["type"] == "state"
    assert g.nodes["RUS"]["mentions"] == 4


def test_same_triples_again_or_shuffled_give_the_same_graph(make_triple):
    triples = [make_triple(doc_id=f"d{i % 4}", sentence_index=i, relation_type=rt, subject=s, obj=o,
                           date=f"2024-0{1 + i % 9}-1{i % 10}")
               for i, (rt, s, o) in enumerate([("ASSAULT", "Russia", "Ukraine"), ("AID", "Japan", "Ukraine"),
                                               ("CONSULT", "Vladimir Putin", "North Korea")] * 5)]
    reference = graph_to_data(build_graph(triples))
    shuffled = triples * 2
    random.Random(7).shuffle(shuffled)
    assert graph_to_data(build_graph(shuffled)) == reference


def test_denied_relation_is_its_own_edge(make_triple):
    g = build_graph([make_triple(relation_type="AID"), make_triple(relation_type="AID", negated=True,
                                                                  sentence_index=1)])
    keys = sorted(k for _, _, k in g.edges(keys=True))
    assert keys == ["AID", "AID:negated"]
    assert g.edges["russia", "ukraine", "AID:negated"]["negated"] is True


def test_evidence_is_capped_and_keeps_the_earliest(make_triple):
    dates = ["2024-05-01", "2023-01-01", "2024-01-01", "2022-07-07", "2025-01-01"]
    triples = [make_triple(sentence_index=i, date=d) for i, d in enumerate(dates)]
    g = build_graph(triples, max_evidence=2)
    edge = g.edges["russia", "ukraine", "ASSAULT"]
    assert [e["date"] for e in edge["evidence"]] == ["2022-07-07", "2023-01-01"]
    assert edge["count"] == 5
    assert (edge["first_date"], edge["last_date"]) == ("2022-07-07", "2025-01-01")


def test_self_loops_are_dropped(make_triple):
    g = build_graph([make_triple(subject="Russia", obj="Russia")])
    assert g.number_of_edges() == 0 and g.number_of_nodes() == 0


def test_surname_joins_the_only_full_name(make_triple):
    triples = [make_triple(subject="Vladimir Putin", subject_type="PERSON", obj="North Korea",
                           relation_type="CONSULT", doc_id="a"),
               make_triple(subject="Putin", subject_type="PERSON", obj="China", relation_type="CONSULT",
                           doc_id="b")]
    g = build_graph(triples)
    assert "putin" not in g
    assert g.nodes["vladimir_putin"]["label"] == "Vladimir Putin"
    assert "Putin" in g.nodes["vladimir_putin"]["aliases"]
    assert g.has_edge("vladimir_putin", "china")


def test_ambiguous_surname_stays_apart(make_triple):
    triples = [make_triple(subject=name, subject_type="PERSON", obj="Japan", relation_type="CONSULT",
                           sentence_index=i) for i, name in enumerate(["Kim Jong Un", "Kim Yo Jong", "Kim"])]
    g = build_graph(triples)
    assert {"kim", "kim_jong_un", "kim_yo_jong"} <= set(g.nodes)


def test_edge_carries_ontology_class_and_documents(make_triple):
    g = build_graph([make_triple(relation_type="CONSULT", doc_id="b", doc_title="Visit"),
                     make_triple(relation_type="CONSULT", doc_id="a", sentence_index=3)])
    edge = g.edges["russia", "ukraine", "CONSULT"]
    assert edge["quad_class"] == 1 and edge["class_name"] == "verbal cooperation"
    assert edge["documents"] == ["a", "b"]
    assert g.graph["documents"]["b"]["title"] == "Visit"
    assert edge["evidence"][0]["sentence"].startswith("Russia")


def test_top_actors_and_ties(make_triple):
    g = build_graph([make_triple(obj="Ukraine"), make_triple(obj="Georgia"),
                     make_triple(obj="Georgia", sentence_index=2)])
    assert top_actors(g, 1) == [("russia", 3)]
    assert top_ties(g, 1) == [("Russia", "ASSAULT", "Georgia", 2)]


@pytest.mark.parametrize(("ner", "iso3", "expected"), [
    ("GPE", "RUS", "state"), ("NORP", "RUS", "state"), ("PERSON", None, "person"),
    ("ORG", None, "organisation"), ("GPE", None, "place"), ("NORP", None, "group")])
def test_actor_types(ner, iso3, expected):
    assert actor_type(ner, iso3) == expected


def test_builder_rejects_negative_cap():
    with pytest.raises(ValueError):
        GraphBuilder(max_evidence=-1)


def _mentions(doc_id, *names):
    from kg.actors import actor_key
    from kg.records import DocumentMentions, Mention

    iso = {"Japan": "JPN", "Russia": "RUS", "Ukraine": "UKR"}
    return DocumentMentions(doc_id, "2024-06-19", f"title {doc_id}", None, tuple(
        Mention(n, 10 * i, 10 * i + len(n), n, "GPE", actor_key(n, iso.get(n)), iso.get(n))
        for i, n in enumerate(names)))


def test_actors_named_without_a_tie_get_a_node(make_triple):
    records = [make_triple(subject_id="RUS", object_id="UKR", subject_iso3="RUS", object_iso3="UKR"),
               _mentions("d1", "Russia", "Ukraine", "Japan", "Russia")]
    g = build_graph(records)
    assert sorted(g.nodes) == ["JPN", "RUS", "UKR"]
    assert g.degree("JPN") == 0 and g.nodes["JPN"]["type"] == "state"
    assert g.nodes["RUS"]["mentions"] == 2  # what the text says, not how many triples
    assert g.graph["documents"]["d1"]["title"] == "title d1"


def test_mentions_of_a_document_count_once_in_any_order(make_triple):
    records = [make_triple(), _mentions("d1", "Japan"), _mentions("d2", "Japan", "Japan")]
    reference = graph_to_data(build_graph(records))
    assert graph_to_data(build_graph([*reversed(records), records[1]])) == reference
    assert build_graph(records).nodes["JPN"]["mentions"] == 3
