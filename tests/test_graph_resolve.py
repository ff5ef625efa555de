"""Cross-document resolution in the graph stage: merges the corpus supports, none it does not."""

from __future__ import annotations

from kg.graph.aggregate import ActorSummary
from kg.graph.build import build_graph
from kg.graph.resolve import node_aliases, resolve_actors, wikidata_ids


def _node(name: str, ner: str = "PERSON", *docs: str, text: str | None = None) -> ActorSummary:
    n = ActorSummary()
    for doc in docs or ("d1",):
        n.add(name, ner, None, text or name, doc, None)
    return n


def test_a_surname_joins_the_full_name_a_shared_document_names() -> None:
    nodes = {"kamala_harris": _node("Kamala Harris", "PERSON", "d1", "d2"), "sam_harris": _node("Sam Harris",
             "PERSON", "d3"), "harris": _node("Harris", "PERSON", "d2")}
    assert resolve_actors(nodes).renames == {"harris": "kamala_harris"}


def test_an_ambiguous_surname_stays_apart() -> None:
    nodes = {"john_f_kennedy": _node("John F. Kennedy", "PERSON", "d1"),
             "robert_f_kennedy": _node("Robert F. Kennedy", "PERSON", "d1"),
             "kennedy": _node("Kennedy", "PERSON", "d1")}
    assert "kennedy" not in resolve_actors(nodes).renames
    nodes = {"a_b": _node("A B", "PERSON", "d1"), "c_b": _node("C B", "PERSON", "d2"),
             "b": _node("B", "PERSON", "d3")}
    assert resolve_actors(nodes).renames == {}  # no shared document and two candidates


def test_a_surname_of_another_type_is_not_merged() -> None:
    nodes = {"bernie_sanders": _node("Bernie Sanders"), "sanders": _node("Sanders", "ORG")}
    assert resolve_actors(nodes).renames == {}


def test_a_name_variant_joins_the_better_attested_spelling() -> None:
    nodes = {"john_bolton": _node("John Bolton", "PERSON", "d1", "d2"), "john_r_bolton": _node("John R. Bolton"),
             "bolton": _node("Bolton", "PERSON", "d3")}
    assert resolve_actors(nodes).renames == {"john_r_bolton": "john_bolton", "bolton": "john_bolton"}


def test_two_variants_of_one_short_name_are_left_alone() -> None:
    nodes = {"robert_mugabe": _node("Robert Mugabe"), "robert_gabriel_mugabe": _node("Robert Gabriel Mugabe"),
             "robert_g_mugabe": _node("Robert G. Mugabe")}
    assert resolve_actors(nodes).renames == {}


def test_a_party_adjective_joins_its_party() -> None:
    nodes = {"democratic": _node("Democratic", "NORP"), "democratic_party": _node("Democratic Party", "ORG"),
             "republican": _node("Republican", "NORP")}
    assert resolve_actors(nodes).renames == {"democratic": "democratic_party"}


def test_pronouns_are_never_aliases(make_triple) -> None:
    n = _node("Joe Biden", text="She")
    n.add("Joe Biden", "PERSON", None, "Biden", "d1", None)
    assert node_aliases(n) == ["Biden", "Joe Biden"]
    g = build_graph([make_triple(subject="Joe Biden", subject_text="he", subject_type="PERSON", obj="Ukraine")])
    assert g.nodes["joe_biden"]["aliases"] == ["Joe Biden"]


def test_states_and_main_organisations_carry_their_wikidata_id(make_triple) -> None:
    ids = wikidata_ids()
    assert (ids["RUS"], ids["USA"], ids["nato"], ids["united_nations"]) == ("Q159", "Q30", "Q7184", "Q1065")
    g = build_graph([make_triple(subject="Russia", subject_iso3="RUS", obj="Kamala Harris")])
    assert g.nodes["RUS"]["wikidata"] == "Q159" and g.nodes["kamala_harris"]["wikidata"] is None


def test_a_short_first_name_is_a_variant() -> None:
    nodes = {"mitchell_stoltz": _node("Mitchell Stoltz", "PERSON", "d1", "d2"), "mitch_stoltz": _node("Mitch Stoltz"),
             "al_gore": _node("Al Gore"), "alan_gore": _node("Alan Gore")}
    assert resolve_actors(nodes).renames == {"mitch_stoltz": "mitchell_stoltz"}


def test_the_analysts_person_still_takes_its_surname() -> None:
    from kg.actor_fixes import parse_actor_fixes

    fixes = parse_actor_fixes(["name,aliases,type,wikidata,discard", "Bernie Sanders,,person,,"], "f.csv")
    nodes = {"bernie_sanders": _node("Bernie Sanders"), "bernie": _node("Bernie")}
    assert resolve_actors(nodes, fixes).renames == {"bernie": "bernie_sanders"}
