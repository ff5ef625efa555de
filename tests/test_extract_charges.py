"""Acts one is charged with or convicted of, on hand-built parses: the accused did the act to its victim."""

from __future__ import annotations

import pytest
from spacy.vocab import Vocab

from kg.extract import extract_triples
from kg.extract.testing import facts, parsed_doc
from kg.records import Document

CHARGES = [
    (
        "convicted of a possessed act",
        """
Sirhan Sirhan PROPN NNP nsubjpass 2
was be AUX VBD auxpass 2
convicted convict VERB VBN ROOT 2
of of ADP IN prep 2
Kennedy Kennedy PROPN NNP poss 6
's 's PART POS case 4
killing killing NOUN NN pobj 3
. . PUNCT . punct 2""",
        [(0, 1, "PERSON"), (4, 5, "PERSON")],
        [("Sirhan", "ASSAULT", "Kennedy")],
        "asserted",
    ),
    (
        "suspected of an act with its victim after 'of'",
        """
Police Police NOUN NNS nsubj 1
arrested arrest VERB VBD ROOT 1
James James PROPN NNP compound 4
Earl Earl PROPN NNP compound 4
Ray Ray PROPN NNP dobj 1
, , PUNCT , punct 4
suspected suspect VERB VBN acl 4
of of ADP IN prep 6
the the DET DT det 9
assassination assassination NOUN NN pobj 7
of of ADP IN prep 9
Martin Martin PROPN NNP compound 13
Luther Luther PROPN NNP compound 13
King King PROPN NNP pobj 10
. . PUNCT . punct 1""",
        [(2, 5, "PERSON"), (11, 14, "PERSON")],
        [("James Earl Ray", "ASSAULT", "Martin Luther King")],
        "hedged",
    ),
]


@pytest.mark.parametrize(("what", "rows", "ents", "expected", "modality"), CHARGES, ids=[c[0] for c in CHARGES])
def test_charged_act(vocab: Vocab, what: str, rows: str, ents: list[tuple[int, int, str]],
                     expected: list[tuple[str, str, str]], modality: str) -> None:
    doc = parsed_doc(vocab, rows, ents=ents)
    assert facts(doc) == expected, what
    (t,) = [t for t in extract_triples(doc, Document(id="d", text=doc.text)) if t.relation_type == "ASSAULT"]
    assert t.modality == modality


def test_a_charge_that_is_no_violent_act_gives_nothing(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Smith Smith PROPN NNP nsubjpass 2
was be AUX VBD auxpass 2
convicted convict VERB VBN ROOT 2
of of ADP IN prep 2
fraud fraud NOUN NN pobj 3
. . PUNCT . punct 2""", ents=[(0, 1, "PERSON")])
    assert facts(doc) == []


def test_relative_clause_is_said_of_the_names_before_it(vocab: Vocab) -> None:
    # "Jack Ruby, who killed Oswald, and Jim Bakker": Bakker, a conjunct after the clause, did nothing
    doc = parsed_doc(vocab, """
The the DET DT det 1
clients client NOUN NNS nsubj 2
included include VERB VBD ROOT 2
Jack Jack PROPN NNP compound 4
Ruby Ruby PROPN NNP dobj 2
, , PUNCT , punct 4
who who PRON WP nsubj 7
killed kill VERB VBD relcl 4
Oswald Oswald PROPN NNP dobj 7
, , PUNCT , punct 4
and and CCONJ CC cc 4
Jim Jim PROPN NNP compound 12
Bakker Bakker PROPN NNP conj 4
. . PUNCT . punct 2""", ents=[(3, 5, "PERSON"), (8, 9, "PERSON"), (11, 13, "PERSON")])
    assault = [f for f in facts(doc) if f[1] == "ASSAULT"]
    assert assault == [("Jack Ruby", "ASSAULT", "Oswald")]
