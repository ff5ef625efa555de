"""The analyst's actors file: reading and checking it, and what it does to triples, mentions and the graph."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.actor_fixes import ActorFileError, parse_actor_fixes, read_actor_fixes
from kg.api import write_triples
from kg.cli import cli
from kg.graph.build import GraphBuilder
from kg.records import DocumentMentions, Mention

HEADER = "name,aliases,type,wikidata,discard"


def _fixes(*rows: str):
    return parse_actor_fixes([HEADER, *rows], "fixes.csv")


def test_csv_rows_merge_aliases_fix_types_and_ids() -> None:
    fixes = _fixes("Bernie Sanders,Sanders|Senator Sanders,person,,", "Vladimir Putin,,,Q7747,",
                   "Wikinews,,,,true")
    assert len(fixes) == 3
    row = fixes.match(["the senator sanders"])
    assert row is not None and row.name == "Bernie Sanders" and row.key == "bernie_sanders" and row.ner == "PERSON"
    assert fixes.match(["Putin", "Vladimir Putin"]).wikidata == "Q7747"
    assert fixes.match(["Wikinews"]).discard and fixes.match(["Reuters"]) is None


def test_a_row_naming_a_gazetteer_state_takes_its_iso_code_as_key() -> None:
    row = _fixes("Russia,Russian Federation|RF,,,").match(["RF"])
    assert row is not None and (row.key, row.iso3) == ("RUS", "RUS")


def test_jsonl_rows_have_the_same_fields() -> None:
    lines = ['{"name": "Bernie Sanders", "aliases": ["Sanders"], "type": "person"}', "",
             '{"name": "Wikinews", "discard": true}']
    fixes = parse_actor_fixes(lines, "fixes.jsonl")
    assert fixes.match(["Sanders"]).type == "person" and fixes.match(["Wikinews"]).discard


@pytest.mark.parametrize(("lines", "where", "what"), [
    ([HEADER, "Sanders,,robot,,"], 2, "unknown type"),
    ([HEADER, "Bernie Sanders,Sanders,,,", "Sarah Sanders,sanders,,,"], 3, "already a name"),
    ([HEADER, "Bernie Sanders,Sanders,person"], 2, "3 fields"),
    ([HEADER, "Putin,,,7747,"], 2, "QID"),
    ([HEADER, "Putin,,,,maybe"], 2, "discard"),
    ([HEADER, ",Sanders,,,"], 2, "needs a name"),
    (["who,what", "x,y"], 1, "header"),
])
def test_a_bad_csv_file_names_its_line(lines: list[str], where: int, what: str) -> None:
    with pytest.raises(ActorFileError) as err:
        parse_actor_fixes(lines, "fixes.csv")
    assert err.value.line == where and what in err.value.message
    assert str(err.value).startswith(f"fixes.csv:{where}: ")


def test_a_bad_jsonl_line_is_named() -> None:
    with pytest.raises(ActorFileError, match=r"f.jsonl:2: not JSON"):
        parse_actor_fixes(['{"name": "A"}', "{oops"], "f.jsonl")
    with pytest.raises(ActorFileError, match=r"f.jsonl:1: unknown field"):
        parse_actor_fixes(['{"name": "A", "colour": "red"}'], "f.jsonl")


def test_read_actor_fixes_reads_a_bom_file(tmp_path) -> None:
    path = tmp_path / "fixes.csv"
    path.write_text("\ufeff" + HEADER + "\nBernie Sanders,Sanders,person,,\n", encoding="utf-8")
    assert read_actor_fixes(path).match(["Sanders"]).name == "Bernie Sanders"


def test_triples_take_the_analysts_names_and_discarded_ends_drop_the_tie(make_triple) -> None:
    fixes = _fixes("Bernie Sanders,Sanders,person,,", "Wikinews,,,,true")
    t = make_triple(subject="Sanders", subject_type="ORG", obj="Joe Biden", object_type="PERSON")
    fixed = fixes.fix_triple(t)
    assert fixed is not None and (fixed.subject, fixed.subject_id, fixed.subject_type) == \
        ("Bernie Sanders", "bernie_sanders", "PERSON")
    assert fixed.subject_text == "Sanders"  # the words of the text stay
    assert fixes.fix_triple(make_triple(subject="Joe Biden", obj="Wikinews")) is None
    assert fixes.fix_triple(make_triple(subject="Bernie Sanders", obj="Sanders")) is None  # now a self-loop


def test_mentions_take_the_analysts_names() -> None:
    fixes = _fixes("Bernie Sanders,Sanders,person,,", "Wikinews,,,,true")
    ms = [Mention("Sanders", 0, 7, "Sanders", "ORG", "sanders"), Mention("Wikinews", 9, 17, "Wikinews", "ORG",
                                                                         "wikinews")]
    assert [(m.name, m.type, m.key) for m in fixes.fix_mentions(ms)] == [("Bernie Sanders", "PERSON",
                                                                         "bernie_sanders")]


def test_the_builder_applies_the_file_to_existing_triples(make_triple) -> None:
    fixes = _fixes("Bernie Sanders,Sanders,person,,", "Vladimir Putin,,,Q7747,", "Wikinews,,,,true")
    triples = [make_triple(subject="Bernie Sanders", subject_type="PERSON", obj="Russia", object_iso3="RUS"),
               make_triple(subject="Sanders", subject_type="ORG", obj="Vladimir Putin", object_type="PERSON",
                           doc_id="d2"),
               make_triple(subject="Vladimir Putin", subject_type="PERSON", obj="Wikinews", object_type="ORG",
                           doc_id="d3")]
    g = GraphBuilder(fixes=fixes).update(triples).graph()
    assert sorted(g.nodes) == ["RUS", "bernie_sanders", "vladimir_putin"]
    assert g.nodes["bernie_sanders"]["type"] == "person" and "Sanders" in g.nodes["bernie_sanders"]["aliases"]
    assert g.nodes["vladimir_putin"]["wikidata"] == "Q7747" and g.nodes["RUS"]["wikidata"] == "Q159"
    assert g.number_of_edges() == 2


def test_the_builder_applies_the_file_to_mentions() -> None:
    fixes = _fixes("Wikinews,,,,true")
    record = DocumentMentions("d1", None, None, None, (Mention("Wikinews", 0, 8, "Wikinews", "ORG", "wikinews"),
                                                       Mention("Japan", 10, 15, "Japan", "GPE", "JPN", "JPN")))
    g = GraphBuilder(fixes=fixes).update([record]).graph()
    assert list(g.nodes) == ["JPN"]


@pytest.fixture
def run_files(tmp_path, make_triple):
    triples = tmp_path / "triples.jsonl"
    write_triples([make_triple(subject="Sanders", subject_type="ORG", obj="Vladimir Putin", object_type="PERSON"),
                   make_triple(subject="Joe Biden", subject_type="PERSON", obj="Wikinews", object_type="ORG",
                               doc_id="d2")], triples)
    fixes = tmp_path / "fixes.csv"
    fixes.write_text(f"{HEADER}\nBernie Sanders,Sanders,person,,\nVladimir Putin,,,Q7747,\nWikinews,,,,true\n",
                     encoding="utf-8")
    return triples, fixes


def test_kg_build_with_actors(tmp_path, run_files) -> None:
    triples, fixes = run_files
    out = tmp_path / "graph.json"
    result = CliRunner().invoke(cli, ["build", str(triples), "--actors", str(fixes), "-o", str(out)])
    assert result.exit_code == 0, result.output
    nodes = {n["id"]: n for n in json.loads(out.read_text("utf-8"))["nodes"]}
    assert sorted(nodes) == ["bernie_sanders", "vladimir_putin"]
    assert nodes["vladimir_putin"]["wikidata"] == "Q7747" and nodes["bernie_sanders"]["label"] == "Bernie Sanders"


def test_a_bad_actors_file_stops_before_any_work_with_exit_2(tmp_path, run_files) -> None:
    triples, _ = run_files
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{HEADER}\nA,,person,,\nB,a,,,\n", encoding="utf-8")
    out = tmp_path / "graph.json"
    for args in (["build", str(triples), "-o", str(out)], ["extract", str(triples), "-o", str(tmp_path / "t")],
                 ["run", str(triples), "-o", str(tmp_path / "run")]):
        result = CliRunner().invoke(cli, [*args, "--actors", str(bad)])
        assert result.exit_code == 2, result.output
        assert f"{bad}:3:" in result.output and "Traceback" not in result.output
    assert not out.exists() and not (tmp_path / "run").exists()
