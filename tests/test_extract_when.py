"""Event dates on hand-built parses and as text: the relation's own date, resolved against the document's."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract import extract_triples
from kg.extract.testing import parsed_doc
from kg.extract.when import When, resolve
from kg.records import Document


def dated(doc: Doc, date: str | None = "2019-03-06") -> list[tuple[str, str, str | None, str | None]]:
    """(subject, object, event_date, precision) of each triple of ``doc`` (types are the lexicon's business)."""
    return [(t.subject, t.object, t.event_date, t.event_date_precision)
            for t in extract_triples(doc, Document(id="d", text=doc.text, date=date))]


def test_a_fronted_year_dates_the_clause(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
In in ADP IN prep 4
2014 2014 NUM CD pobj 0
, , PUNCT , punct 4
Russia Russia PROPN NNP nsubj 4
annexed annex VERB VBD ROOT 4
Crimea Crimea PROPN NNP dobj 4
. . PUNCT . punct 4""", ents=[(1, 2, "DATE"), (3, 4, "GPE"), (5, 6, "GPE")])
    assert dated(doc) == [("Russia", "Crimea", "2014", "year")]


CONJOINED = """
Russia Russia PROPN NNP nsubj 1
invaded invade VERB VBD ROOT 1
Ukraine Ukraine PROPN NNP dobj 1
in in ADP IN prep 1
2022 2022 NUM CD pobj 3
and and CCONJ CC cc 1
annexed annex VERB VBD conj 1
Crimea Crimea PROPN NNP dobj 6
. . PUNCT . punct 1"""


def test_a_date_after_the_first_verb_is_not_the_second_conjuncts(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, CONJOINED, ents=[(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "DATE"), (7, 8, "GPE")])
    got = {(s, o): (d, p) for s, o, d, p in dated(doc)}
    assert got[("Russia", "Ukraine")] == ("2022", "year")
    assert got[("Russia", "Crimea")] == (None, None)  # "in 2022" belongs to the invasion only


def test_a_date_of_a_relative_clause_is_not_the_main_clauses(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Russia Russia PROPN NNP nsubj 1
supports support VERB VBZ ROOT 1
Assad Assad PROPN NNP dobj 1
, , PUNCT , punct 2
who who PRON WP nsubj 5
attacked attack VERB VBD relcl 2
Turkey Turkey PROPN NNP dobj 5
in in ADP IN prep 5
2016 2016 NUM CD pobj 7
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (2, 3, "PERSON"), (6, 7, "GPE"), (8, 9, "DATE")])
    got = {(s, o): d for s, o, d, _ in dated(doc)}
    assert got[("Russia", "Bashar al-Assad")] is None
    assert got[("Bashar al-Assad", "Turkey")] == "2016"


def test_the_date_of_saying_is_not_the_date_of_the_reported_event(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Officials official NOUN NNS nsubj 1
said say VERB VBD ROOT 1
on on ADP IN prep 1
Monday Monday PROPN NNP pobj 2
that that SCONJ IN mark 6
Israel Israel PROPN NNP nsubj 6
attacked attack VERB VBD ccomp 1
Hamas Hamas PROPN NNP dobj 6
. . PUNCT . punct 1""", ents=[(3, 4, "DATE"), (5, 6, "GPE"), (7, 8, "ORG")])
    assert dated(doc) == [("Israel", "Hamas", None, None)]


WEEKDAY = """
Israel Israel PROPN NNP nsubj 1
struck strike VERB VBD ROOT 1
Hamas Hamas PROPN NNP dobj 1
in in ADP IN prep 1
Gaza Gaza PROPN NNP pobj 3
on on ADP IN prep 1
Tuesday Tuesday PROPN NNP pobj 5
. . PUNCT . punct 1"""


@pytest.mark.parametrize(("date", "expected"), [
    ("2019-03-06", ("2019-03-05", "day")),  # a Wednesday: the day before
    ("2019-03-05", ("2019-03-05", "day")),  # a Tuesday: that day
    (None, (None, None)),  # no document date: a weekday says nothing
])
def test_a_weekday_is_resolved_against_the_document_date(vocab: Vocab, date: str | None,
                                                         expected: tuple[str | None, str | None]) -> None:
    doc = parsed_doc(vocab, WEEKDAY, ents=[(0, 1, "GPE"), (2, 3, "ORG"), (4, 5, "GPE"), (6, 7, "DATE")])
    ((_, _, *got),) = dated(doc, date)
    assert tuple(got) == expected


def test_a_future_event_takes_the_coming_week(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Trump Trump PROPN NNP nsubj 2
will will AUX MD aux 2
meet meet VERB VB ROOT 2
Kim Kim PROPN NNP dobj 2
in in ADP IN prep 2
Hanoi Hanoi PROPN NNP pobj 4
next next ADJ JJ amod 7
week week NOUN NN npadvmod 2
. . PUNCT . punct 2""", ents=[(0, 1, "PERSON"), (3, 4, "PERSON"), (5, 6, "GPE"), (6, 8, "DATE")])
    ((_, _, d, p),) = dated(doc, "2019-02-20")
    assert (d, p) == ("2019-02-25/2019-03-03", "span")


@pytest.mark.parametrize(("text", "base", "expected"), [
    ("in March 2018", "2019-03-06", When("2018-03", "month")),
    ("in 1991", None, When("1991", "year")),
    ("on January 1, 2018", None, When("2018-01-01", "day")),
    ("during the Cold War", None, When("1947/1991", "span")),
    ("the Second World War", None, When("1939/1945", "span")),
    ("the 1990s", None, When("1990/1999", "span")),
    ("between 1947 and 1991", None, When("1947/1991", "span")),
    ("from 1950 to 1953", None, When("1950/1953", "span")),
    ("early 2018", None, When("2018", "year")),
    ("last month", "2019-01-10", When("2018-12", "month")),
    ("last week", "2019-03-06", When("2019-02-25/2019-03-03", "span")),
    ("yesterday", "2019-03-01", When("2019-02-28", "day")),
    ("last Thursday", "2019-03-07", When("2019-02-28", "day")),
    ("last Thursday", "2020-01-10", When("2020-01-02", "day")),  # on a Friday: the week before, not yesterday
    ("Thursday", "2020-01-10", When("2020-01-09", "day")),
    ("two years ago", "2019-03-06", When("2017", "year")),
    ("earlier this year", "2019-03-06", When("2019", "year")),
    ("Sept. 15", "2019-03-06", When("2018-09-15", "day")),  # the last September 15th before the report
    ("last month", None, None),  # relative, and no document date
    ("two years", "2019-03-06", None),  # a length of time
    ("the 72-year-old", "2019-03-06", None),  # an age
    ("recent years", "2019-03-06", None),
    ("recently", "2019-03-06", None),
    ("the past decade", "2019-03-06", None),
])
def test_resolve(text: str, base: str | None, expected: When | None) -> None:
    assert resolve(text, base) == expected


def test_since_runs_to_the_document_date() -> None:
    assert resolve("2014", "2019-03-06", since=True) == When("2014/2019-03-06", "span")
    assert resolve("2014", None, since=True) is None


def test_conjoined_subjects_take_the_date_of_their_verb(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Cyprus Cyprus PROPN NNP nsubj 3
and and CCONJ CC cc 0
Greece Greece PROPN NNP conj 0
met meet VERB VBD ROOT 3
in in ADP IN prep 3
Athens Athens PROPN NNP pobj 4
on on ADP IN prep 3
Thursday Thursday PROPN NNP pobj 6
. . PUNCT . punct 3""", ents=[(0, 1, "GPE"), (2, 3, "GPE"), (5, 6, "GPE"), (7, 8, "DATE")])
    triples = list(extract_triples(doc, Document(id="d", text=doc.text, date="2020-01-10")))
    assert [(t.subject, t.object, t.event_date, t.location, t.location_iso3) for t in triples] == [
        ("Cyprus", "Greece", "2020-01-09", "Athens", "GRC")]


def test_a_title_is_not_dated_by_the_verb_of_its_holder(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
Deval Deval PROPN NNP compound 1
Patrick Patrick PROPN NNP nsubj 9
, , PUNCT , punct 1
the the DET DT det 5
former former ADJ JJ amod 5
governor governor NOUN NN appos 1
of of ADP IN prep 5
Massachusetts Massachusetts PROPN NNP pobj 6
, , PUNCT , punct 1
ended end VERB VBD ROOT 9
his his PRON PRP$ poss 11
campaign campaign NOUN NN dobj 9
on on ADP IN prep 9
Wednesday Wednesday PROPN NNP pobj 12
. . PUNCT . punct 9""", ents=[(0, 2, "PERSON"), (7, 8, "GPE"), (13, 14, "DATE")])
    triples = list(extract_triples(doc, Document(id="d", text=doc.text, date="2020-02-14")))
    assert triples and all(t.event_date is None for t in triples)  # he was governor before, not on Wednesday
