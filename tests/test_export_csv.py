"""CSV export: Gephi's column names, UTF-8 with BOM, one row per node and edge, nothing lost."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.export.csv import BACKSLASH, EDGE_HEADER, NODE_HEADER, edge_rows, node_rows, write_csv
from kg.export.flatten import EDGE_COLUMNS, NODE_COLUMNS
from kg.export.gexf import generate_gexf
from kg.export.graphml import generate_graphml
from tests.graph_fixtures import NASTY_NAME_CLEAN, NASTY_SENTENCE_CLEAN, sample_graph


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_files_use_gephi_column_names_bom_and_crlf(tmp_path: Path) -> None:
    G = sample_graph()
    nodes_path, edges_path = write_csv(G, tmp_path / "out")
    assert (nodes_path.name, edges_path.name) == ("nodes.csv", "edges.csv")
    for path, header in ((nodes_path, NODE_HEADER), (edges_path, EDGE_HEADER)):
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf" + ",".join(header).encode())  # BOM, then Gephi's names
        assert raw.count(b"\r\n") >= G.number_of_nodes()
    assert len(_read(nodes_path)) == G.number_of_nodes()
    assert len(_read(edges_path)) == G.number_of_edges()


def test_rows_round_trip_through_the_csv_module(tmp_path: Path) -> None:
    G = sample_graph()
    nodes_path, edges_path = write_csv(G, tmp_path)
    for path, rows in ((nodes_path, node_rows(G)), (edges_path, edge_rows(G))):
        with path.open(encoding="utf-8-sig", newline="") as fh:
            assert list(csv.reader(fh)) == list(rows)


def test_edges_carry_evidence_and_stay_distinct_by_kind(tmp_path: Path) -> None:
    G = sample_graph()
    edges = _read(write_csv(G, tmp_path)[1])
    consult = next(e for e in edges if e["Id"] == "RUS--CONSULT--PRK")
    assert consult["Label"] == "CONSULT" and consult["Kind"] == "CONSULT" and consult["Type"] == "Directed"
    assert consult["evidence_count"] == "2" and consult["count"] == "3" and consult["Weight"] == "3.0"
    assert consult["first_doc_id"] == "d1" and consult["documents"] == "d1 | d2"
    assert len({(e["Source"], e["Target"], e["Kind"]) for e in edges}) == len(edges)
    assert all(float(e["Weight"]) > 0 for e in edges)
    # the same ids as the GEXF file, and the pair's id in GraphML, so rows join with what Gephi shows
    gexf = "".join(generate_gexf(G))
    graphml = "".join(generate_graphml(G))
    assert all(f'<edge id="{e["Id"]}"' in gexf for e in edges)
    assert all(f'<edge id="{e["Source"]}--{e["Target"]}"' in graphml for e in edges)


def test_text_survives_and_formulas_are_defused(tmp_path: Path) -> None:
    G = sample_graph()
    G.nodes["nato"]["label"] = "=HYPERLINK(\"http://evil\")"
    nodes_path, edges_path = write_csv(G, tmp_path)
    nodes = {n["Id"]: n for n in _read(nodes_path)}
    assert nodes["kim_jong_un"]["Label"] == NASTY_NAME_CLEAN
    assert nodes["nato"]["Label"] == "'=HYPERLINK(\"http://evil\")"
    edges = _read(edges_path)
    assert NASTY_SENTENCE_CLEAN in {e["first_sentence"] for e in edges}  # CR/LF kept inside quotes
    accuse = next(e for e in edges if e["Kind"] == "ACCUSE")
    assert accuse["intensity"] == "-3.0"  # numbers are never prefixed
    assert accuse["first_date"] == ""  # None is an empty cell


def test_empty_graph_still_has_headers() -> None:
    G = nx.MultiDiGraph()
    assert list(node_rows(G)) == [[*NODE_HEADER, *(c.name for c in NODE_COLUMNS)]]
    assert list(edge_rows(G)) == [[*EDGE_HEADER, *(c.name for c in EDGE_COLUMNS)]]


# -- Gephi's parser takes a backslash as an escape character -------------------------------------------

BACKSLASHY = ["C:\\new\\table", 'a \\"quoted\\" word', "ends in a backslash \\", "\\\\server\\share",
              "two\\\\ and \\n and \\t", "  padded \\  "]


def _backslash_graph() -> nx.MultiDiGraph:
    """The sample graph with backslashes (badly unescaped JSON, Windows paths) in every kind of text."""
    G = sample_graph()
    for node, text in zip(sorted(G.nodes), BACKSLASHY, strict=False):
        G.nodes[node]["label"] = text
        G.nodes[node]["aliases"] = [text, "x\\"]
    for i, (_, _, d) in enumerate(G.edges(data=True)):
        d["evidence"] = [dict(e, sentence=BACKSLASHY[i % len(BACKSLASHY)], title="T\\", url="http://x/a\\b")
                         for e in d["evidence"]]
        d["relations"] = ["say\\"]
    return G


def _rows(path: Path, **dialect: Any) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, **dialect))


def test_a_backslash_escaping_reader_reads_the_same_cells(tmp_path: Path) -> None:
    G = _backslash_graph()
    for path in write_csv(G, tmp_path):
        plain = _rows(path)
        escaping = _rows(path, escapechar="\\", doublequote=True)
        assert escaping == plain
        assert len(plain) == 1 + (G.number_of_nodes() if path.name == "nodes.csv" else G.number_of_edges())
        assert not any("\\" in cell for row in plain for cell in row)
        assert all(cell == cell.strip() for row in plain for cell in row)  # nothing for Gephi to trim
    nodes = {r[0]: r[1] for r in _rows(tmp_path / "nodes.csv")[1:]}
    assert nodes[sorted(G.nodes)[0]] == f"C:{BACKSLASH}new{BACKSLASH}table" and BACKSLASH == "\uff3c"
    assert nodes[sorted(G.nodes)[2]] == f"ends in a backslash {BACKSLASH}"


def _gephi_reader() -> Path:
    import shutil
    import subprocess

    jar = Path("/usr/share/java/commons-csv.jar")
    if shutil.which("javac") is None or not jar.is_file():
        pytest.skip("needs a JDK and Apache Commons CSV (Debian: default-jdk-headless libcommons-csv-java)")
    source = Path(__file__).parent / "java" / "GephiCsv.java"
    out = Path(tempfile.mkdtemp())
    subprocess.run(["javac", "-cp", str(jar), "-d", str(out), str(source)], check=True, capture_output=True)
    return out


def test_gephis_own_csv_parser_reads_what_python_reads(tmp_path: Path) -> None:
    import subprocess

    classes = _gephi_reader()
    for path in write_csv(_backslash_graph(), tmp_path):
        run = subprocess.run(["java", "-cp", f"{classes}:/usr/share/java/commons-csv.jar", "GephiCsv", str(path)],
                             check=True, capture_output=True)
        gephi = [[None if c == "\0" else c for c in rec.split("\x1f")]
                 for rec in run.stdout.decode("utf-8").split("\x1e") if rec]
        python = [[c or None for c in row] for row in _rows(path)]
        assert gephi == python
