"""Relations carried by nouns: nominal events, ties between two actors, and copular or appositive roles.

* "Putin's visit to North Korea", "Russia's war in Ukraine", "Western sanctions on Russia": the possessor
  or nationality modifier of an event noun acts on the noun's prepositional object.
* "ties between Russia and North Korea": the two conjuncts relate (RELATED unless the noun says more).
* "China is North Korea's closest ally", "the Soviet Union was one of North Korea's primary allies",
  "Lithuania is a member of NATO", "Putin is the president of Russia": a relational noun or a title as the
  predicate of a copula, or in apposition ("Mark Rutte, the Dutch prime minister").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.arguments import subjects
from kg.extract.candidate import Candidate, make
from kg.extract.clauses import typed_targets
from kg.extract.counterparts import respective_roles
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import DocMentions
from kg.extract.modality import modality_of, noun_modality
from kg.extract.roles import role_candidates
from kg.records import Mention

_COPULAS = frozenset({"be", "remain", "become", "stay", "seem"})
_PREDICATE_DEPS = frozenset({"attr", "acomp", "oprd"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Event nouns whose setting ("in Ukraine") is also their target: wars and attacks happen to a place.
_IN_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
_AGENT_MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
# Prepositions placing a joint event in time around what its own participants did ("after talks with X").
_TIME_PREPS = frozenset({"after", "before", "during", "following", "ahead"})


def nominal_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """Candidates from event nouns, "between" phrases and roles in ``sent``."""
    for tok in sent:
        if tok.pos_ in ("NOUN", "PROPN"):
            yield from _event_noun(tok, ms, lex)
            yield from _between(tok, ms, lex)
            yield from respective_roles(tok, ms)
        if tok.lower_ == "odds" and tok.head.lower_ == "at" and tok.head.head.lemma_ in _COPULAS:
            yield from _at_odds(tok, ms)
        if tok.dep_ in _PREDICATE_DEPS and tok.head.lemma_ in _COPULAS:
            holders = [m for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")
                       for m in ms.actors_at(c)]
            negated, modality = modality_of(tok.head)
            yield from role_candidates(holders, tok, ms, lex, "copular", negated, modality)
        elif tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ == "VERB" \
                and tok.i not in ms.by_token and not _describes_object(tok, lex):
            # "Bolton served as the US ambassador to the UN", "worked as a columnist for AP"
            verb = tok.head.head
            holders = [m for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for m in ms.actors_at(c)]
            negated, modality = modality_of(verb)
            yield from role_candidates(holders, tok, ms, lex, "apposition", negated, modality)
        elif tok.dep_ == "appos" and tok.i not in ms.by_token:
            holders = ms.actors_at(tok.head, depth=0)
            for role in (tok, *tok.conjuncts):  # "vice president and columnist for The Associated Press"
                yield from role_candidates(holders, role, ms, lex, "apposition", False, "asserted",
                                           fallback=tok.head)
        elif tok.dep_ in _SUBJECT_DEPS and tok.pos_ == "NOUN" and tok.i not in ms.by_token:
            # "Park Won-soon, the mayor of Seoul, was found dead" parsed as two subjects of one verb
            holders = _comma_apposed(tok, ms)
            yield from role_candidates(holders, tok, ms, lex, "apposition", False, "asserted")
        elif tok.dep_ == "appos" and tok.head.i not in ms.by_token:
            # "Kennedy's assassin, Lee Harvey Oswald": the role comes first, the name in apposition
            yield from role_candidates(ms.actors_at(tok, depth=0), tok.head, ms, lex, "apposition", False,
                                       "asserted")


def _comma_apposed(noun: Token, ms: DocMentions) -> list[Mention]:
    """The person a subject noun phrase stands in apposition to when the parser made both subjects of the
    verb: "*Park Won-soon*, the mayor of Seoul, ... was found dead" (the name, a comma, then the phrase)."""
    left = noun.left_edge.i
    if left < 2 or noun.doc[left - 1].text != ",":
        return []
    holder = ms.by_token.get(left - 2)
    if holder is None or holder.type != "PERSON":
        return []
    shares_verb = any(c.dep_ in _SUBJECT_DEPS and c.i < left and ms.by_token.get(c.i) is holder
                      for c in noun.head.children)
    return [holder] if shares_verb else []


def _describes_object(noun: Token, lex: Lexicon) -> bool:
    """Whether an "as" noun after a direct object says what the object is, not the subject: "attacked the
    proclamation as Israeli *territory*" (no office), unlike "succeeded her as *Prime Minister*"."""
    verb = noun.head.head
    entry = lex.noun(noun.lemma_)
    office = lex.is_title_word(noun.text) or (entry is not None and entry.relational)
    return not office and any(c.dep_ == "dobj" for c in verb.children)


def _event_noun(noun: Token, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    entry = lex.noun(noun.lemma_)
    if entry is None or entry.relational or noun.i in ms.by_token:
        return
    governing = lex.verb(noun.head.lemma_, noun=noun.lemma_.lower()) if noun.dep_ in ("dobj", "obj") else None
    if governing is not None and governing.noun and governing.type:
        return  # "lifted its ban on China": the verb with its noun says what happened (CONCEDE, not SANCTION)
    agents = [m for c in noun.children if c.dep_ in _AGENT_MODIFIER_DEPS and c.i < noun.i
              for m in ms.actors_at(c, depth=1)]
    agents += [m for p in noun.children if p.dep_ in ("prep", "agent") and p.lower_ in ("by", "from")
               for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o)]
    if not agents and entry.recip and noun.dep_ == "pobj" and noun.head.lower_ in _TIME_PREPS \
            and noun.head.head.pos_ == "VERB":
        # "Speaking after talks with Modi, Biden praised India": who held the talks is who speaks
        agents = subjects(noun.head.head, ms, lex)[0]
    if not agents:
        return
    preps = {"to", "on", "against", "with", "for", "into", "toward", "towards", "of"}
    if entry.type in _IN_TARGET_TYPES:
        preps.add("in")
    negated, modality = noun_modality(noun)
    for target, rtype in typed_targets(noun, entry, ms, lex, frozenset(preps)):
        for agent in agents:
            c = make(agent, target, noun.lemma_.lower(), rtype, "nominal_event", negated=negated,
                     modality=modality, coref=ms.coref)
            if c is not None:
                yield c


def _between(noun: Token, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """"ties between Russia and North Korea": the ends relate, typed by the noun or by the verb governing it
    ("normalized relations between ..." is COOPERATE)."""
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ in ("between", "among"):
            for o in p.children:
                if o.dep_ == "pobj":
                    rtype = _between_type(noun, lex)
                    negated, modality = noun_modality(noun)
                    for a, b in _between_pairs(o, ms.actors_at(o)):
                        c = make(a, b, f"{noun.lemma_.lower()} between", rtype, "nominal_between",
                                 negated=negated, modality=modality, coref=ms.coref)
                        if c is not None:
                            yield c


def _between_type(noun: Token, lex: Lexicon) -> str:
    governing = lex.verb(noun.head.lemma_, noun=noun.lemma_.lower()) if noun.dep_ in ("dobj", "obj") else None
    if governing is not None and governing.noun and governing.type:
        return governing.type
    entry = lex.noun(noun.lemma_)
    return entry.type if entry is not None and entry.recip else "RELATED"


def _between_pairs(first: Token, ends: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Every pair of a list ("between Cyprus, Greece and Israel"), but the first with each of the others when
    "and" comes twice ("between Israel and the UAE and Bahrain": two ties with Israel, none UAE-Bahrain)."""
    ands = sum(1 for t in first.subtree if t.dep_ == "cc" and t.lower_ == "and")
    if ands >= 2 and len(ends) >= 3:
        return [(ends[0], b) for b in ends[1:]]
    return [(a, b) for i, a in enumerate(ends) for b in ends[i + 1:]]


def _at_odds(odds: Token, ms: DocMentions) -> Iterator[Candidate]:
    """"Trump and Bolton have been at odds", "Ankara is at odds with Washington": a standing disagreement
    (REJECT), between the conjoined subjects or with the "with" object."""
    cop = odds.head.head
    holders = [m for c in cop.children if c.dep_ == "nsubj" for m in ms.actors_at(c)]
    others = [m for p in (*odds.children, *odds.head.head.children) if p.dep_ == "prep" and p.lower_ == "with"
              for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o)]
    negated, modality = modality_of(cop)
    pairs = [(h, o) for h in holders for o in others] or [
        (a, b) for i, a in enumerate(holders) for b in holders[i + 1:]]
    for a, b in pairs:
        c = make(a, b, "be at odds", "REJECT", "copular", negated=negated, modality=modality, coref=ms.coref)
        if c is not None:
            yield c
