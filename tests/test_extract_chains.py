"""Document-level LOCATED_IN chains (kg.extract.chains): on hand-built parses and on plain triples."""

from __future__ import annotations

from spacy.vocab import Vocab

from kg.extract import extract_triples
from kg.extract.chains import PATTERN, located_in_chains
from kg.extract.testing import facts, parsed_doc
from kg.records import Document, Triple

_TWO_SENTENCES = """
Prelate Prelate PROPN NNP nsubj 1
is be AUX VBZ ROOT 1
a a DET DT det 3
village village NOUN NN attr 1
in in ADP IN prep 3
Saskatchewan Saskatchewan PROPN NNP pobj 4
. . PUNCT . punct 1
Saskatchewan Saskatchewan PROPN NNP nsubj 8
is be AUX VBZ ROOT 8
a a DET DT det 10
province province NOUN NN attr 8
of of ADP IN prep 10
Canada Canada PROPN NNP pobj 11
. . PUNCT . punct 8"""


def test_a_place_is_in_what_its_region_is_in(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, _TWO_SENTENCES, ents=[(0, 1, "GPE"), (5, 6, "GPE"), (7, 8, "GPE"), (12, 13, "GPE")])
    assert facts(doc) == [("Prelate", "LOCATED_IN", "Saskatchewan"), ("Saskatchewan", "LOCATED_IN", "Canada"),
                          ("Prelate", "LOCATED_IN", "Canada")]
    derived = list(extract_triples(doc, Document(id="d", text=doc.text)))[-1]
    assert derived.pattern == PATTERN and derived.extra == {"via": "Saskatchewan"}
    assert derived.relation.endswith("(via Saskatchewan)")
    assert derived.sentence_index == 0 and doc.text[slice(*derived.object_span)] == "Canada"
    assert derived.confidence < 0.9


def _t(s: str, rel: str, o: str, k: int, *, stype: str = "GPE", negated: bool = False,
       modality: str = "asserted") -> Triple:
    return Triple(doc_id="d", sentence_index=k, sentence=f"s{k}", subject=s, subject_type=stype, subject_text=s,
                  subject_span=(k * 10, k * 10 + 1), relation="in", relation_type=rel, object=o, object_type="GPE",
                  object_text=o, object_span=(k * 10 + 2, k * 10 + 3), negated=negated, modality=modality,
                  confidence=0.8, subject_id=s.lower(), object_id=o.lower())


def _pairs(ts: list[Triple]) -> list[tuple[str, str, str]]:
    return [(t.subject, t.relation_type, t.object) for t in located_in_chains(ts)]


def test_chains_go_to_the_end_and_never_back() -> None:
    ts = [_t("Zabiele", "LOCATED_IN", "Gmina", 0), _t("Gmina", "LOCATED_IN", "County", 1),
          _t("County", "LOCATED_IN", "Poland", 2), _t("Poland", "LOCATED_IN", "Zabiele", 3)]
    got = _pairs(ts)
    assert ("Zabiele", "LOCATED_IN", "County") in got and ("Zabiele", "LOCATED_IN", "Poland") in got
    assert all(s != o for s, _, o in got)  # the loop back to Zabiele is no tie of Zabiele to itself
    assert len(got) == len(set(got))


def test_a_person_is_tied_to_the_country_of_a_town_named_elsewhere() -> None:
    ts = [_t("Henrik Angell", "AFFILIATED_WITH", "Luster", 2, stype="PERSON"),
          _t("Luster", "LOCATED_IN", "Norway", 4)]
    assert _pairs(ts) == [("Henrik Angell", "AFFILIATED_WITH", "Norway")]


def test_a_persons_tie_takes_no_link_of_its_own_sentence() -> None:
    # "born in Concord, Mass.": the sentence ties the person to the town; the sentence rules chose that
    ts = [_t("Thoreau", "AFFILIATED_WITH", "Concord", 0, stype="PERSON"), _t("Concord", "LOCATED_IN", "Mass.", 0)]
    assert _pairs(ts) == []


def test_negated_hedged_and_stated_ties_add_nothing() -> None:
    assert _pairs([_t("A", "LOCATED_IN", "B", 0), _t("B", "LOCATED_IN", "C", 1, negated=True)]) == []
    assert _pairs([_t("A", "LOCATED_IN", "B", 0), _t("B", "LOCATED_IN", "C", 1, modality="hedged")]) == []
    assert _pairs([_t("A", "LOCATED_IN", "B", 0), _t("B", "LOCATED_IN", "C", 1), _t("A", "LOCATED_IN", "C", 2)]) == []
    # an event is no place to carry on from
    assert _pairs([_t("A", "ASSAULT", "B", 0), _t("B", "LOCATED_IN", "C", 1)]) == []


def test_a_pair_tied_one_way_gets_no_derived_tie_of_the_other_type() -> None:
    ts = [_t("Pittsburgh Catholic", "AFFILIATED_WITH", "Diocese", 0, stype="ORG"),
          _t("Diocese", "LOCATED_IN", "Pittsburgh", 1), _t("Pittsburgh Catholic", "LOCATED_IN", "Pittsburgh", 2,
                                                          stype="ORG")]
    assert _pairs(ts) == []
