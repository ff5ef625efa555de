"""The relation lexicon: verbs, event nouns and titles mapped to relation types (``kg/data/lexicon_*.jsonl``).

Noun rows may narrow by preposition (``prep``): "drills *near* Taiwan" is MOBILIZE where "joint drills
*with* Japan" is COOPERATE. Verb rows may narrow by particle (``prt``: "pull *out*"), preposition (``prep``:
"impose ... *on*") or object noun (``noun``: "cut *ties*"), and carry flags that steer the clause rules:

* ``light``: the object's event noun decides the type ("launched *air strikes* on Yemen" is ASSAULT);
* ``patient``: with ``light``, the subject suffers the event ("Russia *faces* sanctions from the West");
* ``report``: a verb of saying; its reported clause is extracted, never "X SAY Y";
* ``control: through``: the complement clause's event counts ("plans to visit"), as future;
* ``object_control``: the object does the complement's event ("urged Pyongyang to return");
* ``recip``: conjoined subjects relate to each other ("Putin and Xi met");
* ``reverse``: the prepositional object is the actor ("received aid *from* Japan");
* ``state_agent``: an official act whose agent, left out of a passive, is the state where it happens
  ("the PKK is banned *in Turkey*");
* ``negated_type``: a denial of the verb is an event of its own ("would *not recognise* Kosovo" is REJECT);
* ``person_type``: the type between two persons, where the verb's sense changes ("Trump *attacked* Biden" is
  a verbal attack, ACCUSE; "Biden *defeated* Trump" an election, RELATED);
* ``party_type``: the type when the object is a political party (PLOVER codes banning a party as repression,
  COERCE: "Turkey *banned* the Kurdistan Workers' Party"; banning a foreign airline stays a SANCTION);
* ``place_type``: the type when the object is a place that is no state ("Tancredo *represented* Colorado's 6th
  district" is AFFILIATED_WITH Colorado, where representing a state or a body is MEMBER_OF it);
* ``force_type``: the type when the subject is an armed force ("US *troops* defeated ISIS" is ASSAULT, a
  team's or a candidate's victory RELATED);
* ``naming``: with an object predicate the verb names, and relates no one ("*called* him a clown", "AP
  *called* Nevada for Biden");
* ``designates``: "*named* X as a terrorist group", "*announced* Harris as his choice": the noun after "as"
  types the act (``lexicon_designations.jsonl``), even for a verb of saying;
* ``transitive``: the row holds only with a direct object ("*contributed* $100m to Ukraine" is AID,
  "contributed to AFP" is writing for it);
* ``motion``: a journey whose purpose phrase says the event at the destination ("*arrived* in Seoul for a
  visit" is CONSULT with Seoul).

Noun rows flagged ``behest`` are a request behind someone else's act ("at the *request* of Johnson, the
Queen suspended parliament": Johnson REQUEST the Queen).

>>> lexicon().verb("impose", prep="on").type
'SANCTION'
>>> lexicon().noun("sanctions").type
'SANCTION'
>>> lexicon().noun("drill").type, lexicon().noun("drill", prep="near").type
('COOPERATE', 'MOBILIZE')
>>> lexicon().title(["prime", "minister"])
('LEADER_OF', 2)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.ontology import DATA_DIR, RELATION_TYPES
from kg.records import Mention


@dataclass(frozen=True, slots=True)
class VerbEntry:
    lemma: str
    type: str | None = None
    prt: str | None = None
    prep: str | None = None
    noun: str | None = None
    light: bool = False
    patient: bool = False
    report: bool = False
    control: str | None = None
    object_control: bool = False
    recip: bool = False
    reverse: bool = False
    state_agent: bool = False
    negated_type: str | None = None
    designates: bool = False
    transitive: bool = False
    person_type: str | None = None
    party_type: str | None = None
    place_type: str | None = None
    force_type: str | None = None
    naming: bool = False
    motion: bool = False
    goods: bool = False  # a plain noun object must be goods (lexicon_goods.jsonl), else the verb is light


@dataclass(frozen=True, slots=True)
class NounEntry:
    lemma: str
    type: str
    intensity: float | None = None
    recip: bool = False
    relational: bool = False
    prep: str | None = None
    home: bool = False  # a person's home: "a native of Y", "a resident of Y" (the place itself, with its address)
    behest: bool = False


class Lexicon:
    """Lookups over the lexicon files; built once (see :func:`lexicon`)."""

    def __init__(self, verbs: Sequence[dict[str, Any]], nouns: Sequence[dict[str, Any]],
                 titles: Sequence[dict[str, Any]], designations: Sequence[dict[str, Any]] = (),
                 goods: Sequence[dict[str, Any]] = ()) -> None:
        self._verbs: dict[tuple[str, str | None, str | None, str | None], VerbEntry] = {}
        for row in verbs:
            e = VerbEntry(**row)
            _check(e.type)
            _check(e.negated_type)
            _check(e.person_type)
            _check(e.party_type)
            _check(e.place_type)
            _check(e.force_type)
            self._verbs[(e.lemma, e.prt, e.prep, e.noun)] = e
        self._nouns: dict[tuple[str, str | None], NounEntry] = {}
        self._noun_preps: dict[str, frozenset[str]] = {}
        for row in nouns:
            n = NounEntry(**row)
            _check(n.type)
            self._nouns[(n.lemma, n.prep)] = n
            if n.prep is not None:
                self._noun_preps[n.lemma] = self._noun_preps.get(n.lemma, frozenset()) | {n.prep}
        self._titles: dict[tuple[str, ...], str] = {}
        self._state_types: dict[tuple[str, ...], str] = {}  # a title's tie to a state that owns it, if another
        self._place_types: dict[tuple[str, ...], str] = {}  # its tie to a place that is no state, if another
        for row in titles:
            _check(row["type"])
            words = tuple(row["words"].lower().split())
            self._titles[words] = row["type"]
            for field, types in (("state_type", self._state_types), ("place_type", self._place_types)):
                if row.get(field):
                    _check(row[field])
                    types[words] = row[field]
        self._designations: dict[str, str] = {}
        for row in designations:
            _check(row["type"])
            self._designations[row["lemma"]] = row["type"]
        self._goods = frozenset(str(row["lemma"]) for row in goods)
        self._title_len = max((len(k) for k in self._titles), default=1)
        self._title_tokens = {w for k in self._titles for w in k}

    def verb(self, lemma: str, *, prt: str | None = None, prep: str | None = None,
             noun: str | None = None) -> VerbEntry | None:
        """The most specific entry for a verb with its particle, preposition and object noun."""
        lemma = lemma.lower()
        for key in ((lemma, prt, prep, noun), (lemma, prt, None, noun), (lemma, prt, prep, None),
                    (lemma, prt, None, None)):
            if key in self._verbs:
                return self._verbs[key]
        if prt is not None:  # an unknown particle: "ring up" falls back to "ring"
            return self.verb(lemma, prep=prep, noun=noun)
        return None

    def verb_has_prep(self, lemma: str, prep: str) -> bool:
        """Whether some entry of ``lemma`` names ``prep`` (so its object is a participant, not a setting)."""
        return any(k[0] == lemma and k[2] == prep for k in self._verbs)

    def noun(self, lemma: str, *, prep: str | None = None) -> NounEntry | None:
        """The event noun ``lemma``; with ``prep``, its entry for that preposition when there is one
        ("drill" + "near" is MOBILIZE, plain "drill" COOPERATE)."""
        low = lemma.lower()
        return (self._nouns.get((low, prep)) if prep is not None else None) or self._nouns.get((low, None))

    def noun_preps(self, lemma: str) -> frozenset[str]:
        """The prepositions that retype the event noun ``lemma``."""
        return self._noun_preps.get(lemma.lower(), frozenset())

    def title(self, words: Sequence[str]) -> tuple[str, int] | None:
        """(type, length) of the longest title ending ``words`` ("Foreign Minister" -> MEMBER_OF, 2).

        Hyphens split off as tokens are joined back ("Secretary", "-", "General" is "secretary-general");
        the length counts the words as given.
        """
        low: list[str] = []
        sizes: list[int] = []  # how many given words each joined word stands for
        for w in (w.lower() for w in words):
            if low and (w == "-" or low[-1].endswith("-")):
                low[-1] += w
                sizes[-1] += 1
            else:
                low.append(w)
                sizes.append(1)
        for n in range(min(self._title_len, len(low)), 0, -1):
            t = self._titles.get(tuple(low[-n:]))
            if t is not None:
                return t, sum(sizes[-n:])
        return None

    def owner_type(self, title: str, rtype: str, owner: Mention) -> str:
        """The type of ``title``'s tie to ``owner``: a title row's ``state_type`` when the owner is a state
        ("Speaker X of Iran" leads Iran's parliament, not Iran: MEMBER_OF), its ``place_type`` when the owner
        is a place that is no state ("Senator X of Ohio", "Ohio Senator X" represents Ohio: AFFILIATED_WITH,
        where "Ohio state senator X" sits in Ohio's own senate: MEMBER_OF), else ``rtype``.

        >>> from kg.records import Mention
        >>> ohio = Mention("Ohio", 0, 4, "Ohio", "GPE", "ohio")
        >>> lex = lexicon()
        >>> lex.owner_type("senators", "MEMBER_OF", ohio), lex.owner_type("state senator", "MEMBER_OF", ohio)
        ('AFFILIATED_WITH', 'MEMBER_OF')
        """
        words = self._title_key(tuple(title.lower().split()))
        if owner.iso3:
            found = self._state_types.get(words) or self._state_types.get(words[-1:])
            return found or rtype
        if owner.type in ("GPE", "LOC"):
            # the title's own row decides ("state senator" has no place type); an unknown longer title ("US
            # Senate candidate") falls back to its last word
            found = self._place_types.get(words) if words in self._titles else self._place_types.get(words[-1:])
            return found or rtype
        return rtype

    def _title_key(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """``words`` as a title row's key: a plural title read as its singular ("senators" of "Senators X of Y")."""
        if words and words not in self._titles and words[-1].endswith("s") \
                and (*words[:-1], words[-1][:-1]) in self._titles:
            return (*words[:-1], words[-1][:-1])
        return words

    def is_goods(self, lemma: str) -> bool:
        """Whether ``lemma`` names something one state gives or sends another (aid, weapons, troops, money), from
        ``lexicon_goods.jsonl``: "sent weapons to Syria" is AID where "gave a speech to the Duma" is no act."""
        return lemma.lower() in self._goods

    def designation(self, lemma: str) -> str | None:
        """The act of naming someone ``lemma`` ("named Hezbollah as a *terrorist* group" is SANCTION, "announced
        Harris as his *choice*" SUPPORT), from ``lexicon_designations.jsonl``."""
        return self._designations.get(lemma.lower())

    def is_title_word(self, word: str) -> bool:
        return (word.lower(),) in self._titles

    def is_title_token(self, word: str) -> bool:
        """Whether ``word`` is part of some title ("Crown" of "crown prince", "Foreign", "President")."""
        return word.lower() in self._title_tokens

    def __len__(self) -> int:
        return len(self._verbs) + len(self._nouns) + len(self._titles)


def _check(name: str | None) -> None:
    if name is not None and name not in RELATION_TYPES:
        raise ValueError(f"lexicon names unknown relation type {name!r}")


def _rows(name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(DATA_DIR.glob(f"lexicon_{name}*.jsonl")):
        rows.extend(json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip())
    return rows


@cache
def lexicon() -> Lexicon:
    """The packaged lexicon, loaded once per process (extra ``lexicon_verbs_*.jsonl`` files are merged in)."""
    return Lexicon(_rows("verbs"), _rows("nouns"), _rows("titles"), _rows("designations"), _rows("goods"))
