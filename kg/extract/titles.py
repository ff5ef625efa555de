"""Titles before names: "Russian President Vladimir Putin" is LEADER_OF Russia.

A title before a name, owned by the actor before it: "Russian President Vladimir Putin" (LEADER_OF),
"Chinese Foreign Minister Wang Yi" (MEMBER_OF), "Russian opposition leader Alexei Navalny" (AFFILIATED_WITH),
"Russia's President Putin", "NATO Secretary-General Jens Stoltenberg", "the Chinese company Huawei"; also
with the office's scope between title and name: "US Ambassador to Germany Richard Grenell". The title words
come from ``lexicon_titles.jsonl``, longest match first. Titles after names ("Hassan Rouhani of Iran") are
in :mod:`~kg.extract.places`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.candidate import Candidate, make
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import DocMentions
from kg.ontology import STANDING_TYPES
from kg.records import Mention

# Words allowed between an owner and a title without being part of the title ("Russian *former* President").
_TITLE_FILLERS = frozenset([
    "former", "then", "acting", "interim", "deputy", "vice", "incoming", "outgoing", "newly", "elected",
    "new", "late", "top", "senior", "chief", "first", "current", "longtime", "long-time", "veteran"
])
_MAX_TITLE_WORDS = 5
# Prepositions of an office's scope between a title and a name ("Ambassador *to* Germany Richard Grenell").
_SCOPE_PREPS = frozenset({"to", "for", "of", "at"})


def title_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """Title-before-name candidates of ``sent``, one per named person or organisation."""
    seen: set[int] = set()
    for tok in sent:
        m = ms.by_token.get(tok.i)
        if m is None or m.start in seen or m.type not in ("PERSON", "ORG") or m.start in ms.coref:
            continue
        seen.add(m.start)
        first = tok.i
        while ms.by_token.get(first + 1) is m and lex.is_title_token(sent.doc[first].text):
            first += 1  # "Egypt's current President Abdel Fattah al-Sisi": the mention took its title along
        yield from _prefix_title(sent, first, m, ms, lex)


def _prefix_title(sent: Span, first: int, holder: Mention, ms: DocMentions,
                  lex: Lexicon) -> Iterator[Candidate]:
    doc = sent.doc
    words: list[Token] = []
    i = first - 1
    while i >= sent.start and len(words) < _MAX_TITLE_WORDS:
        t = doc[i]
        if ms.by_token.get(t.i) is holder:
            words.insert(0, t)  # the title the mention itself begins with
            i -= 1
            continue
        if t.i in ms.by_token and not words:
            j = _skip_scope(i, sent, ms)  # "Ambassador to Germany Richard Grenell": the scope is no owner
            if j is not None:
                i = j
                continue
        if t.i in ms.by_token or t.tag_ == "POS" or not (t.is_alpha or t.text.endswith(".") or "-" in t.text):
            break
        words.insert(0, t)
        i -= 1
    if not words:
        return
    title = lex.title([w.text for w in words])
    if title is None:
        return
    rtype, n = title
    fillers = words[:-n]
    # (a company's trade may stand between: "Austrian mortar and shell manufacturer Hirtenberger")
    trade = rtype == "AFFILIATED_WITH" and holder.type == "ORG"
    if any(w.lower_ not in _TITLE_FILLERS and not lex.is_title_word(w.text) and not w.is_title
           and w.pos_ != "ADJ" and not (trade and (w.pos_ == "NOUN" or w.dep_ == "cc")) for w in fillers):
        return  # "... said on Monday President X": the words before the title are not part of it
    j = i
    if j >= sent.start and doc[j].tag_ == "POS":
        j -= 1  # "Russia's President Putin"
    owner = ms.by_token.get(j) if j >= sent.start else None
    if owner is None or owner.start in ms.coref or (owner.type == "PERSON" and rtype in STANDING_TYPES):
        return  # a person owns no office ("King assassin James Earl Ray" is a killing, not a title)
    relation = " ".join(w.lower_ for w in words[-n:])
    c = make(holder, owner, relation, rtype, "title_possessive" if j != i else "title", coref=ms.coref)
    if c is not None:
        yield c


def _skip_scope(i: int, sent: Span, ms: DocMentions) -> int | None:
    """The token before "to|for|of (the) X" when the mention ending at ``i`` is such a scope, else None."""
    doc = sent.doc
    m = ms.by_token[i]
    while i >= sent.start and ms.by_token.get(i) is m:
        i -= 1
    if i >= sent.start and doc[i].lower_ == "the":
        i -= 1
    if i > sent.start and doc[i].lower_ in _SCOPE_PREPS and doc[i - 1].text[:1].isupper() \
            and doc[i - 1].i not in ms.by_token:
        return i - 1
    return None
