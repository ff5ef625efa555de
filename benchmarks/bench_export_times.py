#!/usr/bin/env python3
"""Time of ``kg export`` of a 3,000-node graph to each format (HTML, GraphML, GEXF, JSON, CSV).

usage: python benchmarks/bench_export_times.py [--actors 3000] [--triples 30000] [--layout]

The graph is built by kg itself (GraphBuilder) from generated triples over ``--actors`` actors, saved as
graph.json, then ``python -m kg export graph.json --format F`` runs once per format as a child process:
the time is what a user waits for, start-up and reading graph.json included. The start-up alone
(``python -m kg --version``) is printed for reference. Schema checks of the Gephi formats are in
``bench_exports.py``; browser timings of the map in ``bench_map.py``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from bench_common import KG, measure, mib, synthetic_triples

FORMATS = ("html", "graphml", "gexf", "json", "csv")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--actors", type=int, default=3000)
    ap.add_argument("--triples", type=int, default=30_000)
    ap.add_argument("--layout", action="store_true", help="also compute positions in Python (--layout)")
    args = ap.parse_args(argv)

    from kg.export.json import write_json
    from kg.graph.build import build_graph

    with tempfile.TemporaryDirectory(prefix="kg-bench-export-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        g = build_graph(synthetic_triples(args.triples, actors=args.actors))
        graph = folder / "graph.json"
        write_json(g, graph)
        print(f"graph: {g.number_of_nodes():,} actors, {g.number_of_edges():,} ties from {args.triples:,} "
              f"generated triples ({graph.stat().st_size / 1024**2:.1f} MiB graph.json; "
              f"built in {time.perf_counter() - t0:.1f} s, not timed)")
        startup = measure([*KG, "--version"]).seconds
        print(f"python -m kg start-up: {startup:.2f} s")
        extra = ["--layout"] if args.layout else []
        for fmt in FORMATS:
            target = folder / ("csv" if fmt == "csv" else f"graph.{fmt}")
            try:
                run = measure([*KG, "export", str(graph), "--format", fmt, "-o", str(target), *extra])
            except RuntimeError as exc:
                print(f"kg export --format {fmt:<8} FAILED: {str(exc).splitlines()[-1]}")
                continue
            size = sum(p.stat().st_size for p in target.iterdir()) if target.is_dir() else target.stat().st_size
            print(f"kg export --format {fmt:<8} {run.seconds:6.2f} s  ({size / 1024**2:5.1f} MiB written, "
                  f"peak RSS {mib(run.peak_process_rss)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
