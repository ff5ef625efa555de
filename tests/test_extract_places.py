"""Place rules on hand-built parses: seats of power as places, "X-based", datelines, titles and homes after names."""

from __future__ import annotations

from spacy.vocab import Vocab

from kg.extract import extract_triples
from kg.extract.testing import facts, parsed_doc
from kg.records import Document


def test_capital_keeps_its_own_identity_in_a_location_construction(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Protesters protester NOUN NNS nsubj 1
gathered gather VERB VBD ROOT 1
in in ADP IN prep 1
Bangkok Bangkok PROPN NNP pobj 2
, , PUNCT , punct 3
Thailand Thailand PROPN NNP appos 3
. . PUNCT . punct 1""", ents=[(3, 4, "GPE"), (5, 6, "GPE")])
    (t,) = extract_triples(doc, Document(id="d", text=doc.text))
    # Bangkok is the city here (a node of its own, no ISO code), not Thailand: no self-loop
    assert (t.subject, t.subject_id, t.subject_iso3, t.relation_type, t.object_id) == (
        "Bangkok", "bangkok", None, "LOCATED_IN", "THA")


def test_capital_that_acts_is_its_state(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Seoul Seoul PROPN NNP nsubj 1
urged urge VERB VBD ROOT 1
Pyongyang Pyongyang PROPN NNP dobj 1
to to PART TO aux 4
return return VERB VB xcomp 1
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (2, 3, "GPE")])
    assert facts(doc) == [("South Korea", "REQUEST", "North Korea")]


def test_x_based_organisation(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
The the DET DT det 5
Yemen Yemen PROPN NNP npadvmod 3
- - PUNCT HYPH punct 3
based base VERB VBN amod 5
Houthi Houthi PROPN NNP compound 5
movement movement NOUN NN nsubj 6
claimed claim VERB VBD ROOT 6
the the DET DT det 8
attacks attack NOUN NNS dobj 6
. . PUNCT . punct 6""", ents=[(1, 2, "GPE"), (4, 6, "ORG")])
    assert facts(doc) == [("Houthis", "LOCATED_IN", "Yemen")]


def test_title_before_name_and_state_after_it(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Yesterday yesterday NOUN NN npadvmod 7
, , PUNCT , punct 7
President President PROPN NNP compound 4
Hassan Hassan PROPN NNP compound 4
Rouhani Rouhani PROPN NNP nsubj 7
of of ADP IN prep 4
Iran Iran PROPN NNP pobj 5
spoke speak VERB VBD ROOT 7
. . PUNCT . punct 7""", ents=[(0, 1, "DATE"), (3, 5, "PERSON"), (6, 7, "GPE")])
    assert facts(doc) == [("Hassan Rouhani", "LEADER_OF", "Iran")]


def test_person_from_a_city_in_an_apposition(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Derwinski Derwinski PROPN NNP nsubj 7
, , PUNCT , punct 0
a a DET DT det 3
Republican Republican PROPN NNP appos 0
from from ADP IN prep 3
Chicago Chicago PROPN NNP pobj 4
, , PUNCT , punct 0
denied deny VERB VBD ROOT 7
it it PRON PRP dobj 7
. . PUNCT . punct 7""", ents=[(0, 1, "PERSON"), (3, 4, "NORP"), (5, 6, "GPE")])
    # and "denied it" does not make Chicago the thing denied
    assert facts(doc) == [("Derwinski", "AFFILIATED_WITH", "Chicago")]


DATELINE = """
BANGKOK BANGKOK PROPN NNP ROOT 0
, , PUNCT , punct 0
Thailand Thailand PROPN NNP conj 0
( ( PUNCT -LRB- punct 4
AP AP PROPN NNP appos 2
) ) PUNCT -RRB- punct 0"""


def test_dateline(vocab: Vocab) -> None:
    # the town in capitals is a place whatever the NER said (here nothing); the agency filed from both places
    doc = parsed_doc(vocab, DATELINE, ents=[(2, 3, "GPE"), (4, 5, "ORG")])
    assert set(facts(doc)) == {("Bangkok", "LOCATED_IN", "Thailand"), ("AP", "LOCATED_IN", "Bangkok"),
                               ("AP", "LOCATED_IN", "Thailand")}


def test_no_dateline_in_prose(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Officials official NOUN NNS nsubj 1
met meet VERB VBD ROOT 1
in in ADP IN prep 1
Thailand Thailand PROPN NNP pobj 2
( ( PUNCT -LRB- punct 5
AP AP PROPN NNP appos 3
) ) PUNCT -RRB- punct 3""", ents=[(3, 4, "GPE"), (5, 6, "ORG")])
    assert facts(doc) == []


def test_sentence_final_abbreviation_keeps_its_period(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Emily Emily PROPN NNP compound 1
Dickinson Dickinson PROPN NNP nsubjpass 3
was be AUX VBD auxpass 3
born bear VERB VBN ROOT 3
in in ADP IN prep 3
Amherst Amherst PROPN NNP pobj 4
, , PUNCT , punct 5
Mass Mass PROPN NNP appos 5
. . PUNCT . punct 3""", ents=[(0, 2, "PERSON"), (5, 6, "GPE"), (7, 8, "GPE")])
    triples = list(extract_triples(doc, Document("d", doc.text)))
    got = {(t.subject_text, t.relation_type, t.object_text) for t in triples}
    # a birthplace is quoted with its address ("Amherst, Mass."), the node is still the town
    assert ("Emily Dickinson", "AFFILIATED_WITH", "Amherst, Mass.") in got
    assert ("Amherst", "LOCATED_IN", "Mass.") in got
    (home,) = [t for t in triples if t.relation_type == "AFFILIATED_WITH"]
    assert (home.object, home.object_id, home.object_span) == ("Amherst", "amherst", (28, 42))


def test_capital_described_first(vocab: Vocab) -> None:
    # "Bosnia's capital, Sarajevo, is ..."
    doc = parsed_doc(vocab, """
Bosnia Bosnia PROPN NNP poss 2
's 's PART POS case 0
capital capital NOUN NN nsubj 6
, , PUNCT , punct 2
Sarajevo Sarajevo PROPN NNP appos 2
, , PUNCT , punct 2
is be AUX VBZ ROOT 6
old old ADJ JJ acomp 6
. . PUNCT . punct 6""", ents=[(0, 1, "GPE"), (4, 5, "GPE")])
    assert facts(doc) == [("Sarajevo", "LOCATED_IN", "Bosnia and Herzegovina")]


def test_a_company_a_state_owns_is_the_states_whatever_its_label(vocab: Vocab) -> None:
    # "Saudi Arabia's state-owned Saudi Aramco" with the company tagged NORP
    doc = parsed_doc(vocab, """
Saudi Saudi PROPN NNP compound 1
Arabia Arabia PROPN NNP poss 7
's 's PART POS case 1
state state NOUN NN npadvmod 5
- - PUNCT HYPH punct 5
owned own VERB VBN amod 7
Saudi Saudi PROPN NNP compound 7
Aramco Aramco PROPN NNP nsubj 8
grew grow VERB VBD ROOT 8
. . PUNCT . punct 8""", ents=[(0, 2, "GPE"), (6, 8, "NORP")])
    assert ("Saudi Aramco", "AFFILIATED_WITH", "Saudi Arabia") in facts(doc)
