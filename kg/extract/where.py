"""Where an event happened, when the sentence says it: "strikes *in Idlib*", "talks *in Geneva*".

:func:`sentence_places` finds the places a sentence puts something in (a place named after "in", "at",
"near", "outside"; through a place noun: "in the Syrian city of Aleppo", "in Idlib province") with the
token each hangs from; :func:`sentence_visits` the destinations of visits ("a trip *to Warsaw*");
:func:`sentence_targets` the places an act hits or enters ("shelled *Kabul*", "moving *into* Northern Syria").
:mod:`kg.extract.locative` picks an event's own place among them: never a place of another clause, never a
place that only says where an actor is ("Iran's embassy *in London*", "US troops *in Syria*"), never one of
the relation's two ends, and never every town of the article (places named elsewhere are not looked at).

A place is named canonically (a seat of power as the city: "Cairo", not Egypt) with its country's ISO
code: the state itself, the state of a seat of power, the state after a comma ("Idlib, Syria") or before
the place noun ("the Syrian city of Idlib"), else the country ``kg/data/places.jsonl`` knows for the name
("Atlanta": USA); else the code is ``None``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from kg.extract.mentions import DocMentions
from kg.ontology import DATA_DIR
from kg.records import Mention

# Entity labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Prepositions that put an event somewhere ("talks *in* Geneva", "a blast *near* Kabul").
LOCATION_PREPS = frozenset({"in", "at", "near", "outside", "inside", "off"})
# Nouns a place name hangs from ("the city *of* Aleppo", "Idlib *province*").
PLACE_NOUNS = frozenset([
    "city", "town", "village", "capital", "suburb", "province", "state", "region", "district", "county",
    "area", "port", "island", "neighborhood", "neighbourhood", "municipality", "governorate", "oblast",
    "prefecture", "territory", "enclave", "strip", "peninsula", "border", "coast", "outskirts", "centre",
    "center", "north", "south", "east", "west", "part", "parts", "heart", "countryside",
    # sites named by their town ("at a Baghdad airport", "in a Kabul hospital")
    "airport", "base", "airbase", "prison", "hospital", "stadium", "square", "mosque", "church", "hotel",
])
# Last words of names the NER takes for places that are events or documents ("at the Camp David *Accords*").
_NOT_PLACE_HEADS = frozenset({"accords", "accord", "agreement", "treaty", "conference", "summit", "talks", "war",
                              "games", "olympics", "cup", "championship", "championships", "festival",
                              "convention", "act", "protocol", "declaration", "forum"})
# Prepositions of a destination or a source: a place named with it is not where the event was.
DESTINATION_PREPS = frozenset({"to", "from", "toward", "towards", "into", "for"})
# Dependents of a place noun that name the place ("Idlib province", "the city, Aleppo").
_NAME_DEPS = frozenset({"compound", "appos", "npadvmod", "nmod"})
# Dependents that say which state a place is in ("the *Syrian* city of Idlib").
_STATE_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
# Nouns and verbs of a visit, whose destination is where the visitor is ("a *trip* to Warsaw", "*visiting* Kyiv").
VISIT_NOUNS = frozenset({"visit", "trip", "tour", "stop", "stopover", "journey", "stay"})
VISIT_VERBS = frozenset({"visit", "tour"})
# Verbs of travelling, whose "to" phrase is where the traveller arrives ("Pompeo *flew* to Riyadh").
TRAVEL_VERBS = frozenset({"travel", "fly", "go", "head", "come", "journey"})
# Prepositions of an act's target ("attacks *on* Abqaiq", "moving *into* Northern Syria", "troops *to* Riyadh").
TARGET_PREPS = frozenset({"on", "onto", "into", "to"})
# Tokens from the start of a document a dateline is looked for in (a headline and a date may come first).
_DATELINE_REACH = 80


@dataclass(frozen=True, slots=True)
class Where:
    """A place an event happened in: its canonical name and its country's ISO 3166 alpha-3 code."""

    name: str
    iso3: str | None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place a sentence puts something in: the mention, the token it hangs from, its first token."""

    mention: Mention
    anchor: int
    start: int
    where: Where


def sentence_places(sent: Span, ms: DocMentions) -> list[PlaceMention]:
    """The places of a sentence named after a locative preposition, in order."""
    out: list[PlaceMention] = []
    for tok in sent:
        if tok.dep_ != "pobj" or tok.head.lower_ not in LOCATION_PREPS or tok.head.head.i == tok.head.i:
            continue
        if _after_destination(tok.head):
            continue  # "flying Trump to the Walter Reed Center in Bethesda": the destination's place
        found = place_at(tok, ms, tok.head.head.i, tok.head.i)
        if found is not None and (found.mention.type != "LOC" or found.where.iso3):
            out.append(found)  # not a region, sea or continent of no state ("in Asia", "in the Middle East")
    return out


def sentence_visits(sent: Span, ms: DocMentions) -> list[PlaceMention]:
    """The places a sentence names as a visit's destination: "a visit *to Warsaw*", "while visiting *Beijing*",
    "flew *to Riyadh*"; each hangs from the visit noun or verb."""
    out: list[PlaceMention] = []
    for tok in sent:
        visit = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "to" else tok.head
        if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in VISIT_VERBS:
            found = place_at(tok, ms, visit.i, tok.i)  # "while visiting Beijing"
        elif tok.dep_ == "pobj" and tok.head.lower_ == "to" and visit.lemma_.lower() in (
                TRAVEL_VERBS if visit.pos_ == "VERB" else VISIT_NOUNS):
            found = place_at(tok, ms, visit.i, tok.head.i)  # "during a visit to Warsaw", "flew to Riyadh"
        else:
            continue
        if found is not None:
            out.append(found)
    return out


def sentence_targets(sent: Span, ms: DocMentions) -> list[PlaceMention]:
    """The places a sentence names as the object of a verb or of "on", "into", "to": "hit *the Azores*",
    "attacks *on Abqaiq*"; each hangs from the verb or noun. Only a place named in its own right: "a *US*
    vessel", "the *Ukrainian* government" name actors, not targets."""
    out: list[PlaceMention] = []
    for tok in sent:
        if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            found = place_at(tok, ms, tok.head.i, tok.i)
        elif tok.dep_ == "pobj" and tok.head.lower_ in TARGET_PREPS and tok.head.head.i != tok.head.i:
            found = place_at(tok, ms, tok.head.head.i, tok.head.i)
        else:
            continue
        if found is not None:  # a region hit is a place too ("Hurricane Lorenzo hits the Azores")
            out.append(found)
    return out


def place_at(tok: Token, ms: DocMentions, anchor: int, start: int) -> PlaceMention | None:
    """The place the phrase headed by ``tok`` names, hanging from token ``anchor`` (``None`` for no place)."""
    found = _place_in(tok, ms)
    if found is None or found[0].start in ms.coref or found[1].pos_ == "PRON":
        return None  # "In it, Trump asks ...", "in which": a pronoun is no place named
    m, name_tok = found
    return PlaceMention(m, anchor, start, Where(ms.as_place(m).name, _country(m, name_tok, tok, ms)))


def dateline_place(ms: DocMentions) -> PlaceMention | None:
    """The town of the document's dateline, "KABUL (Reuters) -", "DAYTON, Ohio (AP) --": a place in capitals
    opening one of the first lines, before a comma or a parenthesis (only in a document's first piece)."""
    doc = ms.doc
    if ms.char_offset:
        return None
    for tok in doc[:_DATELINE_REACH]:
        if tok.i and "\n" not in doc[tok.i - 1].text_with_ws:
            continue  # a dateline opens a line
        m = ms.by_token.get(tok.i)
        if m is None or m.type not in PLACE_LABELS or not tok.is_upper or not tok.is_alpha:
            continue
        end = tok.i
        while end < len(doc) and ms.by_token.get(end) is m:
            end += 1
        if end < len(doc) and doc[end].text in (",", "("):
            name = ms.as_place(m).name
            where = Where(name.title() if name.isupper() else name, _country(m, doc[end - 1], tok, ms))
            return PlaceMention(m, tok.i, tok.i, where)
    return None


def _after_destination(prep: Token) -> bool:
    """Whether ``prep`` comes right after a destination or source of the same head ("to X (X) in Y")."""
    before = [sib for sib in prep.head.children if sib.dep_ == "prep" and sib.i < prep.i]
    return bool(before) and before[-1].lower_ in DESTINATION_PREPS


def _is_place(m: Mention | None) -> bool:
    return m is not None and m.type in PLACE_LABELS and m.text.rsplit(" ", 1)[-1].lower() not in _NOT_PLACE_HEADS


def _place_in(tok: Token, ms: DocMentions) -> tuple[Mention, Token] | None:
    """The place mention an object of "in" names: itself, or the name on its place noun."""
    m = ms.by_token.get(tok.i)
    if _is_place(m):
        assert m is not None
        return m, tok
    if tok.lemma_.lower() not in PLACE_NOUNS:
        return None
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":  # "the city of Aleppo", "the outskirts of Kabul"
            for pobj in child.children:
                found = ms.by_token.get(pobj.i)
                if pobj.dep_ == "pobj" and _is_place(found):
                    assert found is not None
                    return found, pobj
    for child in tok.children:
        found = ms.by_token.get(child.i)
        # "Idlib province"; but in "the US state of Alabama" the state before the noun is the country
        if child.dep_ in _NAME_DEPS and _is_place(found) and found is not None and not found.iso3:
            return found, child
    return None


def _country(m: Mention, name_tok: Token, phrase: Token, ms: DocMentions) -> str | None:
    """The ISO code of the state a place is in, when the mention or the phrase says it."""
    if m.iso3:
        return m.iso3  # a state, or a seat of power
    doc = name_tok.doc
    after = name_tok.i + 1
    while after < len(doc) and ms.by_token.get(after) is m:
        after += 1
    if after + 1 < len(doc) and doc[after].text == ",":
        state = ms.by_token.get(after + 1)  # "Idlib, Syria"; "Bethesda, Maryland" (a state the data knows)
        code = (state.iso3 or place_country(state.name)) if state is not None and state is not m else None
        if code:
            return code
    for child in phrase.children:
        if child.dep_ not in _STATE_DEPS:
            continue
        state = ms.by_token.get(child.i)
        if state is not None and state.iso3 and state is not m:
            return state.iso3  # "the Syrian city of Idlib"
        known = ms.unit_states.get(child.i)  # a demonym kept out of the actors ("the Polish city of Gdansk")
        if state is None and known is not None:
            return known.iso3
    name = ms.as_place(m).name
    return place_country(name) or _country_in_name(name, ms)


def _country_in_name(name: str, ms: DocMentions) -> str | None:
    """The country a place's own name holds: "Northern Syria", "Baghdad International Airport" (a state or a
    town of ``places.jsonl`` among its words; none when two disagree)."""
    words = name.removeprefix("the ").split()
    if len(words) < 2:
        return None
    codes = set()
    for k in range(len(words)):
        for n in range(len(words) - k, 0, -1):
            part = " ".join(words[k:k + n])
            if part == name:
                continue
            state = ms.actors.gaz.lookup(part)
            code = state.iso3 if state is not None and state.iso3 else place_country(part)
            if code:
                codes.add(code)
                break
    return codes.pop() if len(codes) == 1 else None


@cache
def _places() -> tuple[dict[str, str], frozenset[str]]:
    """``kg/data/places.jsonl`` read once: each place's country, and the names that are a state's subdivision."""
    rows = [json.loads(line) for line in (DATA_DIR / "places.jsonl").read_text("utf-8").splitlines() if line]
    return ({r["name"].lower(): r["iso3"] for r in rows},
            frozenset(r["name"].lower() for r in rows if r.get("kind") == "subdivision"))


def is_subdivision(name: str) -> bool:
    """Whether ``name`` is a first-level unit of a state in ``kg/data/places.jsonl`` (a US state): "Florida"."""
    return name.lower().removeprefix("the ") in _places()[1]


def place_country(name: str) -> str | None:
    """The country of a place that is no state, from ``kg/data/places.jsonl`` (US states, cities of 50,000
    people or more whose name is no other country's): "Atlanta" -> "USA"; ``None`` when unknown or shared."""
    return _places()[0].get(name.lower().removeprefix("the "))
