#!/usr/bin/env python3
"""Regenerate ``kg/data/wikidata.jsonl``: the Wikidata QID of every state and main organisation of the gazetteer.

usage: pip install rigour && python benchmarks/build_wikidata.py [--check]

States take their QID from the territory list of ``rigour`` (MIT, OpenSanctions; its data is curated from
Wikidata), matched on the ISO 3166 alpha-3 code the gazetteer gives them. Organisations take theirs from
``kg/data/wikidata_curated.jsonl`` (checked by hand against wikidata.org), matched on the gazetteer name.
Each row is ``{"key": <node id>, "name": ..., "wikidata": "Q...", "source": ...}``; kg reads only the file,
so rigour is needed to rebuild it, never at run time. ``--check`` exits 1 when the file on disk is out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "kg" / "data"


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def build() -> list[dict[str, Any]]:
    from rigour.territories import get_territories  # build-time only

    sys.path.insert(0, str(DATA.parents[1]))
    from kg.actors import actor_key

    qid_of = {t.alpha3.upper(): t.qid for t in get_territories() if t.alpha3 and t.qid}
    curated = {r["name"]: r["wikidata"] for r in _read(DATA / "wikidata_curated.jsonl")}
    rows: list[dict[str, Any]] = []
    for r in _read(DATA / "gazetteer.jsonl"):
        key = actor_key(r["name"], r.get("iso3"))
        if r["name"] in curated:
            rows.append({"key": key, "name": r["name"], "wikidata": curated.pop(r["name"]), "source": "curated"})
        elif r.get("iso3") and r["iso3"] in qid_of:
            rows.append({"key": key, "name": r["name"], "wikidata": qid_of[r["iso3"]], "source": "rigour"})
    if curated:
        raise SystemExit(f"curated names not in the gazetteer: {sorted(curated)}")
    return sorted(rows, key=lambda r: r["key"])


def write_rows(path: Path, rows: list[dict[str, Any]], *, check: bool) -> int:
    """Write ``rows`` as JSON Lines to ``path``; with ``check``, only say (exit status 1) if it is out of date."""
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
    if check:
        return 0 if path.exists() and path.read_text("utf-8") == text else 1
    path.write_text(text, "utf-8")
    print(f"{len(rows)} rows -> {path}")
    return 0


def main() -> None:
    sys.exit(write_rows(DATA / "wikidata.jsonl", build(), check="--check" in sys.argv[1:]))


if __name__ == "__main__":
    main()
