"""Event nouns and whom they are aimed at: "sanctions *on* Iran", "joint drills *with* Japan", "strikes on
targets *in* Syria", "restrictions on flights *to* Cuba"; shared by the clause and the nominal rules.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.lexicon import Lexicon, NounEntry, lexicon
from kg.extract.mentions import DocMentions
from kg.records import Mention

# Prepositions whose object takes part in the event whatever the verb ("with", "against", "to").
TARGET_PREPS = frozenset({"to", "with", "against", "on", "into", "toward", "towards", "upon", "onto",
                           "between"})
# Prepositions of an event noun that name its target ("strikes *on* Yemen", "aid package *for* Ukraine").
EVENT_TARGET_PREPS = TARGET_PREPS | {"for", "at", "over", "in", "of"}
# Prepositions of an event noun that name its agent ("sanctions *from* Western countries").
_EVENT_AGENT_PREPS = frozenset({"from", "by"})
# Prepositions of an event noun that may only name where it happens, and the event types for which that place
# is also the target ("strikes in Syria" hit Syria; "talks in Brussels" are not with Belgium).
_SETTING_PREPS = frozenset({"in", "at"})
IN_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION"})
# Prepositions one phrase beyond an event noun's object that still name its target ("on flights *to* Cuba").
_ONE_STEP_PREPS = frozenset({"in", "of", "to", "from"})
# Nouns for a frontier, whose "with" phrase names the state beyond it.
_BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})


def event_noun(tok: Token, lex: Lexicon) -> NounEntry | None:
    """The event a noun names, itself or through a compound ("aid package", "air strikes")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    found = lex.noun(tok.lemma_) or lex.noun(tok.lower_)
    if found is not None:
        return found
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.i < tok.i and c.pos_ == "NOUN":
            found = lex.noun(c.lemma_)
            if found is not None:
                return found
    return None


def event_targets(noun: Token, ms: DocMentions, preps: frozenset[str] = EVENT_TARGET_PREPS,
                  rtype: str | None = None) -> list[Mention]:
    """Actors an event noun is aimed at: its prepositional objects, or one step on ("on targets in Syria");
    given the event's type, not the city or seat it merely happens in."""
    out: list[Mention] = []
    for prep, m in targets_by_prep(noun, ms, preps):
        if m not in out and not (rtype is not None and _mere_setting(prep, m, rtype, ms)):
            out.append(m)
    return out


def _mere_setting(prep: str, m: Mention, rtype: str, ms: DocMentions) -> bool:
    """"held talks in Brussels": a city or seat after "in" is where talks happen, not whom they are with
    (an attack's place is its target: "strikes in Syria")."""
    return prep in _SETTING_PREPS and rtype not in IN_TARGET_TYPES and (
        not m.iso3 or m.start in ms.places or m.start in ms.settings)


def typed_targets(noun: Token, entry: NounEntry, ms: DocMentions, lex: Lexicon,
                  preps: frozenset[str] = EVENT_TARGET_PREPS) -> list[tuple[Mention, str]]:
    """(target, type) of an event noun, typed by its preposition where the lexicon says so: "joint drills
    *with* Japan" COOPERATE, "drills *near* Taiwan" MOBILIZE."""
    lemma = noun.lemma_.lower()
    own = lex.noun_preps(lemma) | lex.noun_preps(noun.lower_)
    out: list[tuple[Mention, str]] = []
    for prep, m in targets_by_prep(noun, ms, preps | own):
        by_prep = lex.noun(lemma, prep=prep) or lex.noun(noun.lower_, prep=prep)
        pair = (m, by_prep.type if by_prep is not None and by_prep.prep == prep else entry.type)
        if _mere_setting(prep, m, pair[1], ms):
            continue
        if pair not in out:
            out.append(pair)
    return out


def targets_by_prep(noun: Token, ms: DocMentions, preps: frozenset[str]) -> Iterator[tuple[str, Mention]]:
    for p in noun.children:
        if p.dep_ != "prep" or p.lower_ not in preps:
            continue
        for pobj in p.children:
            if pobj.dep_ not in ("pobj", "pcomp"):
                continue
            for m in ms.actors_at(pobj) or (_one_step_on(pobj, ms) if lexicon().noun(pobj.lemma_) is None else []):
                yield p.lower_, m


def _one_step_on(pobj: Token, ms: DocMentions) -> list[Mention]:
    """"strikes on targets in Syria", "talks on joining the EU", "restrictions on flights *to* Cuba", "a
    subpoena for documents *from* Pompeo", "troops on the border *with* Ukraine" (a border is a state's by
    "with"): the actor one phrase beyond an event noun's non-actor object (not beyond another event noun:
    "opposition to the ban from China" does not oppose China)."""
    found: list[Mention] = []
    for pp in pobj.children:
        if (pp.dep_ == "prep" and (pp.lower_ in _ONE_STEP_PREPS or (
                pp.lower_ == "with" and pobj.lemma_.lower() in _BORDER_NOUNS))) or pp.dep_ == "dobj":
            for x in (pp.children if pp.dep_ == "prep" else (pp,)):
                if x.dep_ in ("pobj", "dobj"):
                    found += ms.actors_at(x)
    return found


def event_agents(noun: Token, ms: DocMentions) -> list[Mention]:
    """"sanctions *from* Western countries", "the visit *by* Pelosi": an event noun's agents."""
    return [m for p in noun.children if p.dep_ == "prep" and p.lower_ in _EVENT_AGENT_PREPS
            for pobj in p.children if pobj.dep_ == "pobj" for m in ms.actors_at(pobj)]
