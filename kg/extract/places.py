"""Where actors are: places inside places, organisations based somewhere, people from somewhere.

* "Bangkok, Thailand", "Bethany, Conn.", "the Palace of Fine Arts in San Francisco", "Lowman, a small
  resort town in Idaho", "Bosnia's Sarajevo": LOCATED_IN.
* "the Frankfurt-based Commerzbank", "a bank based in Giessen", "Pittsburgh-Corning Corp. of Pittsburgh",
  the dateline "BANGKOK, Thailand (AP) --": the organisation is LOCATED_IN the place; "the Russian company
  X" is only AFFILIATED_WITH Russia.
* "Brian Michaud of Millinocket", "a Republican from Chicago", "Wang Ziqiang at the Institute of Mechanics":
  the person is AFFILIATED_WITH the place, or MEMBER_OF the organisation; with a title before the name,
  "President Hassan Rouhani of Iran", the title says which (LEADER_OF).

A seat of power keeps its own identity here (:meth:`DocMentions.as_place`): "Bangkok" in "Bangkok,
Thailand" is the city, not Thailand, so the relation is not lost as a self-loop. How a run of place names
reads (an address or a list) and the dateline are :mod:`~kg.extract.addresses`'.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.actors import actor_key
from kg.extract.addresses import (
    PLACE_LABELS,
    PLACE_NOUNS,
    WITHIN,
    comma_list,
    dateline_candidates,
    in_place_candidates,
    is_unit,
    list_item,
    located,
    named_place,
    pobjs,
)
from kg.extract.candidate import Candidate, make
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import DocMentions
from kg.extract.sources import languages
from kg.records import Mention

_COPULAS = frozenset({"be", "remain"})
# Nouns for an organisation's premises ("NRC *headquarters* in Rockville", "the company's plant in Ohio").
_SITE_NOUNS = frozenset([
    "headquarters", "office", "offices", "plant", "factory", "base", "campus", "branch", "facility", "site",
    "embassy", "consulate", "bureau", "hq"
])
# Participles that put an organisation somewhere ("a bank *based* in Giessen").
_BASED = frozenset({"based", "headquartered", "located"})
# Prepositions of a place that contains the thing before it ("X *in* Y", "a village *near* Z").
_IN_PREPS = frozenset({"in", "near", "outside"})
# Prepositions of a person's home ("Brian Michaud *of* Millinocket", "a Republican *from* Chicago").
_HOME_PREPS = frozenset({"of", "from"})


def org_place_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """An organisation named with its place: "the Frankfurt-based Commerzbank", "Haitian Parliament"."""
    doc = sent.doc
    for tok in sent:
        m = ms.by_token.get(tok.i)
        if m is None or m.type != "ORG" or (tok.i > sent.start and ms.by_token.get(tok.i - 1) is m):
            continue
        i = tok.i - 1
        based = False
        if i > sent.start + 1 and doc[i].lower_ in _BASED and doc[i - 1].text == "-":
            i -= 2
            based = True
        place = ms.by_token.get(i) if i >= sent.start else None
        if place is None or place.type not in PLACE_LABELS | {"NORP"} or place.key == m.key:
            continue
        if based or (place.type != "NORP" and not place.iso3):
            c = located(ms, m, place, "based in" if based else "of")
        else:  # "the Chinese company Huawei", "Russian state media": a nationality, not an address
            c = make(m, place, "of", "AFFILIATED_WITH", "located_in")
        if c is not None:
            yield c


def place_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """LOCATED_IN and residence/affiliation candidates of ``sent`` (see the module docstring)."""
    doc = sent.doc
    done: set[int] = set()
    for tok in sent:
        m = ms.by_token.get(tok.i)
        if m is None or m.start in done or m.start in ms.coref:
            continue
        done.add(m.start)
        span_end = max(i for i in range(tok.i, sent.end) if ms.by_token.get(i) is m) + 1
        # "Bethany, Conn.": a place, a comma, a second place that is not the next item of a list
        if m.type in PLACE_LABELS | {"ORG"} and span_end + 1 < sent.end and doc[span_end].text == ",":
            nxt = ms.by_token.get(span_end + 1)
            if nxt is not None and nxt.type in PLACE_LABELS and not list_item(span_end + 1, sent, ms) \
                    and not comma_list(tok.i, sent, ms):
                c = located(ms, m, nxt, "in")
                if c is not None:
                    yield c
        root = doc[tok.i:span_end].root
        yield from _prep_place(root, m, ms, lex)
        yield from _comma_in_place(span_end, m, sent, ms)
        yield from in_place_candidates(span_end, m, sent, ms)
        yield from _described_place(root, m, ms)
        if m.type in PLACE_LABELS and root.dep_ == "appos" and root.head.lemma_.lower() in PLACE_NOUNS:
            # "Bosnia's capital, Sarajevo": the description comes first, the name in apposition
            for owner in _place_owner(root.head, ms):
                c = located(ms, m, owner, f"{root.head.lemma_.lower()} of")
                if c is not None:
                    yield c
        if m.type == "ORG" and root.dep_ in ("compound", "poss") and root.head.lower_ in _SITE_NOUNS:
            yield from _site_place(root.head, m, ms)  # "NRC headquarters in Rockville"
    yield from _unnamed_described(sent, ms)
    yield from _comma_described(sent, ms)
    yield from _national_unit(sent, ms)
    yield from dateline_candidates(sent, ms)


def _comma_in_place(end: int, m: Mention, sent: Span, ms: DocMentions) -> Iterator[Candidate]:
    """"the Palace of Fine Arts, in San Francisco", "Aden, in southern Yemen": a place, a comma and "in" a
    larger place, whatever the parser hung the "in" phrase on."""
    doc = sent.doc
    if m.type not in PLACE_LABELS or m.iso3 or end + 2 >= sent.end or doc[end].text != "," \
            or doc[end + 1].lower_ != "in":
        return
    prep = doc[end + 1]
    for other in (x for o in pobjs(prep) for x in named_place(o, ms) if x.type in PLACE_LABELS):
        c = located(ms, m, other, "in")
        if c is not None:
            yield c


def _described_place(root: Token, m: Mention, ms: DocMentions) -> Iterator[Candidate]:
    """"Alexeni is a commune in Ialomița County, Romania", "Groom is located in the state of Queensland":
    the clause says the subject is a place (whatever the NER took it for) and where it lies."""
    verb = root.head
    if root.dep_ == "nsubj" and verb.lemma_ in _COPULAS:
        for attr in (_partitive_head(c) for c in verb.children if c.dep_ == "attr"):
            if attr.lemma_.lower() in PLACE_NOUNS:
                yield from _appos_place(attr, _as_place_named(m), ms)
                yield from _possessive_place(attr, _as_place_named(m), ms, depth=1)
                yield from _verb_within(verb, _as_place_named(m), ms)
            for acl in (c for c in attr.children if c.dep_ == "acl"):
                yield from _based_in(acl, m, ms)  # "NTF is the trade association based in Washington, D.C."
    elif root.dep_ == "nsubjpass" and verb.lower_ in _BASED:
        for p in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")):
            for other in (x for o in pobjs(p) for x in named_place(o, ms) if x.type in PLACE_LABELS):
                c = located(ms, m if m.type == "ORG" else _as_place_named(m), other, f"{verb.lower_} {p.lower_}")
                if c is not None:
                    yield c


def _national_unit(sent: Span, ms: DocMentions) -> Iterator[Candidate]:
    """"the Canadian province of Alberta", "the Polish city of Gdańsk": the unit lies in the state its
    nationality word names."""
    for unit in sent:
        if unit.lemma_.lower() not in PLACE_NOUNS or unit.i in ms.by_token:
            continue
        states = _unit_states(unit, ms)
        for p in (c for c in unit.children if c.dep_ == "prep" and c.lower_ == "of"):
            for named in (x for o in pobjs(p) for x in ms.actors_at(o, depth=0) if x.type in PLACE_LABELS):
                for state in states:
                    c = located(ms, named, state, f"{unit.lemma_.lower()} of")
                    if c is not None:
                        yield c


def _unit_states(unit: Token, ms: DocMentions) -> list[Mention]:
    """The states a place noun's nationality words name: "the *Canadian* province", "an *American* city"."""
    return [m for c in unit.children if c.dep_ in ("amod", "compound") and c.i < unit.i
            for m in [ms.at(c) or ms.unit_states.get(c.i)] if m is not None and m.iso3 and ms.as_place(m) is m]


def _comma_described(sent: Span, ms: DocMentions) -> Iterator[Candidate]:
    """"the monument in Phnom Penh, capital of Cambodia": a place description after a comma is said of the
    place right before the comma, whatever the parser hung it on."""
    doc = sent.doc
    for a in sent:
        if a.dep_ != "appos" or a.lemma_.lower() not in PLACE_NOUNS or a.i in ms.by_token:
            continue
        first = min(t.i for t in a.subtree)
        before = ms.by_token.get(first - 2) if first - 2 >= sent.start and doc[first - 1].text == "," else None
        if before is None or before.type not in PLACE_LABELS or ms.by_token.get(a.head.i) is before:
            continue  # (the description hung on its place is :func:`_appos_place`'s)
        yield from _appos_place(a, ms.as_place(before), ms)


def _unnamed_described(sent: Span, ms: DocMentions) -> Iterator[Candidate]:
    """"Westmere is a hamlet in the town of Guilderland": a proper noun the NER missed, said to be a place."""
    for tok in sent:
        if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or tok.i in ms.by_token or tok.head.lemma_ not in _COPULAS:
            continue
        attrs = [_partitive_head(c) for c in tok.head.children if c.dep_ == "attr"]
        if not any(a.lemma_.lower() in PLACE_NOUNS for a in attrs):
            continue
        first = min([tok.i, *(c.i for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN")])
        span = sent.doc[first:tok.i + 1]
        start = span.start_char + ms.char_offset
        place = Mention(text=span.text, start=start, end=start + len(span.text), name=span.text, type="GPE",
                        key=actor_key(span.text, None))
        yield from _described_place(tok, place, ms)


def _verb_within(verb: Token, m: Mention, ms: DocMentions) -> Iterator[Candidate]:
    """"Zabiele is a village in the district of X, *within Szczytno County*": the place phrase hung on the verb."""
    for p in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in WITHIN):
        for other in (x for o in pobjs(p) for x in named_place(o, ms) if x.type in PLACE_LABELS):
            c = located(ms, m, other, p.lower_)
            if c is not None:
                yield c


def _partitive_head(tok: Token) -> Token:
    """The noun a partitive stands for: "one *of* Tanzania's 31 administrative *regions*"."""
    if tok.lower_ == "one":
        return next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p)), tok)
    return tok


def _as_place_named(m: Mention) -> Mention:
    """``m`` typed as the place the text says it is ("*Groom* is located in ..." tagged as a person)."""
    return m if m.type in PLACE_LABELS or m.iso3 else replace(m, type="GPE")


def _place_owner(noun: Token, ms: DocMentions) -> list[Mention]:
    """The place a place noun belongs to: "*Bosnia's* capital", "the capital *of Armenia*"."""
    out = [m for c in noun.children if c.dep_ == "poss" for m in ms.actors_at(c, depth=0)]
    out += [m for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "in") for o in pobjs(p)
            for m in ms.actors_at(o)]
    return [m for m in out if m.type in PLACE_LABELS]


def _site_place(site: Token, m: Mention, ms: DocMentions) -> Iterator[Candidate]:
    for p in site.children:
        if p.dep_ == "prep" and p.lower_ in ("in", "at"):
            for other in (x for o in pobjs(p) for x in ms.actors_at(o) if x.type in PLACE_LABELS):
                c = located(ms, m, other, f"{site.lower_} {p.lower_}")
                if c is not None:
                    yield c


def _prep_place(root: Token, m: Mention, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """The place or body a mention's own prepositional phrases and modifiers put it in (see the table)."""
    for p in root.children:
        if p.dep_ != "prep":
            continue
        for o in pobjs(p):
            for other in ms.actors_at(o):
                for build in _PREP_CONSTRUCTIONS:
                    found = list(build(root, p, o, m, other, ms, lex))
                    yield from found
                    if found:
                        break
    for child in root.children:
        for dep, build_child in _CHILD_CONSTRUCTIONS:
            if child.dep_ == dep:
                yield from build_child(child, m, ms)


def _place_in_place(root: Token, p: Token, o: Token, m: Mention, other: Mention, ms: DocMentions,
                    lex: Lexicon) -> Iterator[Candidate]:
    """"the Palace of Fine Arts in San Francisco", "Trust Co. of New York": LOCATED_IN."""
    if other.type not in PLACE_LABELS or (p.lower_ == "in" and other.text in languages()):
        return  # ("Kanal-6 Television in Turkish": a language, not Turkey)
    # "the Samarqand Region of Uzbekistan": a unit "of" a place lies in it
    unit = p.lower_ == "of" and m.type in PLACE_LABELS and is_unit(root)
    if (p.lower_ in _IN_PREPS and m.type in PLACE_LABELS | {"ORG"}) or (p.lower_ == "of" and m.type == "ORG") or unit:
        c = located(ms, m, other, p.lower_)
        if c is not None:
            yield c


def _person_of_place(root: Token, p: Token, o: Token, m: Mention, other: Mention, ms: DocMentions,
                     lex: Lexicon) -> Iterator[Candidate]:
    """"President Hassan Rouhani of Iran" (the title's type), "Brian Michaud of Millinocket" (AFFILIATED_WITH)."""
    if p.lower_ not in _HOME_PREPS or m.type != "PERSON" or other.type not in PLACE_LABELS | {"NORP"}:
        return
    title = person_title(root, m, ms, lex) if p.lower_ == "of" else None
    c: Candidate | None = None
    if title is not None:
        c = make(m, other, f"{title[1]} of", lex.owner_type(title[1], title[0], other), "title_of")
    elif other.type != "NORP":
        c = make(m, ms.as_place(other), p.lower_, "AFFILIATED_WITH", "of_place")
        yield from _and_enclosing(o, m, other, ms)  # "of Bethany, Conn."
    if c is not None:
        yield c


def _person_at_body(root: Token, p: Token, o: Token, m: Mention, other: Mention, ms: DocMentions,
                    lex: Lexicon) -> Iterator[Candidate]:
    """"Wang Ziqiang at the Institute of Mechanics", "Joanna Cherry of the SNP": MEMBER_OF."""
    if p.lower_ in ("at", "of", "with") and m.type == "PERSON" and other.type == "ORG":
        c = make(m, other, p.lower_, "MEMBER_OF", "of_place")
        if c is not None:
            yield c


_PREP_CONSTRUCTIONS = (_place_in_place, _person_of_place, _person_at_body)


# Labels of a body a state may own: an organisation, or a company the NER took for a group ("Saudi Aramco").
_BODY_LABELS = frozenset({"ORG", "NORP"})


def _possessive_place(child: Token, m: Mention, ms: DocMentions, depth: int = 0) -> Iterator[Candidate]:
    """"Bosnia's Sarajevo", "Giessen's Bezirksparkasse bank": a possessive place encloses the place or org;
    with ``depth`` 1, the possessor of a description: "one of *Tanzania's* 31 administrative regions"."""
    if m.type not in PLACE_LABELS | _BODY_LABELS:
        return
    owners = ms.actors_at(child, depth=0) if depth == 0 else \
        [x for c in child.children if c.dep_ == "poss" for x in ms.actors_at(c, depth=0)]
    for other in owners:
        if other.type in PLACE_LABELS:
            found = make(m, other, "'s", "AFFILIATED_WITH", "located_in") if m.type in _BODY_LABELS and \
                other.iso3 else located(ms, m, other, "'s") if m.type != "NORP" else None
            if found is not None:
                yield found


def _based_in(child: Token, m: Mention, ms: DocMentions) -> Iterator[Candidate]:
    """"a bank based in Giessen", "NRC, headquartered in Rockville"."""
    if child.lower_ not in _BASED or m.type not in PLACE_LABELS | {"ORG"}:
        return
    for p in child.children:
        if p.dep_ == "prep" and p.lower_ in ("in", "at"):
            for other in (x for o in pobjs(p) for x in named_place(o, ms) if x.type in PLACE_LABELS):
                found = located(ms, m, other, f"{child.lower_} {p.lower_}")
                if found is not None:
                    yield found


_CHILD_CONSTRUCTIONS = (
    ("poss", _possessive_place),
    ("acl", _based_in),
    # "Lowman, a small resort town in Idaho"; "Derwinski, a Republican from Chicago"
    ("appos", lambda child, m, ms: _appos_place(child, m, ms)),
)


def _appos_place(a: Token, m: Mention, ms: DocMentions) -> Iterator[Candidate]:
    """"Lowman, a small resort town in Idaho" (LOCATED_IN Idaho), "Derwinski, a Republican from Chicago"."""
    noun = a.lemma_.lower()
    for p in a.children:
        if p.dep_ != "prep":
            continue
        for other in (x for o in pobjs(p) for x in named_place(o, ms) if x.type in PLACE_LABELS):
            c: Candidate | None = None
            if m.type in PLACE_LABELS and noun in PLACE_NOUNS and p.lower_ in ("in", "of", "near", "within"):
                c = located(ms, m, other, f"{noun} in")
            elif m.type == "PERSON" and p.lower_ in _HOME_PREPS and getattr(ms.at(a), "type", "NORP") == "NORP":
                # (a party or nationality word may head the description: "a *Republican* from Chicago")
                c = make(m, ms.as_place(other), f"{noun} {p.lower_}", "AFFILIATED_WITH", "of_place")
            if c is not None:
                yield c


def _and_enclosing(o: Token, m: Mention, place: Mention, ms: DocMentions) -> Iterator[Candidate]:
    """The larger place after a comma: a person "of Bethany, Conn." is of Connecticut too."""
    doc = o.doc
    end = o.i + 1
    while end < len(doc) and ms.by_token.get(end) is place:
        end += 1
    if end + 1 < len(doc) and doc[end].text == ",":
        nxt = ms.by_token.get(end + 1)
        if nxt is not None and nxt.type in PLACE_LABELS and doc[end + 1].dep_ != "conj":
            c = make(m, ms.as_place(nxt), "of", "AFFILIATED_WITH", "of_place")
            if c is not None:
                yield c


def person_title(root: Token, m: Mention, ms: DocMentions, lex: Lexicon) -> tuple[str, str] | None:
    """(relation type, title) of the title a person is named with: "President Hassan Rouhani",
    "Presidents Muhammadu Buhari (of Nigeria) and Patrice Talon", "Crown Prince Mohammad bin Salman"."""
    doc = root.doc
    first = root.i
    while first > 0 and ms.by_token.get(first - 1) is m:
        first -= 1
    inner: list[str] = []
    for t in doc[first:root.i]:  # the title inside the entity ("Crown Prince Mohammad bin Salman")
        if not lex.is_title_token(t.text):
            break
        inner.append(t.text)
    before: list[str] = []
    i = first - 1
    while i >= 0 and len(before) < 3 and doc[i].is_alpha and doc[i].text[:1].isupper() and i not in ms.by_token:
        before.insert(0, doc[i].text)
        i -= 1
    for cand in (inner, before):
        if not cand:
            continue
        found = lex.title(cand) or (lex.title([*cand[:-1], cand[-1][:-1]]) if cand[-1].endswith("s") else None)
        if found is not None:
            return found[0], " ".join(w.lower() for w in cand[-found[1]:])
    if root.dep_ == "conj":
        head = ms.by_token.get(root.head.i)
        if head is not None and head.type == "PERSON":
            return person_title(root.head, head, ms, lex)
    return None


