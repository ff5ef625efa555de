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
# Longest dependency path followed up from a mention (parses of run-on text can be deep).
_MAX_DEPTH = 40


@dataclass(frozen=True, slots=True)
class Scope:
    """The tokens a relation owns, by index, each with its distance from the nearer mention."""

    depth: dict[int, int]  # token index -> steps from the nearer end of the relation
    fronted: frozenset[int]  # tokens whose modifiers count only when they come before the token
    top: int  # the lowest common ancestor of the two mentions
    object_side: frozenset[int]  # the tokens from the object (or a passive's agent) up to, not including, the top

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


def relation_scope(doc: Doc, subject: int, obj: int) -> Scope:
    """The scope of a relation between the mentions headed by tokens ``subject`` and ``obj``."""
    s_path, o_path = _path(doc[subject]), _path(doc[obj])
    on_s = {t.i for t in s_path}
    top = next((t for t in o_path if t.i in on_s), o_path[-1])
    depth: dict[int, int] = {}
    fronted: set[int] = set()
    object_side: set[int] = set()
    above_clause: set[int] = set()  # tokens above a subordinate clause the object is in
    for path in (s_path, o_path):
        after_conj = after_clause = False
        for k, t in enumerate(path):
            if after_clause:
                above_clause.add(t.i)
            if t.i != top.i and (path is o_path or any(a.dep_ == "agent" for a in path[k:])):
                object_side.add(t.i)  # the patient's phrase, or the agent's ("killed by US forces in ...")
            depth[t.i] = min(depth.get(t.i, k), k)
            if after_conj:
                fronted.add(t.i)
            if t.i == top.i:
                break
            # a verb joined to the one above by "and": what hangs after the upper verb is its own
            after_conj = after_conj or (t.dep_ == "conj" and t.pos_ in CLAUSE_POS)
            after_clause = after_clause or t.dep_ in SUBORDINATE_DEPS
    for i in above_clause:
        depth.pop(i, None)
    if top.i in depth and top.pos_ not in CLAUSE_POS and top.dep_ in _SUBJECT_DEPS \
            and top.head.lemma_.lower() in OCCURRENCE_VERBS:
        # "the summit between Putin and Xi took place on Tuesday": the verb's date is the event's
        depth[top.head.i] = depth[top.i] + 1
    return Scope(depth, frozenset(fronted), top.i, frozenset(object_side))
