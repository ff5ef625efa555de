"""What a state's name or nationality word on a common noun stands for: the state, its own body, or nothing.

"Turkey attacked *Kurdish forces*", "criticised *the Chinese government*", "shot down *a Ukrainian passenger
jet*": a nationality word on the noun an event is aimed at stands for its state (metonymy: government, forces,
troops, military, authorities, officials, diplomats, an embassy or a ship of the state are the state acting or
suffering). Two kinds of head noun are no such stand-in (``kg/data/modified_heads.jsonl``):

* an *institution* that is an actor of its own: "dissolved the 42nd *Canadian Parliament*" is aimed at the
  Parliament of Canada, not at Canada (legislatures and courts keep their own names); the phrase becomes that
  body, named as :meth:`~kg.actors.DocumentActors.institution` names bare institutions;
* a *thing* that is no actor: "Tesco left *the Polish market*", "sold its *Polish branch*", "praised *Russian
  culture*": the state is no participant at all;
* a *group* of the nation that is not its state, and often against it: "*Serbian protesters* stormed the
  parliament", "*Iraqi militias* made threats", "*Syrian rebels*": unnamed, so no actor either.

:func:`phrase_actors` is :meth:`~kg.extract.mentions.DocMentions.actors_at` with these two kinds applied; the
clause rules read a verb's subjects and objects with it.
"""

from __future__ import annotations

import json
from functools import cache

from spacy.tokens import Token

from kg.actors import Actor, actor_key
from kg.extract.mentions import DocMentions
from kg.ontology import DATA_DIR
from kg.records import Mention

# Dependencies of a state's name or nationality word on the noun it modifies ("the *Canadian* Parliament").
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
# The longest head phrase of the data file, in words ("house of representatives").
_MAX_HEAD_WORDS = 3


@cache
def _heads() -> dict[str, str]:
    """Head noun (lower-case lemma, or words) -> its kind, from ``kg/data/modified_heads.jsonl``."""
    rows = (json.loads(line) for line in (DATA_DIR / "modified_heads.jsonl").read_text("utf-8").splitlines()
            if line.strip())
    return {row["lemma"]: row["kind"] for row in rows}


def head_kind(noun: Token) -> str | None:
    """The kind of a common noun a state's word may modify ("institution": "parliament", "court"; "thing":
    "market"; "group": "protesters"); ``None`` for a noun that stands for the state ("government", "forces")."""
    heads = _heads()
    return heads.get(noun.lemma_.lower()) or heads.get(noun.lower_)


def phrase_actors(tok: Token, ms: DocMentions, *, depth: int = 2) -> list[Mention]:
    """The actors the phrase headed by ``tok`` names (:meth:`DocMentions.actors_at`), where a state's word on
    an institution noun is that institution and on a thing is nobody (see the module docstring)."""
    found = ms.actors_at(tok, depth=depth)
    if not found:
        return found
    out = list(found)
    for head in (tok, *tok.conjuncts) if tok.dep_ != "conj" else (tok,):
        if head.pos_ not in ("NOUN", "PROPN") or head.i in ms.by_token:
            continue
        kind = head_kind(head)
        if kind is None:
            continue
        for mod in (c for c in head.children if c.dep_ in _MODIFIER_DEPS and c.i < head.i):
            state = ms.by_token.get(mod.i)
            if state is None or not state.iso3 or state not in out:
                continue
            body = _institution(head, mod, state, ms) if kind == "institution" else None
            out = [body if m is state else m for m in out] if body is not None else [m for m in out if m is not state]
    return out


def _institution(head: Token, mod: Token, state: Mention, ms: DocMentions) -> Mention | None:
    """The body a state's word on an institution noun names: "the 42nd Canadian Parliament" is the Parliament
    of Canada, "the United States District Court" the District Court of the United States (its mention spans
    the state's word to the head noun)."""
    doc = head.doc
    first_word = head.i
    while first_word - 1 > mod.i and doc[first_word - 1].dep_ == "compound" and doc[first_word - 1].head.i == head.i \
            and doc[first_word - 1].i not in ms.by_token:
        first_word -= 1  # "District Court", "Supreme Court"
    words = doc[first_word:head.i + 1].text
    following = doc[head.i:min(len(doc), head.i + _MAX_HEAD_WORDS)]
    if following.text.lower() in _heads():
        words = following.text  # "House of Representatives"
    words = words.title() if words.islower() else words
    actor = ms.actors.institution(words, Actor(state.name, "state", "GPE", state.iso3))
    if actor is None:
        return None
    first = doc[min(mod.left_edge.i, mod.i)]
    text = doc[first.i:head.i + 1].text
    start = first.idx + ms.char_offset
    return Mention(text=text, start=start, end=start + len(text), name=actor.name, type="ORG",
                   key=actor_key(actor.name, None))
