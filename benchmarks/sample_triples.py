#!/usr/bin/env python3
"""Draw random triples from a triples file for a hand check of precision, one block a triple.

usage: python benchmarks/sample_triples.py TRIPLES.jsonl [--n 50] [--seed 2026] [--where FIELD=VALUE ...]

Prints each drawn triple as ``#k subject -RELATION-> object`` (``-~AGREE (hedged)->`` for a negated,
hedged one) with its pattern, the words of both ends and the
sentence, so a person can judge "pair right" and "type right" and write the verdicts down. ``--where`` keeps
only triples whose field has that value (``--where pattern=apposition``; ``--where event_date!=None`` keeps those
with an event date). The same file, ``--n`` and ``--seed`` always draw the same triples.
"""

from __future__ import annotations

import argparse
import json
import random
import sys


def _keep(t: dict[str, object], conditions: list[str]) -> bool:
    for cond in conditions:
        negate = "!=" in cond
        field, value = cond.split("!=" if negate else "=", 1)
        matches = str(t.get(field)) == value
        if matches == negate:
            return False
    return True


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("triples")
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--where", action="append", default=[])
    args = ap.parse_args()
    with open(args.triples, encoding="utf-8") as fh:
        rows = [t for t in (json.loads(line) for line in fh if line.strip()) if _keep(t, args.where)]
    drawn = random.Random(args.seed).sample(rows, min(args.n, len(rows)))
    print(f"{len(drawn)} of {len(rows)} triples, seed {args.seed}", file=sys.stderr)
    for k, t in enumerate(drawn, 1):
        extra = "".join(f" {f}={t[f]}" for f in ("event_date", "location") if t.get(f))
        # a negated or non-asserted triple says so: "could not reach an agreement" is ~AGREE (hedged)
        mark = "~" if t.get("negated") else ""
        modality = f" ({t['modality']})" if t.get("modality", "asserted") != "asserted" else ""
        print(f"#{k} {t['subject']} -{mark}{t['relation_type']}{modality}-> {t['object']}   [{t['pattern']}; "
              f"'{t['subject_text']}' / '{t['object_text']}'; {t['doc_id']}#{t['sentence_index']}]{extra}")
        print(f"    {t['sentence']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
