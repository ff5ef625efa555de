#!/usr/bin/env python3
"""The node-quality counts of issue #12, measured on a graph.json (``kg run ... -o DIR`` writes DIR/graph.json).

usage: python benchmarks/audit_actors.py DIR/graph.json [--show]

Counts, each a number that should go down:

- ``pronoun_alias``: nodes with a pronoun among their aliases ("he", "their");
- ``surname_twins``: one-word person nodes that are the surname of another person node with ties;
- ``bare_institutions``: nodes with ties named by a bare institution word ("Parliament") or an outlet;
- ``mayor_into_state``: ties of a person into a state whose evidence says "mayor of <the object>" (the mayor
  made the state's; "Gdansk LOCATED_IN Poland" from "mayor of the Polish city of Gdansk" is no such tie);
- ``nodes`` and ``ties`` for scale.

Example (before and after a change)::

    kg run /work/shared/corpora/wikinews -o /tmp/wn --silent
    python benchmarks/audit_actors.py /tmp/wn/graph.json
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs",
                      "we", "us", "our", "i", "me", "my", "you", "your"})
BARE_INSTITUTIONS = frozenset({"parliament", "congress", "senate", "supreme court", "government", "ministry",
                               "house", "cabinet", "assembly", "national assembly", "court", "police", "army",
                               "military", "wikinews", "the senate", "the government"})


def _degree(graph: dict[str, Any]) -> Counter[str]:
    deg: Counter[str] = Counter()
    for e in graph["edges"]:
        deg[e["source"]] += 1
        deg[e["target"]] += 1
    return deg


def audit(graph: dict[str, Any]) -> dict[str, list[str]]:
    """Each count's offending items (node labels or tie descriptions)."""
    nodes = {n["id"]: n for n in graph["nodes"]}
    deg = _degree(graph)
    out: dict[str, list[str]] = {"pronoun_alias": [], "surname_twins": [], "bare_institutions": [],
                                 "mayor_into_state": []}
    for n in nodes.values():
        bad = sorted(a for a in n.get("aliases", []) if a.lower() in PRONOUNS)
        if bad:
            out["pronoun_alias"].append(f"{n['label']} {bad}")
    surnames = {n["label"].split()[-1]: n["label"] for k, n in nodes.items()
                if n["type"] == "person" and len(n["label"].split()) > 1 and deg[k]}
    for n in nodes.values():
        label = n["label"]
        if n["type"] == "person" and len(label.split()) == 1 and label in surnames:
            out["surname_twins"].append(f"{label} ~ {surnames[label]}")
    for k, n in nodes.items():
        if deg[k] and n["label"].lower() in BARE_INSTITUTIONS:
            out["bare_institutions"].append(f"{n['label']} ({deg[k]} ties)")
    for e in graph["edges"]:
        if nodes[e["target"]]["type"] != "state" or nodes[e["source"]]["type"] != "person":
            continue
        for ev in e.get("evidence", []):
            if re.search(r"\bmayor of (?:the )?" + re.escape(ev["object_text"]), ev["sentence"], re.I):
                out["mayor_into_state"].append(f"{nodes[e['source']]['label']} {e['relation_type']} "
                                               f"{nodes[e['target']]['label']}: {ev['sentence'][:100]}")
                break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("--show", action="store_true", help="List the offending nodes and ties.")
    args = parser.parse_args()
    graph = json.loads(args.graph.read_text("utf-8"))
    found = audit(graph)
    print(f"nodes {len(graph['nodes'])}  ties {len(graph['edges'])}")
    for name, items in found.items():
        print(f"{name:18} {len(items)}")
        if args.show:
            for item in items:
                print("    " + item)


if __name__ == "__main__":
    main()
