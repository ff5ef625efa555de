"""Party ties: who belongs to which political party, from the words news copy uses for it.

* "Marco Rubio (R-Fla.)", "Sherrod Brown (D-Ohio)": the party letter and the state after a legislator's name.
* "Ted Cruz and fellow Republican Francis Rooney": "fellow" gives the party to both.
* "Senators Marco Rubio, Mike Lee and David Perdue, all Republicans": a party word in apposition to a list.
* "Maher was elected as a Democrat", "ran as a Republican": the party the subject stood for.

Party words ("Democratic", "Tory", "Liberal National") come from ``kg/data/lexicon_parties.jsonl`` and
stand for the party, never for a nationality; :func:`party_at` also serves the title rules ("Democratic
mayor Muriel Bowser" is MEMBER_OF the Democratic Party).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Span, Token

from kg.actors import actor_key
from kg.extract.candidate import Candidate, make
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import DocMentions
from kg.extract.where import is_subdivision
from kg.ontology import DATA_DIR
from kg.records import Mention

# Words before a plural party word that spread it over a list ("all Republicans", "both Democrats").
_SPREADING = frozenset({"all", "both", "fellow"})
# Verbs whose "as" object is the party the subject stands for ("elected as a Democrat").
_STAND_VERBS = frozenset({"elect", "reelect", "re-elect", "run", "serve", "stand", "sit", "nominate"})
# Dependencies that chain the items of a list of names ("Rubio, Lee, and Perdue").
_LIST_DEPS = frozenset({"conj", "appos"})


@cache
def _party_words() -> dict[str, str]:
    """Lower-cased party word -> the party's name."""
    out: dict[str, str] = {}
    path = DATA_DIR / "lexicon_parties.jsonl"
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            for w in row["words"]:
                out[w.lower()] = row["name"]
    return out


def party_name(text: str) -> str | None:
    """The party a word names: "Republicans" -> "Republican Party"; None for anything else."""
    return _party_words().get(text.lower())


def is_party(m: Mention) -> bool:
    """Whether ``m`` names a political party: "the Kurdistan Workers' Party", "the Liberal Democrats"."""
    return m.type in ("ORG", "NORP") and (m.name.split()[-1].lower() == "party" or m.name in _party_names())


@cache
def _party_names() -> frozenset[str]:
    return frozenset(_party_words().values())


def party_at(tok: Token, ms: DocMentions, *, letter: bool = False) -> Mention | None:
    """The party ``tok`` (or the mention it is part of) names, as a mention: "*Democratic* mayor"; a single
    letter ("R" of "R-Fla.") only with ``letter``."""
    m = ms.by_token.get(tok.i)
    if m is not None and m.type == "ORG" and m.name.split()[-1].lower() == "party":
        return m  # "the Democratic Party's nomination": a party named in full
    text = m.text if m is not None else tok.text
    if not text[:1].isupper():
        return None  # "an independent socialist" is a view, not the Socialist Party
    name = party_name(text)
    if name is None or (m is not None and m.type not in ("NORP", "ORG")) or (len(text) == 1 and not letter):
        return None
    if m is not None:
        return Mention(text=m.text, start=m.start, end=m.end, name=name, type="ORG",
                       key=actor_key(name, None))
    start = tok.idx + ms.char_offset
    return Mention(text=tok.text, start=start, end=start + len(tok.text), name=name, type="ORG",
                   key=actor_key(name, None))


def party_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """Party ties of ``sent`` (see the module docstring), one construction a function."""
    for tok in sent:
        if party_name(tok.text) is None:
            continue
        party = party_at(tok, ms)
        if party is None:
            continue
        for build in _CONSTRUCTIONS:
            for holder in build(tok, ms):
                c = make(holder, party, "party", "MEMBER_OF", "title", coref=ms.coref)
                if c is not None:
                    yield c
    yield from _letter_and_state(sent, ms)
    yield from _bracketed_party(sent, ms)


def _persons(tok: Token, ms: DocMentions) -> list[Mention]:
    """The named persons of the list ``tok`` belongs to: "Rubio, Lee, and Perdue"."""
    root = tok
    while root.dep_ in _LIST_DEPS and getattr(ms.at(root.head), "type", None) == "PERSON":
        root = root.head
    out: list[Mention] = []
    todo = [root]
    while todo:
        t = todo.pop()
        m = ms.at(t)
        if m is not None and m.type == "PERSON" and m not in out and m.start not in ms.coref:
            out.append(m)
        todo += [c for c in t.children if c.dep_ in _LIST_DEPS and ms.at(c) is not None]
    return out


def _spread_over_list(party: Token, ms: DocMentions) -> list[Mention]:
    """"Rubio, Lee, and Perdue, all Republicans": every person of the list the party word stands beside."""
    if party.dep_ != "appos" or not any(c.lower_ in _SPREADING for c in party.children if c.dep_ == "det"):
        return []
    return _persons(party.head, ms)


def _fellow(party: Token, ms: DocMentions) -> list[Mention]:
    """"Senator Ted Cruz and fellow Republican Representative Francis Rooney": both are Republicans."""
    if party.i == 0 or party.doc[party.i - 1].lower_ != "fellow":
        return []
    name = party.head
    while ms.at(name) is None and name.dep_ == "compound" and name.head.i > name.i:
        name = name.head  # "fellow Republican *Representative* Francis Rooney"
    named = ms.at(name)
    if named is None or named.type != "PERSON":
        return []
    return _persons(name, ms) if name.dep_ == "conj" else [named]


def _stood_as(party: Token, ms: DocMentions) -> list[Mention]:
    """"Maher was elected as a Democrat to Congress": the subject stood for the party."""
    prep = party.head
    if party.dep_ != "pobj" or prep.lower_ != "as" or prep.head.lemma_.lower() not in _STAND_VERBS:
        return []
    return [m for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")
            for m in ms.actors_at(c) if m.type == "PERSON"]


_CONSTRUCTIONS = (_spread_over_list, _fellow, _stood_as)


def _letter_and_state(sent: Span, ms: DocMentions) -> Iterator[Candidate]:
    """"Marco Rubio (R-Fla.)", "Sen. Jake Garn, R-Utah,": MEMBER_OF the party the letter names, AFFILIATED_WITH
    the state."""
    doc = sent.doc
    for tok in sent:
        if tok.text not in ("(", ",") or tok.i + 4 > sent.end or doc[tok.i + 2].text not in ("-", "\u2013"):
            continue
        letter, person = doc[tok.i + 1], ms.by_token.get(tok.i - 1) if tok.i > sent.start else None
        if person is None or person.type != "PERSON" or letter.text not in ("D", "R", "I"):
            continue
        party = party_at(letter, ms, letter=True)
        if party is not None:
            c = make(person, party, "party", "MEMBER_OF", "title", coref=ms.coref)
            if c is not None:
                yield c
        state = ms.by_token.get(tok.i + 3) or _state_named(sent, tok.i + 3, ms)
        if state is not None and state.type in ("GPE", "LOC"):
            c = make(person, ms.as_place(state), "from", "AFFILIATED_WITH", "title", coref=ms.coref)
            if c is not None:
                yield c


def _state_named(sent: Span, start: int, ms: DocMentions) -> Mention | None:
    """The state or province the words from ``start`` to the closing bracket or comma name, when the NER took
    them for no entity ("Sherrod Brown (D-*Ohio*)", "(D-*New York*)"): a first-level unit in ``places.jsonl``."""
    doc = sent.doc
    end = next((t.i for t in doc[start:min(sent.end, start + 4)] if t.text in (")", ",")), None)
    if end is None or end == start or any(t.i in ms.by_token for t in doc[start:end]):
        return None
    words = doc[start:end]
    if not is_subdivision(words.text):
        return None
    begin = words.start_char + ms.char_offset
    return Mention(text=words.text, start=begin, end=begin + len(words.text), name=words.text, type="GPE",
                   key=actor_key(words.text, None))


def _bracketed_party(sent: Span, ms: DocMentions) -> Iterator[Candidate]:
    """"the county mayor is Janne Johnsen (Conservative Party)": a party in brackets after a name."""
    doc = sent.doc
    for tok in sent:
        if tok.text != "(" or tok.i == sent.start or tok.i + 2 >= sent.end:
            continue
        person = ms.by_token.get(tok.i - 1)
        close = next((t.i for t in doc[tok.i + 1:min(sent.end, tok.i + 7)] if t.text == ")"), None)
        if person is None or person.type != "PERSON" or close is None:
            continue
        inside = doc[tok.i + 1:close]
        if len(inside) > 1 and inside[-1].lower_ == "party" \
                and all(t.is_title or t.text in ("-", "'s") for t in inside):
            party = party_named(inside, ms)
            c = make(person, party, "party", "MEMBER_OF", "title", coref=ms.coref)
            if c is not None:
                yield c


def party_named(span: Span, ms: DocMentions) -> Mention:
    """A mention of the party ``span`` names in full ("Progress Party"), whether the NER saw it or not."""
    m = ms.by_token.get(span.start)
    if m is not None and m.type == "ORG" and all(ms.by_token.get(t.i) is m for t in span):
        return m
    start = span.start_char + ms.char_offset
    return Mention(text=span.text, start=start, end=start + len(span.text), name=span.text, type="ORG",
                   key=actor_key(span.text, None))
