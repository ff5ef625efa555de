"""Event rules added in round 2, on hand-built parses: killings, nouns typed by preposition, official acts."""

from __future__ import annotations

import pytest
from spacy.vocab import Vocab

from kg.extract.lexicon import Lexicon, lexicon
from kg.extract.testing import facts, parsed_doc


def test_convicted_of_a_gerund_makes_the_convicted_the_agent(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Sirhan Sirhan PROPN NNP nsubjpass 2
was be AUX VBD auxpass 2
convicted convict VERB VBN ROOT 2
of of ADP IN prep 2
assassinating assassinate VERB VBG pcomp 3
Kennedy Kennedy PROPN NNP dobj 4
. . PUNCT . punct 2""", ents=[(0, 1, "PERSON"), (5, 6, "PERSON")])
    assert facts(doc) == [("Sirhan", "ASSAULT", "Kennedy")]


def test_passive_relative_clause_patient_is_the_modified_noun(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Oswald Oswald PROPN NNP nsubj 9
, , PUNCT , punct 0
who who PRON WP nsubjpass 5
had have AUX VBD aux 5
been be AUX VBN auxpass 5
shot shoot VERB VBN relcl 0
by by ADP IN agent 5
Ruby Ruby PROPN NNP pobj 6
, , PUNCT , punct 0
died die VERB VBD ROOT 9
. . PUNCT . punct 9""", ents=[(0, 1, "PERSON"), (7, 8, "PERSON")])
    assert facts(doc) == [("Ruby", "ASSAULT", "Oswald")]


DRILLS = """
{subj} {subj} PROPN NNP nsubj 1
conducted conduct VERB VBD ROOT 1
drills drill NOUN NNS dobj 1
{prep} {prep} ADP IN prep {head}
Taiwan Taiwan PROPN NNP pobj 3
. . PUNCT . punct 1"""


@pytest.mark.parametrize(("prep", "head", "rtype"), [
    ("near", 1, "MOBILIZE"),    # "near" hung on the verb
    ("near", 2, "MOBILIZE"),    # or on the noun
    ("around", 2, "MOBILIZE"),
    ("with", 2, "COOPERATE"),   # joint drills with a partner
])
def test_event_noun_typed_by_its_preposition(vocab: Vocab, prep: str, head: int, rtype: str) -> None:
    doc = parsed_doc(vocab, DRILLS.format(subj="China", prep=prep, head=head), ents=[(0, 1, "GPE"), (4, 5, "GPE")])
    assert facts(doc) == [("China", rtype, "Taiwan")]


def test_noun_prep_rows_are_data() -> None:
    lex = Lexicon([], [{"lemma": "patrol", "type": "MOBILIZE"},
                       {"lemma": "patrol", "type": "COOPERATE", "prep": "with"}], [])
    assert lex.noun("patrol").type == "MOBILIZE"
    assert lex.noun("patrol", prep="with").type == "COOPERATE"
    assert lex.noun("patrol", prep="near").type == "MOBILIZE"  # no row for "near": the plain entry
    assert lex.noun_preps("patrol") == {"with"}
    assert {"near", "around", "off"} <= lexicon().noun_preps("drill")


def test_official_act_without_agent_is_the_state_s(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
The the DET DT det 1
PKK PKK PROPN NNP nsubjpass 3
is be AUX VBZ auxpass 3
banned ban VERB VBN ROOT 3
in in ADP IN prep 3
Turkey Turkey PROPN NNP pobj 4
. . PUNCT . punct 3""", ents=[(1, 2, "ORG"), (5, 6, "GPE")])
    # (banning a party is repression in PLOVER: COERCE, see test_extract_bans.py)
    assert facts(doc) == [("Turkey", "COERCE", "Kurdistan Workers' Party")]


def test_killed_in_a_state_is_not_the_state_s_act(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Smith Smith PROPN NNP nsubjpass 2
was be AUX VBD auxpass 2
killed kill VERB VBN ROOT 2
in in ADP IN prep 2
Syria Syria PROPN NNP pobj 3
. . PUNCT . punct 2""", ents=[(0, 1, "PERSON"), (4, 5, "GPE")])
    assert facts(doc) == []


def test_group_noun_of_conjoined_states(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Iran Iran PROPN NNP nsubj 1
increased increase VERB VBD ROOT 1
cooperation cooperation NOUN NN dobj 1
with with ADP IN prep 2
the the DET DT det 5
navies navy NOUN NNS pobj 3
of of ADP IN prep 5
China China PROPN NNP pobj 6
, , PUNCT , punct 7
India India PROPN NNP conj 7
and and CCONJ CC cc 9
Oman Oman PROPN NNP conj 9
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (7, 8, "GPE"), (9, 10, "GPE"), (11, 12, "GPE")])
    assert facts(doc) == [("Iran", "COOPERATE", "China"), ("Iran", "COOPERATE", "India"),
                          ("Iran", "COOPERATE", "Oman")]


def test_served_as_a_role(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Bolton Bolton PROPN NNP nsubj 1
served serve VERB VBD ROOT 1
as as ADP IN prep 1
the the DET DT det 5
US US PROPN NNP compound 5
ambassador ambassador NOUN NN pobj 2
to to ADP IN prep 5
the the DET DT det 9
United United PROPN NNP compound 9
Nations Nations PROPN NNP pobj 6
. . PUNCT . punct 1""", ents=[(0, 1, "PERSON"), (4, 5, "GPE"), (8, 10, "ORG")])
    assert set(facts(doc)) == {("Bolton", "MEMBER_OF", "United States"), ("Bolton", "MEMBER_OF", "United Nations")}


def test_title_with_its_scope_before_the_name(vocab: Vocab) -> None:
    # "US Ambassador to Germany Richard Grenell said": the owner is the US, Germany only the posting
    doc = parsed_doc(vocab, """
US US PROPN NNP compound 1
Ambassador Ambassador PROPN NNP compound 5
to to ADP IN prep 1
Germany Germany PROPN NNP pobj 2
Richard Richard PROPN NNP compound 5
Grenell Grenell PROPN NNP nsubj 6
said say VERB VBD ROOT 6
. . PUNCT . punct 6""", ents=[(0, 1, "GPE"), (3, 4, "GPE"), (4, 6, "PERSON")])
    assert facts(doc) == [("Richard Grenell", "MEMBER_OF", "United States")]


def test_hyphenated_title(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
NATO NATO PROPN NNP compound 5
Secretary Secretary PROPN NNP compound 3
- - PUNCT HYPH punct 3
General General PROPN NNP compound 5
Jens Jens PROPN NNP compound 5
Stoltenberg Stoltenberg PROPN NNP nsubj 6
wrote write VERB VBD ROOT 6
. . PUNCT . punct 6""", ents=[(0, 1, "ORG"), (4, 6, "PERSON")])
    assert facts(doc) == [("Jens Stoltenberg", "LEADER_OF", "NATO")]
