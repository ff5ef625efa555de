"""The part of a sentence a relation owns: the tokens its date and its place may hang from.

A relation between two mentions owns the dependency paths from each mention up to their lowest common
ancestor (the verb of "Russia invaded Ukraine", the noun of "Putin's visit to North Korea"). A modifier
belongs to the relation when it hangs from one of those tokens; one that hangs from another clause ("Russia
invaded Ukraine, which became independent *in 1991*", "officials said *on Monday* that Russia had attacked")
does not. Two refinements:

* conjoined verbs: in "Russia invaded Ukraine *in 2022* and annexed Crimea", the annexation reaches the
  first verb through ``conj``, and a modifier after that verb belongs to the first conjunct only; one before
  it ("*In 2014*, Russia invaded and annexed Crimea") covers both (:attr:`Scope.fronted`);
* nominal relations: an event noun owns its own phrase only, and the verb above it only when that verb just
  says the event took place ("the summit between Putin and Xi *took place* on Tuesday").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

# Parts of speech of a clause's head.
CLAUSE_POS = frozenset({"VERB", "AUX"})
# Verbs that only say that an event (their subject) happened: a date or place on them is the event's.
OCCURRENCE_VERBS = frozenset({"take", "happen", "occur", "begin", "start", "end", "hold", "come", "open",
                              "close", "conclude", "resume", "continue", "erupt", "break"})
# Subject relations of a noun whose verb may pass its date to it.
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependencies that open a clause of its own below a verb ("after *overthrowing* his father", "said Russia
# had *attacked*"): what hangs from the verb above is that verb's, not the relation's.
SUBORDINATE_DEPS = frozenset({"advcl", "ccomp", "acl", "relcl", "pcomp", "csubj", "parataxis"})
# Prepositions of a group or pair of actors named in one phrase ("the leaders *of* X and Y", "talks *between*").
_GROUP_PREPS = frozenset({"of", "between", "among"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
# Dependencies along which a conjoined end reaches the other: "and"; for co-subjects of one predicate also
# an apposition on a conjunct and a modifier naming its actor ("*Israeli* and Palestinian leaders met").
_CONJ_DEPS = frozenset({"conj"})
_JOINT_DEPS = frozenset({"conj", "appos", "amod", "compound", "poss"})
# Longest dependency path followed up from a mention (parses of run-on text can be deep).
_MAX_DEPTH = 40


@dataclass(frozen=True, slots=True)
class Scope:
    """The tokens a relation owns, by index, each with its distance from the nearer mention."""

    depth: dict[int, int]  # token index -> steps from the nearer end of the relation
    fronted: frozenset[int]  # tokens whose modifiers count only when they come before the token
    top: int  # the relation's predicate: the mentions' lowest common ancestor, or the verb of conjoined ends
    agent_side: frozenset[int]  # a passive's agent phrase ("killed by US forces in Pakistan")

    def owns(self, anchor: int, modifier_start: int) -> bool:
        """Whether a modifier starting at token ``modifier_start`` and hanging from ``anchor`` is the relation's."""
        if anchor not in self.depth:
            return False
        return anchor not in self.fronted or modifier_start < anchor


def _path(tok: Token) -> list[Token]:
    """``tok`` and its heads up to the root."""
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < _MAX_DEPTH:
        out.append(out[-1].head)
    return out


def _walk(path: list[Token], top: Token, depth: dict[int, int], fronted: set[int], above: set[int]) -> None:
    """Own the tokens of one mention's path up to the top; note what lies past a conjoined or subordinate verb."""
    after_conj = after_clause = False
    for k, t in enumerate(path):
        if after_clause:
            above.add(t.i)
        depth[t.i] = min(depth.get(t.i, k), k)
        if after_conj:
            fronted.add(t.i)
        if t.i == top.i:
            return
        # a verb joined to the one above by "and": what hangs after the upper verb is its own
        after_conj = after_conj or (t.dep_ == "conj" and t.pos_ in CLAUSE_POS)
        after_clause = after_clause or t.dep_ in SUBORDINATE_DEPS


def _conjoined(a: list[Token], b: list[Token], top: Token, joint: bool) -> bool:
    """Whether one end is the top and the other reaches it through "and" only ("Cyprus and Greece met"); for
    the co-subjects of one predicate (``joint``), also through an apposition or a modifier naming a conjunct
    ("Shoukry and his counterpart, Dendias, met", "Shoukry and his *Greek* counterpart met")."""
    allowed = _JOINT_DEPS if joint else _CONJ_DEPS
    for upper, lower in ((a, b), (b, a)):
        if upper[0].i == top.i and top in lower:
            steps = lower[:lower.index(top)]
            return bool(steps) and all(t.dep_ in allowed for t in steps)
    return False


def _predicate(top: Token, depth: dict[int, int], conjoined: bool, joint: bool) -> Token:
    """The token that says what the relation is, owned with its distance: the top or a verb above it."""
    if top.i not in depth or not conjoined:
        occurs = top.pos_ not in CLAUSE_POS and top.i in depth
        return _occurrence(top, depth) if occurs else top
    cur, any_verb = top, True
    climb = _JOINT_DEPS if joint else _CONJ_DEPS
    while cur.dep_ in climb and cur.head.pos_ in _NOUN_POS and cur.head.i != cur.i:
        # "the delegations of Cyprus, Greece and Israel met": Greece and Israel share the list's verb
        depth[cur.head.i] = depth[cur.i] + 1
        cur = cur.head
    if cur.dep_ == "pobj" and cur.head.lower_ in _GROUP_PREPS and cur.head.head.pos_ in _NOUN_POS:
        # "the delegations *of* Cyprus and Greece met", "talks *between* Russia and Ukraine took place"
        any_verb = cur.head.lower_ == "of"
        depth[cur.head.head.i] = depth[cur.i] + 2
        cur = cur.head.head
    if any_verb and cur.dep_ in _SUBJECT_DEPS and cur.head.pos_ in CLAUSE_POS:
        depth[cur.head.i] = depth[cur.i] + 1  # "Cyprus and Greece met in Athens"
        return cur.head
    return _occurrence(cur, depth)


def _occurrence(noun: Token, depth: dict[int, int]) -> Token:
    """An event noun, owning the verb that says it took place (a name never: "Patrick ... ended his bid")."""
    if noun.pos_ == "NOUN" and noun.dep_ in _SUBJECT_DEPS and noun.head.lemma_.lower() in OCCURRENCE_VERBS:
        # "the summit between Putin and Xi took place on Tuesday": the verb's date is the event's
        depth[noun.head.i] = depth[noun.i] + 1
    return noun


def relation_scope(doc: Doc, subject: int, obj: int, *, joint: bool = False) -> Scope:
    """The scope of a relation between the mentions headed by tokens ``subject`` and ``obj``; ``joint`` when
    the two are co-subjects of one predicate (a reciprocal "X and Y met")."""
    s_path, o_path = _path(doc[subject]), _path(doc[obj])
    on_s = {t.i for t in s_path}
    top = next((t for t in o_path if t.i in on_s), o_path[-1])
    depth: dict[int, int] = {}
    fronted: set[int] = set()
    above: set[int] = set()  # tokens above a subordinate clause an end is in
    for path in (s_path, o_path):
        _walk(path, top, depth, fronted, above)
    for i in above:
        depth.pop(i, None)
    below_top = s_path[:s_path.index(top)] if top in s_path else s_path
    agent = next((k for k, t in enumerate(below_top) if t.dep_ == "agent"), None)
    agent_side = frozenset(t.i for t in below_top[:agent + 1]) if agent is not None else frozenset()
    predicate = _predicate(top, depth, _conjoined(s_path, o_path, top, joint), joint)
    return Scope(depth, frozenset(fronted), predicate.i, agent_side)
