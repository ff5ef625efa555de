"""Clause rules on hand-built parses: active, passive, verb + preposition, conjunctions, complements."""

from __future__ import annotations

import pytest
from spacy.vocab import Vocab

from kg.extract import extract_triples
from kg.extract.testing import facts, parsed_doc
from kg.records import Document


def test_active_svo(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Russia Russia PROPN NNP nsubj 1
invaded invade VERB VBD ROOT 1
Ukraine Ukraine PROPN NNP dobj 1
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (2, 3, "GPE")])
    assert facts(doc) == [("Russia", "ASSAULT", "Ukraine")]


PASSIVE = """
Ukraine Ukraine PROPN NNP nsubjpass 2
was be AUX VBD auxpass 2
invaded invade VERB VBN ROOT 2
by by ADP IN {dep} 2
Russia Russia PROPN NNP pobj 3
. . PUNCT . punct 2"""


@pytest.mark.parametrize("dep", ["agent", "prep"])
def test_passive_turned_round_also_when_by_is_a_plain_preposition(vocab: Vocab, dep: str) -> None:
    doc = parsed_doc(vocab, PASSIVE.format(dep=dep), ents=[(0, 1, "GPE"), (4, 5, "GPE")])
    assert facts(doc) == [("Russia", "ASSAULT", "Ukraine")]


def test_passive_agent_inside_a_modifier(vocab: Vocab) -> None:
    # "Iraq was invaded by a US-led coalition": the actor sits in "US-led"
    doc = parsed_doc(vocab, """
Iraq Iraq PROPN NNP nsubjpass 2
was be AUX VBD auxpass 2
invaded invade VERB VBN ROOT 2
by by ADP IN agent 2
a a DET DT det 8
US US PROPN NNP npadvmod 7
- - PUNCT HYPH punct 7
led lead VERB VBN amod 8
coalition coalition NOUN NN pobj 3
. . PUNCT . punct 2""", ents=[(0, 1, "GPE"), (5, 6, "GPE")])
    assert facts(doc) == [("United States", "ASSAULT", "Iraq")]


def test_verb_with_event_object_and_preposition(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Britain Britain PROPN NNP nsubj 1
imposed impose VERB VBD ROOT 1
sanctions sanction NOUN NNS dobj 1
on on ADP IN prep 2
Iran Iran PROPN NNP pobj 3
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (4, 5, "GPE")])
    (t,) = extract_triples(doc, Document(id="d", text=doc.text))
    assert (t.subject, t.relation_type, t.object, t.subject_id, t.object_id) == (
        "United Kingdom", "SANCTION", "Iran", "GBR", "IRN")
    assert t.relation == "impose sanction"
    assert t.pattern == "event_object" and 0 < t.confidence <= 1


def test_held_talks_with(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Sanchez Sanchez PROPN NNP nsubj 1
held hold VERB VBD ROOT 1
talks talk NOUN NNS dobj 1
with with ADP IN prep 2
Kim Kim PROPN NNP pobj 3
. . PUNCT . punct 1""", ents=[(0, 1, "PERSON"), (4, 5, "PERSON")])
    assert facts(doc) == [("Sanchez", "CONSULT", "Kim")]


def test_verb_preposition_and_demonym_ends(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Indian indian ADJ JJ amod 1
troops troop NOUN NNS nsubj 2
clashed clash VERB VBD ROOT 2
with with ADP IN prep 2
Chinese chinese ADJ JJ amod 5
soldiers soldier NOUN NNS pobj 3
. . PUNCT . punct 2""", ents=[(0, 1, "NORP"), (4, 5, "NORP")])
    assert facts(doc) == [("India", "ASSAULT", "China")]


def test_conjoined_subjects_give_one_edge_each(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
The the DET DT det 2
United United PROPN NNP compound 2
States States PROPN NNP nsubj 7
, , PUNCT , punct 2
Britain Britain PROPN NNP conj 2
and and CCONJ CC cc 4
Canada Canada PROPN NNP conj 4
expelled expel VERB VBD ROOT 7
Russian russian ADJ JJ amod 9
diplomats diplomat NOUN NNS dobj 7
. . PUNCT . punct 7""", ents=[(0, 3, "GPE"), (4, 5, "GPE"), (6, 7, "GPE"), (8, 9, "NORP")])
    got = facts(doc)
    assert sorted(s for s, _, _ in got) == ["Canada", "United Kingdom", "United States"]
    assert {(r, o) for _, r, o in got} == {("SANCTION", "Russia")}


def test_conjoined_objects_membership(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Lithuania Lithuania PROPN NNP nsubj 1
joined join VERB VBD ROOT 1
the the DET DT det 4
European European PROPN NNP compound 4
Union Union PROPN NNP dobj 1
and and CCONJ CC cc 4
NATO NATO PROPN NNP conj 4
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (2, 5, "ORG"), (6, 7, "ORG")])
    assert facts(doc) == [("Lithuania", "MEMBER_OF", "European Union"), ("Lithuania", "MEMBER_OF", "NATO")]


def test_open_complement_takes_the_governing_verbs_type(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Ankara Ankara PROPN NNP nsubj 1
threatened threaten VERB VBD ROOT 1
to to PART TO aux 3
block block VERB VB xcomp 1
Finland Finland PROPN NNP poss 6
's 's PART POS case 4
bid bid NOUN NN dobj 3
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (4, 5, "GPE")])
    assert facts(doc) == [("Turkey", "THREATEN", "Finland")]


def test_agreed_to_restore_ties_is_reciprocal(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Colombia Colombia PROPN NNP nsubj 3
and and CCONJ CC cc 0
Venezuela Venezuela PROPN NNP conj 0
agreed agree VERB VBD ROOT 3
to to PART TO aux 5
restore restore VERB VB xcomp 3
ties tie NOUN NNS dobj 5
. . PUNCT . punct 3""", ents=[(0, 1, "GPE"), (2, 3, "GPE")])
    assert facts(doc) == [("Colombia", "AGREE", "Venezuela")]


def test_reported_speech_gives_the_reported_event_not_say(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Kyiv Kyiv PROPN NNP nsubj 1
said say VERB VBD ROOT 1
Russian russian ADJ JJ amod 3
drones drone NOUN NNS nsubj 4
struck strike VERB VBD ccomp 1
Kharkiv Kharkiv PROPN NNP dobj 4
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (2, 3, "NORP"), (5, 6, "GPE")])
    assert facts(doc) == [("Russia", "ASSAULT", "Kharkiv")]


def test_common_noun_ends_give_nothing(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Russia Russia PROPN NNP nsubj 1
attacked attack VERB VBD ROOT 1
the the DET DT det 3
region region NOUN NN dobj 1
. . PUNCT . punct 1""", ents=[(0, 1, "GPE")])
    assert facts(doc) == []


def test_no_self_loop_through_a_seat_of_power(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Moscow Moscow PROPN NNP nsubj 1
backed back VERB VBD ROOT 1
Russia Russia PROPN NNP dobj 1
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (2, 3, "GPE")])
    assert facts(doc) == []


def test_offsets_are_shifted_for_chunks(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, PASSIVE.format(dep="agent"), ents=[(0, 1, "GPE"), (4, 5, "GPE")])
    (t,) = extract_triples(doc, Document(id="d", text=doc.text, date="2024-06-19"), char_offset=100,
                           sentence_offset=7)
    assert t.subject_span == (100 + doc.text.index("Russia"), 100 + doc.text.index("Russia") + 6)
    assert t.sentence_index == 7 and t.sentence_start == 100 and t.date == "2024-06-19"


def test_no_one_leads_or_belongs_to_a_person(vocab: Vocab) -> None:
    """"Biden led Trump in the polls": a lead in a race is no leadership; "led NATO" still is."""
    template = """
Smith Smith PROPN NNP nsubj 1
led lead VERB VBD ROOT 1
{obj} {obj} PROPN NNP dobj 1
. . PUNCT . punct 1"""
    person = parsed_doc(vocab, template.format(obj="Jones"), ents=[(0, 1, "PERSON"), (2, 3, "PERSON")])
    assert [f for f in facts(person) if f[1] in ("LEADER_OF", "MEMBER_OF")] == []
    body = parsed_doc(vocab, template.format(obj="NATO"), ents=[(0, 1, "PERSON"), (2, 3, "ORG")])
    assert ("Smith", "LEADER_OF", "NATO") in facts(body)
