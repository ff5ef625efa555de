"""Noun rules on hand-built parses: nominal events, "between", patients of light verbs, copular roles."""

from __future__ import annotations

from spacy.vocab import Vocab

from kg.extract.testing import facts, parsed_doc


def test_possessive_event_noun_with_target(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Putin Putin PROPN NNP poss 2
's 's PART POS case 0
visit visit NOUN NN nsubj 6
to to ADP IN prep 2
North North PROPN NNP compound 5
Korea Korea PROPN NNP pobj 3
was be AUX VBD ROOT 6
historic historic ADJ JJ acomp 6
. . PUNCT . punct 6""", ents=[(0, 1, "PERSON"), (4, 6, "GPE")])
    assert facts(doc) == [("Vladimir Putin", "CONSULT", "North Korea")]


def test_war_in_a_country_is_against_it(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Russia Russia PROPN NNP poss 2
's 's PART POS case 0
war war NOUN NN nsubj 5
in in ADP IN prep 2
Ukraine Ukraine PROPN NNP pobj 3
continued continue VERB VBD ROOT 5
. . PUNCT . punct 5""", ents=[(0, 1, "GPE"), (4, 5, "GPE")])
    assert facts(doc) == [("Russia", "ASSAULT", "Ukraine")]


def test_ties_between_two_actors(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Analysts analyst NOUN NNS nsubj 1
watched watch VERB VBD ROOT 1
ties tie NOUN NNS dobj 1
between between ADP IN prep 2
Russia Russia PROPN NNP pobj 3
and and CCONJ CC cc 4
North North PROPN NNP compound 7
Korea Korea PROPN NNP conj 4
. . PUNCT . punct 1""", ents=[(4, 5, "GPE"), (6, 8, "GPE")])
    assert facts(doc) == [("Russia", "RELATED", "North Korea")]


def test_sanctions_from_the_west_fall_on_the_subject(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Russia Russia PROPN NNP nsubj 1
faces face VERB VBZ ROOT 1
sanctions sanction NOUN NNS dobj 1
from from ADP IN prep 2
Western western ADJ JJ amod 5
countries country NOUN NNS pobj 3
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (4, 6, "NORP")])
    assert facts(doc) == [("West", "SANCTION", "Russia")]


def test_copular_relational_noun(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
China China PROPN NNP nsubj 1
is be AUX VBZ ROOT 1
North North PROPN NNP compound 3
Korea Korea PROPN NNP poss 6
's 's PART POS case 3
closest close ADJ JJS amod 6
ally ally NOUN NN attr 1
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (2, 5, "GPE")])
    assert facts(doc) == [("China", "ALLY_OF", "North Korea")]


def test_one_of_the_allies(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
The the DET DT det 2
Soviet Soviet PROPN NNP compound 2
Union Union PROPN NNP nsubj 3
was be AUX VBD ROOT 3
one one NUM CD attr 3
of of ADP IN prep 4
North North PROPN NNP compound 7
Korea Korea PROPN NNP poss 10
's 's PART POS case 7
primary primary ADJ JJ amod 10
allies ally NOUN NNS pobj 5
. . PUNCT . punct 3""", ents=[(0, 3, "GPE"), (6, 9, "GPE")])
    assert facts(doc) == [("Soviet Union", "ALLY_OF", "North Korea")]


def test_apposition_title_with_nationality(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Mark Mark PROPN NNP compound 1
Rutte Rutte PROPN NNP nsubj 8
, , PUNCT , punct 1
the the DET DT det 6
Dutch dutch ADJ JJ amod 6
prime prime ADJ JJ amod 6
minister minister NOUN NN appos 1
, , PUNCT , punct 1
spoke speak VERB VBD ROOT 8
. . PUNCT . punct 8""", ents=[(0, 2, "PERSON"), (4, 5, "NORP")])
    assert facts(doc) == [("Mark Rutte", "LEADER_OF", "Netherlands")]
