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

from collections.abc import Iterator

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
    subjects,
    verb_entry,
)
from kg.extract.candidate import Candidate, make
from kg.extract.lexicon import Lexicon, NounEntry, VerbEntry
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
# Nouns for a frontier, whose "with" phrase names the state beyond it.
_BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
# Event types a neutral verb of saying turns into an accusation ("claimed the Houthis attacked ...").
_CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE", "ACCUSE"})
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
            found = ms.actors_at(pobj)
            if not found:
                for pp in pobj.children:  # "strikes on targets in Syria", "talks on joining the EU"
                    # ("troops on the border *with* Ukraine": a border is a state's by "with")
                    if (pp.dep_ == "prep" and (pp.lower_ in ("in", "of") or (
                            pp.lower_ == "with" and pobj.lemma_.lower() in _BORDER_NOUNS))) or pp.dep_ == "dobj":
                        for x in (pp.children if pp.dep_ == "prep" else (pp,)):
                            if x.dep_ in ("pobj", "dobj"):
                                found += ms.actors_at(x)
            for m in found:
                yield p.lower_, m


def _event_agents(noun: Token, ms: DocMentions) -> list[Mention]:
    return [m for p in noun.children if p.dep_ == "prep" and p.lower_ in _EVENT_AGENT_PREPS
            for pobj in p.children if pobj.dep_ == "pobj" for m in ms.actors_at(pobj)]


def _objects(v: Token, ms: DocMentions, lex: Lexicon) -> Iterator[tuple[Mention, str, str, str]]:
    """(actor, relation phrase, type, pattern) of ``v``'s objects, typed with the verb's lexicon entry."""
    base = verb_entry(v, lex)
    prt = particle(v)
    lemma = v.lemma_.lower() + (f" {prt}" if prt else "")
    passive = is_passive(v)
    holders = [c for c in v.children if c.dep_ in OBJ_DEPS and not is_dative_prep(c)]
    if passive:
        holders += [c for c in v.children if c.dep_ in PASS_SUBJ_DEPS]
    if v.dep_ == "acl" and v.tag_ == "VBN":
        holders.append(v.head)  # "the coalition led by the US": the modified noun is the object
    for obj in holders:
        if passive and obj.lower_ in RELATIVE and v.dep_ == "relcl":
            obj = v.head  # "Oswald, who had been shot by Ruby": the relative pronoun stands for Oswald
        elif not passive and obj.lower_ in RELATIVE and v.dep_ == "relcl":
            obj = v.head  # "NATO, which Finland joined last year": the relative pronoun stands for NATO
        elif passive and v.dep_ == "relcl" and any(c.lower_ == "whose" for c in obj.children):
            obj = v.head  # "Venezuela, whose government is backed by Moscow": the government is Venezuela's
        actors = ms.actors_at(obj)
        if actors and ms.at(obj) is None and all(c.tag_ == "PRP$" and ms.at(c) is not None
                                                  for c in obj.children if c.dep_ == "poss") \
                and any(c.dep_ == "poss" for c in obj.children) and _noun_entry(v, obj, lex) is not None:
            actors = []  # "lifted its ban on Chinese imports": the subject's own ban, aimed "on" someone
        if actors and (base is None or not base.type) and ms.at(obj) is None and _noun_entry(v, obj, lex) is None:
            continue  # an unknown verb relates only what it names itself, not "his" of "repeated his claim"
        noun = _event_noun(obj, lex) if not actors else None
        if actors:
            entry = verb_entry(v, lex, noun=obj.lemma_.lower()) or base
            rtype = entry.type if entry is not None and entry.type else None
            pattern = "passive" if passive else "svo" if rtype else "unknown_verb"
            yield from ((m, lemma, rtype or "RELATED", pattern) for m in actors)
            # "recalled its ambassador to France": the object's own target
            entry2 = verb_entry(v, lex, noun=obj.lemma_.lower())
            if entry2 is not None and entry2.noun and entry2.type:
                for m in event_targets(obj, ms, frozenset({"to", "from", "in"})):
                    yield m, f"{lemma} {obj.lemma_.lower()}", entry2.type, "verb_prep"
        elif noun is not None or (base is not None and base.type) or _noun_entry(v, obj, lex) is not None:
            yield from _event_object(v, obj, noun, lemma, base, ms, lex)
    for p in v.children:
        if (p.dep_ not in ("prep", "agent") and not is_dative_prep(p)) or (p.lower_ == "by" and passive):
            continue
        prep = p.lower_
        entry = verb_entry(v, lex, prep=prep)
        specific = entry is not None and entry.prep == prep
        for pobj in p.children:
            if pobj.dep_ != "pobj":
                continue
            actors = ms.actors_at(pobj)
            if actors and (specific or prep in _TARGET_PREPS) and entry is not None and entry.type:
                yield from ((m, f"{lemma} {prep}", entry.type, "verb_prep") for m in actors)
            elif not actors and prep in _EVENT_HOLDER_PREPS:
                noun = _event_noun(pobj, lex)
                if noun is not None and (base is None or base.light or not base.type):
                    yield from _event_object(v, pobj, noun, f"{lemma} {prep}", base, ms, lex)


def _noun_entry(v: Token, obj: Token, lex: Lexicon) -> VerbEntry | None:
    """The verb's own entry for this object noun ("recall" + "ambassador"), if it has one with a type."""
    e = verb_entry(v, lex, noun=obj.lemma_.lower())
    return e if e is not None and e.noun and e.type else None


def _event_object(v: Token, obj: Token, noun: NounEntry | None, lemma: str, base: VerbEntry | None,
                  ms: DocMentions, lex: Lexicon) -> Iterator[tuple[Mention, str, str, str]]:
    """Targets of a verb's non-actor object: the event noun's ("sanctions on Iran") or the verb's ("to")."""
    specific = verb_entry(v, lex, noun=obj.lemma_.lower())
    noun_decides = specific is not None and bool(specific.noun and specific.type)
    if noun_decides:
        rtype: str | None = specific.type if specific is not None else None  # "impose sanction": own entry
    elif noun is not None and (base is None or base.light or not base.type):
        # the event noun decides, by its preposition where the lexicon says ("drills near Taiwan")
        for m, ntype in typed_targets(obj, noun, ms, lex):
            yield m, f"{lemma} {obj.lemma_.lower()}", ntype, "event_object"
        rtype = noun.type
    else:
        rtype = base.type if base is not None else None
    if rtype is None:
        return
    phrase = f"{lemma} {obj.lemma_.lower()}" if noun is not None or noun_decides else lemma
    if noun_decides:
        # a verb's own noun entry takes "from" too: "recalled its ambassador *from* Peru"
        preps = _EVENT_TARGET_PREPS | {"from"} if specific is not None and specific.noun else _EVENT_TARGET_PREPS
        for m in event_targets(obj, ms, preps, rtype):
            yield m, phrase, rtype, "event_object"
    elif noun is not None and noun.recip:
        # a typed verb on a joint event: "suspended talks with Iran", "signed an agreement with Japan";
        # other events keep their targets to themselves ("discussed the war in Ukraine" is not about Ukraine)
        for m in event_targets(obj, ms, frozenset({"with", "on", "between"})):
            yield m, phrase, rtype, "event_object"
    # the verb's own prepositional objects ("supplying drones *to* Moscow", "approved aid *for* Pakistan")
    # (a preposition that retypes the noun counts too, wherever the parser hung it: "conducted drills | near
    # Taiwan")
    # "demanded an explanation *from* Russia", "dismissed the claim *from* Berlin": the source of the thing
    # asked for or turned down is the target, for verbs whose lexicon row takes "from" (not "received aid
    # from", where the giver acts: a reverse verb)
    if base is not None and base.type in _REACTION_TYPES and not noun_decides:
        # "condemned the visit *by* Pelosi", "welcomed the decision by Seoul": the event's agent is the target
        for m in event_targets(obj, ms, frozenset({"by"})):
            yield m, phrase, base.type, "event_object"
    source = verb_entry(v, lex, prep="from")
    if source is not None and source.prep == "from" and source.type and not source.reverse:
        for m in event_targets(obj, ms, frozenset({"from"})):
            yield m, f"{lemma} from", source.type, "verb_prep"
    retyping = lex.noun_preps(obj.lemma_) if noun is not None else frozenset()
    for p in v.children:
        hit_in = p.lower_ == "in" and noun is not None and rtype in _IN_TARGET_TYPES - {"PROTEST"}
        # ("launched strikes | in Syria": an attack's setting is its target, wherever the parser hung it)
        if (p.dep_ == "prep" or is_dative_prep(p)) and (
                p.lower_ in _TARGET_PREPS or p.lower_ == "for" or p.lower_ in retyping or hit_in):
            by_prep = lex.noun(obj.lemma_, prep=p.lower_) if p.lower_ in retyping else None
            for pobj in p.children:
                if pobj.dep_ == "pobj":
                    for m in ms.actors_at(pobj):
                        yield m, f"{phrase} {p.lower_}", by_prep.type if by_prep else rtype, "event_object"


def _verb_candidates(v: Token, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    base = verb_entry(v, lex)
    if base is not None and base.type == "ACCUSE":
        yield from _allegations(v, base, ms, lex)
    if base is not None and base.report and not base.light:
        return  # "Kyiv said ...": the reported clause is a verb of its own
    if v.dep_ == "xcomp" and _absorbed_by_governor(v, lex):
        return  # "refused to recognise X": the governing verb's relation already says it
    subs, inherited = subjects(v, ms, lex)
    negated, modality = modality_of(v)
    if is_passive(v) and not subs:
        yield from _passive_standing(v, ms, lex, negated, modality)
        if base is not None and base.type and (base.recip or _recip_held(v, lex)):
            # "a memorandum was signed between Cyprus, Greece and Israel": the parties relate to each other
            subs = [m for p in v.children if p.dep_ == "prep" and p.lower_ == "between"
                    for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o)]
            if not subs and any(p.dep_ == "prep" and p.lower_ == "with" for p in v.children):
                # "the US had been allied with Kurdish groups": a state of the subject, not a passive
                subs = [m for c in v.children if c.dep_ in PASS_SUBJ_DEPS for m in ms.actors_at(c)]
                objs = [(m, f"{v.lemma_.lower()} with", base.type, "verb_prep")
                        for p in v.children if p.dep_ == "prep" and p.lower_ == "with"
                        for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o)]
                yield from _pairs(subs, objs, base, negated, modality, ms, inherited=False)
                return
        if base is not None and base.type and base.state_agent:
            # "the PKK is banned in Turkey": an official act with no agent is the state's where it happens
            states = [m for p in v.children if p.dep_ == "prep" and p.lower_ == "in"
                      for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o) if m.iso3]
            held = [(m, v.lemma_.lower(), base.type, "passive") for c in v.children if c.dep_ in PASS_SUBJ_DEPS
                    for m in ms.actors_at(c)]
            yield from _pairs(states, held, base, negated, modality, ms, inherited=False)
    objs = list(_objects(v, ms, lex))
    # an open complement's objects belong to a typed governing verb ("threatened to block Finland's bid")
    if base is not None and base.type and not base.object_control and base.control != "through":
        for x in v.children:
            if x.dep_ == "xcomp":
                objs += [(m, f"{v.lemma_.lower()} to {x.lemma_.lower()}", base.type, "xcomp")
                         for m, *_ in _objects(x, ms, lex)]
    # patient light verbs: "Russia faces sanctions from Western countries" -> West SANCTION Russia
    if base is not None and base.patient:
        for obj in (c for c in v.children if c.dep_ in OBJ_DEPS):
            noun = _event_noun(obj, lex)
            if noun is not None:
                for agent in _event_agents(obj, ms):
                    for s in subs:
                        c = make(agent, s, f"{v.lemma_.lower()} {obj.lemma_.lower()}", noun.type,
                                 "event_patient", negated=negated, modality=modality, coref=ms.coref)
                        if c is not None:
                            yield c
        return
    yield from _pairs(subs, objs, base, negated, modality, ms, inherited=inherited)
    # conjoined subjects of a reciprocal verb or event: "Putin and Xi met", "X and Y restored ties"
    if len(subs) >= 2 and not objs:
        recip_type = _reciprocal_type(v, base, lex)
        if recip_type is not None:
            for i, a in enumerate(subs):
                for b in subs[i + 1:]:
                    c = make(a, b, v.lemma_.lower(), recip_type, "reciprocal", negated=negated,
                             modality=modality, coref=ms.coref)
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
        for o, phrase, rtype, pattern in objs:
            a, b = (o, s) if base is not None and base.reverse and pattern == "verb_prep" else (s, o)
            # ("received aid from Japan": with a reverse verb, Japan is the giver)
            if negated and base is not None and base.negated_type and rtype == base.type:
                # "would not recognise Kosovo": the denial is a REJECT of its own, asserted
                c = make(a, b, f"not {phrase}", base.negated_type, pattern, modality=modality,
                         inherited=inherited, coref=ms.coref)
            else:
                c = make(a, b, phrase, rtype, pattern, negated=negated, modality=modality, inherited=inherited,
                         coref=ms.coref)
            if c is not None:
                yield c


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
