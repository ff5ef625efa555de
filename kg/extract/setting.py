"""A relation's own date and place, from its sentence: the glue between the rules and the triples.

:class:`SentenceSetting` finds a sentence's time expressions (:mod:`kg.extract.when`) and places
(:mod:`kg.extract.where`) once; :meth:`SentenceSetting.of` gives one candidate its date and, for an event
(not a standing relation such as LEADER_OF), its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from spacy.tokens import Span

from kg.extract.candidate import Candidate
from kg.extract.lexicon import Lexicon
from kg.extract.locative import PlaceQuery, event_location
from kg.extract.mentions import DocMentions
from kg.extract.scope import CLAUSE_POS, relation_scope
from kg.extract.when import DateMention, When, event_date, sentence_dates
from kg.extract.where import (
    DESTINATION_PREPS,
    PlaceMention,
    Where,
    dateline_place,
    sentence_places,
    sentence_targets,
    sentence_visits,
)
from kg.ontology import RELATION_TYPES
from kg.records import Mention

#: Relation types that are events, which have a place (PLOVER types; not standing relations, not RELATED).
EVENT_TYPES = frozenset(name for name, t in RELATION_TYPES.items() if t.quad_class > 0)
#: Relations that hold whatever the sentence's date: a place stays inside its country.
TIMELESS_TYPES = frozenset({"LOCATED_IN"})


@dataclass(frozen=True, slots=True)
class SentenceSetting:
    """The time expressions and places of one sentence, and where each mention's head token is."""

    sent: Span
    dates: list[DateMention]
    places: list[PlaceMention]
    heads: dict[int, int]  # mention start offset -> its head token
    by_token: dict[int, Mention]
    lex: Lexicon
    char_offset: int = 0
    visits: tuple[PlaceMention, ...] = ()  # the destinations of visits ("a trip to Warsaw")
    seats: frozenset[int] = frozenset()  # start offsets of mentions that name a state by its seat
    dateline: PlaceMention | None = None  # the document's dateline town, in its first sentences only
    targets: tuple[PlaceMention, ...] = ()  # places named as an act's object ("hit the Azores")

    @classmethod
    def build(cls, sent: Span, ms: DocMentions, heads: dict[int, int], lex: Lexicon) -> SentenceSetting:
        places, visits = sentence_places(sent, ms), sentence_visits(sent, ms)
        seats = frozenset(p.mention.start for p in places + visits if p.mention.start in ms.places)
        return cls(sent, sentence_dates(sent), places, heads, ms.by_token, lex, ms.char_offset,
                   tuple(visits), seats, _lead_dateline(sent, ms), tuple(sentence_targets(sent, ms)))

    def of(self, c: Candidate, base: str | None) -> tuple[When | None, Where | None]:
        """The candidate's own date (resolved against the document date ``base``) and place."""
        nothing = not (self.dates or self.places or self.visits or self.targets) and self.dateline is None
        if nothing or c.relation_type in TIMELESS_TYPES:
            return None, None
        s, o = self._head(c.subject), self._head(c.object)
        if s is None or o is None:
            return None, None
        scope = relation_scope(self.sent.doc, s, o, joint=c.pattern == "reciprocal")
        ends = {c.subject.start, c.object.start}
        standing = c.relation_type not in EVENT_TYPES

        def anchor_ok(i: int) -> bool:
            m = self.by_token.get(i)
            if m is not None and m.start in ends:
                return False  # "the 2019 IAAF World Championships": the date is part of a name
            tok = self.sent.doc[i]
            if tok.pos_ in CLAUSE_POS:
                return True
            # a standing relation is dated by its verb only ("elected to Congress in 1964")
            return not standing and (i == scope.top or self.lex.noun(tok.lemma_.lower()) is not None)

        patient = self._patient_place(c.object, o)

        def place_ok(i: int) -> bool:
            m = self.by_token.get(i)
            # "struck the Jolo Cathedral in Mindanao", "killed by US forces in Pakistan": the patient's
            # place, or the agent's, is the event's
            return anchor_ok(i) or i in scope.agent_side or (patient and m is not None and m.start == c.object.start)

        future = c.modality == "future"
        when = event_date(self.dates, scope, base, future=future, anchor_ok=anchor_ok) if self.dates else None
        where = None
        if (self.places or self.visits or self.targets or self.dateline) and not standing:
            where = event_location(PlaceQuery(self.sent.doc, scope, (c.subject, c.object), (s, o), c.relation_type,
                                              self.places, list(self.visits), place_ok, self.lex, self.seats,
                                              self.dateline, list(self.targets)))
        return when, where

    def _patient_place(self, obj: Mention, head: int) -> bool:
        """Whether a place named with the object is where the event was: the object is a site or a body
        the event befalls ("the attack on the Embassy in Baghdad"), not a person ("support for Maduro in
        Venezuela" says where he is) nor a destination ("flying Trump to the Center in Bethesda")."""
        tok = self.sent.doc[head]
        if obj.type == "PERSON" or obj.type == "NORP":
            return False
        return not (tok.dep_ == "pobj" and tok.head.lower_ in DESTINATION_PREPS)

    def _head(self, m: Mention) -> int | None:
        head = self.heads.get(m.start)
        if head is not None:
            return head
        # a mention a rule made itself: found by its characters (spans are document offsets)
        doc = self.sent.doc
        span = doc.char_span(m.start - self.char_offset, m.end - self.char_offset, alignment_mode="expand")
        return span.root.i if span is not None else None


#: Sentences of a document, from the one that holds its dateline, whose events the dateline places.
DATELINE_SENTENCES = 2
# Tokens past which no sentence is a lead (a quick way out for the rest of a long document).
_LEAD_TOKENS = 400


def _lead_dateline(sent: Span, ms: DocMentions) -> PlaceMention | None:
    """The dateline town when ``sent`` is the dateline's sentence or the next one ("KABUL (Reuters) - Gunmen
    stormed ..."): a lead reports what happened where the dateline was filed; later sentences are not taken."""
    if ms.char_offset or sent.start > _LEAD_TOKENS:
        return None
    found = dateline_place(ms)
    if found is None or sent.end <= found.start:
        return None
    # sentences from the dateline's, the dateline alone ("KABUL (Reuters) -" parsed apart) not counted
    lead = (s for s in sent.doc.sents if s.end > found.start and any(t.pos_ in CLAUSE_POS for t in s))
    firsts = islice(lead, DATELINE_SENTENCES)
    return found if any(s.start == sent.start for s in firsts) else None
