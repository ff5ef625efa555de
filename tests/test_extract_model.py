"""End-to-end extraction with the real spaCy model: the seed article's done-when facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract_triples
from kg.nlp import load_pipeline
from kg.records import Document, Triple

pytestmark = pytest.mark.model
SEED = Path(__file__).resolve().parents[1] / "seeds" / "putin-north-korea-visit.txt"
PRONOUNS = {"he", "she", "it", "they", "its", "their", "his", "her", "them"}


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_pipeline()


@pytest.fixture(scope="module")
def seed(nlp) -> list[Triple]:  # type: ignore[no-untyped-def]
    text = SEED.read_text("utf-8")
    return list(extract_triples(nlp(text), Document(id="seed", text=text, date="2024-06-19")))


def test_seed_leader_and_visit_with_evidence(seed: list[Triple]) -> None:
    facts = {(t.subject_id, t.relation_type, t.object_id): t for t in seed}
    leader = facts[("vladimir_putin", "LEADER_OF", "RUS")]
    visit = facts[("vladimir_putin", "CONSULT", "PRK")]
    for t in (leader, visit):
        assert "Putin" in t.sentence and t.date == "2024-06-19"
        assert t.sentence_start >= 0
        assert t.sentence[t.subject_span[0] - t.sentence_start:t.subject_span[1] - t.sentence_start] == \
            t.subject_text


def test_seed_nodes_are_canonical(seed: list[Triple]) -> None:
    ends = {(t.subject_id, t.subject) for t in seed} | {(t.object_id, t.object) for t in seed}
    ids = {k for k, _ in ends}
    assert {"RUS", "PRK"} <= ids
    assert all(name != "North Korea\u2019s" and name != "U.S." for _, name in ends)
    for key, name in ends:  # one name per node, no pronoun, headline or common-noun nodes
        assert len({n for k, n in ends if k == key}) == 1
        assert name.lower() not in PRONOUNS and "\n" not in name and name[:1].isupper()
    texts = {t.subject_text: t.subject_id for t in seed} | {t.object_text: t.object_id for t in seed}
    for form in ("Pyongyang", "North Korea", "North Korean"):
        if form in texts:
            assert texts[form] == "PRK"


def test_headline_is_its_own_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(SEED.read_text("utf-8"))
    first = next(iter(doc.sents))
    headline = "Russian President Vladimir Putin Makes a Rare Visit to North Korea, an Old Ally"
    assert first.text.strip() == headline


@pytest.mark.parametrize(("text", "expected"), [
    ("The United States, Britain and Canada expelled dozens of Russian diplomats.",
     {("USA", "RUS"), ("GBR", "RUS"), ("CAN", "RUS")}),
    ("Iraq was invaded by a US-led coalition in March 2003.", {("USA", "IRQ")}),
    ("Seoul urged Pyongyang to return to denuclearisation talks.", {("KOR", "PRK")}),
])
def test_real_parses(nlp, text: str, expected: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    got = {(t.subject_id, t.object_id) for t in extract_triples(nlp(text), Document(id="x", text=text))}
    assert got == expected
