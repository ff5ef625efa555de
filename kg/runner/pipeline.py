"""Run documents through spaCy and the extraction rules, streamed, in one process or several.

Documents are read lazily and triples come out as soon as their document is done, in input order,
so memory does not grow with the corpus. With ``jobs > 1`` worker processes parse batches of
documents, each with the model loaded once (on Linux loaded and warmed once in the parent, the
workers forked from it: :func:`start_method`); results are put back in input order, so the output
is the same as with one job.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from kg.records import Document, Mention, Triple

#: Called once a document is finished, with the actors it names (for progress, resume and nodes).
OnDocument = Callable[[Document, tuple[Mention, ...]], None]
#: One document's result as engines ship it back: its triples and its actor mentions.
DocResult = tuple[list[Triple], tuple[Mention, ...]]

#: Documents longer than this many characters are parsed in pieces cut at paragraph boundaries;
#: spaCy's parser needs about 1 GB of memory per 100,000 characters of one text.
CHUNK_CHARS = 100_000
#: Characters parsed in one batch at most (a batch of short articles is about this size anyway).
BATCH_CHARS = 250_000
#: Documents sent to a worker process at a time: small, so the last batches keep both workers busy.
WORKER_BATCH = 8
#: What a pipeline is run on before worker processes are forked from it (see :func:`_preloaded`).
WARM_UP = "Russian President Vladimir Putin met Chinese leader Xi Jinping in Beijing. He praised him."
ENGINES = ("local", "dask")


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """What every engine needs to set up its pipeline the same way."""

    model: str | None = None
    batch_size: int = 64
    chunk_chars: int = CHUNK_CHARS
    full_parse: bool = False


def _chunks(documents: Iterable[Document],
            chunk_chars: int) -> Iterator[tuple[str, tuple[Document, int, bool]]]:
    """(text, (document, char offset, last piece?)) for ``nlp.pipe(..., as_tuples=True)``."""
    from kg.ingest.documents import split_text

    for document in documents:
        if len(document.text) <= chunk_chars:
            yield document.text, (document, 0, True)
            continue
        pieces = list(split_text(document.text, chunk_chars))
        for i, (offset, piece) in enumerate(pieces):
            yield piece, (document, offset, i == len(pieces) - 1)


def _char_batches(items: Iterable[tuple[str, Any]], *, max_items: int,
                  max_chars: int) -> Iterator[list[tuple[str, Any]]]:
    """Group texts into batches of at most ``max_items`` texts and, beyond one text, ``max_chars`` characters.

    spaCy keeps a whole batch in memory while it parses: 64 pieces of a long report cut at
    ``CHUNK_CHARS`` would be millions of characters at once.
    """
    batch: list[tuple[str, Any]] = []
    size = 0
    for item in items:
        if batch and (len(batch) >= max_items or size + len(item[0]) > max_chars):
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += len(item[0])
    if batch:
        yield batch


def _parser(nlp: Any, full_parse: bool) -> Callable[[list[tuple[str, Any]]], Iterable[tuple[Any, Any]]]:
    """What parses a batch of (text, context): the whole pipeline on every sentence with ``full_parse``
    (or when the pipeline cannot be split), else NER everywhere and the parse only where it can pay."""
    from kg.runner.partial import can_split, partial_pipeline

    if full_parse or not can_split(nlp):
        return lambda batch: nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
    partial = partial_pipeline(nlp)
    return lambda batch: partial.pipe(batch, batch_size=len(batch))


def extract_stream(documents: Iterable[Document], nlp: Any, *, batch_size: int = 64,
                   chunk_chars: int = CHUNK_CHARS, on_document: OnDocument | None = None,
                   full_parse: bool = False) -> Iterator[Triple]:
    """Triples of every document, in input order, in this process.

    ``on_document(document, mentions)`` is called once a document is finished, after its last
    triple, with the actors it names (for progress bars, resumable runs and the graph's nodes).
    ``full_parse`` runs the whole pipeline on every sentence (see :mod:`kg.runner.partial` for the default).
    """
    from kg.extract import extract_triples

    sentences = 0  # sentences in the earlier pieces of the current document
    mentions: list[Mention] = []
    # A pipeline set to take less than a chunk (nlp.max_length) would refuse it with error E088.
    chunk_chars = min(chunk_chars, getattr(nlp, "max_length", chunk_chars))
    pieces = _chunks(documents, chunk_chars)
    parse = _parser(nlp, full_parse)
    parsed = (parsed for batch in _char_batches(pieces, max_items=batch_size, max_chars=BATCH_CHARS)
              for parsed in parse(batch))
    for doc, (document, offset, last) in parsed:
        yield from extract_triples(doc, document, char_offset=offset, sentence_offset=sentences,
                                   mentions_out=mentions)
        if last:
            if on_document is not None:
                on_document(document, tuple(mentions))
            sentences = 0
            mentions = []
        else:
            sentences += sum(1 for _ in doc.sents)


# --- worker processes -------------------------------------------------------------------------

_WORKER_NLP: Any = None
_WORKER_OPTIONS: ExtractOptions | None = None


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    """Exit once the parent is gone: a `kill -9` of kg must not leave workers parsing for nobody."""
    import time

    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def _die_with_parent() -> None:
    import multiprocessing

    # The pid the parent had when it started this worker: it may be gone already (killed during start-up).
    known = multiprocessing.parent_process()
    parent = known.pid if known is not None and known.pid is not None else os.getppid()
    try:  # Linux: the kernel kills the worker with its parent, even in the middle of a parse
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # elsewhere a thread watches (once the parser lets go of the GIL)
        import threading

        threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # died before the kernel was told
        os._exit(1)


def _init_worker(options: ExtractOptions) -> None:
    global _WORKER_NLP, _WORKER_OPTIONS
    from kg.nlp import load_pipeline

    _die_with_parent()
    if _WORKER_NLP is None:  # spawned: load the model here (a forked worker has its parent's)
        _WORKER_NLP = load_pipeline(options.model)
    _WORKER_OPTIONS = options


def start_method() -> str:
    """How worker processes start: ``KG_MP_START`` when set; else ``fork`` on Linux, where the workers
    inherit the pipeline the parent loaded and warmed once (copy-on-write); else ``spawn``."""
    import multiprocessing

    wanted = os.environ.get("KG_MP_START")
    if wanted:
        return wanted
    return "fork" if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods() \
        else "spawn"


def _preloaded(options: ExtractOptions) -> Any:
    """The pipeline, loaded and run once on a short text, so the lazy tables (gazetteer, lexicon, the fast
    rules' caches) are built before the workers are forked, not once in each."""
    from kg.nlp import load_pipeline

    nlp = load_pipeline(options.model)
    extract_batch([Document(id="warm-up", text=WARM_UP)], nlp, options)
    return nlp


def extract_batch(documents: Sequence[Document], nlp: Any, options: ExtractOptions) -> list[DocResult]:
    """Triples and mentions of each document of a batch, for engines that ship batches."""
    triples: list[list[Triple]] = [[] for _ in documents]
    mentions: list[tuple[Mention, ...]] = []
    stream = extract_stream(documents, nlp, batch_size=options.batch_size, chunk_chars=options.chunk_chars,
                            on_document=lambda _d, m: mentions.append(m), full_parse=options.full_parse)
    for t in stream:
        # The stream is in document order: a triple belongs to the first document not yet finished.
        triples[len(mentions)].append(t)
    return list(zip(triples, mentions, strict=True))


def _run_batch(documents: list[Document]) -> list[DocResult]:
    assert _WORKER_OPTIONS is not None, "worker not initialised"
    return extract_batch(documents, _WORKER_NLP, _WORKER_OPTIONS)


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for d in documents:
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class BatchResult(Protocol):
    """What ``ordered_map`` needs of a future: a concurrent.futures or a dask.distributed one."""

    def result(self) -> list[DocResult]: ...


def ordered_map(submit: Callable[[list[Document]], BatchResult],
                documents: Iterable[Document], *, window: int, batch: int = WORKER_BATCH,
                on_document: OnDocument | None = None) -> Iterator[Triple]:
    """Submit batches with at most ``window`` in flight and yield their triples in input order."""
    pending: deque[tuple[list[Document], BatchResult]] = deque()

    def drain_one() -> Iterator[Triple]:
        docs, future = pending.popleft()
        for document, (triples, mentions) in zip(docs, future.result(), strict=True):
            yield from triples
            if on_document is not None:
                on_document(document, mentions)

    for docs in _batches(documents, batch):
        pending.append((docs, submit(docs)))
        if len(pending) >= window:
            yield from drain_one()
    while pending:
        yield from drain_one()


def extract_parallel(documents: Iterable[Document], options: ExtractOptions, *, jobs: int,
                     on_document: OnDocument | None = None) -> Iterator[Triple]:
    """Like :func:`extract_stream`, with ``jobs`` worker processes; same triples, same order."""
    global _WORKER_NLP
    import multiprocessing

    method = start_method()
    if method == "fork":
        _WORKER_NLP = _preloaded(options)
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                                 initializer=_init_worker, initargs=(options,)) as pool:
            if method == "fork":
                sys.stdout.flush()  # a forked worker flushes its copy of what is buffered when it exits
                sys.stderr.flush()
                pool.submit(int).result()  # every worker is forked on the first task: now, before the
                _WORKER_NLP = None  # parent starts threads or writes output; then the parent lets go of it
            # 4 batches in flight per worker: a slow batch at the head of the order stalls no worker
            yield from ordered_map(lambda docs: pool.submit(_run_batch, docs), documents,
                                   window=4 * jobs, on_document=on_document)
    finally:
        _WORKER_NLP = None


def extract_documents(documents: Iterable[Document], *, nlp: Any = None, model: str | None = None,
                      jobs: int = 1, engine: str = "local", scheduler: str | None = None,
                      batch_size: int = 64, chunk_chars: int | None = None,
                      on_document: OnDocument | None = None, full_parse: bool = False) -> Iterator[Triple]:
    """Triples of all documents, in input order, with the engine asked for.

    ``nlp`` is used as it is for one local job; otherwise every worker loads ``model``.
    ``chunk_chars`` defaults to :data:`CHUNK_CHARS` as it is at call time. ``full_parse`` parses every
    sentence instead of only those that can hold a relation (same triples, slower).
    """
    chunk_chars = CHUNK_CHARS if chunk_chars is None else chunk_chars
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    options = ExtractOptions(model=model, batch_size=batch_size, chunk_chars=chunk_chars, full_parse=full_parse)
    if engine == "dask":
        from kg.runner.distributed import extract_dask

        return extract_dask(documents, options, scheduler=scheduler, workers=jobs, on_document=on_document)
    if jobs > 1:
        return extract_parallel(documents, options, jobs=jobs, on_document=on_document)
    if nlp is None:
        from kg.nlp import load_pipeline

        nlp = load_pipeline(model)
    return extract_stream(documents, nlp, batch_size=batch_size, chunk_chars=chunk_chars,
                          on_document=on_document, full_parse=full_parse)
