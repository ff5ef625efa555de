"""kg.runner.fast_parse: the NER and the parser decoded with the GIL held give spaCy's own annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc

from kg.runner import fast_parse
from kg.runner.fast_parse import GreedyDecoder

DATA = Path(__file__).parent / "data"
TEXTS = [
    "Russian President Vladimir Putin met Chinese leader Xi Jinping in Beijing on Monday. He praised him.",
    "MOSCOW (Reuters) - The Kremlin said on Tuesday it would not attend.\n\nThe weather was cold.",
    "Iran denied it had sent drones to Russia.  Its envoy told the United Nations that Tehran backs peace.",
    "\n\n", "Hello", "NATO", "the the the", "Ghana's president, Nana Akufo-Addo, met Nigerian leaders.",
]
#: What each component sets, per token.
ENTITIES = ("ent_iob_", "ent_type_")
TREES = ("head.i", "dep_", "is_sent_start")


def _texts() -> list[str]:
    rows = [json.loads(line) for name in ("heldout_news2.jsonl", "heldout_wikinews.jsonl")
            for line in (DATA / name).read_text("utf-8").splitlines() if line.strip()]
    return TEXTS + [r["text"] for r in rows]


def _before(nlp: Any, name: str, texts: list[str]) -> list[Doc]:
    """The Docs as the pipeline leaves them just before component ``name``."""
    names = nlp.pipe_names
    with nlp.select_pipes(disable=names[names.index(name):]):
        return list(nlp.pipe(texts))


def _annotations(docs: list[Doc], attrs: tuple[str, ...]) -> list[list[tuple[Any, ...]]]:
    def get(tok: Any, attr: str) -> Any:
        for part in attr.split("."):
            tok = getattr(tok, part)
        return tok
    return [[tuple(get(t, a) for a in attrs) for t in doc] for doc in docs]


def _compare(nlp: Any, name: str, attrs: tuple[str, ...], texts: list[str], batch_size: int) -> None:
    proc = nlp.get_pipe(name)
    docs = _before(nlp, name, texts)
    slow = list(proc.pipe([d.copy() for d in docs], batch_size=batch_size))
    fast = list(GreedyDecoder(proc).pipe([d.copy() for d in docs], batch_size=batch_size))
    assert _annotations(fast, attrs) == _annotations(slow, attrs)
    assert _annotations(fast, attrs) != _annotations(docs, attrs)  # the component did set something


@pytest.mark.parametrize(("batch_size", "sub_batch_tokens"), [(1, 16_000), (16, 16_000), (64, 60)])
def test_same_entities_as_spacy(nlp: Any, monkeypatch: pytest.MonkeyPatch, batch_size: int,
                                sub_batch_tokens: int) -> None:
    monkeypatch.setattr(fast_parse, "SUB_BATCH_TOKENS", sub_batch_tokens)
    _compare(nlp, "ner", ENTITIES, _texts(), batch_size)


def test_sub_batches_keep_to_the_token_budget(vocab: Any) -> None:
    docs = [Doc(vocab, words=["w"] * n) for n in (1, 2, 3, 5, 9)]
    assert [[len(d) for d in run] for run in fast_parse._sub_batches(docs, 5)] == [[1, 2], [3], [5], [9]]


def test_same_trees_as_spacy(nlp: Any) -> None:
    _compare(nlp, "parser", TREES, _texts(), 64)


def test_one_doc_and_empty_docs(nlp: Any) -> None:
    ner = nlp.get_pipe("ner")
    doc = _before(nlp, "ner", ["Putin met Xi in Beijing."])[0]
    assert [e.text for e in GreedyDecoder(ner)(doc).ents] == ["Putin", "Xi", "Beijing"]
    empty = _before(nlp, "ner", ["", ""])
    assert [len(d.ents) for d in GreedyDecoder(ner).pipe(empty)] == [0, 0]


def test_fits_greedy_transition_components_only(nlp: Any) -> None:
    ner = nlp.get_pipe("ner")
    assert GreedyDecoder.fits(ner) and GreedyDecoder.fits(nlp.get_pipe("parser"))
    assert not GreedyDecoder.fits(nlp.get_pipe("attribute_ruler")) and not GreedyDecoder.fits(ner.model)
    ner.cfg["beam_width"] = 4
    try:
        assert not GreedyDecoder.fits(ner)  # a beam search is left to spaCy
    finally:
        ner.cfg["beam_width"] = 1


@pytest.mark.shared
def test_same_entities_and_trees_on_wikinews(nlp: Any, shared: Path) -> None:
    from kg.ingest.documents import read_documents

    texts = [d.text for d, _ in zip(read_documents([shared / "corpora" / "wikinews"]), range(60), strict=False)]
    assert len(texts) == 60
    _compare(nlp, "ner", ENTITIES, texts, 64)
    _compare(nlp, "parser", TREES, texts, 64)
