"""Word lists about actors, read once from ``kg/data/``: what is no actor, bare institutions, first names.

- ``non_actors.jsonl``: names the NER tags as actors that are none (kind ``disease``, ``event``, ``law``,
  ``building``, ``platform``, ``other``), news outlets (``outlet``: no actor where they are the source of a
  report, "told CNN") and the corpus's own publisher (``publisher``: "told Wikinews", never an actor); a row
  with ``first_word`` instead of ``name`` covers every name opening with that word (kind ``weather``:
  "Hurricane Lorenzo", "Typhoon Hagibis"), one with ``last_word`` every name of two words or more ending
  with it (kind ``law``: "the Alabama Human Life Protection Act");
- ``institutions.jsonl``: bare institution names ("Parliament", "the Senate") that name one body per
  country, so they need their country to be an actor at all;
- ``first_names.jsonl``: first names with the gender they tell ("f" or "m"; names given to both are left
  out), built by ``benchmarks/build_first_names.py``.

>>> words().kind("COVID-19"), words().kind("told"), words().is_institution("the Senate")
('disease', None, True)
>>> words().kind("Hurricane Lorenzo"), words().kind("Hurricane"), words().kind("Clean Air Act"), words().kind("Act")
('weather', None, 'law', None)
>>> lists = words()
>>> lists.institution_of("the senate", "United States", "USA"), lists.institution_of("Parliament", "Netherlands", "NLD")
('United States Senate', 'Parliament of the Netherlands')
>>> words().gender("Kamala Harris"), words().gender("Hillary Clinton"), words().gender("Xi Jinping")
('f', 'f', None)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.actors import normalize
from kg.ontology import DATA_DIR

#: Kinds of ``non_actors.jsonl`` that are never an actor, whatever the sentence.
NEVER_ACTORS = frozenset({"disease", "event", "law", "building", "platform", "other", "publisher", "weather"})


# States whose English name takes "the" ("the Netherlands"), besides the Republics, Islands and States.
_ARTICLE_STATES = frozenset({"United Kingdom", "Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives",
                             "United Arab Emirates", "Comoros", "Seychelles", "Vatican", "Czech Republic"})


def _rows(name: str) -> list[dict[str, Any]]:
    text = (DATA_DIR / name).read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@dataclass(frozen=True, slots=True)
class ActorWords:
    """The three lists, by normalised form (see :func:`kg.actors.normalize`)."""

    kinds: dict[str, str]
    first_words: dict[str, str]  # lower-case first word of a name -> kind ("hurricane" -> "weather")
    last_words: dict[str, str]  # lower-case last word of a name -> kind ("act" -> "law")
    institutions: dict[str, str]  # normalised -> the name as listed ("Supreme Court")
    official: dict[tuple[str, str], str]  # (normalised institution, ISO3) -> its own name ("United States Senate")
    only: dict[str, frozenset[str]]  # normalised institution -> the only states that have it ("house": USA)
    common: frozenset[str]  # bodies news names by a lower-case noun too ("parliament")
    genders: dict[str, str]  # lower-case first name -> "f" | "m"

    def kind(self, name: str) -> str | None:
        """The kind of non-actor ``name`` is ("disease", "outlet", ...), or ``None`` for anything else."""
        found = self.kinds.get(normalize(name))
        if found is None and " " in name.strip():
            words = name.split()
            found = self.first_words.get(words[0].lower()) or self.last_words.get(words[-1].lower())
        return found

    def is_never_actor(self, name: str) -> bool:
        return self.kind(name) in NEVER_ACTORS

    def is_outlet(self, name: str) -> bool:
        return self.kind(name) in ("outlet", "publisher")

    def is_common_body(self, word: str) -> bool:
        """Whether news names this body by a lower-case noun too ("suspended parliament"): ``common`` rows."""
        return word.lower() in self.common

    def is_institution(self, name: str) -> bool:
        return normalize(name) in self.institutions

    def institution(self, name: str) -> str:
        """The listed spelling of a bare institution name ("the senate" -> "Senate")."""
        return self.institutions.get(normalize(name), name)

    def own_states(self, name: str) -> frozenset[str]:
        """The only states (ISO3) that have a body of this name, for a row marked ``only`` ("House": the
        USA), else none (every state may have a "Parliament")."""
        return self.only.get(normalize(name), frozenset())

    def institution_of(self, name: str, state: str, iso3: str) -> str:
        """The name of a bare institution as the body of one state: its own name where the list has one
        ("United States Senate"), else "Parliament of the United Kingdom", "Supreme Court of Russia"."""
        norm = normalize(name)
        own = self.official.get((norm, iso3))
        if own is not None:
            return own
        article = "the " if state in _ARTICLE_STATES or state.endswith(("Republic", "Islands", "States")) else ""
        return f"{self.institutions.get(norm, name)} of {article}{state}"

    def gender(self, full_name: str) -> str | None:
        """The gender a person's first name tells, or ``None``."""
        words = full_name.split()
        return self.genders.get(words[0].lower()) if len(words) > 1 else None


@cache
def words() -> ActorWords:
    """The packaged lists, loaded once per process."""
    return ActorWords(
        kinds={normalize(r["name"]): r["kind"] for r in _rows("non_actors.jsonl") if "name" in r},
        first_words={r["first_word"].lower(): r["kind"] for r in _rows("non_actors.jsonl") if "first_word" in r},
        last_words={r["last_word"].lower(): r["kind"] for r in _rows("non_actors.jsonl") if "last_word" in r},
        institutions={normalize(r["name"]): r["name"] for r in _rows("institutions.jsonl")},
        official={(normalize(r["name"]), iso3): name for r in _rows("institutions.jsonl")
                  for iso3, name in r.get("by_state", {}).items()},
        only={normalize(r["name"]): frozenset(r["by_state"]) for r in _rows("institutions.jsonl") if r.get("only")},
        common=frozenset(r["name"].lower() for r in _rows("institutions.jsonl") if r.get("common")),
        genders={r["name"].lower(): r["gender"] for r in _rows("first_names.jsonl")})
