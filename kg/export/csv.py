"""``nodes.csv`` and ``edges.csv``: one row per actor and per relation, for spreadsheets and Gephi.

The headers use the names Gephi's spreadsheet importer recognises — ``Id``/``Label`` for nodes,
``Source``/``Target``/``Type``/``Kind``/``Id``/``Label``/``Weight`` for edges (``Kind`` keeps two
relation types between the same actors as two edges) — followed by the same typed columns as
GraphML and GEXF (:mod:`kg.export.flatten`): evidence count, first evidence sentence, document...

Encoding: UTF-8 with a byte-order mark, comma-separated, CRLF line ends, fields quoted when needed
(RFC 4180). The BOM is what makes Excel read the file as UTF-8 on a double click (without it,
"Kim Jong Un 🇰🇵" and every accented name turn to mojibake); LibreOffice, Google Sheets, pandas and
Python's ``utf-8-sig`` skip it, and Gephi's importer has stripped it since 0.9.3 (gephi#1815). Cells
of text that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``) get a
leading apostrophe: news text is untrusted input.

Gephi reads CSV with Apache Commons CSV set to ``withEscape('\\')``, ``withTrim(true)`` and
``withIgnoreSurroundingSpaces(true)`` (``SpreadsheetUtils.configureCSVParser``): a backslash there is an
escape character, so a cell ending in one swallows its closing quote and a row, and ``C:\new`` becomes
a line break. No way of writing a backslash reads the same in Gephi and in an RFC 4180 reader, so a
backslash in text is written as U+FF3C (FULLWIDTH REVERSE SOLIDUS, :data:`BACKSLASH`), and cells
are stripped of surrounding white space, which Gephi would trim: every reader, escaping or not, then
reads the same cells. ``graph.json``, GEXF, GraphML and SQLite keep the backslash.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("RUS", label="Russia", type="state")
>>> G.add_node("PRK", label="North Korea", type="state")
>>> _ = G.add_edge("RUS", "PRK", key="CONSULT", relation_type="CONSULT", count=2)
>>> rows = list(edge_rows(G))
>>> rows[0][:7], rows[1][:7]
(['Source', 'Target', 'Type', 'Kind', 'Id', 'Label', 'Weight'], ['RUS', 'PRK', 'Directed', 'CONSULT', \
'RUS--CONSULT--PRK', 'CONSULT', '2.0'])
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

import networkx as nx

from kg.export.flatten import (
    Column,
    edge_kind,
    edge_label,
    edge_record,
    edge_weight,
    graph_schema,
    node_label,
    node_record,
)
from kg.export.ids import node_ids, sorted_edges
from kg.export.values import Scalar, format_value
from kg.io import atomic_write

NODES_FILE = "nodes.csv"
EDGES_FILE = "edges.csv"
#: Gephi's own column names, first in each file.
NODE_HEADER = ("Id", "Label")
EDGE_HEADER = ("Source", "Target", "Type", "Kind", "Id", "Label", "Weight")
#: Spreadsheets evaluate a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: What a backslash is written as: Gephi's CSV parser takes ``\`` as an escape character.
BACKSLASH = "\uff3c"


def _safe(text: str) -> str:
    """A text cell every CSV reader reads alike: no backslash, no surrounding space, no formula."""
    text = text.replace("\\", BACKSLASH).strip()
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cells(values: Mapping[str, Scalar], columns: tuple[Column, ...]) -> list[str]:
    cells = []
    for column in columns:
        value = values.get(column.name)
        if value is None:
            cells.append("")
        elif column.type == "string":
            cells.append(_safe(str(value)))
        else:
            cells.append(format_value(value, column.type))
    return cells


def node_rows(G: nx.MultiDiGraph) -> Iterator[list[str]]:
    """The header, then one row per node (sorted by id), every cell a string."""
    schema = graph_schema(G)
    yield [*NODE_HEADER, *(c.name for c in schema.nodes)]
    for node, node_id in node_ids(G).items():
        attrs = G.nodes[node]
        yield [node_id, _safe(node_label(node, attrs)), *_cells(node_record(attrs, schema), schema.nodes)]


def edge_rows(G: nx.MultiDiGraph) -> Iterator[list[str]]:
    """The header, then one row per edge (sorted by source, target, key), every cell a string."""
    schema = graph_schema(G)
    ids = node_ids(G)
    yield [*EDGE_HEADER, *(c.name for c in schema.edges)]
    for eid, u, v, key, attrs in sorted_edges(G, ids):
        kind = edge_kind(key, attrs)
        yield [ids[u], ids[v], "Directed", _safe(kind), _safe(eid), _safe(edge_label(key, attrs)),
               repr(edge_weight(attrs)), *_cells(edge_record(key, attrs, schema), schema.edges)]


def write_csv(G: nx.MultiDiGraph, outdir: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Write ``nodes.csv`` and ``edges.csv`` into ``outdir`` (atomically) and return their paths."""
    paths = (Path(outdir) / NODES_FILE, Path(outdir) / EDGES_FILE)
    for path, rows in zip(paths, (node_rows(G), edge_rows(G)), strict=True):
        with atomic_write(path, encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh).writerows(rows)
    return paths
