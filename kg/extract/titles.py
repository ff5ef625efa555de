"""Titles before names: "Russian President Vladimir Putin" is LEADER_OF Russia.

A title before a name, owned by the actor before it: "Russian President Vladimir Putin" (LEADER_OF),
"Chinese Foreign Minister Wang Yi" (MEMBER_OF), "Russian opposition leader Alexei Navalny" (AFFILIATED_WITH),
"Russia's President Putin", "NATO Secretary-General Jens Stoltenberg", "the Chinese company Huawei"; also
with the office's scope between title and name: "US Ambassador to Germany Richard Grenell". The title words
come from ``lexicon_titles.jsonl``, longest match first. Titles after names ("Hassan Rouhani of Iran") are
in :mod:`~kg.extract.places`. The constructions, each a small function below:

* owner, title, name: "Russian President Vladimir Putin", "EU foreign policy chief Javier Solana";
* title "of" owner, name: "former Vice President of the United States Joe Biden";
* title "from" place, name: "United States Senator from Vermont Bernie Sanders" (the senator is of Vermont);
* two titles joined: "Conservative Party leader and Prime Minister Boris Johnson";
* a party as owner: "Democratic mayor Muriel Bowser" (MEMBER_OF the Democratic Party, whatever the office);
* a state and a plain role noun, or a state's possessive alone: "Liberian legend George Weah", "Saudi
  Arabia's state-owned Saudi Aramco", "Israel's Ariel Sharon" (AFFILIATED_WITH);
* an office named before without its state: "current president Emmerson Mnangagwa" after "former president
  of Zimbabwe" (:func:`_elided_owner`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.candidate import Candidate, make
from kg.extract.lexicon import Lexicon, lexicon
from kg.extract.mentions import DocMentions
from kg.extract.modifiers import language_modifier
from kg.extract.parties import party_at
from kg.extract.roles import LOCAL_OFFICES
from kg.ontology import STANDING_TYPES
from kg.records import Mention

# Words allowed between an owner and a title without being part of the title ("Russian *former* President").
_TITLE_FILLERS = frozenset([
    "former", "then", "acting", "interim", "deputy", "vice", "incoming", "outgoing", "newly", "elected",
    "new", "late", "top", "senior", "chief", "first", "current", "longtime", "long-time", "veteran"
])
_MAX_TITLE_WORDS = 6
# Prepositions of an office's scope between a title and a name ("Ambassador *to* Germany Richard Grenell").
_SCOPE_PREPS = frozenset({"to", "for", "of", "at", "from"})
# Titles that lead a party; any other office held "for" a party is membership ("Democratic mayor").
_PARTY_LEADERS = frozenset({"leader", "chairman", "chairwoman", "chair", "chairperson", "head", "founder"})
# Fillers that contrast an office with one named before it ("*current* president X" after "former president
# of Zimbabwe"), so the office is the same one.
_ELLIPSIS_CUES = frozenset({"current", "new", "incoming", "outgoing", "then", "acting", "interim", "former"})
# How many sentences back an office named with its state is looked for.
_ELLIPSIS_WINDOW = 3
# Holder types a title may describe (the NER takes some companies for facilities: "Iranian airline Mahan Air").
_HOLDER_TYPES = frozenset({"PERSON", "ORG", "FAC"})


@dataclass(frozen=True, slots=True)
class _Prefix:
    """The words before a name: the title words, the office's scope, and where the owner would stand."""

    words: list[Token]
    before: int  # token index just before the words (the owner's last token, if any)
    scope: tuple[str, Mention] | None  # ("of" | "to" | ..., the scope's actor)


def title_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """Title-before-name candidates of ``sent``, one per named person or organisation."""
    seen: set[int] = set()
    for tok in sent:
        m = ms.by_token.get(tok.i)
        if m is None or m.start in seen or m.type not in _HOLDER_TYPES or m.start in ms.coref:
            continue
        seen.add(m.start)
        first = tok.i
        while ms.by_token.get(first + 1) is m and lex.is_title_token(sent.doc[first].text):
            first += 1  # "Egypt's current President Abdel Fattah al-Sisi": the mention took its title along
        prefix = _prefix(sent, first, m, ms)
        for build in _CONSTRUCTIONS:
            found = list(build(sent, prefix, m, ms, lex))
            yield from found
            if found:
                break


def _prefix(sent: Span, first: int, holder: Mention, ms: DocMentions) -> _Prefix:
    """The title words before the name at ``first``, stopping at the owner (or anything else)."""
    doc = sent.doc
    words: list[Token] = []
    scope: tuple[str, Mention] | None = None
    i = first - 1
    while i >= sent.start and len(words) < _MAX_TITLE_WORDS:
        t = doc[i]
        if ms.by_token.get(t.i) is holder:
            words.insert(0, t)  # the title the mention itself begins with
            i -= 1
            continue
        if t.i in ms.by_token and not words and scope is None:
            j = _skip_scope(i, sent, ms)  # "Ambassador to Germany Richard Grenell": the scope is no owner
            if j is not None:
                scope = (doc[j + 1].lower_, ms.by_token[t.i])
                i = j
                continue
        if t.i in ms.by_token or t.tag_ == "POS" or not (t.is_alpha or t.text.endswith(".") or "-" in t.text):
            break
        words.insert(0, t)
        i -= 1
    return _Prefix(words, i, scope)


def _match(words: list[Token], holder: Mention, lex: Lexicon, *,
           trim: bool = False) -> tuple[str, list[Token], list[Token]] | None:
    """(type, title words, filler words) when ``words`` end with a title its fillers may precede; with
    ``trim``, words before the first one that cannot be a filler are dropped instead of failing the match
    ("fewer delegates than *former Vice President* of the United States Joe Biden")."""
    title = lex.title([w.text for w in words]) if words else None
    if title is None:
        return None
    rtype, n = title
    fillers, head = words[:-n], words[-1]
    # (a company's trade may stand between: "Austrian mortar and shell manufacturer Hirtenberger")
    trade = rtype == "AFFILIATED_WITH" and holder.type in ("ORG", "FAC")
    for k in range(len(fillers) - 1, -1, -1):
        if not _filler(fillers[k], head, trade, lex):
            if not trim:
                return None  # "... said on Monday President X": the words before the title are not part of it
            fillers = fillers[k + 1:]
            break
    return rtype, words[-n:], fillers


def _filler(w: Token, head: Token, trade: bool, lex: Lexicon) -> bool:
    """Whether ``w`` may stand in a title before its head word ``head``."""
    if w.lower_ in _TITLE_FILLERS or lex.is_title_word(w.text) or w.is_title or w.pos_ == "ADJ":
        return True
    if trade and (w.pos_ == "NOUN" or w.dep_ == "cc"):
        return True
    # the office's field: "EU foreign *policy* chief", "UN nuclear *watchdog* chief"
    return w.dep_ == "compound" and _modifies(w, head)


def _modifies(w: Token, head: Token) -> bool:
    """Whether ``w`` hangs (through modifiers) on the title word ``head`` or on the name after it."""
    t = w
    for _ in range(4):
        if t.i == head.i or (t.i > head.i and t.dep_ != "compound"):
            return True
        if t.dep_ not in ("compound", "amod", "nmod") or t.head.i <= t.i:
            return False
        t = t.head
    return False


def _owner(sent: Span, prefix: _Prefix, ms: DocMentions) -> tuple[Mention, bool] | None:
    """The actor right before the title words, and whether it is a possessive ("Russia's President")."""
    doc, j = sent.doc, prefix.before
    possessive = j >= sent.start and doc[j].tag_ == "POS"
    if possessive:
        j -= 1
    if j < sent.start:
        return None
    if language_modifier(doc[j]):
        return None  # "Russian-speaking teacher Anna Petrova": a language, no nationality
    owner = ms.by_token.get(j)
    party = party_at(doc[j], ms)
    if party is not None:
        return party, possessive
    if owner is None or owner.start in ms.coref:
        return None
    return owner, possessive


def _candidate(holder: Mention, owner: Mention, title: list[Token], rtype: str, pattern: str,
               ms: DocMentions) -> Candidate | None:
    """The tie a title gives; a party owns no office but membership, and a person owns no office at all."""
    if owner.type == "PERSON" and rtype in STANDING_TYPES:
        return None  # "King assassin James Earl Ray" is a killing, not a title
    relation = " ".join(w.lower_ for w in title)
    if relation in LOCAL_OFFICES or title[-1].lower_ in LOCAL_OFFICES:
        owner = ms.as_place(owner)  # "Moscow Mayor Sergei Sobyanin" heads Moscow, not Russia
    rtype = lexicon().owner_type(relation, rtype, owner)  # "Speaker X" of a state: MEMBER_OF, not its leader
    if ms.by_token.get(title[0].i) is None and owner.name.endswith("Party") and rtype == "LEADER_OF" \
            and title[-1].lower_ not in _PARTY_LEADERS:
        rtype = "MEMBER_OF"  # "Democratic mayor Muriel Bowser" leads the city, not the party
    return make(holder, owner, relation, rtype, pattern, coref=ms.coref)


def _owner_title(sent: Span, prefix: _Prefix, holder: Mention, ms: DocMentions,
                 lex: Lexicon) -> Iterator[Candidate]:
    """"Russian President Vladimir Putin", "Russia's President Putin", "NATO Secretary-General Stoltenberg"."""
    match = _match(prefix.words, holder, lex)
    owner = _owner(sent, prefix, ms)
    if match is None or owner is None:
        return
    rtype, title, _ = match
    c = _candidate(holder, owner[0], title, rtype, "title_possessive" if owner[1] else "title", ms)
    if c is not None:
        yield c
    yield from _scope_place(prefix, holder, ms)


def _joined_titles(sent: Span, prefix: _Prefix, holder: Mention, ms: DocMentions,
                   lex: Lexicon) -> Iterator[Candidate]:
    """"Conservative Party leader and Prime Minister Boris Johnson": the owner's title is the first one."""
    cut = next((k for k, w in enumerate(prefix.words) if w.lower_ in ("and", "&")), None)
    owner = _owner(sent, prefix, ms)
    if cut is None or owner is None:
        return
    match = _match(prefix.words[:cut], holder, lex)
    if match is not None and _match(prefix.words[cut + 1:], holder, lex) is not None:
        c = _candidate(holder, owner[0], match[1], match[0], "title", ms)
        if c is not None:
            yield c


def _title_of_owner(sent: Span, prefix: _Prefix, holder: Mention, ms: DocMentions,
                    lex: Lexicon) -> Iterator[Candidate]:
    """"former Vice President of the United States Joe Biden": the "of" scope is the owner."""
    match = _match(prefix.words, holder, lex, trim=True)
    if match is None or prefix.scope is None or prefix.scope[0] != "of":
        return
    c = _candidate(holder, prefix.scope[1], match[1], match[0], "title_of", ms)
    if c is not None:
        yield c


def _scope_place(prefix: _Prefix, holder: Mention, ms: DocMentions) -> Iterator[Candidate]:
    """"United States Senator from Vermont Bernie Sanders": the holder is of the "from" place too."""
    if prefix.scope is not None and prefix.scope[0] == "from" and prefix.scope[1].type in ("GPE", "LOC"):
        c = make(holder, ms.as_place(prefix.scope[1]), "from", "AFFILIATED_WITH", "title", coref=ms.coref)
        if c is not None:
            yield c


def _state_and_role(sent: Span, prefix: _Prefix, holder: Mention, ms: DocMentions,
                    lex: Lexicon) -> Iterator[Candidate]:
    """"Liberian legend George Weah", "Saudi Arabia's state-owned Saudi Aramco", "Israel's Ariel Sharon":
    a state before a name, with only lower-case role words between, is the holder's state."""
    owner = _owner(sent, prefix, ms)
    if owner is None or not owner[0].iso3 or _match(prefix.words, holder, lex) is not None:
        return
    words = [w for w in prefix.words if ms.by_token.get(w.i) is not holder]
    if not words and not owner[1]:
        return  # "Russia Vladimir Putin" without a possessive is a list or a misparse
    if any(not (w.is_lower or w.text == "-") or w.pos_ not in ("NOUN", "ADJ", "VERB", "PUNCT") for w in words):
        return
    if words and words[-1].pos_ != "NOUN":
        return  # the role noun stands last: "guerrilla *organization*", not "Israeli-led"
    relation = words[-1].lower_ if words else "'s"
    c = make(holder, owner[0], relation, "AFFILIATED_WITH", "title_possessive" if owner[1] else "title",
             coref=ms.coref)
    if c is not None:
        yield c


def _elided_owner(sent: Span, prefix: _Prefix, holder: Mention, ms: DocMentions,
                  lex: Lexicon) -> Iterator[Candidate]:
    """"Robert Mugabe, former president of Zimbabwe, has died, according to current president Emmerson
    Mnangagwa": a contrasted bare title takes the state of the same office named just before."""
    match = _match(prefix.words, holder, lex, trim=True)
    if match is None or _owner(sent, prefix, ms) is not None or prefix.scope is not None:
        return
    rtype, title, fillers = match
    if not any(w.lower_ in _ELLIPSIS_CUES for w in fillers):
        return
    owner = _office_named_before(sent, title[-1], holder, ms)
    if owner is not None:
        c = _candidate(holder, owner, title, rtype, "apposition", ms)
        if c is not None:
            yield c


def _office_named_before(sent: Span, head: Token, holder: Mention, ms: DocMentions) -> Mention | None:
    """The state of the last "<head> of X" before ``head`` in this or the few sentences before."""
    doc = sent.doc
    start = sent.start
    for _ in range(_ELLIPSIS_WINDOW - 1):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    for t in reversed(doc[start:head.i]):
        if t.lower_ != head.lower_ or ms.by_token.get(t.i) is holder:
            continue
        for p in t.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                owners = [m for o in p.children if o.dep_ == "pobj" for m in ms.actors_at(o) if m.iso3]
                if owners:
                    return owners[0]
    return None


_CONSTRUCTIONS = (_owner_title, _joined_titles, _title_of_owner, _state_and_role, _elided_owner)


def _skip_scope(i: int, sent: Span, ms: DocMentions) -> int | None:
    """The token before "to|for|of|from (the) X" when the mention ending at ``i`` is such a scope, else None."""
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
