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
HEDGE_VERBS = frozenset({"consider", "weigh", "mull", "try", "attempt", "seem", "appear", "threaten"})
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
