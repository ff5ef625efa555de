"""Noun-phrase constructions of wire news on hand-built parses: hyphenated backers ("the Iranian-backed Houthi
rebels", "a U.S.-led coalition", "a Berlin-based non-profit"), members of a collective noun, titles inside or
beside names, counterparts, partitives ("more of a critic of"), "at odds", plural heads with "of", company trades.

The parses are the model's (``kg.extract.testing.dump_parse``), frozen here so the rules are tested, not the
model.
"""

from __future__ import annotations

from spacy.vocab import Vocab

from kg.extract.testing import facts, parsed_doc


def test_hyphenated_backer_supports_the_named_group(vocab: Vocab) -> None:
    """"the Iranian-backed Houthi rebels": Iran backs the Houthis."""
    doc = parsed_doc(vocab, """
The the DET DT det 5
Iranian Iranian PROPN NNP npadvmod 3
- - PUNCT HYPH punct 3
backed back VERB VBN amod 5
Houthi Houthi PROPN NNP compound 5
rebels rebel NOUN NNS nsubj 6
attacked attack VERB VBD ROOT 6
a a DET DT det 10
Saudi saudi ADJ JJ amod 10
oil oil NOUN NN compound 10
facility facility NOUN NN dobj 6
. . PUNCT . punct 6""", ents=[(1, 2, 'NORP'), (4, 6, 'ORG'), (8, 9, 'NORP')])
    found = facts(doc)
    for fact in [('Iran', 'SUPPORT', 'Houthis'), ('Houthis', 'ASSAULT', 'Saudi Arabia')]:
        assert fact in found, (fact, found)


def test_hyphenated_leader_of_a_missed_apposition(vocab: Vocab) -> None:
    """"the CSTO, a Moscow-led military alliance": the comma joins what the parser did not."""
    doc = parsed_doc(vocab, """
Armenia Armenia PROPN NNP nsubj 1
froze freeze VERB VBD ROOT 1
its its PRON PRP$ poss 3
participation participation NOUN NN dobj 1
in in ADP IN prep 3
the the DET DT det 6
CSTO CSTO PROPN NNPS pobj 4
, , PUNCT , punct 3
a a DET DT det 13
Moscow Moscow PROPN NNP npadvmod 11
- - PUNCT HYPH punct 11
led lead VERB VBN amod 13
military military ADJ JJ amod 13
alliance alliance NOUN NN appos 3
. . PUNCT . punct 1""", ents=[(0, 1, 'GPE'), (6, 7, 'ORG'), (9, 10, 'GPE')])
    found = facts(doc)
    for fact in [('Russia', 'LEADER_OF', 'Collective Security Treaty Organization')]:
        assert fact in found, (fact, found)


def test_hyphenated_backer_of_an_apposition_after_brackets(vocab: Vocab) -> None:
    """"the Popular Mobilization Forces (PMF), an Iranian-backed militia"."""
    doc = parsed_doc(vocab, """
al al PROPN NNP nsubj 3
- - PROPN NNP nsubj 3
Muhandis Muhandis PROPN NNP nsubj 3
was be AUX VBD ROOT 3
the the DET DT det 6
deputy deputy NOUN NN compound 6
commander commander NOUN NN attr 3
of of ADP IN prep 6
the the DET DT det 11
Popular Popular PROPN NNP compound 10
Mobilization Mobilization PROPN NNP compound 11
Forces Forces PROPN NNPS pobj 7
( ( PUNCT -LRB- punct 11
PMF PMF PROPN NNP appos 11
) ) PUNCT -RRB- punct 11
, , PUNCT , punct 6
an an DET DT det 20
Iranian Iranian PROPN NNP npadvmod 19
- - PUNCT HYPH punct 19
backed back VERB VBN amod 20
militia militia NOUN NN appos 6
. . PUNCT . punct 3""", ents=[(0, 3, 'PERSON'), (8, 12, 'ORG'), (13, 14, 'ORG'), (17, 18, 'NORP')])
    found = facts(doc)
    expected = [
        ('al-Muhandis', 'MEMBER_OF', 'Popular Mobilization Forces'),
        ('Iran', 'SUPPORT', 'Popular Mobilization Forces'),
    ]
    for fact in expected:
        assert fact in found, (fact, found)


def test_one_token_state_led_coalition_is_the_state(vocab: Vocab) -> None:
    """"a U.S.-led coalition" is one token the NER leaves out."""
    doc = parsed_doc(vocab, """
The the DET DT det 1
government government NOUN NN nsubjpass 3
was be AUX VBD auxpass 3
established establish VERB VBN ROOT 3
after after SCONJ IN mark 8
a a DET DT det 7
U.S.-led u.s.-led ADJ JJ amod 7
coalition coalition NOUN NN nsubj 8
ousted oust VERB VBD advcl 3
Saddam Saddam PROPN NNP compound 10
Hussein Hussein PROPN NNP dobj 8
. . PUNCT . punct 3""", ents=[(9, 11, 'PERSON')])
    found = facts(doc)
    for fact in [('United States', 'COERCE', 'Saddam Hussein')]:
        assert fact in found, (fact, found)


def test_collective_noun_names_its_members(vocab: Vocab) -> None:
    """"G7 is a group of seven countries, A, B ...": each MEMBER_OF G7, not G7 AFFILIATED_WITH them."""
    doc = parsed_doc(vocab, """
G7 G7 PROPN NNP nsubj 1
is be AUX VBZ ROOT 1
an an DET DT det 4
informal informal ADJ JJ amod 4
group group NOUN NN attr 1
of of ADP IN prep 4
seven seven NUM CD nummod 7
countries country NOUN NNS pobj 5
, , PUNCT , punct 7
the the DET DT det 11
United United PROPN NNP compound 11
Kingdom Kingdom PROPN NNP conj 7
, , PUNCT , punct 11
France France PROPN NNP conj 11
and and CCONJ CC cc 13
Japan Japan PROPN NNP conj 13
. . PUNCT . punct 1""", ents=[(0, 1, 'ORG'), (6, 7, 'CARDINAL'), (9, 12, 'GPE'), (13, 14, 'GPE'), (15, 16, 'GPE')])
    found = facts(doc)
    expected = [
        ('United Kingdom', 'MEMBER_OF', 'Group of Seven'),
        ('France', 'MEMBER_OF', 'Group of Seven'),
        ('Japan', 'MEMBER_OF', 'Group of Seven'),
    ]
    for fact in expected:
        assert fact in found, (fact, found)


def test_title_noun_with_named_person_is_the_person(vocab: Vocab) -> None:
    """"Northamptonshire's chief constable Nick Adderley wrote": the county does nothing."""
    doc = parsed_doc(vocab, """
Northamptonshire Northamptonshire PROPN NNP poss 3
's 's PART POS case 0
chief chief ADJ JJ amod 3
constable constable NOUN NN nsubj 6
Nick Nick PROPN NNP compound 5
Adderley Adderley PROPN NNP appos 3
wrote write VERB VBD ROOT 6
to to ADP IN prep 6
the the DET DT det 10
US US PROPN NNP compound 10
Embassy Embassy PROPN NNP pobj 7
asking ask VERB VBG advcl 6
to to PART TO aux 13
waive waive VERB VB xcomp 11
her her PRON PRP$ poss 15
immunity immunity NOUN NN dobj 13
. . PUNCT . punct 6""", ents=[(0, 1, 'GPE'), (4, 6, 'PERSON'), (8, 11, 'ORG')])
    found = facts(doc)
    for fact in [('Nick Adderley', 'LEADER_OF', 'Northamptonshire')]:
        assert fact in found, (fact, found)


def test_title_word_tagged_as_place_is_a_title(vocab: Vocab) -> None:
    """"Qaboos bin Said, the long-serving Sultan of Oman" with "Sultan" tagged GPE."""
    doc = parsed_doc(vocab, """
On on ADP IN prep 15
Friday Friday PROPN NNP pobj 0
, , PUNCT , punct 15
Qaboos Qaboos PROPN NNP compound 5
bin bin PROPN NNP compound 5
Said Said PROPN NNP nsubj 15
, , PUNCT , punct 5
the the DET DT det 11
long long ADV RB advmod 10
- - PUNCT HYPH punct 10
serving serve VERB VBG amod 11
Sultan Sultan PROPN NNP appos 5
of of ADP IN prep 11
Oman Oman PROPN NNP pobj 12
, , PUNCT , punct 5
died die VERB VBD ROOT 15
aged aged ADJ JJ acomp 15
79 79 NUM CD npadvmod 15
. . PUNCT . punct 15""", ents=[(1, 2, 'DATE'), (3, 6, 'PERSON'), (11, 12, 'GPE'), (13, 14, 'GPE'), (17, 18, 'DATE')])
    found = facts(doc)
    for fact in [('Qaboos bin Said', 'LEADER_OF', 'Oman')]:
        assert fact in found, (fact, found)


def test_title_inside_the_person_mention(vocab: Vocab) -> None:
    """"Egypt's current President Abdel Fattah al-Sisi": the mention took its title along."""
    doc = parsed_doc(vocab, """
Egypt Egypt PROPN NNP poss 3
's 's PART POS case 0
current current ADJ JJ amod 3
President President PROPN NNP nsubj 9
Abdel Abdel PROPN NNP compound 8
Fattah Fattah PROPN NNP compound 8
al al PROPN NNP compound 8
- - PROPN NNP punct 8
Sisi Sisi PROPN NNP appos 3
announced announce VERB VBD ROOT 9
three three NUM CD nummod 11
days day NOUN NNS dobj 9
of of ADP IN prep 11
national national ADJ JJ amod 14
mourning mourning NOUN NN pobj 12
. . PUNCT . punct 9""", ents=[(0, 1, 'GPE'), (4, 9, 'PERSON'), (10, 12, 'DATE')])
    found = facts(doc)
    for fact in [('Abdel Fattah al-Sisi', 'LEADER_OF', 'Egypt')]:
        assert fact in found, (fact, found)


def test_counterpart_is_no_office_of_a_person(vocab: Vocab) -> None:
    """"his Turkish counterpart Mevlut Cavusoglu" is MEMBER_OF Turkey, not of the speaker."""
    doc = parsed_doc(vocab, """
Egypt Egypt PROPN NNP poss 3
's 's PART POS case 0
foreign foreign ADJ JJ amod 3
minister minister NOUN NN nsubj 6
Sameh Sameh PROPN NNP compound 5
Shoukry Shoukry PROPN NNP appos 3
spoke speak VERB VBD ROOT 6
by by ADP IN prep 6
phone phone NOUN NN pobj 7
with with ADP IN prep 6
his his PRON PRP$ poss 12
Turkish turkish ADJ JJ amod 12
counterpart counterpart NOUN NN pobj 9
Mevlut Mevlut PROPN NNP compound 14
Cavusoglu Cavusoglu PROPN NNP appos 12
. . PUNCT . punct 6""", ents=[(0, 1, 'GPE'), (4, 6, 'PERSON'), (11, 12, 'NORP'), (13, 15, 'PERSON')])
    found = facts(doc)
    for fact in [('Sameh Shoukry', 'CONSULT', 'Mevlut Cavusoglu'), ('Mevlut Cavusoglu', 'MEMBER_OF', 'Turkey')]:
        assert fact in found, (fact, found)
    assert ("Mevlut Cavusoglu", "MEMBER_OF", "Sameh Shoukry") not in found


def test_at_odds_is_a_standing_disagreement(vocab: Vocab) -> None:
    """"Trump and Bolton have been at odds"; "at odds with Washington"."""
    doc = parsed_doc(vocab, """
Trump Trump PROPN NNP nsubj 4
and and CCONJ CC cc 0
Bolton Bolton PROPN NNP conj 0
have have AUX VBP aux 4
been be AUX VBN ROOT 4
at at ADP IN prep 4
odds odd NOUN NNS pobj 5
over over ADP IN prep 6
Iran Iran PROPN NNP pobj 7
. . PUNCT . punct 4
Turkey Turkey PROPN NNP nsubj 12
has have AUX VBZ aux 12
been be AUX VBN ROOT 12
at at ADP IN prep 12
odds odd NOUN NNS pobj 13
with with ADP IN prep 14
the the DET DT det 18
United United PROPN NNP compound 18
States States PROPN NNP pobj 15
. . PUNCT . punct 12""", ents=[(0, 1, 'PERSON'), (2, 3, 'PERSON'), (8, 9, 'GPE'), (10, 11, 'GPE'), (16, 19, 'GPE')])
    found = facts(doc)
    for fact in [('Donald Trump', 'REJECT', 'Bolton'), ('Turkey', 'REJECT', 'United States')]:
        assert fact in found, (fact, found)


def test_more_of_a_critic_of(vocab: Vocab) -> None:
    """"Bolton was much more of a critic of Russia": the partitive holds the role."""
    doc = parsed_doc(vocab, """
Bolton Bolton PROPN NNP nsubj 1
was be AUX VBD ROOT 1
also also ADV RB advmod 1
much much ADV RB advmod 4
more more ADJ JJR attr 1
of of ADP IN prep 4
a a DET DT det 7
critic critic NOUN NN pobj 5
of of ADP IN prep 7
Russia Russia PROPN NNP pobj 8
than than SCONJ IN mark 11
was be AUX VBD advcl 4
Trump trump ADJ JJ acomp 11
. . PUNCT . punct 1""", ents=[(0, 1, 'PERSON'), (9, 10, 'GPE'), (12, 13, 'PERSON')])
    found = facts(doc)
    for fact in [('Bolton', 'ACCUSE', 'Russia')]:
        assert fact in found, (fact, found)


def test_nations_of_two_states_open_ties(vocab: Vocab) -> None:
    """"the nations of Serbia and Kosovo opened economic ties": plural heads take "of"."""
    doc = parsed_doc(vocab, """
The the DET DT det 3
formerly formerly ADV RB advmod 2
antagonistic antagonistic ADJ JJ amod 3
nations nation NOUN NNS nsubj 8
of of ADP IN prep 3
Serbia Serbia PROPN NNP pobj 4
and and CCONJ CC cc 5
Kosovo Kosovo PROPN NNP conj 5
opened open VERB VBD ROOT 8
economic economic ADJ JJ amod 10
ties tie NOUN NNS dobj 8
. . PUNCT . punct 8""", ents=[(5, 6, 'GPE'), (7, 8, 'GPE')])
    found = facts(doc)
    for fact in [('Serbia', 'COOPERATE', 'Kosovo')]:
        assert fact in found, (fact, found)


def test_city_based_organisation_is_located_there(vocab: Vocab) -> None:
    """"a Berlin-based non-profit": the organisation is in Berlin."""
    doc = parsed_doc(vocab, """
Cinema Cinema PROPN NNP ROOT 0
for for ADP IN prep 0
Peace Peace PROPN NNP compound 3
Foundation Foundation PROPN NNP pobj 1
, , PUNCT , punct 3
a a DET DT det 11
Berlin Berlin PROPN NNP npadvmod 8
- - PUNCT HYPH punct 8
based base VERB VBN amod 11
non non ADJ JJ amod 11
- - ADJ JJ amod 11
profit profit NOUN NN appos 3
, , PUNCT , punct 0
provided provide VERB VBN acl 0
for for ADP IN prep 13
the the DET DT det 16
evacuation evacuation NOUN NN pobj 14
. . PUNCT . punct 0""", ents=[(0, 4, 'ORG'), (6, 7, 'GPE')])
    found = facts(doc)
    for fact in [('Cinema for Peace Foundation', 'LOCATED_IN', 'Berlin')]:
        assert fact in found, (fact, found)


def test_company_trade_between_nationality_and_name(vocab: Vocab) -> None:
    """"Austrian mortar and shell manufacturer Hirtenberger Defence Group"."""
    doc = parsed_doc(vocab, """
Austrian austrian ADJ JJ amod 1
mortar mortar NOUN NN nmod 4
and and CCONJ CC cc 1
shell shell NOUN NN amod 4
manufacturer manufacturer NOUN NN compound 7
Hirtenberger Hirtenberger PROPN NNP compound 7
Defence Defence PROPN NNP compound 7
Group Group PROPN NNP nsubjpass 9
was be AUX VBD auxpass 9
sold sell VERB VBN ROOT 9
. . PUNCT . punct 9""", ents=[(0, 1, 'NORP'), (5, 8, 'ORG')])
    found = facts(doc)
    for fact in [('Hirtenberger Defence Group', 'AFFILIATED_WITH', 'Austria')]:
        assert fact in found, (fact, found)
