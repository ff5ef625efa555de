"""How an entity is used in its sentence, for :class:`~kg.extract.mentions.DocMentions` to judge whether it is
an actor there: part of a title ("Defence Minister"), a heading, the source of a report ("told CNN"), a capital
named as the city itself ("the mayor of London") or as an event's setting ("talks in Minsk").
"""

from __future__ import annotations

from spacy.tokens import Span

from kg.extract.lexicon import Lexicon, lexicon

# Prepositions that make a place the setting of an event, not an actor in it ("talks *in* Beijing").
_SETTING_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "within", "throughout"})
# A line ending in one of these is prose; a line without is a headline, a caption or a list item.
_FINAL_PUNCT = frozenset('.!?:;"\'\u201d\u2019)')
# Verbs whose object is the source told ("told Wikinews", "said to CNN") and whose subject is an outlet
# reporting ("Reuters reported"); nouns of an interview or report ("in an interview with the BBC").
_TELL_VERBS = frozenset({"tell", "say", "speak", "talk", "confirm", "explain", "write", "email", "describe"})
_REPORT_VERBS = frozenset({"report", "say", "quote", "cite", "claim", "state", "publish", "broadcast", "air",
                           "interview", "reveal", "learn", "obtain", "contact", "ask", "reach"})
_SOURCE_NOUNS = frozenset({"interview", "statement", "report", "comment", "comments", "remarks", "email",
                           "conversation", "call"})
# Nouns of a city's own life and offices: a capital before or owning them is the city ("London's police").
_CITY_NOUNS = frozenset({"mayor", "mayoral", "police", "council", "city", "resident", "residents", "streets",
                         "street", "suburb", "suburbs", "district", "districts", "metro", "subway", "airport",
                         "hospital", "hospitals", "university", "marathon", "zoo", "museum", "stadium", "club",
                         "skyline", "centre", "center", "outskirts", "neighbourhood", "neighborhood", "court",
                         "prosecutor", "prosecutors", "office", "branch", "bureau", "headquarters", "station",
                         "school", "schools", "transport", "population", "lockdown", "area"})
# Nouns of a government's acts: "the decision of Moscow" is still the state's.
_STATE_ACTION_NOUNS = frozenset({"decision", "position", "stance", "policy", "support", "refusal", "demand",
                                 "demands", "response", "reaction", "approval", "consent", "role", "backing",
                                 "involvement", "influence", "pressure", "interests", "ally", "allies"})
# Share of a punctuation-less line an entity must cover to be taken for the line itself (a headline).
_HEADLINE_SHARE = 0.6


def in_title(ent: Span, lex: Lexicon) -> bool:
    """Whether an ORG/NORP span is the tail or head of a title ("Defence Minister", "Secretary of State")."""
    doc = ent.doc
    words = [t.text for t in ent]
    nxt = doc[ent.end].text if ent.end < len(doc) else None
    if nxt is not None and (lex.title([*words, nxt]) or ("", 0))[1] > 1:
        return True
    before = [t.text for t in doc[max(ent.start - 2, 0):ent.start]]
    found = lex.title([*before, *words]) if len(before) == 2 and before[1].lower() == "of" else None
    return found is not None and found[1] > len(words)


def is_headline(ent: Span) -> bool:
    """An entity that is most of a line without final punctuation, in a text of several lines."""
    # Doc.text joins every token anew on each call: cache it, or this is quadratic in the document's length.
    text = ent.doc.user_data.get("kg_text")
    if text is None:
        text = ent.doc.user_data["kg_text"] = ent.doc.text
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.start_char + len(ent.text.rstrip()))
    end = len(text) if end < 0 else end
    line = text[start:end].strip()
    if not line or line[-1] in _FINAL_PUNCT or len(line.split()) < 3 or (not text[:start].strip() and \
            not text[end:].strip()):
        return False
    return len(ent.text.strip()) >= _HEADLINE_SHARE * len(line)


def is_attribution(ent: Span) -> bool:
    """An outlet named as the source of a report: "told CNN", "according to Reuters", "Reuters reported",
    "in an interview with the BBC", "speaking to Wikinews"."""
    head = ent.root
    parent = head.head
    if head.dep_ in ("dobj", "dative") and parent.lemma_ in _TELL_VERBS:
        return True
    if head.dep_ == "nsubj" and (parent.lemma_ in _REPORT_VERBS or getattr(lexicon().verb(parent.lemma_),
                                                                         "report", False)):
        return True
    if head.dep_ == "pobj":
        grand = parent.head
        if parent.lower_ == "to" and (grand.lower_ == "according" or grand.lemma_ in _TELL_VERBS):
            return True
        if parent.lower_ in ("with", "to", "by") and grand.lemma_ in _SOURCE_NOUNS | _REPORT_VERBS:
            return True
    return False


def is_city_use(ent: Span) -> bool:
    """A capital named as the city itself, not its state's government: "the mayor of London", "the streets of
    Paris", "London's police", "in Moscow" when it is the place of an office ("Moscow city council")."""
    head = ent.root
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN") and \
            head.head.head.lemma_.lower() not in _STATE_ACTION_NOUNS:
        return True  # "the mayor of London", "the people of Moscow"
    if head.dep_ in ("poss", "compound") and head.head.lemma_.lower() in _CITY_NOUNS:
        return True  # "London's police", "the Moscow mayor"
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return nxt is not None and nxt.lower_ in _CITY_NOUNS and nxt.dep_ != "poss"


def is_setting(ent: Span) -> bool:
    """A seat of power named as where something happens ("in Minsk", "Minsk, Belarus"), not as an actor."""
    doc = ent.doc
    head = ent.root
    if head.dep_ == "pobj" and head.head.lower_ in _SETTING_PREPS:
        return True
    return ent.end + 1 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].ent_type_ in ("GPE", "LOC")

