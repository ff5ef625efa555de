"""What every construction rule yields: a candidate relation between two mentions, before triples are made.

Each rule names itself in ``pattern``; :data:`CONFIDENCE` says how far each pattern is trusted (measured on
the development set: clause rules with a named subject and object are right most often, relations reached
through coreference or inherited subjects less so, untyped co-mentions least).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from kg.records import Mention

#: Base confidence of each pattern (0-1).
CONFIDENCE: dict[str, float] = {
    "svo": 0.8,                 # Russia invaded Ukraine
    "passive": 0.75,            # Ukraine was invaded by Russia
    "verb_prep": 0.75,          # imposed sanctions on Iran, clashed with China
    "event_object": 0.7,        # launched air strikes on Yemen
    "event_patient": 0.65,      # Russia faces sanctions from the West
    "xcomp": 0.65,              # threatened to block Finland's bid
    "reciprocal": 0.7,          # Colombia and Venezuela restored ties; Putin and Xi met
    "nominal_event": 0.65,      # Putin's visit to North Korea
    "nominal_between": 0.6,     # ties between Russia and North Korea
    "copular": 0.75,            # China is North Korea's closest ally
    "modifier": 0.7,            # the Iranian-backed Houthi rebels; the CSTO, a Moscow-led alliance
    "title": 0.9,               # Russian President Vladimir Putin
    "title_possessive": 0.85,   # Russia's President Putin
    "apposition": 0.75,         # Mark Rutte, the Dutch prime minister
    "respectively": 0.75,       # his Greek and French counterparts, Dendias and Le Drian, respectively
    "title_of": 0.8,            # Jens Stoltenberg, secretary general of NATO
    "located_in": 0.7,          # the Palace of Fine Arts in San Francisco; Bethany, Conn.
    "of_place": 0.6,            # Brian Michaud of Millinocket
    "home": 0.6,                # his hometown of Grants, N.M.; in his native South Carolina
    "dateline": 0.5,            # BANGKOK, Thailand (AP) --
    "designation": 0.7,         # the US named Hezbollah as a terrorist group
    "behest": 0.65,             # at the request of Johnson, the Queen suspended parliament
    "allegation": 0.6,          # Grenell alleged Mahan had contributed to ...; claimed Houthis attacked
    "unknown_verb": 0.35,       # an untyped verb between two actors: RELATED
}
# Multipliers for weaker evidence.
VIA_COREF = 0.85
VIA_INHERITED_SUBJECT = 0.9


@dataclass(frozen=True, slots=True)
class Candidate:
    """One relation found by a rule, between two mentions of one sentence."""

    subject: Mention
    object: Mention
    relation: str
    relation_type: str
    pattern: str
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.5

    def scaled(self, factor: float) -> Candidate:
        return replace(self, confidence=round(self.confidence * factor, 3))


def make(subject: Mention, obj: Mention, relation: str, relation_type: str, pattern: str, *,
         negated: bool = False, modality: str = "asserted", inherited: bool = False,
         coref: Collection[int] = ()) -> Candidate | None:
    """A candidate, or ``None`` for a self-loop (both ends the same actor)."""
    if subject.key == obj.key:
        return None
    conf = CONFIDENCE[pattern]
    if inherited:
        conf *= VIA_INHERITED_SUBJECT
    if subject.start in coref or obj.start in coref:
        conf *= VIA_COREF
    return Candidate(subject, obj, relation, relation_type, pattern, negated, modality, round(conf, 3))
