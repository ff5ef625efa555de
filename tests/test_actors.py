"""Canonical actors: gazetteer lookups, name cleaning, keys, names a document spells out."""

from __future__ import annotations

import json

import pytest

from kg.actors import DocumentActors, actor_key, clean_name, gazetteer, normalize
from kg.ontology import DATA_DIR


@pytest.mark.parametrize(("form", "iso3"), [
    ("US", "USA"), ("U.S.", "USA"), ("USA", "USA"), ("the United States", "USA"), ("American", "USA"),
    ("Washington", "USA"), ("the White House", "USA"), ("UK", "GBR"), ("Britain", "GBR"), ("British", "GBR"),
    ("DPRK", "PRK"), ("Pyongyang", "PRK"), ("North Korean", "PRK"), ("North Korea\u2019s", "PRK"),
    ("PRC", "CHN"), ("Beijing", "CHN"), ("Moscow", "RUS"), ("the Kremlin", "RUS"), ("Russian", "RUS"),
    ("Kyiv", "UKR"), ("Soviet", "SUN"), ("the Soviet Union", "SUN"), ("Türkiye", "TUR"),
    ("Côte d'Ivoire", "CIV"),
])
def test_states_by_any_name(form: str, iso3: str) -> None:
    actor = gazetteer().lookup(form)
    assert actor is not None and actor.iso3 == iso3 and actor.type == "state" and actor.key == iso3


@pytest.mark.parametrize(("form", "name"), [
    ("EU", "European Union"), ("UN", "United Nations"), ("NATO", "NATO"),
    ("North Atlantic Treaty Organization", "NATO"), ("IMF", "International Monetary Fund"),
])
def test_organisations_by_acronym_or_full_name(form: str, name: str) -> None:
    actor = gazetteer().lookup(form)
    assert actor is not None and actor.name == name and actor.iso3 is None


def test_unknown_and_pronoun_forms_are_not_actors() -> None:
    assert gazetteer().lookup("Salisbury") is None
    assert gazetteer().lookup("communist") is None


def test_every_state_row_has_an_iso3_code() -> None:
    rows = [json.loads(line) for line in (DATA_DIR / "gazetteer.jsonl").read_text("utf-8").splitlines()]
    states = [r for r in rows if r["type"] == "state"]
    assert len(states) > 200
    assert all(len(r["iso3"]) == 3 and r["iso3"].isupper() for r in states)


def test_keys_merge_spelling_variants_and_are_nmtoken_safe() -> None:
    assert actor_key("Kim Jong-un", None) == actor_key("Kim Jong Un", None) == "kim_jong_un"
    assert actor_key("Zelenskyy\u2019s", None) == "zelenskyy"
    assert actor_key("Russia", "RUS") == "RUS"
    key = actor_key("Ђоковић", None)
    assert key.startswith("actor_") and key.replace("_", "").isalnum()


def test_clean_name_strips_article_possessive_and_titles() -> None:
    assert clean_name("the Soviet Union\u2019s", "GPE") == "Soviet Union"
    assert clean_name("President Putin", "PERSON") == "Putin"
    assert normalize("The U.S.'s") == "us"


def test_surname_and_title_forms_join_the_full_name_in_the_document() -> None:
    acts = DocumentActors([("Pedro Sanchez", "PERSON"), ("Olena Kovalenko", "PERSON")])
    assert acts.resolve("Sanchez", "PERSON").name == "Pedro Sanchez"  # type: ignore[union-attr]
    assert acts.resolve("Ms. Kovalenko", "PERSON").name == "Olena Kovalenko"  # type: ignore[union-attr]
    assert acts.resolve("Putin", "PERSON").name == "Vladimir Putin"  # type: ignore[union-attr]


def test_acronym_joins_the_organisation_named_in_the_document() -> None:
    acts = DocumentActors([("Union of Democratic Forces", "ORG")])
    assert acts.resolve("UDF", "ORG").name == "Union of Democratic Forces"  # type: ignore[union-attr]


def test_lower_case_words_are_not_actors() -> None:
    assert DocumentActors([]).resolve("communist", "NORP") is None
    assert DocumentActors([]).resolve("Historical Context\nThe", "ORG") is None


def test_names_opening_with_a_lower_case_particle_are_actors() -> None:
    acts = DocumentActors([("al-Muhandis", "ORG"), ("bin Salman", "PERSON")])
    found = acts.resolve("al-Muhandis", "ORG")
    assert found is not None and found.name == "al-Muhandis" and found.key == "al_muhandis"
    assert acts.resolve("bin Salman", "PERSON") is not None
    assert acts.resolve("western-backed", "NORP") is None  # an adjective is still no actor


def test_clean_name_drops_a_preposition_the_span_ran_into() -> None:
    assert clean_name("Patrice Talon of", "ORG") == "Patrice Talon"
    assert clean_name("Bank of", "ORG") == "Bank"
    assert clean_name("Bank of England", "ORG") == "Bank of England"


def test_a_surname_is_the_person_the_document_names_most() -> None:
    names = [("Robert Mugabe", "PERSON")] * 4 + [("Grace Mugabe", "PERSON"), ("Mugabe", "PERSON")]
    assert DocumentActors(names).resolve("Mugabe", "PERSON").name == "Robert Mugabe"
    even = [("Robert Mugabe", "PERSON")] * 2 + [("Grace Mugabe", "PERSON")] * 2
    assert DocumentActors(even).resolve("Mugabe", "PERSON").name == "Mugabe"  # ambiguous: left alone


def test_an_unknown_word_tagged_as_a_place_that_is_a_persons_surname_is_that_person() -> None:
    from kg.actors import DocumentActors

    acts = DocumentActors([("Amy Klobuchar", "PERSON"), ("Klobuchar", "GPE"), ("Minnesota", "GPE")])
    found = acts.resolve("Klobuchar", "GPE")
    assert found is not None and (found.name, found.ner) == ("Amy Klobuchar", "PERSON")
    assert acts.resolve("Minnesota", "GPE").name == "Minnesota"  # type: ignore[union-attr]
    # two people of one surname: the word stays what the NER said
    two = DocumentActors([("Amy Klobuchar", "PERSON"), ("Jim Klobuchar", "PERSON"), ("Klobuchar", "GPE")])
    assert two.resolve("Klobuchar", "GPE").ner == "GPE"  # type: ignore[union-attr]
