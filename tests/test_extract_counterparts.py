"""Officials named by their states ("his Greek and French counterparts"), the scope of conjoined ends and the
modality of event nouns, on hand-built parses (kg/extract/counterparts.py, scope.py, modality.py)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract import extract_triples
from kg.extract.modality import noun_modality
from kg.extract.testing import parsed_doc
from kg.records import Document

# "Shoukry and his Greek and French counterparts met in Cairo on Wednesday."
GROUP = """
Shoukry Shoukry PROPN NNP nsubj 7
and and CCONJ CC cc 0
his his PRON PRP$ poss 6
Greek greek ADJ JJ amod 6
and and CCONJ CC cc 3
French french ADJ JJ conj 3
counterparts counterpart NOUN NNS conj 0
met meet VERB VBD ROOT 7
in in ADP IN prep 7
Cairo Cairo PROPN NNP pobj 8
. . PUNCT . punct 7"""
GROUP_ENTS = [(0, 1, "PERSON"), (3, 4, "NORP"), (5, 6, "NORP"), (9, 10, "GPE")]

# "Shoukry and his Greek and French counterparts, Dendias and Le Drian, respectively, met in Cairo."
# (the parser hangs the names on the first subject, as it does on the real sentence)
NAMED = """
Shoukry Shoukry PROPN NNP nsubj 16
and and CCONJ CC cc 0
his his PRON PRP$ poss 6
Greek greek ADJ JJ amod 6
and and CCONJ CC cc 3
French french ADJ JJ conj 3
counterparts counterpart NOUN NNS conj 0
, , PUNCT , punct 0
Nikos Nikos PROPN NNP compound 9
Dendias Dendias PROPN NNP appos 0
and and CCONJ CC cc 9
Le Le PROPN NNP compound 12
Drian Drian PROPN NNP conj 9
, , PUNCT , punct 16
respectively respectively ADV RB advmod 16
, , PUNCT , punct 16
met meet VERB VBD ROOT 16
in in ADP IN prep 16
Cairo Cairo PROPN NNP pobj 17
. . PUNCT . punct 16"""
NAMED_ENTS = [(0, 1, "PERSON"), (3, 4, "NORP"), (5, 6, "NORP"), (8, 10, "PERSON"), (11, 13, "PERSON"),
              (18, 19, "GPE")]


def _triples(doc: Doc) -> set[tuple[str, str, str, str | None]]:
    return {(t.subject, t.relation_type, t.object, t.location)
            for t in extract_triples(doc, Document(id="d", text=doc.text, date="2020-01-08"))}


def test_every_state_of_a_group_noun_meets_with_every_other_in_the_place_of_the_meeting(vocab: Vocab) -> None:
    got = _triples(parsed_doc(vocab, GROUP, ents=GROUP_ENTS))
    assert got == {("Shoukry", "CONSULT", "Greece", "Cairo"), ("Shoukry", "CONSULT", "France", "Cairo"),
                   ("Greece", "CONSULT", "France", "Cairo")}


def test_names_closed_by_respectively_are_the_officials_one_per_state(vocab: Vocab) -> None:
    got = _triples(parsed_doc(vocab, NAMED, ents=NAMED_ENTS))
    meetings = {(s, o, loc) for s, t, o, loc in got if t == "CONSULT"}
    assert meetings == {("Shoukry", "Nikos Dendias", "Cairo"), ("Shoukry", "Le Drian", "Cairo"),
                        ("Nikos Dendias", "Le Drian", "Cairo")}
    roles = {(s, o) for s, t, o, _ in got if t == "MEMBER_OF"}
    assert roles == {("Nikos Dendias", "Greece"), ("Le Drian", "France")}


def test_without_respectively_the_names_are_not_paired_with_the_states(vocab: Vocab) -> None:
    rows = NAMED.replace("respectively respectively ADV RB advmod 16", "then then ADV RB advmod 16")
    got = _triples(parsed_doc(vocab, rows, ents=NAMED_ENTS))
    assert not {(s, o) for s, t, o, _ in got if t == "MEMBER_OF"}


def test_a_singular_noun_names_one_official(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Shoukry Shoukry PROPN NNP nsubj 5
and and CCONJ CC cc 0
his his PRON PRP$ poss 4
Greek greek ADJ JJ amod 4
counterpart counterpart NOUN NN conj 0
met meet VERB VBD ROOT 5
in in ADP IN prep 5
Cairo Cairo PROPN NNP pobj 6
. . PUNCT . punct 5""", ents=[(0, 1, "PERSON"), (3, 4, "NORP"), (7, 8, "GPE")])
    assert _triples(doc) == {("Shoukry", "CONSULT", "Greece", "Cairo")}


# (words, parse rows, event noun index, (negated, modality))
NOUN_CASES = [
    ("a planned trip", """
Trump Trump PROPN NNP nsubj 1
announced announce VERB VBD ROOT 1
a a DET DT det 4
planned planned VERB VBN amod 4
trip trip NOUN NN dobj 1
. . PUNCT . punct 1""", 4, (False, "future")),
    ("a trip which was cancelled", """
The the DET DT det 1
trip trip NOUN NN nsubj 5
, , PUNCT , punct 1
which which PRON WDT nsubjpass 5
was be AUX VBD auxpass 5
cancelled cancel VERB VBN relcl 1
. . PUNCT . punct 1""", 1, (True, "asserted")),
    ("a possible strike", """
a a DET DT det 2
possible possible ADJ JJ amod 2
strike strike NOUN NN ROOT 2""", 2, (False, "hedged")),
    ("the proposed summit was called off", """
The the DET DT det 2
proposed propose VERB VBN amod 2
summit summit NOUN NN nsubjpass 4
was be AUX VBD auxpass 4
called call VERB VBN ROOT 4
off off ADP RP prt 4
. . PUNCT . punct 4""", 2, (True, "future")),
    ("worked to arrange a meeting", """
Volker Volker PROPN NNP nsubj 1
worked work VERB VBD ROOT 1
to to PART TO aux 3
arrange arrange VERB VB xcomp 1
a a DET DT det 5
meeting meeting NOUN NN dobj 3
. . PUNCT . punct 1""", 5, (False, "future")),
    ("a meeting during the planned trip", """
a a DET DT det 1
meeting meeting NOUN NN ROOT 1
during during ADP IN prep 1
the the DET DT det 5
planned planned VERB VBN amod 5
trip trip NOUN NN pobj 2""", 1, (False, "future")),
    ("the visit", """
The the DET DT det 1
visit visit NOUN NN nsubj 2
ended end VERB VBD ROOT 2
. . PUNCT . punct 2""", 1, (False, "asserted")),
]


@pytest.mark.parametrize(("name", "rows", "noun", "flags"), NOUN_CASES, ids=[c[0] for c in NOUN_CASES])
def test_event_noun_modality(vocab: Vocab, name: str, rows: str, noun: int, flags: tuple[bool, str]) -> None:
    doc = parsed_doc(vocab, rows)
    assert noun_modality(doc[noun]) == flags


def test_a_counterpart_given_by_name_is_the_person_not_the_state(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Shoukry Shoukry PROPN NNP nsubj 6
and and CCONJ CC cc 0
his his PRON PRP$ poss 4
Greek greek ADJ JJ amod 4
counterpart counterpart NOUN NN conj 0
Dendias Dendias PROPN NNP appos 4
met meet VERB VBD ROOT 6
in in ADP IN prep 6
Cairo Cairo PROPN NNP pobj 7
. . PUNCT . punct 6""", ents=[(0, 1, "PERSON"), (3, 4, "NORP"), (5, 6, "PERSON"), (8, 9, "GPE")])
    meetings = {(s, o, loc) for s, t, o, loc in _triples(doc) if t == "CONSULT"}
    assert meetings == {("Shoukry", "Dendias", "Cairo")}


def test_a_counterpart_is_never_its_possessors(vocab: Vocab) -> None:
    # "Putin spoke with his Turkish counterpart": Turkey's official, not a self-loop on Putin
    doc = parsed_doc(vocab, """
Putin Putin PROPN NNP nsubj 1
spoke speak VERB VBD ROOT 1
with with ADP IN prep 1
his his PRON PRP$ poss 5
Turkish turkish ADJ JJ amod 5
counterpart counterpart NOUN NN pobj 2
. . PUNCT . punct 1""", ents=[(0, 1, "PERSON"), (4, 5, "NORP")])
    assert {(s, t, o) for s, t, o, _ in _triples(doc)} == {("Vladimir Putin", "CONSULT", "Turkey")}
