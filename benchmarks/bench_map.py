"""How fast the HTML map opens and answers, in headless Chromium with the network blocked.

Two maps:

* the Wikinews corpus (``../shared/corpora/wikinews``, 293 articles) run through ``kg run`` (or an existing
  ``graph.json`` given with ``--graph``): the issue asks that it opens and settles in under 10 seconds;
* synthetic graphs of about 3,000 actors (kg triples merged by kg.graph.build), which must stay responsive: one
  with about two ties per actor, as in news (the Wikinews graph has 1.1), and a dense one with seven;
* the big map of issue 13: 8,000 actors and about 30,000 ties (``--big-actors``), where a filter change must
  take under 300 ms and panning must stay smooth, both in the opening view and with every actor shown.

For each: the time to render the HTML in Python, the file size, and over ``--runs`` fresh page loads the
wall time from navigation to ``body[data-state=ready]`` (layout settled, first frame drawn) and the page's
own ``performance.now()`` at that moment; then, on a loaded page, the time of a full redraw, a filter
(hide one actor type and show it again), a search and focus, and a click on a tie.

    python benchmarks/bench_map.py                      # both maps, 3 loads each
    python benchmarks/bench_map.py --graph out/graph.json --runs 5 --skip-synthetic
    python benchmarks/bench_map.py --skip-wikinews --skip-synthetic --runs 1   # only the 8,000-actor map
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_common import CORPUS, KG, synthetic_triples

from kg.export.html import write_html
from kg.export.html_browser import browser, browser_missing, open_map
from kg.export.json import read_json
from kg.graph.build import build_graph

# One pan step: the view moved by 20 screen pixels and drawn (vis-network draws synchronously on redraw()),
# as a frame during a drag is drawn: with the renderer's dragging flag set (vis-network sets it on dragStart),
# so the page's hideEdgesOnDrag applies as it does under the mouse.
PAN = """const v = kgMap.network.getViewPosition(), s = kgMap.network.getScale();
         kgMap.network.renderer.dragging = true;
         kgMap.network.moveTo({position: {x: v.x + 20 / s, y: v.y}}); kgMap.network.redraw();
         kgMap.network.renderer.dragging = false"""
# The frame drawn when the drag stops: everything, ties included.
DRAG_END = "kgMap.network.redraw()"
# One filter change (hide one actor type, then show it again: two changes, halved in the report).
FILTER = """const t = kgMap.meta.types[0][0]; kgMap.filters.types.delete(t); kgMap.applyFilters();
            kgMap.filters.types.add(t); kgMap.applyFilters()"""
# Interactions timed inside the page, each in ms, on the map as loaded.
INTERACTIONS = {
    "redraw": "kgMap.network.redraw()",
    "filter": FILTER,
    "pan step": PAN,
    "search+focus": """const h = kgMap.search(kgMap.nodeInfo[kgMap.nodeInfo.length - 1].label)[0];
                       kgMap.selectNode(h.id, false); kgMap.network.redraw()""",
    "click tie": "kgMap.selectEdge(0); kgMap.network.redraw()",
    "focus": "kgMap.focus(kgMap.nodeInfo[0].label); kgMap.network.redraw(); kgMap.overview()",
}
# With every actor shown (issue 13's big-map case).
ALL_SHOWN = {"show all": "kgMap.showMore(true); kgMap.network.redraw()", "filter, all shown": FILTER,
             "pan step, all shown": PAN, "drag end, all shown": DRAG_END}
HALVED = {"filter", "filter, all shown"}  # two changes per timing


def repeats(action: str) -> int:
    """Frames are timed as the median of 5 (they are short and noisy); changes of the view once."""
    return 5 if "pan" in action or "drag" in action else 1


def timed(page: Any, code: str, repeat: int = 1) -> float:
    """The median time of ``code`` in the page, ms, over ``repeat`` runs."""
    js = f"() => {{ const t0 = performance.now(); {code}; return performance.now() - t0; }}"
    return statistics.median(float(page.evaluate(js)) for _ in range(repeat))


def bench(name: str, graph: Any, runs: int, chromium: Any, workdir: Path) -> dict[str, Any]:
    path = workdir / f"{name}.html"
    t0 = time.perf_counter()
    write_html(graph, path, title=name)
    render = time.perf_counter() - t0
    loads, inpage = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        with open_map(path, browser_=chromium, wait=False) as m:
            ready = m.wait_ready(timeout_ms=120_000)
            loads.append(time.perf_counter() - t0)
            inpage.append(ready / 1000)
            assert m.outside_requests() == [] and m.errors == [], (m.outside_requests(), m.errors)
            shown = m.page.evaluate("kgMap.visibleCounts()")
            physics = m.page.evaluate("kgMap.meta.physics")
            actions = {k: timed(m.page, code, repeats(k)) for k, code in {**INTERACTIONS, **ALL_SHOWN}.items()}
            actions = {k: v / 2 if k in HALVED else v for k, v in actions.items()}
    return {"map": name, "actors": graph.number_of_nodes(), "ties": graph.number_of_edges(),
            "actors_shown": shown["nodes"], "ties_shown": shown["edges"], "physics": physics,
            "render_s": round(render, 2), "size_mb": round(path.stat().st_size / 1e6, 1),
            "open_to_ready_s": round(statistics.median(loads), 2),
            "open_to_ready_max_s": round(max(loads), 2),
            "page_ready_s": round(statistics.median(inpage), 2),
            **{f"{k}_ms": round(v) for k, v in actions.items()}}


def big_map(actors: int, ties: int) -> Any:
    """A graph of ``actors`` actors and about ``ties`` ties by preferential attachment (tests.test_html.big_graph)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.test_html import big_graph

    return big_graph(actors, max(1, round(ties / actors)))


def wikinews_graph(args: argparse.Namespace, workdir: Path) -> Any:
    if args.graph:
        return read_json(args.graph)
    out = workdir / "wikinews"
    t0 = time.perf_counter()
    cmd = [*KG, "run", str(args.corpus), "-o", str(out), "--formats", "html", "--silent"]
    subprocess.run(cmd, check=True)
    print(f"kg run {args.corpus} took {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return read_json(out / "graph.json")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--graph", type=Path, help="an existing graph.json instead of running kg on the corpus")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--actors", type=int, default=3000, help="about this many actors in the synthetic graphs")
    ap.add_argument("--skip-wikinews", action="store_true")
    ap.add_argument("--skip-synthetic", action="store_true")
    ap.add_argument("--big-actors", type=int, default=8000, help="actors of the big map (0: skip it)")
    ap.add_argument("--big-ties", type=int, default=30000, help="about this many ties in the big map")
    ap.add_argument("--json", action="store_true", help="print the results as JSON lines")
    args = ap.parse_args()
    if browser_missing():
        sys.exit(f"cannot run: {browser_missing()}")
    rows = []
    # Timings drift with the machine's load: say what it was, before and after.
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="kg-bench-map-") as tmp, browser() as chromium:
        workdir = Path(tmp)
        if not args.skip_wikinews:
            rows.append(bench("wikinews", wikinews_graph(args, workdir), args.runs, chromium, workdir))
        if not args.skip_synthetic:
            # (triples, actor pool, Zipf skew): ~2 and ~7 ties per actor that appears.
            for name, triples, pool, skew in (("synthetic", 2.1, 1.1, 0.5), ("synthetic-dense", 8, 1.0, 1.0)):
                g = build_graph(synthetic_triples(int(triples * args.actors), actors=int(pool * args.actors),
                                                  skew=skew))
                rows.append(bench(name, g, args.runs, chromium, workdir))
        if args.big_actors:
            g = big_map(args.big_actors, args.big_ties)
            rows.append(bench(f"big-{args.big_actors}", g, args.runs, chromium, workdir))
    load = {"load_before": [round(x, 2) for x in load_before], "load_after": [round(x, 2) for x in os.getloadavg()]}
    for row in rows:
        row.update(load)
        if args.json:
            print(json.dumps(row))
            continue
        print(f"\n{row['map']}: {row['actors']:,} actors, {row['ties']:,} ties "
              f"({row['actors_shown']:,} and {row['ties_shown']:,} on the map as it opens), "
              f"{'physics' if row['physics'] else 'positions from Python'}, {row['size_mb']} MB HTML")
        print(f"  load average          {' '.join(map(str, load['load_before']))} before, "
              f"{' '.join(map(str, load['load_after']))} after (1, 5, 15 min)")
        print(f"  render (Python)       {row['render_s']:6.2f} s")
        print(f"  open -> settled       {row['open_to_ready_s']:6.2f} s median of {args.runs} "
              f"(max {row['open_to_ready_max_s']:.2f} s; page's own clock {row['page_ready_s']:.2f} s)")
        for k in [*INTERACTIONS, *ALL_SHOWN]:
            print(f"  {k:<21} {row[k + '_ms']:6d} ms" + ("  (per change)" if k in HALVED else ""))


if __name__ == "__main__":
    main()
