"""Reliability with the real model: reproducible bytes, and interrupted runs that resume cleanly."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from tests.conftest import REPO, SEEDS

pytestmark = [pytest.mark.model, pytest.mark.slow]

OUTPUTS = ["triples.jsonl", "graph.json", "graph.graphml", "graph.gexf", "graph.html", "nodes.csv", "edges.csv"]


def _articles(folder: Path, order: list[int]) -> Path:
    """Write the seed's paragraphs as separate dated articles, creating the files in ``order``."""
    paragraphs = [p for p in (SEEDS / "putin-north-korea-visit.txt").read_text(encoding="utf-8").split("\n")
                  if len(p) > 80]
    folder.mkdir(parents=True)
    for i in order:
        sub = folder / ("a" if i % 2 else "b")
        sub.mkdir(exist_ok=True)
        (sub / f"2024-06-{10 + i:02d}_part{i}.txt").write_text(
            f"Part {i}\n\n{paragraphs[i % len(paragraphs)]}\n", encoding="utf-8")
    return folder


def _run(inputs: Path, out: Path, *extra: str) -> None:
    result = CliRunner().invoke(cli, ["run", str(inputs), "-o", str(out), "--silent", *extra])
    assert result.exit_code == 0, result.output


def test_same_bytes_whatever_the_file_order_or_jobs(tmp_path):
    n = 12
    order = list(range(n))
    _run(_articles(tmp_path / "in1", order), tmp_path / "out1")
    random.Random(3).shuffle(order)
    _run(_articles(tmp_path / "in2", order), tmp_path / "out2", "--jobs", "2")
    for name in OUTPUTS:
        first, second = (tmp_path / "out1" / name).read_bytes(), (tmp_path / "out2" / name).read_bytes()
        assert first == second, name
    assert (tmp_path / "out1" / "triples.jsonl").read_text(encoding="utf-8").count("\n") > n


def _valid_or_absent(out: Path) -> None:
    """Whatever moment a run died at, each output is either absent or complete."""
    import json

    from kg.export.json import read_json

    if (out / "triples.jsonl").exists():
        for line in (out / "triples.jsonl").read_text(encoding="utf-8").splitlines():
            json.loads(line)
    if (out / "graph.json").exists():
        read_json(out / "graph.json")
    for name in ["graph.graphml", "graph.gexf"]:
        if (out / name).exists():
            from lxml import etree

            etree.parse(str(out / name))
    if (out / "graph.html").exists():
        assert (out / "graph.html").read_text(encoding="utf-8").rstrip().endswith("</html>")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_run_leaves_valid_outputs_and_resumes_to_the_same_result(tmp_path, sig):
    inputs = _articles(tmp_path / "in", list(range(40)))
    clean = tmp_path / "clean"
    _run(inputs, clean)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "run", str(inputs), "-o", str(out), "--silent"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Let it load the model and write part of the triples, then kill it.
    deadline = time.monotonic() + 60
    ledger = out / "triples.jsonl.partial.done"
    while time.monotonic() < deadline and proc.poll() is None:
        if ledger.exists() and ledger.read_text().count("\n") >= 5:
            break
        time.sleep(0.05)
    time.sleep(random.Random(int(sig)).uniform(0, 0.5))
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=60)
    if proc.returncode != 0:
        assert b"Traceback" not in stderr
        if sig == signal.SIGINT:
            assert proc.returncode == 130 and b"interrupted" in stderr
    _valid_or_absent(out)
    _run(inputs, out, "--resume")
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
