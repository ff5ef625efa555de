#!/usr/bin/env python3
"""Throughput of ``kg extract``: against bare spaCy and textacy, with --full-parse, with 2 jobs or 2 Dask workers.

usage: python benchmarks/bench_extract.py [--limit-words N] [--repeat 2] [--skip-parallel] [--corpus DIR]

1. One process, the same texts, the model loaded beforehand (not timed), each run repeated ``--repeat``
   times in turn and the fastest kept (other work on the machine only ever slows a run down):
   * bare spaCy: ``for doc in nlp.pipe(texts)`` with the model as installed (all default components);
   * kg: read the files, run kg's pipeline and extraction, write triples.jsonl (what ``kg extract`` does
     after loading the model), by default (the parse only where a relation can be) and with ``--full-parse``;
   * textacy: the same bare ``nlp.pipe`` plus ``textacy.extract.subject_verb_object_triples`` on each doc.
2. ``kg extract`` as a command, end to end (start-up, model loading, writing), with ``--jobs 1``,
   ``--jobs 2`` and ``--engine dask --jobs 2`` (a local cluster of 2 worker processes); the three outputs
   are compared byte for byte, with the peak memory of each run. Start-up (the same command on a
   one-document input) is shown too.

Words are runs of non-space characters. Targets of issue 15: kg (default) >= 1.25 x bare spaCy;
--jobs 2 >= 1.6 x --jobs 1 with identical output; dask with 2 workers >= 1.5 x --jobs 1 (issue 6).
The load average is printed at the start and the end: on a busy machine the ratios are noise.
"""

from __future__ import annotations

import argparse
import filecmp
import importlib
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench_common import CORPUS, KG, load_corpus, machine_load, measure, mib, words, write_corpus

from kg.records import Document


def default_model() -> str:
    """The model kg uses when none is given (so kg and bare spaCy run the same weights)."""
    import spacy

    from kg.nlp import DEFAULT_MODELS

    return next((m for m in DEFAULT_MODELS if spacy.util.is_package(m)), DEFAULT_MODELS[-1])


def bare_pipeline(model: str) -> Any:
    """The model exactly as installed: every default component, nothing added."""
    import spacy

    try:
        return importlib.import_module(model).load()
    except ImportError:
        return spacy.load(model)


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process)."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def single_process(documents: Sequence[Document], model: str, repeat: int, folder: Path,
                   batch_size: int) -> dict[str, tuple[float, float]]:
    """Best wall and CPU time of bare spaCy, kg and textacy over the same texts, runs interleaved."""
    from kg.ingest.documents import read_documents
    from kg.nlp import load_pipeline
    from kg.runner.pipeline import extract_documents
    from kg.runner.resume import TripleWriter

    texts = [d.text for d in documents]
    bare = bare_pipeline(model)
    nlp = load_pipeline(model)
    try:
        from textacy.extract import subject_verb_object_triples
    except ImportError:
        subject_verb_object_triples = None
        print("textacy not installed: its figure is left out (pip install textacy)")

    def run_bare() -> None:
        for _ in bare.pipe(texts, batch_size=batch_size):
            pass

    def run_kg(full_parse: bool) -> None:
        with TripleWriter(folder / f"triples-{'full' if full_parse else 'default'}.jsonl") as writer:
            for t in extract_documents(read_documents([folder / "corpus"]), nlp=nlp, batch_size=batch_size,
                                       on_document=writer.document_done, full_parse=full_parse):
                writer.write(t)
            writer.commit()

    def run_textacy() -> None:
        assert subject_verb_object_triples is not None
        for doc in bare.pipe(texts, batch_size=batch_size):
            for _ in subject_verb_object_triples(doc):
                pass

    runs: dict[str, Callable[[], None]] = {"bare spaCy nlp.pipe": run_bare,
                                           "kg extract (in-process)": lambda: run_kg(False),
                                           "kg --full-parse (in-process)": lambda: run_kg(True)}
    if subject_verb_object_triples is not None:
        runs["textacy SVO triples"] = run_textacy
    # Warm both pipelines up on a few texts, so lazy initialisation is not timed.
    list(bare.pipe(texts[:3]))
    list(nlp.pipe(texts[:3]))
    timings: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, fn in runs.items():
            timings[name].append(_timed(fn))
    return {name: (min(w for w, _ in ts), min(c for _, c in ts)) for name, ts in timings.items()}


def _difference(folder: Path) -> str:
    """How far the default path's triples are from --full-parse's: (document, ends, type, spans) compared."""
    import json

    def facts(name: str) -> set[tuple[object, ...]]:
        with (folder / f"triples-{name}.jsonl").open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        return {(r["doc_id"], r["subject_id"], r["relation_type"], r["object_id"], r["negated"],
                 tuple(r["subject_span"]), tuple(r["object_span"])) for r in rows}

    default, full = facts("default"), facts("full")
    share = len(default ^ full) / max(len(full), 1)
    return (f"{len(default)} and {len(full)}; {len(full - default)} only with --full-parse, "
            f"{len(default - full)} only by default: {100 * share:.2f} % differ (target <= 2 %)")


def command_line(folder: Path, one_doc: Path, n_words: int, *, dask: bool) -> None:
    """``kg extract`` end to end with 1 and 2 jobs (and 2 Dask workers); outputs compared."""
    modes = {"--jobs 1": ["--jobs", "1"], "--jobs 2": ["--jobs", "2"]}
    if dask:
        try:
            import distributed  # noqa: F401
        except ImportError:
            print("dask.distributed not installed: the dask engine is left out (pip install 'kg[dask]')")
        else:
            modes["--engine dask --jobs 2"] = ["--engine", "dask", "--jobs", "2"]
    results: dict[str, tuple[float, float, Path]] = {}
    for name, flags in modes.items():
        one = measure([*KG, "extract", str(one_doc), "-o", str(folder / "one.jsonl"), "-s", *flags])
        startup = one.seconds
        out = folder / f"out{len(results)}.jsonl"
        run = measure([*KG, "extract", str(folder / "corpus"), "-o", str(out), "-s", *flags])
        results[name] = (run.seconds, startup, out)
        print(f"kg extract {name:<24} {run.seconds:7.1f} s  {n_words / run.seconds:7,.0f} words/s   "
              f"(start-up on one document: {startup:.1f} s; peak RSS {mib(run.peak_tree_rss)} all processes)")
    base_s, base_start, base_out = results["--jobs 1"]
    for name, (seconds, startup, out) in results.items():
        if name == "--jobs 1":
            continue
        same = filecmp.cmp(base_out, out, shallow=False)
        steady = (base_s - base_start) / max(seconds - startup, 1e-9)
        print(f"speed-up {name} / --jobs 1: {base_s / seconds:.2f} x end to end, {steady:.2f} x without "
              f"start-up; output identical to --jobs 1: {'yes' if same else 'NO'}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of articles (default: %(default)s)")
    ap.add_argument("--limit-words", type=int, default=None, help="only the first documents, up to N words")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each single-process measure; best kept")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: the one kg uses)")
    ap.add_argument("--batch-size", type=int, default=64,
                    help="nlp.pipe batch size for bare spaCy and kg alike (kg's default: 64)")
    ap.add_argument("--skip-single", action="store_true", help="skip the single-process comparison")
    ap.add_argument("--skip-parallel", action="store_true", help="skip the --jobs 2 and dask runs")
    ap.add_argument("--skip-dask", action="store_true", help="skip the dask run")
    args = ap.parse_args(argv)

    documents = load_corpus(args.corpus, limit_words=args.limit_words)
    n_words = sum(words(d.text) for d in documents)
    model = args.model or default_model()
    print(f"corpus: {len(documents)} documents, {n_words:,} words from {args.corpus}; model {model}")
    print(f"machine at start: {machine_load()}")
    with tempfile.TemporaryDirectory(prefix="kg-bench-extract-") as tmp:
        folder = Path(tmp)
        write_corpus(documents, folder / "corpus")
        write_corpus(documents[:1], folder / "one")
        if not args.skip_single:
            best = single_process(documents, model, args.repeat, folder, args.batch_size)
            for name, (wall, cpu) in best.items():
                print(f"{name:<26} {wall:7.1f} s  {n_words / wall:7,.0f} words/s   "
                      f"(CPU {cpu:6.1f} s, {n_words / cpu:7,.0f} words per CPU-second)")
            bare_wall, bare_cpu = best["bare spaCy nlp.pipe"]
            for name, (wall, cpu) in best.items():
                if name != "bare spaCy nlp.pipe":
                    print(f"ratio {name} / bare spaCy (words/s): {bare_wall / wall:.3f} wall, "
                          f"{bare_cpu / cpu:.3f} CPU")
            print(f"triples of kg default and --full-parse: {_difference(folder)}")
        if not args.skip_parallel:
            command_line(folder, folder / "one", n_words, dask=not args.skip_dask)
    print(f"machine at end: {machine_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
