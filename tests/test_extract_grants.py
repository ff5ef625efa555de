"""What a verb gives its recipient types the tie: "granted Milken a pardon" is pardoning him (CONCEDE, as the
verb "pardon"), "granted Ukraine aid" is AID; the verb's rows for its thing noun (``noun``) decide, on
hand-built parses."""

from __future__ import annotations

import pytest
from spacy.vocab import Vocab

from kg.extract.testing import facts, parsed_doc

# "{subj} {verb} {recipient} a {thing} ." (recipient as the dative)
_DATIVE = """
{subj} {subj} PROPN NNP nsubj 1
{verb} {lemma} VERB VBD ROOT 1
{rec} {rec} PROPN NNP dative 1
a a DET DT det 4
{thing} {thing} NOUN NN dobj 1
. . PUNCT . punct 1"""

# "{subj} {verb} a {thing} to {recipient} ." (the "to" phrase on the thing)
_TO = """
{subj} {subj} PROPN NNP nsubj 1
{verb} {lemma} VERB VBD ROOT 1
a a DET DT det 3
{thing} {thing} NOUN NN dobj 1
to to ADP IN prep 3
{rec} {rec} PROPN NNP pobj 4
. . PUNCT . punct 1"""

CASES = [
    ("dative pardon", _DATIVE, "granted", "grant", "pardon", "CONCEDE", "AID"),
    ("dative amnesty", _DATIVE, "offered", "offer", "amnesty", "CONCEDE", "AID"),
    ("dative clemency", _DATIVE, "gave", "give", "clemency", "CONCEDE", "AID"),
    ("pardon to", _TO, "granted", "grant", "pardon", "CONCEDE", "AID"),
    ("dative loan stays aid", _DATIVE, "granted", "grant", "loan", "AID", "CONCEDE"),
]


@pytest.mark.parametrize(("what", "rows", "verb", "lemma", "thing", "expected", "absent"), CASES,
                         ids=[c[0] for c in CASES])
def test_thing_types_the_recipient(vocab: Vocab, what: str, rows: str, verb: str, lemma: str, thing: str,
                                   expected: str, absent: str) -> None:
    text = rows.format(subj="Trump", verb=verb, lemma=lemma, rec="Milken", thing=thing)
    rec = next(k for k, line in enumerate(text.strip().splitlines()) if line.startswith("Milken"))
    got = facts(parsed_doc(vocab, text, ents=[(0, 1, "PERSON"), (rec, rec + 1, "PERSON")]))
    assert ("Donald Trump", expected, "Milken") in got, (what, got)
    assert ("Donald Trump", absent, "Milken") not in got, (what, got)


def test_thing_hung_on_the_name(vocab: Vocab) -> None:
    """"Trump granted Paul Harvey Pogue a full pardon" with the pardon parsed as the name's apposition."""
    doc = parsed_doc(vocab, """
Trump Trump PROPN NNP nsubj 1
granted grant VERB VBD ROOT 1
Paul Paul PROPN NNP compound 4
Harvey Harvey PROPN NNP compound 4
Pogue Pogue PROPN NNP dative 1
a a DET DT det 7
full full ADJ JJ amod 7
pardon pardon NOUN NN appos 4
. . PUNCT . punct 1""", ents=[(0, 1, "PERSON"), (2, 5, "PERSON")])
    got = facts(doc)
    assert ("Donald Trump", "CONCEDE", "Paul Harvey Pogue") in got, got
    assert ("Donald Trump", "AID", "Paul Harvey Pogue") not in got
