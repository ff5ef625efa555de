#!/usr/bin/env python3
"""Score kg's extraction on every development set in one run, one line a set.

usage: python benchmarks/score_all.py [--sets realdev,dev,redocred,conll04,heldout] [--out DIR] [--model NAME]
                                      [--full-parse]

Runs the extraction of the code on ``sys.path`` (the checkout it is run from) over the passages, writes each
set's triples to ``DIR/<set>.jsonl`` (default: a temporary folder, kept for ``--show`` runs of the scorers)
and prints the shared scorers' figures:

    realdev   ../shared/eval/realdev.jsonl with --aliases ../shared/eval/realdev_aliases.py
    dev       ../shared/eval/dev.jsonl
    redocred  ../shared/benchmarks/redocred (typed micro, standing types)
    conll04   ../shared/benchmarks/conll04/dev.json through ../shared/eval/conll04.py
    heldout   tests/data/heldout_news2.jsonl with its own aliases (written by the project, not the shared set)

Each figure comes from the same scorer a person would run by hand; the commands are printed with ``-v``.
"""

from __future__ import annotations

import argparse
import inspect
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _extract(rows: list[dict[str, str]], out: Path, model: str | None, full_parse: bool) -> int:
    from kg.api import extract
    from kg.records import Document

    docs = [Document(id=str(r["id"]), text=r["text"]) for r in rows]
    kwargs: dict[str, object] = {"model": model}
    if full_parse:
        if "full_parse" not in inspect.signature(extract).parameters:
            raise SystemExit("--full-parse: this checkout's kg.extract has no full_parse option")
        kwargs["full_parse"] = True
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for t in extract(docs, **kwargs):  # type: ignore[arg-type]
            fh.write(json.dumps(t.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _run(cmd: list[str], verbose: bool) -> str:
    if verbose:
        print("  $ " + " ".join(cmd), file=sys.stderr)
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()


def _sets(outdir: Path) -> dict[str, tuple[Path, list[str]]]:
    ev, bm = SHARED / "eval", SHARED / "benchmarks"
    py = sys.executable
    return {
        "realdev": (ev / "realdev.jsonl", [py, str(ev / "score.py"), str(ev / "realdev.jsonl"),
                                           str(outdir / "realdev.jsonl"), "--aliases",
                                           str(ev / "realdev_aliases.py")]),
        "dev": (ev / "dev.jsonl", [py, str(ev / "score.py"), str(ev / "dev.jsonl"), str(outdir / "dev.jsonl")]),
        "redocred": (bm / "redocred" / "dev_docs.jsonl",
                     [py, str(bm / "redocred" / "score_redocred.py"), str(bm / "redocred" / "dev_gold.jsonl"),
                      str(outdir / "redocred.jsonl")]),
        "conll04": (bm / "conll04" / "dev.json", [py, str(ev / "conll04.py"), "score", str(bm / "conll04" / "dev.json"),
                                                  str(outdir / "conll04.jsonl")]),
        "heldout": (ROOT / "tests" / "data" / "heldout_news2.jsonl",
                    [py, str(ev / "score.py"), str(ROOT / "tests" / "data" / "heldout_news2.jsonl"),
                     str(outdir / "heldout.jsonl"), "--aliases",
                     str(ROOT / "tests" / "data" / "heldout_news2_aliases.py")]),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="realdev,dev,redocred,conll04")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--model")
    ap.add_argument("--full-parse", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"{SHARED} is missing: the development sets live there", file=sys.stderr)
        return 2
    outdir = args.out or Path(tempfile.mkdtemp(prefix="kg-score-"))
    outdir.mkdir(parents=True, exist_ok=True)
    for name in args.sets.split(","):
        source, cmd = _sets(outdir)[name]
        if name == "conll04":
            rows = [json.loads(line) for line in _run([sys.executable, str(SHARED / "eval" / "conll04.py"), "docs",
                                                        str(source)], args.verbose).splitlines() if line.strip()]
        else:
            rows = _rows(source)
        n = _extract(rows, outdir / f"{name}.jsonl", args.model, args.full_parse)
        score = _run(cmd, args.verbose).replace("\n", " | ")
        print(f"{name:9} ({len(rows)} docs, {n} triples): {score}")
    print(f"triples in {outdir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
