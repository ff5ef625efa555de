"""Where a mention's span starts and ends: names the NER broke, cut short or missed.

An entity span is mended before it is resolved (:func:`repaired`: a gloss in an unclosed parenthesis, a
caption's credit, a person's given names and surname the NER left out); a name the NER cut in two or
mistyped is made one ORG (:func:`whole_names`: "Kataeb Hezbollah", "UC San Diego", "the University of
California, San Diego"); a field of study is no entity at all ("Neurosurgery": ``kg/data/name_words.jsonl``,
which also holds the faith and people words that never open an organisation's name, "Shia Hezbollah"). A
person keeps the title or honorific the text names them by (:func:`with_title`); a dateline's town and agency
(:func:`dateline_places`, :func:`dateline_agencies`) and a name right after an owner's title
(:func:`titled_names`) are found where the NER saw nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import cache

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.actor_words import words
from kg.actors import ACTOR_LABELS, gazetteer
from kg.extract.lexicon import Lexicon
from kg.ontology import DATA_DIR
from kg.records import Mention

# Honorifics kept with a name the text gives them with ("Dr. Martin Luther King Jr.", "Mrs. Higgins").
_HONORIFICS = frozenset({"dr.", "mr.", "mrs.", "ms.", "sen.", "rep.", "gov.", "gen.", "rev.", "prof.", "sgt.",
                         "col.", "lt.", "capt."})
# Words that open a picture's credit in a caption ("Keisha Lance Bottoms Image: Afdahe."): never part of a name.
_CREDIT_WORDS = frozenset({"Image", "Photo", "Picture", "Credit"})
# Entity labels of a word the parse compounds into an organisation's name that the NER left out or tagged
# apart ("*Kataeb* Hezbollah", NORP; "*House* Intelligence Committee", none).
_ORG_OPENERS = frozenset({"", "NORP", "ORG"})
# Labels of the city in a university campus's name: the NER takes "San Diego" of "UC San Diego" for a person too.
_CAMPUS_CITY_LABELS = frozenset({"GPE", "LOC", "PERSON"})
# Labels of the acronym opening a campus's name ("*UC* San Diego" is tagged a place, "*SUNY* Albany" nothing).
_ACRONYM_LABELS = frozenset({"", "GPE", "LOC", "ORG", "NORP", "PERSON"})
# Longest organisation span that may be an office named like a body ("City Councillor").
_TITLE_ORG_WORDS = 3
# Types of the titles a person holds (an "MP", a "Councillor"; not a "party" or a "group").
_OFFICE_TYPES = frozenset({"LEADER_OF", "MEMBER_OF"})
# Punctuation an entity span may end on that is no part of a name.
_TRAILING_PUNCT = frozenset({",", ";", ":"})
# The possessive ending as the tokenizer splits it (a sentence left unparsed has no tags to read).
_POSSESSIVE_MARKS = frozenset({"'s", "\u2019s"})  # (not a bare "'": it closes quotations too)
# Entity labels of places, whose span may swallow a possessor after a comma.
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Letters of such an acronym ("UC", "SUNY", "UMass" is no acronym of this kind).
_ACRONYM_LENGTH = range(2, 6)


@cache
def name_words() -> dict[str, frozenset[str]]:
    """``kg/data/name_words.jsonl`` read once, word -> its kinds: ``field``, a field of study or of medicine that is
    neither actor nor place whatever the NER says ("an Olympiad in *Neurosurgery*"); ``group``, a faith or
    people word before an organisation's name that is no part of it ("the *Shia* Hezbollah movement");
    ``office_prefix``, a word that only says which office a title is ("*City* Councillor"); ``unit``, a unit
    of government named by its place ("the *City* of Melbourne")."""
    rows = [json.loads(line) for line in (DATA_DIR / "name_words.jsonl").read_text("utf-8").splitlines() if line]
    kinds: dict[str, set[str]] = {}
    for r in rows:
        kinds.setdefault(r["word"], set()).add(r["kind"])  # "City" is an office prefix and a unit
    return {word: frozenset(k) for word, k in kinds.items()}


def is_field(text: str) -> bool:
    """Whether ``text`` names a field of study ("Neurosurgery", "the Physics"): no actor, no place."""
    name = text.strip().removeprefix("the ").strip()
    return "field" in name_words().get(name[:1].upper() + name[1:], frozenset())


def whole_names(ents: list[Span], lex: Lexicon) -> list[Span]:
    """The actor entities of a Doc, each :func:`repaired`, with the names the NER cut in two made whole: an
    organisation's opening words the parse compounds into its name ("Kataeb Hezbollah"), a university
    campus named by its system and city ("UC San Diego", "the University of California, San Diego"), one
    ORG each. The parts give way to the whole; in order. A field of study alone ("an Olympiad in
    *Neurosurgery*") is no actor's entity, whatever label the NER gave it."""
    out = [repaired(e, lex) for e in ents if not (len(e) == 1 and (is_field(e.text) or _event_word(e[0], lex)))
           and not _title_org(e, lex)]
    joined = filter_spans([w for w in (_whole_name(e, out, lex) for e in out) if w is not None])
    if not joined:
        return out
    taken = {i for w in joined for i in range(w.start, w.end)}
    kept = [e for e in out if not any(i in taken for i in range(e.start, e.end))]
    return sorted(kept + joined, key=lambda e: e.start)


def _title_org(ent: Span, lex: Lexicon) -> bool:
    """An office the NER took for an organisation ("he is a former *City Councillor*"): a person's title after
    words that only say which office (``office_prefix`` rows of ``name_words.jsonl``: "City", "Deputy") names
    a post, not a body; "Communist Party" or "Liberal National MP" is no such phrase."""
    if ent.label_ != "ORG" or len(ent) > _TITLE_ORG_WORDS or not all(t.is_alpha for t in ent):
        return False
    office = lex.title([ent[-1].text])
    prefixes = name_words()
    return office is not None and office[0] in _OFFICE_TYPES and \
        all("office_prefix" in prefixes.get(t.text[:1].upper() + t.text[1:].lower(), frozenset()) for t in ent[:-1])


def _event_word(tok: Token, lex: Lexicon) -> bool:
    """A plural event noun the NER took for a name at the head of a sentence ("*Protests* escalated",
    "*Strikes* hit Kyiv"): capitalised only by its place."""
    return bool(tok.is_sent_start) and tok.tag_ == "NNS" and lex.noun(tok.lemma_.lower()) is not None


def _unit_of_place(ent: Span, ents: list[Span]) -> Span | None:
    """"the City of | Melbourne", "County | of | Kent": a unit of government named by its place, one GPE
    (``unit`` rows of ``name_words.jsonl``; not "the Government of India", which stands for the state)."""
    doc = ent.doc
    words = [t for t in ent if t.lower_ not in ("the", "of")]
    if len(words) != 1 or "unit" not in name_words().get(words[0].text, frozenset()):
        return None
    after = ent.end if ent[-1].lower_ == "of" else ent.end + 1
    if after > len(doc) or (after == ent.end + 1 and (ent.end >= len(doc) or doc[ent.end].lower_ != "of")):
        return None
    place = next((e for e in ents if e.start == after and e.label_ in ("GPE", "LOC")), None)
    return Span(doc, ent.start, place.end, label="GPE") if place is not None else None


def _whole_name(ent: Span, ents: list[Span], lex: Lexicon) -> Span | None:
    if ent.label_ in ("GPE", "ORG", "FAC", "LOC"):
        unit = _unit_of_place(ent, ents)
        if unit is not None:
            return unit
    if ent.label_ == "ORG":
        return _opened_org(ent, ents, lex) or _comma_campus(ent, ents)
    if ent.label_ == "PERSON" and _org_named_person(ent):
        return Span(ent.doc, ent.start, ent.end, label="ORG")
    if ent.label_ in _CAMPUS_CITY_LABELS:
        return _acronym_campus(ent)
    return None


def _org_named_person(ent: Span) -> bool:
    """A "person" whose name ends in a known organisation's, the words before unknown: the NER's guess for an
    organisation named in a language it knows little of ("Kataeb Hezbollah denied ...")."""
    last = ent[-1]
    known = gazetteer().lookup(last.text)
    return len(ent) > 1 and known is not None and known.type == "organisation" and \
        all(_unknown(t.text) and t.text[:1].isupper() for t in ent[:-1])


def _opened_org(ent: Span, ents: list[Span], lex: Lexicon) -> Span | None:
    """An ORG span widened to the capitalised proper nouns before it that the parse compounds into the same
    name ("Kataeb | Hezbollah official"), a word or a whole entity at a time; never a known actor ("United
    Nations | Nikki Haley"), a title, a faith or people word ("Shia Hezbollah"), a person or a place, nor
    onto a bare institution (whose owner :class:`~kg.extract.mentions.DocMentions` finds: "the State
    Congress"); a possessive ("Iran's Hezbollah") or a list is no compound."""
    doc = ent.doc
    if words().is_institution(ent.text):
        return None
    sent_start = ent.sent.start if doc.has_annotation("SENT_START") else 0
    start = ent.start
    while start > sent_start:
        unit = next((e for e in ents if e.end == start), doc[start - 1:start])
        if unit.start < sent_start or unit.text in name_words() or not _unknown(unit.text) or \
                not all(_opens_org(t, lex) and unit.start <= t.head.i < ent.end for t in unit):
            break
        start = unit.start
    return Span(doc, start, ent.end, label="ORG") if start < ent.start else None


def _opens_org(tok: Token, lex: Lexicon) -> bool:
    return (tok.dep_ == "compound" and tok.tag_ == "NNP" and tok.text[:1].isupper() and tok.is_alpha
            and tok.ent_type_ in _ORG_OPENERS and not lex.is_title_word(tok.text)
            and tok.lower_ not in _HONORIFICS)


def _unknown(text: str) -> bool:
    """A word no list knows: no actor of the gazetteer, no place, no non-actor ("BBC")."""
    from kg.extract.where import place_country  # where.py needs the mentions: imported late

    return gazetteer().lookup(text) is None and place_country(text) is None and words().kind(text) is None


def _acronym_campus(ent: Span) -> Span | None:
    """A university campus, its system's acronym before its city ("UC San Diego", "SUNY Albany"): one ORG,
    whether the NER tagged the city alone or the whole a place or a person; the city must be a place the
    NER or ``kg/data/places.jsonl`` knows, and the acronym no actor or place of its own ("US Congress")."""
    doc = ent.doc
    first = doc[ent.start]
    if len(ent) > 1 and _is_acronym(first) and _is_city(ent[1:]) and first.head.i in range(ent.start + 1, ent.end):
        return Span(doc, ent.start, ent.end, label="ORG")  # "UC San Diego" tagged a place
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and _is_acronym(before) and _is_city(ent) and \
            (ent.start <= before.head.i < ent.end or (ent.root.dep_ == "compound" and before.head == ent.root.head)):
        # "UC | San Diego", or both before one noun ("UC San Diego researchers")
        return Span(doc, before.i, ent.end, label="ORG")
    return None


def _is_acronym(tok: Token) -> bool:
    return (tok.dep_ == "compound" and tok.is_alpha and tok.is_upper and len(tok.text) in _ACRONYM_LENGTH
            and tok.ent_type_ in _ACRONYM_LABELS and _unknown(tok.text))


def _is_city(span: Span) -> bool:
    """A place that is no state: tagged one, or (tagged a person) a place the places list knows."""
    from kg.extract.where import is_subdivision, place_country

    known = gazetteer().lookup(span.text)
    if (known is not None and known.iso3) or is_subdivision(span.text):
        return False
    return span.label_ in ("GPE", "LOC") or place_country(span.text) is not None


def _comma_campus(ent: Span, ents: list[Span]) -> Span | None:
    """A state university's campus named after a comma: "the University of California, San Diego" is one
    ORG when the system is "University of <a state's subdivision>" and a city follows the comma alone (not
    "..., San Diego, California", a location of the whole)."""
    from kg.extract.where import is_subdivision

    doc = ent.doc
    words_ = [t for t in ent if t.lower_ != "the"]
    if len(words_) < 3 or words_[0].lower_ != "university" or words_[1].lower_ != "of" or \
            not is_subdivision(" ".join(t.text for t in words_[2:])):
        return None
    if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
        return None
    city = next((e for e in ents if e.start == ent.end + 1), None)
    if city is None or city.label_ not in _CAMPUS_CITY_LABELS or not _is_city(city):
        return None
    if city.end + 1 < len(doc) and doc[city.end].text == "," and doc[city.end + 1].ent_type_ in ("GPE", "LOC"):
        return None  # "the University of California, San Diego, California": where it is, not its name
    return Span(doc, ent.start, city.end, label="ORG")


def repaired(ent: Span, lex: Lexicon) -> Span:
    """An entity span mended where the NER broke a name: cut at a parenthesis it does not close ("Gujranwala
    (Punjabi" is Gujranwala, "Isabeline (Liberal" Isabeline), and a person's span widened to the capitalised
    given names before it that no entity holds ("Anatoly" of "Anatoly Borisovich Chubais") and to the
    surname after it that the parse makes the head of the name ("von der Esch")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    for i in range(start + 1, end):
        if doc[i].text == "(" and not any(t.text == ")" for t in doc[i:end]):
            end = i  # the words from an unclosed parenthesis on are a gloss, not the name
            break
    while end - start > 1 and doc[end - 1].text in _TRAILING_PUNCT:
        end -= 1  # "Kerman," the NER ends on the comma of an apposition
    if ent.label_ in _PLACE_LABELS and end < len(doc) and doc[end].lower_ in _POSSESSIVE_MARKS:
        comma = next((i for i in range(start + 1, end) if doc[i].text == ","), None)
        if comma is not None:
            end = comma  # "in Kerman, Soleimani's hometown": the possessor after the comma is no part of the town
    if end - start > 1 and doc[end - 1].text in _CREDIT_WORDS and end < len(doc) and doc[end].text == ":":
        end -= 1  # a caption's credit: "Keisha Lance Bottoms | Image: Afdahe."
    if ent.label_ == "PERSON":
        while end - start > 1 and _plural_title(doc[start], lex):
            start += 1  # "Prime Ministers | Churchill and Attlee": a title shared by a list is no part of a name
        sent_start = ent.sent.start if doc.has_annotation("SENT_START") else 0
        while start > sent_start and _given_name(doc[start - 1], lex) and doc[start - 1].dep_ == "compound" \
                and start <= doc[start - 1].head.i < end:
            start -= 1  # the parse makes it part of the name ("Afterwards Trump" it does not)
        # "Carl Gösta Björn Joachim von der | Esch": the last word the parse hangs the name on is the surname
        while end < len(doc) and end == ent.end and doc[end - 1].dep_ == "compound" and \
                doc[end - 1].head.i == end and _given_name(doc[end], lex) and not doc[end].is_sent_start:
            end += 1
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_)


def _plural_title(tok: Token, lex: Lexicon) -> bool:
    """A title in the plural ("Ministers", "Presidents"): the NER puts it in the first name of the list."""
    word = tok.text
    return word[:1].isupper() and len(word) > 3 and word.endswith("s") and lex.is_title_word(word[:-1])


def _given_name(tok: Token, lex: Lexicon) -> bool:
    """A word that may open a person's name: capitalised, a proper noun the NER left out, no title."""
    return (tok.text[:1].isupper() and tok.text[1:].islower() and tok.is_alpha and not tok.ent_type_
            and tok.tag_ == "NNP" and not lex.is_title_word(tok.text) and tok.lower_ not in _HONORIFICS)



def _line_starts(doc: Doc) -> Iterator[Token]:
    """The first token of every line (datelines open a line); one pass, no token looked up twice."""
    after_newline = True
    for tok in doc:
        if after_newline:
            yield tok
        after_newline = "\n" in tok.text_with_ws


def dateline_places(doc: Doc) -> Iterator[Span]:
    """The town in capitals at the head of a dateline, "DAYTON, Ohio (AP)": a place, whatever the NER said."""
    for tok in _line_starts(doc):
        if not tok.is_upper or not tok.is_alpha:
            continue
        end = tok.i
        while end < len(doc) and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ in ("GPE", "LOC") and \
                any(t.text == "(" for t in doc[end + 1:end + 8]):
            yield doc[tok.i:end]


def dateline_agencies(doc: Doc) -> Iterator[Span]:
    """The news agency in capitals closing a dateline, "Moscow March 5 (ITAR-TASS) --", the NER missed."""
    for tok in _line_starts(doc):
        if tok.ent_type_ not in ("GPE", "LOC", ""):
            continue
        i = tok.i
        while i < min(len(doc), tok.i + 8) and doc[i].text != "(" and (
                doc[i].ent_type_ in ("GPE", "LOC", "DATE") or doc[i].is_punct or doc[i].like_num or doc[i].is_upper):
            i += 1
        if i == tok.i or i >= len(doc) or doc[i].text != "(":
            continue
        end = i + 1
        while end < len(doc) and end <= i + 4 and (doc[end].is_upper or doc[end].text == "-"):
            end += 1
        if end > i + 1 and end < len(doc) and doc[end].text == ")" and not any(t.ent_type_ for t in doc[i + 1:end]):
            yield doc[i + 1:end]


def titled_names(doc: Doc, by_token: Mapping[int, Mention], lex: Lexicon) -> Iterator[Span]:
    """Names the NER missed right after an owner and a title: "Moroccan King *Mohammed VI*"; ``by_token`` holds
    the mentions found so far, by token index."""
    for tok in doc[1:-1]:
        if not lex.is_title_word(tok.text) or not tok.text[:1].isupper() or tok.i in by_token:
            continue
        owner = by_token.get(tok.i - 1)
        if owner is None or owner.type == "PERSON":
            continue
        end = tok.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                and end not in by_token:
            end += 1
        if end > tok.i + 1 and (end == len(doc) or end not in by_token):
            yield doc[tok.i + 1:end]


def with_title(ent: Span, lex: Lexicon) -> Span:
    """A person's span with the capitalised title the text names them by ("President Lincoln").

    Not when an owner precedes the title ("Russian President Vladimir Putin"): that title is a relation.
    """
    doc = ent.doc
    start = ent.start
    while start > 0 and doc[start - 1].text[:1].isupper() and lex.is_title_word(doc[start - 1].text) \
            and start > ent.start - 2:
        start -= 1
    if start == ent.start:
        if start > 0 and doc[start - 1].lower_ in _HONORIFICS:
            return doc[start - 1:ent.end]  # "Dr. Martin Luther King Jr."
        return ent
    before = doc[start - 1] if start > 0 else None
    if before is not None and (before.ent_type_ in ACTOR_LABELS or before.tag_ == "POS" or before.is_title
                               or before.is_upper or before.text == "-"):
        return ent  # an owner or a longer title ("Spanish Prime Minister") comes first
    return doc[start:ent.end]
