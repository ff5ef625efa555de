"""Titles and places: "Russian President Vladimir Putin" is LEADER_OF Russia; "Bethany, Conn." is LOCATED_IN.

* A title before a name, owned by the actor before it: "Russian President Vladimir Putin" (LEADER_OF),
  "Chinese Foreign Minister Wang Yi" (MEMBER_OF), "Russian opposition leader Alexei Navalny"
  (AFFILIATED_WITH), "Russia's President Putin", "NATO Secretary General Jens Stoltenberg", "the Chinese
  company Huawei". The title words come from ``lexicon_titles.jsonl``, longest match first.
* Places: "the Palace of Fine Arts in San Francisco", "Bethany, Conn." (LOCATED_IN); a person "of" a place or
  "at" an organisation ("Brian Michaud of Millinocket", "Wang Ziqiang at the Institute of Mechanics").
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
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Head nouns of a place description in apposition ("Lowman, a small resort town in Idaho").
_PLACE_NOUNS = frozenset([
    "city", "town", "village", "capital", "suburb", "province", "state", "region", "district", "county",
    "area", "port", "island", "neighborhood", "neighbourhood", "municipality", "community", "resort"
])


def title_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """Title-before-name candidates of ``sent``, one per named person or organisation."""
    seen: set[int] = set()
    for tok in sent:
        m = ms.by_token.get(tok.i)
        if m is None or m.start in seen or m.type not in ("PERSON", "ORG") or m.start in ms.coref:
            continue
        seen.add(m.start)
        first = tok.i
        yield from _prefix_title(sent, first, m, ms, lex)


def _prefix_title(sent: Span, first: int, holder: Mention, ms: DocMentions,
                  lex: Lexicon) -> Iterator[Candidate]:
    doc = sent.doc
    words: list[Token] = []
    i = first - 1
    while i >= sent.start and len(words) < _MAX_TITLE_WORDS:
        t = doc[i]
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
    if any(w.lower_ not in _TITLE_FILLERS and not lex.is_title_word(w.text) and not w.is_title
           for w in fillers):
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


def _and_enclosing(o: Token, m: Mention, place: Mention, ms: DocMentions, prep: str) -> Iterator[Candidate]:
    """The larger place after a comma: a person "of Bethany, Conn." is of Connecticut too."""
    doc = o.doc
    end = o.i + 1
    while end < len(doc) and ms.by_token.get(end) is place:
        end += 1
    if end + 1 < len(doc) and doc[end].text == ",":
        nxt = ms.by_token.get(end + 1)
        if nxt is not None and nxt.type in _PLACE_LABELS and doc[end + 1].dep_ != "conj":
            c = make(m, nxt, prep, "AFFILIATED_WITH", "of_place")
            if c is not None:
                yield c


def org_place_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """An organisation named with its place: "the Frankfurt-based Commerzbank", "Haitian Parliament"."""
    doc = sent.doc
    for tok in sent:
        m = ms.by_token.get(tok.i)
        if m is None or m.type != "ORG" or (tok.i > sent.start and ms.by_token.get(tok.i - 1) is m):
            continue
        i = tok.i - 1
        based = False
        if i > sent.start + 1 and doc[i].lower_ == "based" and doc[i - 1].text == "-":
            i -= 2
            based = True
        place = ms.by_token.get(i) if i >= sent.start else None
        if place is None or place.type not in _PLACE_LABELS | {"NORP"} or place.key == m.key:
            continue
        rtype = "LOCATED_IN" if based or (place.type != "NORP" and not place.iso3) else "AFFILIATED_WITH"
        c = make(m, place, "based in" if based else "of", rtype, "located_in")
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
        if m.type in _PLACE_LABELS | {"ORG"} and span_end + 1 < sent.end and doc[span_end].text == ",":
            nxt = ms.by_token.get(span_end + 1)
            if nxt is not None and nxt.type in _PLACE_LABELS and not _list_item(doc, span_end + 1, sent, ms):
                c = make(m, nxt, "in", "LOCATED_IN", "located_in")
                if c is not None and not (m.iso3 and nxt.iso3):
                    yield c
        yield from _prep_place(doc[tok.i:span_end].root, m, ms)


def _list_item(doc: object, i: int, sent: Span, ms: DocMentions) -> bool:
    tok = sent.doc[i]
    if tok.dep_ == "conj" or any(c.dep_ in ("conj", "cc") for c in tok.children):
        return True
    m = ms.by_token.get(i)
    end = i
    while end < sent.end and ms.by_token.get(end) is m:
        end += 1
    return end < sent.end and sent.doc[end].lower_ in ("and", "or")


def _prep_place(root: Token, m: Mention, ms: DocMentions) -> Iterator[Candidate]:
    for p in root.children:
        if p.dep_ != "prep":
            continue
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            for other in ms.actors_at(o):
                c: Candidate | None = None
                if p.lower_ in ("in", "near", "outside") and m.type in _PLACE_LABELS | {"ORG"} \
                        and other.type in _PLACE_LABELS and not (m.iso3 and other.iso3):
                    c = make(m, other, p.lower_, "LOCATED_IN", "located_in")
                elif p.lower_ in ("of", "in") and m.type == "ORG" and other.type in _PLACE_LABELS:
                    c = make(m, other, p.lower_, "LOCATED_IN", "located_in")  # "Trust Co. of New York"
                elif p.lower_ in ("of", "from") and m.type == "PERSON" and other.type in _PLACE_LABELS:
                    c = make(m, other, p.lower_, "AFFILIATED_WITH", "of_place")
                    yield from _and_enclosing(o, m, other, ms, p.lower_)  # "of Bethany, Conn."
                elif p.lower_ in ("at", "of", "with") and m.type == "PERSON" and other.type == "ORG":
                    c = make(m, other, p.lower_, "MEMBER_OF", "of_place")
                if c is not None:
                    yield c
    # "Bosnia's Sarajevo", "Giessen's Bezirksparkasse bank": a possessive place encloses the place or org
    for poss in root.children:
        if poss.dep_ == "poss" and m.type in _PLACE_LABELS | {"ORG"}:
            for other in ms.actors_at(poss, depth=0):
                if other.type in _PLACE_LABELS and not (m.iso3 and other.iso3):
                    rtype = "AFFILIATED_WITH" if m.type == "ORG" and other.iso3 else "LOCATED_IN"
                    found = make(m, other, "'s", rtype, "located_in")
                    if found is not None:
                        yield found
    # "Lowman, a small resort town in Idaho"
    for a in root.children:
        if a.dep_ == "appos" and a.lemma_.lower() in _PLACE_NOUNS and m.type in _PLACE_LABELS:
            for p in a.children:
                if p.dep_ == "prep" and p.lower_ in ("in", "of", "near"):
                    for o in p.children:
                        for other in ms.actors_at(o) if o.dep_ == "pobj" else ():
                            c = make(m, other, f"{a.lemma_.lower()} in", "LOCATED_IN", "located_in")
                            if c is not None:
                                yield c
