"""Extraction quality floors on the shared evaluation sets, scored by the shared scorers themselves.

Floors sit a little under what was measured (see the extraction report); a drop below one means a change
lost relations that used to be found. Run: python -m pytest tests/test_eval_scores.py -q
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kg.extract import extract_triples
from kg.records import Document

pytestmark = [pytest.mark.model, pytest.mark.shared]
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
HELDOUT = REPO / "tests" / "data" / "heldout_wikinews.jsonl"
HELDOUT_ALIASES = REPO / "tests" / "data" / "heldout_wikinews_aliases.py"
HELDOUT_OWN = REPO / "tests" / "data" / "heldout_own.jsonl"
NEWS2 = REPO / "tests" / "data" / "heldout_news2.jsonl"
NEWS2_ALIASES = REPO / "tests" / "data" / "heldout_news2_aliases.py"


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"kg_eval_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def score() -> ModuleType:
    return _module(SHARED / "eval" / "score.py")


def _extract(nlp: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        out += [t.to_dict() for t in extract_triples(doc, Document(id=str(row["id"]), text=row["text"]))]
    return out


def _scores(score: ModuleType, gold_path: Path, nlp: Any) -> tuple[dict[str, float], dict[str, float]]:
    gold = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line.strip()]
    system: dict[str, set[tuple[str, str, str, bool]]] = {}
    for t in _extract(nlp, gold):
        system.setdefault(t["doc_id"], set()).add(
            (score.canon(t["subject"]), score.canon(t["object"]), t["relation_type"].upper(), bool(t["negated"])))
    pair = score.score(gold, system, typed=False)[0]
    typed = score.score(gold, system, typed=True)[0]
    return pair, typed


def test_dev_set(score: ModuleType, nlp: Any) -> None:
    pair, typed = _scores(score, SHARED / "eval" / "dev.jsonl", nlp)
    assert pair["F1"] >= 0.90 and pair["P"] >= 0.90, pair
    assert typed["F1"] >= 0.85, typed


def _heldout_scores(score: ModuleType, nlp: Any, monkeypatch: pytest.MonkeyPatch, gold: Path,
                    aliases: Path) -> tuple[dict[str, float], dict[str, float]]:
    """Scores on a held-out set, with its own names table added to the shared one (score.py --aliases)."""
    monkeypatch.setattr(score, "TABLE", score.table(score.ALIASES, _module(aliases).HIDDEN_ALIASES))
    return _scores(score, gold, nlp)


def test_heldout_wikinews(score: ModuleType, nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    pair, typed = _heldout_scores(score, nlp, monkeypatch, HELDOUT, HELDOUT_ALIASES)
    # measured 0.889 / 0.871 in round 3 (first look before any rule was fitted to it: 0.638 / 0.607)
    assert pair["F1"] >= 0.85 and pair["P"] >= 0.93, pair
    assert typed["F1"] >= 0.83, typed


def test_heldout_own(score: ModuleType, nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    pair, typed = _heldout_scores(score, nlp, monkeypatch, HELDOUT_OWN, HELDOUT_ALIASES)
    # measured 0.945 / 0.899 in round 3 (0.849 / 0.834 before it)
    assert pair["F1"] >= 0.91 and pair["P"] >= 0.93, pair
    assert typed["F1"] >= 0.87, typed


def test_heldout_news2(score: ModuleType, nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    pair, typed = _heldout_scores(score, nlp, monkeypatch, NEWS2, NEWS2_ALIASES)
    # measured 0.865 / 0.828 (first look, gold written before any rule was fitted to it: 0.643 / 0.600)
    assert pair["F1"] >= 0.83 and pair["P"] >= 0.89, pair
    assert typed["F1"] >= 0.79, typed


def test_conll04_micro_f1(nlp: Any) -> None:
    conll = _module(SHARED / "eval" / "conll04.py")
    split = SHARED / "benchmarks" / "conll04" / "dev.json"
    gold = conll.gold(str(split))
    docs = [{"id": str(d["orig_id"]), "text": " ".join(d["tokens"])} for d in json.loads(split.read_text("utf-8"))]
    pred: dict[str, set[tuple[str, str, str]]] = {k: set() for k in gold}
    for t in _extract(nlp, docs):
        lab = conll.label(t)
        if lab and t["doc_id"] in pred and not t["negated"]:
            pred[t["doc_id"]].add((conll.norm(t["subject_text"]), lab, conll.norm(t["object_text"])))
    tp, fp, fn = Counter[str](), Counter[str](), Counter[str]()
    for k in gold:
        tp.update(r[1] for r in pred[k] & gold[k])
        fp.update(r[1] for r in pred[k] - gold[k])
        fn.update(r[1] for r in gold[k] - pred[k])
    p = sum(tp.values()) / (sum(tp.values()) + sum(fp.values()))
    r = sum(tp.values()) / (sum(tp.values()) + sum(fn.values()))
    f1 = 2 * p * r / (p + r)
    assert f1 >= 0.40, (round(p, 3), round(r, 3), round(f1, 3), dict(tp), dict(fp), dict(fn))
    assert tp["Kill"] > 0 and tp["Located_In"] > 0 and tp["OrgBased_In"] > 0  # every kind of rule contributes
