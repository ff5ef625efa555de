"""Bans, typed as PLOVER codes them, on hand-built parses: banning a political party is repression (COERCE,
CAMEO 1722 "ban political parties or politicians"); banning a foreign airline, company or state's goods is a
sanction (SANCTION, as an embargo)."""

from __future__ import annotations

import pytest
from spacy.vocab import Vocab

from kg.extract.testing import facts, parsed_doc

_SVO = """
{subj} {subj} PROPN NNP nsubj 1
{verb} {lemma} VERB VBD ROOT 1
the the DET DT det {head}
{obj}
. . PUNCT . punct 1"""

# (what, subject, verb, lemma, object rows (from token 3 on), object's entity span and label, expected fact)
BANS: list[tuple[str, str, str, str, str, tuple[int, int, str], tuple[str, str, str]]] = [
    ("a party banned", "Turkey", "banned", "ban", "Kurdistan Kurdistan PROPN NNP compound 5\n"
     "Workers' Workers' PROPN NNP compound 5\nParty Party PROPN NNP dobj 1", (3, 6, "ORG"),
     ("Turkey", "COERCE", "Kurdistan Workers' Party")),
    ("a party outlawed", "Russia", "outlawed", "outlaw", "Communist Communist PROPN NNP compound 4\n"
     "Party Party PROPN NNP dobj 1", (3, 5, "ORG"), ("Russia", "COERCE", "Communist Party")),
    ("a party prohibited", "Egypt", "prohibited", "prohibit", "Freedom Freedom PROPN NNP compound 4\n"
     "Party Party PROPN NNP dobj 1", (3, 5, "ORG"), ("Egypt", "COERCE", "Freedom Party")),
    ("an airline banned", "Germany", "banned", "ban", "airline airline NOUN NN compound 5\n"
     "Mahan Mahan PROPN NNP compound 5\nAir Air PROPN NNP dobj 1", (4, 6, "ORG"),
     ("Germany", "SANCTION", "Mahan Air")),
    ("a company forbidden", "India", "forbade", "forbid", "company company NOUN NN compound 4\n"
     "Huawei Huawei PROPN NNP dobj 1", (4, 5, "ORG"), ("India", "SANCTION", "Huawei")),
]


@pytest.mark.parametrize(("what", "subj", "verb", "lemma", "obj", "span", "expected"), BANS,
                         ids=[row[0] for row in BANS])
def test_ban_type(vocab: Vocab, what: str, subj: str, verb: str, lemma: str, obj: str,
                  span: tuple[int, int, str], expected: tuple[str, str, str]) -> None:
    head = 3 + next(k for k, line in enumerate(obj.splitlines()) if " dobj " in line)
    doc = parsed_doc(vocab, _SVO.format(subj=subj, verb=verb, lemma=lemma, head=head, obj=obj),
                     ents=[(0, 1, "GPE"), span])
    got = facts(doc)
    assert expected in got, (what, got)
    other = "SANCTION" if expected[1] == "COERCE" else "COERCE"
    assert (expected[0], other, expected[2]) not in got, (what, got)
