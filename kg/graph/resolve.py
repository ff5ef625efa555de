"""Cross-document actor resolution in the graph stage: one node per real-world actor.

Run once per actor when the graph is finished (never per triple, so a big build stays fast). In order:

1. the analyst's actors file (:mod:`kg.actor_fixes`): the builder has already given each triple's end and
   mention the row's actor (or dropped it, for a row that says ``discard``); here the row's node takes the
   row's name, type and Wikidata id, and is left out of the automatic merges below;
2. spelling variants of a person: "John R. Bolton" joins "John Bolton", "Jeremy "Spike" Cohen" "Spike Cohen",
   "Mitch Stoltz" "Mitchell Stoltz", when each is the other's only variant (one name's words are the other's,
   in order, or its first name is the start of the other's; same surname);
3. a one-word person ("Bolton") joins the only full name it is the surname (or family name first: "Xi") of,
   among the names sharing a document with it, or the only one in the corpus when none does;
4. a party adjective ("Democratic", "Republican") joins "Democratic Party" when the graph has it.

A merge keeps every name as an alias of the node; pronouns ("he", "their") are never aliases.

>>> from kg.graph.aggregate import ActorSummary
>>> a, b = ActorSummary(), ActorSummary()
>>> a.add("John Bolton", "PERSON", None, "John Bolton", "d1", None)
>>> b.add("Bolton", "PERSON", None, "Bolton", "d1", None)
>>> resolve_actors({"john_bolton": a, "bolton": b}).renames
{'bolton': 'john_bolton'}
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kg.actor_fixes import ActorFix, ActorFixes
from kg.graph.aggregate import ActorSummary, most_common
from kg.ontology import DATA_DIR

#: Words that are never an alias of a node: what coreference resolved stays in the evidence only.
PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
                      "they", "them", "their", "theirs", "themselves", "we", "us", "our", "ours", "i", "me",
                      "my", "you", "your", "who", "whom", "whose", "which", "that", "this", "these", "those"})
#: The shortest first name taken for the short form of a longer one ("Mitch" of "Mitchell", not "Al" of "Alan").
MIN_SHORT_FIRST_NAME = 4
# Labels a party adjective is read with ("Democratic" stands for the Democratic Party, not for democrats).
_PARTY_LABELS = frozenset({"NORP", "ORG"})


@dataclass(frozen=True, slots=True)
class Resolution:
    """What the graph stage does to its nodes: renames (old key -> kept key) and the analyst's rows."""

    renames: dict[str, str] = field(default_factory=dict)
    fixes: dict[str, ActorFix] = field(default_factory=dict)  # kept key -> the row that names it


@cache
def wikidata_ids() -> dict[str, str]:
    """Node key -> Wikidata QID for states and main organisations (``kg/data/wikidata.jsonl``)."""
    path = DATA_DIR / "wikidata.jsonl"
    rows = (json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip())
    return {str(r["key"]): str(r["wikidata"]) for r in rows}


def node_aliases(summary: ActorSummary) -> list[str]:
    """The node's aliases: every name and text it was given, less pronouns."""
    return [a for a in summary.all_aliases() if a.lower() not in PRONOUNS]


def fix_node(attrs: dict[str, Any], row: ActorFix) -> None:
    """A node's attributes as the analyst's row says: its name, and its type and Wikidata id when given."""
    attrs["label"] = row.name
    if row.type:
        attrs["type"], attrs["ner"] = row.type, row.ner
        if row.type != "state":
            attrs["iso3"] = None
    if row.iso3 and row.type in (None, "state"):
        attrs["iso3"], attrs["type"] = row.iso3, "state"
    if row.wikidata:
        attrs["wikidata"] = row.wikidata
    if row.name not in attrs["aliases"]:
        attrs["aliases"] = sorted([*attrs["aliases"], row.name])


def _forms(summary: ActorSummary) -> Iterator[str]:
    """A node's names, most used first, then the texts it was given (pronouns never count)."""
    yield from sorted(summary.names, key=lambda k: (-summary.names[k], k))
    yield from (a for a in sorted(summary.aliases) if a.lower() not in PRONOUNS)


def _is_person(n: ActorSummary) -> bool:
    return not n.iso3 and most_common(n.ner) == "PERSON"


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


def _is_variant(a: list[str], b: list[str]) -> bool:
    """Whether name ``a`` (words of a key) is a shorter form of ``b``: its words in ``b`` in order ("John
    Bolton", "John R. Bolton"), or a short first name of the same length ("Mitch Stoltz", "Mitchell Stoltz")."""
    if a[-1] != b[-1]:
        return False
    if len(a) < len(b):
        return _is_subsequence(a, b)
    return len(a) == len(b) and len(a[0]) >= MIN_SHORT_FIRST_NAME and len(a[0]) < len(b[0]) and \
        b[0].startswith(a[0]) and a[1:-1] == b[1:-1]


def variant_merges(nodes: Mapping[str, ActorSummary], people: list[str]) -> dict[str, str]:
    """Each person's name of 2+ words that is the only variant of another (same surname, words in order)."""
    by_last: dict[str, list[list[str]]] = {}
    for key in people:
        parts = key.split("_")
        if len(parts) > 1:
            by_last.setdefault(parts[-1], []).append(parts)
    pairs: dict[str, set[str]] = {}
    for names in by_last.values():
        for a in names:
            for b in names:
                if a is not b and _is_variant(a, b):
                    pairs.setdefault("_".join(a), set()).add("_".join(b))
                    pairs.setdefault("_".join(b), set()).add("_".join(a))
    out: dict[str, str] = {}
    for key, others in sorted(pairs.items()):
        if len(others) != 1:
            continue
        other = next(iter(others))
        if len(pairs[other]) != 1 or key in out or other in out:
            continue
        weight = {k: nodes[k].mentions + nodes[k].ends for k in (key, other)}
        keep = max((key, other), key=lambda k: (weight[k], -len(k), k))
        out[other if keep == key else key] = keep
    return out


def surname_merges(nodes: Mapping[str, ActorSummary], people: list[str], renames: Mapping[str, str]) -> dict[str, str]:
    """Each one-word person that is the surname (or family name first) of exactly one compatible full name."""
    sources: dict[str, list[str]] = {}  # kept full name -> the nodes it stands for (itself, its variants)
    by_token: dict[str, set[str]] = {}
    for key in people:
        parts = key.split("_")
        if len(parts) > 1:
            kept = renames.get(key, key)
            sources.setdefault(kept, []).append(key)
            for token in {parts[-1], parts[0]}:
                by_token.setdefault(token, set()).add(kept)
    out: dict[str, str] = {}
    for key in people:
        candidates = by_token.get(key, set()) if "_" not in key else set()
        if not candidates:
            continue
        docs = nodes[key].documents  # isdisjoint walks the smaller set: no copy of a big actor's documents
        sharing = [c for c in sorted(candidates) if any(not docs.isdisjoint(nodes[s].documents) for s in sources[c])]
        if len(sharing) == 1:
            out[key] = sharing[0]  # a document names both: the surname is that person there
        elif not sharing and len(candidates) == 1:
            out[key] = next(iter(candidates))  # the only person of that name in the corpus
    return out


def party_merges(nodes: Mapping[str, ActorSummary], free: list[str]) -> dict[str, str]:
    """Each one-word group or organisation ("Democratic") whose "<word> Party" is a node of the graph."""
    return {key: key + "_party" for key in free if "_" not in key and key + "_party" in nodes
            and most_common(nodes[key].ner) in _PARTY_LABELS and not nodes[key].iso3}


def resolve_actors(nodes: Mapping[str, ActorSummary], fixes: ActorFixes | None = None, *,
                   automatic: bool = True) -> Resolution:
    """The renames of the finished graph's nodes (see the module docstring for the order)."""
    rows = {row.key: row for row in fixes.rows if not row.discard} if fixes else {}
    renames: dict[str, str] = {}
    if automatic:
        free = [k for k in nodes if k not in rows]
        people = [k for k in free if _is_person(nodes[k])]
        variants = variant_merges(nodes, people)
        renames.update(variants)
        # the analyst's persons take surnames too ("Sanders" into their "Bernie Sanders"), never lose theirs
        fixed_people = [k for k in rows if k in nodes and _is_person(nodes[k]) and "_" in k]
        renames.update(surname_merges(nodes, people + fixed_people, variants))
        renames.update(party_merges(nodes, [k for k in free if k not in renames]))
    return Resolution(renames, rows)
