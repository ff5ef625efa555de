"""The generated gazetteer and its inputs agree: ``build_gazetteer.py --check`` passes, and no curated row
names what ``non_actors.jsonl`` says is never an actor (the gazetteer is looked up first and would win)."""

from __future__ import annotations

import importlib.util
from types import ModuleType
from typing import Any

import pytest

from kg.actors import DocumentActors, gazetteer
from tests.conftest import REPO


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_gazetteer", REPO / "benchmarks" / "build_gazetteer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_gazetteer_on_disk_is_what_its_inputs_build() -> None:
    assert _script().main(["build_gazetteer.py", "--check"]) == 0


def test_a_curated_platform_is_caught_by_name_or_alias() -> None:
    rows: list[dict[str, Any]] = [
        {"name": "Russia", "aliases": ["Russian Federation"]},
        {"name": "Telegram"},
        {"name": "X Corp", "aliases": ["Twitter"]},
    ]
    assert _script().never_actors(rows) == ["Telegram (platform)", "Twitter (platform)"]


def test_a_clash_stops_the_build_before_anything_is_written(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    script = _script()
    monkeypatch.setattr(script, "build", lambda: [{"name": "Facebook", "type": "organisation"}])
    monkeypatch.setattr(script, "write_rows", lambda *a: pytest.fail("written despite the clash"))
    assert script.main(["build_gazetteer.py"]) == 1
    assert "Facebook (platform)" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["Twitter", "Telegram", "Facebook", "WhatsApp"])
def test_a_platform_is_no_actor_whatever_the_ner_says(name: str) -> None:
    assert gazetteer().lookup(name) is None
    assert DocumentActors([]).resolve(name, "ORG") is None
