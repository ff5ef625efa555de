"""The code checks the team agreed on (ruff and mypy as configured in pyproject.toml) run with the tests."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_ruff_is_clean():
    if shutil.which("ruff") is None and _run("ruff", "--version").returncode != 0:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    result = _run("ruff", "check", "kg", "tests", "benchmarks", "examples")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_is_clean():
    if _run("mypy", "--version").returncode != 0:
        pytest.skip("mypy is not installed (pip install -e '.[test]')")
    result = _run("mypy", "kg")
    assert result.returncode == 0, result.stdout + result.stderr
