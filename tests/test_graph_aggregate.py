"""The graph builder's aggregates: ties fold their rows lazily, triples may come as JSON objects.

The counts of a tie are only worked out when its rows pile up past twice the evidence cap (see
``kg.graph.aggregate``), so these tests check them against a plain count of the same triples, for every cap
from 0 up, and check that the JSON-object path of ``kg build`` and the ``Triple`` path agree.
"""

from __future__ import annotations

import gc
import json
import random
from collections import Counter
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.actors import actor_key
from kg.export.json import generate_json
from kg.graph.aggregate import EVIDENCE_KEYS, TieSummary, evidence_item, tie_facts
from kg.graph.build import GraphBuilder, build_graph, cycle_collector_paused
from kg.records import Triple
from kg.runner.resume import iter_records, read_records, triple_line
from tests.test_properties import _identity, triples


def _plain_counts(ts: list[Triple]) -> dict[tuple[str, str, str], dict[str, Any]]:
    """Each tie's facts counted the obvious way, over distinct triples (no surname joining); of two
    triples with one identity the first is kept, as the builder does."""
    first: dict[tuple[Any, ...], Triple] = {}
    for t in ts:
        first.setdefault(_identity(t), t)
    ties: dict[tuple[str, str, str], list[Triple]] = {}
    for t in first.values():
        u, v = t.subject_id or actor_key(t.subject, None), t.object_id or actor_key(t.object, None)
        if u != v:
            ties.setdefault((u, v, t.relation_type + (":negated" if t.negated else "")), []).append(t)
    out = {}
    for key, group in ties.items():
        dates = [t.date for t in group if t.date]
        rel = Counter(t.relation for t in group)
        out[key] = {"count": len(group), "documents": sorted({t.doc_id for t in group}),
                    "first_date": min(dates, default=None), "last_date": max(dates, default=None),
                    "relations": sorted(rel, key=lambda r: (-rel[r], r)),
                    "confidence": round(max(t.confidence for t in group), 4)}
    return out


@settings(max_examples=120, deadline=None)
@given(ts=st.lists(triples(), max_size=40), max_evidence=st.integers(0, 3), seed=st.integers(0, 2**16))
def test_folded_counts_equal_a_plain_count(ts, max_evidence, seed):
    ts = ts + ts[: len(ts) // 3]
    random.Random(seed).shuffle(ts)
    g = GraphBuilder(max_evidence=max_evidence, merge_surnames=False).update(ts).graph()
    expected = _plain_counts(ts)
    got = {(u, v, key): d for u, v, key, d in g.edges(keys=True, data=True)}
    assert got.keys() == expected.keys()
    for key, want in expected.items():
        assert {f: got[key][f] for f in want} == want


def _records(ts: list[Triple]) -> list[dict[str, Any]]:
    return [json.loads(triple_line(t)) for t in ts]


@settings(max_examples=60, deadline=None)
@given(ts=st.lists(triples(), max_size=25), max_evidence=st.integers(0, 3))
def test_json_objects_and_triples_give_the_same_graph(ts, max_evidence):
    ts = list({_identity(t): t for t in ts}.values())
    from_triples = "".join(generate_json(build_graph(ts, max_evidence=max_evidence)))
    from_json = "".join(generate_json(GraphBuilder(max_evidence=max_evidence).update(_records(ts)).graph()))
    assert from_json == from_triples


@settings(max_examples=60, deadline=None)
@given(ts=st.lists(triples(), min_size=2, max_size=30), max_evidence=st.integers(0, 3), cut=st.integers(0, 30))
def test_looking_at_the_graph_midway_changes_nothing(ts, max_evidence, cut):
    # graph() without consume counts and trims the ties in place: what comes after must still add up.
    ts = list({_identity(t): t for t in ts}.values())
    builder = GraphBuilder(max_evidence=max_evidence).update(ts[:cut])
    builder.graph()
    builder.graph()
    builder.update(ts[cut:])
    assert "".join(generate_json(builder.graph())) == "".join(generate_json(build_graph(ts, max_evidence=max_evidence)))


def test_a_tie_seen_many_times_keeps_its_counts_and_earliest_evidence(make_triple):
    ts = [make_triple(sentence_index=i, date=f"2024-01-{1 + i % 28:02d}", doc_id=f"d{i % 7}",
                      relation="strike" if i % 3 else "attack", confidence=i / 100) for i in range(100)]
    random.Random(3).shuffle(ts)
    edge = build_graph(ts, max_evidence=3).edges["russia", "ukraine", "ASSAULT"]
    assert edge["count"] == 100
    assert edge["relations"] == ["strike", "attack"]
    assert edge["confidence"] == 0.99
    assert edge["documents"] == [f"d{i}" for i in range(7)]
    assert [(e["date"], e["sentence_index"]) for e in edge["evidence"]] == [
        ("2024-01-01", 0), ("2024-01-01", 28), ("2024-01-01", 56)]


def test_tie_facts_of_a_lone_row_equal_a_folded_one():
    row = ("2019", "a", 0, [0, 1], [2, 3], "X met Y.", 0, "X", "Y", "meet", "2024-01-01", None, None, 0.7,
           "hedged", "2019", "year", "Geneva", None, "2019", "2019")
    assert len(row) == len(EVIDENCE_KEYS) + 3  # the order date before the item, first and last after it
    alone = tie_facts([row], None, max_evidence=2)
    folded = tie_facts([row], TieSummary(), max_evidence=2)
    assert alone == folded
    assert alone.relations == ["meet"] and alone.modality == "hedged" and alone.documents == ["a"]
    assert evidence_item(row)["modality"] == "hedged" and evidence_item(row)["sentence"] == "X met Y."
    assert (alone.first_date, alone.last_date) == ("2019", "2019")
    assert (evidence_item(row)["event_date"], evidence_item(row)["location"]) == ("2019", "Geneva")


def test_the_collector_is_paused_only_inside():
    assert gc.isenabled()
    with cycle_collector_paused():
        assert not gc.isenabled()
        with cycle_collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause does not switch it back on early
    assert gc.isenabled()


def test_update_leaves_the_collector_as_it_found_it(make_triple):
    GraphBuilder().update([make_triple()])
    assert gc.isenabled()
    gc.disable()
    try:
        GraphBuilder().update([make_triple()])
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize(("line", "why"), [
    ("[1, 2]", "not an object"),
    ('{"doc_id": "d", "sentence_index": 0}', "subject"),
    ('{"doc_id": "d", "sentence_index": 0, "sentence": "s", "subject": "A", "subject_type": "GPE", '
     '"subject_text": "A", "subject_span": [0], "relation": "r", "relation_type": "AID", "object": "B", '
     '"object_type": "GPE", "object_text": "B", "object_span": [2, 3]}', "span"),
    ("{not json", "JSONDecodeError"),
])
def test_iter_records_names_file_line_and_fault(tmp_path, make_triple, line, why):
    path = tmp_path / "t.jsonl"
    path.write_text(triple_line(make_triple()) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"t\.jsonl:3") as info:
        list(iter_records([path]))
    assert why in str(info.value)


def test_iter_records_gives_objects_that_read_records_turns_into_triples(tmp_path, make_triple):
    ts = [make_triple(sentence_index=i) for i in range(3)]
    path = tmp_path / "t.jsonl"
    path.write_text("".join(triple_line(t) for t in ts), encoding="utf-8")
    raw = list(iter_records([path]))
    assert all(isinstance(r, dict) for r in raw)
    assert raw[0]["doc_id"] is not raw[2]["doc_id"]  # as parsed: one object per line
    assert list(read_records([path])) == ts
    # The builder keeps one object per repeated string (what a million triples need memory for).
    evidence = GraphBuilder().update(raw).graph().edges["russia", "ukraine", "ASSAULT"]["evidence"]
    assert len(evidence) == 3
    for key in ("doc_id", "subject_text", "relation", "date", "modality"):
        assert evidence[0][key] is evidence[2][key], key


@pytest.mark.parametrize("max_evidence", [1, 2, 3])
def test_a_graph_taken_midway_loses_no_count(make_triple, max_evidence):
    ts = [make_triple(sentence_index=i, date=f"2024-02-{10 - i:02d}", doc_id=f"d{i}") for i in range(8)]
    builder = GraphBuilder(max_evidence=max_evidence).update(ts[:max_evidence + 1])  # more rows than the cap
    assert builder.graph().edges["russia", "ukraine", "ASSAULT"]["count"] == max_evidence + 1
    edge = builder.update(ts[max_evidence + 1:]).graph().edges["russia", "ukraine", "ASSAULT"]
    assert edge["count"] == 8 and edge["documents"] == [f"d{i}" for i in range(8)]
    assert [e["doc_id"] for e in edge["evidence"]] == [f"d{7 - i}" for i in range(max_evidence)]
