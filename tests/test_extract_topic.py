"""A document's topic (kg.extract.topic) and its anaphora (kg.extract.coref), on hand-built parses."""

from __future__ import annotations

from spacy.vocab import Vocab

from kg.extract.coref import resolve_rule_based
from kg.extract.mentions import DocMentions
from kg.extract.testing import facts, parsed_doc
from kg.extract.topic import document_topic

# "Urgut (;) is a town in the Samarqand Region of Uzbekistan.": a stripped gloss took the subject's place
_URGUT = """
Urgut Urgut PROPN NNP dep 3
( ( PUNCT -LRB- punct 3
;) ;) PRON PRP nsubj 3
is be AUX VBZ ROOT 3
a a DET DT det 5
town town NOUN NN attr 3
in in ADP IN prep 5
the the DET DT det 9
Samarqand Samarqand PROPN NNP compound 9
Region Region PROPN NNP pobj 6
of of ADP IN prep 9
Uzbekistan Uzbekistan PROPN NNP pobj 10
. . PUNCT . punct 3"""


def test_the_opening_sentence_names_the_topic_and_where_it_lies(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, _URGUT, ents=[(0, 1, "ORG"), (7, 10, "LOC"), (11, 12, "GPE")])
    topic = document_topic(DocMentions.build(doc))
    assert topic is not None and topic.mention.name == "Urgut" and topic.noun == "town"
    assert topic.mention.type == "GPE"  # a town, whatever the NER said
    assert set(facts(doc)) == {("Urgut", "LOCATED_IN", "Samarqand Region"), ("Urgut", "LOCATED_IN", "Uzbekistan"),
                               ("Samarqand Region", "LOCATED_IN", "Uzbekistan")}


def test_no_topic_when_the_document_opens_with_something_else(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
The the DET DT det 1
visit visit NOUN NN nsubj 4
of of ADP IN prep 1
Putin Putin PROPN NNP pobj 2
is be AUX VBZ ROOT 4
a a DET DT det 6
success success NOUN NN attr 4
. . PUNCT . punct 4""", ents=[(3, 4, "PERSON")])
    assert document_topic(DocMentions.build(doc)) is None


_CITY = """
Gujranwala Gujranwala PROPN NNP nsubj 1
is be AUX VBZ ROOT 1
a a DET DT det 3
city city NOUN NN attr 1
in in ADP IN prep 3
Pakistan Pakistan PROPN NNP pobj 4
. . PUNCT . punct 1
Lahore Lahore PROPN NNP nsubj 8
is be AUX VBZ ROOT 8
near near ADJ JJ acomp 8
. . PUNCT . punct 8
The the DET DT det 12
city city NOUN NN nsubj 13
lies lie VERB VBZ ROOT 13
in in ADP IN prep 13
the the DET DT det 17
Punjab Punjab PROPN NNP compound 17
Province Province PROPN NNP pobj 14
. . PUNCT . punct 13"""


def test_the_class_noun_is_the_topic_and_a_person_pronoun_is_not_a_place(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, _CITY, ents=[(0, 1, "PERSON"), (5, 6, "GPE"), (7, 8, "GPE"), (15, 18, "GPE")])
    ms = DocMentions.build(doc)
    resolve_rule_based(ms)
    city = ms.by_token.get(12)
    assert city is not None and city.name == "Gujranwala" and city.type == "GPE" and city.start in ms.coref
    assert ms.by_token[0].type == "GPE"  # the topic's own mention is retyped too
    he = _CITY.replace("The the DET DT det 12\ncity city NOUN NN nsubj 13",
                       "So so ADV RB advmod 13\nhe he PRON PRP nsubj 13")
    doc = parsed_doc(vocab, he, ents=[(0, 1, "PERSON"), (5, 6, "GPE"), (7, 8, "GPE"), (15, 18, "GPE")])
    ms = DocMentions.build(doc)
    resolve_rule_based(ms)
    assert 12 not in ms.by_token  # "he" is no village, though the NER took Gujranwala for a person


def test_a_pronoun_no_recent_actor_fits_is_the_topic(vocab: Vocab) -> None:
    rows = _CITY.replace("The the DET DT det 12\ncity city NOUN NN nsubj 13",
                         "It it PRON PRP nsubj 13\nthen then ADV RB advmod 13")
    # Pakistan is a state named a sentence before, but an "It" opening a sentence of an article is its topic
    doc = parsed_doc(vocab, rows, ents=[(0, 1, "GPE"), (5, 6, "GPE"), (7, 8, "GPE"), (15, 18, "GPE")])
    ms = DocMentions.build(doc)
    resolve_rule_based(ms)
    assert ms.by_token[11].name == "Gujranwala"


_ESCH = """
Carl Carl PROPN NNP compound 2
von von PROPN NNP compound 2
Esch Esch PROPN NNP nsubj 3
was be AUX VBD ROOT 3
a a DET DT det 8
Swedish swedish ADJ JJ amod 6
Christian christian ADJ JJ nmod 8
democratic democratic ADJ JJ amod 8
politician politician NOUN NN attr 3
. . PUNCT . punct 3"""


def test_a_nationality_in_the_class_phrase_and_a_surname_the_ner_left_out(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, _ESCH, ents=[(0, 2, "PERSON"), (5, 6, "NORP"), (6, 7, "NORP")])
    assert ("Carl von Esch", "AFFILIATED_WITH", "Sweden") in facts(doc)
