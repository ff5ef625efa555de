#!/usr/bin/env python3
"""Peak memory of ``kg extract`` on the corpus once and on the corpus repeated 4 times.

usage: python benchmarks/bench_memory.py [--limit-words 60000] [--jobs 1] [--corpus DIR]

The corpus (or its first ``--limit-words`` words; 0 for all of it) is written to a folder once, and to
another folder 4 times over (4 sub-folders, so every copy has its own document ids). ``python -m kg extract
FOLDER -o triples.jsonl`` runs on each as a child process; its resident set size is sampled every 20 ms
(the sum over the process and its workers) and the kernel's high-water mark of the largest process is read
at exit. Streaming means the 4x run should need no more memory than the 1x run: the target of issue 6 is
within 1.2 x.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench_common import CORPUS, KG, load_corpus, measure, mib, words, write_corpus

TARGET_RATIO = 1.2


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit-words", type=int, default=60_000, help="first N words of the corpus; 0: all")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--copies", type=int, default=4)
    args = ap.parse_args(argv)

    documents = load_corpus(args.corpus, limit_words=args.limit_words or None)
    n_words = sum(words(d.text) for d in documents)
    print(f"corpus: {len(documents)} documents, {n_words:,} words from {args.corpus}; --jobs {args.jobs}")
    peaks: dict[int, tuple[int, int]] = {}
    with tempfile.TemporaryDirectory(prefix="kg-bench-memory-") as tmp:
        for copies in (1, args.copies):
            folder = write_corpus(documents, Path(tmp) / f"x{copies}", copies=copies)
            out = Path(tmp) / f"x{copies}.jsonl"
            run = measure([*KG, "extract", str(folder), "-o", str(out), "-s", "--jobs", str(args.jobs)])
            peaks[copies] = (run.peak_tree_rss, run.peak_process_rss)
            triples = sum(1 for _ in out.open(encoding="utf-8"))
            print(f"kg extract corpus x{copies}: {copies * n_words:>9,} words, {triples:,} triples, "
                  f"{run.seconds:6.1f} s, peak RSS {mib(run.peak_tree_rss)} (all processes), "
                  f"{mib(run.peak_process_rss)} (largest process)")
    tree = peaks[args.copies][0] / peaks[1][0]
    single = peaks[args.copies][1] / peaks[1][1]
    print(f"peak memory x{args.copies} / x1: {tree:.2f} (all processes), {single:.2f} (largest process); "
          f"target <= {TARGET_RATIO}: {'met' if max(tree, single) <= TARGET_RATIO else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
