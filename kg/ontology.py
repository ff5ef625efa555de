"""kg's relation types: PLOVER event types, standing relations and RELATED (see ``kg/data/ontology.json``).

Every triple's ``relation_type`` is one of :data:`RELATION_TYPES`; graph code attaches the type's
``quad_class`` (GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict, 0 standing or related), ``class_name`` and ``intensity`` (PLOVER base score,
+10 most cooperative to -10) to each edge.

>>> relation_info("assault").quad_class
4
>>> relation_info("LEADER_OF").class_name
'standing'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

#: kg's data files (gazetteer, lexicon, ontology).
DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True, slots=True)
class RelationType:
    """One relation type with its class and intensity."""

    name: str
    quad_class: int
    class_name: str
    intensity: float
    symmetric: bool = False


@cache
def _load() -> dict[str, RelationType]:
    raw: dict[str, Any] = json.loads((DATA_DIR / "ontology.json").read_text("utf-8"))
    classes = {int(k): v for k, v in raw["classes"].items()}
    out: dict[str, RelationType] = {}
    for row in raw["types"]:
        q = int(row["quad_class"])
        out[row["name"]] = RelationType(
            name=row["name"], quad_class=q, class_name=row.get("class_name", classes[q]),
            intensity=float(row["intensity"]), symmetric=bool(row.get("symmetric", False)))
    return out


#: All relation types by name, in the order of ``ontology.md``.
RELATION_TYPES: dict[str, RelationType] = _load()

#: Types that describe who someone is (class 0), not events.
STANDING_TYPES = frozenset(n for n, t in RELATION_TYPES.items() if t.quad_class == 0 and n != "RELATED")


def relation_info(name: str) -> RelationType:
    """The :class:`RelationType` called ``name`` (case-insensitive); ``KeyError`` for an unknown name."""
    try:
        return RELATION_TYPES[name.upper()]
    except KeyError:
        raise KeyError(f"unknown relation type {name!r}; known: {', '.join(RELATION_TYPES)}") from None
