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
denials that are events of their own ("would not recognise Kosovo" is REJECT), requests made through a
clause ("recommended the troops withdraw") and journeys with a purpose ("arrived in Seoul for a visit").
A verb's objects come from :mod:`~kg.extract.objects`, event nouns' targets from :mod:`~kg.extract.event_nouns`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.addresses import home_place
from kg.extract.arguments import (
    OBJ_DEPS,
    PASS_SUBJ_DEPS,
    SUBJ_DEPS,
    VERB_POS,
    antecedent,
    is_passive,
    subjects,
    verb_entry,
)
from kg.extract.candidate import Candidate, make
from kg.extract.counterparts import with_group_members
from kg.extract.event_nouns import event_agents, event_noun, typed_targets
from kg.extract.lexicon import Lexicon, VerbEntry
from kg.extract.mentions import DocMentions
from kg.extract.modality import modality_of
from kg.extract.objects import objects
from kg.extract.parties import is_party
from kg.records import Mention

__all__ = ["clause_candidates", "typed_targets"]  # typed_targets: where kg.extract.nominal imports it from

# Event types a neutral verb of saying turns into an accusation ("claimed the Houthis attacked ...").
_CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE", "ACCUSE"})
# Prepositions naming where a journey ends ("arrived *in* Seoul", "flew *to* Beijing").
_DESTINATION_PREPS = frozenset({"in", "to", "at", "into"})


def clause_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """Candidates from every verb of ``sent`` (see the module docstring)."""
    for v in sent:
        if v.pos_ not in VERB_POS or v.dep_ in ("aux", "auxpass") or v.lemma_ == "be":
            continue
        if not _adjectival(v, lex):
            yield from _verb_candidates(v, ms, lex)


def _names(v: Token) -> bool:
    """"called Biden a clown" (an object predicate), "called Nevada for Biden" (an object and a "for" phrase:
    a race called), unlike "called Erdogan" or "called for talks"."""
    kids = list(v.children)
    return any(c.dep_ == "oprd" for c in kids) or (
        any(c.dep_ in OBJ_DEPS for c in kids) and any(c.dep_ == "prep" and c.lower_ == "for" for c in kids))


def _adjectival(v: Token, lex: Lexicon) -> bool:
    """"misconduct by *sitting* President Donald Trump": an untyped participle whose only dependent is the name
    right after it is an adjective the parser took for a verb."""
    if v.tag_ != "VBG":
        return False
    entry = verb_entry(v, lex)
    kids = list(v.children)
    return (entry is None or not entry.type) and len(kids) == 1 and kids[0].dep_ == "dobj" \
        and kids[0].pos_ == "PROPN" and kids[0].left_edge.i == v.i + 1


def _verb_candidates(v: Token, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """Every relation ``v`` carries: allegations, agentless passives, then its subjects with its objects."""
    base = verb_entry(v, lex)
    if base is not None and base.type == "ACCUSE":
        yield from _allegations(v, base, ms, lex)
    if base is not None and base.designates:
        yield from _designations(v, ms, lex)
    if base is not None and base.report and not base.light:
        return  # "Kyiv said ...": the reported clause is a verb of its own
    if v.dep_ == "xcomp" and _absorbed_by_governor(v, lex):
        return  # "refused to recognise X": the governing verb's relation already says it
    if base is not None and base.naming and _names(v):
        return  # "called Biden a clown", "AP called Nevada for Biden": naming, no act between the two
    subs, inherited = subjects(v, ms, lex)
    if not inherited:  # "Shoukry and his Greek and French counterparts met": one official of each state
        subs = with_group_members(subs, [c for c in v.children if c.dep_ in SUBJ_DEPS], ms)
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
    objs = list(objects(v, ms, lex)) + _complement_objects(v, base, ms, lex) + _destinations(v, base, ms, lex)
    objs += _clause_addressees(v, base, ms)
    yield from _pairs(subs, objs, base, negated, modality, ms, inherited=inherited)
    if len(subs) >= 2 and not objs:
        yield from _reciprocal(v, subs, base, ms, lex, negated, modality)


def _designations(v: Token, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """"the US named Hezbollah as a terrorist group", "Biden announced Harris as his choice", "declared the IRGC
    a terrorist organisation": the noun the named actor is called types the act (designation rows)."""
    held = OBJ_DEPS | (PASS_SUBJ_DEPS if is_passive(v) else frozenset())
    named = [m for c in v.children if c.dep_ in held and c.dep_ != "oprd" for m in ms.actors_at(c)]
    predicates = [c for c in v.children if c.dep_ == "oprd"]
    if not named and len(predicates) >= 2:
        # "called Trump a 'climate arsonist'": the parser takes both for predicates; the first is the named
        named, predicates = ms.actors_at(predicates[0]), predicates[1:]
    if not named:
        return
    roles = [o for p in v.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children if o.dep_ == "pobj"]
    roles += predicates
    negated, modality = modality_of(v)
    for role in roles:
        rtype = next((t for w in (role, *role.children) if w.i <= role.i
                      for t in (lex.designation(w.lemma_),) if t is not None), None)
        if rtype is None:
            continue
        for s in subjects(v, ms, lex)[0]:
            for n in named:
                c = make(s, n, f"{v.lemma_.lower()} as {role.lemma_.lower()}", rtype, "designation",
                         negated=negated, modality=modality, coref=ms.coref)
                if c is not None:
                    yield c


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
            for x in v.children if x.dep_ == "xcomp" for m, *_ in objects(x, ms, lex)]


def _clause_addressees(v: Token, base: VerbEntry | None, ms: DocMentions) -> list[tuple[Mention, str, str, str]]:
    """"recommended the US troops in Iraq withdraw", "urged that Iran return to the talks": a request's clause
    names whom it is made of, its subject."""
    if base is None or base.type != "REQUEST" or not base.object_control or any(
            c.dep_ in OBJ_DEPS for c in v.children):
        return []
    return [(m, v.lemma_.lower(), "REQUEST", "svo") for x in v.children if x.dep_ == "ccomp" and not _question(x)
            for c in x.children if c.dep_ == "nsubj" for m in ms.actors_at(c)]


def _question(clause: Token) -> bool:
    """"asked whether Oakland was part of the US", "asked why Biden did not": a question, not a request."""
    return any((c.dep_ == "mark" and c.lower_ in ("whether", "if")) or c.tag_ in ("WRB", "WP", "WDT")
               for c in clause.children)


def _destinations(v: Token, base: VerbEntry | None, ms: DocMentions,
                  lex: Lexicon) -> list[tuple[Mention, str, str, str]]:
    """"arrived in Seoul for a visit", "flew to Beijing for talks": a journey's destination takes the event its
    purpose phrase names."""
    if base is None or not base.motion:
        return []
    purposes = [n for p in v.children if p.dep_ == "prep" and p.lower_ == "for"
                for o in p.children if o.dep_ == "pobj" for n in (event_noun(o, lex),) if n is not None]
    if not purposes:
        return []
    return [(m, f"{v.lemma_.lower()} {p.lower_}", purposes[0].type, "verb_prep")
            for p in v.children if p.dep_ == "prep" and p.lower_ in _DESTINATION_PREPS
            for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o)]


def _patient_events(v: Token, subs: list[Mention], ms: DocMentions, lex: Lexicon, negated: bool,
                    modality: str) -> Iterator[Candidate]:
    """"Russia faces sanctions from Western countries" -> West SANCTION Russia: the subject suffers."""
    for obj in (c for c in v.children if c.dep_ in OBJ_DEPS):
        noun = event_noun(obj, lex)
        if noun is None:
            continue
        for agent in event_agents(obj, ms):
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
            b = _home(b, rtype, pattern, ms)
            if negated and base is not None and base.negated_type and rtype == base.type:
                # "would not recognise Kosovo": the denial is a REJECT of its own, asserted
                c = make(a, b, f"not {phrase}", base.negated_type, pattern, modality=modality,
                         inherited=inherited, coref=ms.coref)
            else:
                c = make(a, b, phrase, rtype, pattern, negated=negated, modality=modality, inherited=inherited,
                         coref=ms.coref)
            if c is not None:
                yield c


def _home(o: Mention, rtype: str, pattern: str, ms: DocMentions) -> Mention:
    """A verb's AFFILIATED_WITH a place is a home ("lives in", "was born in"): the place itself with its address
    ("born in Bratislava" is no tie to Slovakia; "born in West Branch, Iowa")."""
    return home_place(ms, o) if rtype == "AFFILIATED_WITH" and pattern == "verb_prep" else o


def _person_sense(a: Mention, b: Mention, rtype: str, base: VerbEntry | None) -> str:
    """"Trump attacked Biden" is a verbal attack (ACCUSE), "Biden defeated Trump" an election: a verb's sense
    between two persons, on a party ("banned the party" is COERCE) or on a place that is no state ("represented
    Colorado" is AFFILIATED_WITH), where its lexicon row gives one."""
    if base is not None and base.person_type and rtype == base.type and a.type == b.type == "PERSON":
        return base.person_type
    if base is not None and base.party_type and rtype == base.type and is_party(b):
        return base.party_type  # "Turkey banned the Kurdistan Workers' Party": repression, not a sanction
    if base is not None and base.place_type and rtype == base.type and not b.iso3 and b.type in ("GPE", "LOC"):
        return base.place_type  # "represented Colorado's 6th district": of the place, not in its government
    return rtype


def _recip_held(v: Token, lex: Lexicon) -> bool:
    """Whether a passive verb's subject is a joint event ("a memorandum *was signed* between ...")."""
    return any(n is not None and n.recip for c in v.children if c.dep_ in PASS_SUBJ_DEPS
               for n in (event_noun(antecedent(v, c), lex),))


def _reciprocal_type(v: Token, base: VerbEntry | None, lex: Lexicon) -> str | None:
    held = PASS_SUBJ_DEPS if is_passive(v) else frozenset()
    for obj in (antecedent(v, c) for c in v.children if c.dep_ in OBJ_DEPS or c.dep_ in held):
        specific = verb_entry(v, lex, noun=obj.lemma_.lower())
        if specific is not None and specific.noun and specific.type:
            return specific.type
        noun = event_noun(obj, lex)
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
                    c = make(h, _home(m, entry.type, "verb_prep", ms), f"{v.lemma_.lower()} {p.lower_}",
                             entry.type, "verb_prep", negated=negated, modality=modality, coref=ms.coref)
                    if c is not None:
                        yield c
