"""The relation types and their classes."""

from __future__ import annotations

import pytest

from kg.extract.lexicon import lexicon
from kg.ontology import RELATION_TYPES, STANDING_TYPES, relation_info


def test_plover_types_with_quad_class_and_intensity() -> None:
    assert relation_info("ASSAULT").quad_class == 4 and relation_info("ASSAULT").intensity == -9.0
    assert relation_info("aid").class_name == "material cooperation"
    assert relation_info("REQUEST").quad_class == 3
    assert relation_info("CONSULT").class_name == "verbal cooperation"


def test_standing_and_related_are_class_zero() -> None:
    assert {"LEADER_OF", "MEMBER_OF", "AFFILIATED_WITH", "LOCATED_IN", "ALLY_OF"} == STANDING_TYPES
    assert relation_info("RELATED").class_name == "related"
    assert all(RELATION_TYPES[t].quad_class == 0 and RELATION_TYPES[t].intensity == 0 for t in STANDING_TYPES)


def test_unknown_type() -> None:
    with pytest.raises(KeyError):
        relation_info("SAY")


def test_lexicon_is_news_sized_and_uses_only_known_types() -> None:
    lex = lexicon()
    assert len(lex) > 500
    assert lex.verb("pull", prt="out", prep="of").type == "RETREAT"  # type: ignore[union-attr]
    assert lex.verb("impose", noun="sanction").type == "SANCTION"  # type: ignore[union-attr]
    assert lex.noun("invasion").type == "ASSAULT"  # type: ignore[union-attr]
    assert lex.noun("ally").relational  # type: ignore[union-attr]
    assert lex.title(["Chinese", "Foreign", "Minister"]) == ("MEMBER_OF", 2)
    assert lex.title(["Prime", "Minister"]) == ("LEADER_OF", 2)
