"""Coreference that agrees or nothing, places that keep their identity, institutions with their country,
sources that are no actors: rules on hand-built parses."""

from __future__ import annotations

from spacy.vocab import Vocab

from kg.actors import DocumentActors
from kg.extract.mentions import DocMentions
from kg.extract.testing import facts, parsed_doc

_MET = """
Joe Joe PROPN NNP compound 1
Biden Biden PROPN NNP nsubj 2
met meet VERB VBD ROOT 2
{first} {first} PROPN NNP compound 4
{last} {last} PROPN NNP dobj 2
. . PUNCT . punct 2
{pron} {pron_lower} PRON PRP nsubj 7
criticised criticise VERB VBD ROOT 7
Russia Russia PROPN NNP dobj 7
. . PUNCT . punct 7"""
_MET_ENTS = [(0, 2, "PERSON"), (3, 5, "PERSON"), (8, 9, "GPE")]


def _met(vocab: Vocab, first: str, last: str, pron: str):
    return parsed_doc(vocab, _MET.format(first=first, last=last, pron=pron, pron_lower=pron.lower()), ents=_MET_ENTS)


def test_she_is_the_one_woman_named(vocab: Vocab) -> None:
    assert ("Kamala Harris", "ACCUSE", "Russia") in facts(_met(vocab, "Kamala", "Harris", "She"))
    assert ("Joe Biden", "ACCUSE", "Russia") not in facts(_met(vocab, "Kamala", "Harris", "She"))


def test_he_with_two_men_named_is_left_alone(vocab: Vocab) -> None:
    found = facts(_met(vocab, "Bernie", "Sanders", "He"))
    assert ("Joe Biden", "CONSULT", "Bernie Sanders") in found  # the named tie stays
    assert not [f for f in found if f[2] == "Russia"]


def test_it_is_never_a_person(vocab: Vocab) -> None:
    assert not [f for f in facts(_met(vocab, "Bernie", "Sanders", "It")) if f[2] == "Russia"]


def test_they_after_a_coordination_or_a_plural_noun_is_left_alone(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Hamas Hamas PROPN NNP nsubj 3
and and CCONJ CC cc 0
Hezbollah Hezbollah PROPN NNP conj 0
met meet VERB VBD ROOT 3
. . PUNCT . punct 3
They they PRON PRP nsubj 6
attacked attack VERB VBD ROOT 6
Israel Israel PROPN NNP dobj 6
. . PUNCT . punct 6""", ents=[(0, 1, "ORG"), (2, 3, "ORG"), (7, 8, "GPE")])
    assert not [f for f in facts(doc) if f[2] == "Israel"]
    doc = parsed_doc(vocab, """
Four four NUM CD nummod 2
foreign foreign ADJ JJ amod 2
ministers minister NOUN NNS nsubj 3
met meet VERB VBD ROOT 3
Hamas Hamas PROPN NNP dobj 3
. . PUNCT . punct 3
They they PRON PRP nsubj 7
criticised criticise VERB VBD ROOT 7
Israel Israel PROPN NNP dobj 7
. . PUNCT . punct 7""", ents=[(4, 5, "ORG"), (8, 9, "GPE")])
    assert not [f for f in facts(doc) if f[2] == "Israel"]


def test_they_is_a_group_named_alone(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Hamas Hamas PROPN NNP nsubj 1
met meet VERB VBD ROOT 1
in in ADP IN prep 1
Doha Doha PROPN NNP pobj 2
. . PUNCT . punct 1
They they PRON PRP nsubj 6
attacked attack VERB VBD ROOT 6
Israel Israel PROPN NNP dobj 6
. . PUNCT . punct 6""", ents=[(0, 1, "ORG"), (3, 4, "GPE"), (7, 8, "GPE")])
    assert ("Hamas", "ASSAULT", "Israel") in facts(doc)


_MAYOR = """
Sadiq Sadiq PROPN NNP compound 1
Khan Khan PROPN NNP nsubj 2
is be AUX VBZ ROOT 2
the the DET DT det 4
mayor mayor NOUN NN attr 2
of of ADP IN prep 4
London London PROPN NNP pobj 5
. . PUNCT . punct 2"""


def test_the_mayor_of_london_leads_the_city_not_the_state(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, _MAYOR, ents=[(0, 2, "PERSON"), (6, 7, "GPE")])
    ms = DocMentions.build(doc)
    london = ms.by_token[6]
    assert (london.name, london.iso3) == ("London", None)
    assert not [f for f in facts(doc) if f[2] == "United Kingdom"]


def test_a_capital_acting_is_its_state(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Moscow Moscow PROPN NNP nsubj 1
warned warn VERB VBD ROOT 1
Kyiv Kyiv PROPN NNP dobj 1
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (2, 3, "GPE")])
    assert facts(doc) == [("Russia", "THREATEN", "Ukraine")]


def test_told_wikinews_is_no_tie(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Smith Smith PROPN NNP nsubj 1
told tell VERB VBD ROOT 1
Wikinews Wikinews PROPN NNP dobj 1
that that SCONJ IN mark 5
Russia Russia PROPN NNP nsubj 5
attacked attack VERB VBD ccomp 1
Ukraine Ukraine PROPN NNP dobj 5
. . PUNCT . punct 1""", ents=[(0, 1, "PERSON"), (2, 3, "ORG"), (4, 5, "GPE"), (6, 7, "GPE")])
    ms = DocMentions.build(doc)
    assert 2 not in ms.by_token
    assert [f for f in facts(doc) if "Wikinews" in f] == []


def test_a_disease_or_platform_is_no_actor() -> None:
    acts = DocumentActors([])
    assert acts.resolve("COVID-19", "ORG") is None and acts.resolve("Twitter", "PERSON") is None
    assert acts.resolve("Brexit", "PERSON") is None and acts.resolve("Hagia Sophia", "PERSON") is None
    # a named storm, by its first word: "Hurricane Lorenzo hit the Azores" is no attack by an actor
    assert acts.resolve("Hurricane Lorenzo", "ORG") is None and acts.resolve("Typhoon Hagibis", "GPE") is None
    assert acts.resolve("Cyclone Idai", "PERSON") is None and acts.resolve("Lorenzo", "PERSON") is not None


def test_a_bare_institution_takes_the_documents_state_or_stays_out() -> None:
    us = DocumentActors([("US", "GPE"), ("American", "NORP"), ("China", "GPE"), ("Senate", "ORG")])
    senate = us.resolve("the Senate", "ORG")
    assert senate is not None and senate.name == "United States Senate"
    assert DocumentActors([("US", "GPE"), ("China", "GPE")]).resolve("Senate", "ORG") is None  # no dominant state
    uk = DocumentActors([("Britain", "GPE"), ("UK", "GPE")])
    assert uk.resolve("Parliament", "ORG").name == "Parliament of the United Kingdom"
    assert DocumentActors([]).resolve("British Parliament", "ORG").name == "Parliament of the United Kingdom"
    assert DocumentActors([]).resolve("Supreme Court", "ORG") is None


def test_a_body_only_some_states_have_is_never_invented_for_the_main_state() -> None:
    # "the House" in a report on Ukraine's affairs is the US House when the report names the United States
    names = [("Ukraine", "GPE")] * 5
    house = DocumentActors([*names, ("United States", "GPE")]).resolve("The House", "ORG")
    assert house is not None and house.name == "United States House of Representatives"
    assert DocumentActors(names).resolve("The House", "ORG") is None  # no "House of Ukraine"
    parliament = DocumentActors(names).resolve("Parliament", "ORG")  # every state may have a parliament
    assert parliament is not None and parliament.name == "Parliament of Ukraine"

def test_georgia_is_the_us_state_in_an_american_story() -> None:
    us = DocumentActors([("Atlanta", "GPE"), ("Georgia", "GPE"), ("US", "GPE"), ("Georgia", "GPE")])
    state = us.resolve("Georgia", "GPE")
    assert state is not None and (state.name, state.iso3) == ("Georgia (U.S. state)", None)
    country = DocumentActors([("Tbilisi", "GPE"), ("Georgia", "GPE"), ("US", "GPE")]).resolve("Georgia", "GPE")
    assert country is not None and country.iso3 == "GEO"
    assert DocumentActors([("Georgia", "GPE"), ("Russia", "GPE")]).resolve("Georgia", "GPE").iso3 == "GEO"


def test_he_in_a_clause_is_its_named_subject(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Joe Joe PROPN NNP compound 1
Biden Biden PROPN NNP nsubj 2
met meet VERB VBD ROOT 2
Bernie Bernie PROPN NNP compound 4
Sanders Sanders PROPN NNP dobj 2
. . PUNCT . punct 2
Sanders Sanders PROPN NNP nsubj 7
said say VERB VBD ROOT 7
he he PRON PRP nsubj 9
criticised criticise VERB VBD ccomp 7
Russia Russia PROPN NNP dobj 9
. . PUNCT . punct 7""", ents=[(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 7, "PERSON"), (10, 11, "GPE")])
    assert ("Bernie Sanders", "ACCUSE", "Russia") in facts(doc)
    assert ("Joe Biden", "ACCUSE", "Russia") not in facts(doc)


def test_a_demonym_locating_a_city_is_no_actor(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Adamowicz Adamowicz PROPN NNP nsubj 1
was be AUX VBD ROOT 1
the the DET DT det 3
mayor mayor NOUN NN attr 1
of of ADP IN prep 3
the the DET DT det 7
Polish polish ADJ JJ amod 7
city city NOUN NN pobj 4
. . PUNCT . punct 1""", ents=[(0, 1, "PERSON"), (6, 7, "NORP")])
    assert 6 not in DocMentions.build(doc).by_token
    assert not [f for f in facts(doc) if f[2] == "Poland"]


def test_the_state_senate_is_not_the_countrys(vocab: Vocab) -> None:
    acts = DocumentActors([("US", "GPE"), ("US", "GPE")])
    assert acts.resolve("senate", "ORG") is not None  # the country's, but for the word before it
    doc = parsed_doc(vocab, """
the the DET DT det 2
state state NOUN NN compound 2
senate senate PROPN NNP ROOT 2""", ents=[(2, 3, "ORG")])
    assert DocMentions.build(doc, actors=acts).by_token == {}


def test_an_institution_of_a_named_place_is_that_places(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
the the DET DT det 2
Supreme Supreme PROPN NNP compound 2
Court Court PROPN NNP ROOT 2
of of ADP IN prep 2
Florida Florida PROPN NNP pobj 3""", ents=[(1, 3, "ORG"), (4, 5, "GPE")])
    assert DocMentions.build(doc).by_token[2].name == "Supreme Court of Florida"


def test_a_body_named_in_lower_case_is_the_documents_states(vocab: Vocab) -> None:
    # "Britain's Queen suspended parliament": the Parliament of the United Kingdom, not Britain itself
    rows = """
Britain Britain PROPN NNP poss 2
's 's PART POS case 0
Queen Queen PROPN NNP nsubj 3
suspended suspend VERB VBD ROOT 3
parliament parliament NOUN NN dobj 3
. . PUNCT . punct 3"""
    ents = [(0, 1, "GPE"), (2, 3, "PERSON")]
    assert ("Queen", "Parliament of the United Kingdom") in {(s, o) for s, _, o in facts(parsed_doc(vocab, rows,
                                                                                                     ents=ents))}
    # "suspended the state parliament": a body below the state is not the state's
    state = rows.replace("parliament parliament NOUN NN dobj 3", "state state NOUN NN compound 5\n"
                         "parliament parliament NOUN NN dobj 3").replace("punct 3\"\"\"", "punct 3\"\"\"")
    assert not any("Parliament" in o for _, _, o in facts(parsed_doc(vocab, state, ents=ents)))
