"""Legislators and the places they represent, on hand-built parses.

A US senator or representative is MEMBER_OF the state whose legislature he sits in ("US Senator X") and of his
party, and AFFILIATED_WITH the state or province he represents ("Senator X of Ohio", "Ohio Senator X",
"X (D-Ohio)"), never its leader; a *state* senator sits in the state's own senate (MEMBER_OF it). These are the
conventions of ``../shared/eval/realdev.jsonl`` (w004, w028, w029, w048, w066).
"""

from __future__ import annotations

import pytest
from spacy.vocab import Vocab

from kg.extract.testing import facts, parsed_doc

Fact = tuple[str, str, str]

# (what, parse rows, entities, facts expected, facts that must not be drawn)
LEGISLATORS: list[tuple[str, str, list[tuple[int, int, str]], list[Fact], list[Fact]]] = [
    ("state before the title", """
Ohio Ohio PROPN NNP npadvmod 4
Senator Senator PROPN NNP compound 3
Sherrod Sherrod PROPN NNP compound 3
Brown Brown PROPN NNP nsubj 4
spoke speak VERB VBD ROOT 4
. . PUNCT . punct 4""", [(0, 1, "GPE"), (2, 4, "PERSON")],
     [("Sherrod Brown", "AFFILIATED_WITH", "Ohio")],
     [("Sherrod Brown", "MEMBER_OF", "Ohio"), ("Sherrod Brown", "LEADER_OF", "Ohio")]),
    ("state after the name", """
Senator Senator PROPN NNP compound 2
Sherrod Sherrod PROPN NNP compound 2
Brown Brown PROPN NNP nsubj 5
of of ADP IN prep 2
Ohio Ohio PROPN NNP pobj 3
spoke speak VERB VBD ROOT 5
. . PUNCT . punct 5""", [(1, 3, "PERSON"), (4, 5, "GPE")],
     [("Sherrod Brown", "AFFILIATED_WITH", "Ohio")],
     [("Sherrod Brown", "MEMBER_OF", "Ohio"), ("Sherrod Brown", "LEADER_OF", "Ohio")]),
    ("representative of a state", """
Representative Representative PROPN NNP compound 2
Tim Tim PROPN NNP compound 2
Ryan Ryan PROPN NNP nsubj 5
of of ADP IN prep 2
Ohio Ohio PROPN NNP pobj 3
spoke speak VERB VBD ROOT 5
. . PUNCT . punct 5""", [(1, 3, "PERSON"), (4, 5, "GPE")],
     [("Tim Ryan", "AFFILIATED_WITH", "Ohio")],
     [("Tim Ryan", "MEMBER_OF", "Ohio")]),
    ("speaker of a state is no leader of it", """
Speaker Speaker PROPN NNP compound 2
Nancy Nancy PROPN NNP compound 2
Pelosi Pelosi PROPN NNP nsubj 5
of of ADP IN prep 2
California California PROPN NNP pobj 3
spoke speak VERB VBD ROOT 5
. . PUNCT . punct 5""", [(1, 3, "PERSON"), (4, 5, "GPE")],
     [("Nancy Pelosi", "MEMBER_OF", "California")],
     [("Nancy Pelosi", "LEADER_OF", "California")]),
    ("state senator sits in the state's senate", """
Ohio Ohio PROPN NNP compound 2
state state NOUN NN compound 2
senator senator NOUN NN compound 4
Jim Jim PROPN NNP compound 4
Smith Smith PROPN NNP nsubj 5
spoke speak VERB VBD ROOT 5
. . PUNCT . punct 5""", [(0, 1, "GPE"), (3, 5, "PERSON")],
     [("Jim Smith", "MEMBER_OF", "Ohio")],
     [("Jim Smith", "AFFILIATED_WITH", "Ohio")]),
    ("senator of a country is a member", """
US US PROPN NNP compound 1
Senator Senator PROPN NNP compound 3
Sherrod Sherrod PROPN NNP compound 3
Brown Brown PROPN NNP nsubj 4
spoke speak VERB VBD ROOT 4
. . PUNCT . punct 4""", [(0, 1, "GPE"), (2, 4, "PERSON")],
     [("Sherrod Brown", "MEMBER_OF", "United States")],
     [("Sherrod Brown", "LEADER_OF", "United States")]),
    ("party senator", """
Republican republican ADJ JJ amod 1
Senator Senator PROPN NNP compound 3
Rob Rob PROPN NNP compound 3
Portman Portman PROPN NNP nsubj 4
spoke speak VERB VBD ROOT 4
. . PUNCT . punct 4""", [(0, 1, "NORP"), (2, 4, "PERSON")],
     [("Rob Portman", "MEMBER_OF", "Republican Party")],
     [("Rob Portman", "LEADER_OF", "Republican Party")]),
    ("representing a state's district", """
Tancredo Tancredo PROPN NNP nsubj 1
represented represent VERB VBD ROOT 1
Colorado Colorado PROPN NNP poss 6
's 's PART POS case 2
6th 6th ADJ JJ amod 6
congressional congressional ADJ JJ amod 6
district district NOUN NN dobj 1
. . PUNCT . punct 1""", [(0, 1, "PERSON"), (2, 3, "GPE")],
     [("Tancredo", "AFFILIATED_WITH", "Colorado")],
     [("Tancredo", "MEMBER_OF", "Colorado")]),
    ("representing a country", """
Smith Smith PROPN NNP nsubj 1
represented represent VERB VBD ROOT 1
Canada Canada PROPN NNP dobj 1
. . PUNCT . punct 1""", [(0, 1, "PERSON"), (2, 3, "GPE")],
     [("Smith", "MEMBER_OF", "Canada")],
     [("Smith", "AFFILIATED_WITH", "Canada")]),
    ("party letter and a state the NER left untagged", """
Sherrod Sherrod PROPN NNP compound 1
Brown Brown PROPN NNP nsubj 7
( ( PUNCT -LRB- punct 1
D D PROPN NNP compound 5
- - PUNCT HYPH punct 5
Ohio Ohio PROPN NNP appos 1
) ) PUNCT -RRB- punct 1
spoke speak VERB VBD ROOT 7
. . PUNCT . punct 7""", [(0, 2, "PERSON")],
     [("Sherrod Brown", "MEMBER_OF", "Democratic Party"), ("Sherrod Brown", "AFFILIATED_WITH", "Ohio")],
     []),
    ("party letter before a word that is no state", """
Sherrod Sherrod PROPN NNP compound 1
Brown Brown PROPN NNP nsubj 7
( ( PUNCT -LRB- punct 1
D D PROPN NNP compound 5
- - PUNCT HYPH punct 5
Day Day PROPN NNP appos 1
) ) PUNCT -RRB- punct 1
spoke speak VERB VBD ROOT 7
. . PUNCT . punct 7""", [(0, 2, "PERSON")],
     [("Sherrod Brown", "MEMBER_OF", "Democratic Party")],
     [("Sherrod Brown", "AFFILIATED_WITH", "Day")]),
]


@pytest.mark.parametrize(("what", "rows", "ents", "found", "not_found"), LEGISLATORS,
                         ids=[row[0] for row in LEGISLATORS])
def test_legislator_ties(vocab: Vocab, what: str, rows: str, ents: list[tuple[int, int, str]],
                         found: list[Fact], not_found: list[Fact]) -> None:
    got = facts(parsed_doc(vocab, rows, ents=ents))
    for fact in found:
        assert fact in got, (what, got)
    for fact in not_found:
        assert fact not in got, (what, got)
