"""The words the HTML map needs besides the graph: the glossary of relation types and the pronouns search skips.

Both are data (``kg/data/map_glossary.jsonl``, ``kg/data/map_pronouns.jsonl``), read once per process. The
glossary follows the ontology (``docs/ontology.md``): each type's meaning and typical wording, with its class
from :mod:`kg.ontology`.

>>> glossary()[0]["type"], glossary()[0]["class_name"]
('AGREE', 'verbal cooperation')
>>> search_names(["He", "Donald Trump", "Trump", "him"])
['Donald Trump', 'Trump']
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from typing import Any

from kg.ontology import DATA_DIR, RELATION_TYPES

__all__ = ["glossary", "is_pronoun", "search_names"]

GLOSSARY_FILE = DATA_DIR / "map_glossary.jsonl"
PRONOUNS_FILE = DATA_DIR / "map_pronouns.jsonl"


def _rows(path: Any) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@functools.cache
def glossary() -> list[dict[str, str]]:
    """Every relation type of the ontology, in its order, with class, meaning and typical wording."""
    found = {row["type"]: row for row in _rows(GLOSSARY_FILE)}
    return [{"type": name, "class_name": info.class_name,
             "meaning": str(found.get(name, {}).get("meaning", "")),
             "wording": str(found.get(name, {}).get("wording", ""))}
            for name, info in RELATION_TYPES.items()]


@functools.cache
def _pronouns() -> frozenset[str]:
    return frozenset(str(row["word"]).casefold() for row in _rows(PRONOUNS_FILE))


def is_pronoun(name: str) -> bool:
    """True for "he", "They", "its": a coreference alias that must never find an actor."""
    return name.strip().casefold() in _pronouns()


def search_names(names: Iterable[str]) -> list[str]:
    """The names a search may match: every given name but the pronouns, in order, without repeats."""
    return list(dict.fromkeys(n for n in names if n and not is_pronoun(n)))
