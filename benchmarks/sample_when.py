"""Draw triples for a hand check of event dates and places: ``python benchmarks/sample_when.py triples.jsonl``.

Prints, with a fixed seed, up to 50 triples that have an ``event_date`` and up to 50 event triples (PLOVER
types) that have a ``location``, each with the document's date and the sentence, for a reader to judge.
The figures of issue 17 were drawn with ``--seed 17`` from ``kg run ../shared/corpora/wikinews`` (dates) and
from that run pooled with ``kg run ../shared/corpora/state_union`` (places: Wikinews alone holds fewer than 50
located event triples).
"""

from __future__ import annotations

import argparse
import json
import random

from kg.ontology import RELATION_TYPES

EVENT_TYPES = frozenset(name for name, t in RELATION_TYPES.items() if t.quad_class > 0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("triples", nargs="+", help="triples.jsonl files (several runs are pooled)")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("-n", type=int, default=50)
    args = ap.parse_args()
    rows = []
    for path in args.triples:
        with open(path, encoding="utf-8") as f:
            rows += [json.loads(line) for line in f if line.strip()]
    dated = [r for r in rows if r.get("event_date")]
    located = [r for r in rows if r.get("location") and r["relation_type"] in EVENT_TYPES]
    print(f"triples {len(rows)}, with event_date {len(dated)}, located event triples {len(located)}")
    for name, pool in (("event_date", dated), ("location", located)):
        rng = random.Random(args.seed)
        print(f"\n== {name}: {min(args.n, len(pool))} of {len(pool)}")
        for k, r in enumerate(rng.sample(pool, min(args.n, len(pool))), 1):
            print(f"[{k}] doc {r['date']} | {r['event_date']} ({r['event_date_precision']}) | "
                  f"{r['location']} {r['location_iso3']} | {r['subject']} -{r['relation_type']}-> {r['object']}")
            print("     " + r["sentence"])


if __name__ == "__main__":
    main()
