"""Tiny runs of the benchmark scripts, so they keep working as kg changes (no figures are checked)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

BENCH = REPO / "benchmarks"


def _run(script: str, *args: str) -> str:
    done = subprocess.run([sys.executable, str(BENCH / script), *args], capture_output=True, text=True,
                          cwd=REPO, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.mark.slow
def test_bench_build_reports_time_memory_and_the_target() -> None:
    out = _run("bench_build.py", "--triples", "2000", "--actors", "200")
    assert "generated 2,000 triples over 200 actors" in out
    assert "kg build: 2,000 triples ->" in out and "actors" in out and "ties" in out
    assert "target (< 60 s, < 2,048 MiB): met" in out


@pytest.mark.slow
def test_bench_export_times_runs_every_format() -> None:
    out = _run("bench_export_times.py", "--actors", "60", "--triples", "300")
    for fmt in ("html", "graphml", "gexf", "json", "csv"):
        assert f"kg export --format {fmt:<8}" in out
    assert "FAILED" not in out


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.shared
def test_bench_extract_single_process_on_a_few_documents() -> None:
    out = _run("bench_extract.py", "--limit-words", "400", "--repeat", "1", "--skip-parallel")
    assert "bare spaCy nlp.pipe" in out
    assert "ratio kg extract (in-process) / bare spaCy (words/s):" in out
    assert "ratio kg --full-parse (in-process) / bare spaCy (words/s):" in out
    assert "differ (target <= 2 %)" in out
    assert "textacy" in out  # its figure, or the line saying it is not installed


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.shared
def test_bench_memory_compares_one_and_more_copies() -> None:
    out = _run("bench_memory.py", "--limit-words", "300", "--copies", "2")
    assert "kg extract corpus x1:" in out and "kg extract corpus x2:" in out
    assert "peak memory x2 / x1:" in out
