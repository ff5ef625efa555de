"""Regenerate the README's screenshots of the map: the seed article's and the Wikinews corpus's.

Runs ``kg run`` on ``seeds/`` and on ``../shared/corpora/wikinews`` (293 Wikinews articles, CC BY 2.5),
opens each ``graph.html`` in headless Chromium with the network blocked, and saves

* ``examples/map-seed.png``: the seed's map with the tie "Vladimir Putin -> North Korea" clicked, so the
  details panel shows its evidence;
* ``examples/map-wikinews.png``: the Wikinews map as it opens (its most important actors);
* ``examples/map-wikinews-focus.png``: the focus on Iran (``graph.html#focus=Iran``);
* ``examples/map-wikinews-path.png``: the shortest chains between Joe Biden and Iran (``#path=Joe Biden|Iran``).

    python examples/screenshots.py                  # both (about two minutes: Wikinews goes through spaCy)
    python examples/screenshots.py --only seed
    python examples/screenshots.py --keep out/      # keep the kg outputs in out/seed and out/wikinews
    python examples/screenshots.py --keep out/ --reuse   # re-draw from out/*/graph.json (after a map change)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from kg.export.html_browser import browser, browser_missing, open_map  # noqa: E402

WIKINEWS = REPO.parent / "shared" / "corpora" / "wikinews"
SIZE = (1400, 860)


def select_tie(page: Any, source: str, relation: str, target: str) -> None:
    """Click the tie on the canvas, as a user would, so the panel opens with its evidence."""
    i = page.evaluate("""([s, r, t]) => kgMap.edgeInfo.findIndex((e, i) => e.relation_type === r
        && kgMap.nodeInfo[kgMap.edges.get(i).from].label === s
        && kgMap.nodeInfo[kgMap.edges.get(i).to].label === t)""", [source, relation, target])
    if i < 0:
        print(f"no tie {source} -{relation}-> {target} on this map; panel left closed", file=sys.stderr)
        return
    page.evaluate("(i) => kgMap.selectEdge(i)", i)
    page.wait_for_timeout(150)  # the panel takes room: let the canvas resize
    page.evaluate("kgMap.network.fit({animation: false, maxZoomLevel: 1.4})")
    point = page.evaluate("""(i) => kgMap.network.canvasToDOM(
        kgMap.network.body.edges[i].edgeType.getPoint(0.5))""", i)
    box = page.locator("#kg-map canvas").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


#: The Wikinews views: file suffix -> URL fragment.
WIKINEWS_VIEWS = {"": "", "-focus": "#focus=Iran", "-path": "#path=Joe%20Biden|Iran"}


def shoot(html: Path, png: Path, chromium: Any, scene: str, fragment: str = "") -> None:
    with open_map(html, browser_=chromium, width=SIZE[0], height=SIZE[1], fragment=fragment) as m:
        if scene == "seed":
            select_tie(m.page, "Vladimir Putin", "CONSULT", "North Korea")
        m.page.wait_for_timeout(300)
        box = m.page.locator("#kg-map canvas").bounding_box()
        m.page.mouse.move(box["x"] + 5, box["y"] + box["height"] - 5)  # off every node: no tooltip
        m.page.wait_for_timeout(300)
        m.page.screenshot(path=str(png))
        if m.outside_requests() or m.errors:
            sys.exit(f"{html}: requests {m.outside_requests()}, errors {m.errors}")
    print(f"wrote {png.relative_to(REPO)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=["seed", "wikinews"])
    ap.add_argument("--corpus", type=Path, default=WIKINEWS)
    ap.add_argument("--keep", type=Path, help="write the kg outputs here instead of a temporary folder")
    ap.add_argument("--reuse", action="store_true", help="with --keep: export the kept graph.json again "
                    "instead of running kg on the articles")
    args = ap.parse_args()
    if browser_missing():
        sys.exit(f"cannot take screenshots: {browser_missing()}")
    jobs = [("seed", REPO / "seeds"), ("wikinews", args.corpus)]
    jobs = [j for j in jobs if args.only in (None, j[0])]
    with tempfile.TemporaryDirectory(prefix="kg-screenshots-") as tmp, browser() as chromium:
        base = args.keep or Path(tmp)
        for name, inputs in jobs:
            if not inputs.exists():
                sys.exit(f"{inputs} not found (the shared corpora sit beside the repository)")
            out = base / name
            cmd = [sys.executable, "-m", "kg", "run", str(inputs), "-o", str(out), "--formats", "html",
                   "--silent"]
            if args.reuse and (out / "graph.json").exists():
                cmd = [sys.executable, "-m", "kg", "export", str(out / "graph.json"), "--format", "html",
                       "-o", str(out / "graph.html")]
            subprocess.run(cmd, check=True, cwd=REPO)
            views = WIKINEWS_VIEWS if name == "wikinews" else {"": ""}
            for suffix, fragment in views.items():
                shoot(out / "graph.html", REPO / "examples" / f"map-{name}{suffix}.png", chromium, name, fragment)


if __name__ == "__main__":
    main()
