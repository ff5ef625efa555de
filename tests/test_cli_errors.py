"""Errors a user can cause, through click's CliRunner: each exits non-zero and says what to do next."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.api import write_triples
from kg.cli import cli
from kg.ingest.documents import read_documents
from kg.ingest.kinds import sniff_kind
from kg.records import DocumentMentions, Mention

ARTICLE = "Seoul urges talks\n\nSouth Korea urged North Korea to return to talks.\n"


@pytest.fixture
def run_dir(tmp_path, make_triple):
    """What kg run leaves: triples, mentions, a graph and its exports (built without the model)."""
    out = tmp_path / "out"
    out.mkdir()
    write_triples([make_triple(subject="Russia", obj="Ukraine", sentence="x" * 3000)], out / "triples.jsonl")
    mention = DocumentMentions("d1", None, None, None, (Mention("Japan", 0, 5, "Japan", "GPE", "JPN", "JPN"),))
    (out / "mentions.jsonl").write_text(json.dumps(mention.to_dict()) + "\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["build", str(out / "triples.jsonl"), str(out / "mentions.jsonl"),
                                 "-o", str(out / "graph.json")])
    assert result.exit_code == 0, result.output
    for fmt in ("graphml", "gexf", "html"):
        assert runner.invoke(cli, ["export", str(out / "graph.json"), "--format", fmt]).exit_code == 0
    return out


def _fails(args, code=2):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result.output


def test_export_csv_without_output_writes_beside_the_graph(run_dir):
    result = CliRunner().invoke(cli, ["export", str(run_dir / "graph.json"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    nodes = (run_dir / "nodes.csv").read_text(encoding="utf-8-sig").splitlines()
    assert nodes[0].startswith("Id,Label") and len(nodes) == 4  # Russia, Ukraine and Japan
    assert (run_dir / "edges.csv").is_file()
    assert "nodes.csv" in result.output and "edges.csv" in result.output


@pytest.mark.parametrize("command", ["run", "extract"])
def test_no_readable_document_is_an_error_and_writes_nothing(tmp_path, command):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))
    (empty / "blank.txt").write_text("  \n", encoding="utf-8")
    out = tmp_path / ("out" if command == "run" else "t.jsonl")
    output = _fails([command, empty, "-o", out])
    assert f"no readable document in {empty}" in output
    assert ".txt, .md, .jsonl" in output  # what was looked for
    assert "1 empty" in output and "1 unsupported format" in output  # and what was found instead
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [empty]


def test_empty_standard_input_is_an_error(tmp_path):
    result = CliRunner().invoke(cli, ["extract", "-", "-o", str(tmp_path / "t.jsonl")], input="")
    assert result.exit_code == 2 and "no readable document in -" in result.output
    assert not (tmp_path / "t.jsonl").exists()


@pytest.mark.parametrize("command", ["stats", "export"])
@pytest.mark.parametrize("name", ["triples.jsonl", "mentions.jsonl"])
def test_a_graph_command_on_triples_says_to_build_first(run_dir, command, name):
    output = _fails([command, run_dir / name])
    assert "not a graph" in output and f"kg build {run_dir / name} -o graph.json" in output
    assert f"kg {command} graph.json" in output


@pytest.mark.parametrize("command", ["stats", "export", "build"])
@pytest.mark.parametrize(("name", "what"), [("graph.graphml", "GraphML"), ("graph.gexf", "GEXF"),
                                            ("graph.html", "kg map")])
def test_an_export_is_not_read_back(run_dir, command, name, what):
    output = _fails([command, run_dir / name])
    assert what in output and "does not read back" in output
    assert ("triples.jsonl and mentions.jsonl" if command == "build" else "graph.json") in output


def test_build_on_a_graph_says_it_is_built_already(run_dir):
    output = _fails(["build", run_dir / "graph.json", "-o", run_dir / "again.json"])
    assert "not triples" in output and f"kg stats {run_dir / 'graph.json'}" in output
    assert not (run_dir / "again.json").exists()


def test_build_on_articles_says_to_extract_first(tmp_path):
    article = tmp_path / "a.md"
    article.write_text(ARTICLE, encoding="utf-8")
    output = _fails(["build", article])
    assert "holds articles" in output and f"kg extract {article} -o triples.jsonl" in output
    output = _fails(["stats", article])
    assert f"kg run {article} -o out/" in output and "kg stats out/graph.json" in output


def test_build_on_a_run_folder_names_its_files(run_dir, tmp_path):
    output = _fails(["build", run_dir])
    assert f"kg build {run_dir / 'triples.jsonl'} {run_dir / 'mentions.jsonl'}" in output
    output = _fails(["build", tmp_path / "missing.jsonl"])
    assert "no such file" in output and "kg extract or kg run" in output


@pytest.mark.parametrize(("name", "hint"), [("triples.jsonl", "kg build"), ("mentions.jsonl", "kg build"),
                                            ("graph.json", "kg stats"), ("graph.html", "browser")])
def test_run_on_a_kg_output_says_which_command_reads_it(run_dir, tmp_path, name, hint):
    output = _fails(["run", run_dir / name, "-o", tmp_path / "new"])
    assert "not articles" in output and hint in output
    assert not (tmp_path / "new").exists()


def test_kg_outputs_in_an_input_folder_are_skipped_with_a_warning(run_dir):
    (run_dir / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (run_dir / "feed.jsonl").write_text(json.dumps({"id": "f1", "text": "Japan aided Ukraine."}) + "\n",
                                        encoding="utf-8")
    warnings: list[str] = []
    from kg.ingest.readers import ReadReport

    docs = list(read_documents([run_dir], report=ReadReport(on_warning=warnings.append)))
    assert [d.id for d in docs] == ["article.txt", "f1"]
    skipped = sorted(w.split(":")[0] for w in warnings if "not articles" in w)
    assert skipped == sorted(str(run_dir / n) for n in ("graph.html", "graph.json", "mentions.jsonl",
                                                        "triples.jsonl"))


@pytest.mark.parametrize(("head", "kind"), [
    (b'\xef\xbb\xbfId,Label,actor_type\nRUS,Russia,state\n', "csv"),
    (b'{"doc_id": "d1", "mentions": [{"text": "Japan"}]}\n', "mentions"),
    (b'{"id": "a1", "text": "Seoul urged talks."}\n', "documents"),
    (b'{"directed": true, "multigraph": true, "graph": {},\n "nodes": [\n', "graph"),  # networkx's own
    (b"<!DOCTYPE html><html><body><p>Seoul urged talks.</p>", "html"),
    (b"# Seoul urges talks\n\nSouth Korea urged...", None),
    (b'{"id": "a1", "title": "no text yet"}\n', None),
])
def test_sniff_kind(head, kind):
    assert sniff_kind(head) == kind


def test_a_missing_model_path_says_so(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    output = _fails(["extract", tmp_path / "a.txt", "--model", tmp_path / "models" / "mine"])
    assert "no such folder" in output and "check the path" in output
    output = _fails(["extract", tmp_path / "a.txt", "--model", tmp_path])
    assert "not a spaCy pipeline folder (no config.cfg in it)" in output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_unknown_model_name_lists_the_installed_ones(tmp_path, jobs):
    import spacy

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    output = _fails(["extract", tmp_path / "a.txt", "--model", "en_core_web_xyz", "--jobs", jobs])
    assert "'en_core_web_xyz' is not installed" in output and "installed: " in output
    for name in spacy.util.get_installed_models():
        assert name in output


def test_an_output_that_cannot_be_written_names_the_output_and_what_to_do(run_dir, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    output = _fails(["export", run_dir / "graph.json", "-o", blocker / "sub" / "map.html"], code=1)
    assert output.startswith(f"Error: {blocker}") and "check the path" in output
    assert ".part" not in output  # the output's own name, never its temporary one


def test_a_damaged_triples_file_names_its_line_and_what_to_do(run_dir):
    path = run_dir / "triples.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + '{"doc_id": "x"}\n', encoding="utf-8")
    output = _fails(["build", path, "-o", run_dir / "g2.json"], code=1)
    assert f"{path}:2: not a kg triple" in output and "extract the articles again" in output


def test_strict_names_the_problem_once_and_how_to_go_on(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "Seoul urged talks."}\n{oops\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(feed), "-o", str(tmp_path / "t.jsonl"), "--strict", "-s"])
    assert result.exit_code == 2
    assert result.output.count("malformed JSON") == 1 and "warning:" not in result.output
    assert f"{feed}:2: malformed JSON" in result.output and "run without --strict" in result.output


def test_run_without_inputs_away_from_the_seeds_says_to_name_them(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    output = _fails(["run", "-o", tmp_path / "out"])
    assert "no input given" in output and "kg run articles/ -o out/" in output
    assert not (tmp_path / "out").exists()


def test_triples_on_standard_input_say_which_command_reads_them(run_dir, tmp_path):
    piped = (run_dir / "triples.jsonl").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", "-", "-o", str(tmp_path / "new")], input=piped)
    assert result.exit_code == 2 and "kg build - -o graph.json" in result.output
    assert not (tmp_path / "new").exists()
