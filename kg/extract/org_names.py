"""Organisations whose own name holds a place: "the *Royal Canadian* Air Force", "the University of *Alberta*".

The NER often takes a nationality word or a place into an organisation's name ("Norwegian Military Academy",
"Calgary City Council"), so no mention of its own stands before the name for
:func:`kg.extract.places.org_place_candidates` to read. The words inside the name still say where the body
belongs: a state (by name or nationality word, from the gazetteer) makes an AFFILIATED_WITH tie, the
ontology's "the Chinese company Huawei"; a place that is no state, and that the document names as a place
of its own elsewhere ("the province of Alberta ... the University of Alberta"), a LOCATED_IN tie.

Only capitalised words count, the longest run first, never the whole name, and no word twice. A place
stands after a preposition ("University *of* Alberta") or before more words of the name ("*Calgary* City
Council"); a name's last word alone is more often a product or a surname the NER took for a town ("Oracle
Linux", "Antoine Quirin"), and a first name opening it is a person's name mistyped ("Valeria Gazzola").

The state ties (:data:`STATE_TIES`) are on only in a document with a topic (:mod:`kg.extract.topic`: it
opens by saying what its first actor is, as an encyclopedia article does): there the standing ties are the
content, while a news report about US politics would tie every "United States ..." body it names to the
United States, ties no reader needs drawn.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from kg.actor_words import words
from kg.actors import normalize
from kg.extract.candidate import Candidate, make
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import DocMentions
from kg.extract.topic import document_topic
from kg.records import Mention

#: The rule name of the ties this module finds.
PATTERN = "located_in"
#: Entity labels of the bodies whose names are read.
BODY_LABELS = frozenset({"ORG"})
#: Labels of the mentions elsewhere in the document that make a name's word a place.
PLACE_LABELS = frozenset({"GPE", "LOC"})
#: The longest run of words inside a name tried as a place ("Warmian-Masurian Voivodeship").
MAX_WORDS = 4
#: Whether a state named inside a body's name ties the body to it: True, False, or "topic" (only in a
#: document with a topic; module docstring). On news (realdev) such ties cost precision, unannotated there
#: ("United States Postal Service"); Re-DocRED's Wikipedia gold counts them (P17 country).
STATE_TIES: bool | str = "topic"
# Prepositions before a place inside a body's name ("University of Alberta", "Party of Idaho").
_NAME_PREPS = frozenset({"of", "in", "for", "at"})
# Words that may join a place's name inside a body's name ("Bosnia and Herzegovina", "Trinidad & Tobago").
_JOINERS = frozenset({"and", "&", "-", "of", "the"})


def org_name_candidates(sent: Span, ms: DocMentions, lex: Lexicon) -> Iterator[Candidate]:
    """One candidate per place or state a body's name in ``sent`` holds (module docstring)."""
    places: dict[str, Mention] | None = None
    done: set[int] = set()
    for tok in sent:
        m = ms.by_token.get(tok.i)
        if m is None or m.type not in BODY_LABELS or m.start in done or m.start in ms.coref:
            continue
        done.add(m.start)
        end = tok.i
        while end < sent.end and ms.by_token.get(end) is m:
            end += 1
        if end - tok.i < 2:
            continue  # a one-word name holds nothing else
        if places is None:
            places = _named_places(ms)
        yield from _inner(sent.doc[tok.i:end], m, ms, places)


def _named_places(ms: DocMentions) -> dict[str, Mention]:
    """The document's places that are no state, by lookup form, as named on their own (a capital too, as
    the city it is: "in Beirut")."""
    out: dict[str, Mention] = {}
    for _, m in ms.ordered:
        if m.start in ms.coref:
            continue
        place = ms.places.get(m.start, m)
        if place.type in PLACE_LABELS and not place.iso3:
            out.setdefault(normalize(m.text), place)
    return out


def _inner(name: Span, m: Mention, ms: DocMentions, places: dict[str, Mention]) -> Iterator[Candidate]:
    """The ties of the runs of words of ``name`` that name a state or a known place, longest first."""
    doc = name.doc
    used: set[int] = set()
    for size in range(min(MAX_WORDS, len(name) - 1), 0, -1):
        for i in range(name.start, name.end - size + 1):
            run = doc[i:i + size]
            if any(t.i in used for t in run) or not _capitalised(run):
                continue
            c = _tie(run, name, m, ms, places)
            if c is not None:
                used.update(t.i for t in run)
                yield c


def _placed_in_name(run: Span, name: Span) -> bool:
    """Where a place stands in a body's name: after a preposition ("University *of* Alberta", "Party of
    Idaho") or before more words ("Calgary City Council"), never a first name ("Valeria Gazzola") or the last
    word alone ("Oracle Linux", "Antoine Quirin": a product, a surname)."""
    doc = run.doc
    before = doc[run.start - 1] if run.start > 0 else None
    if before is not None and before.lower_ in _NAME_PREPS:
        return True
    return run.end < name.end and words().gender(run.text + " x") is None


def _state_ties(ms: DocMentions) -> bool:
    if STATE_TIES == "topic":
        return document_topic(ms) is not None
    return bool(STATE_TIES)


def _capitalised(run: Span) -> bool:
    """A run that may be a name: it opens and ends with a capitalised word, inside it only joiners."""
    first, last = run[0], run[-1]
    return first.text[:1].isupper() and last.text[:1].isupper() and first.is_alpha and last.is_alpha and \
        all(t.text[:1].isupper() or t.lower_ in _JOINERS for t in run)


def _tie(run: Span, name: Span, m: Mention, ms: DocMentions, places: dict[str, Mention]) -> Candidate | None:
    start = run.start_char + ms.char_offset
    place = places.get(normalize(run.text))
    if place is not None and _placed_in_name(run, name):
        # "University of Alberta" when the text names Alberta: the body is there
        inner = Mention(text=run.text, start=start, end=start + len(run.text), name=place.name, type=place.type,
                        key=place.key, iso3=None)
        return make(m, inner, "in", "LOCATED_IN", PATTERN)
    known = ms.actors.gaz.lookup(run.text)
    if not _state_ties(ms) or known is None or not known.iso3 or ms.actors.place(run.text, "GPE") is not None:
        return None  # no place of the document's own, nor (when they count) a state by name or nationality
    # "Royal Canadian Air Force", "Parliament of Norway": a body of that state, as "the Chinese company"
    state = Mention(text=run.text, start=start, end=start + len(run.text), name=known.name, type=known.ner,
                    key=known.key, iso3=known.iso3)
    return make(m, state, "of", "AFFILIATED_WITH", PATTERN)
