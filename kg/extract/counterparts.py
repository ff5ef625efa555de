"""Officials named by their states in one phrase: "Shoukry and his *Greek and French counterparts* met",
"his *Greek, Cypriot and French counterparts, Nikos Dendias, Nikos Christodoulides and Jean-Yves Le Drian,
respectively*, gathered in Cairo".

A plural noun of office with conjoined nationality modifiers names one official of each state. The parser
links the first modifier to the noun and the others to it by ``conj``, so an argument read through the noun
sees the first state only; :func:`group_members` gives every member. When a list of names follows the noun
and "respectively" closes it, the names are the members, one per state in order, and
:func:`respective_roles` ties each name to its state (MEMBER_OF, like "his Greek counterpart Nikos Dendias").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.candidate import Candidate, make
from kg.extract.mentions import OTHERS_NOUNS, DocMentions
from kg.records import Mention

# Plural nouns of office whose nationality modifiers each name one official's state.
GROUP_NOUNS = frozenset({"counterpart", "minister", "leader", "president", "premier", "delegation", "envoy",
                         "diplomat", "representative", "official", "negotiator", "delegate", "chief"})
# Entity types of the listed names (the NER model takes some Greek and Cypriot names for organisations).
_NAME_TYPES = frozenset({"PERSON", "ORG"})
# Dependencies of a name given with the noun ("his Greek counterpart *Nikos Dendias*").
_NAME_DEPS = frozenset({"appos", "compound"})
# Tokens allowed between the names of a "respectively" list.
_LIST_GLUE = frozenset({",", "and"})
# Tokens scanned after the noun for the names and their closing "respectively".
_MAX_LIST_TOKENS = 40


def _states(noun: Token, ms: DocMentions) -> list[Mention]:
    """The states of a group noun's conjoined nationality modifiers, in order ("Greek, Cypriot and French");
    a singular noun qualifies only when it is always another's ("his Greek counterpart")."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in GROUP_NOUNS or (noun.tag_ != "NNS" and lemma not in OTHERS_NOUNS):
        return []
    first = next((c for c in noun.children if c.dep_ == "amod" and c.i < noun.i and c.ent_type_ == "NORP"), None)
    if first is None:
        return []
    out: list[Mention] = []
    for mod in (first, *first.conjuncts):
        m = ms.by_token.get(mod.i)
        if m is not None and m not in out:
            out.append(m)
    return out


def respective_names(noun: Token, ms: DocMentions) -> list[Mention]:
    """The names listed after ``noun`` and closed by "respectively" (", Dendias, Christodoulides and Le Drian,
    respectively"), or none when the list is not exactly that."""
    doc = noun.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].text != ",":
        return []
    names: list[Mention] = []
    for tok in doc[noun.i + 2:min(len(doc), noun.i + 2 + _MAX_LIST_TOKENS)]:
        m = ms.by_token.get(tok.i)
        if m is not None and m.type in _NAME_TYPES:
            if m not in names:
                names.append(m)
        elif tok.lower_ == "respectively":
            return names
        elif tok.text not in _LIST_GLUE:
            return []
    return []


def group_members(noun: Token, ms: DocMentions) -> tuple[list[Mention], list[Mention]]:
    """(members, states) of a plural group noun: the members are the listed names when "respectively" pairs
    them with the states, else the states themselves ("his Greek and French counterparts": Greece and France);
    none when the noun names no group."""
    if any(c.dep_ in _NAME_DEPS and getattr(ms.by_token.get(c.i), "type", None) == "PERSON" for c in noun.children):
        return [], []  # "his Greek counterpart Nikos Dendias": the name is the member already
    states = _states(noun, ms)
    if len(states) < (1 if noun.lemma_.lower() in OTHERS_NOUNS else 2):
        return [], []  # (a plural noun of one state, "Israeli leaders", is read as that state already)
    names = respective_names(noun, ms)
    return (names if len(names) == len(states) else states), states


def with_group_members(subs: list[Mention], subject_tokens: list[Token], ms: DocMentions) -> list[Mention]:
    """``subs`` with every member of a group noun among the subjects or their conjuncts in place of the
    first state the noun was read as ("Shoukry and his Greek and French counterparts": Shoukry, Greece, France)."""
    out = list(subs)
    for tok in (t for s in subject_tokens for t in (s, *s.conjuncts)):
        members, states = group_members(tok, ms)
        if not members:
            continue
        kept = [m for m in out if m not in states]
        out = kept + [m for m in members if m not in kept]
    return out


def respective_roles(noun: Token, ms: DocMentions) -> Iterator[Candidate]:
    """"his Greek and French counterparts, Dendias and Le Drian, respectively": Dendias MEMBER_OF Greece,
    Le Drian MEMBER_OF France."""
    states = _states(noun, ms)
    names = respective_names(noun, ms) if len(states) >= 2 else []
    if len(names) != len(states):
        return
    for name, state in zip(names, states, strict=True):
        c = make(name, state, noun.lemma_.lower(), "MEMBER_OF", "respectively", coref=ms.coref)
        if c is not None:
            yield c
