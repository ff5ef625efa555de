"""A verb's objects, typed by the lexicon: actors ("invaded Ukraine"), prepositional objects ("clashed *with*
China") and event nouns with their own targets ("imposed sanctions *on* Iran", "launched strikes | in Syria").

:func:`objects` yields (actor, relation phrase, type, pattern); an event-noun object's targets come from the
constructions of :data:`_EVENT_OBJECT_TARGETS`, one small function each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract.arguments import (
    FIRST_PERSON_OBJECTS,
    OBJ_DEPS,
    PASS_SUBJ_DEPS,
    RELATIVE,
    is_dative_prep,
    is_passive,
    particle,
    speakers,
    stranded_subject,
    verb_entry,
)
from kg.extract.event_nouns import (
    EVENT_TARGET_PREPS,
    IN_TARGET_TYPES,
    TARGET_PREPS,
    event_noun,
    event_targets,
    typed_targets,
)
from kg.extract.heads import phrase_actors
from kg.extract.lexicon import Lexicon, NounEntry, VerbEntry
from kg.extract.mentions import DocMentions
from kg.records import Mention

# Prepositions under which a light verb's event noun sits ("responded *with* strikes", "embarked *on*").
_EVENT_HOLDER_PREPS = frozenset({"with", "on", "in", "to", "into"})
# Preposition + event noun that say no event ("placed FEMA *in charge* of the response").
_IDIOMS = frozenset({("in", "charge"), ("in", "attack"), ("on", "record"), ("in", "order")})
# Nouns for a state or a body whose "of" phrase names it ("the *state* of Montana", "the *government* of Iraq").
_BODY_NOUNS = frozenset({"state", "government", "people", "city", "province", "republic", "kingdom", "army",
                         "military", "forces", "parliament", "regime", "authorities", "administration", "leadership",
                         "territory", "region", "island", "islands", "commonwealth", "county", "town", "citizens"})
# Verbal reactions: their object's agent ("the visit *by* Pelosi") is whom they are aimed at.
_REACTION_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "PROTEST"})


def objects(v: Token, ms: DocMentions, lex: Lexicon) -> Iterator[tuple[Mention, str, str, str]]:
    """(actor, relation phrase, type, pattern) of ``v``'s objects, typed with the verb's lexicon entry."""
    base = verb_entry(v, lex)
    prt = particle(v)
    lemma = v.lemma_.lower() + (f" {prt}" if prt else "")
    stranded = {m.span for c in v.children if c.dep_ == "conj" for t in (stranded_subject(c),) if t is not None
                for m in ms.actors_at(t, depth=0)}
    for obj in _object_holders(v):
        for found in _object(v, obj, lemma, base, ms, lex):
            if found[0].span not in stranded:
                yield found  # ("defeated ISIS and Turkey would be moving": Turkey is the next verb's subject)
    for p in v.children:
        if (p.dep_ in ("prep", "agent") or is_dative_prep(p)) and not (p.lower_ == "by" and is_passive(v)):
            yield from _prep_objects(v, p, lemma, base, ms, lex)


def _object_holders(v: Token) -> list[Token]:
    """The tokens holding ``v``'s objects, relative pronouns replaced by the noun they stand for."""
    passive = is_passive(v)
    holders = [c for c in v.children if c.dep_ in OBJ_DEPS and not is_dative_prep(c)]
    if passive:
        holders += [c for c in v.children if c.dep_ in PASS_SUBJ_DEPS]
    if v.dep_ == "acl" and v.tag_ == "VBN" and passive:
        holders.append(v.head)  # "the coalition led by the US": the modified noun is the object
    return [_relative_object(v, obj, passive) for obj in holders]


def _relative_object(v: Token, obj: Token, passive: bool) -> Token:
    """"Oswald, who had been shot by Ruby", "NATO, which Finland joined", "Venezuela, whose government is
    backed by Moscow": a relative pronoun (or a "whose" noun of a passive) stands for the modified noun."""
    if v.dep_ != "relcl":
        return obj
    if obj.lower_ in RELATIVE or (passive and any(c.lower_ == "whose" for c in obj.children)):
        return v.head
    return obj


def _own_possessed(v: Token, obj: Token, ms: DocMentions, lex: Lexicon) -> bool:
    """"lifted its ban on Chinese imports": the subject's own event noun, aimed "on" someone, is no object."""
    poss = [c for c in obj.children if c.dep_ == "poss"]
    return bool(poss) and ms.at(obj) is None and all(c.tag_ == "PRP$" and ms.at(c) is not None for c in poss) \
        and noun_entry(v, obj, lex) is not None


def _object(v: Token, obj: Token, lemma: str, base: VerbEntry | None, ms: DocMentions,
            lex: Lexicon) -> Iterator[tuple[Mention, str, str, str]]:
    """One object: an actor ("invaded Ukraine") or an event noun with its own targets ("imposed sanctions on Iran")."""
    actors = phrase_actors(obj, ms) or (speakers(v, ms, lex) if obj.lower_ in FIRST_PERSON_OBJECTS else [])
    # ("'They attacked us,' Zelensky said": a quoted "us" or "me" is the speaker)
    if actors and _own_possessed(v, obj, ms, lex):
        actors = []
    if actors and (base is None or not base.type) and ms.at(obj) is None and noun_entry(v, obj, lex) is None:
        return  # an unknown verb relates only what it names itself, not "his" of "repeated his claim"
    if actors:
        yield from _actor_object(v, obj, actors, lemma, base, ms, lex)
        return
    if base is not None and base.motion:
        return  # "flies fighters and cargo to Syria": carrying things is no visit
    noun = event_noun(obj, lex)
    if noun is not None or (base is not None and base.type) or noun_entry(v, obj, lex) is not None:
        yield from _event_object(v, obj, noun, lemma, base, ms, lex)


def _actor_object(v: Token, obj: Token, actors: list[Mention], lemma: str, base: VerbEntry | None,
                  ms: DocMentions, lex: Lexicon) -> Iterator[tuple[Mention, str, str, str]]:
    """"Russia invaded Ukraine"; "recalled its ambassador to France": the object and the object's own target;
    "granted Milken a pardon": a recipient takes the type the verb has with its thing (pardoning him, CONCEDE)."""
    thing = None if noun_entry(v, obj, lex) is not None else _thing_entry(v, obj, lex)
    entry = thing or verb_entry(v, lex, noun=obj.lemma_.lower()) or base
    rtype = entry.type if entry is not None and entry.type else None
    pattern = "passive" if is_passive(v) else "svo" if rtype else "unknown_verb"
    phrase = f"{lemma} {thing.noun}" if thing is not None else lemma
    yield from ((m, phrase, rtype or "RELATED", pattern) for m in actors)
    own = noun_entry(v, obj, lex)
    if own is not None and own.type:
        for m in event_targets(obj, ms, frozenset({"to", "from", "in"})):
            yield m, f"{lemma} {obj.lemma_.lower()}", own.type, "verb_prep"


def _thing_entry(v: Token, recipient: Token, lex: Lexicon) -> VerbEntry | None:
    """The verb's own row for the thing it gives a recipient ("granted Milken *a pardon*"; the parser may hang
    the thing on the name: "granted Paul Harvey Pogue | a full pardon")."""
    if recipient.dep_ != "dative":
        return None
    things = [c for c in v.children if c.dep_ == "dobj" and c.i != recipient.i]
    things += [c for c in recipient.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > recipient.i]
    return next((e for t in things for e in (noun_entry(v, t, lex),) if e is not None), None)


def _prep_objects(v: Token, p: Token, lemma: str, base: VerbEntry | None, ms: DocMentions,
                  lex: Lexicon) -> Iterator[tuple[Mention, str, str, str]]:
    """"clashed *with* China", "responded *with* strikes on Yemen": a verb's prepositional objects."""
    prep = p.lower_
    entry = verb_entry(v, lex, prep=prep)
    specific = entry is not None and entry.prep == prep
    for pobj in (c for c in p.children if c.dep_ == "pobj"):
        actors = phrase_actors(pobj, ms) or (_of_phrase(pobj, ms) if event_noun(pobj, lex) is None else [])
        if actors and entry is not None and entry.type == "REQUEST" and prep == "for" and _has_object(v):
            continue  # "asked the court for the Southern District": the thing asked for, not whom
        if actors and entry is not None and entry.transitive and not _has_object(v):
            continue  # "contributed to Agence France-Presse" wrote for it; "contributed $100m to" gave
        if actors and (specific or prep in TARGET_PREPS) and entry is not None and entry.type:
            yield from ((m, f"{lemma} {prep}", entry.type, "verb_prep") for m in actors)
        elif not actors and prep in _EVENT_HOLDER_PREPS and (prep, pobj.lemma_.lower()) not in _IDIOMS:
            noun = event_noun(pobj, lex)
            if noun is not None and (base is None or base.light or not base.type):
                yield from _event_object(v, pobj, noun, f"{lemma} {prep}", base, ms, lex)


def _has_object(v: Token) -> bool:
    return any(c.dep_ in OBJ_DEPS and not is_dative_prep(c) for c in v.children)


def noun_entry(v: Token, obj: Token, lex: Lexicon) -> VerbEntry | None:
    """The verb's own entry for this object noun ("recall" + "ambassador"), if it has one with a type."""
    e = verb_entry(v, lex, noun=obj.lemma_.lower())
    return e if e is not None and e.noun and e.type else None


def _event_object(v: Token, obj: Token, noun: NounEntry | None, lemma: str, base: VerbEntry | None,
                  ms: DocMentions, lex: Lexicon) -> Iterator[tuple[Mention, str, str, str]]:
    """Targets of a verb's non-actor object: the event noun's ("sanctions on Iran") or the verb's ("to").

    The type comes from the verb's own entry for the noun ("impose sanction"), else from the event noun when
    the verb is light or untyped ("launched strikes"), else from the verb; then each construction of
    :data:`_EVENT_OBJECT_TARGETS` adds the targets it finds.
    """
    specific = noun_entry(v, obj, lex)
    if specific is None and noun is not None and (base is None or base.light or not base.type):
        # the event noun decides, by its preposition where the lexicon says ("drills near Taiwan")
        for m, ntype in typed_targets(obj, noun, ms, lex):
            yield m, f"{lemma} {obj.lemma_.lower()}", ntype, "event_object"
    rtype = specific.type if specific is not None else _event_type(noun, base)
    if rtype is None:
        return
    phrase = f"{lemma} {obj.lemma_.lower()}" if noun is not None or specific is not None else lemma
    e = _EventObject(v, obj, noun, lemma, phrase, rtype, base, specific is not None)
    for construction in _EVENT_OBJECT_TARGETS:
        yield from construction(e, ms, lex)


def _event_type(noun: NounEntry | None, base: VerbEntry | None) -> str | None:
    """The noun's type under a light or untyped verb ("launched strikes"), else the verb's ("suspended talks")."""
    if noun is not None and (base is None or base.light or not base.type):
        return noun.type
    return base.type if base is not None else None


@dataclass(frozen=True, slots=True)
class _EventObject:
    """A verb with a non-actor object, typed: what the target constructions below look at."""

    verb: Token
    obj: Token
    noun: NounEntry | None
    lemma: str
    phrase: str
    type: str
    base: VerbEntry | None
    noun_decides: bool


_Targets = Iterator[tuple[Mention, str, str, str]]


def _own_noun_targets(e: _EventObject, ms: DocMentions, lex: Lexicon) -> _Targets:
    """"recalled its ambassador *from* Peru": a verb's own noun entry takes its noun's targets, "from" too."""
    if e.noun_decides:
        for m in event_targets(e.obj, ms, EVENT_TARGET_PREPS | {"from"}, e.type):
            yield m, e.phrase, e.type, "event_object"


def _joint_event_targets(e: _EventObject, ms: DocMentions, lex: Lexicon) -> _Targets:
    """"suspended talks *with* Iran", "signed an agreement with Japan": a typed verb on a joint event (other
    events keep their targets to themselves: "discussed the war in Ukraine" is not about Ukraine)."""
    if not e.noun_decides and e.noun is not None and e.noun.recip:
        for m in event_targets(e.obj, ms, frozenset({"with", "on", "between"})):
            yield m, e.phrase, e.type, "event_object"


def _reaction_targets(e: _EventObject, ms: DocMentions, lex: Lexicon) -> _Targets:
    """"condemned the visit *by* Pelosi", "welcomed the decision by Seoul": the event's agent is the target."""
    if e.base is not None and e.base.type in _REACTION_TYPES and not e.noun_decides:
        for m in event_targets(e.obj, ms, frozenset({"by"})):
            yield m, e.phrase, e.base.type, "event_object"


def _source_targets(e: _EventObject, ms: DocMentions, lex: Lexicon) -> _Targets:
    """"demanded an explanation *from* Russia": the source of a thing asked for or turned down, for verbs
    whose row takes "from" (not "received aid from", where the giver acts: a reverse verb)."""
    source = verb_entry(e.verb, lex, prep="from")
    if source is not None and source.prep == "from" and source.type and not source.reverse:
        for m in event_targets(e.obj, ms, frozenset({"from"})):
            yield m, f"{e.lemma} from", source.type, "verb_prep"


def _verb_prep_targets(e: _EventObject, ms: DocMentions, lex: Lexicon) -> _Targets:
    """"supplying drones *to* Moscow", "approved aid *for* Pakistan", "conducted drills | near Taiwan",
    "launched strikes | in Syria": the verb's own prepositional objects, wherever the parser hung them (a
    preposition that retypes the noun counts too; an attack's setting is its target)."""
    retyping = lex.noun_preps(e.obj.lemma_) if e.noun is not None else frozenset()
    hit_in = e.noun is not None and e.type in IN_TARGET_TYPES - {"PROTEST"}
    for p in e.verb.children:
        if not (p.dep_ == "prep" or is_dative_prep(p)):
            continue
        prep = p.lower_
        if prep in TARGET_PREPS or prep == "for" or prep in retyping or (prep == "in" and hit_in):
            by_prep = lex.noun(e.obj.lemma_, prep=prep) if prep in retyping else None
            for pobj in (c for c in p.children if c.dep_ == "pobj"):
                for m in phrase_actors(pobj, ms) or _of_phrase(pobj, ms):
                    yield m, f"{e.phrase} {prep}", by_prep.type if by_prep else e.type, "event_object"


def _of_phrase(pobj: Token, ms: DocMentions) -> list[Mention]:
    """"filed a lawsuit against *the state of Montana*": the actor of a body noun's "of" phrase (not "the end
    of its season", "the Knights of Columbus", "on behalf of the Senate")."""
    if pobj.lemma_.lower() not in _BODY_NOUNS:
        return []
    return [m for p in pobj.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o)]


# Who a verb's event-noun object is aimed at, each construction adding its own.
_EVENT_OBJECT_TARGETS: tuple[Callable[[_EventObject, DocMentions, Lexicon], _Targets], ...] = (
    _own_noun_targets, _joint_event_targets, _reaction_targets, _source_targets, _verb_prep_targets)
