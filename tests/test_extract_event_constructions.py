"""Event constructions of issue 11 on hand-built parses (written from the model's parse with dump_parse, so
they stay when the model changes): one table per kind of construction, each row a sentence and its facts."""

from __future__ import annotations

import pytest
from spacy.vocab import Vocab

from kg.extract import extract_triples
from kg.extract.lexicon import lexicon
from kg.extract.testing import facts, parsed_doc
from kg.records import Document

Facts = list[tuple[str, str, str]]

# Requests behind an act and patients of an event (kg/extract/behest.py).
BEHEST = [
    pytest.param("""
At at ADP IN prep 9
the the DET DT det 2
invitation invitation NOUN NN pobj 0
of of ADP IN prep 2
Xi Xi PROPN NNP compound 5
Jinping Jinping PROPN NNP pobj 3
, , PUNCT , punct 9
Vladimir Vladimir PROPN NNP compound 8
Putin Putin PROPN NNP nsubj 9
visited visit VERB VBD ROOT 9
China China PROPN NNP dobj 9
. . PUNCT . punct 9""",
                 [[4, 6, 'PERSON'], [7, 9, 'PERSON'], [10, 11, 'GPE']],
                 [('Xi Jinping', 'CONSULT', 'Vladimir Putin'), ('Vladimir Putin', 'CONSULT', 'China')],
                 id='At the invitation of Xi Jinping, Vladimir Putin visited China.'),
    pytest.param("""
Mahan Mahan PROPN NNP compound 1
Air Air PROPN NNP nsubj 3
has have AUX VBZ aux 3
been be AUX VBN ROOT 3
the the DET DT det 5
subject subject NOUN NN attr 3
of of ADP IN prep 5
American american ADJ JJ amod 8
sanctions sanction NOUN NNS pobj 6
. . PUNCT . punct 3""",
                 [[0, 2, 'ORG'], [7, 8, 'NORP']],
                 [('United States', 'SANCTION', 'Mahan Air')],
                 id='Mahan Air has been the subject of American sanctions.'),
    pytest.param("""
Iran Iran PROPN NNP nsubj 8
, , PUNCT , punct 0
the the DET DT det 3
target target NOUN NN appos 0
of of ADP IN prep 3
Israeli israeli ADJ JJ amod 6
strikes strike NOUN NNS pobj 4
, , PUNCT , punct 0
protested protest VERB VBN ROOT 8
. . PUNCT . punct 8""",
                 [[0, 1, 'GPE'], [5, 6, 'NORP']],
                 [('Israel', 'ASSAULT', 'Iran')],
                 id='Iran, the target of Israeli strikes, protested.'),
]

# Verb senses: naming, verbal attacks between persons, victories of armed forces, journeys, lexicon rows.
SENSES = [
    pytest.param("""
Trump Trump PROPN NNP nsubj 1
called call VERB VBD ROOT 1
Biden Biden PROPN NNP dobj 1
a a DET DT det 4
neighbour neighbour NOUN NN oprd 1
. . PUNCT . punct 1""",
                 [[0, 1, 'PERSON'], [2, 3, 'PERSON']],
                 [],  # naming is no consultation (an insult is an accusation: see INSULTS)
                 id='Trump called Biden a neighbour.'),
    pytest.param("""
The the DET DT det 2
Associated Associated PROPN NNP compound 2
Press Press PROPN NNP nsubj 3
called call VERB VBD ROOT 3
Nevada Nevada PROPN NNP oprd 3
for for ADP IN prep 3
Biden Biden PROPN NNP pobj 5
. . PUNCT . punct 3""",
                 [[0, 4, 'ORG'], [4, 5, 'GPE'], [6, 7, 'PERSON']],
                 [],
                 id='The Associated Press called Nevada for Biden.'),
    pytest.param("""
Trump Trump PROPN NNP nsubj 1
attacked attack VERB VBD ROOT 1
Biden Biden PROPN NNP dobj 1
. . PUNCT . punct 1""",
                 [[0, 1, 'PERSON'], [2, 3, 'PERSON']],
                 [('Donald Trump', 'ACCUSE', 'Joe Biden')],
                 id='Trump attacked Biden.'),
    pytest.param("""
Russia Russia PROPN NNP nsubj 1
attacked attack VERB VBD ROOT 1
Ukraine Ukraine PROPN NNP dobj 1
. . PUNCT . punct 1""",
                 [[0, 1, 'GPE'], [2, 3, 'GPE']],
                 [('Russia', 'ASSAULT', 'Ukraine')],
                 id='Russia attacked Ukraine.'),
    pytest.param("""
US US PROPN NNP compound 1
troops troop NOUN NNS nsubj 2
defeated defeat VERB VBD ROOT 2
ISIS ISIS PROPN NNP dobj 2
. . PUNCT . punct 2""",
                 [[0, 1, 'GPE'], [3, 4, 'ORG']],
                 [('United States', 'ASSAULT', 'Islamic State')],
                 id='US troops defeated ISIS.'),
    pytest.param("""
Biden Biden PROPN NNP nsubj 1
defeated defeat VERB VBD ROOT 1
Trump Trump PROPN NNP dobj 1
. . PUNCT . punct 1""",
                 [[0, 1, 'PERSON'], [2, 3, 'PERSON']],
                 [('Joe Biden', 'RELATED', 'Donald Trump')],
                 id='Biden defeated Trump.'),
    pytest.param("""
Kim Kim PROPN NNP compound 2
Jong Jong PROPN NNP compound 2
Un Un PROPN NNP nsubj 3
arrived arrive VERB VBD ROOT 3
in in ADP IN prep 3
Seoul Seoul PROPN NNP pobj 4
for for ADP IN prep 3
a a DET DT det 8
visit visit NOUN NN pobj 6
. . PUNCT . punct 3""",
                 [[0, 3, 'PERSON'], [5, 6, 'GPE']],
                 [('Kim Jong Un', 'CONSULT', 'South Korea')],
                 id='Kim Jong Un arrived in Seoul for a visit.'),
    pytest.param("""
The the DET DT det 2
United United PROPN NNP compound 2
States States PROPN NNP nsubj 3
contributed contribute VERB VBD ROOT 3
$ $ SYM $ quantmod 6
100 100 NUM CD compound 6
million million NUM CD dobj 3
to to ADP IN prep 3
Ukraine Ukraine PROPN NNP pobj 7
. . PUNCT . punct 3""",
                 [[0, 3, 'GPE'], [4, 7, 'MONEY'], [8, 9, 'GPE']],
                 [('United States', 'AID', 'Ukraine')],
                 id='The United States contributed $100 million to Ukraine.'),
]

# Quotations: a quoted I or we is the named speaker.
QUOTES = [
    pytest.param("""
" " PUNCT `` punct 12
I I PRON PRP nsubj 2
count count VERB VBP ccomp 12
on on ADP IN prep 2
Turkey Turkey PROPN NNP pobj 3
to to PART TO aux 6
act act VERB VB xcomp 2
with with ADP IN prep 6
restraint restraint NOUN NN pobj 7
, , PUNCT , punct 12
" " PUNCT '' punct 12
Stoltenberg Stoltenberg PROPN NNP nsubj 12
said say VERB VBD ROOT 12
. . PUNCT . punct 12""",
                 [[4, 5, 'GPE'], [11, 12, 'PERSON']],
                 [('Jens Stoltenberg', 'REQUEST', 'Turkey')],
                 id='"I count on Turkey to act with restraint," Stoltenberg said.'),
    pytest.param("""
" " PUNCT `` punct 8
We we PRON PRP nsubj 3
will will AUX MD aux 3
fight fight VERB VB ccomp 8
Russia Russia PROPN NNP dobj 3
, , PUNCT , punct 8
" " PUNCT '' punct 8
I I PRON PRP nsubj 8
said say VERB VBD ROOT 8
. . PUNCT . punct 8""",
                 [[4, 5, 'GPE']],
                 [],
                 id='"We will fight Russia," I said.'),
]

# Coordination: conjoined modifiers, between with two ands, a conjunct that is the next verb's subject.
COORDINATION = [
    pytest.param("""
Israeli israeli ADJ JJ amod 3
and and CCONJ CC cc 0
Palestinian palestinian ADJ JJ conj 0
leaders leader NOUN NNS nsubj 4
met meet VERB VBD ROOT 4
in in ADP IN prep 4
Cairo Cairo PROPN NNP pobj 5
. . PUNCT . punct 4""",
                 [[0, 1, 'NORP'], [2, 3, 'NORP'], [6, 7, 'GPE']],
                 [('Israel', 'CONSULT', 'Palestine')],
                 id='Israeli and Palestinian leaders met in Cairo.'),
    pytest.param("""
The the DET DT det 1
deal deal NOUN NN nsubj 2
normalized normalize VERB VBD ROOT 2
relations relation NOUN NNS dobj 2
between between ADP IN prep 3
Israel Israel PROPN NNP pobj 4
and and CCONJ CC cc 5
the the DET DT det 10
United United PROPN NNP compound 10
Arab Arab PROPN NNP compound 10
Emirates Emirates PROPN NNPS conj 5
and and CCONJ CC cc 10
Bahrain Bahrain PROPN NNP conj 10
. . PUNCT . punct 2""",
                 [[5, 6, 'GPE'], [7, 11, 'GPE'], [12, 13, 'GPE']],
                 [('Israel', 'COOPERATE', 'United Arab Emirates'), ('Israel', 'COOPERATE', 'Bahrain')],
                 id='The deal normalized relations between Israel and the United Arab Emirates and Bahrain.'),
    pytest.param("""
US US PROPN NNP compound 1
troops troop NOUN NNS nsubj 3
had have AUX VBD aux 3
defeated defeat VERB VBN ROOT 3
ISIS ISIS PROPN NNP dobj 3
and and CCONJ CC cc 4
Turkey Turkey PROPN NNP conj 4
would would AUX MD aux 9
be be AUX VB aux 9
moving move VERB VBG conj 3
into into ADP IN prep 9
Syria Syria PROPN NNP pobj 10
. . PUNCT . punct 3""",
                 [[0, 1, 'GPE'], [4, 5, 'ORG'], [6, 7, 'GPE'], [11, 12, 'GPE']],
                 [('United States', 'ASSAULT', 'Islamic State'), ('Turkey', 'MOBILIZE', 'Syria')],
                 id='US troops had defeated ISIS and Turkey would be moving into Syria.'),
]

# Complements: a noun's infinitive or of-gerund, a request's clause.
COMPLEMENTS = [
    pytest.param("""
The the DET DT det 1
Parliament Parliament PROPN NNP nsubj 4
of of ADP IN prep 1
Iraq Iraq PROPN NNP pobj 2
voted vote VERB VBD ROOT 4
on on ADP IN prep 4
a a DET DT det 7
resolution resolution NOUN NN pobj 5
to to PART TO aux 9
expel expel VERB VB acl 7
US US PROPN NNP compound 11
troops troop NOUN NNS dobj 9
. . PUNCT . punct 4""",
                 [[0, 4, 'ORG'], [10, 11, 'GPE']],
                 [('Parliament of Iraq', 'COERCE', 'United States')],
                 id='The Parliament of Iraq voted on a resolution to expel US troops.'),
    pytest.param("""
Abdul Abdul PROPN NNP compound 2
- - PUNCT HYPH punct 2
Mahdi Mahdi PROPN NNP nsubj 3
recommended recommend VERB VBD ROOT 3
the the DET DT det 6
US US PROPN NNP compound 6
troops troop NOUN NNS nsubj 7
withdraw withdraw VERB VB ccomp 3
. . PUNCT . punct 3""",
                 [[0, 3, 'PERSON'], [5, 6, 'GPE']],
                 [('Abdul-Mahdi', 'REQUEST', 'United States')],
                 id='Abdul-Mahdi recommended the US troops withdraw.'),
    pytest.param("""
The the DET DT det 2
United United PROPN NNP compound 2
Kingdom Kingdom PROPN NNP nsubj 3
is be AUX VBZ ROOT 3
in in ADP IN prep 3
the the DET DT det 6
process process NOUN NN pobj 4
of of ADP IN prep 6
leaving leave VERB VBG pcomp 7
the the DET DT det 11
European European PROPN NNP compound 11
Union Union PROPN NNP dobj 8
. . PUNCT . punct 3""",
                 [[0, 3, 'GPE'], [9, 12, 'ORG']],
                 [('United Kingdom', 'RETREAT', 'European Union')],
                 id='The United Kingdom is in the process of leaving the European Union.'),
]

# Targets one phrase on, possessed objects, of-phrases, idioms that are no event.
TARGETS = [
    pytest.param("""
The the DET DT det 2
United United PROPN NNP compound 2
States States PROPN NNP nsubj 3
announced announce VERB VBD ROOT 3
restrictions restriction NOUN NNS dobj 3
on on ADP IN prep 4
flights flight NOUN NNS pobj 5
to to ADP IN prep 6
Cuba Cuba PROPN NNP pobj 7
. . PUNCT . punct 3""",
                 [[0, 3, 'GPE'], [8, 9, 'GPE']],
                 [('United States', 'SANCTION', 'Cuba')],
                 id='The United States announced restrictions on flights to Cuba.'),
    pytest.param("""
Trump Trump PROPN NNP nsubj 1
asked ask VERB VBD ROOT 1
for for ADP IN prep 1
Bolton Bolton PROPN NNP poss 5
's 's PART POS case 3
resignation resignation NOUN NN pobj 2
. . PUNCT . punct 1""",
                 [[0, 1, 'PERSON'], [3, 4, 'PERSON']],
                 [('Donald Trump', 'REQUEST', 'Bolton')],
                 id="Trump asked for Bolton's resignation."),
    pytest.param("""
The the DET DT det 1
ACLU ACLU PROPN NNP nsubj 2
filed file VERB VBD ROOT 2
a a DET DT det 4
lawsuit lawsuit NOUN NN dobj 2
against against ADP IN prep 2
the the DET DT det 7
state state NOUN NN pobj 5
of of ADP IN prep 7
Montana Montana PROPN NNP pobj 8
. . PUNCT . punct 2""",
                 [[1, 2, 'ORG'], [9, 10, 'GPE']],
                 [('ACLU', 'ACCUSE', 'Montana')],
                 id='The ACLU filed a lawsuit against the state of Montana.'),
    pytest.param("""
Trump trump NOUN NN nmod 2
placed place VERB VBN amod 2
FEMA FEMA PROPN NNP ROOT 2
in in ADP IN prep 2
charge charge NOUN NN pobj 3
of of ADP IN prep 4
the the DET DT det 7
response response NOUN NN pobj 5
to to ADP IN prep 7
Iran Iran PROPN NNP pobj 8
. . PUNCT . punct 2""",
                 [[0, 1, 'PERSON'], [2, 3, 'ORG'], [9, 10, 'GPE']],
                 [],
                 id='Trump placed FEMA in charge of the response to Iran.'),
]

# "Per request of Prime Minister Boris Johnson, the Queen suspended parliament."
BEHEST.append(pytest.param("""
Per per ADP IN prep 10
request request NOUN NN pobj 0
of of ADP IN prep 1
Prime Prime PROPN NNP compound 4
Minister Minister PROPN NNP compound 6
Boris Boris PROPN NNP compound 6
Johnson Johnson PROPN NNP pobj 2
, , PUNCT , punct 10
the the DET DT det 9
Queen Queen PROPN NNP nsubj 10
suspended suspend VERB VBD ROOT 10
parliament parliament NOUN NN dobj 10
. . PUNCT . punct 10""", [(5, 7, "PERSON"), (9, 10, "PERSON")], [("Boris Johnson", "REQUEST", "Queen")],
    id="Per request of Prime Minister Boris Johnson, the Queen suspended parliament."))


@pytest.mark.parametrize(("rows", "ents", "expected"), BEHEST)
def test_behest(vocab: Vocab, rows: str, ents: list[tuple[int, int, str]], expected: Facts) -> None:
    assert facts(parsed_doc(vocab, rows, ents=ents)) == expected


@pytest.mark.parametrize(("rows", "ents", "expected"), SENSES)
def test_senses(vocab: Vocab, rows: str, ents: list[tuple[int, int, str]], expected: Facts) -> None:
    assert facts(parsed_doc(vocab, rows, ents=ents)) == expected


@pytest.mark.parametrize(("rows", "ents", "expected"), QUOTES)
def test_quotes(vocab: Vocab, rows: str, ents: list[tuple[int, int, str]], expected: Facts) -> None:
    assert facts(parsed_doc(vocab, rows, ents=ents)) == expected


@pytest.mark.parametrize(("rows", "ents", "expected"), COORDINATION)
def test_coordination(vocab: Vocab, rows: str, ents: list[tuple[int, int, str]], expected: Facts) -> None:
    assert facts(parsed_doc(vocab, rows, ents=ents)) == expected


@pytest.mark.parametrize(("rows", "ents", "expected"), COMPLEMENTS)
def test_complements(vocab: Vocab, rows: str, ents: list[tuple[int, int, str]], expected: Facts) -> None:
    assert facts(parsed_doc(vocab, rows, ents=ents)) == expected


@pytest.mark.parametrize(("rows", "ents", "expected"), TARGETS)
def test_targets(vocab: Vocab, rows: str, ents: list[tuple[int, int, str]], expected: Facts) -> None:
    assert facts(parsed_doc(vocab, rows, ents=ents)) == expected


# Claims, allegations and intentions: the reported event is not asserted.
MODALITY = [
    pytest.param("""
Russia Russia PROPN NNP nsubj 3
does do AUX VBZ aux 3
not not PART RB neg 3
have have VERB VB ROOT 3
to to PART TO aux 5
attack attack VERB VB xcomp 3
Ukraine Ukraine PROPN NNP dobj 5
. . PUNCT . punct 3""",
                 [[0, 1, 'GPE'], [6, 7, 'GPE']],
                 [('Russia', 'ASSAULT', 'Ukraine', 'hedged')],
                 id='Russia does not have to attack Ukraine (an obligation, not an attack).'),
    pytest.param("""
Iran Iran PROPN NNP nsubj 1
refuted refute VERB VBD ROOT 1
a a DET DT det 3
report report NOUN NN dobj 1
that that SCONJ IN mark 6
ElBaradei ElBaradei PROPN NNP nsubj 6
met meet VERB VBD relcl 3
Netanyahu Netanyahu PROPN NNP dobj 6
. . PUNCT . punct 1""",
                 [[0, 1, 'GPE'], [5, 6, 'PERSON'], [7, 8, 'PERSON']],
                 [('ElBaradei', 'CONSULT', 'Benjamin Netanyahu', 'hedged')],
                 id='Iran refuted a report that ElBaradei met Netanyahu.'),
    pytest.param("""
The the DET DT det 1
US US PROPN NNP nsubj 2
accused accuse VERB VBD ROOT 2
Iran Iran PROPN NNP dobj 2
of of ADP IN prep 2
supplying supply VERB VBG pcomp 4
drones drone NOUN NNS dobj 5
to to ADP IN prep 5
Russia Russia PROPN NNP pobj 7
. . PUNCT . punct 2""",
                 [[1, 2, 'GPE'], [3, 4, 'GPE'], [8, 9, 'GPE']],
                 [('United States', 'ACCUSE', 'Iran', 'asserted'), ('Iran', 'AID', 'Russia', 'hedged')],
                 id='The US accused Iran of supplying drones to Russia.'),
    pytest.param("""
China China PROPN NNP nsubj 1
adopted adopt VERB VBD ROOT 1
a a DET DT det 3
plan plan NOUN NN dobj 1
to to PART TO aux 5
invade invade VERB VB acl 3
Taiwan Taiwan PROPN NNP dobj 5
. . PUNCT . punct 1""",
                 [[0, 1, 'GPE'], [6, 7, 'GPE']],
                 [('China', 'ASSAULT', 'Taiwan', 'future')],
                 id='China adopted a plan to invade Taiwan.'),
    pytest.param("""
The the DET DT det 1
Parliament Parliament PROPN NNP nsubj 4
of of ADP IN prep 1
Iraq Iraq PROPN NNP pobj 2
voted vote VERB VBD ROOT 4
on on ADP IN prep 4
a a DET DT det 7
resolution resolution NOUN NN pobj 5
to to PART TO aux 9
expel expel VERB VB acl 7
US US PROPN NNP compound 11
troops troop NOUN NNS dobj 9
. . PUNCT . punct 4""",
                 [[0, 4, 'ORG'], [10, 11, 'GPE']],
                 [('Parliament of Iraq', 'COERCE', 'United States', 'future')],
                 id='The Parliament of Iraq voted on a resolution to expel US troops.'),
    pytest.param("""
Russia Russia PROPN NNP nsubj 1
attacked attack VERB VBD ROOT 1
Ukraine Ukraine PROPN NNP dobj 1
. . PUNCT . punct 1""",
                 [[0, 1, 'GPE'], [2, 3, 'GPE']],
                 [('Russia', 'ASSAULT', 'Ukraine', 'asserted')],
                 id='Russia attacked Ukraine.'),
]


@pytest.mark.parametrize(("rows", "ents", "expected"), MODALITY)
def test_claims_are_not_asserted(vocab: Vocab, rows: str, ents: list[tuple[int, int, str]],
                                 expected: list[tuple[str, str, str, str]]) -> None:
    doc = parsed_doc(vocab, rows, ents=ents)
    triples = extract_triples(doc, Document(id="t", text=doc.text))
    got = [(t.subject, t.relation_type, t.object, t.modality) for t in triples]
    assert got == expected


def test_lexicon_rows_carry_the_new_flags() -> None:
    lex = lexicon()
    defeat, attack, call, arrive = lex.verb("defeat"), lex.verb("attack"), lex.verb("call"), lex.verb("arrive")
    assert defeat is not None and (defeat.type, defeat.force_type) == ("RELATED", "ASSAULT")
    assert attack is not None and (attack.type, attack.person_type) == ("ASSAULT", "ACCUSE")
    assert call is not None and call.naming and arrive is not None and arrive.motion
    request = lex.noun("request")
    assert request is not None and request.behest and request.type == "REQUEST"


# Designations ("named X as a terrorist group"), deeds through an instrument or an order, adjectival participles.
DESIGNATIONS = [
    pytest.param("""
Joe Joe PROPN NNP compound 1
Biden Biden PROPN NNP nsubj 2
announced announce VERB VBD ROOT 2
Kamala Kamala PROPN NNP compound 4
Harris Harris PROPN NNP dobj 2
as as ADP IN prep 2
his his PRON PRP$ poss 7
choice choice NOUN NN pobj 5
for for ADP IN prep 7
running run VERB VBG amod 10
mate mate NOUN NN pobj 8
. . PUNCT . punct 2""",
                 [(0, 2, 'PERSON'), (3, 5, 'PERSON')],
                 [('Joe Biden', 'SUPPORT', 'Kamala Harris')],
                 id='Joe Biden announced Kamala Harris as his choice for running mate.'),
    pytest.param("""
The the DET DT det 2
United United PROPN NNP compound 2
States States PROPN NNP nsubj 3
named name VERB VBD ROOT 3
Hezbollah Hezbollah PROPN NNP dobj 3
as as ADP IN prep 3
a a DET DT det 8
terrorist terrorist ADJ JJ amod 8
organization organization NOUN NN pobj 5
. . PUNCT . punct 3""",
                 [(0, 3, 'GPE'), (4, 5, 'ORG')],
                 [('United States', 'SANCTION', 'Hezbollah')],
                 id='The United States named Hezbollah as a terrorist organization.'),
    pytest.param("""
Trump Trump PROPN NNP nsubj 1
called call VERB VBD ROOT 1
Biden Biden PROPN NNP dobj 1
a a DET DT det 4
threat threat NOUN NN oprd 1
. . PUNCT . punct 1""",
                 [(0, 1, 'PERSON'), (2, 3, 'PERSON')],
                 [('Donald Trump', 'ACCUSE', 'Joe Biden')],
                 id='Trump called Biden a threat.'),
]
DEEDS = [
    pytest.param("""
The the DET DT det 2
Warren Warren PROPN NNP compound 2
Commission Commission PROPN NNP nsubj 3
concluded conclude VERB VBD ROOT 3
that that SCONJ IN mark 6
Oswald Oswald PROPN NNP nsubj 6
fired fire VERB VBD ccomp 3
the the DET DT det 8
shots shot NOUN NNS dobj 6
that that PRON WDT nsubj 10
killed kill VERB VBD relcl 8
Kennedy Kennedy PROPN NNP dobj 10
. . PUNCT . punct 3""",
                 [(0, 3, 'ORG'), (5, 6, 'PERSON'), (11, 12, 'PERSON')],
                 [('Oswald', 'ASSAULT', 'Kennedy')],
                 id='The Warren Commission concluded that Oswald fired the shots that killed Kennedy.'),
    pytest.param("""
Atahualpa Atahualpa PROPN NNP nsubjpass 2
was be AUX VBD auxpass 2
murdered murder VERB VBN ROOT 2
on on ADP IN prep 2
the the DET DT det 5
orders order NOUN NNS pobj 3
of of ADP IN prep 5
Francisco Francisco PROPN NNP compound 8
Pizarro Pizarro PROPN NNP pobj 6
. . PUNCT . punct 2""",
                 [(0, 1, 'PERSON'), (7, 9, 'PERSON')],
                 [('Francisco Pizarro', 'ASSAULT', 'Atahualpa')],
                 id='Atahualpa was murdered on the orders of Francisco Pizarro.'),
    pytest.param("""
The the DET DT det 1
House House PROPN NNP nsubj 2
launched launch VERB VBD ROOT 2
an an DET DT det 4
investigation investigation NOUN NN dobj 2
into into ADP IN prep 4
misconduct misconduct NOUN NN pobj 5
by by ADP IN prep 2
sitting sit VERB VBG pcomp 7
President President PROPN NNP compound 11
Donald Donald PROPN NNP compound 11
Trump Trump PROPN NNP dobj 8
. . PUNCT . punct 2""",
                 [(1, 2, 'ORG'), (10, 12, 'PERSON')],
                 [],
                 id='The House launched an investigation into misconduct by sitting President Donald Trump.'),
]

# An insult is an accusation; the parser takes both the named and the name for predicates; a gerund of time is
# the subject's deed, not the object's.
INSULTS = [
    pytest.param("""
Trump Trump PROPN NNP nsubj 1
called call VERB VBD ROOT 1
Biden Biden PROPN NNP oprd 1
a a DET DT det 4
clown clown NOUN NN oprd 1
. . PUNCT . punct 1""", [(0, 1, 'PERSON'), (2, 3, 'PERSON')], [('Donald Trump', 'ACCUSE', 'Joe Biden')],
                 id='Trump called Biden a clown (two oprd).'),
    pytest.param("""
Trump Trump PROPN NNP nsubj 1
called call VERB VBD ROOT 1
Kim Kim PROPN NNP dobj 1
a a DET DT det 4
friend friend NOUN NN oprd 1
. . PUNCT . punct 1""", [(0, 1, 'PERSON'), (2, 3, 'PERSON')], [], id='Trump called Kim a friend.'),
    pytest.param("""
Blinken Blinken PROPN NNP nsubj 1
warned warn VERB VBD ROOT 1
Russia Russia PROPN NNP dobj 1
after after ADP IN prep 1
meeting meet VERB VBG pcomp 3
Zelensky Zelensky PROPN NNP dobj 4
. . PUNCT . punct 1""", [(0, 1, 'PERSON'), (2, 3, 'GPE'), (5, 6, 'PERSON')],
                 [('Antony Blinken', 'CONSULT', 'Volodymyr Zelensky'), ('Antony Blinken', 'THREATEN', 'Russia')],
                 id='Blinken warned Russia after meeting Zelensky.'),
]


@pytest.mark.parametrize(("rows", "ents", "expected"), INSULTS)
def test_insults_and_gerunds_of_time(vocab: Vocab, rows: str, ents: list[tuple[int, int, str]],
                                     expected: Facts) -> None:
    assert sorted(facts(parsed_doc(vocab, rows, ents=ents))) == sorted(expected)


@pytest.mark.parametrize(("rows", "ents", "expected"), DESIGNATIONS + DEEDS)
def test_designations_and_deeds(vocab: Vocab, rows: str, ents: list[tuple[int, int, str]], expected: Facts) -> None:
    assert facts(parsed_doc(vocab, rows, ents=ents)) == expected


# Quoted objects and claims carried by nouns (kg/extract/claims.py): the claimant accuses, the content is hedged.
CLAIM_NOUNS = [
    pytest.param("""
" " PUNCT `` punct 10
Russia Russia PROPN NNP nsubj 2
attacked attack VERB VBD ccomp 10
us we PRON PRP dobj 2
again again ADV RB advmod 2
last last ADJ JJ amod 6
night night NOUN NN npadvmod 2
, , PUNCT , punct 10
" " PUNCT '' punct 10
Zelensky Zelensky PROPN NNP nsubj 10
said say VERB VBD ROOT 10
. . PUNCT . punct 10""",
                 [(1, 2, 'GPE'), (5, 7, 'TIME'), (9, 10, 'PERSON')],
                 [('Russia', 'ASSAULT', 'Volodymyr Zelensky', 'asserted')],
                 id='"Russia attacked us again last night," Zelensky said.'),
    pytest.param("""
Trump trump NOUN NN nsubj 1
repeated repeat VERB VBD ROOT 1
his his PRON PRP$ poss 3
allegations allegation NOUN NNS dobj 1
that that SCONJ IN mark 7
Biden Biden PROPN NNP nsubj 7
had have AUX VBD aux 7
pressured pressure VERB VBN acl 3
Ukraine Ukraine PROPN NNP dobj 7
. . PUNCT . punct 1""",
                 [(0, 1, 'PERSON'), (5, 6, 'PERSON'), (8, 9, 'GPE')],
                 [('Donald Trump', 'ACCUSE', 'Joe Biden', 'asserted'), ('Joe Biden', 'COERCE', 'Ukraine', 'hedged')],
                 id='Trump repeated his allegations that Biden had pressured Ukraine.'),
    pytest.param("""
Iran Iran PROPN NNP poss 2
's 's PART POS case 0
accusation accusation NOUN NN nsubjpass 10
that that SCONJ IN mark 5
Israel Israel PROPN NNP nsubj 5
attacked attack VERB VBD acl 2
the the DET DT det 8
Natanz Natanz PROPN NNP compound 8
site site NOUN NN dobj 5
was be AUX VBD auxpass 10
rejected reject VERB VBN ROOT 10
. . PUNCT . punct 10""",
                 [(0, 1, 'GPE'), (4, 5, 'GPE'), (7, 8, 'ORG')],
                 [('Iran', 'ACCUSE', 'Israel', 'asserted'), ('Israel', 'ASSAULT', 'Natanz', 'hedged')],
                 id="Iran's accusation that Israel attacked the Natanz site was rejected."),
    pytest.param("""
The the DET DT det 1
claim claim NOUN NN nsubjpass 10
by by ADP IN prep 1
Kyiv Kyiv PROPN NNP pobj 2
that that SCONJ IN mark 7
Russian russian ADJ JJ amod 6
drones drone NOUN NNS nsubj 7
struck strike VERB VBD acl 1
Odesa Odesa PROPN NNP dobj 7
was be AUX VBD auxpass 10
confirmed confirm VERB VBN ROOT 10
. . PUNCT . punct 10""",
                 [(3, 4, 'GPE'), (5, 6, 'NORP'), (8, 9, 'PERSON')],
                 [('Ukraine', 'ACCUSE', 'Russia', 'asserted'), ('Russia', 'ASSAULT', 'Odesa', 'hedged')],
                 id='The claim by Kyiv that Russian drones struck Odesa was confirmed.'),
]


@pytest.mark.parametrize(("rows", "ents", "expected"), CLAIM_NOUNS)
def test_claim_nouns_and_quoted_objects(vocab: Vocab, rows: str, ents: list[tuple[int, int, str]],
                                        expected: list[tuple[str, str, str, str]]) -> None:
    doc = parsed_doc(vocab, rows, ents=ents)
    triples = extract_triples(doc, Document(id="t", text=doc.text))
    assert [(t.subject, t.relation_type, t.object, t.modality) for t in triples] == expected


@pytest.mark.parametrize("dep", ["oprd", "dobj"])
def test_a_race_called_for_someone_is_no_consultation(vocab: Vocab, dep: str) -> None:
    # "NBC News called Nevada for Biden", however the parser hangs Nevada; "NBC News called Biden" stays a call
    doc = parsed_doc(vocab, f"""
NBC NBC PROPN NNP compound 1
News News PROPN NNP nsubj 2
called call VERB VBD ROOT 2
Nevada Nevada PROPN NNP {dep} 2
for for ADP IN prep 2
Biden Biden PROPN NNP pobj 4
. . PUNCT . punct 2""", ents=[(0, 2, "ORG"), (3, 4, "GPE"), (5, 6, "PERSON")])
    assert facts(doc) == []
    call = parsed_doc(vocab, """
NBC NBC PROPN NNP compound 1
News News PROPN NNP nsubj 2
called call VERB VBD ROOT 2
Biden Biden PROPN NNP dobj 2
. . PUNCT . punct 2""", ents=[(0, 2, "ORG"), (3, 4, "PERSON")])
    assert facts(call) == [("NBC News", "CONSULT", "Joe Biden")]
