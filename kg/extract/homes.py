"""Where a person lives or comes from, said with a noun of home: the person is AFFILIATED_WITH the place.

* "Sohn's New Jersey home", "at his home in suburban Larchmont", "near his hometown of Grants, N.M.":
  a home noun owned by a person, with its place as modifier, "in" or "of" phrase;
* "Beaumont, Texas, Richardson's hometown": the home noun in apposition to the place;
* "in his native South Carolina": "native" on a place owned by a person.

The place is the place itself with its address (:func:`~kg.extract.addresses.home_place`): a home in a
capital is no tie to the state. Roles said with "native" and "resident" ("X, a native of Y") are
:mod:`~kg.extract.roles`'.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.addresses import PLACE_LABELS, home_place, pobjs
from kg.extract.candidate import Candidate, make
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import DocMentions
from kg.records import Mention

# Nouns of a person's home ("his *hometown* of Grants").
_HOME_NOUNS = frozenset({"home", "hometown", "birthplace", "homeland", "residence"})
# Modifiers that make an owned place a home ("his *native* South Carolina").
_NATIVE_WORDS = frozenset({"native"})
# Dependencies of a place named on the home noun itself ("Sohn's *New Jersey* home").
_PLACE_MODIFIERS = frozenset({"compound", "amod", "nmod"})
# Prepositions of the home's place ("his home *in* Larchmont", "his hometown *of* Grants").
_HOME_PREPS = frozenset({"in", "of"})


def home_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """Persons AFFILIATED_WITH their homes in ``sent`` (see the module docstring)."""
    for tok in sent:
        if tok.lemma_.lower() in _HOME_NOUNS and tok.pos_ == "NOUN" and tok.i not in ms.by_token:
            pairs = [(p, pl) for p in _owners(tok, ms) for pl in _home_places(tok, ms)]
        elif tok.lower_ in _NATIVE_WORDS and tok.dep_ == "amod" and _place(tok.head, ms) is not None:
            # "his native South Carolina": the place itself is the home
            pairs = [(p, pl) for p in _owners(tok.head, ms) for pl in [_place(tok.head, ms)] if pl is not None]
        else:
            continue
        for person, place in pairs:
            c = make(person, home_place(ms, place), tok.lemma_.lower(), "AFFILIATED_WITH", "home", coref=ms.coref)
            if c is not None:
                yield c


def _owners(noun: Token, ms: DocMentions) -> list[Mention]:
    """The persons whose home ``noun`` is: its possessor ("*Richardson's* hometown", "*his* home")."""
    return [m for c in noun.children if c.dep_ == "poss" for m in ms.actors_at(c, depth=0) if m.type == "PERSON"]


def _home_places(noun: Token, ms: DocMentions) -> list[Mention]:
    """The places a home noun names: its modifier, its "in"/"of" object, or the place it is in apposition to."""
    out = [m for c in noun.children if c.dep_ in _PLACE_MODIFIERS and c.i < noun.i
           for m in [_place(c, ms)] if m is not None]
    out += [m for p in noun.children if p.dep_ == "prep" and p.lower_ in _HOME_PREPS
            for o in pobjs(p) for m in [_place(o, ms)] if m is not None]
    if noun.dep_ == "appos":  # "Beaumont, Texas, Richardson's hometown"
        out += [m for m in [_place(noun.head, ms)] if m is not None]
    return out


def _place(tok: Token, ms: DocMentions) -> Mention | None:
    m = ms.at(tok)
    return m if m is not None and m.type in PLACE_LABELS and m.start not in ms.coref else None
