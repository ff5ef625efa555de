"""Negation and modality of a predicate: "did not join" is negated, "could" hedged, "will deliver" future.

The flags are read off the predicate's own auxiliaries and negations and those of the verbs that govern it
through open complements ("plans to visit" is future, "refused to recognise" stays the refusal's business).

>>> HEDGE_AUX >= {"could", "may", "might", "would"}
True
"""

from __future__ import annotations

from spacy.tokens import Token

HEDGE_AUX = frozenset({"could", "may", "might", "would", "should", "can"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Governing verbs that make their complement future ("plans to visit", "is set to sign", "pledged to send").
FUTURE_VERBS = frozenset([
    "plan", "intend", "aim", "prepare", "pledge", "promise", "vow", "expect", "set", "schedule", "seek",
    "want", "hope", "go", "agree", "decide", "commit"
])
# Governing verbs that make their complement uncertain ("may try to", "is likely to", "reportedly").
HEDGE_VERBS = frozenset({"consider", "weigh", "mull", "try", "attempt", "seem", "appear", "threaten",
                         "have", "need"})  # (obligations: "does not have to attack", "needs to leave")
HEDGE_ADVERBS = frozenset({"reportedly", "allegedly", "possibly", "perhaps", "maybe", "probably", "likely",
                           "apparently", "potentially"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
# Nouns of a claim whose content clause is no fact ("a report *that* ElBaradei had visited Israel").
CLAIM_NOUNS = frozenset({"report", "claim", "allegation", "accusation", "rumour", "rumor", "suggestion",
                         "speculation", "assertion", "charge", "suspicion", "insinuation"})
# Verbs whose complement clause is an allegation or a denied claim ("accused Tehran *of supplying* drones",
# "alleged that Mahan had flown arms", "denied that its forces had entered Syria").
CLAIM_VERBS = frozenset({"accuse", "allege", "claim", "deny", "refute", "dispute", "dismiss", "suspect"})
_CLAIM_DEPS = frozenset({"ccomp", "acl", "pcomp", "advcl"})
# Nouns whose "of" gerund is what happens, not what is meant to ("the act of invading", "in the process of leaving").
_FACT_NOUNS = frozenset({"act", "crime", "guilt", "history", "record", "charge", "conviction", "suspicion", "process",
                         "middle", "course"})
_CLIMB = frozenset({"xcomp", "conj"})
# Modifiers of an event noun that make it a plan, not a fact ("a *planned* trip to Warsaw", "the *proposed*
# summit"), or a possibility ("a *possible* meeting").
PLANNED_ADJECTIVES = frozenset({"planned", "proposed", "scheduled", "upcoming", "forthcoming", "intended",
                                "prospective", "future", "expected", "anticipated", "impending"})
POSSIBLE_ADJECTIVES = frozenset({"possible", "potential", "likely", "rumoured", "rumored", "alleged", "suspected"})
# Modifiers and verbs that undo an event noun ("the *cancelled* trip", "the trip, which was *called off*").
CANCEL_WORDS = frozenset({"cancelled", "canceled", "cancel", "postponed", "postpone", "scrapped", "scrap",
                          "aborted", "abort", "shelved", "shelve"})
# Verbs whose object event is yet to happen ("*arranged* a meeting", "*called for* talks", "*proposed* a summit").
ARRANGING_VERBS = frozenset({"arrange", "propose", "request", "demand", "suggest", "offer", "seek", "plan",
                             "schedule", "organise", "organize", "urge", "invite"})
# Prepositions by which an event noun is set in another ("a meeting *during* the planned trip").
_SETTING_PREPS = frozenset({"during", "at", "on"})


def _own_flags(verb: Token) -> tuple[bool, str | None]:
    negated = False
    modality: str | None = None
    for c in verb.children:
        low = c.lower_
        if c.dep_ == "neg" or (c.dep_ == "advmod" and low in NEGATIONS):
            negated = True
        elif c.dep_ in ("aux", "auxpass"):
            if low in FUTURE_AUX:
                modality = modality or "future"
            elif low in HEDGE_AUX:
                modality = "hedged"
            elif low == "going" or c.lemma_ == "go":
                modality = modality or "future"
        elif c.dep_ == "advmod" and low in HEDGE_ADVERBS:
            modality = "hedged"
    return negated, modality


def modality_of(verb: Token, *, climb: bool = True) -> tuple[bool, str]:
    """(negated, modality) for a predicate; modality is "asserted", "hedged" or "future".

    With ``climb``, governing verbs of an open complement add theirs ("will try to join" is hedged+future ->
    hedged wins), but a governing verb's negation is not copied down ("did not agree to X" is the governing
    verb's relation, handled where that relation is made).
    """
    negated, modality = _own_flags(verb)
    tok = verb
    steps = 0
    while climb and tok.dep_ in _CLIMB and steps < 3:
        head = tok.head
        if tok.dep_ == "conj":
            # "will visit X and meet Y": the shared auxiliary sits on the first conjunct
            # (a negation is not shared: "did not visit X but met Y")
            modality = modality or _own_flags(head)[1]
        else:
            m = _own_flags(head)[1]
            if head.lemma_ in HEDGE_VERBS:
                m = "hedged"
            elif head.lemma_ in FUTURE_VERBS:
                m = m or "future"
            modality = "hedged" if "hedged" in (modality, m) else (modality or m)
        tok = head
        steps += 1
    if _in_claim(tok):
        modality = "hedged"
    else:
        noun = _completed_noun(tok)
        if noun is not None:
            # "a resolution to expel US troops", "did not have intentions of leaving Poland": intended, and
            # denied with the verb that holds the noun
            modality = modality or "future"
            holder = noun.head.head if noun.dep_ == "pobj" else noun.head
            negated = negated or (holder.pos_ in ("VERB", "AUX") and _own_flags(holder)[0])
    return negated, modality or "asserted"


def _completed_noun(clause: Token) -> Token | None:
    """The noun an infinitive or an "of" gerund completes ("a plan *to invade*", "intentions *of leaving*")."""
    if clause.dep_ == "acl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children):
        return clause.head
    if clause.dep_ == "pcomp" and clause.head.lower_ == "of" and clause.head.head.pos_ == "NOUN" \
            and clause.head.head.lemma_.lower() not in _FACT_NOUNS:
        return clause.head.head
    return None


def _in_claim(clause: Token) -> bool:
    """"Iran refuted a report that ElBaradei had visited Israel", "accused Tehran of supplying drones": the
    content of a claim, an allegation or a denial is not asserted."""
    if clause.dep_ not in _CLAIM_DEPS and not (
            clause.dep_ == "relcl" and any(c.dep_ == "mark" for c in clause.children)):
        return False  # (a content clause the parser took for a relative one still has its "that" as a mark)
    head = clause.head
    if clause.dep_ == "pcomp":
        head = head.head  # "accused Tehran *of* supplying": the gerund sits under the preposition
    return (head.pos_ == "NOUN" and head.lemma_.lower() in CLAIM_NOUNS) or (
        head.pos_ == "VERB" and head.lemma_.lower() in CLAIM_VERBS)


def noun_modality(noun: Token) -> tuple[bool, str]:
    """(negated, modality) of an event noun: "a *planned* trip" is future, "a *possible* strike" hedged, "the
    trip, *which was cancelled*" negated; an event the clause arranges or one held during a planned one is
    future ("worked to *arrange* a meeting", "a meeting *during* the planned trip")."""
    negated, modality = _noun_flags(noun)
    if noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB":
        verb = noun.head
        verb_modality = modality_of(verb)[1]
        if verb.lemma_.lower() in ARRANGING_VERBS or verb.lemma_.lower() in FUTURE_VERBS:
            verb_modality = "hedged" if verb_modality == "hedged" else "future"
        if verb_modality != "asserted":
            modality = "hedged" if "hedged" in (modality, verb_modality) else (modality or verb_modality)
    elif noun.dep_ in ("nsubj", "nsubjpass") and _cancels(noun.head):
        negated = True  # "the proposed summit was called off"
    for setting in (o for p in noun.children if p.dep_ == "prep" and p.lower_ in _SETTING_PREPS
                    for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"):
        setting_negated, setting_modality = _noun_flags(setting)  # "a meeting during the planned trip"
        negated = negated or setting_negated
        modality = modality or setting_modality
    return negated, modality or "asserted"


def _noun_flags(noun: Token) -> tuple[bool, str | None]:
    """An event noun's own modifiers and the relative clause that cancels it."""
    negated, modality = False, None
    for c in noun.children:
        low = c.lower_
        if c.dep_ in ("amod", "compound", "advmod") and low in PLANNED_ADJECTIVES:
            modality = modality or "future"
        elif c.dep_ in ("amod", "compound", "advmod") and low in POSSIBLE_ADJECTIVES:
            modality = "hedged"
        elif c.dep_ in ("amod", "compound") and low in CANCEL_WORDS:
            negated = True
        elif c.dep_ in ("relcl", "acl") and _cancels(c):
            negated = True  # "the trip to Warsaw, which was cancelled"
    return negated, modality


def _cancels(verb: Token) -> bool:
    """"cancelled", "postponed", "called off"."""
    lemma = verb.lemma_.lower()
    return lemma in CANCEL_WORDS or verb.lower_ in CANCEL_WORDS or (
        lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children))
