"""Which mentions are actors: the headline guard, places that are no state, titles that look like organisations."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from kg.extract import extract_triples
from kg.extract.mentions import DocMentions
from kg.extract.testing import facts, parsed_doc
from kg.records import Document, Mention

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")


def _doc(text: str, ents: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    """A tokenized Doc with the given (surface, label) entities, found by their first occurrence."""
    doc = NLP(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = spans
    return doc


def test_headline_is_no_actor_and_places_only_count_as_states() -> None:
    text = ("Potential Impacts on International Relations\n"
            "The visit worried Japan, the United States and Vladimir Putin's friends in Lowman.")
    doc = _doc(text, [("Potential Impacts on International Relations", "ORG"), ("Japan", "GPE"),
                      ("United States", "GPE"), ("Vladimir Putin", "PERSON"), ("Lowman", "GPE")])
    out: list[Mention] = []
    list(extract_triples(doc, Document(id="d", text=text), mentions_out=out))
    # no headline, no town (Lowman)
    assert [m.name for m in out] == ["Japan", "United States", "Vladimir Putin"]
    assert [m.start for m in out] == sorted(m.start for m in out)


def test_a_short_line_with_a_name_is_kept() -> None:
    # "Russia" is most of its line, but a one-word line is not a headline of the kind the guard is for
    text = "Russia\nThe visit worried Japan."
    doc = _doc(text, [("Russia", "GPE"), ("Japan", "GPE")])
    assert [m.name for m in DocMentions.build(doc).named_actors()] == ["Russia", "Japan"]


def test_headline_guard_needs_a_line_without_final_punctuation() -> None:
    text = "Potential Impacts on International Relations.\nThe visit worried Japan."
    doc = _doc(text, [("Potential Impacts on International Relations", "ORG"), ("Japan", "GPE")])
    assert "Potential Impacts on International Relations" in [m.name for m in DocMentions.build(doc).named_actors()]


def test_capital_acting_counts_as_its_state() -> None:
    text = "Pyongyang fired missiles."
    doc = _doc(text, [("Pyongyang", "GPE")])
    assert [(m.name, m.iso3) for m in DocMentions.build(doc).named_actors()] == [("North Korea", "PRK")]


def test_capital_as_a_setting_is_no_state_mention() -> None:
    vocab = spacy.blank("en").vocab
    doc = parsed_doc(vocab, """
Thousands thousand NOUN NNS nsubj 1
rallied rally VERB VBD ROOT 1
in in ADP IN prep 1
Minsk Minsk PROPN NNP pobj 2
. . PUNCT . punct 1""", ents=[(3, 4, "GPE")])
    assert DocMentions.build(doc).named_actors() == []


def test_state_in_secretary_of_state_is_part_of_the_title() -> None:
    vocab = spacy.blank("en").vocab
    doc = parsed_doc(vocab, """
US US PROPN NNP nmod 1
Secretary Secretary PROPN NNP nmod 5
of of ADP IN prep 1
State State PROPN NNP pobj 2
Mike Mike PROPN NNP compound 5
Pompeo Pompeo PROPN NNP nsubj 6
spoke speak VERB VBD ROOT 6
. . PUNCT . punct 6""", ents=[(0, 1, "GPE"), (3, 4, "ORG"), (4, 6, "PERSON")])
    assert facts(doc) == [("Mike Pompeo", "MEMBER_OF", "United States")]
    assert "State" not in [m.name for m in DocMentions.build(doc).named_actors()]


def test_honorific_stays_with_the_name() -> None:
    doc = _doc("Dr. Lee DeForest spoke.", [("Lee DeForest", "PERSON")])
    ms = DocMentions.build(doc)
    (m,) = ms.named_actors()
    assert (m.text, m.name) == ("Dr. Lee DeForest", "Lee DeForest")
    assert isinstance(doc.ents[0], Span)


_CHUBAIS = """
Anatoly Anatoly PROPN NNP compound 2
Borisovich Borisovich PROPN NNP compound 2
Chubais Chubais PROPN NNP nsubj 7
( ( PUNCT -LRB- punct 2
born bear VERB VBN acl 2
1955 1955 NUM CD npadvmod 4
) ) PUNCT -RRB- punct 2
is be AUX VBZ ROOT 7
a a DET DT det 10
Russian russian ADJ JJ amod 10
politician politician NOUN NN attr 7
. . PUNCT . punct 7"""


def test_a_person_takes_the_given_name_the_ner_left_out() -> None:
    doc = parsed_doc(NLP.vocab, _CHUBAIS, ents=[(1, 3, "PERSON"), (5, 6, "DATE"), (9, 10, "NORP")])
    assert facts(doc) == [("Anatoly Borisovich Chubais", "AFFILIATED_WITH", "Russia")]
    triple = next(iter(extract_triples(doc, Document(id="d", text=doc.text))))
    assert triple.subject_text == "Anatoly Borisovich Chubais" and triple.subject_span == (0, 26)


def test_no_title_word_or_common_noun_joins_a_name() -> None:
    rows = _CHUBAIS.replace("Anatoly Anatoly PROPN NNP", "President President PROPN NNP")
    doc = parsed_doc(NLP.vocab, rows, ents=[(1, 3, "PERSON"), (9, 10, "NORP")])
    assert DocMentions.build(doc).by_token[2].name == "Borisovich Chubais"  # a title, kept as one, no name
    rows = _CHUBAIS.replace("Anatoly Anatoly PROPN NNP compound 2", "Afterwards Afterwards PROPN NNP advmod 7")
    doc = parsed_doc(NLP.vocab, rows, ents=[(1, 3, "PERSON"), (9, 10, "NORP")])
    assert 0 not in DocMentions.build(doc).by_token  # tagged a proper noun, but no part of the name
    rows = _CHUBAIS.replace("Anatoly Anatoly PROPN NNP", "Today today NOUN NN")
    doc = parsed_doc(NLP.vocab, rows, ents=[(1, 3, "PERSON"), (9, 10, "NORP")])
    assert 0 not in DocMentions.build(doc).by_token


def test_a_name_is_cut_at_a_parenthesis_it_does_not_close() -> None:
    doc = parsed_doc(NLP.vocab, """
Gujranwala Gujranwala PROPN NNP nsubj 5
( ( PUNCT -LRB- punct 0
Punjabi Punjabi PROPN NNP appos 0
, , PUNCT , punct 2
) ) PUNCT -RRB- punct 0
is be AUX VBZ ROOT 5
a a DET DT det 7
city city NOUN NN attr 5
in in ADP IN prep 7
Punjab Punjab PROPN NNP pobj 8
, , PUNCT , punct 9
Pakistan Pakistan PROPN NNP appos 9
. . PUNCT . punct 5""", ents=[(0, 3, "ORG"), (9, 10, "NORP"), (11, 12, "GPE")])
    assert facts(doc) == [("Gujranwala", "LOCATED_IN", "Pakistan")]
    mention = DocMentions.build(doc).by_token[0]
    assert mention.text == "Gujranwala" and 1 not in DocMentions.build(doc).by_token


def test_a_caption_credit_is_no_part_of_a_name() -> None:
    doc = parsed_doc(NLP.vocab, """
AIP AIP PROPN NNP compound 1
Chairman Chairman PROPN NNP compound 4
Markham Markham PROPN NNP compound 3
Robinson Robinson PROPN NNP compound 4
Image Image PROPN NNP ROOT 4
: : PUNCT : punct 4
Markham Markham PROPN NNP compound 7
Robinson Robinson PROPN NNP appos 4
. . PUNCT . punct 4""", ents=[(0, 1, "ORG"), (2, 5, "PERSON"), (6, 8, "PERSON")])
    mentions = DocMentions.build(doc)
    assert mentions.by_token[2].text == "Markham Robinson" and 4 not in mentions.by_token
    doc = parsed_doc(NLP.vocab, """
Image Image PROPN NNP compound 1
Credit Credit PROPN NNP ROOT 1
. . PUNCT . punct 1""", ents=[(0, 2, "ORG")])
    assert DocMentions.build(doc).by_token[0].text == "Image Credit"  # not before a colon: the name stays
