"""``graph.db``: the graph as a SQLite database, to query with SQL or browse with Datasette.

Tables (keys and indexes in :data:`SCHEMA`):

* ``actors``: one row per actor (``actor_id`` is kg's stable id), with its name, type, ISO3 code, aliases
  (a JSON array), mentions, dates, ``community`` and ``pagerank``;
* ``ties``: one row per relation (``tie_id`` is the ``source--key--target`` id GEXF and CSV use), with
  its ends, type, class, intensity, negation, counts and dates;
* ``evidence``: one row per evidence sentence of a tie: document, title, url, date, the sentence, the
  offsets of both actors, the relation phrase, and ``event_date``, ``event_date_precision``,
  ``location``, ``location_iso3`` where the extraction found them (NULL otherwise);
* ``documents``: one row per document (title, date, url), every ``evidence.doc_id`` among them;
* ``evidence_fts``: an FTS5 index over the evidence sentences (``MATCH 'sanction*'``);
* ``graph_info``: kg version and evidence cap.

Lists are JSON arrays (``json_each`` opens them), booleans 0/1, missing values NULL. The database is
written to a temporary file beside the target and renamed into place when complete, like every output.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edge("RUS", "PRK", key="AID", relation_type="AID", count=1)
>>> [(table, row[:3]) for table, row in generate_sqlite(G) if table == "ties"]
[('ties', ('RUS--AID--PRK', 'RUS', 'PRK'))]
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from kg.export.ids import node_ids, sorted_edges
from kg.export.values import clean_text

#: Tables, keys, indexes and the full-text index, in the order they are created.
SCHEMA = """
CREATE TABLE graph_info (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY, title TEXT, date TEXT, url TEXT
);
CREATE TABLE actors (
    actor_id TEXT PRIMARY KEY, label TEXT NOT NULL, type TEXT, ner TEXT, iso3 TEXT, aliases TEXT,
    mentions INTEGER, document_count INTEGER, documents TEXT, first_date TEXT, last_date TEXT,
    community INTEGER, pagerank REAL
);
CREATE TABLE ties (
    tie_id TEXT PRIMARY KEY,
    source TEXT NOT NULL REFERENCES actors (actor_id), target TEXT NOT NULL REFERENCES actors (actor_id),
    edge_key TEXT NOT NULL, relation_type TEXT, quad_class INTEGER, class_name TEXT, intensity REAL,
    negated INTEGER, count INTEGER, weight REAL, relations TEXT, modality TEXT, confidence REAL,
    first_date TEXT, last_date TEXT, document_count INTEGER, documents TEXT,
    UNIQUE (source, target, edge_key)
);
CREATE TABLE evidence (
    evidence_id INTEGER PRIMARY KEY, tie_id TEXT NOT NULL REFERENCES ties (tie_id),
    doc_id TEXT REFERENCES documents (doc_id), title TEXT, url TEXT, date TEXT,
    sentence_index INTEGER, sentence_start INTEGER, sentence TEXT,
    subject_text TEXT, subject_start INTEGER, subject_end INTEGER,
    object_text TEXT, object_start INTEGER, object_end INTEGER,
    relation TEXT, modality TEXT, confidence REAL,
    event_date TEXT, event_date_precision TEXT, location TEXT, location_iso3 TEXT
);
CREATE INDEX ties_source ON ties (source);
CREATE INDEX ties_target ON ties (target);
CREATE INDEX ties_relation_type ON ties (relation_type);
CREATE INDEX evidence_tie ON evidence (tie_id);
CREATE INDEX evidence_doc ON evidence (doc_id);
CREATE INDEX evidence_event_date ON evidence (event_date);
CREATE INDEX actors_community ON actors (community);
CREATE INDEX actors_type ON actors (type);
CREATE VIRTUAL TABLE evidence_fts USING fts5 (sentence, content='evidence', content_rowid='evidence_id');
"""
#: Columns of each table in insertion order (the ``generate_sqlite`` rows follow them).
COLUMNS: dict[str, tuple[str, ...]] = {
    "graph_info": ("key", "value"),
    "documents": ("doc_id", "title", "date", "url"),
    "actors": ("actor_id", "label", "type", "ner", "iso3", "aliases", "mentions", "document_count",
               "documents", "first_date", "last_date", "community", "pagerank"),
    "ties": ("tie_id", "source", "target", "edge_key", "relation_type", "quad_class", "class_name",
             "intensity", "negated", "count", "weight", "relations", "modality", "confidence", "first_date",
             "last_date", "document_count", "documents"),
    "evidence": ("evidence_id", "tie_id", "doc_id", "title", "url", "date", "sentence_index", "sentence_start",
                 "sentence", "subject_text", "subject_start", "subject_end", "object_text", "object_start",
                 "object_end", "relation", "modality", "confidence", "event_date", "event_date_precision",
                 "location", "location_iso3"),
}
#: Evidence keys copied as they are (the ``when`` fields among them may be missing).
_EVIDENCE_FIELDS = ("doc_id", "title", "url", "date", "sentence_index", "sentence_start", "sentence",
                    "subject_text", "object_text", "relation", "modality", "confidence", "event_date",
                    "event_date_precision", "location", "location_iso3")
_GRAPH_INFO = ("kg_version", "max_evidence")

Row = tuple[Any, ...]


def _value(value: Any) -> Any:
    """A value SQLite stores as it is: text cleaned, lists as JSON, NaN and dicts' odd types as NULL."""
    if value is None or isinstance(value, bool | int):
        return int(value) if isinstance(value, bool) else value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        return clean_text(value) or None
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
        return json.dumps(items, ensure_ascii=False, default=str)
    return clean_text(str(value)) or None


def _span(value: Any) -> tuple[Any, Any]:
    """(start, end) of a ``[start, end]`` span, or two NULLs."""
    if isinstance(value, list | tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return value[0], value[1]
    return None, None


def _length(value: Any) -> int | None:
    return len(value) if isinstance(value, list | tuple | set | frozenset) else None


def _actor_row(node: Any, d: Mapping[str, Any]) -> Row:
    return (str(node), _value(d.get("label")) or str(node), *(_value(d.get(k)) for k in ("type", "ner", "iso3")),
            _value(d.get("aliases")), _value(d.get("mentions")), _length(d.get("documents")),
            _value(d.get("documents")), _value(d.get("first_date")), _value(d.get("last_date")),
            _value(d.get("community")), _value(d.get("pagerank")))


def _tie_row(tie: str, u: Any, v: Any, key: Any, d: Mapping[str, Any]) -> Row:
    return (tie, str(u), str(v), str(key),
            *(_value(d.get(k)) for k in ("relation_type", "quad_class", "class_name", "intensity", "negated",
                                         "count", "weight", "relations", "modality", "confidence",
                                         "first_date", "last_date")),
            _length(d.get("documents")), _value(d.get("documents")))


def _evidence_row(number: int, tie: str, e: Mapping[str, Any]) -> Row:
    values = {k: _value(e.get(k)) for k in _EVIDENCE_FIELDS}
    values["subject_start"], values["subject_end"] = _span(e.get("subject_span"))
    values["object_start"], values["object_end"] = _span(e.get("object_span"))
    values["evidence_id"], values["tie_id"] = number, tie
    return tuple(values.get(c) for c in COLUMNS["evidence"])


def _documents(G: nx.MultiDiGraph, cited: Mapping[str, Mapping[str, Any]]) -> Iterator[Row]:
    """The graph's documents, plus any an evidence item cites that the graph's table lacks."""
    known = G.graph.get("documents")
    known = known if isinstance(known, Mapping) else {}
    for doc_id in sorted({str(k) for k in known} | set(cited)):
        meta = known.get(doc_id)
        meta = meta if isinstance(meta, Mapping) else cited.get(doc_id, {})
        yield (doc_id, _value(meta.get("title")), _value(meta.get("date")), _value(meta.get("url")))


def generate_sqlite(G: nx.MultiDiGraph) -> Iterator[tuple[str, Row]]:
    """``(table, row)`` for every row of the database, in a stable order (actors, ties, evidence, documents)."""
    for key in _GRAPH_INFO:
        if G.graph.get(key) is not None:
            yield "graph_info", (key, str(G.graph[key]))
    for node in sorted(G.nodes, key=str):
        yield "actors", _actor_row(node, G.nodes[node])
    cited: dict[str, Mapping[str, Any]] = {}
    evidence: list[Row] = []
    for tie, u, v, key, d in sorted_edges(G, node_ids(G)):  # the ids GEXF and CSV give the same relations
        yield "ties", _tie_row(tie, u, v, key, d)
        for e in d.get("evidence") or []:
            if not isinstance(e, Mapping):
                continue
            evidence.append(_evidence_row(len(evidence) + 1, tie, e))
            if e.get("doc_id") is not None:
                cited.setdefault(str(e["doc_id"]), e)
    for row in evidence:
        yield "evidence", row
    for row in _documents(G, cited):
        yield "documents", row


def _fill(db: sqlite3.Connection, G: nx.MultiDiGraph) -> None:
    db.executescript(SCHEMA)
    batch: dict[str, list[Row]] = {table: [] for table in COLUMNS}
    for table, row in generate_sqlite(G):
        batch[table].append(row)
    for table, rows in batch.items():
        marks = ", ".join("?" for _ in COLUMNS[table])
        db.executemany(f"INSERT INTO {table} ({', '.join(COLUMNS[table])}) VALUES ({marks})", rows)
    db.execute("INSERT INTO evidence_fts (evidence_fts) VALUES ('rebuild')")
    db.commit()


def write_sqlite(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write the database for ``G`` to ``path`` (atomically: a complete file or the previous one)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode = OFF")  # a temporary file: the rename is the transaction
            db.execute("PRAGMA synchronous = OFF")
            _fill(db, G)
        finally:
            db.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return target
