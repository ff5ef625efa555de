"""Event places on hand-built parses: where the event happened, never where an actor sits."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract import extract_triples
from kg.extract.testing import parsed_doc
from kg.records import Document


def located(doc: Doc) -> list[tuple[str, str, str | None, str | None]]:
    """(subject, object, location, its state) of each triple of ``doc`` (types are the lexicon's business)."""
    return [(t.subject, t.object, t.location, t.location_iso3)
            for t in extract_triples(doc, Document(id="d", text=doc.text, date="2019-03-06"))]


def test_an_attack_in_a_place(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Israeli israeli ADJ JJ amod 1
jets jet NOUN NNS nsubj 2
struck strike VERB VBD ROOT 2
Hamas Hamas PROPN NNP dobj 2
near near ADP IN prep 2
Gaza Gaza PROPN NNP pobj 4
. . PUNCT . punct 2""", ents=[(0, 1, "NORP"), (3, 4, "ORG"), (5, 6, "GPE")])
    assert located(doc) == [("Israel", "Hamas", "Gaza", "PSE")]  # its country from kg/data/places.jsonl


def test_a_seat_of_power_is_the_city_with_its_state(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Trump Trump PROPN NNP nsubj 2
will will AUX MD aux 2
meet meet VERB VB ROOT 2
Kim Kim PROPN NNP dobj 2
in in ADP IN prep 2
Cairo Cairo PROPN NNP pobj 4
. . PUNCT . punct 2""", ents=[(0, 1, "PERSON"), (3, 4, "PERSON"), (5, 6, "GPE")])
    assert located(doc) == [("Donald Trump", "Kim", "Cairo", "EGY")]


def test_a_place_noun_and_its_state(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Russia Russia PROPN NNP nsubj 1
bombed bomb VERB VBD ROOT 1
Turkey Turkey PROPN NNP dobj 1
in in ADP IN prep 1
the the DET DT det 6
Syrian syrian ADJ JJ amod 6
city city NOUN NN pobj 3
of of ADP IN prep 6
Idlib Idlib PROPN NNP pobj 7
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (2, 3, "GPE"), (5, 6, "NORP"), (8, 9, "GPE")])
    # the standing tie the same words assert (Idlib LOCATED_IN Syria) is no event and gets no place
    assert located(doc) == [("Russia", "Turkey", "Idlib", "SYR"), ("Idlib", "Syria", None, None)]


def test_a_place_after_the_first_verb_is_not_the_second_conjuncts(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Israel Israel PROPN NNP nsubj 1
struck strike VERB VBD ROOT 1
Hamas Hamas PROPN NNP dobj 1
in in ADP IN prep 1
Gaza Gaza PROPN NNP pobj 3
and and CCONJ CC cc 1
attacked attack VERB VBD conj 1
Hezbollah Hezbollah PROPN NNP dobj 6
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (2, 3, "ORG"), (4, 5, "GPE"), (7, 8, "ORG")])
    got = {(s, o): loc for s, o, loc, _ in located(doc)}
    assert (got[("Israel", "Hamas")], got[("Israel", "Hezbollah")]) == ("Gaza", None)


def test_where_an_actor_sits_is_not_where_the_event_was(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
The the DET DT det 2
Iranian iranian ADJ JJ amod 2
embassy embassy NOUN NN nsubj 5
in in ADP IN prep 2
London London PROPN NNP pobj 3
criticised criticise VERB VBD ROOT 5
Saudi Saudi PROPN NNP compound 7
Arabia Arabia PROPN NNP dobj 5
. . PUNCT . punct 5""", ents=[(1, 2, "NORP"), (4, 5, "GPE"), (6, 8, "GPE")])
    assert all(loc is None for *_, loc, _ in located(doc)) and located(doc)


def test_a_standing_relation_has_no_place(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Russian russian ADJ JJ amod 2
President President PROPN NNP compound 3
Vladimir Vladimir PROPN NNP compound 4
Putin Putin PROPN NNP nsubj 4
spoke speak VERB VBD ROOT 4
in in ADP IN prep 4
Geneva Geneva PROPN NNP pobj 5
. . PUNCT . punct 4""", ents=[(0, 1, "NORP"), (2, 4, "PERSON"), (6, 7, "GPE")])
    triples = list(extract_triples(doc, Document(id="d", text=doc.text)))
    assert [(t.subject, t.relation_type, t.object, t.location) for t in triples] == [
        ("Vladimir Putin", "LEADER_OF", "Russia", None)]


def test_a_place_after_a_destination_is_the_destinations(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Russia Russia PROPN NNP nsubj 1
flew fly VERB VBD ROOT 1
Assad Assad PROPN NNP dobj 1
to to ADP IN prep 1
a a DET DT det 5
base base NOUN NN pobj 3
in in ADP IN prep 1
Latakia Latakia PROPN NNP pobj 6
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (2, 3, "PERSON"), (7, 8, "GPE")])
    assert [loc for *_, loc, _ in located(doc)] == [None]


def test_a_place_named_with_a_person_is_where_the_person_is(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Cuba Cuba PROPN NNP nsubj 1
supports support VERB VBZ ROOT 1
Maduro Maduro PROPN NNP dobj 1
in in ADP IN prep 2
Venezuela Venezuela PROPN NNP pobj 3
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (2, 3, "PERSON"), (4, 5, "GPE")])
    assert [loc for *_, loc, _ in located(doc)] == [None]


def test_a_region_of_no_state_is_too_vague_for_a_place(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Trump Trump PROPN NNP nsubj 1
met meet VERB VBD ROOT 1
Kim Kim PROPN NNP dobj 1
in in ADP IN prep 1
the the DET DT det 5
Pacific Pacific PROPN NNP pobj 3
. . PUNCT . punct 1""", ents=[(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 6, "LOC")])
    assert located(doc) == [("Donald Trump", "Kim", None, None)]
