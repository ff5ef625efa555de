"""Reading a run of place names: an address or a list, the places a phrase names, and the LOCATED_IN of
two places (rules of :mod:`~kg.extract.places`).

* "Guilderland, Albany County, New York" is an address (each place in the next); "Malabo, Germany, Madrid,
  Barcelona, etc." and "Russia, China and Iran" are lists.
* "in the town *of Guilderland*, *Albany County*, *New York*": the places a prepositional object names.
* "born in *West Branch, Iowa*": a person's home named with its address keeps the address in its text
  (:func:`home_place`), as a reader quotes it; the node is still the town.
* the news dateline "BANGKOK, Thailand (AP) --": the agency filed from the place; the first place lies in the
  second.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from kg.extract.candidate import Candidate, make
from kg.extract.mentions import DocMentions
from kg.extract.where import is_subdivision
from kg.records import Mention

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Head nouns of a place description in apposition ("Lowman, a small resort town in Idaho").
PLACE_NOUNS = frozenset([
    "city", "town", "village", "capital", "suburb", "province", "state", "region", "district", "county",
    "area", "port", "island", "neighborhood", "neighbourhood", "municipality", "community", "resort",
    "commune", "hamlet", "canton", "settlement", "parish", "locality", "prefecture", "territory", "borough"
])
# Words after a run of comma-separated places that make it a list, not an address ("Madrid, Barcelona, etc.").
_LIST_ENDS = frozenset({"etc", "etc.", "and", "or"})
# Prepositions of a larger place a place lies in ("*within* Szczytno County", "*in* northern Poland").
WITHIN = frozenset({"in", "within"})
# Words that may stand between "in" and a larger place right after a place ("Kassala in *eastern* Sudan").
_REGION_WORDS = frozenset({
    "the", "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
    "southwestern", "north", "south", "east", "west", "upstate", "suburban", "rural", "coastal"
})
# Dependencies of a place name that only modifies the noun after it ("the *US* capital").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# Tokens that may end a dateline before the agency: a date ("Feb 2"), a comma.
_MAX_DATELINE_TOKENS = 8


def located(ms: DocMentions, inner: Mention, outer: Mention, relation: str,
             pattern: str = "located_in") -> Candidate | None:
    """``inner`` LOCATED_IN ``outer``, seats of power taken as the places they are."""
    a, b = ms.as_place(inner), ms.as_place(outer)
    if a.iso3 and b.iso3:
        return None  # two states side by side are a list ("Russia, China"), not one inside the other
    if a.iso3 and not b.iso3:
        return None  # nor is a state inside a city or a region ("Germany, Madrid" is a list)
    if is_subdivision(a.name) and is_subdivision(b.name):
        return None  # nor is a US state inside another ("Arizona, Florida, Illinois hold primaries")
    return make(a, b, relation, "LOCATED_IN", pattern)


def in_place_candidates(end: int, m: Mention, sent: Span, ms: DocMentions) -> Iterator[Candidate]:
    """"Kassala in eastern Sudan", "Oxford in central Massachusetts": a place right before "in" and a larger
    place, whatever the parser hung the "in" phrase on ("a flight to Khartoum from Kassala in eastern Sudan")."""
    doc = sent.doc
    if m.type not in PLACE_LABELS or m.iso3 or end >= sent.end or doc[end].lower_ != "in":
        return
    j = end + 1
    while j < min(sent.end, end + 3) and doc[j].lower_ in _REGION_WORDS:
        j += 1
    other = ms.by_token.get(j)
    if other is None or other.type not in PLACE_LABELS or other is m:
        return
    k = j
    while k < sent.end and ms.by_token.get(k) is other:
        k += 1
    if doc[j:k].root.dep_ not in _MODIFIER_DEPS:  # ("at Freedom Plaza in the *US* capital": the US modifies)
        c = located(ms, m, other, "in")
        if c is not None:
            yield c


def list_item(i: int, sent: Span, ms: DocMentions) -> bool:
    """Whether the place at ``i`` is the next item of a list ("Russia, China and Iran"), not a container;
    a conjunct without any "and"/"or" in its chain is the parser's reading of "Rockville, Md."."""
    tok = sent.doc[i]
    root = tok
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if any(c.dep_ == "cc" for t in (root, *root.conjuncts) for c in t.children):
        return True
    m = ms.by_token.get(i)
    end = i
    while end < sent.end and ms.by_token.get(end) is m:
        end += 1
    return end < sent.end and sent.doc[end].lower_ in ("and", "or")


def pobjs(prep: Token) -> Iterator[Token]:
    return (o for o in prep.children if o.dep_ == "pobj")


def named_place(o: Token, ms: DocMentions, depth: int = 2) -> list[Mention]:
    """The places a prepositional object names, with the larger places after its commas: "in the town *of
    Guilderland*, *Albany County*, *New York*" (a unit noun's own "of" object is its name)."""
    if o.i not in ms.by_token and o.lemma_.lower() in PLACE_NOUNS:
        o = next((oo for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for oo in pobjs(p)), o)
    first = ms.actors_at(o)
    here = ms.by_token.get(o.i)
    if here is None or comma_list(o.i, o.sent, ms):
        return first
    out = [here, *containers(o.i, o.sent, ms)]
    if any(m not in out for m in first):
        return first  # "in Madrid and Barcelona": a list the parser joined, not an address
    for p in o.children:  # "within Szczytno County, ..., *in northern Poland*"
        if p.dep_ == "prep" and depth > 0 and (p.lower_ in WITHIN or (p.lower_ == "of" and is_unit(o))):
            # (a unit's "of" place holds it: "in the Samarqand *Region of Uzbekistan*")
            out += [m for oo in pobjs(p) for m in named_place(oo, ms, depth - 1) if m not in out]
    return out


def is_unit(tok: Token) -> bool:
    """Whether a place's head word is a unit noun: the Samarqand *Region*, the Pudu *district*."""
    return tok.lemma_.lower() in PLACE_NOUNS and tok.pos_ in ("NOUN", "PROPN")


def _comma_run(i: int, sent: Span, ms: DocMentions) -> tuple[list[Mention], int]:
    """The places from the mention at ``i`` on, each after a comma ("Guilderland, Albany County, New York"),
    and the token index after the last one."""
    doc = sent.doc
    run = [ms.by_token[i]]
    end = i
    while True:
        while end < sent.end and ms.by_token.get(end) is run[-1]:
            end += 1
        nxt = ms.by_token.get(end + 1) if end + 1 < sent.end and doc[end].text == "," else None
        if nxt is None or nxt.type not in PLACE_LABELS or nxt in run:
            return run, end
        run.append(nxt)
        end += 1


def comma_list(i: int, sent: Span, ms: DocMentions) -> bool:
    """Whether the comma run of places from ``i`` is a list ("Malabo, Germany, Madrid, Barcelona, etc."),
    not an address: a state stands before its last item (a state is the end of an address), or a list word
    follows it."""
    run, end = _comma_run(i, sent, ms)
    if any(m.iso3 and ms.as_place(m) is m for m in run[:-1]):
        return True
    if parallel_names(i, sent):
        return True
    if run[-1].text.endswith("."):
        return False  # a state's abbreviation ends an address: "Jackson, Wyo., and Gunnison, Colo."
    doc = sent.doc
    nxt = end + 1 if end < sent.end and doc[end].text == "," else end
    return nxt < sent.end and doc[nxt].lower_ in _LIST_ENDS


def _names_around(i: int, sent: Span) -> list[str]:
    """The entity names joined by commas to the one at ``i``, whatever their labels, in order: the NER often
    tags some items of a list as persons ("County Galway, County *Mayo*, County Clare, County Cork")."""
    doc = sent.doc
    ents = list(sent.ents)
    starts = {e.start: e for e in ents}
    ends = {e.end: e for e in ents}
    first = next((e for e in ents if e.start <= i < e.end), None)
    if first is None:
        return []
    names = [first.text]
    left = first
    while left.start - 1 > sent.start and doc[left.start - 1].text == "," and left.start - 1 in ends:
        left = ends[left.start - 1]
        names.insert(0, left.text)
    right = first
    while right.end < sent.end and doc[right.end].text == "," and right.end + 1 in starts:
        right = starts[right.end + 1]
        names.append(right.text)
    return names


def parallel_names(i: int, sent: Span) -> bool:
    """Whether the names around a comma run are items of one kind, so a list: "County Clare, County Cork",
    "New York, New Jersey", "Orange County, Kern County" share a first or a last word; an address's levels
    do not ("Guilderland, Albany County, New York"), and "New York City, New York" names its state."""
    names = [n.split() for n in _names_around(i, sent)]
    for a, b in pairwise(names):
        if len(a) < 2 or len(b) < 2 or a[:len(b)] == b or b[:len(a)] == a:
            continue
        if a[0] == b[0] or a[-1] == b[-1]:
            return True
    return False


def containers(i: int, sent: Span, ms: DocMentions) -> list[Mention]:
    """The larger places after the place at ``i`` in an address: "Guilderland, *Albany County*, *New York*"."""
    return _comma_run(i, sent, ms)[0][1:]


def _text_label(doc: Doc, i: int) -> bool:
    """Whether "( Text )", the label of a monitored item's body, stands at ``i``."""
    return i >= 0 and i + 2 < len(doc) and doc[i].text == "(" and doc[i + 1].lower_ == "text" and doc[i + 2].text == ")"


def _after_text_label(sent: Span) -> int:
    """The first token of ``sent`` after a "( Text )" label ("( Text ) Sofia, February 15 ( BTA ) --")."""
    return sent.start + 3 if _text_label(sent.doc, sent.start) else sent.start


def dateline_candidates(sent: Span, ms: DocMentions) -> Iterator[Candidate]:
    """A news dateline, "BANGKOK, Thailand (AP) --" or "Moscow March 5 (ITAR-TASS) --", also after the "( Text )"
    label of a monitored item: the agency filed from the place; the first place lies in the second."""
    doc = sent.doc
    i = _after_text_label(sent)
    if i == sent.start and sent.start != 0 and "\n" not in doc[sent.start - 1].text_with_ws \
            and not _text_label(doc, sent.start - 3):
        return  # a dateline opens a line
    places: list[Mention] = []
    first = i
    while i < min(sent.end, first + _MAX_DATELINE_TOKENS) and doc[i].text != "(":
        m = ms.by_token.get(i)
        if m is not None and m.type in PLACE_LABELS and (not places or places[-1] is not m):
            places.append(m)
        elif m is None and not (doc[i].is_punct or doc[i].like_num or doc[i].ent_type_ == "DATE"):
            return  # prose, not a dateline
        i += 1
    if not places or i + 2 >= sent.end or doc[i].text != "(":
        return
    agency = ms.by_token.get(i + 1)
    j = i + 1
    while j < sent.end and agency is not None and ms.by_token.get(j) is agency:
        j += 1
    if agency is None or agency.type != "ORG" or j >= sent.end or doc[j].text != ")":
        return
    for p in places:
        c = located(ms, agency, p, "dateline", "dateline")
        if c is not None:
            yield c
    if len(places) >= 2:
        c = located(ms, places[0], places[1], "in")
        if c is not None:
            yield c


def home_place(ms: DocMentions, m: Mention) -> Mention:
    """The place a person lives in or comes from, as the place itself (a capital is the city, not its state:
    "born in Bratislava" is no tie to Slovakia), its text running through the larger places of its address
    ("born in West Branch, Iowa"; a list, "in Madrid, Barcelona, etc.", keeps the first name only)."""
    place = ms.as_place(m)
    if m.type not in PLACE_LABELS:
        return place
    doc = ms.doc
    i = next((t.i for t in doc if t.idx + ms.char_offset == m.start and ms.by_token.get(t.i) is m), None)
    if i is None:
        return place
    sent = doc[i].sent
    run = _comma_run(i, sent, ms)[0]
    if len(run) < 2 or comma_list(i, sent, ms):
        return place
    end = run[-1].end
    return replace(place, text=doc.text[m.start - ms.char_offset:end - ms.char_offset], end=end)
