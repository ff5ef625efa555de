"""Each construction that says where an event happened, on hand-built parses (kg/extract/locative.py).

Every row gives a sentence's parse, the relation and the place it must get; the ablation test checks that the
named construction is the one that finds it (without it the relation gets no place or another one).
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract import extract_triples, locative
from kg.extract.setting import EVENT_TYPES
from kg.extract.testing import parsed_doc
from kg.records import Document

Ents = list[tuple[int, int, str]]

# (construction, parse rows, entities, (subject, object), (location, its state))
CASES: list[tuple[str, str, Ents, tuple[str, str], tuple[str, str | None]]] = [
    ("own_phrase", """
Putin Putin PROPN NNP nsubj 1
met meet VERB VBD ROOT 1
Erdogan Erdogan PROPN NNP dobj 1
in in ADP IN prep 1
Sochi Sochi PROPN NNP pobj 3
. . PUNCT . punct 1""", [(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "GPE")],
     ("Vladimir Putin", "Recep Tayyip Erdogan"), ("Sochi", "RUS")),
    # "held a rally in Hrodna": the rally is the verb's object, its place the event's
    ("staged_event", """
Sviatlana Sviatlana PROPN NNP compound 1
Tsikhanouskaya Tsikhanouskaya PROPN NNP nsubj 2
held hold VERB VBD ROOT 2
a a DET DT det 4
rally rally NOUN NN dobj 2
in in ADP IN prep 4
Hrodna Hrodna PROPN NNP pobj 5
against against ADP IN prep 2
Alexander Alexander PROPN NNP compound 9
Lukashenko Lukashenko PROPN NNP pobj 7
. . PUNCT . punct 2""", [(0, 2, "PERSON"), (6, 7, "GPE"), (8, 10, "PERSON")],
     ("Sviatlana Tsikhanouskaya", "Alexander Lukashenko"), ("Hrodna", "BLR")),
    ("staged_event", """
Putin Putin PROPN NNP nsubj 1
signed sign VERB VBD ROOT 1
the the DET DT det 3
agreement agreement NOUN NN dobj 1
with with ADP IN prep 3
Erdogan Erdogan PROPN NNP pobj 4
at at ADP IN prep 1
a a DET DT det 8
summit summit NOUN NN pobj 6
in in ADP IN prep 8
Sochi Sochi PROPN NNP pobj 9
. . PUNCT . punct 1""", [(0, 1, "PERSON"), (5, 6, "PERSON"), (10, 11, "GPE")],
     ("Vladimir Putin", "Recep Tayyip Erdogan"), ("Sochi", "RUS")),
    ("patient_phrase", """
Iran Iran PROPN NNP nsubj 1
shot shoot VERB VBD ROOT 1
down down ADP RP prt 1
a a DET DT det 5
Ukrainian ukrainian ADJ JJ amod 5
jet jet NOUN NN dobj 1
near near ADP IN prep 5
Tehran Tehran PROPN NNP pobj 6
. . PUNCT . punct 1""", [(0, 1, "GPE"), (4, 5, "NORP"), (7, 8, "GPE")], ("Iran", "Ukraine"), ("Tehran", "IRN")),
    # the parser hangs "in Qatar" on the envoy, after the comma that closes his apposition
    ("after_apposition", """
The the DET DT det 1
Taliban Taliban PROPN NNP nsubj 2
met meet VERB VBD ROOT 2
on on ADP IN prep 2
Monday Monday PROPN NNP pobj 3
with with ADP IN prep 2
Zalmay Zalmay PROPN NNP compound 7
Khalilzad Khalilzad PROPN NNP pobj 5
, , PUNCT , punct 7
a a DET DT det 11
US US PROPN NNP compound 11
envoy envoy NOUN NN appos 7
, , PUNCT , punct 7
in in ADP IN prep 7
Qatar Qatar PROPN NNP pobj 13
. . PUNCT . punct 2""", [(1, 2, "ORG"), (4, 5, "DATE"), (6, 8, "PERSON"), (10, 11, "GPE"), (14, 15, "GPE")],
     ("Taliban", "Zalmay Khalilzad"), ("Qatar", "QAT")),
    ("adverbial_noun", """
The the DET DT det 1
delegations delegation NOUN NNS nsubj 6
of of ADP IN prep 1
Greece Greece PROPN NNP pobj 2
and and CCONJ CC cc 3
Cyprus Cyprus PROPN NNP conj 3
met meet VERB VBD ROOT 6
again again ADV RB advmod 6
on on ADP IN prep 6
Thursday Thursday PROPN NNP pobj 8
, , PUNCT , punct 6
this this DET DT det 12
time time NOUN NN npadvmod 6
in in ADP IN prep 12
Athens Athens PROPN NNP pobj 13
. . PUNCT . punct 6""", [(3, 4, "GPE"), (5, 6, "GPE"), (9, 10, "DATE"), (14, 15, "GPE")],
     ("Greece", "Cyprus"), ("Athens", "GRC")),
    ("visit_destination", """
Trump trump NOUN NN nsubj 1
met meet VERB VBD ROOT 1
Andrzej Andrzej PROPN NNP compound 3
Duda Duda PROPN NNP dobj 1
during during ADP IN prep 1
a a DET DT det 6
visit visit NOUN NN pobj 4
to to ADP IN prep 6
Warsaw Warsaw PROPN NNP pobj 7
. . PUNCT . punct 1""", [(0, 1, "PERSON"), (2, 4, "PERSON"), (8, 9, "GPE")],
     ("Donald Trump", "Andrzej Duda"), ("Warsaw", "POL")),
    ("visit_destination", """
While while SCONJ IN mark 1
visiting visit VERB VBG advcl 5
Beijing Beijing PROPN NNP dobj 1
, , PUNCT , punct 5
Putin Putin PROPN NNP nsubj 5
met meet VERB VBD ROOT 5
Xi Xi PROPN NNP compound 7
Jinping Jinping PROPN NNP dobj 5
. . PUNCT . punct 5""", [(2, 3, "GPE"), (4, 5, "PERSON"), (6, 8, "PERSON")],
     ("Vladimir Putin", "Xi Jinping"), ("Beijing", "CHN")),
    ("visit_destination", """
Flying fly VERB VBG advcl 5
to to ADP IN prep 0
Riyadh Riyadh PROPN NNP pobj 1
, , PUNCT , punct 5
Pompeo Pompeo PROPN NNP nsubj 5
met meet VERB VBD ROOT 5
Mohammed Mohammed PROPN NNP compound 8
bin bin PROPN NNP compound 8
Salman Salman PROPN NNP dobj 5
. . PUNCT . punct 5""", [(2, 3, "GPE"), (4, 5, "PERSON"), (6, 9, "PERSON")],
     ("Pompeo", "Mohammed bin Salman"), ("Riyadh", "SAU")),
    # the journey is the relation's own verb; Sarajevo is no end of it
    ("visit_destination", """
Hillary Hillary PROPN NNP nsubj 1
traveled travel VERB VBD ROOT 1
to to ADP IN prep 1
Sarajevo Sarajevo PROPN NNP pobj 2
with with ADP IN prep 1
Bob Bob PROPN NNP compound 6
Dole Dole PROPN NNP pobj 4
. . PUNCT . punct 1""", [(0, 1, "PERSON"), (3, 4, "GPE"), (5, 7, "PERSON")], ("Hillary", "Bob Dole"),
     ("Sarajevo", "BIH")),
    # the meeting is in a relative clause of the summit: the summit's place
    ("setting_clause", """
Putin Putin PROPN NNP nsubj 1
attended attend VERB VBD ROOT 1
a a DET DT det 3
summit summit NOUN NN dobj 1
in in ADP IN prep 3
Cairo Cairo PROPN NNP pobj 4
where where SCONJ WRB advmod 8
he he PRON PRP nsubj 8
met meet VERB VBD relcl 3
Erdogan Erdogan PROPN NNP dobj 8
. . PUNCT . punct 1""", [(0, 1, "PERSON"), (5, 6, "GPE"), (9, 10, "PERSON")],
     ("Vladimir Putin", "Recep Tayyip Erdogan"), ("Cairo", "EGY")),
    # "In Doha" frames both clauses; the meeting is the second one's, with a subject of its own
    ("fronted_place", """
In in ADP IN prep 5
Doha Doha PROPN NNP pobj 0
, , PUNCT , punct 5
the the DET DT det 4
talks talk NOUN NNS nsubj 5
ended end VERB VBD ROOT 5
and and CCONJ CC cc 5
the the DET DT det 8
Taliban Taliban PROPN NNP nsubj 9
met meet VERB VBD conj 5
Zalmay Zalmay PROPN NNP compound 11
Khalilzad Khalilzad PROPN NNP dobj 9
. . PUNCT . punct 9""", [(1, 2, "GPE"), (7, 9, "ORG"), (10, 12, "PERSON")],
     ("Taliban", "Zalmay Khalilzad"), ("Doha", "QAT")),
    # the doers of a physical act are where it happened
    ("agent_phrase", """
US US PROPN NNP compound 1
troops troop NOUN NNS nsubj 4
in in ADP IN prep 1
Syria Syria PROPN NNP pobj 2
attacked attack VERB VBD ROOT 4
ISIS ISIS PROPN NNP dobj 4
. . PUNCT . punct 4""", [(0, 1, "GPE"), (3, 4, "GPE"), (5, 6, "ORG")],
     ("United States", "Islamic State"), ("Syria", "SYR")),
    # the target is itself the place the phrase names: ASSAULT Iraq, in Iraq
    ("target_place", """
Iran Iran PROPN NNP nsubj 1
launched launch VERB VBD ROOT 1
an an DET DT det 3
airstrike airstrike NOUN NN dobj 1
in in ADP IN prep 3
Iraq Iraq PROPN NNP pobj 4
. . PUNCT . punct 1""", [(0, 1, "GPE"), (5, 6, "GPE")], ("Iran", "Iraq"), ("Iraq", "IRQ")),
    # a place hit directly is where it was hit (a state at country precision)
    ("target_place", """
Russia Russia PROPN NNP nsubj 1
strikes strike VERB VBZ ROOT 1
Ukraine Ukraine PROPN NNP dobj 1
. . PUNCT . punct 1""", [(0, 1, "GPE"), (2, 3, "GPE")], ("Russia", "Ukraine"), ("Ukraine", "UKR")),
    # a region of no state hit directly is the place too
    ("target_place", """
Turkey Turkey PROPN NNP nsubj 1
hit hit VERB VBD ROOT 1
Rojava Rojava PROPN NNP dobj 1
. . PUNCT . punct 1""", [(0, 1, "GPE"), (2, 3, "LOC")], ("Turkey", "Rojava"), ("Rojava", None)),
    # the object is the state its seat names; the seat is the place
    ("seat_named_end", """
Belarusian belarusian ADJ JJ amod 2
opposition opposition NOUN NN compound 2
candidate candidate NOUN NN compound 4
Sviatlana Sviatlana PROPN NNP compound 4
Tsikhanouskaya Tsikhanouskaya PROPN NNP nsubj 5
holds hold VERB VBZ ROOT 5
major major ADJ JJ amod 7
rally rally NOUN NN dobj 5
in in ADP IN prep 7
Minsk Minsk PROPN NNP pobj 8
. . PUNCT . punct 5""", [(0, 1, "NORP"), (3, 5, "PERSON"), (9, 10, "GPE")],
     ("Sviatlana Tsikhanouskaya", "Belarus"), ("Minsk", "BLR")),
    # a visit to a seat of power: CONSULT North Korea, in Pyongyang
    ("seat_named_end", """
Putin Putin PROPN NNP poss 2
's 's PART POS case 0
visit visit NOUN NN nsubj 5
to to ADP IN prep 2
Pyongyang Pyongyang PROPN NNP pobj 3
strengthened strengthen VERB VBD ROOT 5
ties tie NOUN NNS dobj 5
. . PUNCT . punct 5""", [(0, 1, "PERSON"), (4, 5, "GPE")], ("Vladimir Putin", "North Korea"), ("Pyongyang", "PRK")),
    ("lead_dateline", """
KABUL KABUL PROPN NNP ROOT 0
( ( PUNCT -LRB- punct 2
Reuters Reuters PROPN NNP appos 0
) ) PUNCT -RRB- punct 2
- - PUNCT : punct 0
The the DET DT det 6
Taliban Taliban PROPN NNP nsubj 7
attacked attack VERB VBD ROOT 7
ISIS ISIS PROPN NNP dobj 7
. . PUNCT . punct 7""", [(0, 1, "GPE"), (2, 3, "ORG"), (6, 7, "ORG"), (8, 9, "ORG")],
     ("Taliban", "Islamic State"), ("Kabul", "AFG")),
    # "while campaigning in Michigan": a participle clause says where the subject was when it spoke
    ("shared_clause", """
Biden Biden PROPN NNP nsubj 7
, , PUNCT , punct 7
while while SCONJ IN mark 3
campaigning campaign VERB VBG advcl 7
in in ADP IN prep 3
Michigan Michigan PROPN NNP pobj 4
, , PUNCT , punct 7
criticised criticise VERB VBD ROOT 7
Trump Trump PROPN NNP dobj 7
. . PUNCT . punct 7""", [(0, 1, "PERSON"), (5, 6, "GPE"), (8, 9, "PERSON")], ("Joe Biden", "Donald Trump"),
     ("Michigan", "USA")),
    # "delivered a speech in Delaware in which he criticised Trump": the speech's place
    ("setting_clause", """
Biden Biden PROPN NNP nsubj 1
delivered deliver VERB VBD ROOT 1
a a DET DT det 3
speech speech NOUN NN dobj 1
in in ADP IN prep 1
Delaware Delaware PROPN NNP pobj 4
in in ADP IN prep 9
which which PRON WDT pobj 6
he he PRON PRP nsubj 9
criticised criticise VERB VBD relcl 3
Trump Trump PROPN NNP dobj 9
. . PUNCT . punct 1""", [(0, 1, "PERSON"), (5, 6, "GPE"), (10, 11, "PERSON")], ("Joe Biden", "Donald Trump"),
     ("Delaware", "USA")),
]


def _located(doc: Doc, pair: tuple[str, str]) -> list[tuple[str | None, str | None]]:
    """(location, its state) of each event between the pair (a standing tie of the same pair has no place)."""
    triples = extract_triples(doc, Document(id="d", text=doc.text, date="2019-03-06"))
    return [(t.location, t.location_iso3) for t in triples if (t.subject, t.object) == pair
            and t.relation_type in EVENT_TYPES]


@pytest.mark.parametrize(("name", "rows", "ents", "pair", "place"), CASES, ids=[c[0] for c in CASES])
def test_construction_places_the_event(vocab: Vocab, name: str, rows: str, ents: Ents, pair: tuple[str, str],
                                       place: tuple[str, str | None]) -> None:
    assert _located(parsed_doc(vocab, rows, ents=ents), pair) == [place]


@pytest.mark.parametrize(("name", "rows", "ents", "pair", "place"), CASES, ids=[c[0] for c in CASES])
def test_without_the_construction_the_place_is_not_found(vocab: Vocab, monkeypatch: pytest.MonkeyPatch, name: str,
                                                         rows: str, ents: Ents, pair: tuple[str, str],
                                                         place: tuple[str, str | None]) -> None:
    others = tuple(c for c in locative.CONSTRUCTIONS if c[0] != name)
    assert len(others) == len(locative.CONSTRUCTIONS) - 1
    monkeypatch.setattr(locative, "CONSTRUCTIONS", others)
    assert _located(parsed_doc(vocab, rows, ents=ents), pair) != [place]


def test_a_reporting_verbs_place_is_not_the_reported_events(vocab: Vocab) -> None:
    doc = parsed_doc(vocab, """
In in ADP IN prep 4
Geneva Geneva PROPN NNP pobj 0
, , PUNCT , punct 4
officials official NOUN NNS nsubj 4
said say VERB VBD ROOT 4
Russia Russia PROPN NNP nsubj 6
attacked attack VERB VBD ccomp 4
ISIS ISIS PROPN NNP dobj 6
. . PUNCT . punct 4""", ents=[(1, 2, "GPE"), (5, 6, "GPE"), (7, 8, "ORG")])
    assert _located(doc, ("Russia", "Islamic State")) == [(None, None)]


def test_a_dateline_places_only_the_lead(vocab: Vocab) -> None:
    (rows, ents), = [(c[1], c[2]) for c in CASES if c[0] == "lead_dateline"]  # "KABUL (Reuters) - ..."
    doc = parsed_doc(vocab, rows + """
Then then ADV RB advmod 12
Iran Iran PROPN NNP nsubj 12
attacked attack VERB VBD ROOT 12
ISIS ISIS PROPN NNP dobj 12
. . PUNCT . punct 12
Later later ADV RB advmod 17
Syria Syria PROPN NNP nsubj 17
attacked attack VERB VBD ROOT 17
ISIS ISIS PROPN NNP dobj 17
. . PUNCT . punct 17""", ents=[*ents, (11, 12, "GPE"), (13, 14, "ORG"), (16, 17, "GPE"), (18, 19, "ORG")])
    got = {(t.subject, t.object): t.location
           for t in extract_triples(doc, Document(id="d", text=doc.text)) if t.relation_type == "ASSAULT"}
    # the two sentences after the dateline are the lead; the third is not
    assert got == {("Taliban", "Islamic State"): "Kabul", ("Iran", "Islamic State"): "Kabul",
                   ("Syria", "Islamic State"): None}


def test_another_events_place_is_not_taken(vocab: Vocab) -> None:
    # "amid protests in Minsk": the protests' place; the meeting may have been elsewhere
    doc = parsed_doc(vocab, """
Lukashenko Lukashenko PROPN NNP nsubj 1
met meet VERB VBD ROOT 1
Putin Putin PROPN NNP dobj 1
amid amid ADP IN prep 1
protests protest NOUN NNS pobj 3
in in ADP IN prep 4
Minsk Minsk PROPN NNP pobj 5
. . PUNCT . punct 1""", ents=[(0, 1, "PERSON"), (2, 3, "PERSON"), (6, 7, "GPE")])
    assert _located(doc, ("Alexander Lukashenko", "Vladimir Putin")) == [(None, None)]


def test_a_place_the_data_does_not_know_keeps_no_country(vocab: Vocab) -> None:
    from kg.extract.where import place_country

    # a US state, a large city, a name cities of several countries share, an unknown village
    assert [place_country(n) for n in ("Florida", "Aleppo", "San Fernando", "Xyzzyville")] == [
        "USA", "SYR", None, None]


def test_a_verbal_events_agent_is_not_placed(vocab: Vocab) -> None:
    # "US officials in Syria accused ISIS": the accusation may be made anywhere; an attack is where its doers are
    rows = """
US US PROPN NNP compound 1
officials official NOUN NNS nsubj 4
in in ADP IN prep 1
Syria Syria PROPN NNP pobj 2
accused accuse VERB VBD ROOT 4
ISIS ISIS PROPN NNP dobj 4
. . PUNCT . punct 4"""
    doc = parsed_doc(vocab, rows, ents=[(0, 1, "GPE"), (3, 4, "GPE"), (5, 6, "ORG")])
    triples = extract_triples(doc, Document(id="d", text=doc.text, date="2019-03-06"))
    assert [(t.relation_type, t.location) for t in triples if t.object == "Islamic State"] == [("ACCUSE", None)]


def test_an_actor_named_by_its_state_is_no_target_place(vocab: Vocab) -> None:
    # "attacked a US vessel": the vessel was hit, wherever it was; the state names its owner, not a place
    doc = parsed_doc(vocab, """
Japan Japan PROPN NNP nsubj 1
attacked attack VERB VBD ROOT 1
a a DET DT det 4
US US PROPN NNP compound 4
vessel vessel NOUN NN dobj 1
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (3, 4, "GPE")])
    assert _located(doc, ("Japan", "United States")) == [(None, None)]


def test_a_state_pressured_is_no_place(vocab: Vocab) -> None:
    # coercion by word or money may come from anywhere: only force puts the event in its target
    doc = parsed_doc(vocab, """
Russia Russia PROPN NNP nsubj 1
pressured pressure VERB VBD ROOT 1
Ukraine Ukraine PROPN NNP dobj 1
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (2, 3, "GPE")])
    assert _located(doc, ("Russia", "Ukraine")) == [(None, None)]


def test_a_place_named_with_its_country_has_that_country(vocab: Vocab) -> None:
    # "moving into Northern Syria", "the airstrike at Baghdad International Airport": the name holds the country
    doc = parsed_doc(vocab, """
Turkey Turkey PROPN NNP nsubj 1
moved move VERB VBD ROOT 1
into into ADP IN prep 1
Northern Northern PROPN NNP compound 4
Syria Syria PROPN NNP pobj 2
. . PUNCT . punct 1""", ents=[(0, 1, "GPE"), (3, 5, "LOC")])
    assert _located(doc, ("Turkey", "Northern Syria")) == [("Northern Syria", "SYR")]
