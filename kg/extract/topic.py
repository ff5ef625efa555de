"""A document's topic and what its opening sentence says of it: "Urgut is a town in the Samarqand Region of
Uzbekistan", "Carl von der Esch was a Swedish Christian democratic politician".

An encyclopedia article (and many profiles) opens by saying what its first-named actor is: ``X is/was a
<noun> ...``. That actor is the document's *topic* (:func:`document_topic`); :mod:`kg.extract.coref` takes
"the <noun>" and otherwise unresolved pronouns for it. The opening sentence also states standing ties the
sentence rules miss when the NER or the parse stumble over it (a pronunciation stripped to "(;)", a name
typed as an organisation), so :func:`topic_candidates` reads them from the class noun's phrase:

* a nationality word before the noun ("a *Swedish* Christian democratic politician"): AFFILIATED_WITH the
  state, or LOCATED_IN it for a place ("a *Polish* village");
* for a place (the noun is a unit of territory: town, village, county...), each place of the "in", "within"
  and "of" phrases after the noun, and of a coordinated noun ("and the capital of Urgut District"): LOCATED_IN.

Only the first sentence of a document, only when its subject is the first actor it names.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Span, Token

from kg.extract.candidate import Candidate, make
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import DocMentions
from kg.ontology import DATA_DIR
from kg.records import Mention

#: Class nouns of a unit of territory, and other words of the topic lexicon (``kg/data/topic_nouns.jsonl``).
NOUNS_FILE = DATA_DIR / "topic_nouns.jsonl"
#: Prepositions after a place's class noun that name where it lies ("a town *in* ...", "a village *of* ...").
_WHERE_PREPS = frozenset({"in", "within", "of"})
#: Labels of the mentions a place's opening sentence may locate it in.
_PLACE_TYPES = frozenset({"GPE", "LOC"})
#: Dependencies of a nationality word on the class noun, directly or through another modifier.
_NATIONALITY_DEPS = frozenset({"amod", "nmod", "compound"})
#: How deep the walk down "in"/"of" phrases goes ("in the district of X, within Y, Z, in northern Poland").
MAX_DEPTH = 4


@dataclass(frozen=True, slots=True)
class Topic:
    """The actor a document is about, from a first sentence that says what it is, and the noun it says."""

    mention: Mention  # typed as a place (GPE) when the class noun says it is one, whatever the NER said
    noun: str | None  # lemma of the class noun ("city" of "is a city in Punjab"), when there is one
    start: int  # token index where the opening sentence ends: descriptions before it are no anaphora
    attr: Token | None  # the class noun itself


@cache
def place_nouns() -> frozenset[str]:
    """Class nouns of units of territory ("town", "village", "county"): a topic so called is a place."""
    rows = [json.loads(line) for line in NOUNS_FILE.read_text("utf-8").splitlines() if line.strip()]
    return frozenset(r["noun"] for r in rows if r["kind"] == "place")


def _subject(first: Span, ms: DocMentions) -> Mention | None:
    """The named subject of the opening sentence: its nsubj, or the name it opens with when the parse lost the
    subject in a stripped gloss ("Urgut (;) is a town")."""
    subj = next((c for c in first.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    m = ms.by_token.get(subj.i) if subj is not None else None
    if m is None:
        opening = first[1] if len(first) > 1 and first[0].lower_ == "the" else first[0]
        m = ms.by_token.get(opening.i)
        if m is None or opening.head.i != first.root.i or opening.i >= first.root.i:
            return None
    return m


def document_topic(ms: DocMentions) -> Topic | None:
    """The topic of a document whose first sentence is "<first-named actor> is/was a <noun> ..."."""
    doc = ms.doc
    first = next(iter(doc.sents), None)
    if first is None or first.start != 0 or first.root.lemma_ != "be" or not ms.ordered:
        return None
    m = _subject(first, ms)
    if m is None or m.start != min(n.start for _, n in ms.ordered) or m.start in ms.coref:
        return None  # the sentence opens with something else ("The visit of Putin was ...")
    attr = next((c for c in first.root.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    noun = attr.lemma_.lower() if attr is not None and attr.tag_ == "NN" else None
    if noun in place_nouns() and not m.iso3 and m.type != "GPE":
        m = replace(m, type="GPE")  # "Zabiele is a village": a place, though the NER took it for a person
    return Topic(m, noun, first.end, attr)


def topic_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """Standing ties of the topic that its opening sentence states (module docstring)."""
    if sent.start != 0:
        return
    topic = document_topic(ms)
    if topic is None or topic.attr is None:
        return
    m = topic.mention
    if m.iso3:
        return  # "China is North Korea's closest ally": a state has no nationality, the sentence rules read it
    place = topic.noun in place_nouns()
    for state in _nationalities(topic.attr, ms):
        c = make(m, state, "of", "LOCATED_IN" if place else "AFFILIATED_WITH", "copular")
        if c is not None:
            yield c
    if place:
        for noun in (topic.attr, *topic.attr.conjuncts):
            for where in _where(noun, ms, MAX_DEPTH):
                c = make(m, ms.as_place(where), "in", "LOCATED_IN", "located_in")
                if c is not None:
                    yield c


def _nationalities(attr: Token, ms: DocMentions) -> list[Mention]:
    """States named by nationality words before the class noun, in its own phrase ("a Swedish Christian
    democratic politician")."""
    out: list[Mention] = []
    for t in attr.subtree:
        if t.i >= attr.i:
            break
        found = ms.by_token.get(t.i)
        if found is not None and found.iso3 and found not in out and _modifies(t, attr):
            out.append(found)
    return out


def _modifies(t: Token, attr: Token) -> bool:
    """``t`` hangs on ``attr`` through modifiers alone ("Swedish Christian democratic"), no possessive
    ("North Korea's closest ally" is a relation to North Korea, not a nationality)."""
    while t.i != attr.i:
        if t.dep_ not in _NATIONALITY_DEPS:
            return False
        t = t.head
    return True


def _where(noun: Token, ms: DocMentions, depth: int) -> Iterator[Mention]:
    """The places of the "in"/"within"/"of" phrases after ``noun``, down their chains and lists."""
    if depth <= 0:
        return
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in _WHERE_PREPS or prep.i < noun.i:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for p in (pobj, *pobj.conjuncts, *[c for c in pobj.children if c.dep_ == "appos"]):
                found = ms.by_token.get(p.i)
                if found is not None and found.type in _PLACE_TYPES | {"NORP"} and (found.iso3 or
                                                                                    found.type != "NORP"):
                    yield found
                yield from _where(p, ms, depth - 1)
