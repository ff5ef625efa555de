"""The command line, through click's CliRunner: exit codes, outputs, one-line errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.api import write_triples
from kg.cli import cli
from kg.export.json import read_json


@pytest.fixture
def triples_file(tmp_path, make_triple):
    path = tmp_path / "triples.jsonl"
    write_triples([make_triple(subject="Russia", obj="Ukraine", sentence_index=i) for i in range(3)]
                  + [make_triple(subject="Japan", obj="Ukraine", relation_type="AID", doc_id="d2")], path)
    return path


def test_build_then_stats_then_export(tmp_path, triples_file):
    runner = CliRunner()
    graph = tmp_path / "graph.json"
    result = runner.invoke(cli, ["build", str(triples_file), "-o", str(graph)])
    assert result.exit_code == 0, result.output
    assert "3 actors, 2 ties" in result.output
    result = runner.invoke(cli, ["stats", str(graph)])
    assert result.exit_code == 0
    assert "3 actors, 2 ties, 4 triples from 2 documents" in result.output
    assert "3  Russia -ASSAULT-> Ukraine" in result.output
    result = runner.invoke(cli, ["stats", str(graph), "--json", "--top", "1"])
    figures = json.loads(result.output)
    assert figures["top_actors"] == [{"actor": "Ukraine", "degree": 4}]
    out = tmp_path / "copy.json"
    result = runner.invoke(cli, ["export", str(graph), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0
    assert read_json(out).number_of_edges() == 2


def test_build_twice_the_same_file_changes_nothing(tmp_path, triples_file):
    runner = CliRunner()
    once, twice = tmp_path / "once.json", tmp_path / "twice.json"
    runner.invoke(cli, ["build", str(triples_file), "-o", str(once)])
    runner.invoke(cli, ["build", str(triples_file), str(triples_file), "-o", str(twice)])
    assert once.read_bytes() == twice.read_bytes()


def test_errors_are_one_line_without_traceback(tmp_path):
    runner = CliRunner()
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    result = runner.invoke(cli, ["stats", str(bad)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.strip().startswith("Error:") and len(result.output.strip().splitlines()) == 1
    result = runner.invoke(cli, ["build", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_missing_input_stops_before_work_with_code_2(tmp_path):
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "nope"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "nope" in result.output
    assert not (tmp_path / "out").exists()


def test_unknown_format_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["run", "seeds", "-o", str(tmp_path), "--formats", "html,pdf"])
    assert result.exit_code == 2 and "pdf" in result.output


def test_help_texts_have_examples():
    runner = CliRunner()
    for command in ["run", "extract", "build", "export", "stats"]:
        result = runner.invoke(cli, [command, "--help"])
        assert result.exit_code == 0 and "Example: kg " + command in result.output


@pytest.mark.model
def test_unknown_model_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["extract", "seeds", "--model", "no_such_model_xyz"])
    assert result.exit_code == 2
    assert "no_such_model_xyz" in result.output and "Traceback" not in result.output


@pytest.mark.model
def test_extract_to_stdout(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Russian President Vladimir Putin visited North Korea.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(text), "-o", "-", "--silent"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert ("Vladimir Putin", "LEADER_OF", "Russia") in {(r["subject"], r["relation_type"], r["object"])
                                                         for r in rows}


def test_streamed_build_writes_the_same_file_as_the_in_memory_graph(tmp_path, triples_file):
    from kg.api import read_triples
    from kg.export.json import write_json
    from kg.graph.build import build_graph

    streamed = tmp_path / "streamed.json"
    CliRunner().invoke(cli, ["build", str(triples_file), "-o", str(streamed)])
    in_memory = tmp_path / "memory.json"
    write_json(build_graph(read_triples(triples_file)), in_memory)
    assert streamed.read_bytes() == in_memory.read_bytes()


def test_build_reads_standard_input_and_names_a_bad_line(tmp_path, triples_file):
    runner = CliRunner()
    from_file, from_stdin = tmp_path / "file.json", tmp_path / "stdin.json"
    runner.invoke(cli, ["build", str(triples_file), "-o", str(from_file)])
    result = runner.invoke(cli, ["build", "-", "-o", str(from_stdin)], input=triples_file.read_bytes())
    assert result.exit_code == 0, result.output
    assert from_stdin.read_bytes() == from_file.read_bytes()
    broken = triples_file.read_text(encoding="utf-8") + '{"doc_id": "d9", "sentence_index": 0}\n'
    result = runner.invoke(cli, ["build", "-", "-o", str(tmp_path / "broken.json")], input=broken)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "-:5: not a kg triple" in result.output and "subject" in result.output
    assert not (tmp_path / "broken.json").exists()  # nothing half-written
