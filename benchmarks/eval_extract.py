#!/usr/bin/env python3
"""Run kg's extraction over gold passages and write triples JSONL for the shared scorers.

usage: python benchmarks/eval_extract.py GOLD_OR_DOCS.jsonl OUT.jsonl [--model NAME]

Each input line needs "id" and "text" (dev.jsonl, a held-out file, or `conll04.py docs` output). Then:
    python ../shared/eval/score.py ../shared/eval/dev.jsonl OUT.jsonl --show
    python ../shared/eval/conll04.py score ../shared/benchmarks/conll04/dev.json OUT.jsonl
Held-out sets in tests/data/ are scored with their own names table, e.g.
    python ../shared/eval/score.py tests/data/heldout_news2.jsonl OUT.jsonl \
        --aliases tests/data/heldout_news2_aliases.py
"""

from __future__ import annotations

import json
import sys
import time

from kg.extract import extract_triples
from kg.nlp import load_pipeline, model_name
from kg.records import Document


def main(argv: list[str]) -> int:
    model = argv[argv.index("--model") + 1] if "--model" in argv else None
    args = [a for a in argv[1:] if not a.startswith("--") and a != model]
    with open(args[0], encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    nlp = load_pipeline(model)
    n = 0
    t0 = time.perf_counter()
    with open(args[1], "w", encoding="utf-8") as out:
        docs = nlp.pipe(r["text"] for r in rows)
        for row, doc in zip(rows, docs, strict=True):
            for t in extract_triples(doc, Document(id=str(row["id"]), text=row["text"])):
                out.write(json.dumps(t.to_dict(), ensure_ascii=False) + "\n")
                n += 1
    print(f"{len(rows)} documents, {n} triples, {time.perf_counter() - t0:.1f}s with {model_name(nlp)}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
