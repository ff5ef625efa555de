"""Claims carried by nouns: whoever makes an allegation accuses whom its content clause blames.

* "his allegations that Biden had pressured Ukraine", "Iran's accusation that Israel attacked the site", "the
  claim by Kyiv that Russian drones struck Odesa": the noun's owner (possessor, "by"/"from" object) ACCUSEs the
  subject of the clause. Nouns of accusation (ACCUSE rows) accuse whatever the clause says; a neutral claim
  noun ("claim", "report") only when the clause reports a conflict. The clause's own event is hedged (see
  :func:`kg.extract.modality.modality_of`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.arguments import subjects, verb_entry
from kg.extract.candidate import Candidate, make
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import DocMentions
from kg.extract.modality import CLAIM_NOUNS

# Event types a neutral claim noun turns into an accusation ("the claim that the Houthis attacked ...").
_CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE", "ACCUSE"})
# Dependencies of a noun's content clause ("the allegation *that* X did Y", parsed either way).
_CONTENT_DEPS = frozenset({"acl", "ccomp", "relcl"})


def claim_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """Candidates from claim and accusation nouns with a content clause in ``sent``."""
    for tok in sent:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in CLAIM_NOUNS | _accusations(tok, lex):
            yield from _claim(tok, ms, lex)


def _accusations(tok: Token, lex: Lexicon) -> frozenset[str]:
    entry = lex.noun(tok.lemma_)
    return frozenset({tok.lemma_.lower()}) if entry is not None and entry.type == "ACCUSE" else frozenset()


def _claim(noun: Token, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """"his allegations that Biden had pressured Ukraine": the owner of the allegation ACCUSE Biden."""
    owners = [m for c in noun.children if c.dep_ == "poss" for m in ms.actors_at(c, depth=1)]
    owners += [m for p in noun.children if p.dep_ in ("prep", "agent") and p.lower_ in ("by", "from")
               for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o)]
    if not owners:
        return
    entry = lex.noun(noun.lemma_)
    accusing = entry is not None and entry.type == "ACCUSE"
    for clause in (c for c in noun.children if c.dep_ in _CONTENT_DEPS and _content(c)):
        reported = verb_entry(clause, lex)
        if not accusing and (reported is None or reported.type not in _CONFLICT_TYPES):
            continue
        for accused in subjects(clause, ms, lex)[0]:
            for owner in owners:
                c = make(owner, accused, noun.lemma_.lower(), "ACCUSE", "allegation", coref=ms.coref)
                if c is not None:
                    yield c


def _content(clause: Token) -> bool:
    """A content clause ("that Israel attacked the site"), not a relative one ("the claim that he made")."""
    return any(c.dep_ == "mark" for c in clause.children) or clause.dep_ == "ccomp"
