"""Clause constructions of wire news on hand-built parses: raised and relative subjects, requests made "on"
someone, denials that are rejections, sources of demands, agents of reacted-to events and of operations, people
"from" a state, media that are no authors, joint events signed "between" parties or held before a participial
clause, allegations, datives, borders and settings.

The parses are the model's (``kg.extract.testing.dump_parse``), frozen here so the rules are tested, not the
model.
"""

from __future__ import annotations

from spacy.vocab import Vocab

from kg.extract.testing import facts, parsed_doc


def test_raised_subject_of_passive_expected_to(vocab: Vocab) -> None:
    """"X is expected to visit Y": X visits."""
    doc = parsed_doc(vocab, """
Turkish turkish ADJ JJ amod 1
President President PROPN NNP compound 4
Recep Recep PROPN NNP compound 4
Tayyip Tayyip PROPN NNP compound 4
Erdogan Erdogan PROPN NNP nsubjpass 6
is be AUX VBZ auxpass 6
expected expect VERB VBN ROOT 6
to to PART TO aux 8
visit visit VERB VB xcomp 6
Hungary Hungary PROPN NNP dobj 8
next next ADJ JJ amod 11
week week NOUN NN npadvmod 8
. . PUNCT . punct 6""", ents=[(0, 1, 'NORP'), (2, 5, 'PERSON'), (9, 10, 'GPE'), (10, 12, 'DATE')])
    found = facts(doc)
    for fact in [('Recep Tayyip Erdogan', 'CONSULT', 'Hungary')]:
        assert fact in found, (fact, found)


def test_whose_passive_relative_clause(vocab: Vocab) -> None:
    """"Venezuela, whose government is backed by Moscow": Russia backs Venezuela."""
    doc = parsed_doc(vocab, """
Venezuela Venezuela PROPN NNP nsubj 9
, , PUNCT , punct 0
whose whose DET WP$ poss 3
government government NOUN NN nsubjpass 5
is be AUX VBZ auxpass 5
backed back VERB VBN relcl 0
by by ADP IN agent 5
Moscow Moscow PROPN NNP pobj 6
, , PUNCT , punct 0
held hold VERB VBD ROOT 9
exercises exercise NOUN NNS dobj 9
with with ADP IN prep 9
Russia Russia PROPN NNP pobj 11
. . PUNCT . punct 9""", ents=[(0, 1, 'GPE'), (7, 8, 'GPE'), (12, 13, 'GPE')])
    found = facts(doc)
    for fact in [('Russia', 'SUPPORT', 'Venezuela')]:
        assert fact in found, (fact, found)


def test_not_recognise_is_a_reject(vocab: Vocab) -> None:
    """"would not recognise Kosovo" is REJECT, asserted (negated_type in the lexicon)."""
    doc = parsed_doc(vocab, """
Serbia Serbia PROPN NNP nsubj 1
said say VERB VBD ROOT 1
it it PRON PRP nsubj 5
would would AUX MD aux 5
not not PART RB neg 5
recognise recognise VERB VB ccomp 1
Kosovo Kosovo PROPN NNP dobj 5
as as ADP IN prep 5
an an DET DT det 10
independent independent ADJ JJ amod 10
state state NOUN NN pobj 7
. . PUNCT . punct 1""", ents=[(0, 1, 'GPE'), (6, 7, 'GPE')])
    found = facts(doc)
    for fact in [('Serbia', 'REJECT', 'Kosovo')]:
        assert fact in found, (fact, found)


def test_source_of_a_demanded_or_dismissed_thing(vocab: Vocab) -> None:
    """"demanded an explanation from Russia", "dismissed the claim from Berlin"."""
    doc = parsed_doc(vocab, """
Merkel Merkel PROPN NNP nsubj 1
demanded demand VERB VBD ROOT 1
an an DET DT det 3
explanation explanation NOUN NN dobj 1
from from ADP IN prep 3
Russia Russia PROPN NNP pobj 4
. . PUNCT . punct 1
The the DET DT det 9
Russian russian ADJ JJ amod 9
government government NOUN NN nsubj 10
dismissed dismiss VERB VBD ROOT 10
the the DET DT det 12
claim claim NOUN NN dobj 10
from from ADP IN prep 12
Berlin Berlin PROPN NNP pobj 13
. . PUNCT . punct 10""", ents=[(0, 1, 'PERSON'), (5, 6, 'GPE'), (8, 9, 'NORP'), (14, 15, 'GPE')])
    found = facts(doc)
    for fact in [('Angela Merkel', 'REQUEST', 'Russia'), ('Russia', 'REJECT', 'Germany')]:
        assert fact in found, (fact, found)


def test_negotiators_from_states_mediate_between(vocab: Vocab) -> None:
    """"Negotiators from Qatar and Egypt mediated between Israel and Hamas"."""
    doc = parsed_doc(vocab, """
Negotiators negotiator NOUN NNS nsubj 5
from from ADP IN prep 0
Qatar Qatar PROPN NNP pobj 1
and and CCONJ CC cc 2
Egypt Egypt PROPN NNP conj 2
mediated mediate VERB VBD ROOT 5
between between ADP IN prep 5
Israel Israel PROPN NNP pobj 6
and and CCONJ CC cc 7
Hamas Hamas PROPN NNP conj 7
. . PUNCT . punct 5""", ents=[(2, 3, 'GPE'), (4, 5, 'GPE'), (7, 8, 'GPE'), (9, 10, 'ORG')])
    found = facts(doc)
    expected = [
        ('Qatar', 'CONSULT', 'Israel'),
        ('Qatar', 'CONSULT', 'Hamas'),
        ('Egypt', 'CONSULT', 'Israel'),
        ('Egypt', 'CONSULT', 'Hamas'),
    ]
    for fact in expected:
        assert fact in found, (fact, found)


def test_medium_of_a_message_is_not_its_author(vocab: Vocab) -> None:
    """"posted a message on Twitter blaming Iran": Pompeo blames, not Twitter."""
    doc = parsed_doc(vocab, """
Mike Mike PROPN NNP compound 1
Pompeo Pompeo PROPN NNP nsubj 2
posted post VERB VBD ROOT 2
a a DET DT det 4
message message NOUN NN dobj 2
on on ADP IN prep 4
Twitter Twitter PROPN NNP pobj 5
blaming blame VERB VBG acl 6
Iran Iran PROPN NNP dobj 7
for for ADP IN prep 7
the the DET DT det 11
attacks attack NOUN NNS pobj 9
. . PUNCT . punct 2""", ents=[(0, 2, 'PERSON'), (6, 7, 'PERSON'), (8, 9, 'GPE')])
    found = facts(doc)
    for fact in [('Mike Pompeo', 'ACCUSE', 'Iran')]:
        assert fact in found, (fact, found)


def test_memorandum_signed_between_parties(vocab: Vocab) -> None:
    """"a memorandum was signed between Cyprus, Greece and Israel": the noun is joint."""
    doc = parsed_doc(vocab, """
In in ADP IN prep 8
2017 2017 NUM CD pobj 0
, , PUNCT , punct 8
a a DET DT det 4
memorandum memorandum NOUN NN nsubjpass 8
of of ADP IN prep 4
understanding understanding NOUN NN pobj 5
was be AUX VBD auxpass 8
signed sign VERB VBN ROOT 8
between between ADP IN prep 8
Cyprus Cyprus PROPN NNP pobj 9
, , PUNCT , punct 10
Greece Greece PROPN NNP conj 10
and and CCONJ CC cc 12
Israel Israel PROPN NNP conj 12
. . PUNCT . punct 8""", ents=[(1, 2, 'DATE'), (10, 11, 'GPE'), (12, 13, 'GPE'), (14, 15, 'GPE')])
    found = facts(doc)
    for fact in [('Cyprus', 'AGREE', 'Greece'), ('Cyprus', 'AGREE', 'Israel'), ('Greece', 'AGREE', 'Israel')]:
        assert fact in found, (fact, found)


def test_passive_agent_from_the_operation(vocab: Vocab) -> None:
    """"was killed in a US counter-terrorism operation": the US did it."""
    doc = parsed_doc(vocab, """
Hamza Hamza PROPN NNP compound 2
bin bin PROPN NNP compound 2
Laden Laden PROPN NNP nsubjpass 5
has have AUX VBZ aux 5
been be AUX VBN auxpass 5
killed kill VERB VBN ROOT 5
in in ADP IN prep 5
a a DET DT det 12
US US PROPN NNP nmod 9
counter counter NOUN NN compound 12
- - NOUN NN compound 12
terrorism terrorism NOUN NN compound 12
operation operation NOUN NN pobj 6
. . PUNCT . punct 5""", ents=[(0, 3, 'PERSON'), (8, 9, 'GPE')])
    found = facts(doc)
    for fact in [('United States', 'ASSAULT', 'Hamza bin Laden')]:
        assert fact in found, (fact, found)


def test_seconded_and_relied_on(vocab: Vocab) -> None:
    """"seconded Macron's recommendation" SUPPORT; "relied on Russia" ALLY_OF."""
    doc = parsed_doc(vocab, """
Merkel Merkel PROPN NNP nsubj 1
seconded second VERB VBD ROOT 1
Macron Macron PROPN NNP poss 4
's 's PART POS case 2
recommendation recommendation NOUN NN dobj 1
. . PUNCT . punct 1
Armenia Armenia PROPN NNP nsubj 9
has have AUX VBZ aux 9
long long ADV RB advmod 9
relied rely VERB VBN ROOT 9
on on ADP IN prep 9
Russia Russia PROPN NNP pobj 10
. . PUNCT . punct 9""", ents=[(0, 1, 'PERSON'), (2, 3, 'PERSON'), (6, 7, 'GPE'), (11, 12, 'GPE')])
    found = facts(doc)
    for fact in [('Angela Merkel', 'SUPPORT', 'Emmanuel Macron'), ('Armenia', 'ALLY_OF', 'Russia')]:
        assert fact in found, (fact, found)


def test_called_on_to_withdraw_is_the_addressee_s_deed(vocab: Vocab) -> None:
    """"called on Russia to withdraw its troops": only Russia withdraws, the callers request."""
    doc = parsed_doc(vocab, """
Germany Germany PROPN NNP nsubj 5
, , PUNCT , punct 0
France France PROPN NNP conj 0
and and CCONJ CC cc 2
Italy Italy PROPN NNP conj 2
called call VERB VBD ROOT 5
on on ADP IN prep 5
Russia Russia PROPN NNP pobj 6
to to PART TO aux 9
withdraw withdraw VERB VB xcomp 5
its its PRON PRP$ poss 11
troops troop NOUN NNS dobj 9
. . PUNCT . punct 5""", ents=[(0, 1, 'GPE'), (2, 3, 'GPE'), (4, 5, 'GPE'), (7, 8, 'GPE')])
    found = facts(doc)
    for fact in [('Germany', 'REQUEST', 'Russia'), ('France', 'REQUEST', 'Russia'), ('Italy', 'REQUEST', 'Russia')]:
        assert fact in found, (fact, found)
    assert not [f for f in found if f[1] == "RETREAT"], found


def test_condemned_event_by_an_actor_targets_the_actor(vocab: Vocab) -> None:
    """"condemned the visit by Nancy Pelosi": the visitor is condemned."""
    doc = parsed_doc(vocab, """
China China PROPN NNP poss 3
's 's PART POS case 0
defence defence NOUN NN compound 3
ministry ministry PROPN NNP nsubj 4
condemned condemn VERB VBD ROOT 4
the the DET DT det 6
visit visit NOUN NN dobj 4
by by ADP IN prep 6
Nancy Nancy PROPN NNP compound 9
Pelosi Pelosi PROPN NNP pobj 7
to to ADP IN prep 6
Taiwan Taiwan PROPN NNP pobj 10
. . PUNCT . punct 4""", ents=[(0, 1, 'GPE'), (8, 10, 'PERSON'), (11, 12, 'GPE')])
    found = facts(doc)
    for fact in [('China', 'ACCUSE', 'Nancy Pelosi')]:
        assert fact in found, (fact, found)


def test_talks_in_a_capital_are_not_with_its_state(vocab: Vocab) -> None:
    """"held talks in Brussels": the two leaders consult each other, not Belgium."""
    doc = parsed_doc(vocab, """
Armenian armenian ADJ JJ amod 2
Prime Prime PROPN NNP compound 2
Minister Minister PROPN NNP compound 4
Nikol Nikol PROPN NNP compound 4
Pashinyan Pashinyan PROPN NNP nsubj 10
and and CCONJ CC cc 4
Azerbaijani Azerbaijani PROPN NNP compound 7
President President PROPN NNP compound 9
Ilham Ilham PROPN NNP compound 9
Aliyev Aliyev PROPN NNP conj 4
held hold VERB VBD ROOT 10
talks talk NOUN NNS dobj 10
in in ADP IN prep 11
Brussels Brussels PROPN NNP pobj 12
. . PUNCT . punct 10""", ents=[(0, 1, 'NORP'), (3, 5, 'PERSON'), (6, 7, 'NORP'), (8, 10, 'PERSON'), (13, 14, 'GPE')])
    found = facts(doc)
    for fact in [('Nikol Pashinyan', 'CONSULT', 'Ilham Aliyev')]:
        assert fact in found, (fact, found)
    assert not [f for f in found if "Belgium" in f], found


def test_strikes_launched_in_a_country_target_it(vocab: Vocab) -> None:
    """"launched strikes in Syria" with "in" hung on the verb."""
    doc = parsed_doc(vocab, """
Russia Russia PROPN NNP nsubj 1
launched launch VERB VBD ROOT 1
strikes strike NOUN NNS dobj 1
in in ADP IN prep 1
Syria Syria PROPN NNP pobj 3
. . PUNCT . punct 1""", ents=[(0, 1, 'GPE'), (4, 5, 'GPE')])
    found = facts(doc)
    for fact in [('Russia', 'ASSAULT', 'Syria')]:
        assert fact in found, (fact, found)


def test_joint_event_in_a_relative_clause_with_agents(vocab: Vocab) -> None:
    """"The agreement, which was signed by Morocco and Israel"."""
    doc = parsed_doc(vocab, """
The the DET DT det 1
agreement agreement NOUN NN nsubj 11
, , PUNCT , punct 1
which which PRON WDT nsubjpass 5
was be AUX VBD auxpass 5
signed sign VERB VBN relcl 1
by by ADP IN agent 5
Morocco Morocco PROPN NNP pobj 6
and and CCONJ CC cc 7
Israel Israel PROPN NNP conj 7
, , PUNCT , punct 1
restored restore VERB VBD ROOT 11
diplomatic diplomatic ADJ JJ amod 13
ties tie NOUN NNS dobj 11
. . PUNCT . punct 11""", ents=[(7, 8, 'GPE'), (9, 10, 'GPE')])
    found = facts(doc)
    for fact in [('Morocco', 'AGREE', 'Israel')]:
        assert fact in found, (fact, found)


def test_filed_a_case_against(vocab: Vocab) -> None:
    """"filed a case against Israel": the verb with its noun is an accusation."""
    doc = parsed_doc(vocab, """
South South PROPN NNP compound 1
Africa Africa PROPN NNP nsubj 2
filed file VERB VBD ROOT 2
a a DET DT det 4
case case NOUN NN dobj 2
against against ADP IN prep 4
Israel Israel PROPN NNP pobj 5
at at ADP IN prep 2
the the DET DT det 10
International International PROPN NNP compound 10
Court Court PROPN NNP pobj 7
of of ADP IN prep 10
Justice Justice PROPN NNP pobj 11
. . PUNCT . punct 2""", ents=[(0, 2, 'GPE'), (6, 7, 'GPE'), (8, 13, 'ORG')])
    found = facts(doc)
    for fact in [('South Africa', 'ACCUSE', 'Israel')]:
        assert fact in found, (fact, found)


def test_dative_preposition_names_the_recipient(vocab: Vocab) -> None:
    """"granted asylum to Evo Morales": the parser's dative "to" is a preposition."""
    doc = parsed_doc(vocab, """
Mexico Mexico PROPN NNP nsubj 1
granted grant VERB VBD ROOT 1
asylum asylum NOUN NN dobj 1
to to ADP IN dative 1
former former ADJ JJ amod 6
Bolivian bolivian ADJ JJ amod 6
President President PROPN NNP compound 8
Evo Evo PROPN NNP compound 8
Morales Morales PROPN NNP pobj 3
. . PUNCT . punct 1""", ents=[(0, 1, 'GPE'), (5, 6, 'NORP'), (7, 9, 'PERSON')])
    found = facts(doc)
    for fact in [('Mexico', 'AID', 'Evo Morales')]:
        assert fact in found, (fact, found)


def test_troops_on_the_border_with_a_state(vocab: Vocab) -> None:
    """"massed troops on the border with Ukraine": the state beyond the border."""
    doc = parsed_doc(vocab, """
Russia Russia PROPN NNP nsubj 1
massed mass VERB VBD ROOT 1
troops troop NOUN NNS dobj 1
on on ADP IN prep 2
the the DET DT det 5
border border NOUN NN pobj 3
with with ADP IN prep 5
Ukraine Ukraine PROPN NNP pobj 6
. . PUNCT . punct 1""", ents=[(0, 1, 'GPE'), (7, 8, 'GPE')])
    found = facts(doc)
    for fact in [('Russia', 'MOBILIZE', 'Ukraine')]:
        assert fact in found, (fact, found)


def test_withdrew_its_ambassador_from(vocab: Vocab) -> None:
    """"withdrew its ambassador from Niger" is a diplomatic sanction, like a recall."""
    doc = parsed_doc(vocab, """
France France PROPN NNP nsubj 1
withdrew withdraw VERB VBD ROOT 1
its its PRON PRP$ poss 3
ambassador ambassador NOUN NN dobj 1
from from ADP IN prep 3
Niger Niger PROPN NNP pobj 4
. . PUNCT . punct 1""", ents=[(0, 1, 'GPE'), (5, 6, 'GPE')])
    found = facts(doc)
    for fact in [('France', 'SANCTION', 'Niger')]:
        assert fact in found, (fact, found)


def test_lifting_a_ban_is_a_concession_not_a_sanction(vocab: Vocab) -> None:
    """"lifted its ban on Chinese imports": the verb and its noun decide."""
    doc = parsed_doc(vocab, """
Australia Australia PROPN NNP nsubj 1
lifted lift VERB VBD ROOT 1
its its PRON PRP$ poss 3
ban ban NOUN NN dobj 1
on on ADP IN prep 3
Chinese chinese ADJ JJ amod 7
barley barley NOUN NN compound 7
imports import NOUN NNS pobj 4
. . PUNCT . punct 1""", ents=[(0, 1, 'GPE'), (5, 6, 'NORP')])
    found = facts(doc)
    for fact in [('Australia', 'CONCEDE', 'China')]:
        assert fact in found, (fact, found)
    assert ("Australia", "SANCTION", "China") not in found


def test_alleging_a_clause_accuses_its_subject(vocab: Vocab) -> None:
    """"Grenell alleged Mahan had contributed to violence": an allegation against Mahan."""
    doc = parsed_doc(vocab, """
Grenell Grenell PROPN NNP nsubj 1
alleged allege VERB VBN ROOT 1
Mahan Mahan PROPN NNP nsubj 4
had have AUX VBD aux 4
contributed contribute VERB VBN ccomp 1
to to PART TO prep 4
violence violence NOUN NN pobj 5
by by ADP IN prep 4
supporting support VERB VBG pcomp 7
Assad Assad PROPN NNP dobj 8
. . PUNCT . punct 1""", ents=[(0, 1, 'ORG'), (2, 3, 'PERSON'), (9, 10, 'PERSON')])
    found = facts(doc)
    for fact in [('Grenell', 'ACCUSE', 'Mahan')]:
        assert fact in found, (fact, found)


def test_claiming_a_conflict_accuses_its_agent(vocab: Vocab) -> None:
    """"Tamim claimed Houthis have attacked journalists"; "claimed victory" accuses no one."""
    doc = parsed_doc(vocab, """
Tamim Tamim PROPN NNP nsubj 1
claimed claim VERB VBD ROOT 1
Houthis Houthis PROPN NNP nsubj 4
have have AUX VBP aux 4
attacked attack VERB VBN ccomp 1
journalists journalist NOUN NNS dobj 4
previously previously ADV RB advmod 4
. . PUNCT . punct 1
Russia Russia PROPN NNP nsubj 9
claimed claim VERB VBD ROOT 9
victory victory NOUN NN dobj 9
in in ADP IN prep 9
Bakhmut Bakhmut PROPN NNP pobj 11
. . PUNCT . punct 9""", ents=[(0, 1, 'NORP'), (2, 3, 'ORG'), (8, 9, 'GPE'), (12, 13, 'GPE')])
    found = facts(doc)
    for fact in [('Tamim', 'ACCUSE', 'Houthis')]:
        assert fact in found, (fact, found)
    assert not [f for f in found if f[0] == "Russia"], found


def test_relative_pronoun_object_is_the_antecedent(vocab: Vocab) -> None:
    """"NATO, which Finland joined last year": Finland joins NATO."""
    doc = parsed_doc(vocab, """
NATO NATO PROPN NNP nsubj 8
, , PUNCT , punct 0
which which PRON WDT dobj 4
Finland Finland PROPN NNP nsubj 4
joined join VERB VBD relcl 0
last last ADJ JJ amod 6
year year NOUN NN npadvmod 4
, , PUNCT , punct 0
held hold VERB VBD ROOT 8
drills drill NOUN NNS dobj 8
in in ADP IN prep 8
Norway Norway PROPN NNP pobj 10
. . PUNCT . punct 8""", ents=[(0, 1, 'ORG'), (3, 4, 'GPE'), (5, 7, 'DATE'), (11, 12, 'GPE')])
    found = facts(doc)
    for fact in [('Finland', 'MEMBER_OF', 'NATO')]:
        assert fact in found, (fact, found)


def test_joint_event_before_a_participial_clause(vocab: Vocab) -> None:
    """"Speaking after talks with Modi, Biden praised India": Biden held the talks."""
    doc = parsed_doc(vocab, """
Speaking speak VERB VBG advcl 11
after after ADP IN prep 0
talks talk NOUN NNS pobj 1
with with ADP IN prep 2
Indian indian ADJ JJ amod 6
Prime Prime PROPN NNP compound 6
Minister Minister PROPN NNP compound 8
Narendra Narendra PROPN NNP compound 8
Modi Modi PROPN NNP pobj 3
, , PUNCT , punct 11
Biden Biden PROPN NNP nsubj 11
praised praise VERB VBD ROOT 11
India India PROPN NNP dobj 11
. . PUNCT . punct 11""", ents=[(4, 5, 'NORP'), (7, 9, 'PERSON'), (10, 11, 'PERSON'), (12, 13, 'GPE')])
    found = facts(doc)
    for fact in [('Joe Biden', 'CONSULT', 'Narendra Modi'), ('Joe Biden', 'SUPPORT', 'India')]:
        assert fact in found, (fact, found)
