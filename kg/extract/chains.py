"""Document-level standing ties: where a place lies, carried along the places the same document locates.

A Wikipedia introduction or a news report names a place once with its region and the region once with its
country, in different sentences: "Zabiele is a village in Szczytno County ... Szczytno County, in northern
Poland" or "Prelate, Saskatchewan ... moved to Alberta, Canada". What the text states in one sentence kg
already extracts; this module closes the chain the document itself spells out: a place LOCATED_IN a place
that is LOCATED_IN another is in that one too, and so is an actor tied to the first place (an organisation
based there, a person born there: AFFILIATED_WITH).

Only what the document states feeds a chain (no gazetteer knowledge); only asserted, non-negated ties go
in, and only to a depth of :data:`MAX_LINKS`. A person's tie takes no link from its own sentence: "born in
Concord, Mass." ties the person to the town, as the sentence-level rules decided; a place's does ("a village
in Gmina Wielbark, within Szczytno County, ... Poland": each unit is in the next, so in all of them).

Each derived triple keeps the sentence of its first link as provenance (its object's span points into the
sentence of the last link), with pattern :data:`PATTERN`, a lower confidence, and the place it goes through
in ``extra["via"]`` and in the relation ("in (via Saskatchewan)"), so an analyst can tell it from a stated
fact and filter it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from kg.records import Triple

#: The rule name of a derived triple.
PATTERN = "located_in_chain"
#: Standing ties that a place's own location extends: where something lies, what someone is tied to.
CARRIED = frozenset({"LOCATED_IN", "AFFILIATED_WITH"})
#: How many LOCATED_IN links a chain may add after the stated tie (village -> county -> region -> country).
MAX_LINKS = 3
#: Each added link costs confidence: a chain is as sure as its links, and a little less.
CONFIDENCE_FACTOR = 0.9


def _usable(t: Triple) -> bool:
    return not t.negated and t.modality == "asserted" and t.subject_id != t.object_id


def located_in_chains(triples: Iterable[Triple]) -> Iterator[Triple]:
    """The triples a document's LOCATED_IN links add to its standing ties (module docstring), in the
    order of the ties they extend; none between a pair the document already ties (any sentence, either
    standing type)."""
    ties = [t for t in triples if _usable(t) and t.relation_type in CARRIED]
    links: dict[str, list[Triple]] = {}
    for t in ties:
        if t.relation_type == "LOCATED_IN" and t.object_type != "PERSON":
            links.setdefault(t.subject_id, []).append(t)
    stated = {(t.subject_id, t.object_id) for t in ties}  # a pair tied one way needs no second, derived tie
    for t in ties:
        seen = {t.subject_id, t.object_id}
        frontier = [(t.object_id, t.confidence, 0)]
        while frontier:
            place, confidence, depth = frontier.pop(0)
            if depth >= MAX_LINKS:
                continue
            for link in links.get(place, ()):
                if link.object_id in seen or (t.subject_type == "PERSON" and link.sentence_index == t.sentence_index):
                    continue  # "born in Concord, Mass.": the sentence ties the person to the town, its rules chose
                seen.add(link.object_id)
                sure = round(min(confidence, link.confidence) * CONFIDENCE_FACTOR, 3)
                frontier.append((link.object_id, sure, depth + 1))
                key = (t.subject_id, link.object_id)
                if key in stated:
                    continue
                stated.add(key)
                yield replace(t, object=link.object, object_type=link.object_type, object_text=link.object_text,
                              object_span=link.object_span, object_id=link.object_id, object_iso3=link.object_iso3,
                              relation=f"{t.relation} (via {link.subject})", confidence=sure, pattern=PATTERN,
                              extra={"via": link.subject})
