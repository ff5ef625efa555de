"""The relation lexicon: verbs, event nouns and titles mapped to relation types (``kg/data/lexicon_*.jsonl``).

Verb rows may narrow by particle (``prt``: "pull *out*"), preposition (``prep``: "impose ... *on*") or object
noun (``noun``: "cut *ties*"), and carry flags that steer the clause rules:

* ``light``: the object's event noun decides the type ("launched *air strikes* on Yemen" is ASSAULT);
* ``patient``: with ``light``, the subject suffers the event ("Russia *faces* sanctions from the West");
* ``report``: a verb of saying; its reported clause is extracted, never "X SAY Y";
* ``control: through``: the complement clause's event counts ("plans to visit"), as future;
* ``object_control``: the object does the complement's event ("urged Pyongyang to return");
* ``recip``: conjoined subjects relate to each other ("Putin and Xi met");
* ``reverse``: the prepositional object is the actor ("received aid *from* Japan").

>>> lexicon().verb("impose", prep="on").type
'SANCTION'
>>> lexicon().noun("sanctions").type
'SANCTION'
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


@dataclass(frozen=True, slots=True)
class NounEntry:
    lemma: str
    type: str
    intensity: float | None = None
    recip: bool = False
    relational: bool = False


class Lexicon:
    """Lookups over the three lexicon files; built once (see :func:`lexicon`)."""

    def __init__(self, verbs: Sequence[dict[str, Any]], nouns: Sequence[dict[str, Any]],
                 titles: Sequence[dict[str, Any]]) -> None:
        self._verbs: dict[tuple[str, str | None, str | None, str | None], VerbEntry] = {}
        for row in verbs:
            e = VerbEntry(**row)
            _check(e.type)
            self._verbs[(e.lemma, e.prt, e.prep, e.noun)] = e
        self._nouns: dict[str, NounEntry] = {}
        for row in nouns:
            n = NounEntry(**row)
            _check(n.type)
            self._nouns[n.lemma] = n
        self._titles: dict[tuple[str, ...], str] = {}
        for row in titles:
            _check(row["type"])
            self._titles[tuple(row["words"].lower().split())] = row["type"]
        self._title_len = max((len(k) for k in self._titles), default=1)

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

    def noun(self, lemma: str) -> NounEntry | None:
        return self._nouns.get(lemma.lower())

    def title(self, words: Sequence[str]) -> tuple[str, int] | None:
        """(type, length) of the longest title ending ``words`` ("Foreign Minister" -> MEMBER_OF, 2)."""
        low = [w.lower() for w in words]
        for n in range(min(self._title_len, len(low)), 0, -1):
            t = self._titles.get(tuple(low[-n:]))
            if t is not None:
                return t, n
        return None

    def is_title_word(self, word: str) -> bool:
        return (word.lower(),) in self._titles

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
    return Lexicon(_rows("verbs"), _rows("nouns"), _rows("titles"))
