"""Check and time kg's Gephi exports: GraphML, GEXF, CSV and the Python layout.

For each graph (kg's ``graph.json`` files given on the command line, plus a synthetic kg-shaped
graph of ``--nodes`` actors) this script writes the three exports, validates GraphML against the
GraphML 1.0 XSD and GEXF against the GEXF 1.3 RELAX NG schema (from ``../shared/schemas``), reads
them back with networkx and python-igraph, and checks the promises of issue 5: same node and edge
counts, unique edge ids, no weight <= 0, and relations of different types between the same two
actors kept as separate GEXF edges. It prints one line per check and the timings.

    python benchmarks/bench_exports.py out/graph.json --nodes 3000 --edges 9000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
from lxml import etree

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from anywhere: tests.graph_fixtures gives the synthetic graph

from kg.export.csv import write_csv  # noqa: E402
from kg.export.gexf import write_gexf  # noqa: E402
from kg.export.graphml import write_graphml  # noqa: E402
from kg.export.json import read_json  # noqa: E402
from kg.export.layout import compute_layout  # noqa: E402
from tests.graph_fixtures import GEXF_RNG, GRAPHML_XSD, synthetic_graph  # noqa: E402

GEXF_NS = {"x": "http://gexf.net/1.3"}


def _timed(label: str, fn: Any, *args: Any, **kw: Any) -> Any:
    start, cpu = time.perf_counter(), time.process_time()
    result = fn(*args, **kw)
    # CPU time beside wall time: on a shared machine the wall clock also measures the neighbours.
    print(f"  {label:<34} {time.perf_counter() - start:7.3f} s wall {time.process_time() - cpu:7.3f} s cpu")
    return result


def _schema(path: Path) -> Any:
    if not path.is_file():
        return None
    doc = etree.parse(str(path), etree.XMLParser(no_network=True))
    return etree.RelaxNG(doc) if path.suffix == ".rng" else etree.XMLSchema(doc)


def _check(label: str, ok: bool, detail: str = "") -> bool:
    print(f"  {'ok ' if ok else 'FAIL'} {label}{': ' + detail if detail else ''}")
    return ok


def run(name: str, G: nx.MultiDiGraph, outdir: Path, *, layout: bool) -> bool:
    n, m = G.number_of_nodes(), G.number_of_edges()
    print(f"{name}: {n} nodes, {m} edges")
    positions = _timed("layout (forceatlas2)", compute_layout, G) if layout else None
    if layout and n <= 5000:
        _timed("layout (spring)", compute_layout, G, method="spring")
    graphml = _timed("write_graphml", write_graphml, G, outdir / f"{name}.graphml", positions=positions)
    gexf = _timed("write_gexf", write_gexf, G, outdir / f"{name}.gexf", positions=positions)
    _timed("write_csv", write_csv, G, outdir / name)
    ok = True
    for path, schema_path in ((graphml, GRAPHML_XSD), (gexf, GEXF_RNG)):
        schema = _schema(schema_path)
        if schema is None:
            print(f"  skip {path.suffix} validation: {schema_path} absent")
            continue
        valid = schema.validate(etree.parse(str(path)))
        ok &= _check(f"{path.suffix} validates", valid, "" if valid else str(schema.error_log)[:300])
    H = nx.read_graphml(graphml, force_multigraph=True)
    p = len(set(G.edges()))  # GraphML has one edge per ordered pair, carrying all its relations
    carried = sum(d.get("relation_count", 0) for _, _, d in H.edges(data=True))
    ok &= _check("networkx reads GraphML", (H.number_of_nodes(), H.number_of_edges(), carried) == (n, p, m),
                 f"{H.number_of_nodes()} nodes, {H.number_of_edges()} pair edges carrying {carried} relations")
    X = nx.read_gexf(gexf, version="1.3")
    ok &= _check("networkx reads GEXF", (X.number_of_nodes(), X.number_of_edges()) == (n, m),
                 f"{X.number_of_nodes()} nodes, {X.number_of_edges()} edges")
    try:
        import igraph  # GPL: used here and in tests only, never by kg
    except ImportError:
        print("  skip igraph: not installed")
    else:
        g = igraph.Graph.Read_GraphML(str(graphml))
        ok &= _check("igraph reads GraphML", (g.vcount(), g.ecount()) == (n, p),
                     f"{g.vcount()} nodes, {g.ecount()} edges")
    root = etree.parse(str(gexf)).getroot()
    edges = root.findall(".//x:edge", GEXF_NS)
    ids = Counter(e.get("id") for e in edges)
    ok &= _check("GEXF edge ids unique", max(ids.values(), default=1) == 1)
    ok &= _check("GraphML edge ids unique", len({k for _, _, k in H.edges(keys=True)}) == p)
    ok &= _check("no two GraphML edges for Gephi to merge", len({(u, v) for u, v in H.edges()}) == p)
    ok &= _check("no weight <= 0", all(float(e.get("weight")) > 0 for e in edges))
    kinds = Counter((e.get("source"), e.get("target"), e.get("kind")) for e in edges)
    pairs = Counter((e.get("source"), e.get("target")) for e in edges)
    multi = sum(1 for c in pairs.values() if c > 1)
    ok &= _check("(source, target, kind) unique in GEXF", max(kinds.values(), default=1) == 1,
                 f"{multi} actor pairs with several relation types stay separate edges")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graphs", nargs="*", type=Path, help="kg graph.json files")
    parser.add_argument("--nodes", type=int, default=3000, help="synthetic graph size (0: none)")
    parser.add_argument("--edges", type=int, default=9000)
    parser.add_argument("--no-layout", action="store_true")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.graphs:
            ok &= run(path.parent.name or path.stem, read_json(path), Path(tmp), layout=not args.no_layout)
        if args.nodes:
            G = synthetic_graph(args.nodes, args.edges)
            ok &= run(f"synthetic-{args.nodes}", G, Path(tmp), layout=not args.no_layout)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
