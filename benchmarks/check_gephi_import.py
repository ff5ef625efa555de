#!/usr/bin/env python3
"""What Gephi's default import keeps of a ``kg run`` output folder, and whether the SQLite export is whole.

usage: python benchmarks/check_gephi_import.py OUTDIR   (OUTDIR from kg run ... --formats graphml,gexf,csv,sqlite)

Prints, against OUTDIR/graph.json: GraphML edges Gephi would merge (same ends: its GraphML importer reads no
edge type), relations the pair edges carry, graph-level keys (each an error in Gephi's import report), GEXF
(source, target, kind) repeats, CSV cells read with and without a backslash escape, and SQLite row counts.
With a JDK (and Debian's libcommons-csv-java for CSV) it also reads the files with Gephi's own reading code
(tests/java/: the JDK's StAX loop of ImporterGraphML, Commons CSV as SpreadsheetUtils configures it).
"""

from __future__ import annotations

import csv
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from lxml import etree

from kg.export.json import read_json

GRAPHML_NS = {"g": "http://graphml.graphdrawing.org/xmlns"}
GEXF_EDGE = "{http://gexf.net/1.3}edge"
JAVA = Path(__file__).resolve().parents[1] / "tests" / "java"
COMMONS_CSV = Path("/usr/share/java/commons-csv.jar")


def _rows(path: Path, **dialect: str) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, **dialect))  # type: ignore[arg-type]


def _java(classes: Path, main: str, path: Path) -> str | None:
    run = subprocess.run(["java", "-cp", f"{classes}:{COMMONS_CSV}", main, str(path)], capture_output=True)
    return run.stdout.decode("utf-8") if run.returncode == 0 else None


def _gephi_readers(out: Path, root: etree._Element) -> None:
    if shutil.which("javac") is None:
        print("skip Gephi's readers: no JDK")
        return
    classes = Path(tempfile.mkdtemp())
    sources = [str(JAVA / "GephiGraphml.java")] + ([str(JAVA / "GephiCsv.java")] if COMMONS_CSV.is_file() else [])
    subprocess.run(["javac", "-nowarn", "-cp", str(COMMONS_CSV), "-d", str(classes), *sources], check=True,
                   capture_output=True)
    text = _java(classes, "GephiGraphml", out / "graph.graphml") or ""
    gephi = {(e, k): v for e, k, v in (r.split("\x1f") for r in text.split("\x1e") if r)}
    lxml = {(el.get("id"), d.get("key")): d.text or "" for el in root.iterfind(".//g:graph/*", GRAPHML_NS)
            for d in el.iterfind("g:data", GRAPHML_NS)}
    differ = sum(1 for k, v in lxml.items() if gephi.get(k) != v.replace("\r", ""))
    print(f"GraphML through Gephi's reading loop: {len(lxml)} values, {differ} read differently")
    if not COMMONS_CSV.is_file():
        print("skip Gephi's CSV parser: no /usr/share/java/commons-csv.jar")
        return
    for name in ("nodes.csv", "edges.csv"):
        text = _java(classes, "GephiCsv", out / name)
        gephi_rows = None if text is None else [[None if c == "\0" else c for c in rec.split("\x1f")]
                                                for rec in text.split("\x1e") if rec]
        plain = [[c or None for c in row] for row in _rows(out / name)]
        verdict = ("failed to parse" if gephi_rows is None
                   else f"{len(gephi_rows) - 1} rows, same: {gephi_rows == plain}")
        print(f"{name} through Gephi's CSV parser: {verdict}")


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("out")
    G = read_json(out / "graph.json")
    pairs = len(set(G.edges()))
    print(f"graph.json: {G.number_of_nodes()} actors, {G.number_of_edges()} relations, {pairs} ordered pairs")
    root = etree.parse(str(out / "graph.graphml")).getroot()
    edges = root.findall(".//g:edge", GRAPHML_NS)
    merged = sum(c - 1 for c in Counter((e.get("source"), e.get("target")) for e in edges).values())
    carried = sum(int(d.text or 0) for d in root.iterfind(".//g:edge/g:data[@key='e_relation_count']", GRAPHML_NS))
    graph_keys = len(root.findall("g:key[@for='graph']", GRAPHML_NS))
    print(f"GraphML: {len(edges)} edges, {merged} that Gephi's default import would merge, "
          f"{carried} relations carried, {graph_keys} graph-level keys")
    gexf = etree.parse(str(out / "graph.gexf")).getroot().iter(GEXF_EDGE)
    kinds = Counter((e.get("source"), e.get("target"), e.get("kind")) for e in gexf)
    repeated = sum(c - 1 for c in kinds.values())
    print(f"GEXF: {sum(kinds.values())} edges, {repeated} with a repeated (source, target, kind)")
    for name in ("nodes.csv", "edges.csv"):
        plain, escaped = _rows(out / name), _rows(out / name, escapechar="\\")
        print(f"{name}: {len(plain) - 1} rows, read alike with a backslash escape: {plain == escaped}")
    db = sqlite3.connect(out / "graph.db")
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("actors", "ties", "evidence")}
    evidence = sum(len(d.get("evidence") or []) for _, _, d in G.edges(data=True))
    print(f"SQLite: {counts} (graph.json: {G.number_of_nodes()} actors, {G.number_of_edges()} ties, "
          f"{evidence} evidence sentences)")
    _gephi_readers(out, root)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
