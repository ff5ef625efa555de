"""Extraction on a Dask distributed cluster: ``kg extract --engine dask [--scheduler ADDRESS]``.

The client (the process running ``kg``) reads the documents lazily and ships them in batches to the
cluster, with a bounded number of batches in flight, so memory stays flat whatever the size of the
input. Each worker thread loads the spaCy pipeline once and keeps it for every batch it runs. Results
are gathered in input order, so the triples and their order are the same as with the local engine.

Without a scheduler address a local cluster is started (``workers`` processes with one thread each)
and shut down at the end. To use an existing cluster, start workers where ``kg`` and the model are
installed (the same versions as on the client), one thread per worker process::

    dask scheduler                                   # prints tcp://HOST:8786
    dask worker tcp://HOST:8786 --nworkers 8 --nthreads 1
    kg extract articles/ -o triples.jsonl --engine dask --scheduler tcp://HOST:8786

Start such workers with ``DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False`` in their environment: Dask's
profiler otherwise samples every task 100 times a second and slows extraction down.

Dask is an optional dependency (``pip install 'kg[dask]'``); it is imported only when this engine runs.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from kg.records import Document, Triple
from kg.runner.pipeline import WORKER_BATCH, DocResult, ExtractOptions, OnDocument, extract_batch, ordered_map

#: Batches in flight per worker thread: one running, one queued, so no worker waits for the client.
IN_FLIGHT_PER_WORKER = 2
#: Seconds to wait for an existing scheduler to answer.
CONNECT_TIMEOUT = 30


class DaskUnavailable(ValueError):
    """``dask.distributed`` is not installed."""


_local = threading.local()
_loaded = 0  # pipelines this process has loaded (for tests and diagnostics)


def _worker_pipeline(options: ExtractOptions) -> Any:
    """The worker thread's pipeline, loaded on its first batch and kept for the next ones."""
    cached: tuple[ExtractOptions, Any] | None = getattr(_local, "pipeline", None)
    if cached is None or cached[0].model != options.model:
        from kg.nlp import load_pipeline

        global _loaded
        # One pipeline per thread: spaCy's Language objects are not meant to be shared between threads.
        cached = (options, load_pipeline(options.model))
        _local.pipeline = cached
        _loaded += 1
    return cached[1]


def pipelines_loaded() -> int:
    """How many times this process has loaded a pipeline for the Dask engine."""
    return _loaded


def run_batch(documents: list[Document], options: ExtractOptions) -> list[DocResult]:
    """The task a worker runs: one list of triples per document of the batch."""
    return extract_batch(documents, _worker_pipeline(options), options)


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise DaskUnavailable("the dask engine needs dask.distributed: pip install 'kg[dask]'") from exc
    return distributed


@contextlib.contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A ``distributed.Client`` on ``scheduler``, or on a local cluster of ``workers`` processes."""
    distributed = _import_distributed()
    with contextlib.ExitStack() as stack:
        if scheduler is None:
            import dask

            # The workers' statistical profiler samples every task's stack 100 times a second, which
            # costs a pure-Python extraction a quarter of its speed: off for the cluster kg starts.
            stack.enter_context(dask.config.set({"distributed.worker.profile.enabled": False}))
            # dashboard on a free port: no clash (or warning) when another cluster holds 8787.
            cluster = stack.enter_context(distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                silence_logs=logging.ERROR))
            client = stack.enter_context(distributed.Client(cluster))
        else:
            try:
                client = stack.enter_context(distributed.Client(scheduler, timeout=CONNECT_TIMEOUT))
            except (OSError, ValueError) as exc:  # TimeoutError is an OSError; a bad address a ValueError
                raise OSError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        yield client


def extract_dask(documents: Iterable[Document], options: ExtractOptions, *, scheduler: str | None = None,
                 workers: int = 1, batch: int = WORKER_BATCH,
                 on_document: OnDocument | None = None) -> Iterator[Triple]:
    """Triples of all documents, computed on a Dask cluster, in input order.

    ``workers`` is the size of the local cluster started when ``scheduler`` is ``None``; with an
    address the cluster's own workers are used. ``on_document`` is called in this process as each
    document's triples are yielded.
    """
    _import_distributed()  # fail before the generator starts, with the install hint
    return _extract_dask(documents, options, scheduler=scheduler, workers=workers, batch=batch,
                         on_document=on_document)


def _extract_dask(documents: Iterable[Document], options: ExtractOptions, *, scheduler: str | None,
                  workers: int, batch: int,
                  on_document: OnDocument | None) -> Iterator[Triple]:
    with dask_client(scheduler, workers) as client:
        threads = sum(client.nthreads().values()) or workers
        # pure=False: two identical batches (the same documents twice) are still two tasks.
        yield from ordered_map(lambda docs: client.submit(run_batch, docs, options, pure=False), documents,
                               window=IN_FLIGHT_PER_WORKER * threads, batch=batch, on_document=on_document)
