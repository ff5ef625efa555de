"""Titles before names and places, on hand-built parses."""

from __future__ import annotations

import pytest
from spacy.vocab import Vocab

from kg.extract.testing import facts, parsed_doc

TITLED = """
{owner} {owner_lemma} ADJ JJ amod 2
{t1} {t1} {t1_pos} NNP compound 2
{t2} {t2} PROPN NNP compound 4
{first} {first} PROPN NNP compound 4
{last} {last} PROPN NNP nsubj 5
spoke speak VERB VBD ROOT 5
. . PUNCT . punct 5"""



@pytest.mark.parametrize(("owner", "t1", "t2", "name", "expected"), [
    ("Russian", "Prime", "Minister", "Mikhail Mishustin", ("Mikhail Mishustin", "LEADER_OF", "Russia")),
    ("Chinese", "Foreign", "Minister", "Wang Yi", ("Wang Yi", "MEMBER_OF", "China")),
    ("Russian", "opposition", "leader", "Alexei Navalny", ("Alexei Navalny", "AFFILIATED_WITH", "Russia")),
    ("Russian", "Defence", "Minister", "Sergei Shoigu", ("Sergei Shoigu", "MEMBER_OF", "Russia")),
])
def test_title_before_name(vocab: Vocab, owner: str, t1: str, t2: str, name: str,
                           expected: tuple[str, str, str]) -> None:
    first, last = name.split()
    doc = parsed_doc(vocab, TITLED.format(owner=owner, owner_lemma=owner.lower(), t1=t1,
                                          t1_pos="NOUN" if t1.islower() else "PROPN", t2=t2, first=first,
                                          last=last),
                     ents=[(0, 1, "NORP"), (3, 5, "PERSON")])
    assert facts(doc) == [expected]


def test_head_of_state_title_and_possessive_owner(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Russia Russia PROPN NNP poss 3
's 's PART POS case 0
President President PROPN NNP compound 3
Putin Putin PROPN NNP nsubj 4
spoke speak VERB VBD ROOT 4
. . PUNCT . punct 4""", ents=[(0, 1, "GPE"), (3, 4, "PERSON")])
    assert facts(doc) == [("Vladimir Putin", "LEADER_OF", "Russia")]


def test_title_without_owner_gives_nothing(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
President President PROPN NNP compound 1
Putin Putin PROPN NNP nsubj 2
spoke speak VERB VBD ROOT 2
. . PUNCT . punct 2""", ents=[(1, 2, "PERSON")])
    assert facts(doc) == []


def test_person_of_a_town_and_its_state(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Marie Marie PROPN NNP compound 1
Ferraro Ferraro PROPN NNP nsubjpass 8
of of ADP IN prep 1
Bethany Bethany PROPN NNP pobj 2
, , PUNCT , punct 3
Conn. Conn. PROPN NNP appos 3
, , PUNCT , punct 3
was be AUX VBD auxpass 8
shot shoot VERB VBN ROOT 8
. . PUNCT . punct 8""", ents=[(0, 2, "PERSON"), (3, 4, "GPE"), (5, 6, "GPE")])
    assert sorted(facts(doc)) == [("Bethany", "LOCATED_IN", "Conn."),
                                  ("Marie Ferraro", "AFFILIATED_WITH", "Bethany"),
                                  ("Marie Ferraro", "AFFILIATED_WITH", "Conn.")]


def test_place_in_place(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
They they PRON PRP nsubj 1
played play VERB VBD ROOT 1
at at ADP IN prep 1
the the DET DT det 4
Palace Palace PROPN NNP pobj 2
of of ADP IN prep 4
Fine Fine PROPN NNP compound 7
Arts Arts PROPN NNP pobj 5
in in ADP IN prep 4
San San PROPN NNP compound 10
Francisco Francisco PROPN NNP pobj 8
. . PUNCT . punct 1""", ents=[(3, 8, "FAC"), (9, 11, "GPE")])
    assert facts(doc) == [("Palace of Fine Arts", "LOCATED_IN", "San Francisco")]


def test_a_chambers_majority_leader_is_its_member_not_its_leader(vocab: Vocab) -> None:
    # the majority and minority leaders lead their party's caucus; the chamber has a presiding officer
    doc = parsed_doc(vocab, """
US US PROPN NNP compound 1
Senate Senate PROPN NNP compound 3
Majority Majority PROPN NNP compound 3
Leader Leader PROPN NNP compound 5
Mitch Mitch PROPN NNP compound 5
McConnell McConnell PROPN NNP nsubj 6
spoke speak VERB VBD ROOT 6
. . PUNCT . punct 6""", ents=[(0, 2, "ORG"), (4, 6, "PERSON")])
    got = facts(doc)
    assert ("Mitch McConnell", "MEMBER_OF", "United States Senate") in got
    assert ("Mitch McConnell", "LEADER_OF", "United States Senate") not in got
