"""Rule-based coreference on the parse: pronouns and definite descriptions to a recent compatible actor.

A pronoun or description resolves only to an antecedent that agrees, and only when exactly one in the last
few sentences does: "he"/"she" a person of that gender where it can be known (a title such as Mrs or Mr, a
first name of ``kg/data/first_names.jsonl``, an earlier pronoun for the same person); "it"/"its" a state or
organisation; "they"/"their" a group or organisation, not a coordination ("Russia and China") and not when a
plural noun that is no actor could be meant ("four foreign ministers"); "the reclusive nation" a state; "the
Russian leader" a person named next to Russia; "the alliance" an organisation. Plural descriptions ("the two
countries") and anything with several fitting antecedents are left alone: no guess is better than a wrong
one, and a pronoun never becomes an alias of a node (see :mod:`kg.graph.resolve`).

A document that opens by saying what its first-named actor is ("Gujranwala is a city in Punjab", "Kurt Beck
(born 1949) is a German politician"), as an encyclopedia article does, has that actor as its *topic*: "the
city" (the noun the opening sentence classes it with) is the topic wherever it stands, and a pronoun that
fits the topic but no actor of the last few sentences is the topic too ("It lies north of Lahore", "He
later moved to Mainz"); "it" may then be a place. A news report rarely opens like that, and without such a
first sentence nothing changes.

A neural resolver can replace this: pass ``resolver=`` to :func:`kg.extract.extract_triples` with any
callable that adds mentions to a :class:`~kg.extract.mentions.DocMentions` (see :data:`Resolver`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from kg.actor_words import words
from kg.extract.lexicon import lexicon
from kg.extract.mentions import DocMentions
from kg.extract.topic import Topic, document_topic
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
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
# Titles that tell a person's gender ("Mrs May", "Mr. Johnson", "Queen Elizabeth").
_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lady": "f", "lord": "m",
                 "king": "m", "queen": "f", "prince": "m", "princess": "f", "madame": "f", "mme": "f",
                 "monsieur": "m", "congresswoman": "f", "congressman": "m", "spokeswoman": "f", "spokesman": "m",
                 "chairwoman": "f", "chairman": "m", "businesswoman": "f", "businessman": "m"}
# Roles of a plural noun that may be what "they" stands for.
_ROLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"})
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
    """Add a mention for every pronoun or description with exactly one agreeing antecedent (module docstring)."""
    doc = mentions.doc
    if not mentions.ordered:
        return
    heads = mentions.heads
    sent_index = _sentence_index(doc)
    topic = document_topic(mentions)
    if topic is not None and topic.mention.type == "GPE":
        mentions.retype(topic.mention.key, "GPE")  # "Zabiele is a village": no "he" is Zabiele
    history: list[tuple[int, Mention, bool]] = []  # (sentence, mention, coordinated), document order
    # a person named right after a state or demonym ("Russian President Putin") is that state's person
    person_state: dict[str, str] = {}
    genders: dict[str, str] = {}  # person key -> "f" | "m", from the first name, a title, earlier pronouns
    for tok in doc:
        m = heads.get(tok.i)
        if m is not None:
            history.append((sent_index[tok.i], m, _coordinated(tok)))
            if m.type == "PERSON":
                _note_person(tok, m, mentions, person_state, genders)
            continue
        if tok.i in mentions.by_token:
            continue
        if topic is not None and _names_topic(tok, topic):
            history.append((sent_index[tok.i], mentions.add_coref(doc[_desc_start(tok):tok.i + 1], topic.mention),
                            False))
            continue
        want = _wanted(tok, mentions)
        if want is None or _topic_is_a_thing(tok, mentions):
            continue
        kinds, state_key = want
        gender = _PRONOUN_GENDER.get(tok.lower_)
        fits = _clause_subject(tok, mentions, genders, gender) if gender is not None else None
        fits = fits or _agreeing(history, kinds, sent_index[tok.i], state_key, person_state, genders, gender)
        if fits is not None and tok.lower_ in _PLURAL_PRONOUNS:
            fits = _with_plural_phrases(fits, doc, tok, sent_index, mentions)
        fits = _topic_fits(tok, topic, kinds, genders, gender, fits)
        if fits is None or len(fits) != 1:
            continue  # none or several fit: no guess
        found = next(iter(fits.values()))
        if gender is not None:
            genders.setdefault(found.key, gender)
        span = doc[tok.i:tok.i + 1] if tok.pos_ == "PRON" else doc[_desc_start(tok):tok.i + 1]
        history.append((sent_index[tok.i], mentions.add_coref(span, found), False))


def _names_topic(tok: Token, topic: Topic) -> bool:
    """ "The city" after a first sentence that called the topic a city (and no "of" phrase says which city)."""
    if topic.noun is None or tok.i < topic.start or tok.pos_ != "NOUN" or tok.tag_ != "NN" or \
            tok.lemma_.lower() != topic.noun:
        return False
    det = [c for c in tok.children if c.dep_ == "det"]
    if not det or det[0].lower_ not in ("the", "this"):
        return False
    return not any(c.dep_ in ("nummod", "poss", "amod", "compound") or (c.dep_ == "prep" and c.lower_ == "of")
                   for c in tok.children)


def _opens_with_it(tok: Token) -> bool:
    """ "It" opening a sentence of a document with a topic: the topic, as an article goes on about it."""
    return tok.lower_ == "it" and tok.i == tok.sent.start and tok.dep_ in ("nsubj", "nsubjpass")


def _topic_fits(tok: Token, topic: Topic | None, kinds: frozenset[str], genders: dict[str, str],
                gender: str | None, fits: dict[str, Mention] | None) -> dict[str, Mention] | None:
    """The topic, when it agrees (then "it" may be a place), for a pronoun that no recent actor fits, that
    several fit, one of them the topic, or an "It" opening a sentence; else ``fits`` as they were (``None``,
    a coordination or a plural noun "they" may mean, stays no guess)."""
    if topic is None or fits is None or (len(fits) == 1 and not _opens_with_it(tok)):
        return fits
    m = topic.mention
    kind = _kind(m)
    if tok.lower_ in _THING_PRONOUNS and kind == "place":
        kinds = kinds | {"place"}
    if kind not in kinds or (gender is not None and genders.get(m.key, gender) != gender):
        return fits
    if fits and len(fits) > 1 and m.key not in fits:
        return fits  # several others fit, the topic is not among them: no guess
    return {m.key: m}


def _clause_subject(tok: Token, mentions: DocMentions, genders: dict[str, str],
                    gender: str) -> dict[str, Mention] | None:
    """The named person subject of a clause "he" or "she" is part of, when the gender agrees: "Bolton said *he*
    would not", "Biden gave a speech in which *he* called Trump": a reader takes that subject, whoever came
    before. Not through an infinitive ("urged Putin to withdraw his troops": the object may be meant)."""
    for verb in tok.ancestors:
        if verb.dep_ == "xcomp":
            return None
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        for child in verb.children:
            m = mentions.heads.get(child.i)
            if child.dep_ == "nsubj" and child.i < tok.i and m is not None and m.start not in mentions.coref:
                agrees = _kind(m) == "person" and genders.get(m.key, gender) == gender
                return {m.key: m} if agrees else None
    return None


def _sentence_index(doc: Doc) -> list[int]:
    sent_of = {s.start: k for k, s in enumerate(doc.sents)}
    out = [0] * len(doc)
    k = -1
    for tok in doc:
        if tok.i in sent_of:
            k = sent_of[tok.i]
        out[tok.i] = max(k, 0)
    return out


def _coordinated(tok: Token) -> bool:
    """A mention in a coordination ("Russia and China"): "they" would be both, no one node."""
    return tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children)


def _note_person(tok: Token, m: Mention, mentions: DocMentions, person_state: dict[str, str],
                 genders: dict[str, str]) -> None:
    """What the text says of a named person: the state before the name, the gender of a title or first name."""
    doc = mentions.doc
    for left in doc[max(tok.i - 6, 0):tok.i]:
        lm = mentions.by_token.get(left.i)
        if lm is not None and lm.iso3:
            person_state[m.key] = lm.key
    span = doc.char_span(m.start - mentions.char_offset, m.end - mentions.char_offset, alignment_mode="expand")
    first = span[0] if span is not None and len(span) else tok
    before = doc[first.i - 1].lower_.rstrip(".") if first.i > 0 else ""
    gender = _TITLE_GENDER.get(before) or _TITLE_GENDER.get(first.lower_.rstrip(".")) or words().gender(m.name)
    if gender is not None:
        genders.setdefault(m.key, gender)


def _wanted(tok: Token, mentions: DocMentions) -> tuple[frozenset[str], str | None] | None:
    if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
        return _pronoun_wanted(tok)
    return _description_wanted(tok, mentions)


def _pronoun_wanted(tok: Token) -> tuple[frozenset[str], str | None] | None:
    low = tok.lower_
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
        return frozenset({"group", "org"}), None  # a state is "it"; several actors are no one node
    return None


def _description_wanted(tok: Token, mentions: DocMentions) -> tuple[frozenset[str], str | None] | None:
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


def _with_plural_phrases(fits: dict[str, Mention], doc: Doc, tok: Token, sent_index: list[int],
                         mentions: DocMentions) -> dict[str, Mention] | None:
    """The candidates of "they" with the plural nouns since the sentence before: one naming an actor
    ("representatives from Iran ... their government") adds it, one naming none ("four foreign ministers")
    could be meant as well, so nothing is sure (``None``)."""
    first = next((t.i for t in doc if sent_index[t.i] >= sent_index[tok.i] - 1), 0)
    out = dict(fits)
    for t in doc[first:tok.i]:
        if t.tag_ not in ("NNS", "NNPS") or t.dep_ not in _ROLE_DEPS or t.i in mentions.by_token:
            continue
        named = mentions.actors_at(t)
        if len(named) != 1:
            return None
        out.setdefault(named[0].key, named[0])
    return out


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


def _agreeing(history: list[tuple[int, Mention, bool]], kinds: frozenset[str], sent: int, state_key: str | None,
             person_state: dict[str, str], genders: dict[str, str], gender: str | None) -> dict[str, Mention] | None:
    """The actors of the last few sentences that fit in kind, number and gender, by key; ``None`` when "they"
    would be a coordination ("Russia and China ... they": both, no one node)."""
    found: dict[str, Mention] = {}
    for s, m, coordinated in reversed(history):
        if sent - s > MAX_SENTENCES_BACK:
            break
        if _kind(m) not in kinds:
            continue
        if state_key is not None and person_state.get(m.key) != state_key:
            continue
        if gender is not None and genders.get(m.key, gender) != gender:
            continue  # "she" is not Joe Biden
        if coordinated and "group" in kinds:
            return None
        found.setdefault(m.key, m)
    return found
