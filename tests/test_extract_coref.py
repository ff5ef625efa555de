"""Coreference and modality on hand-built parses: pronouns, descriptions, negation, hedges, futures."""

from __future__ import annotations

import pytest
from spacy.vocab import Vocab

from kg.extract import extract_triples
from kg.extract.testing import facts, parsed_doc
from kg.records import Document


def test_he_is_the_last_person(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Kim Kim PROPN NNP compound 2
Jong Jong PROPN NNP compound 2
Un Un PROPN NNP nsubj 3
visited visit VERB VBD ROOT 3
Russia Russia PROPN NNP dobj 3
. . PUNCT . punct 3
He he PRON PRP nsubj 7
met meet VERB VBD ROOT 7
Sergei Sergei PROPN NNP compound 9
Shoigu Shoigu PROPN NNP dobj 7
. . PUNCT . punct 7""", ents=[(0, 3, "PERSON"), (4, 5, "GPE"), (8, 10, "PERSON")])
    triples = list(extract_triples(doc, Document(id="d", text=doc.text)))
    assert [(t.subject, t.relation_type, t.object) for t in triples] == [
        ("Kim Jong Un", "CONSULT", "Russia"), ("Kim Jong Un", "CONSULT", "Sergei Shoigu")]
    assert triples[1].subject_text == "He" and triples[1].subject_id == "kim_jong_un"
    assert triples[1].confidence < triples[0].confidence  # reached through a pronoun


def test_definite_description_is_the_last_state(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Putin Putin PROPN NNP nsubj 1
visited visit VERB VBD ROOT 1
North North PROPN NNP compound 3
Korea Korea PROPN NNP dobj 1
, , PUNCT , punct 1
opening open VERB VBG advcl 1
dialogues dialogue NOUN NNS dobj 5
with with ADP IN prep 5
the the DET DT det 10
reclusive reclusive ADJ JJ amod 10
nation nation NOUN NN pobj 7
. . PUNCT . punct 1""", ents=[(0, 1, "PERSON"), (2, 4, "GPE")])
    triples = list(extract_triples(doc, Document(id="d", text=doc.text)))
    assert {(t.subject, t.relation_type, t.object) for t in triples} == {
        ("Vladimir Putin", "CONSULT", "North Korea")}
    # the merged duplicate keeps the named, more confident evidence
    assert [t.object_text for t in triples] == ["North Korea"]


def test_plural_description_is_left_alone(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
The the DET DT det 2
two two NUM CD nummod 2
countries country NOUN NNS nsubj 3
signed sign VERB VBD ROOT 3
a a DET DT det 5
deal deal NOUN NN dobj 3
with with ADP IN prep 3
Russia Russia PROPN NNP pobj 6
. . PUNCT . punct 3""", ents=[(7, 8, "GPE")])
    assert facts(doc) == []


def test_coreference_can_be_switched_off(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Kim Kim PROPN NNP nsubj 1
spoke speak VERB VBD ROOT 1
. . PUNCT . punct 1
He he PRON PRP nsubj 4
met meet VERB VBD ROOT 4
Shoigu Shoigu PROPN NNP dobj 4
. . PUNCT . punct 4""", ents=[(0, 1, "PERSON"), (5, 6, "PERSON")])
    assert [t.subject for t in extract_triples(doc, Document(id="d", text=doc.text))] == ["Kim"]
    assert list(extract_triples(doc, Document(id="d", text=doc.text), resolver=None)) == []


def test_negation(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Brazil Brazil PROPN NNP nsubj 3
did do AUX VBD aux 3
not not PART RB neg 3
join join VERB VB ROOT 3
NATO NATO PROPN NNP dobj 3
. . PUNCT . punct 3""", ents=[(0, 1, "GPE"), (4, 5, "ORG")])
    assert facts(doc) == [("Brazil", "~MEMBER_OF", "NATO")]


@pytest.mark.parametrize(("aux", "modality"), [("could", "hedged"), ("will", "future"), ("did", "asserted")])
def test_modality(vocab: Vocab, aux: str, modality: str) -> None:
    doc = parsed_doc(vocab, f"""
Russia Russia PROPN NNP nsubj 2
{aux} {aux} AUX MD aux 2
attack attack VERB VB ROOT 2
Ukraine Ukraine PROPN NNP dobj 2
. . PUNCT . punct 2""", ents=[(0, 1, "GPE"), (3, 4, "GPE")])
    (t,) = extract_triples(doc, Document(id="d", text=doc.text))
    assert (t.relation_type, t.modality, t.negated) == ("ASSAULT", modality, False)


def test_future_through_a_control_verb(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Xi Xi PROPN NNP nsubj 1
plans plan VERB VBZ ROOT 1
to to PART TO aux 3
visit visit VERB VB xcomp 1
Serbia Serbia PROPN NNP dobj 3
. . PUNCT . punct 1""", ents=[(0, 1, "PERSON"), (4, 5, "GPE")])
    (t,) = extract_triples(doc, Document(id="d", text=doc.text))
    assert (t.subject, t.relation_type, t.object, t.modality) == ("Xi Jinping", "CONSULT", "Serbia", "future")


@pytest.mark.parametrize(("place", "expected"), [
    ("Poland", [("Poland", "ACCUSE", "Russia")]),
    ("Omsk", []),  # a city with no ISO code is no antecedent for "it": cities do not criticise states
])
def test_it_resolves_to_a_state_never_to_a_city(vocab: Vocab, place: str, expected: list[tuple[str, str, str]],
                                                ) -> None:
    doc = parsed_doc(vocab, f"""
{place} {place} PROPN NNP nsubj 1
reopened reopen VERB VBD ROOT 1
. . PUNCT . punct 1
It it PRON PRP nsubj 4
criticised criticise VERB VBD ROOT 4
Russia Russia PROPN NNP dobj 4
. . PUNCT . punct 4""", ents=[(0, 1, "GPE"), (5, 6, "GPE")])
    assert facts(doc) == expected
