"""Bodies whose name holds a place the document names (kg.extract.org_names), on hand-built parses."""

from __future__ import annotations

import pytest
from spacy.vocab import Vocab

from kg.extract import extract_triples, org_names
from kg.extract.testing import facts, parsed_doc
from kg.records import Document

_STUDIED = """
He he PRON PRP nsubj 1
studied study VERB VBD ROOT 1
at at ADP IN prep 1
the the DET DT det 4
University University PROPN NNP pobj 2
of of ADP IN prep 4
Alberta Alberta PROPN NNP pobj 5
. . PUNCT . punct 1"""
_MOVED = """
He he PRON PRP nsubj 1
moved move VERB VBD ROOT 1
to to ADP IN prep 1
Alberta Alberta PROPN NNP pobj 2
. . PUNCT . punct 1"""


def test_a_body_is_in_the_place_its_name_holds_when_the_text_names_that_place(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, _MOVED + _STUDIED, ents=[(3, 4, "GPE"), (8, 12, "ORG")])
    assert facts(doc) == [("University of Alberta", "LOCATED_IN", "Alberta")]
    t = next(iter(extract_triples(doc, Document(id="d", text=doc.text))))
    assert doc.text[slice(*t.object_span)] == "Alberta" and t.object_span[0] > t.subject_span[0]


def test_a_place_named_only_inside_the_name_ties_nothing(vocab: Vocab) -> None:
    # "Havana Radio Reloj Network", "the University of Alberta" alone: no place of the text's own
    doc = parsed_doc(vocab, _STUDIED, ents=[(3, 7, "ORG")])
    assert facts(doc) == []


_NAVY = """
He he PRON PRP nsubj 1
joined join VERB VBD ROOT 1
the the DET DT det 5
Royal Royal PROPN NNP compound 5
Canadian Canadian PROPN NNP compound 5
Navy Navy PROPN NNP dobj 1
. . PUNCT . punct 1"""


@pytest.mark.parametrize("on", [False, True])
def test_a_state_inside_a_name_ties_the_body_only_when_switched_on(vocab: Vocab, monkeypatch: pytest.MonkeyPatch,
                                                                     on: bool) -> None:
    monkeypatch.setattr(org_names, "STATE_TIES", on)
    doc = parsed_doc(vocab, _NAVY, ents=[(2, 6, "ORG")])
    expected = [("Royal Canadian Navy", "AFFILIATED_WITH", "Canada")] if on else []
    assert facts(doc) == expected


_ANGELL = """
Henrik Henrik PROPN NNP compound 1
Angell Angell PROPN NNP nsubj 2
was be AUX VBD ROOT 2
a a DET DT det 5
Norwegian norwegian ADJ JJ amod 5
officer officer NOUN NN attr 2
. . PUNCT . punct 2"""


def test_by_default_a_state_inside_a_name_counts_in_a_document_with_a_topic(vocab: Vocab) -> None:
    assert org_names.STATE_TIES == "topic"
    navy = """
He he PRON PRP nsubj 8
joined join VERB VBD ROOT 8
the the DET DT det 12
Royal Royal PROPN NNP compound 12
Canadian Canadian PROPN NNP compound 12
Navy Navy PROPN NNP dobj 8
. . PUNCT . punct 8"""
    doc = parsed_doc(vocab, _ANGELL + navy, ents=[(0, 2, "PERSON"), (4, 5, "NORP"), (9, 13, "ORG")])
    assert ("Royal Canadian Navy", "AFFILIATED_WITH", "Canada") in facts(doc)
    # a news report does not open by saying what its first actor is: no such tie there
    doc = parsed_doc(vocab, _NAVY, ents=[(2, 6, "ORG")])
    assert facts(doc) == []


def test_a_first_name_or_a_last_word_alone_is_no_place_in_a_name(vocab: Vocab) -> None:
    # "Valeria" named as a place elsewhere (an NER slip) does not put Valeria Gazzola there; nor "Linux"
    rows = _MOVED.replace("Alberta Alberta", "Valeria Valeria") + """
Valeria Valeria PROPN NNP compound 6
Gazzola Gazzola PROPN NNP nsubj 7
spoke speak VERB VBD ROOT 7
. . PUNCT . punct 7"""
    doc = parsed_doc(vocab, rows, ents=[(3, 4, "GPE"), (5, 7, "ORG")])
    assert facts(doc) == []
    rows = _MOVED.replace("Alberta Alberta", "Linux Linux") + """
Oracle Oracle PROPN NNP compound 6
Linux Linux PROPN NNP nsubj 7
crashed crash VERB VBD ROOT 7
. . PUNCT . punct 7"""
    doc = parsed_doc(vocab, rows, ents=[(3, 4, "GPE"), (5, 7, "ORG")])
    assert facts(doc) == []
