"""Clause relations: a verb with its subject and objects, active or passive, typed by the lexicon.

Covers "Russia invaded Ukraine", "Ukraine was invaded by Russia" (also when the parser attaches "by" as a
plain preposition), verb + preposition objects ("imposed sanctions on Iran", "clashed with China"), light
verbs with event nouns ("launched air strikes on Yemen", "faces sanctions from the West"), conjoined
subjects and objects, subjects shared by conjoined verbs and participles, relative clauses ("who
assassinated Lincoln"), open complements ("threatened to block Finland's bid", "plans to visit") and
reported speech ("Kyiv said Russian drones struck ...": the reported event, never "Kyiv SAY"), raised subjects
("X is expected to visit Y"), "whose" relatives, requests made "on" someone ("called on Russia to withdraw"), the
source of a thing demanded or dismissed ("demanded an explanation from Russia"), the agent of a reacted-to
event ("condemned the visit by Pelosi"), the owner of an operation as a passive's agent ("killed in a US raid")
and denials that are events of their own ("would not recognise Kosovo" is REJECT).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.arguments import (
    OBJ_DEPS,
    PASS_SUBJ_DEPS,
    RELATIVE,
    VERB_POS,
    antecedent,
    is_dative_prep,
    is_passive,
    particle,
    stranded_subject,
    subjects,
    verb_entry,
)
from kg.extract.candidate import Candidate, make
from kg.extract.lexicon import Lexicon, NounEntry, VerbEntry, lexicon
from kg.extract.mentions import DocMentions
from kg.extract.modality import modality_of
from kg.records import Mention

# Prepositions whose object takes part in the event whatever the verb ("with", "against", "to").
_TARGET_PREPS = frozenset({"to", "with", "against", "on", "into", "toward", "towards", "upon", "onto",
                           "between"})
# Prepositions of an event noun that name its target ("strikes *on* Yemen", "aid package *for* Ukraine").
_EVENT_TARGET_PREPS = _TARGET_PREPS | {"for", "at", "over", "in", "of"}
# Prepositions of an event noun that name its agent ("sanctions *from* Western countries").
_EVENT_AGENT_PREPS = frozenset({"from", "by"})
# Prepositions under which a light verb's event noun sits ("responded *with* strikes", "embarked *on*").
_EVENT_HOLDER_PREPS = frozenset({"with", "on", "in", "to", "into"})
# Prepositions of an event noun that may only name where it happens, and the event types for which that place
# is also the target ("strikes in Syria" hit Syria; "talks in Brussels" are not with Belgium).
_SETTING_PREPS = frozenset({"in", "at"})
_IN_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION"})
# Prepositions one phrase beyond an event noun's object that still name its target ("on flights *to* Cuba").
_ONE_STEP_PREPS = frozenset({"in", "of", "to", "from"})
# Nouns for a frontier, whose "with" phrase names the state beyond it.
_BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
# Event types a neutral verb of saying turns into an accusation ("claimed the Houthis attacked ...").
_CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE", "ACCUSE"})
# Preposition + event noun that say no event ("placed FEMA *in charge* of the response").
_IDIOMS = frozenset({("in", "charge"), ("in", "attack"), ("on", "record")})
# Prepositions naming where a journey ends ("arrived *in* Seoul", "flew *to* Beijing").
_DESTINATION_PREPS = frozenset({"in", "to", "at", "into"})
# Verbal reactions: their object's agent ("the visit *by* Pelosi") is whom they are aimed at.
_REACTION_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "PROTEST"})
def clause_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """Candidates from every verb of ``sent`` (see the module docstring)."""
    for v in sent:
        if v.pos_ not in VERB_POS or v.dep_ in ("aux", "auxpass") or v.lemma_ == "be":
            continue
        yield from _verb_candidates(v, ms, lex)


def _event_noun(tok: Token, lex: Lexicon) -> NounEntry | None:
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


def event_targets(noun: Token, ms: DocMentions, preps: frozenset[str] = _EVENT_TARGET_PREPS,
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
    return prep in _SETTING_PREPS and rtype not in _IN_TARGET_TYPES and (
        not m.iso3 or m.start in ms.places or m.start in ms.settings)


def typed_targets(noun: Token, entry: NounEntry, ms: DocMentions, lex: Lexicon,
                  preps: frozenset[str] = _EVENT_TARGET_PREPS) -> list[tuple[Mention, str]]:
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


def _event_agents(noun: Token, ms: DocMentions) -> list[Mention]:
    return [m for p in noun.children if p.dep_ == "prep" and p.lower_ in _EVENT_AGENT_PREPS
            for pobj in p.children if pobj.dep_ == "pobj" for m in ms.actors_at(pobj)]


def _objects(v: Token, ms: DocMentions, lex: Lexicon) -> Iterator[tuple[Mention, str, str, str]]:
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
    if v.dep_ == "acl" and v.tag_ == "VBN":
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
        and _noun_entry(v, obj, lex) is not None


def _object(v: Token, obj: Token, lemma: str, base: VerbEntry | None, ms: DocMentions,
            lex: Lexicon) -> Iterator[tuple[Mention, str, str, str]]:
    """One object: an actor ("invaded Ukraine") or an event noun with its own targets ("imposed sanctions on Iran")."""
    actors = ms.actors_at(obj)
    if actors and _own_possessed(v, obj, ms, lex):
        actors = []
    if actors and (base is None or not base.type) and ms.at(obj) is None and _noun_entry(v, obj, lex) is None:
        return  # an unknown verb relates only what it names itself, not "his" of "repeated his claim"
    if actors:
        yield from _actor_object(v, obj, actors, lemma, base, ms, lex)
        return
    noun = _event_noun(obj, lex)
    if noun is not None or (base is not None and base.type) or _noun_entry(v, obj, lex) is not None:
        yield from _event_object(v, obj, noun, lemma, base, ms, lex)


def _actor_object(v: Token, obj: Token, actors: list[Mention], lemma: str, base: VerbEntry | None,
                  ms: DocMentions, lex: Lexicon) -> Iterator[tuple[Mention, str, str, str]]:
    """"Russia invaded Ukraine"; "recalled its ambassador to France": the object and the object's own target."""
    entry = verb_entry(v, lex, noun=obj.lemma_.lower()) or base
    rtype = entry.type if entry is not None and entry.type else None
    pattern = "passive" if is_passive(v) else "svo" if rtype else "unknown_verb"
    yield from ((m, lemma, rtype or "RELATED", pattern) for m in actors)
    own = _noun_entry(v, obj, lex)
    if own is not None and own.type:
        for m in event_targets(obj, ms, frozenset({"to", "from", "in"})):
            yield m, f"{lemma} {obj.lemma_.lower()}", own.type, "verb_prep"


def _prep_objects(v: Token, p: Token, lemma: str, base: VerbEntry | None, ms: DocMentions,
                  lex: Lexicon) -> Iterator[tuple[Mention, str, str, str]]:
    """"clashed *with* China", "responded *with* strikes on Yemen": a verb's prepositional objects."""
    prep = p.lower_
    entry = verb_entry(v, lex, prep=prep)
    specific = entry is not None and entry.prep == prep
    for pobj in (c for c in p.children if c.dep_ == "pobj"):
        actors = ms.actors_at(pobj) or (_of_phrase(pobj, ms) if _event_noun(pobj, lex) is None else [])
        if actors and (specific or prep in _TARGET_PREPS) and entry is not None and entry.type:
            yield from ((m, f"{lemma} {prep}", entry.type, "verb_prep") for m in actors)
        elif not actors and prep in _EVENT_HOLDER_PREPS and (prep, pobj.lemma_.lower()) not in _IDIOMS:
            noun = _event_noun(pobj, lex)
            if noun is not None and (base is None or base.light or not base.type):
                yield from _event_object(v, pobj, noun, f"{lemma} {prep}", base, ms, lex)


def _noun_entry(v: Token, obj: Token, lex: Lexicon) -> VerbEntry | None:
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
    specific = _noun_entry(v, obj, lex)
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
        for m in event_targets(e.obj, ms, _EVENT_TARGET_PREPS | {"from"}, e.type):
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
    hit_in = e.noun is not None and e.type in _IN_TARGET_TYPES - {"PROTEST"}
    for p in e.verb.children:
        if not (p.dep_ == "prep" or is_dative_prep(p)):
            continue
        prep = p.lower_
        if prep in _TARGET_PREPS or prep == "for" or prep in retyping or (prep == "in" and hit_in):
            by_prep = lex.noun(e.obj.lemma_, prep=prep) if prep in retyping else None
            for pobj in (c for c in p.children if c.dep_ == "pobj"):
                for m in ms.actors_at(pobj) or _of_phrase(pobj, ms):
                    yield m, f"{e.phrase} {prep}", by_prep.type if by_prep else e.type, "event_object"


def _of_phrase(pobj: Token, ms: DocMentions) -> list[Mention]:
    """"filed a lawsuit against *the state of Montana*": the actor of a non-actor noun's "of" phrase."""
    return [m for p in pobj.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o)]


# Who a verb's event-noun object is aimed at, each construction adding its own.
_EVENT_OBJECT_TARGETS: tuple[Callable[[_EventObject, DocMentions, Lexicon], _Targets], ...] = (
    _own_noun_targets, _joint_event_targets, _reaction_targets, _source_targets, _verb_prep_targets)


def _verb_candidates(v: Token, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """Every relation ``v`` carries: allegations, agentless passives, then its subjects with its objects."""
    base = verb_entry(v, lex)
    if base is not None and base.type == "ACCUSE":
        yield from _allegations(v, base, ms, lex)
    if base is not None and base.report and not base.light:
        return  # "Kyiv said ...": the reported clause is a verb of its own
    if v.dep_ == "xcomp" and _absorbed_by_governor(v, lex):
        return  # "refused to recognise X": the governing verb's relation already says it
    if base is not None and base.naming and any(c.dep_ == "oprd" for c in v.children):
        return  # "called Biden a clown", "AP called Nevada for Biden": naming, no act between the two
    subs, inherited = subjects(v, ms, lex)
    negated, modality = modality_of(v)
    if is_passive(v) and not subs:
        yield from _passive_standing(v, ms, lex, negated, modality)
        if _allied_with(v, base, ms, lex):
            yield from _state_with(v, base, ms, negated, modality)
            return
        subs = _parties_between(v, base, ms, lex)
        yield from _state_act(v, base, ms, negated, modality)
    if base is not None and base.patient:
        yield from _patient_events(v, subs, ms, lex, negated, modality)
        return
    objs = list(_objects(v, ms, lex)) + _complement_objects(v, base, ms, lex) + _destinations(v, base, ms, lex)
    objs += _clause_addressees(v, base, ms)
    yield from _pairs(subs, objs, base, negated, modality, ms, inherited=inherited)
    if len(subs) >= 2 and not objs:
        yield from _reciprocal(v, subs, base, ms, lex, negated, modality)


def _recip_passive(v: Token, base: VerbEntry | None, lex: Lexicon) -> bool:
    return base is not None and bool(base.type) and (base.recip or _recip_held(v, lex))


def _parties_between(v: Token, base: VerbEntry | None, ms: DocMentions, lex: Lexicon) -> list[Mention]:
    """"a memorandum was signed between Cyprus, Greece and Israel": the parties relate to each other."""
    if not _recip_passive(v, base, lex):
        return []
    return [m for p in v.children if p.dep_ == "prep" and p.lower_ == "between"
            for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o)]


def _allied_with(v: Token, base: VerbEntry | None, ms: DocMentions, lex: Lexicon) -> bool:
    """"the US had been allied with Kurdish groups": a reciprocal passive with "with" and no "between"."""
    return _recip_passive(v, base, lex) and not _parties_between(v, base, ms, lex) and any(
        p.dep_ == "prep" and p.lower_ == "with" for p in v.children)


def _state_with(v: Token, base: VerbEntry | None, ms: DocMentions, negated: bool,
                modality: str) -> Iterator[Candidate]:
    """"the US had been allied with Kurdish groups": a state of the subject, not a passive."""
    if base is None or not base.type:
        return
    subs = [m for c in v.children if c.dep_ in PASS_SUBJ_DEPS for m in ms.actors_at(c)]
    objs = [(m, f"{v.lemma_.lower()} with", base.type, "verb_prep")
            for p in v.children if p.dep_ == "prep" and p.lower_ == "with"
            for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o)]
    yield from _pairs(subs, objs, base, negated, modality, ms, inherited=False)


def _state_act(v: Token, base: VerbEntry | None, ms: DocMentions, negated: bool,
               modality: str) -> Iterator[Candidate]:
    """"the PKK is banned in Turkey": an official act with no agent is the state's where it happens."""
    if base is None or not base.type or not base.state_agent:
        return
    states = [m for p in v.children if p.dep_ == "prep" and p.lower_ == "in"
              for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o) if m.iso3]
    held = [(m, v.lemma_.lower(), base.type, "passive") for c in v.children if c.dep_ in PASS_SUBJ_DEPS
            for m in ms.actors_at(c)]
    yield from _pairs(states, held, base, negated, modality, ms, inherited=False)


def _complement_objects(v: Token, base: VerbEntry | None, ms: DocMentions,
                        lex: Lexicon) -> list[tuple[Mention, str, str, str]]:
    """"threatened to block Finland's bid": an open complement's objects belong to a typed governing verb."""
    if base is None or not base.type or base.object_control or base.control == "through":
        return []
    return [(m, f"{v.lemma_.lower()} to {x.lemma_.lower()}", base.type, "xcomp")
            for x in v.children if x.dep_ == "xcomp" for m, *_ in _objects(x, ms, lex)]


def _clause_addressees(v: Token, base: VerbEntry | None, ms: DocMentions) -> list[tuple[Mention, str, str, str]]:
    """"recommended the US troops in Iraq withdraw", "urged that Iran return to the talks": a request's clause
    names whom it is made of, its subject."""
    if base is None or base.type != "REQUEST" or not base.object_control or any(
            c.dep_ in OBJ_DEPS for c in v.children):
        return []
    return [(m, v.lemma_.lower(), "REQUEST", "svo") for x in v.children if x.dep_ == "ccomp"
            for c in x.children if c.dep_ == "nsubj" for m in ms.actors_at(c)]


def _destinations(v: Token, base: VerbEntry | None, ms: DocMentions,
                  lex: Lexicon) -> list[tuple[Mention, str, str, str]]:
    """"arrived in Seoul for a visit", "flew to Beijing for talks": a journey's destination takes the event its
    purpose phrase names."""
    if base is None or not base.motion:
        return []
    purposes = [n for p in v.children if p.dep_ == "prep" and p.lower_ == "for"
                for o in p.children if o.dep_ == "pobj" for n in (_event_noun(o, lex),) if n is not None]
    if not purposes:
        return []
    return [(m, f"{v.lemma_.lower()} {p.lower_}", purposes[0].type, "verb_prep")
            for p in v.children if p.dep_ == "prep" and p.lower_ in _DESTINATION_PREPS
            for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o)]


def _patient_events(v: Token, subs: list[Mention], ms: DocMentions, lex: Lexicon, negated: bool,
                    modality: str) -> Iterator[Candidate]:
    """"Russia faces sanctions from Western countries" -> West SANCTION Russia: the subject suffers."""
    for obj in (c for c in v.children if c.dep_ in OBJ_DEPS):
        noun = _event_noun(obj, lex)
        if noun is None:
            continue
        for agent in _event_agents(obj, ms):
            for s in subs:
                c = make(agent, s, f"{v.lemma_.lower()} {obj.lemma_.lower()}", noun.type, "event_patient",
                         negated=negated, modality=modality, coref=ms.coref)
                if c is not None:
                    yield c


def _reciprocal(v: Token, subs: list[Mention], base: VerbEntry | None, ms: DocMentions, lex: Lexicon,
                negated: bool, modality: str) -> Iterator[Candidate]:
    """"Putin and Xi met", "X and Y restored ties": conjoined subjects of a reciprocal verb or event."""
    recip_type = _reciprocal_type(v, base, lex)
    if recip_type is None:
        return
    for i, a in enumerate(subs):
        for b in subs[i + 1:]:
            c = make(a, b, v.lemma_.lower(), recip_type, "reciprocal", negated=negated, modality=modality,
                     coref=ms.coref)
            if c is not None:
                yield c


def _allegations(v: Token, base: VerbEntry, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """"Grenell alleged Mahan had contributed to ...", "Tamim claimed Houthis have attacked journalists": the
    speaker accuses whoever the reported clause blames (for a neutral verb of saying such as "claim", only
    when the clause reports a conflict)."""
    speakers = subjects(v, ms, lex)[0]
    for clause in (c for c in v.children if c.dep_ == "ccomp"):
        entry = verb_entry(clause, lex)
        if base.report and (entry is None or entry.type not in _CONFLICT_TYPES):
            continue
        accused = subjects(clause, ms, lex)[0]
        negated, modality = modality_of(v)
        for s in speakers:
            for o in accused:
                c = make(s, o, v.lemma_.lower(), "ACCUSE", "allegation", negated=negated, modality=modality,
                         coref=ms.coref)
                if c is not None:
                    yield c


def _pairs(subs: list[Mention], objs: list[tuple[Mention, str, str, str]], base: VerbEntry | None,
           negated: bool, modality: str, ms: DocMentions, *, inherited: bool) -> Iterator[Candidate]:
    for s in subs:
        for o, phrase, given, pattern in objs:
            a, b = (o, s) if base is not None and base.reverse and pattern == "verb_prep" else (s, o)
            # ("received aid from Japan": with a reverse verb, Japan is the giver)
            rtype = _person_sense(a, b, given, base)
            if negated and base is not None and base.negated_type and rtype == base.type:
                # "would not recognise Kosovo": the denial is a REJECT of its own, asserted
                c = make(a, b, f"not {phrase}", base.negated_type, pattern, modality=modality,
                         inherited=inherited, coref=ms.coref)
            else:
                c = make(a, b, phrase, rtype, pattern, negated=negated, modality=modality, inherited=inherited,
                         coref=ms.coref)
            if c is not None:
                yield c


def _person_sense(a: Mention, b: Mention, rtype: str, base: VerbEntry | None) -> str:
    """"Trump attacked Biden" is a verbal attack (ACCUSE), "Biden defeated Trump" an election: a verb's sense
    between two persons, where its lexicon row gives one."""
    if base is not None and base.person_type and rtype == base.type and a.type == b.type == "PERSON":
        return base.person_type
    return rtype


def _recip_held(v: Token, lex: Lexicon) -> bool:
    """Whether a passive verb's subject is a joint event ("a memorandum *was signed* between ...")."""
    return any(n is not None and n.recip for c in v.children if c.dep_ in PASS_SUBJ_DEPS
               for n in (_event_noun(antecedent(v, c), lex),))


def _reciprocal_type(v: Token, base: VerbEntry | None, lex: Lexicon) -> str | None:
    held = PASS_SUBJ_DEPS if is_passive(v) else frozenset()
    for obj in (antecedent(v, c) for c in v.children if c.dep_ in OBJ_DEPS or c.dep_ in held):
        specific = verb_entry(v, lex, noun=obj.lemma_.lower())
        if specific is not None and specific.noun and specific.type:
            return specific.type
        noun = _event_noun(obj, lex)
        if noun is not None and noun.recip:
            return noun.type if (base is None or base.light or not base.type) else base.type
    if base is not None and base.recip and base.type:
        return base.type
    return None


def _absorbed_by_governor(x: Token, lex: Lexicon) -> bool:
    gov = x.head
    entry = verb_entry(gov, lex)
    return (entry is not None and bool(entry.type) and not entry.object_control and entry.control != "through"
            and not entry.light)


def _passive_standing(v: Token, ms: DocMentions, lex: Lexicon, negated: bool,
                      modality: str) -> Iterator[Candidate]:
    """A passive verb with its own preposition and no agent: "Hoover was born in West Branch"."""
    holders = [m for c in v.children if c.dep_ in PASS_SUBJ_DEPS for m in ms.actors_at(c)]
    if v.dep_ == "acl":
        holders += ms.actors_at(v.head)  # "John Conyers, first elected to Congress in 1964"
    for p in v.children:
        entry = verb_entry(v, lex, prep=p.lower_) if p.dep_ == "prep" else None
        if entry is None or entry.prep != p.lower_ or not entry.type:
            continue
        for o in p.children:
            for m in ms.actors_at(o) if o.dep_ == "pobj" else ():
                for h in holders:
                    c = make(h, m, f"{v.lemma_.lower()} {p.lower_}", entry.type, "verb_prep", negated=negated,
                             modality=modality, coref=ms.coref)
                    if c is not None:
                        yield c
