#!/usr/bin/env python3
"""The reliability scenario of issue 7, end to end: a scraped folder full of trouble, killed runs, resume.

usage: python benchmarks/mixed_folder.py [--jobs N] [--kills K] [--seed S] [--keep DIR]

Builds, in a temporary folder, what an analyst points kg at: the Wikinews corpus plus an empty file,
a real PNG image, a latin-1 text, a JSON Lines file with a broken line and a 2 MB text (every State
of the Union address, 1945-2006, in one file). Then:

1. ``kg run`` on it with ``--jobs N`` (default 2), timed: prints the problem lines and the summary
   from stderr and checks each problem is reported in exactly one line, the run finishes and every
   output is complete and valid (GraphML/GEXF against the shared schemas, JSON read back);
2. ``K`` times (default 1): starts the same run, kills it (SIGKILL or SIGINT, alternately) at a
   random moment of the clean run's duration, checks no output is truncated or invalid, then runs
   ``--resume`` and checks every output is byte-identical to the clean run's.

Exits non-zero when a check fails. Needs ../shared beside the repository (the corpora and schemas).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

from bench_common import KG, REPO, SHARED, measure, mib

WIKINEWS = SHARED / "corpora" / "wikinews"
STATE_UNION = SHARED / "corpora" / "state_union"
GRAPHML_XSD = SHARED / "schemas" / "graphml-1.0" / "graphml.xsd"
GEXF_RNG = SHARED / "schemas" / "gexf-1.3" / "gexf.rng"
OUTPUTS = ["triples.jsonl", "graph.json", "graph.graphml", "graph.gexf", "graph.html", "nodes.csv", "edges.csv"]

LATIN1_TEXT = ("Talks in Zürich\n\nMonday, March 2, 2020\n\n"
               "Café owners in Zürich and Genève watched as Switzerland hosted the talks. "
               "Germany criticised Russia over the détente's collapse, and France praised the Swiss mediators.\n")
JSONL_LINES = [
    json.dumps({"id": "wire-1", "date": "2020-03-03", "title": "Wire: Japan and India",
                "text": "Japan praised India for the agreement on Tuesday."}),
    '{"id": "wire-2", "text": "France condemned Iran', # cut off mid-record, as a crashed scraper leaves it
    json.dumps({"id": "wire-3", "date": "2020-03-04", "text": "France condemned Iran over the missile test."}),
]


def png(width: int = 64, height: int = 48) -> bytes:
    """A real PNG image (an RGB gradient), written with zlib and struct."""
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    rows = b"".join(b"\x00" + bytes(v for x in range(width) for v in (x * 4 % 256, y * 5 % 256, 128))
                    for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def build_folder(root: Path) -> dict[str, Path]:
    """The done-when folder; returns the path of each troublesome file by what it is."""
    shutil.copytree(WIKINEWS, root / "wikinews")
    bad = {
        "empty": root / "empty.txt",
        "png": root / "chart.png",
        "latin1": root / "zurich-latin1.txt",
        "jsonl": root / "wire.jsonl",
        "long": root / "state-of-the-union-1945-2006.txt",
    }
    bad["empty"].write_bytes(b"")
    bad["png"].write_bytes(png())
    bad["latin1"].write_bytes(LATIN1_TEXT.encode("latin-1"))
    bad["jsonl"].write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    speeches = sorted(STATE_UNION.glob("*.txt"))
    bad["long"].write_text("\n\n".join(p.read_text(encoding="utf-8").strip() for p in speeches) + "\n",
                           encoding="utf-8")
    return bad


def _validator(schema: Path) -> object:
    from lxml import etree

    doc = etree.parse(str(schema), etree.XMLParser(no_network=True))
    return etree.RelaxNG(doc) if schema.suffix == ".rng" else etree.XMLSchema(doc)


def _check_jsonl(path: Path) -> list[str]:
    for line in path.read_text(encoding="utf-8").splitlines():
        json.loads(line)
    return []


def _check_graph_json(path: Path) -> list[str]:
    from kg.export.json import read_json

    read_json(path)
    return []


def _check_xml(path: Path) -> list[str]:
    from lxml import etree

    validator = _validator(GRAPHML_XSD if path.name.endswith("graphml") else GEXF_RNG)
    if not validator.validate(etree.parse(str(path))):  # type: ignore[attr-defined]
        return [f"{path.name}: invalid: {validator.error_log.last_error}"]  # type: ignore[attr-defined]
    return []


def _check_html(path: Path) -> list[str]:
    return [] if path.read_text(encoding="utf-8").rstrip().endswith("</html>") else [f"{path.name}: truncated"]


def _check_text(path: Path) -> list[str]:
    return [] if path.read_text(encoding="utf-8-sig").endswith("\n") else [f"{path.name}: truncated"]


# How each output is checked to be whole; any other output is a text file ending in a newline.
_CHECKS = {"triples.jsonl": _check_jsonl, "graph.json": _check_graph_json, "graph.graphml": _check_xml,
           "graph.gexf": _check_xml, "graph.html": _check_html}


def check_outputs(out: Path, *, complete: bool) -> list[str]:
    """Problems with the outputs in ``out``: each must be absent or whole and valid (all present if ``complete``)."""
    problems = []
    for name in OUTPUTS:
        path = out / name
        if not path.exists():
            if complete:
                problems.append(f"{name}: missing")
            continue
        try:
            problems += _CHECKS.get(name, _check_text)(path)
        except Exception as exc:  # any failure to read an output is what this check is for
            problems.append(f"{name}: {type(exc).__name__}: {exc}")
    if complete:
        leftovers = [p.name for p in out.iterdir() if ".partial" in p.name or p.name.endswith(".part")]
        problems += [f"{name}: left behind" for name in leftovers]
    return problems


def check_report(stderr: str, bad: dict[str, Path]) -> list[str]:
    """Each problem file named in exactly one stderr line; the summary counts read and skipped."""
    lines = stderr.splitlines()
    problems = []
    for what, path in bad.items():
        naming = [line for line in lines if str(path) in line]
        if what == "long":
            if naming:
                problems.append(f"the 2 MB text is fine, yet reported: {naming}")
        elif len(naming) != 1:
            problems.append(f"{what}: named in {len(naming)} lines, not 1: {naming}")
    summary = lines[-1] if lines else ""
    articles = sum(1 for _ in WIKINEWS.glob("*.txt"))
    # Read: every article, the latin-1 text, the 2 MB text and two of the three JSON lines.
    for part in (f"read {articles + 4} documents from {articles + 5} files", "1 empty", "1 unsupported format",
                 "skipped 1 record: 1 malformed JSON"):
        if part not in summary:
            problems.append(f"summary lacks {part!r}: {summary}")
    return problems


def check_long_document(out: Path, long_text: str, name: str) -> tuple[int, list[str]]:
    """Triples of the 2 MB text point at the right words though it was parsed in chunks."""
    rows = [json.loads(line) for line in (out / "triples.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["doc_id"] == name]
    problems = [f"{name}: span {r['subject_span']} is not {r['subject_text']!r}" for r in rows
                if long_text[r["subject_span"][0]:r["subject_span"][1]] != r["subject_text"]]
    if not rows:
        problems.append(f"{name}: no triples")
    return len(rows), problems


def kill_and_resume(inputs: Path, out: Path, clean: Path, *, jobs: int, at: float, sig: signal.Signals) -> list[str]:
    """Kill a run ``at`` seconds in, check what it left, resume it, compare with the clean run."""
    cmd = [*KG, "run", str(inputs), "-o", str(out), "--jobs", str(jobs), "--silent"]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)  # a group of its own, like a shell job
    time.sleep(at)
    if proc.poll() is None:
        # Ctrl-C reaches the whole foreground group (workers too); a kill -9 only the main process.
        if sig == signal.SIGINT:
            os.killpg(proc.pid, sig)
        else:
            proc.send_signal(sig)
    _, err = proc.communicate(timeout=600)
    stderr = err.decode("utf-8", "replace")
    problems = [f"after {sig.name} at {at:.1f}s: {p}" for p in check_outputs(out, complete=False)]
    if "Traceback" in stderr:
        problems.append(f"{sig.name} at {at:.1f}s: traceback on stderr:\n{stderr[-1500:]}")
    if sig == signal.SIGINT and proc.returncode not in (0, 130):
        problems.append(f"SIGINT at {at:.1f}s: exit code {proc.returncode}, not 130: {stderr[-500:]}")
    state = f"exit {proc.returncode}; stderr: {stderr.strip()[-200:] or '(nothing)'}"
    print(f"  {sig.name} at {at:5.1f}s -> {state}")
    resumed = measure([*KG, "run", str(inputs), "-o", str(out), "--jobs", str(jobs), "--silent", "--resume"])
    resumed_line = next((x for x in resumed.stderr.splitlines() if x.startswith("resumed")), "started over")
    print(f"  --resume: {resumed.seconds:.1f}s ({resumed_line})")
    problems += check_outputs(out, complete=True)
    problems += [f"after resume, {name} differs from the clean run" for name in OUTPUTS
                 if (out / name).read_bytes() != (clean / name).read_bytes()]
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--kills", type=int, default=1, help="kill/resume trials (0: none)")
    parser.add_argument("--seed", type=int, default=7, help="seeds the kill moments")
    parser.add_argument("--keep", type=Path, default=None, help="build the folder and outputs here")
    args = parser.parse_args()
    for needed in (WIKINEWS, STATE_UNION, GRAPHML_XSD, GEXF_RNG):
        if not needed.exists():
            sys.exit(f"{needed} not found: ../shared must be beside the repository")

    with tempfile.TemporaryDirectory(prefix="kg-mixed-") as tmp:
        work = args.keep or Path(tmp)
        inputs, clean = work / "in", work / "clean"
        for path in (inputs, clean):
            shutil.rmtree(path, ignore_errors=True)
        bad = build_folder(inputs)
        size = sum(p.stat().st_size for p in inputs.rglob("*") if p.is_file())
        files = sum(1 for p in inputs.rglob("*") if p.is_file())
        print(f"folder: {files} files, {size / 1e6:.1f} MB ({bad['long'].stat().st_size / 1e6:.1f} MB in "
              f"{bad['long'].name})")

        run = measure([*KG, "run", str(inputs), "-o", str(clean), "--jobs", str(args.jobs)])
        lines = [x for x in run.stderr.splitlines() if x.strip() and not x.startswith("extracting")]
        print(f"\n$ kg run {inputs} -o {clean} --jobs {args.jobs}    # stderr:")
        for line in lines:
            print(f"  {line}")
        triples = (clean / "triples.jsonl").read_text(encoding="utf-8").count("\n")
        print(f"\nclean run: {run.seconds:.1f}s wall, peak RSS {mib(run.peak_tree_rss)} (all processes), "
              f"{triples} triples")
        problems = check_report("\n".join(lines), bad)
        problems += check_outputs(clean, complete=True)
        long_text = bad["long"].read_text(encoding="utf-8")
        n_long, long_problems = check_long_document(clean, long_text, bad["long"].name)
        problems += long_problems
        print(f"the 2 MB text: {len(long_text):,} characters, {n_long} triples, every span on its words: "
              f"{not long_problems}")

        rng = random.Random(args.seed)
        for trial in range(args.kills):
            sig = signal.SIGKILL if trial % 2 == 0 else signal.SIGINT
            at = rng.uniform(0.05, 1.0) * run.seconds
            out = work / f"killed{trial}"
            shutil.rmtree(out, ignore_errors=True)
            print(f"\ntrial {trial + 1}: kill, check, resume, compare")
            problems += kill_and_resume(inputs, out, clean, jobs=args.jobs, at=at, sig=sig)

    print()
    for problem in problems:
        print(f"FAIL: {problem}")
    print("OK: every check passed" if not problems else f"{len(problems)} check(s) failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
