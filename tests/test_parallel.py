"""kg's worker processes: triples come back in input order, the same as with one job."""

from __future__ import annotations

import random
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import pytest

from kg.records import Document, Triple
from kg.runner.pipeline import DocResult, ExtractOptions, _batches, extract_documents, extract_parallel, ordered_map
from tests.conftest import triple

# Short news items with actors on both sides of a verb, so every document has triples.
TEXTS = [
    "Russian President Vladimir Putin met North Korean leader Kim Jong Un in Pyongyang on Wednesday.",
    "China condemned the United States over new tariffs.\n\nBeijing also warned Washington against "
    "further sanctions.",
    "Ukraine accused Russia of shelling Kharkiv. The European Union pledged aid to Ukraine.",
    "Germany and France signed a defence agreement in Berlin.",
    "Iran threatened Israel after the strike. Israel rejected the accusation.",
    "Japan protested against North Korea's missile launch.",
]


def _docs(n: int = 12) -> list[Document]:
    return [Document(id=f"d{i:02d}", text=TEXTS[i % len(TEXTS)], date="2024-06-19") for i in range(n)]


def _fake_triples(document: Document) -> list[Triple]:
    """As many triples as the document id's number says (0 for some), each naming its document."""
    k = int(document.id[1:]) % 3
    return [triple(doc_id=document.id, sentence_index=i) for i in range(k)]


def test_batches_cover_the_input_in_order() -> None:
    docs = _docs(7)
    batches = list(_batches(docs, 3))
    assert [len(b) for b in batches] == [3, 3, 1]
    assert [d for b in batches for d in b] == docs


def test_ordered_map_keeps_input_order_whatever_finishes_first() -> None:
    docs = _docs(40)
    rng = random.Random(1)
    in_flight = 0
    most_in_flight = 0
    lock = threading.Lock()

    def work(batch: list[Document]) -> list[DocResult]:
        nonlocal in_flight
        time.sleep(rng.random() / 200)  # batches finish out of order
        with lock:
            in_flight -= 1
        return [(_fake_triples(d), ()) for d in batch]

    finished: list[tuple[str, int]] = []
    with ThreadPoolExecutor(4) as pool:
        def submit(batch: list[Document]) -> Future[list[DocResult]]:
            nonlocal in_flight, most_in_flight
            with lock:
                in_flight += 1
                most_in_flight = max(most_in_flight, in_flight)
            return pool.submit(work, batch)

        got = list(ordered_map(submit, docs, window=3, batch=2,
                               on_document=lambda d, m: finished.append((d.id, len(m)))))
    expected = [t for d in docs for t in _fake_triples(d)]
    assert got == expected
    assert finished == [(d.id, 0) for d in docs]
    assert most_in_flight <= 3  # the window bounds memory: never more batches queued than asked


def test_ordered_map_passes_worker_errors_on() -> None:
    def submit(batch: list[Document]) -> Future[list[DocResult]]:
        f: Future[list[DocResult]] = Future()
        f.set_exception(RuntimeError("worker died"))
        return f

    with pytest.raises(RuntimeError, match="worker died"):
        list(ordered_map(submit, _docs(3), window=2))


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        extract_documents(_docs(1), engine="spark")


@pytest.mark.model
@pytest.mark.slow
def test_two_jobs_give_the_same_triples_in_the_same_order(nlp: Any) -> None:
    docs = _docs(12)
    one = list(extract_documents(docs, nlp=nlp))
    done: list[str] = []
    two = list(extract_parallel(docs, ExtractOptions(), jobs=2, on_document=lambda d, _n: done.append(d.id)))
    assert len(one) >= len(docs)  # every text has at least one triple: the comparison means something
    assert [t.to_dict() for t in two] == [t.to_dict() for t in one]
    assert done == [d.id for d in docs]


@pytest.mark.model
@pytest.mark.slow
def test_spawned_workers_give_the_same_triples(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # where kg cannot fork (macOS, Windows) or is told not to, each worker loads the model itself
    monkeypatch.setenv("KG_MP_START", "spawn")
    docs = _docs(4)
    one = list(extract_documents(docs, nlp=nlp))
    assert one and [t.to_dict() for t in extract_parallel(docs, ExtractOptions(), jobs=2)] == \
        [t.to_dict() for t in one]


def test_workers_fork_on_linux_unless_told_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.runner import pipeline

    monkeypatch.delenv("KG_MP_START", raising=False)
    monkeypatch.setattr(pipeline.sys, "platform", "linux")
    assert pipeline.start_method() == "fork"
    monkeypatch.setattr(pipeline.sys, "platform", "darwin")
    assert pipeline.start_method() == "spawn"
    monkeypatch.setenv("KG_MP_START", "forkserver")
    assert pipeline.start_method() == "forkserver"
    assert pipeline._WORKER_NLP is None  # the parent keeps no pipeline after a run


@pytest.mark.model
def test_long_documents_are_parsed_in_pieces_with_document_offsets(nlp: Any) -> None:
    text = "\n\n".join(["Germany and France signed a defence agreement in Berlin."] * 6)
    doc = Document(id="long", text=text)
    whole = list(extract_documents([doc], nlp=nlp))
    pieces = list(extract_documents([doc], nlp=nlp, chunk_chars=130))
    assert len(whole) >= 6
    key = [(t.sentence_index, t.subject_span, t.object_span, t.relation_type) for t in whole]
    assert [(t.sentence_index, t.subject_span, t.object_span, t.relation_type) for t in pieces] == key
    for t in pieces:  # spans index the whole document, not the piece
        assert text[t.subject_span[0]:t.subject_span[1]] == t.subject_text



def test_batches_are_capped_by_characters_and_keep_order():
    from kg.runner.pipeline import _char_batches

    items = [("a" * 10, 1), ("b" * 300, 2), ("c" * 5, 3), ("d" * 5, 4), ("e" * 5, 5)]
    batches = list(_char_batches(items, max_items=2, max_chars=100))
    assert [[ctx for _, ctx in b] for b in batches] == [[1], [2], [3, 4], [5]]
    # A text longer than the cap still goes through, alone.
    assert all(len(b) == 1 or sum(len(t) for t, _ in b) <= 100 for b in batches)
