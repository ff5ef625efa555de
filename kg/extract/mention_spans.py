"""Where a mention's span starts and ends: names the NER broke, cut short or missed.

An entity span is mended before it is resolved (:func:`repaired`: a gloss in an unclosed parenthesis, a
caption's credit, a person's given names and surname the NER left out); a person keeps the title or honorific
the text names them by (:func:`with_title`); a dateline's town and agency (:func:`dateline_places`,
:func:`dateline_agencies`) and a name right after an owner's title (:func:`titled_names`) are found where the
NER saw nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from spacy.tokens import Doc, Span, Token

from kg.actors import ACTOR_LABELS
from kg.extract.lexicon import Lexicon
from kg.records import Mention

# Honorifics kept with a name the text gives them with ("Dr. Martin Luther King Jr.", "Mrs. Higgins").
_HONORIFICS = frozenset({"dr.", "mr.", "mrs.", "ms.", "sen.", "rep.", "gov.", "gen.", "rev.", "prof.", "sgt.",
                         "col.", "lt.", "capt."})
# Words that open a picture's credit in a caption ("Keisha Lance Bottoms Image: Afdahe."): never part of a name.
_CREDIT_WORDS = frozenset({"Image", "Photo", "Picture", "Credit"})


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
    if end - start > 1 and doc[end - 1].text in _CREDIT_WORDS and end < len(doc) and doc[end].text == ":":
        end -= 1  # a caption's credit: "Keisha Lance Bottoms | Image: Afdahe."
    if ent.label_ == "PERSON":
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
