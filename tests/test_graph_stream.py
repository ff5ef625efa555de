"""The finished graph's edge stream (kg.graph.stream): the order of its ties, the one-triple shortcut, and
the hand-over of the builder's aggregates."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.graph.aggregate import ROW_DOC, ROW_FIRST, TieSummary, tie_facts
from kg.graph.stream import edge_items, sorted_ties

_part = st.text(alphabet="aAbZ_é中 0", max_size=4)


@settings(max_examples=200, deadline=None)
@given(ties=st.lists(st.tuples(_part, _part, _part), unique=True, max_size=30))
def test_sorted_ties_orders_as_sorted_does(ties):
    order = sorted_ties(ties)
    assert sorted(order) == list(range(len(ties)))
    assert [ties[i] for i in order] == sorted(ties)


def _row(doc: str, sentence: int, date: str | None, relation: str = "meet", confidence: float = 0.8) -> tuple:
    first = date
    return ((date or "9999-99-99"), doc, sentence, [0, 1], [5, 6], "A met B.", 0, "A", "B", relation, date,
            None, None, confidence, "asserted", None, None, None, None, first, first)


def test_a_one_triple_tie_has_the_facts_tie_facts_gives():
    row = _row("d1", 3, "2024-03-01", confidence=0.71234)
    (_, _, _, got), = edge_items({("a", "b", "CONSULT"): [row]}, {}, max_evidence=5)
    facts = tie_facts([row], None, max_evidence=5)
    assert (got["count"], got["relations"], got["modality"], got["documents"], got["first_date"],
            got["last_date"]) == (facts.triples, facts.relations, facts.modality, facts.documents,
                                  facts.first_date, facts.last_date)
    assert got["confidence"] == 0.7123 and got["weight"] == 1.0 and not got["negated"]
    assert [e["doc_id"] for e in got["evidence"]] == ["d1"] and got["evidence"][0]["subject_span"] == [0, 1]


def test_edges_come_sorted_and_take_the_ties_away():
    rng = random.Random(3)
    keys = [(u, v, k) for u in "cab" for v in "yxz" for k in ("AID", "ASSAULT:negated", "CONSULT")]
    rng.shuffle(keys)
    rows = {key: [_row(f"d{i}", 0, f"2024-01-{1 + i % 9:02d}")] for i, key in enumerate(keys)}
    folded = keys[0]
    many = [_row(f"e{i}", i, f"2023-05-{10 + i}", relation="help" if i % 2 else "aid") for i in range(12)]
    summary = TieSummary().fold(many, max_evidence=2)  # 12 rows counted, 2 kept
    rows[folded] = many
    summaries = {folded: summary}
    edges = list(edge_items(rows, summaries, max_evidence=2))
    assert [(u, v, k) for u, v, k, _ in edges] == sorted(keys)
    assert rows == {} and summaries == {}
    by_key = {(u, v, k): d for u, v, k, d in edges}
    assert by_key[folded]["count"] == 12 and len(by_key[folded]["evidence"]) == 2
    assert by_key[folded]["relations"] == ["aid", "help"] and by_key[folded]["first_date"] == "2023-05-10"
    assert by_key[("a", "x", "ASSAULT:negated")]["negated"] is True
    assert all(d["count"] == 1 for key, d in by_key.items() if key != folded)
    assert [r[ROW_DOC] for r in many] == ["e0", "e1"] and many[0][ROW_FIRST] == "2023-05-10"
