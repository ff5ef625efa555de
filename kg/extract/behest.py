"""Events named by a noun around someone else's act or standing: requests behind an act, and patients of an event.

* "At the request of Prime Minister Boris Johnson, the Queen suspended parliament", "the prorogation of
  parliament by the Queen at the request of Johnson", "at Trudeau's request": the one requesting (the noun's
  "of" object or possessor) REQUESTs the act's doer (lexicon nouns flagged ``behest``; "at the invitation of
  Xi" is Xi's CONSULT).
* "Mahan has been the subject of United States sanctions", "Iran, the target of Israeli strikes": the event's
  agent acts on the holder of the patient noun.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.arguments import is_passive, subjects, verb_entry
from kg.extract.candidate import Candidate, make
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import DocMentions
from kg.extract.modality import modality_of
from kg.records import Mention

# Prepositions introducing the request behind an act ("*at* the request of", "*per* request of").
_BEHEST_PREPS = frozenset({"at", "per", "on", "upon", "by", "after", "following"})
# Nouns whose holder suffers the event of their "of" phrase ("the *subject* of US sanctions").
_PATIENT_NOUNS = frozenset({"subject", "target", "object", "focus", "victim", "recipient"})
# Verbs linking a holder to its patient noun ("has *been* the subject of", "*became* the target of").
_COPULAS = frozenset({"be", "remain", "become"})
# Modifiers of an event noun naming its agent ("*United States* sanctions", "*Israeli* strikes").
_AGENT_DEPS = frozenset({"poss", "amod", "compound", "nmod"})


def behest_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """Candidates from request nouns behind an act and from patient nouns in ``sent``."""
    for tok in sent:
        if tok.dep_ == "pobj" and tok.head.lower_ in _BEHEST_PREPS and tok.head.dep_ == "prep":
            yield from _behest(tok, ms, lex)
        elif tok.lemma_.lower() in _PATIENT_NOUNS and tok.pos_ == "NOUN":
            yield from _patient_of(tok, ms, lex)


def _behest(noun: Token, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """"At the request of Johnson, the Queen suspended parliament": Johnson REQUEST the Queen."""
    entry = lex.noun(noun.lemma_)
    if entry is None or not entry.behest:
        return
    askers = [m for c in noun.children if c.dep_ == "poss" for m in ms.actors_at(c, depth=1)]
    askers += [m for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o)]
    act = noun.head.head
    negated, modality = modality_of(act) if act.pos_ in ("VERB", "AUX") else (False, "asserted")
    if act.pos_ == "VERB" and is_passive(act) and not subjects(act, ms, lex)[0]:
        yield from _ordered(act, askers, noun, ms, lex, negated, modality)
        return
    doers = _doers(act, ms, lex)
    for a in askers:
        for d in doers:
            c = make(a, d, f"{noun.head.lower_} {noun.lemma_.lower()} of", entry.type, "behest", negated=negated,
                     modality=modality, coref=ms.coref)
            if c is not None:
                yield c


def _ordered(act: Token, askers: list[Mention], noun: Token, ms: DocMentions, lex: Lexicon, negated: bool,
             modality: str) -> Iterator[Candidate]:
    """"Atahualpa was murdered on the orders of Pizarro": with no agent named, the one who ordered a passive
    deed did it."""
    entry = verb_entry(act, lex)
    if entry is None or not entry.type or entry.report:
        return
    held = [c for c in act.children if c.dep_ in ("nsubjpass", "csubjpass")]
    # ("the last Incan King, Atahualpa, was murdered": the name in apposition to the subject)
    patients = [m for c in held for m in ms.actors_at(c) or [
        x for a in c.children if a.dep_ == "appos" for x in ms.actors_at(a, depth=0)]]
    for a in askers:
        for p in patients:
            c = make(a, p, f"{act.lemma_.lower()} {noun.head.lower_} {noun.lemma_.lower()} of", entry.type, "behest",
                     negated=negated, modality=modality, coref=ms.coref)
            if c is not None:
                yield c


def _doers(act: Token, ms: DocMentions, lex: Lexicon) -> list[Mention]:
    """Who did the act a request stands behind: a verb's subject (a passive's agent), or an event noun's agent
    ("the prorogation of parliament *by* Queen Elizabeth")."""
    if act.pos_ in ("VERB", "AUX"):
        return subjects(act, ms, lex)[0] if not is_passive(act) or subjects(act, ms, lex)[0] else []
    if lex.noun(act.lemma_) is not None:
        return _agents(act, ms)
    return []


def _agents(noun: Token, ms: DocMentions) -> list[Mention]:
    """An event noun's agents: its actor modifiers before it and its "by"/"from" objects."""
    out = [m for c in noun.children if c.dep_ in _AGENT_DEPS and c.i < noun.i for m in ms.actors_at(c, depth=1)]
    out += [m for p in noun.children if p.dep_ in ("prep", "agent") and p.lower_ in ("by", "from")
            for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o)]
    return out


def _patient_of(noun: Token, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """"Mahan has been the subject of United States sanctions": United States SANCTION Mahan."""
    holders = _patient_holders(noun, ms)
    if not holders:
        return
    for p in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for event in (o for o in p.children if o.dep_ == "pobj"):
            entry = lex.noun(event.lemma_)
            if entry is None or entry.relational or entry.behest:
                continue
            negated, modality = modality_of(noun.head) if noun.dep_ == "attr" else (False, "asserted")
            for agent in _agents(event, ms):
                for h in holders:
                    c = make(agent, h, f"{noun.lemma_.lower()} of {event.lemma_.lower()}", entry.type,
                             "nominal_event", negated=negated, modality=modality, coref=ms.coref)
                    if c is not None:
                        yield c


def _patient_holders(noun: Token, ms: DocMentions) -> list[Mention]:
    """Who the patient noun is said of: a copula's subject ("Mahan has been the subject") or the name it is in
    apposition to ("Iran, the target of ...")."""
    if noun.dep_ == "attr" and noun.head.lemma_ in _COPULAS:
        return [m for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass") for m in ms.actors_at(c)]
    if noun.dep_ == "appos":
        return ms.actors_at(noun.head, depth=0)
    return []
