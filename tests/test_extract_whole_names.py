"""Names the NER cut in two or mistyped, made whole (:func:`kg.extract.mention_spans.whole_names`): an
organisation's opening words ("Kataeb Hezbollah"), a university campus ("UC San Diego", "the University of
California, San Diego"), and a field of study that is no actor ("an Olympiad in Neurosurgery")."""

from __future__ import annotations

import pytest
import spacy

from kg.extract.mentions import DocMentions
from kg.extract.testing import facts, parsed_doc

VOCAB = spacy.blank("en").vocab

_KATAEB = """
Other other ADJ JJ amod 1
victims victim NOUN NNS nsubj 2
included include VERB VBD ROOT 2
a a DET DT det 6
Kataeb Kataeb PROPN NNP compound 5
Hezbollah Hezbollah PROPN NNP compound 6
official official NOUN NN dobj 2
. . PUNCT . punct 2"""


def _texts(rows: str, ents: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    ms = DocMentions.build(parsed_doc(VOCAB, rows, ents=ents))
    return [(m.text, m.type) for _, m in ms.ordered]


@pytest.mark.parametrize("ents", [
    [(4, 5, "NORP"), (5, 6, "ORG")],  # the first word tagged apart (the model's parse of the Wikinews sentence)
    [(5, 6, "ORG")],  # the first word left out
    [(4, 5, "ORG"), (5, 6, "ORG")],  # two organisations where there is one
])
def test_an_organisation_takes_the_words_the_parse_compounds_into_its_name(ents: list[tuple[int, int, str]]) -> None:
    assert _texts(_KATAEB, ents) == [("Kataeb Hezbollah", "ORG")]
    assert facts(parsed_doc(VOCAB, _KATAEB, ents=ents)) == []  # no "Hezbollah AFFILIATED_WITH Kataeb"


@pytest.mark.parametrize("word, label", [
    ("Shia", "NORP"),  # a faith word before the name ("the Shia Hezbollah movement") is no part of it
    ("Hamas", "ORG"),  # a known actor of its own
    ("President", ""),  # a title
])
def test_no_group_word_known_actor_or_title_joins_an_organisation(word: str, label: str) -> None:
    rows = _KATAEB.replace("Kataeb Kataeb", f"{word} {word}")
    ents = [(4, 5, label), (5, 6, "ORG")] if label else [(5, 6, "ORG")]
    assert ("Hezbollah", "ORG") in _texts(rows, ents)


def test_a_known_name_of_several_words_or_a_bare_institution_is_not_joined() -> None:
    rows = """
the the DET DT det 3
United United PROPN NNP compound 2
Nations Nations PROPN NNP compound 4
Nikki Nikki PROPN NNP compound 4
Haley Haley PROPN NNP nsubj 5
wrote write VERB VBD ROOT 5
. . PUNCT . punct 5"""
    # each word alone is unknown, the entity is the United Nations: "Nikki Haley" (tagged ORG) stays apart
    assert ("United Nations", "ORG") in _texts(rows, [(0, 3, "ORG"), (3, 5, "ORG")])
    assert ("Nikki Haley", "ORG") in _texts(rows, [(1, 3, "NORP"), (3, 5, "ORG")])  # United Nations, NORP
    rows = """
State State PROPN NNP compound 1
Congress Congress PROPN NNP compound 2
President President PROPN NNP compound 4
Girish Girish PROPN NNP compound 4
Chodankar Chodankar PROPN NNP nsubj 5
spoke speak VERB VBD ROOT 5
. . PUNCT . punct 5"""
    # a bare institution keeps the word before it out: "the state Congress" is no body of the country
    assert _texts(rows, [(1, 2, "ORG"), (3, 5, "PERSON")]) == [("Girish Chodankar", "PERSON")]


def test_a_possessive_or_a_list_is_no_compound_name() -> None:
    possessive = """
Iran Iran PROPN NNP poss 2
's 's PART POS case 0
Hezbollah Hezbollah PROPN NNP nsubj 3
fired fire VERB VBD ROOT 3
rockets rocket NOUN NNS dobj 3
. . PUNCT . punct 3"""
    assert _texts(possessive, [(0, 1, "GPE"), (2, 3, "ORG")]) == [("Iran", "GPE"), ("Hezbollah", "ORG")]
    listed = """
Kataeb Kataeb PROPN NNP nsubj 4
, , PUNCT , punct 0
Hezbollah Hezbollah PROPN NNP conj 0
and and CCONJ CC cc 2
condemned condemn VERB VBD ROOT 4
it it PRON PRP dobj 4
. . PUNCT . punct 4"""
    assert _texts(listed, [(0, 1, "NORP"), (2, 3, "ORG")]) == [("Kataeb", "NORP"), ("Hezbollah", "ORG")]


def test_a_person_named_like_a_known_organisation_is_that_organisation() -> None:
    rows = """
Kataeb Kataeb PROPN NNP compound 1
Hezbollah Hezbollah PROPN NNP nsubj 2
denied deny VERB VBD ROOT 2
the the DET DT det 4
attack attack NOUN NN dobj 2
. . PUNCT . punct 2"""
    assert _texts(rows, [(0, 2, "PERSON")]) == [("Kataeb Hezbollah", "ORG")]
    # a person whose surname is no organisation's stays a person
    assert _texts(rows.replace("Hezbollah Hezbollah", "Haddad Haddad"), [(0, 2, "PERSON")]) == \
        [("Kataeb Haddad", "PERSON")]


_OLYMPIAD = """
The the DET DT det 2
Student Student PROPN NNP compound 2
Olympiad Olympiad PROPN NNP nsubj 5
in in ADP IN prep 2
Neurosurgery Neurosurgery PROPN NNP pobj 3
took take VERB VBD ROOT 5
place place NOUN NN dobj 5
at at ADP IN prep 5
the the DET DT det 11
Federal Federal PROPN NNP compound 10
Center Center PROPN NNP pobj 7
for for ADP IN prep 10
Neurosurgery Neurosurgery PROPN NNP pobj 11
in in ADP IN prep 10
Tyumen Tyumen PROPN NNP pobj 13
. . PUNCT . punct 5"""


def test_a_field_of_study_is_no_actor_and_no_place() -> None:
    ents = [(1, 3, "ORG"), (4, 5, "GPE"), (9, 13, "ORG"), (14, 15, "GPE")]
    doc = parsed_doc(VOCAB, _OLYMPIAD, ents=ents)
    assert [m.text for _, m in DocMentions.build(doc).ordered] == \
        ["Student Olympiad", "Federal Center for Neurosurgery", "Tyumen"]
    assert ("Federal Center for Neurosurgery", "LOCATED_IN", "Tyumen") in facts(doc)
    assert all(obj != "Neurosurgery" for _, _, obj in facts(doc))
    # the same place word that is no field stays a place
    doc = parsed_doc(VOCAB, _OLYMPIAD.replace("Neurosurgery Neurosurgery PROPN NNP pobj 3", "Kazan Kazan PROPN NNP "
                                              "pobj 3"), ents=ents)
    assert "Kazan" in [m.text for _, m in DocMentions.build(doc).ordered]


_UC = """
Researchers researcher NOUN NNS nsubj 5
at at ADP IN prep 0
UC UC PROPN NNP compound 4
San San PROPN NNP compound 4
Diego Diego PROPN NNP pobj 1
said say VERB VBD ROOT 5
. . PUNCT . punct 5"""


@pytest.mark.parametrize("ents", [
    [(2, 3, "GPE"), (3, 5, "PERSON")],  # the model's tags: a place and a person
    [(2, 3, "GPE"), (3, 5, "GPE")],  # two places
    [(3, 5, "GPE")],  # the city alone
    [(2, 5, "GPE")],  # the whole as a place
])
def test_a_campus_named_by_its_systems_acronym_and_city_is_one_organisation(ents: list[tuple[int, int, str]]) -> None:
    assert _texts(_UC, ents) == [("UC San Diego", "ORG")]


def test_a_known_acronym_or_a_word_that_is_no_city_makes_no_campus() -> None:
    rows = _UC.replace("UC UC", "US US")  # a state
    assert _texts(rows, [(2, 3, "GPE"), (3, 5, "GPE")]) == [("US", "GPE"), ("San Diego", "GPE")]
    rows = _UC.replace("San San", "Jane Jane").replace("Diego Diego", "Smith Smith")  # a person, no place
    assert ("Jane Smith", "PERSON") in _texts(rows, [(2, 3, "ORG"), (3, 5, "PERSON")])


def test_both_words_before_one_noun_make_the_campus() -> None:
    rows = """
UC UC PROPN NNP compound 3
San San PROPN NNP compound 2
Diego Diego PROPN NNP compound 3
researchers researcher NOUN NNS nsubj 4
said say VERB VBD ROOT 4
. . PUNCT . punct 4"""
    assert _texts(rows, [(0, 1, "GPE"), (1, 3, "GPE")]) == [("UC San Diego", "ORG")]


_UCSD = """
It it PRON PRP nsubjpass 2
was be AUX VBD auxpass 2
announced announce VERB VBN ROOT 2
by by ADP IN agent 2
the the DET DT det 5
University University PROPN NNP pobj 3
of of ADP IN prep 5
California California PROPN NNP pobj 6
, , PUNCT , punct 5
San San PROPN NNP compound 10
Diego Diego PROPN NNP appos 5
. . PUNCT . punct 2"""


def test_a_state_universitys_campus_after_a_comma_is_one_organisation() -> None:
    doc = parsed_doc(VOCAB, _UCSD, ents=[(4, 8, "ORG"), (9, 11, "GPE")])
    assert [(m.text, m.type) for _, m in DocMentions.build(doc).ordered] == \
        [("University of California, San Diego", "ORG")]
    assert facts(doc) == []  # not "University of California LOCATED_IN San Diego"


def test_a_location_after_the_city_or_a_university_of_no_state_keeps_the_parts() -> None:
    rows = _UCSD.replace(". . PUNCT . punct 2", ", , PUNCT , punct 10\nCalifornia California PROPN NNP appos 10\n"
                                                ". . PUNCT . punct 2")
    got = _texts(rows, [(4, 8, "ORG"), (9, 11, "GPE"), (12, 13, "GPE")])
    assert ("University of California", "ORG") in got and ("San Diego", "GPE") in got
    rows = _UCSD.replace("California California", "Oxford Oxford")  # Oxford is no state's subdivision
    got = _texts(rows, [(4, 8, "ORG"), (9, 11, "GPE")])
    assert ("University of Oxford", "ORG") in got and ("San Diego", "GPE") in got


_PROTESTS = """
Protests protest NOUN NNS nsubj 1
hit hit VERB VBD ROOT 1
Minsk Minsk PROPN NNP dobj 1
. . PUNCT . punct 1"""


def test_a_plural_event_noun_heading_a_sentence_is_no_actor() -> None:
    # "Protests hit Minsk": the NER takes the capitalised first word for an organisation
    assert _texts(_PROTESTS, [(0, 1, "ORG"), (2, 3, "GPE")]) == [("Minsk", "GPE")]
    # not when it is no event noun of the lexicon, nor inside the sentence ("Democrats", a party)
    assert _texts(_PROTESTS.replace("Protests protest", "Democrats democrat"), [(0, 1, "NORP"), (2, 3, "GPE")])[0][0] \
        == "Democrats"


def test_an_office_named_like_a_body_is_no_actor() -> None:
    # "he is a former City Councillor": the NER's ORG is a post
    rows = """
He he PRON PRP nsubj 1
is be AUX VBZ ROOT 1
a a DET DT det 5
former former ADJ JJ amod 5
City City PROPN NNP compound 5
Councillor Councillor PROPN NNP attr 1
. . PUNCT . punct 1"""
    assert _texts(rows, [(4, 6, "ORG")]) == []
    council = rows.replace("Councillor Councillor", "Council Council")
    assert _texts(council, [(4, 6, "ORG")]) == [("City Council", "ORG")]


# "in Kerman, Soleimani's hometown"
_KERMAN = """
in in ADP IN ROOT 0
Kerman Kerman PROPN NNP pobj 0
, , PUNCT , punct 1
Soleimani Soleimani PROPN NNP poss 5
's 's PART POS case 3
hometown hometown NOUN NN appos 1"""


@pytest.mark.parametrize(("ents", "expected"), [
    ([(1, 4, "GPE")], [("Kerman", "GPE")]),  # the GPE runs over the comma into the possessor
    ([(1, 3, "GPE"), (3, 4, "PERSON")], [("Kerman", "GPE"), ("Soleimani", "PERSON")]),  # it ends on the comma
])
def test_a_town_ends_before_the_comma_of_its_apposition(ents: list[tuple[int, int, str]],
                                                         expected: list[tuple[str, str]]) -> None:
    assert _texts(_KERMAN, ents)[:len(expected)] == expected


# "in the City of Melbourne"
_CITY_OF = """
in in ADP IN ROOT 0
the the DET DT det 2
City City PROPN NNP pobj 0
of of ADP IN prep 2
Melbourne Melbourne PROPN NNP pobj 3"""


@pytest.mark.parametrize("ents", [
    [(1, 4, "GPE"), (4, 5, "GPE")],  # "the City of" | "Melbourne"
    [(2, 3, "GPE"), (4, 5, "GPE")],  # "City" | of | "Melbourne"
])
def test_a_unit_of_government_named_by_its_place_is_one_name(ents: list[tuple[int, int, str]]) -> None:
    assert [text for text, _ in _texts(_CITY_OF, ents)] in (["the City of Melbourne"], ["City of Melbourne"])


def test_a_government_of_a_state_is_not_joined() -> None:
    rows = """
the the DET DT det 1
Government Government PROPN NNP ROOT 1
of of ADP IN prep 1
India India PROPN NNP pobj 2"""
    assert [text for text, _ in _texts(rows, [(1, 2, "ORG"), (3, 4, "GPE")])][-1] == "India"
