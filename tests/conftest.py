"""Fixtures shared by kg's tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kg.records import Triple

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = REPO / "seeds"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Tests marked "shared" skip, with the reason, on a machine without ../shared beside the repo.
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason=f"{SHARED} is absent (the shared evaluation data and corpora)")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (the shared evaluation data and corpora)")
    return SHARED


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The real spaCy pipeline, loaded once."""
    from kg.nlp import load_pipeline

    return load_pipeline()


def triple(subject: str = "Russia", relation_type: str = "ASSAULT", obj: str = "Ukraine", **kw: Any) -> Triple:
    """A triple with sensible defaults, for graph and export tests."""
    from kg.actors import actor_key

    base: dict[str, Any] = dict(
        doc_id="d1", sentence_index=0, sentence=f"{subject} did something to {obj}.",
        subject=subject, subject_type="GPE", subject_text=subject, subject_span=(0, len(subject)),
        relation=relation_type.lower(), relation_type=relation_type, object=obj, object_type="GPE",
        object_text=obj, object_span=(len(subject) + 21, len(subject) + 21 + len(obj)),
        date="2024-06-19", confidence=0.8)
    base.update(kw)
    base.setdefault("subject_id", actor_key(base["subject"], base.get("subject_iso3")))
    base.setdefault("object_id", actor_key(base["object"], base.get("object_iso3")))
    return Triple(**base)


@pytest.fixture
def make_triple() -> Any:
    return triple


@pytest.fixture(scope="session")
def vocab() -> Any:
    """An English vocabulary (lexical attributes such as lower case and is_title, as the model has) for
    the rule tests on hand-built Docs."""
    import spacy

    return spacy.blank("en").vocab


@pytest.fixture(scope="module")
def chromium() -> Any:
    """A headless Chromium with kg's offline flags, one per test module (the map's browser tests)."""
    from kg.export.html_browser import browser

    with browser() as b:
        yield b
