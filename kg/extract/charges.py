"""Acts someone is charged with: "Sirhan was convicted of Kennedy's killing", "James Earl Ray, suspected of the
assassination of Dr. King", "Adamson, convicted of murdering Don Bolles".

A verb of accusation (an ACCUSE row of ``lexicon_verbs.jsonl``: convict, charge, accuse) whose "of"/"with"/"in"
phrase names a violent act (an event noun or a gerund of the lexicon) makes the accused the doer of that act
against its victim. A conviction asserts the act; a charge, an accusation or a suspicion only alleges it
(hedged).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.candidate import Candidate, make
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import DocMentions
from kg.extract.modality import modality_of
from kg.records import Mention

# Event types one is charged with or convicted of ("convicted of murder", "charged with kidnapping").
_CHARGED_TYPES = frozenset({"ASSAULT", "COERCE"})
# Prepositions introducing the charged act ("convicted *of*", "charged *with*", "convicted *in* the killing").
_CHARGE_PREPS = frozenset({"of", "with", "in"})
# Verbs whose charge is a finding, not an allegation.
_FINDINGS = frozenset({"convict"})
# Verbs of suspicion that are no ACCUSE rows of the lexicon ("suspected of the assassination").
_SUSPICION = frozenset({"suspect"})


def charge_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """Candidates from every verb of accusation in ``sent`` with a violent act as its charge."""
    for v in sent:
        if v.pos_ != "VERB" or not _accuses(v, lex):
            continue
        accused = _accused(v, ms)
        if not accused:
            continue
        negated, modality = modality_of(v)
        if v.lemma_.lower() not in _FINDINGS and modality == "asserted":
            modality = "hedged"  # "charged with the murder of X" says that X was killed only as alleged
        for p in (c for c in v.children if c.dep_ == "prep" and c.lower_ in _CHARGE_PREPS):
            for act in (c for c in p.children if c.dep_ in ("pobj", "pcomp")):
                rtype = _type(act, lex)
                if rtype is None:
                    continue
                for victim in _victims(act, ms):
                    for a in accused:
                        c = make(a, victim, act.lemma_.lower(), rtype, "allegation", negated=negated,
                                 modality=modality, coref=ms.coref)
                        if c is not None:
                            yield c


def _accuses(v: Token, lex: Lexicon) -> bool:
    entry = lex.verb(v.lemma_)
    return v.lemma_.lower() in _SUSPICION or (entry is not None and entry.type == "ACCUSE")


def _accused(v: Token, ms: DocMentions) -> list[Mention]:
    """Who is charged: the passive subject ("Sirhan was convicted"), the name a participle or relative clause
    hangs on ("Ray, suspected of", "Oswald, who was charged with"), or the active object ("accused X of")."""
    if v.dep_ == "acl":
        return [m for m in ms.actors_at(v.head, depth=0) if m.type == "PERSON"]
    out: list[Mention] = []
    for c in v.children:
        if c.dep_ == "nsubjpass":
            out += ms.actors_at(v.head, depth=0) if v.dep_ == "relcl" and c.tag_ in ("WP", "WDT") \
                else ms.actors_at(c, depth=0)
        elif c.dep_ == "dobj":
            out += ms.actors_at(c, depth=0)
    return [m for m in out if m.type == "PERSON"]


def _type(act: Token, lex: Lexicon) -> str | None:
    entry = lex.verb(act.lemma_) if act.pos_ == "VERB" else lex.noun(act.lemma_)
    return entry.type if entry is not None and entry.type in _CHARGED_TYPES else None


def _victims(act: Token, ms: DocMentions) -> list[Mention]:
    """The victims of an act: a possessive, an "of" object, a gerund's object."""
    out = [m for c in act.children if c.dep_ == "poss" for m in ms.actors_at(c, depth=0)]
    out += [m for p in act.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
            if o.dep_ == "pobj" for m in ms.actors_at(o, depth=0)]
    if act.pos_ == "VERB":
        out += [m for c in act.children if c.dep_ == "dobj" for m in ms.actors_at(c, depth=0)]
    return [m for m in out if m.type == "PERSON"]
