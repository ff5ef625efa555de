"""Rule-based coreference on the parse: pronouns and definite descriptions to a recent compatible actor.

"he"/"she" take the last person; "it"/"its" the last state or organisation; "they"/"their" the last group,
organisation or state; "the reclusive nation" the last state; "the Russian leader" the last person named
next to Russia; "the alliance" the last organisation. Plural descriptions ("the two countries") and anything
without a compatible antecedent in the last few sentences are left alone: no guess is better than a wrong one.

A neural resolver can replace this: pass ``resolver=`` to :func:`kg.extract.extract_triples` with any
callable that adds mentions to a :class:`~kg.extract.mentions.DocMentions` (see :data:`Resolver`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract.lexicon import lexicon
from kg.extract.mentions import DocMentions
from kg.records import Mention

#: A coreference resolver: adds mentions (pronoun or description -> actor) to a DocMentions in place.
Resolver = Callable[[DocMentions], None]

_PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
_THING_PRONOUNS = frozenset({"it", "its"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
# Head nouns of a description that stands for a state / an organisation / a person.
_STATE_NOUNS = frozenset([
    "nation", "country", "state", "regime", "government", "kingdom", "republic", "administration",
    "superpower", "neighbour", "neighbor"
])
_ORG_NOUNS = frozenset([
    "alliance", "bloc", "organisation", "organization", "agency", "union", "group", "movement"
])
_PERSON_NOUNS = frozenset([
    "leader", "president", "premier", "chancellor", "dictator", "king", "queen", "minister", "strongman",
    "monarch"
])
# Verbs whose "it" subject is usually empty ("it is one of", "it seems"): never resolved.
_PLEONASTIC_HEADS = frozenset({"be", "seem", "appear", "take", "happen", "remain", "become", "mean", "rain"})
# Verbs whose "it" object is a statement or a deed ("denied it", "did it"), never resolved to an actor.
_PROPOSITION_VERBS = frozenset({"deny", "allege", "repeat", "do", "make", "want", "need", "call", "dismiss"})
#: How many sentences back an antecedent may be.
MAX_SENTENCES_BACK = 2


def _kind(m: Mention) -> str:
    if m.type == "PERSON":
        return "person"
    if m.iso3:
        return "state"
    if m.type == "GPE":
        # a city or province with no ISO code (Northamptonshire, Omsk) is no antecedent for "it" or "the country"
        return "place"
    if m.type == "ORG":
        return "org"
    return "group" if m.type == "NORP" else "place"


def resolve_rule_based(mentions: DocMentions) -> None:
    """Add a mention for every pronoun or description with a compatible antecedent (see module docstring)."""
    doc = mentions.doc
    if not mentions.ordered:
        return
    heads = mentions.heads
    sent_of = {s.start: k for k, s in enumerate(doc.sents)}
    sent_index = [0] * len(doc)
    k = -1
    for tok in doc:
        if tok.i in sent_of:
            k = sent_of[tok.i]
        sent_index[tok.i] = max(k, 0)
    history: list[tuple[int, Mention]] = []  # (sentence, mention), document order
    # a person named right after a state or demonym ("Russian President Putin") is that state's person
    person_state: dict[str, str] = {}
    for tok in doc:
        m = heads.get(tok.i)
        if m is not None:
            history.append((sent_index[tok.i], m))
            if m.type == "PERSON":
                for left in doc[max(tok.i - 6, 0):tok.i]:
                    lm = mentions.by_token.get(left.i)
                    if lm is not None and lm.iso3:
                        person_state[m.key] = lm.key
            continue
        if tok.i in mentions.by_token:
            continue
        want = _wanted(tok, mentions)
        if want is None or _topic_is_a_thing(tok, mentions):
            continue
        kinds, state_key = want
        found = _recent(history, kinds, sent_index[tok.i], state_key, person_state)
        if found is not None:
            span = doc[tok.i:tok.i + 1] if tok.pos_ == "PRON" else doc[_desc_start(tok):tok.i + 1]
            history.append((sent_index[tok.i], mentions.add_coref(span, found)))


def _wanted(tok: Token, mentions: DocMentions) -> tuple[frozenset[str], str | None] | None:
    low = tok.lower_
    if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
        if low in _PERSON_PRONOUNS:
            return frozenset({"person"}), None
        if low in _THING_PRONOUNS:
            if tok.dep_ in ("nsubj", "expl") and tok.head.lemma_ in _PLEONASTIC_HEADS:
                return None
            if tok.dep_ == "dobj" and (tok.head.lemma_ in _PROPOSITION_VERBS or
                                       getattr(lexicon().verb(tok.head.lemma_), "report", False)):
                return None  # "denied it", "alleged it": a claim, not an actor
            return frozenset({"state", "org"}), None
        if low in _PLURAL_PRONOUNS:
            return frozenset({"group", "org", "state"}), None
        return None
    if tok.pos_ != "NOUN" or tok.tag_ in ("NNS", "NNPS"):
        return None  # plural descriptions ("the two countries") name several actors: left alone
    det = [c for c in tok.children if c.dep_ == "det"]
    if not det or det[0].lower_ not in ("the", "this", "that"):
        return None
    if any(c.dep_ in ("nummod", "poss") or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children):
        return None  # "the leader of X", "Russia's government": the modifier says who, the walk finds it
    lemma = tok.lemma_.lower()
    state_key = None
    for c in tok.children:
        m = mentions.by_token.get(c.i)
        if c.dep_ in ("amod", "compound") and m is not None:
            if lemma in _STATE_NOUNS or lemma in _ORG_NOUNS:
                return None  # "the Russian government" is Russia through its modifier already
            state_key = m.key
    if lemma in _STATE_NOUNS:
        return frozenset({"state"}), None
    if lemma in _ORG_NOUNS:
        return frozenset({"org"}), None
    if lemma in _PERSON_NOUNS:
        return frozenset({"person"}), state_key
    return None


def _topic_is_a_thing(tok: Token, mentions: DocMentions) -> bool:
    """An "it" subject after a sentence whose subject was a thing, not an actor: "The visit ... It provides
    Russia with a partner" is about the visit, so no state or organisation is the antecedent."""
    if tok.lower_ != "it" or tok.dep_ != "nsubj" or tok.sent.start == 0:
        return False
    prev = tok.doc[tok.sent.start - 1].sent
    subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.pos_ == "NOUN" and subj.i not in mentions.by_token and \
        subj.lemma_.lower() not in _STATE_NOUNS | _ORG_NOUNS | _PERSON_NOUNS


def _desc_start(tok: Token) -> int:
    return min([c.i for c in tok.children if c.i < tok.i and c.dep_ in ("det", "amod", "compound")] + [tok.i])


def _recent(history: list[tuple[int, Mention]], kinds: frozenset[str], sent: int, state_key: str | None,
            person_state: dict[str, str]) -> Mention | None:
    for s, m in reversed(history):
        if sent - s > MAX_SENTENCES_BACK:
            return None
        if _kind(m) not in kinds:
            continue
        if state_key is not None and person_state.get(m.key) != state_key:
            continue
        return m
    return None
