"""Relations packed into a hyphenated modifier: "the Iranian-backed Houthi rebels", "a Moscow-led alliance".

The actor before the hyphen backs (funds, leads, arms) the actor the modified noun names, whether the noun
names it itself ("Houthi rebels"), stands in apposition to it ("the PMF, an Iranian-backed militia") or
follows it after a comma the parser did not join ("the CSTO, a Moscow-led military alliance").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.candidate import Candidate, make
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import MODIFIER_TYPES, REVERSED_MODIFIERS, DocMentions
from kg.records import Mention

# Modifier dependencies under which the participle hangs from its noun.
_ATTACH_DEPS = frozenset({"amod", "compound", "nmod", "acl"})
# Words after a nationality word that make it a language ("a *Russian-speaking* teacher", "the *Arabic-language*
# daily", "a *Russian language* teacher"): whoever speaks or prints a language is not of its state.
LANGUAGE_HEADS = frozenset({"speaking", "language", "languages"})


def language_modifier(tok: Token) -> bool:
    """Whether ``tok`` is a language word, or a nationality word that names a language ("*Russian*-speaking")."""
    doc = tok.doc
    if tok.lower_ in LANGUAGE_HEADS:
        return True
    nxt = tok.i + 2 if tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("-", "\u2013") else tok.i + 1
    return nxt < len(doc) and doc[nxt].lower_ in LANGUAGE_HEADS and not doc[nxt].ent_type_


def modifier_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """Candidates from every "X-<participle>" modifier of ``sent`` (see the module docstring)."""
    for tok in sent:
        if tok.dep_ not in _ATTACH_DEPS:
            continue
        rtype = MODIFIER_TYPES.get(tok.lower_)
        if rtype is not None and tok.i >= 2 and tok.doc[tok.i - 1].text in ("-", "\u2013"):
            backer = ms.at(tok.doc[tok.i - 2])  # "Iranian", "-", "backed"
        else:
            rtype = MODIFIER_TYPES.get(tok.lower_.rsplit("-", 1)[-1]) if "-" in tok.text[1:] else None
            backer = ms.at(tok) if rtype is not None else None  # one token: "U.S.-led"
        if rtype is None or backer is None:
            continue
        word = tok.lower_.rsplit("-", 1)[-1]
        for held in _modified(tok, backer, ms):
            a, b = (held, ms.as_place(backer)) if word in REVERSED_MODIFIERS else (backer, held)
            c = make(a, b, word, rtype, "modifier", coref=ms.coref)
            if c is not None:
                yield c


def _modified(part: Token, backer: Mention, ms: DocMentions) -> list[Mention]:
    """The actor the noun under ``part`` names, other than ``backer`` and never through a pronoun."""
    noun = part.head
    # the noun's own name: "Houthi rebels" (a name among the noun's modifiers, not the participle's)
    for t in noun.children:
        m = ms.at(t) if t.i < noun.i and t.i != part.i else None
        if m is not None and m.key != backer.key and m.start not in ms.coref:
            return [m]
    m = ms.at(noun)
    if m is not None and m.key != backer.key:
        return [m]
    # the name right before the phrase's comma, whatever the parser hung the phrase on: "the CSTO, a
    # Moscow-led military alliance", "the Popular Mobilization Forces (PMF), an Iranian-backed militia"
    first = min(t.i for t in noun.subtree)
    if first >= 2 and noun.doc[first - 1].text == ",":
        prev = noun.doc[first - 2]
        m = ms.at(prev.head if prev.text in (")", "]") else prev)
        if m is not None and m.key != backer.key and m.start not in ms.coref:
            return [m]
    if noun.dep_ == "appos":  # "the PMF, an Iranian-backed militia" parsed as it should be
        m = ms.at(noun.head)
        if m is not None and m.key != backer.key and m.start not in ms.coref:
            return [m]
    return []
