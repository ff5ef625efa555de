"""SQLite export: one row per actor, tie and evidence sentence, keys, indexes, FTS5, atomic, Datasette-ready."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.export.ids import node_ids, sorted_edges
from kg.export.json import write_json
from kg.export.sqlite import COLUMNS, write_sqlite
from tests.graph_fixtures import NASTY_NAME_CLEAN, NASTY_SENTENCE_CLEAN, sample_graph, synthetic_graph


def _db(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    return db


def _count(db: sqlite3.Connection, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_every_actor_tie_and_evidence_sentence_is_a_row(tmp_path: Path) -> None:
    G = sample_graph()
    db = _db(write_sqlite(G, tmp_path / "graph.db"))
    assert _count(db, "actors") == G.number_of_nodes()
    assert _count(db, "ties") == G.number_of_edges()
    assert _count(db, "evidence") == sum(len(d["evidence"]) for _, _, d in G.edges(data=True))
    assert {r["doc_id"] for r in db.execute("SELECT doc_id FROM documents")} == {"d1", "d2"}
    kim = db.execute("SELECT * FROM actors WHERE actor_id = 'kim_jong_un'").fetchone()
    assert kim["label"] == NASTY_NAME_CLEAN and json.loads(kim["aliases"])[1] == "Kim"
    ties = {r["tie_id"] for r in db.execute("SELECT tie_id FROM ties")}
    assert ties == {eid for eid, *_ in sorted_edges(G, node_ids(G))}  # the ids GEXF and CSV use
    consult = db.execute("SELECT * FROM ties WHERE tie_id = 'RUS--CONSULT--PRK'").fetchone()
    assert (consult["count"], consult["negated"], consult["relation_type"]) == (3, 0, "CONSULT")
    first = db.execute("SELECT * FROM evidence WHERE tie_id = 'RUS--CONSULT--PRK' ORDER BY evidence_id").fetchone()
    assert first["sentence"] == NASTY_SENTENCE_CLEAN and (first["subject_start"], first["subject_end"]) == (0, 5)
    assert (first["object_start"], first["object_end"], first["doc_id"]) == (10, 11, "d1")
    assert first["title"] == "Title of d1" and first["url"].startswith("https://example.org/d1")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_event_date_and_place_are_kept_when_present_and_null_when_not(tmp_path: Path) -> None:
    G = sample_graph()
    ev = G["RUS"]["PRK"]["AGREE"]["evidence"][0]
    G["RUS"]["PRK"]["AGREE"]["evidence"] = [dict(ev, event_date="2019-03", event_date_precision="month",
                                                 location="Vladivostok", location_iso3="RUS")]
    db = _db(write_sqlite(G, tmp_path / "graph.db"))
    rows = db.execute("SELECT tie_id, event_date, event_date_precision, location, location_iso3 FROM evidence"
                      " WHERE event_date IS NOT NULL").fetchall()
    assert [tuple(r) for r in rows] == [("RUS--AGREE--PRK", "2019-03", "month", "Vladivostok", "RUS")]
    assert _count(db, "evidence") - len(rows) == db.execute(
        "SELECT count(*) FROM evidence WHERE event_date IS NULL AND location IS NULL").fetchone()[0]


def test_full_text_search_finds_evidence_sentences(tmp_path: Path) -> None:
    db = _db(write_sqlite(sample_graph(), tmp_path / "graph.db"))
    hits = db.execute("SELECT e.tie_id FROM evidence_fts JOIN evidence e ON e.evidence_id = evidence_fts.rowid"
                      " WHERE evidence_fts MATCH 'cooperat*' ORDER BY e.tie_id").fetchall()
    assert [h[0] for h in hits] == ["RUS--AGREE--PRK", "RUS--AGREE:negated--PRK", "RUS--CONSULT--PRK"]
    assert db.execute("SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH 'zebra'").fetchone()[0] == 0


def test_keys_and_indexes_are_declared(tmp_path: Path) -> None:
    db = _db(write_sqlite(sample_graph(), tmp_path / "graph.db"))
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"ties_source", "ties_target", "evidence_tie", "evidence_doc", "actors_community"} <= indexes
    for table, key in (("actors", "actor_id"), ("ties", "tie_id"), ("documents", "doc_id")):
        info = {r["name"]: r["pk"] for r in db.execute(f"PRAGMA table_info({table})")}
        assert info[key] == 1 and list(info) == list(COLUMNS[table])
    with pytest.raises(sqlite3.IntegrityError):  # one row per (source, target, key)
        db.execute("INSERT INTO ties (tie_id, source, target, edge_key) VALUES ('x', 'RUS', 'PRK', 'CONSULT')")


def test_a_failed_write_leaves_the_previous_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = write_sqlite(sample_graph(), tmp_path / "graph.db")
    before = target.read_bytes()

    def boom(*_: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("kg.export.sqlite._fill", boom)
    with pytest.raises(RuntimeError):
        write_sqlite(synthetic_graph(50, 100), target)
    assert target.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["graph.db"]


def test_same_graph_gives_the_same_rows(tmp_path: Path) -> None:
    G = sample_graph()
    R = nx.MultiDiGraph(**G.graph)
    R.add_nodes_from(reversed(list(G.nodes(data=True))))
    R.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    dumps = ["\n".join(sqlite3.connect(write_sqlite(g, tmp_path / f"{i}.db")).iterdump()) for i, g in enumerate((G, R))]
    assert dumps[0] == dumps[1]


def test_kg_export_writes_sqlite(tmp_path: Path) -> None:
    graph = tmp_path / "graph.json"
    write_json(sample_graph(), graph)
    result = CliRunner().invoke(cli, ["export", str(graph), "--format", "sqlite", "-o", str(tmp_path / "g.db")])
    assert result.exit_code == 0, result.output
    assert "g.db" in result.output and _count(_db(tmp_path / "g.db"), "actors") == 5


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_datasette_serves_the_database(tmp_path: Path) -> None:
    pytest.importorskip("datasette", reason="datasette is in the test extra: pip install -e '.[test]'")
    db = write_sqlite(sample_graph(), tmp_path / "graph.db")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(db), "--host", "127.0.0.1",
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/graph/actors.json?_shape=array&_sort=actor_id"
    try:
        rows = None
        for _ in range(120):  # bounded: 60 s at most for the server to come up on a busy machine
            if server.poll() is not None:
                pytest.fail(f"datasette exited: {server.stderr.read().decode() if server.stderr else ''}")
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    rows = json.loads(response.read())
                break
            except OSError:
                time.sleep(0.5)
        assert rows is not None, "datasette did not answer"
        assert [r["actor_id"] for r in rows] == sorted(sample_graph().nodes)
        assert next(r for r in rows if r["actor_id"] == "kim_jong_un")["label"] == NASTY_NAME_CLEAN
    finally:
        server.terminate()
        server.wait(timeout=10)
