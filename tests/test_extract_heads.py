"""A nationality word on the noun an event is aimed at: the state, the state's own body, or no one
(``kg/data/modified_heads.jsonl``), on hand-built parses."""

from __future__ import annotations

import pytest
from spacy.vocab import Vocab

from kg.extract.testing import facts, parsed_doc

Fact = tuple[str, str, str]

# "{subj} {verb} the {adj} {noun} ." with the nationality word tagged NORP
_TEMPLATE = """
{subj} {subj} PROPN NNP nsubj 1
{verb} {lemma} VERB VBD ROOT 1
the the DET DT det 4
{adj} {adj_lemma} {adj_pos} {adj_tag} {adj_dep} 4
{noun} {noun_lemma} {noun_pos} {noun_tag} dobj 1
. . PUNCT . punct 1"""

# (what, subject and its label, verb, lemma, nationality word, head noun, facts expected, facts not drawn)
HEADS: list[tuple[str, tuple[str, str], str, str, str, str, list[Fact], list[Fact]]] = [
    ("a parliament is its own actor", ("Payette", "PERSON"), "dissolved", "dissolve", "Canadian", "Parliament",
     [("Payette", "COERCE", "Parliament of Canada")], [("Payette", "COERCE", "Canada")]),
    ("a court is its own actor", ("Russia", "GPE"), "criticized", "criticize", "Ukrainian", "court",
     [("Russia", "ACCUSE", "Court of Ukraine")], [("Russia", "ACCUSE", "Ukraine")]),
    ("a market is no actor", ("Tesco", "ORG"), "left", "leave", "Polish", "market",
     [], [("Tesco", "RETREAT", "Poland")]),
    ("a culture is no actor", ("Russia", "GPE"), "praised", "praise", "Ukrainian", "culture",
     [], [("Russia", "SUPPORT", "Ukraine")]),
    ("rebels are not their state", ("Turkey", "GPE"), "attacked", "attack", "Syrian", "rebels",
     [], [("Turkey", "ASSAULT", "Syria")]),
    ("a government stands for its state", ("India", "GPE"), "criticized", "criticize", "Chinese", "government",
     [("India", "ACCUSE", "China")], []),
    ("forces stand for their state", ("Turkey", "GPE"), "attacked", "attack", "Syrian", "forces",
     [("Turkey", "ASSAULT", "Syria")], []),
    ("a border shelled is the state's", ("Turkey", "GPE"), "shelled", "shell", "Syrian", "border",
     [("Turkey", "ASSAULT", "Syria")], []),
]


@pytest.mark.parametrize(("what", "subj", "verb", "lemma", "adj", "noun", "found", "not_found"), HEADS,
                         ids=[row[0] for row in HEADS])
def test_nationality_on_object_head(vocab: Vocab, what: str, subj: tuple[str, str], verb: str, lemma: str,
                                    adj: str, noun: str, found: list[Fact], not_found: list[Fact]) -> None:
    proper = noun[0].isupper()
    rows = _TEMPLATE.format(subj=subj[0], verb=verb, lemma=lemma, adj=adj,
                            adj_lemma=adj if proper else adj.lower(), adj_pos="PROPN" if proper else "ADJ",
                            adj_tag="NNP" if proper else "JJ", adj_dep="compound" if proper else "amod",
                            noun=noun, noun_lemma=noun if proper else noun.lower().removesuffix("s"),
                            noun_pos="PROPN" if proper else "NOUN", noun_tag="NNP" if proper else "NN")
    got = facts(parsed_doc(vocab, rows, ents=[(0, 1, subj[1]), (3, 4, "NORP")]))
    for fact in found:
        assert fact in got, (what, got)
    for fact in not_found:
        assert fact not in got, (what, got)


def test_institution_as_subject(vocab: Vocab) -> None:
    """"The Iraqi parliament voted to expel US troops": the parliament acts, not Iraq."""
    doc = parsed_doc(vocab, """
The the DET DT det 2
Iraqi iraqi ADJ JJ amod 2
parliament parliament NOUN NN nsubj 3
condemned condemn VERB VBD ROOT 3
Turkey Turkey PROPN NNP dobj 3
. . PUNCT . punct 3""", ents=[(1, 2, "NORP"), (4, 5, "GPE")])
    got = facts(doc)
    assert ("Parliament of Iraq", "ACCUSE", "Turkey") in got
    assert ("Iraq", "ACCUSE", "Turkey") not in got


def test_the_old_reading_without_the_rule(vocab: Vocab) -> None:
    """The mention layer alone still reads "the Canadian Parliament" as Canada (the rule is what changes it)."""
    from kg.extract.heads import phrase_actors
    from kg.extract.mentions import DocMentions

    doc = parsed_doc(vocab, _TEMPLATE.format(subj="Payette", verb="dissolved", lemma="dissolve", adj="Canadian",
                                             adj_lemma="Canadian", adj_pos="PROPN", adj_tag="NNP",
                                             adj_dep="compound", noun="Parliament", noun_lemma="Parliament",
                                             noun_pos="PROPN", noun_tag="NNP"),
                     ents=[(0, 1, "PERSON"), (3, 4, "NORP")])
    ms = DocMentions.build(doc)
    assert [m.name for m in ms.actors_at(doc[4])] == ["Canada"]
    assert [m.name for m in phrase_actors(doc[4], ms)] == ["Parliament of Canada"]


def test_institution_keeps_its_own_words(vocab: Vocab) -> None:
    """"asked the United States District Court": the District Court of the United States, not the state."""
    doc = parsed_doc(vocab, """
Trump Trump PROPN NNP nsubj 1
asked ask VERB VBD ROOT 1
the the DET DT det 6
United United PROPN NNP compound 4
States States PROPN NNP compound 6
District District PROPN NNP compound 6
Court Court PROPN NNP dobj 1
. . PUNCT . punct 1""", ents=[(0, 1, "PERSON"), (3, 5, "GPE")])
    got = facts(doc)
    assert ("Donald Trump", "REQUEST", "District Court of the United States") in got, got
    assert ("Donald Trump", "REQUEST", "United States") not in got


def test_institution_as_passive_agent(vocab: Vocab) -> None:
    """"Trudeau was criticized by the Canadian parliament": the parliament criticises."""
    doc = parsed_doc(vocab, """
Justin Justin PROPN NNP compound 1
Trudeau Trudeau PROPN NNP nsubjpass 3
was be AUX VBD auxpass 3
criticized criticize VERB VBN ROOT 3
by by ADP IN agent 3
the the DET DT det 7
Canadian canadian ADJ JJ amod 7
parliament parliament NOUN NN pobj 4
. . PUNCT . punct 3""", ents=[(0, 2, "PERSON"), (6, 7, "NORP")])
    got = facts(doc)
    assert ("Parliament of Canada", "ACCUSE", "Justin Trudeau") in got, got
    assert ("Canada", "ACCUSE", "Justin Trudeau") not in got


def test_group_as_subject_is_no_state(vocab: Vocab) -> None:
    """"Syrian rebels attacked Turkey": the rebels are not Syria."""
    doc = parsed_doc(vocab, """
Syrian syrian ADJ JJ amod 1
rebels rebel NOUN NNS nsubj 2
attacked attack VERB VBD ROOT 2
Turkey Turkey PROPN NNP dobj 2
. . PUNCT . punct 2""", ents=[(0, 1, "NORP"), (3, 4, "GPE")])
    assert ("Syria", "ASSAULT", "Turkey") not in facts(doc)
