"""The Python API of ``kg``: repeatable calls, mentions, and the same graph as ``kg run``."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from click.testing import CliRunner

import kg
from kg.cli import cli

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_extract_stays_the_function_after_the_rules_subpackage_is_imported():
    # Importing kg.extract (the pipeline does on the first extraction) used to rebind kg.extract.
    from kg.extract import extract_triples  # noqa: F401

    assert callable(kg.extract) and kg.extract.__module__ == "kg.api"
    importlib.import_module("kg.extract.testing")  # binds "testing" on kg.extract, and must leave kg alone

    assert kg.extract.__module__ == "kg.api"


def test_other_attributes_of_the_package_can_still_be_set():
    kg.some_setting = 3  # type: ignore[attr-defined]
    try:
        assert kg.some_setting == 3  # type: ignore[attr-defined]
    finally:
        del kg.some_setting  # type: ignore[attr-defined]


def test_extract_can_be_called_twice_in_one_process(nlp):
    text = "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing."
    first = list(kg.extract([text], nlp=nlp))
    second = list(kg.extract([text]))  # no nlp given: the function loads the pipeline itself
    assert first, "the sentence has a LEADER_OF tie at least"
    assert [t.to_dict() for t in first] == [t.to_dict() for t in second]


def test_mentions_follow_each_documents_triples(nlp):
    docs = [kg.Document("a", "Japan and Brazil were mentioned."),
            kg.Document("b", "Russian President Vladimir Putin visited Pyongyang.")]
    items = list(kg.extract(docs, nlp=nlp, mentions=True))
    records = [i for i in items if isinstance(i, kg.DocumentMentions)]
    assert [r.doc_id for r in records] == ["a", "b"]
    assert {m.name for m in records[0].mentions} >= {"Japan", "Brazil"}
    # Every triple comes before its own document's mentions record and after the previous one's.
    position = {r.doc_id: items.index(r) for r in records}
    for i, item in enumerate(items):
        if isinstance(item, kg.Triple):
            assert i < position[item.doc_id]
            assert item.doc_id == "a" or i > position["a"]
    graph = kg.build_graph(items)
    labels = {d["label"] for _, d in graph.nodes(data=True)}
    assert {"Japan", "Brazil"} <= labels  # actors without a tie get their node
    assert not {"Japan", "Brazil"} & {d["label"] for _, d in kg.build_graph(kg.extract(docs, nlp=nlp)).nodes(data=True)}


def test_api_graph_with_mentions_is_the_graph_kg_run_builds(tmp_path, nlp):
    result = CliRunner().invoke(cli, ["run", str(SEEDS), "-o", str(tmp_path / "out"), "--silent",
                                      "--formats", "json"])
    assert result.exit_code == 0, result.output
    ran = kg.read_json(tmp_path / "out" / "graph.json")
    built = kg.build_graph(kg.extract(kg.read_documents([SEEDS]), nlp=nlp, mentions=True))
    assert built.number_of_nodes() == ran.number_of_nodes()
    assert dict(built.nodes(data=True)) == dict(ran.nodes(data=True))
    assert ({(u, v, k): d for u, v, k, d in built.edges(keys=True, data=True)}
            == {(u, v, k): d for u, v, k, d in ran.edges(keys=True, data=True)})
    without = kg.build_graph(kg.extract(kg.read_documents([SEEDS]), nlp=nlp))
    assert without.number_of_nodes() < ran.number_of_nodes()  # the seed names actors without a tie


def test_write_triples_keeps_mentions_for_kg_build(tmp_path, nlp):
    items = list(kg.extract(["Japan was mentioned. Russia invaded Ukraine."], nlp=nlp, mentions=True))
    path = tmp_path / "t.jsonl"
    n = kg.write_triples(items, path)
    assert n == sum(isinstance(i, kg.Triple) for i in items)
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert sum("mentions" in d for d in lines) == 1
    assert len(list(kg.read_triples(path))) == n
    result = CliRunner().invoke(cli, ["build", str(path), "-o", str(tmp_path / "g.json")])
    assert result.exit_code == 0, result.output
    assert "Japan" in {d["label"] for _, d in kg.read_json(tmp_path / "g.json").nodes(data=True)}
