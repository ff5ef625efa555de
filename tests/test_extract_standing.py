"""Standing relations beyond "Nationality Title Name", on parses written as data (from en_core_web_sm 3.8).

Each row: what the construction is, the sentence, its parse, the facts that must be found and those that must
not. Tables by module: titles, parties, roles, places."""

from __future__ import annotations

import pytest
from spacy.vocab import Vocab

from kg.extract.testing import facts, parsed_doc

Fact = tuple[str, str, str]

TITLES = [
    (
        "a mayor heads the city",
        "Moscow Mayor Sergei Sobyanin extended the lockdown.",
        """
Moscow Moscow PROPN NNP compound 1
Mayor Mayor PROPN NNP compound 3
Sergei Sergei PROPN NNP compound 3
Sobyanin Sobyanin PROPN NNP nsubj 4
extended extend VERB VBD ROOT 4
the the DET DT det 6
lockdown lockdown NOUN NN dobj 4
. . PUNCT . punct 4""",
        [(0, 1, "GPE"), (2, 4, "PERSON")],
        [("Sergei Sobyanin", "LEADER_OF", "Moscow")],
        [("Sergei Sobyanin", "LEADER_OF", "Russia")],
    ),
    (
        "title of owner",
        "Former Vice President of the United States Joe Biden spoke.",
        """
Former former ADJ JJ amod 2
Vice Vice PROPN NNP compound 2
President President PROPN NNP nsubj 9
of of ADP IN prep 2
the the DET DT det 6
United United PROPN NNP compound 6
States States PROPN NNP pobj 3
Joe Joe PROPN NNP compound 8
Biden Biden PROPN NNP appos 2
spoke speak VERB VBD ROOT 9
. . PUNCT . punct 9""",
        [(4, 7, "ORG"), (7, 9, "PERSON")],
        [("Joe Biden", "MEMBER_OF", "United States")],
        [],
    ),
    (
        "joined titles",
        "Conservative Party leader and Prime Minister Boris Johnson spoke.",
        """
Conservative Conservative PROPN NNP compound 1
Party Party PROPN NNP compound 2
leader leader NOUN NN nsubj 8
and and CCONJ CC cc 2
Prime Prime PROPN NNP compound 5
Minister Minister PROPN NNP compound 7
Boris Boris PROPN NNP compound 7
Johnson Johnson PROPN NNP nsubj 8
spoke speak VERB VBD ROOT 8
. . PUNCT . punct 8""",
        [(0, 2, "ORG"), (6, 8, "PERSON")],
        [("Boris Johnson", "LEADER_OF", "Conservative Party")],
        [],
    ),
    (
        "party owns no office",
        "Democratic mayor Muriel Bowser spoke.",
        """
Democratic democratic ADJ JJ amod 1
mayor mayor NOUN NN compound 3
Muriel Muriel PROPN NNP compound 3
Bowser Bowser PROPN NNP nsubj 4
spoke speak VERB VBD ROOT 4
. . PUNCT . punct 4""",
        [(0, 1, "NORP"), (2, 4, "PERSON")],
        [("Muriel Bowser", "MEMBER_OF", "Democratic Party")],
        [("Muriel Bowser", "LEADER_OF", "Democratic Party")],
    ),
    (
        "state and plain role noun",
        "Syrian child Alan Kurdi drowned.",
        """
Syrian syrian ADJ JJ amod 1
child child NOUN NN compound 3
Alan Alan PROPN NNP compound 3
Kurdi Kurdi PROPN NNP nsubj 4
drowned drown VERB VBD ROOT 4
. . PUNCT . punct 4""",
        [(0, 1, "NORP"), (2, 4, "PERSON")],
        [("Alan Kurdi", "AFFILIATED_WITH", "Syria")],
        [],
    ),
    (
        "possessive state alone",
        "Israel's Ariel Sharon spoke.",
        """
Israel Israel PROPN NNP poss 3
's 's PART POS case 0
Ariel Ariel PROPN NNP compound 3
Sharon Sharon PROPN NNP nsubj 4
spoke speak VERB VBD ROOT 4
. . PUNCT . punct 4""",
        [(0, 1, "GPE"), (2, 4, "PERSON")],
        [("Ariel Sharon", "AFFILIATED_WITH", "Israel")],
        [],
    ),
    (
        "compound title field",
        "EU foreign policy chief Javier Solana spoke.",
        """
EU EU PROPN NNP nmod 3
foreign foreign ADJ JJ amod 2
policy policy NOUN NN compound 3
chief chief NOUN NN compound 5
Javier Javier PROPN NNP compound 5
Solana Solana PROPN NNP nsubj 6
spoke speak VERB VBD ROOT 6
. . PUNCT . punct 6""",
        [(0, 1, "ORG"), (4, 6, "PERSON")],
        [("Javier Solana", "LEADER_OF", "European Union")],
        [],
    ),
    (
        "elided owner",
        "Mugabe, former president of Zimbabwe, has died, according to current president Emmerson Mnangagwa.",
        """
Mugabe Mugabe PROPN NNP nsubj 8
, , PUNCT , punct 0
former former ADJ JJ amod 3
president president NOUN NN appos 0
of of ADP IN prep 3
Zimbabwe Zimbabwe PROPN NNP pobj 4
, , PUNCT , punct 0
has have AUX VBZ aux 8
died die VERB VBN ROOT 8
, , PUNCT , punct 8
according accord VERB VBG prep 8
to to ADP IN prep 10
current current ADJ JJ amod 13
president president NOUN NN compound 15
Emmerson Emmerson PROPN NNP compound 15
Mnangagwa Mnangagwa PROPN NNP pobj 11
. . PUNCT . punct 8""",
        [(0, 1, "PERSON"), (5, 6, "GPE"), (14, 16, "PERSON")],
        [("Emmerson Mnangagwa", "LEADER_OF", "Zimbabwe")],
        [],
    ),
    (
        "bare title stays silent",
        "He met current president Emmerson Mnangagwa.",
        """
He he PRON PRP nsubj 1
met meet VERB VBD ROOT 1
current current ADJ JJ amod 3
president president NOUN NN compound 5
Emmerson Emmerson PROPN NNP compound 5
Mnangagwa Mnangagwa PROPN NNP dobj 1
. . PUNCT . punct 1""",
        [(4, 6, "PERSON")],
        [],
        [("Emmerson Mnangagwa", "LEADER_OF", "Zimbabwe")],
    ),
]

PARTIES = [
    (
        "a lower-case view is no party",
        "Angela Walker ran for sheriff as an independent socialist.",
        """
Angela Angela PROPN NNP compound 1
Walker Walker PROPN NNP nsubj 2
ran run VERB VBD ROOT 2
for for ADP IN prep 2
sheriff sheriff NOUN NN pobj 3
as as ADP IN prep 2
an an DET DT det 8
independent independent ADJ JJ amod 8
socialist socialist NOUN NN pobj 5
. . PUNCT . punct 2""",
        [(0, 2, "PERSON")],
        [],
        [("Angela Walker", "MEMBER_OF", "Socialist Party")],
    ),
    (
        "a capitalised party word",
        "Angela Walker ran for sheriff as a Socialist.",
        """
Angela Angela PROPN NNP compound 1
Walker Walker PROPN NNP nsubj 2
ran run VERB VBD ROOT 2
for for ADP IN prep 2
sheriff sheriff NOUN NN pobj 3
as as ADP IN prep 2
a a DET DT det 7
Socialist Socialist PROPN NNP pobj 5
. . PUNCT . punct 2""",
        [(0, 2, "PERSON"), (7, 8, "ORG")],
        [("Angela Walker", "MEMBER_OF", "Socialist Party")],
        [],
    ),
    (
        "letter and state after a comma",
        "Sen. Jake Garn, R-Utah, flew on the shuttle in April 1985.",
        """
Sen. Sen. PROPN NNP compound 2
Jake Jake PROPN NNP compound 2
Garn Garn PROPN NNP nsubj 8
, , PUNCT , punct 2
R R PROPN NNP compound 6
- - PUNCT HYPH punct 6
Utah Utah PROPN NNP appos 2
, , PUNCT , punct 2
flew fly VERB VBD ROOT 8
on on ADP IN prep 8
the the DET DT det 11
shuttle shuttle NOUN NN pobj 9
in in ADP IN prep 8
April April PROPN NNP pobj 12
1985 1985 NUM CD nummod 13
. . PUNCT . punct 8""",
        [(1, 3, "PERSON"), (6, 7, "GPE"), (13, 15, "DATE")],
        [("Jake Garn", "MEMBER_OF", "Republican Party"), ("Jake Garn", "AFFILIATED_WITH", "Utah")],
        [],
    ),
    (
        "party in brackets",
        "The county mayor is Janne Johnsen (Conservative Party).",
        """
The the DET DT det 2
county county NOUN NN compound 2
mayor mayor NOUN NN nsubj 3
is be AUX VBZ ROOT 3
Janne Janne PROPN NNP compound 5
Johnsen Johnsen PROPN NNP attr 3
( ( PUNCT -LRB- punct 8
Conservative Conservative PROPN NNP compound 8
Party Party PROPN NNP appos 5
) ) PUNCT -RRB- punct 5
. . PUNCT . punct 3""",
        [(4, 6, "PERSON")],
        [("Janne Johnsen", "MEMBER_OF", "Conservative Party")],
        [],
    ),
    (
        "fellow",
        "Senator Ted Cruz and fellow Republican Representative Francis Rooney spoke.",
        """
Senator Senator PROPN NNP compound 2
Ted Ted PROPN NNP compound 2
Cruz Cruz PROPN NNP nsubj 9
and and CCONJ CC cc 2
fellow fellow ADJ JJ amod 6
Republican Republican PROPN NNP compound 6
Representative Representative PROPN NNP compound 8
Francis Francis PROPN NNP compound 8
Rooney Rooney PROPN NNP conj 2
spoke speak VERB VBD ROOT 9
. . PUNCT . punct 9""",
        [(1, 3, "PERSON"), (5, 6, "NORP"), (7, 9, "PERSON")],
        [("Ted Cruz", "MEMBER_OF", "Republican Party"), ("Francis Rooney", "MEMBER_OF", "Republican Party")],
        [],
    ),
    (
        "all Republicans",
        "It was sponsored by Senators Marco Rubio of Florida, Mike Lee of Utah, and David Perdue of Georgia, "
        "all Republicans.",
        """
It it PRON PRP nsubjpass 2
was be AUX VBD auxpass 2
sponsored sponsor VERB VBN ROOT 2
by by ADP IN agent 2
Senators Senators PROPN NNPS compound 6
Marco Marco PROPN NNP compound 6
Rubio Rubio PROPN NNP pobj 3
of of ADP IN prep 6
Florida Florida PROPN NNP pobj 7
, , PUNCT , punct 6
Mike Mike PROPN NNP compound 11
Lee Lee PROPN NNP appos 6
of of ADP IN prep 11
Utah Utah PROPN NNP pobj 12
, , PUNCT , punct 6
and and CCONJ CC cc 6
David David PROPN NNP compound 17
Perdue Perdue PROPN NNP conj 6
of of ADP IN prep 17
Georgia Georgia PROPN NNP pobj 18
, , PUNCT , punct 17
all all DET DT det 22
Republicans Republicans PROPN NNPS appos 17
. . PUNCT . punct 2""",
        [
            (5, 7, "PERSON"),
            (8, 9, "GPE"),
            (10, 12, "PERSON"),
            (13, 14, "GPE"),
            (16, 18, "PERSON"),
            (19, 20, "GPE"),
            (22, 23, "NORP"),
        ],
        [
            ("Marco Rubio", "MEMBER_OF", "Republican Party"),
            ("Mike Lee", "MEMBER_OF", "Republican Party"),
            ("David Perdue", "MEMBER_OF", "Republican Party"),
        ],
        [],
    ),
    (
        "elected as",
        "Maher was elected as a Democrat.",
        """
Maher Maher PROPN NNP nsubjpass 2
was be AUX VBD auxpass 2
elected elect VERB VBN ROOT 2
as as ADP IN prep 2
a a DET DT det 5
Democrat Democrat PROPN NNP pobj 3
. . PUNCT . punct 2""",
        [(0, 1, "PERSON"), (5, 6, "NORP")],
        [("Maher", "MEMBER_OF", "Democratic Party")],
        [],
    ),
    (
        "letter and state",
        '"We will win," said Marco Rubio (R-Fla.) on Monday.',
        """
" " PUNCT `` punct 6
We we PRON PRP nsubj 3
will will AUX MD aux 3
win win VERB VB ccomp 6
, , PUNCT , punct 6
" " PUNCT '' punct 6
said say VERB VBD ROOT 6
Marco Marco PROPN NNP compound 8
Rubio Rubio PROPN NNP nsubj 6
( ( PUNCT -LRB- punct 8
R R PROPN NNP compound 12
- - PUNCT HYPH punct 12
Fla. Fla. PROPN NNP appos 8
) ) PUNCT -RRB- punct 8
on on ADP IN prep 6
Monday Monday PROPN NNP pobj 14
. . PUNCT . punct 6""",
        [(7, 9, "PERSON"), (12, 13, "GPE"), (15, 16, "DATE")],
        [("Marco Rubio", "MEMBER_OF", "Republican Party")],
        [],
    ),
]

ROLES = [
    (
        "a hyphen the parser left beside the role noun",
        "Nickey Iyambo, former vice-president of Namibia, dies aged 82.",
        """
Nickey Nickey PROPN NNP compound 1
Iyambo Iyambo PROPN NNP nsubj 10
, , PUNCT , punct 1
former former ADJ JJ amod 4
vice vice NOUN NN appos 1
- - NOUN NN appos 1
president president NOUN NN appos 1
of of ADP IN prep 6
Namibia Namibia PROPN NNP pobj 7
, , PUNCT , punct 1
dies die VERB VBZ ROOT 10
aged age VERB VBN advcl 10
82 82 NUM CD advmod 10
. . PUNCT . punct 10""",
        [(0, 2, 'PERSON'), (8, 9, 'GPE')],
        [('Nickey Iyambo', 'MEMBER_OF', 'Namibia')],
        [('Nickey Iyambo', 'LEADER_OF', 'Namibia')],
    ),
    (
        "the mayor of a capital",
        "On Thursday, Sergei Sobyanin, the mayor of Moscow, extended the city lockdown to May 1.",
        """
On on ADP IN prep 11
Thursday Thursday PROPN NNP pobj 0
, , PUNCT , punct 11
Sergei Sergei PROPN NNP compound 4
Sobyanin Sobyanin PROPN NNP nsubj 11
, , PUNCT , punct 4
the the DET DT det 7
mayor mayor NOUN NN appos 4
of of ADP IN prep 7
Moscow Moscow PROPN NNP pobj 8
, , PUNCT , punct 4
extended extend VERB VBD ROOT 11
the the DET DT det 14
city city NOUN NN compound 14
lockdown lockdown NOUN NN dobj 11
to to ADP IN prep 11
May May PROPN NNP pobj 15
1 1 NUM CD nummod 16
. . PUNCT . punct 11""",
        [(1, 2, "DATE"), (3, 5, "PERSON"), (9, 10, "GPE"), (16, 18, "DATE")],
        [("Sergei Sobyanin", "LEADER_OF", "Moscow")],
        [("Sergei Sobyanin", "LEADER_OF", "Russia")],
    ),
    (
        "title with its of-phrase",
        "Ricardo Llerandi, Rosselló's chief of staff, also announced his resignation.",
        """
Ricardo Ricardo PROPN NNP compound 1
Llerandi Llerandi PROPN NNP nsubj 10
, , PUNCT , punct 1
Rosselló Rosselló PROPN NNP poss 5
's 's PART POS case 3
chief chief NOUN NN appos 1
of of ADP IN prep 5
staff staff NOUN NN pobj 6
, , PUNCT , punct 1
also also ADV RB advmod 10
announced announce VERB VBD ROOT 10
his his PRON PRP$ poss 12
resignation resignation NOUN NN dobj 10
. . PUNCT . punct 10""",
        [(0, 2, "PERSON"), (3, 4, "ORG")],
        [("Ricardo Llerandi", "MEMBER_OF", "Rosselló")],
        [("Ricardo Llerandi", "LEADER_OF", "Rosselló")],
    ),
    (
        "a description names no state",
        "Nkurunziza became president of the African nation in 2005.",
        """
Nkurunziza Nkurunziza PROPN NNP nsubj 1
became become VERB VBD ROOT 1
president president NOUN NN attr 1
of of ADP IN prep 2
the the DET DT det 6
African african ADJ JJ amod 6
nation nation NOUN NN pobj 3
in in ADP IN prep 1
2005 2005 NUM CD pobj 7
. . PUNCT . punct 1""",
        [(0, 1, "PERSON"), (5, 6, "NORP"), (8, 9, "DATE")],
        [],
        [("Nkurunziza", "LEADER_OF", "African")],
    ),
    (
        "a role makes the affiliation redundant",
        "Vladimir Putin, president of Russia, said in a statement that it was sad.",
        """
Vladimir Vladimir PROPN NNP compound 1
Putin Putin PROPN NNP nsubj 7
, , PUNCT , punct 1
president president NOUN NN appos 1
of of ADP IN prep 3
Russia Russia PROPN NNP pobj 4
, , PUNCT , punct 1
said say VERB VBD ROOT 7
in in ADP IN prep 7
a a DET DT det 10
statement statement NOUN NN pobj 8
that that SCONJ IN mark 13
it it PRON PRP nsubj 13
was be AUX VBD ccomp 7
sad sad ADJ JJ acomp 13
. . PUNCT . punct 7""",
        [(0, 2, "PERSON"), (5, 6, "GPE")],
        [("Vladimir Putin", "LEADER_OF", "Russia")],
        [("Vladimir Putin", "AFFILIATED_WITH", "Russia")],
    ),
    (
        "elect as",
        "Conservative Party members voted on Tuesday to elect Boris Johnson as the new Conservative leader.",
        """
Conservative Conservative PROPN NNP compound 1
Party Party PROPN NNP compound 2
members member NOUN NNS nsubj 3
voted vote VERB VBD ROOT 3
on on ADP IN prep 3
Tuesday Tuesday PROPN NNP pobj 4
to to PART TO aux 7
elect elect VERB VB xcomp 3
Boris Boris PROPN NNP compound 9
Johnson Johnson PROPN NNP dobj 7
as as ADP IN prep 7
the the DET DT det 14
new new ADJ JJ amod 14
Conservative conservative ADJ JJ amod 14
leader leader NOUN NN pobj 10
. . PUNCT . punct 3""",
        [(0, 2, "ORG"), (5, 6, "DATE"), (8, 10, "PERSON"), (13, 14, "NORP")],
        [("Boris Johnson", "LEADER_OF", "Conservative Party")],
        [],
    ),
    (
        "bid for a party's nomination",
        "On Wednesday, Bernie Sanders ended his bid for the Democratic Party's nomination.",
        """
On on ADP IN prep 5
Wednesday Wednesday PROPN NNP pobj 0
, , PUNCT , punct 5
Bernie Bernie PROPN NNP compound 4
Sanders Sanders PROPN NNP nsubj 5
ended end VERB VBD ROOT 5
his his PRON PRP$ poss 7
bid bid NOUN NN dobj 5
for for ADP IN prep 7
the the DET DT det 11
Democratic Democratic PROPN NNP compound 11
Party Party PROPN NNP poss 13
's 's PART POS case 11
nomination nomination NOUN NN pobj 8
. . PUNCT . punct 5""",
        [(1, 2, "DATE"), (3, 5, "PERSON"), (9, 13, "ORG")],
        [("Bernie Sanders", "AFFILIATED_WITH", "Democratic Party")],
        [],
    ),
    (
        "party word on a role noun",
        "William Hepburn Armstrong was a Republican member of the U.S. House of Representatives.",
        """
William William PROPN NNP compound 2
Hepburn Hepburn PROPN NNP compound 2
Armstrong Armstrong PROPN NNP nsubj 3
was be AUX VBD ROOT 3
a a DET DT det 6
Republican republican ADJ JJ amod 6
member member NOUN NN attr 3
of of ADP IN prep 6
the the DET DT det 10
U.S. U.S. PROPN NNP compound 10
House House PROPN NNP pobj 7
of of ADP IN prep 10
Representatives Representatives PROPN NNPS pobj 11
. . PUNCT . punct 3""",
        [(0, 3, "PERSON"), (5, 6, "NORP"), (8, 13, "ORG")],
        [("William Hepburn Armstrong", "MEMBER_OF", "Republican Party")],
        [("William Hepburn Armstrong", "LEADER_OF", "Republican Party")],
    ),
    (
        "naming verb",
        "In 1784, Gahn was elected a member of the Royal Swedish Academy of Sciences.",
        """
In in ADP IN prep 5
1784 1784 NUM CD pobj 0
, , PUNCT , punct 5
Gahn Gahn PROPN NNP nsubjpass 5
was be AUX VBD auxpass 5
elected elect VERB VBN ROOT 5
a a DET DT det 7
member member NOUN NN oprd 5
of of ADP IN prep 7
the the DET DT det 12
Royal Royal PROPN NNP compound 12
Swedish Swedish PROPN NNP compound 12
Academy Academy PROPN NNP pobj 8
of of ADP IN prep 12
Sciences Sciences PROPN NNPS pobj 13
. . PUNCT . punct 5""",
        [(1, 2, "DATE"), (3, 4, "PERSON"), (9, 15, "ORG")],
        [("Gahn", "MEMBER_OF", "Royal Swedish Academy of Sciences")],
        [],
    ),
    (
        "role as the subject",
        "The regional commissioner of the Morogoro Region is Dr. Kebwe Steven Kebwe.",
        """
The the DET DT det 2
regional regional ADJ JJ amod 2
commissioner commissioner NOUN NN nsubj 7
of of ADP IN prep 2
the the DET DT det 6
Morogoro Morogoro PROPN NNP compound 6
Region Region PROPN NNP pobj 3
is be AUX VBZ ROOT 7
Dr. Dr. PROPN NNP compound 11
Kebwe Kebwe PROPN NNP compound 11
Steven Steven PROPN NNP compound 11
Kebwe Kebwe PROPN NNP attr 7
. . PUNCT . punct 7""",
        [(4, 7, "GPE"), (9, 12, "PERSON")],
        [("Kebwe Steven Kebwe", "LEADER_OF", "Morogoro Region")],
        [],
    ),
    (
        "name after the scope",
        "The ceiling was attended by the President of Poland, Lech Wałęsa, and his daughter.",
        """
The the DET DT det 1
ceiling ceiling NOUN NN nsubjpass 3
was be AUX VBD auxpass 3
attended attend VERB VBN ROOT 3
by by ADP IN agent 3
the the DET DT det 6
President President PROPN NNP pobj 4
of of ADP IN prep 6
Poland Poland PROPN NNP pobj 7
, , PUNCT , punct 8
Lech Lech PROPN NNP compound 11
Wałęsa Wałęsa PROPN NNP conj 8
, , PUNCT , punct 3
and and CCONJ CC cc 3
his his PRON PRP$ poss 15
daughter daughter NOUN NN conj 3
. . PUNCT . punct 3""",
        [(8, 9, "GPE"), (10, 12, "PERSON")],
        [("Lech Wałęsa", "LEADER_OF", "Poland")],
        [],
    ),
    (
        "a list after the scope is no apposition",
        "Leaders of France, Germany and Italy met.",
        """
Leaders leader NOUN NNS nsubj 7
of of ADP IN prep 0
France France PROPN NNP pobj 1
, , PUNCT , punct 2
Germany Germany PROPN NNP conj 2
and and CCONJ CC cc 4
Italy Italy PROPN NNP conj 4
met meet VERB VBD ROOT 7
. . PUNCT . punct 7""",
        [(2, 3, "GPE"), (4, 5, "GPE"), (6, 7, "GPE")],
        [],
        [("Germany", "LEADER_OF", "France")],
    ),
    (
        "relative served as",
        "Chirac, who served as President of France, died.",
        """
Chirac Chirac PROPN NNP nsubj 9
, , PUNCT , punct 0
who who PRON WP nsubj 3
served serve VERB VBD relcl 0
as as ADP IN prep 3
President President PROPN NNP pobj 4
of of ADP IN prep 5
France France PROPN NNP pobj 6
, , PUNCT , punct 0
died die VERB VBD ROOT 9
. . PUNCT . punct 9""",
        [(0, 1, "PERSON"), (7, 8, "GPE")],
        [("Chirac", "LEADER_OF", "France")],
        [],
    ),
    (
        "relative copular with party contest",
        "John Hickenlooper, who was a candidate in the Democratic primaries, ended his campaign.",
        """
John John PROPN NNP compound 1
Hickenlooper Hickenlooper PROPN NNP nsubj 12
, , PUNCT , punct 1
who who PRON WP nsubj 4
was be AUX VBD relcl 1
a a DET DT det 6
candidate candidate NOUN NN attr 4
in in ADP IN prep 6
the the DET DT det 10
Democratic democratic ADJ JJ amod 10
primaries primary NOUN NNS pobj 7
, , PUNCT , punct 1
ended end VERB VBD ROOT 12
his his PRON PRP$ poss 14
campaign campaign NOUN NN dobj 12
. . PUNCT . punct 12""",
        [(0, 2, "PERSON"), (9, 10, "NORP")],
        [("John Hickenlooper", "AFFILIATED_WITH", "Democratic Party")],
        [],
    ),
    (
        "unit noun owner",
        "Adamowicz, mayor of the Polish city of Gdańsk, was stabbed.",
        """
Adamowicz Adamowicz PROPN NNP nsubjpass 11
, , PUNCT , punct 0
mayor mayor NOUN NN appos 0
of of ADP IN prep 2
the the DET DT det 6
Polish polish ADJ JJ amod 6
city city NOUN NN pobj 3
of of ADP IN prep 6
Gdańsk Gdańsk PROPN NNP pobj 7
, , PUNCT , punct 0
was be AUX VBD auxpass 11
stabbed stab VERB VBN ROOT 11
. . PUNCT . punct 11""",
        [(0, 1, "ORG"), (5, 6, "NORP"), (8, 9, "GPE")],
        [("Adamowicz", "LEADER_OF", "Gdańsk")],
        [("Adamowicz", "LEADER_OF", "Poland")],
    ),
    (
        "nationality with plain noun",
        "Ueland is a Norwegian civil servant.",
        """
Ueland Ueland PROPN NNP nsubj 1
is be AUX VBZ ROOT 1
a a DET DT det 5
Norwegian norwegian ADJ JJ amod 5
civil civil ADJ JJ amod 5
servant servant NOUN NN attr 1
. . PUNCT . punct 1""",
        [(0, 1, "ORG"), (3, 4, "NORP")],
        [("Ueland", "AFFILIATED_WITH", "Norway")],
        [],
    ),
    (
        "nationality on another modifier",
        "Esch was a Swedish Christian democratic politician.",
        """
Esch Esch PROPN NNP nsubj 1
was be AUX VBD ROOT 1
a a DET DT det 6
Swedish swedish ADJ JJ amod 4
Christian christian ADJ JJ amod 6
democratic democratic ADJ JJ amod 6
politician politician NOUN NN attr 1
. . PUNCT . punct 1""",
        [(0, 1, "PERSON"), (3, 4, "NORP"), (4, 5, "NORP")],
        [("Esch", "AFFILIATED_WITH", "Sweden")],
        [],
    ),
    (
        "no nationality from an event noun",
        "It was a Russian attack on Ukraine, said Ueland.",
        """
It it PRON PRP nsubj 1
was be AUX VBD ccomp 8
a a DET DT det 4
Russian russian ADJ JJ amod 4
attack attack NOUN NN attr 1
on on ADP IN prep 4
Ukraine Ukraine PROPN NNP pobj 5
, , PUNCT , punct 1
said say VERB VBD ROOT 8
Ueland Ueland PROPN NNP nsubj 8
. . PUNCT . punct 8""",
        [(3, 4, "NORP"), (6, 7, "GPE"), (9, 10, "ORG")],
        [],
        [("Ueland", "AFFILIATED_WITH", "Russia")],
    ),
]

PLACES = [
    (
        "two US states side by side are a list",
        "Arizona, Florida, Illinois hold 2020 US presidential primaries; Ohio postpones",
        """
Arizona Arizona PROPN NNP nsubj 5
, , PUNCT , punct 0
Florida Florida PROPN NNP appos 0
, , PUNCT , punct 5
Illinois Illinois PROPN NNP nsubj 5
hold hold VERB VBP ccomp 12
2020 2020 NUM CD nummod 9
US US PROPN NNP nmod 9
presidential presidential ADJ JJ amod 9
primaries primary NOUN NNS dobj 5
; ; PUNCT : punct 12
Ohio Ohio PROPN NNP compound 12
postpones postpone NOUN NNS ROOT 12""",
        [(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "GPE"), (7, 8, "GPE"), (11, 12, "GPE")],
        [],
        [("Arizona", "LOCATED_IN", "Florida"), ("Florida", "LOCATED_IN", "Illinois")],
    ),
    (
        "names of one kind are a list, whatever the NER calls some items",
        "The warning applied to County Galway, County Mayo, County Clare, County Cork, County Kerry and County "
        "Limerick.",
        """
The the DET DT det 1
warning warning NOUN NN nsubj 2
applied apply VERB VBD ROOT 2
to to ADP IN prep 2
County County PROPN NNP compound 5
Galway Galway PROPN NNP pobj 3
, , PUNCT , punct 5
County County PROPN NNP compound 8
Mayo Mayo PROPN NNP conj 5
, , PUNCT , punct 8
County County PROPN NNP compound 11
Clare Clare PROPN NNP conj 8
, , PUNCT , punct 11
County County PROPN NNP compound 14
Cork Cork PROPN NNP conj 11
, , PUNCT , punct 14
County County PROPN NNP compound 17
Kerry Kerry PROPN NNP nmod 20
and and CCONJ CC cc 17
County County PROPN NNP conj 17
Limerick Limerick PROPN NNP conj 14
. . PUNCT . punct 2""",
        [(4, 6, 'GPE'), (7, 9, 'PERSON'), (10, 12, 'GPE'), (13, 15, 'GPE'), (16, 18, 'PERSON'), (19, 21, 'PERSON')],
        [],
        [('County Clare', 'LOCATED_IN', 'County Cork'), ('County Galway', 'LOCATED_IN', 'County Clare')],
    ),
    (
        "unit of a larger place",
        "Urgut is a town in the Samarqand Region of Uzbekistan.",
        """
Urgut Urgut PROPN NNP nsubj 1
is be AUX VBZ ROOT 1
a a DET DT det 3
town town NOUN NN attr 1
in in ADP IN prep 3
the the DET DT det 7
Samarqand Samarqand PROPN NNP compound 7
Region Region PROPN NNP pobj 4
of of ADP IN prep 7
Uzbekistan Uzbekistan PROPN NNP pobj 8
. . PUNCT . punct 1""",
        [(0, 1, "ORG"), (5, 8, "LOC"), (9, 10, "GPE")],
        [("Urgut", "LOCATED_IN", "Samarqand Region"), ("Urgut", "LOCATED_IN", "Uzbekistan"),
         ("Samarqand Region", "LOCATED_IN", "Uzbekistan")],
        [],
    ),
    (
        "place description after a comma, hung on the wrong noun",
        "The Friendship Monument in Phnom Penh, capital of Cambodia, is a large monument.",
        """
The the DET DT det 2
Friendship Friendship PROPN NNP compound 2
Monument Monument PROPN NNP nsubj 11
in in ADP IN prep 2
Phnom Phnom PROPN NNP compound 5
Penh Penh PROPN NNP pobj 3
, , PUNCT , punct 5
capital capital NOUN NN appos 2
of of ADP IN prep 7
Cambodia Cambodia PROPN NNP pobj 8
, , PUNCT , punct 11
is be AUX VBZ ROOT 11
a a DET DT det 14
large large ADJ JJ amod 14
monument monument NOUN NN attr 11
. . PUNCT . punct 11""",
        [(4, 6, "GPE"), (9, 10, "GPE")],
        [("Phnom Penh", "LOCATED_IN", "Cambodia")],
        [],
    ),
    (
        "unit of a nationality",
        "Ross Patterson Alger was a politician in the Canadian province of Alberta.",
        """
Ross Ross PROPN NNP compound 2
Patterson Patterson PROPN NNP compound 2
Alger Alger PROPN NNP nsubj 3
was be AUX VBD ROOT 3
a a DET DT det 5
politician politician NOUN NN attr 3
in in ADP IN prep 5
the the DET DT det 9
Canadian canadian ADJ JJ amod 9
province province NOUN NN pobj 6
of of ADP IN prep 9
Alberta Alberta PROPN NNP pobj 10
. . PUNCT . punct 3""",
        [(0, 3, "PERSON"), (8, 9, "NORP"), (11, 12, "GPE")],
        [("Alberta", "LOCATED_IN", "Canada")],
        [],
    ),
    (
        "comma in a larger place",
        "The opera company performed at the Palace of Fine Arts, in San Francisco, on June 30.",
        """
The the DET DT det 2
opera opera NOUN NN compound 2
company company NOUN NN nsubj 3
performed perform VERB VBD ROOT 3
at at ADP IN prep 3
the the DET DT det 6
Palace Palace PROPN NNP pobj 4
of of ADP IN prep 6
Fine Fine PROPN NNP compound 9
Arts Arts PROPN NNPS pobj 7
, , PUNCT , punct 3
in in ADP IN prep 3
San San PROPN NNP compound 13
Francisco Francisco PROPN NNP pobj 11
, , PUNCT , punct 3
on on ADP IN prep 3
June June PROPN NNP pobj 15
30 30 NUM CD nummod 16
. . PUNCT . punct 3""",
        [(5, 10, "FAC"), (12, 14, "GPE"), (16, 18, "DATE")],
        [("Palace of Fine Arts", "LOCATED_IN", "San Francisco")],
        [],
    ),
    (
        "unnamed described place",
        "Westmere is a hamlet in the town of Guilderland, Albany County, New York.",
        """
Westmere Westmere PROPN NNP nsubj 1
is be AUX VBZ ROOT 1
a a DET DT det 3
hamlet hamlet NOUN NN attr 1
in in ADP IN prep 3
the the DET DT det 6
town town NOUN NN pobj 4
of of ADP IN prep 6
Guilderland Guilderland PROPN NNP pobj 7
, , PUNCT , punct 8
Albany Albany PROPN NNP compound 11
County County PROPN NNP conj 8
, , PUNCT , punct 11
New New PROPN NNP compound 14
York York PROPN NNP npadvmod 11
. . PUNCT . punct 1""",
        [(8, 9, "GPE"), (10, 12, "GPE"), (13, 15, "GPE")],
        [("Westmere", "LOCATED_IN", "Guilderland"), ("Westmere", "LOCATED_IN", "New York")],
        [],
    ),
    (
        "within chain",
        "Zabiele () is a village in the administrative district of Gmina Wielbark, within Szczytno County, "
        "Warmian-Masurian Voivodeship, in northern Poland.",
        """
Zabiele Zabiele PROPN NNP nsubj 3
( ( PUNCT -LRB- punct 3
) ) PUNCT -RRB- punct 3
is be AUX VBZ ROOT 3
a a DET DT det 5
village village NOUN NN attr 3
in in ADP IN prep 5
the the DET DT det 9
administrative administrative ADJ JJ amod 9
district district NOUN NN pobj 6
of of ADP IN prep 9
Gmina Gmina PROPN NNP compound 12
Wielbark Wielbark PROPN NNP pobj 10
, , PUNCT , punct 3
within within ADP IN prep 3
Szczytno Szczytno PROPN NNP compound 16
County County PROPN NNP pobj 14
, , PUNCT , punct 16
Warmian Warmian PROPN NNP compound 20
- - PUNCT HYPH punct 20
Masurian Masurian PROPN NNP compound 21
Voivodeship Voivodeship PROPN NNP appos 16
, , PUNCT , punct 16
in in ADP IN prep 16
northern northern ADJ JJ amod 25
Poland Poland PROPN NNP pobj 23
. . PUNCT . punct 3""",
        [(0, 1, "PERSON"), (11, 13, "PERSON"), (15, 17, "GPE"), (18, 22, "ORG"), (25, 26, "GPE")],
        [("Zabiele", "LOCATED_IN", "Szczytno County"), ("Zabiele", "LOCATED_IN", "Poland")],
        [],
    ),
    (
        "partitive place",
        "Morogoro Region is one of Tanzania's 31 administrative regions.",
        """
Morogoro Morogoro PROPN NNP compound 1
Region Region PROPN NNP nsubj 2
is be AUX VBZ ROOT 2
one one NUM CD attr 2
of of ADP IN prep 3
Tanzania Tanzania PROPN NNP poss 9
's 's PART POS case 5
31 31 NUM CD nummod 9
administrative administrative ADJ JJ amod 9
regions region NOUN NNS pobj 4
. . PUNCT . punct 2""",
        [(0, 2, "GPE"), (3, 4, "CARDINAL"), (5, 6, "GPE"), (7, 8, "CARDINAL")],
        [("Morogoro Region", "LOCATED_IN", "Tanzania")],
        [],
    ),
    (
        "based in after a predicate noun",
        "The National Turkey Federation is the trade association based in Washington, D.C., United States.",
        """
The the DET DT det 3
National National PROPN NNP compound 3
Turkey Turkey PROPN NNP compound 3
Federation Federation PROPN NNP nsubj 4
is be AUX VBZ ROOT 4
the the DET DT det 7
trade trade NOUN NN compound 7
association association NOUN NN attr 4
based base VERB VBN acl 7
in in ADP IN prep 8
Washington Washington PROPN NNP pobj 9
, , PUNCT , punct 10
D.C. D.C. PROPN NNP appos 10
, , PUNCT , punct 12
United United PROPN NNP compound 15
States States PROPN NNP appos 10
. . PUNCT . punct 4""",
        [(0, 4, "ORG"), (10, 13, "GPE"), (14, 16, "GPE")],
        [("National Turkey Federation", "LOCATED_IN", "United States")],
        [],
    ),
    (
        "abbreviation ends an address",
        "Temperatures ranged from 2 degrees at Jackson, Wyo., and Gunnison, Colo., to 89 degrees.",
        """
Temperatures temperature NOUN NNS nsubj 1
ranged range VERB VBD ROOT 1
from from ADP IN prep 1
2 2 NUM CD nummod 4
degrees degree NOUN NNS pobj 2
at at ADP IN prep 2
Jackson Jackson PROPN NNP pobj 5
, , PUNCT , punct 6
Wyo Wyo PROPN NNP appos 6
. . PROPN NNP conj 6
, , PUNCT , punct 6
and and CCONJ CC cc 6
Gunnison Gunnison PROPN NNP conj 6
, , PUNCT , punct 12
Colo. Colo. PROPN NNP appos 12
, , PUNCT , punct 12
to to ADP IN prep 1
89 89 NUM CD nummod 18
degrees degree NOUN NNS pobj 16
. . PUNCT . punct 1""",
        [(3, 5, "QUANTITY"), (6, 7, "GPE"), (8, 10, "GPE"), (12, 13, "GPE"), (14, 15, "GPE"), (17, 19, "QUANTITY")],
        [("Jackson", "LOCATED_IN", "Wyo."), ("Gunnison", "LOCATED_IN", "Colo.")],
        [],
    ),
    (
        "two cities joined are a list",
        "He lived in Madrid and Barcelona.",
        """
He he PRON PRP nsubj 1
lived live VERB VBD ROOT 1
in in ADP IN prep 1
Madrid Madrid PROPN NNP pobj 2
and and CCONJ CC cc 3
Barcelona Barcelona PROPN NNP conj 3
. . PUNCT . punct 1""",
        [(3, 4, "GPE"), (5, 6, "GPE")],
        [],
        [("Madrid", "LOCATED_IN", "Barcelona")],
    ),
    (
        "comma list is no containment",
        "He lived in Malabo, Germany, Madrid, Barcelona, etc.",
        """
He he PRON PRP nsubj 1
lived live VERB VBD ROOT 1
in in ADP IN prep 1
Malabo Malabo PROPN NNP pobj 2
, , PUNCT , punct 3
Germany Germany PROPN NNP conj 3
, , PUNCT , punct 5
Madrid Madrid PROPN NNP conj 5
, , PUNCT , punct 7
Barcelona Barcelona PROPN NNP conj 7
, , PUNCT , punct 9
etc etc X FW conj 9
. . PUNCT . punct 1""",
        [(3, 4, "GPE"), (5, 6, "GPE"), (7, 8, "GPE"), (9, 10, "GPE")],
        [],
        [
            ("Germany", "LOCATED_IN", "Madrid"),
            ("Madrid", "LOCATED_IN", "Barcelona"),
            ("Malabo", "LOCATED_IN", "Germany"),
        ],
    ),
    (
        "described place and its address",
        "Alexeni is a commune in Ialomița County, Romania.",
        """
Alexeni Alexeni PROPN NNP nsubj 1
is be AUX VBZ ROOT 1
a a DET DT det 3
commune commune NOUN NN attr 1
in in ADP IN prep 3
Ialomița Ialomița PROPN NNP compound 6
County County PROPN NNP pobj 4
, , PUNCT , punct 6
Romania Romania PROPN NNP appos 6
. . PUNCT . punct 1""",
        [(0, 1, "NORP"), (5, 7, "GPE"), (8, 9, "GPE")],
        [("Alexeni", "LOCATED_IN", "Ialomița County"), ("Alexeni", "LOCATED_IN", "Romania")],
        [],
    ),
    (
        "located in a unit",
        "Groom is located in the state of Queensland.",
        """
Groom Groom PROPN NNP nsubjpass 2
is be AUX VBZ auxpass 2
located locate VERB VBN ROOT 2
in in ADP IN prep 2
the the DET DT det 5
state state NOUN NN pobj 3
of of ADP IN prep 5
Queensland Queensland PROPN NNP pobj 6
. . PUNCT . punct 2""",
        [(0, 1, "PERSON"), (7, 8, "GPE")],
        [("Groom", "LOCATED_IN", "Queensland")],
        [],
    ),
    (
        "address kept",
        "Marie Ferraro of Bethany, Conn., was shot.",
        """
Marie Marie PROPN NNP compound 1
Ferraro Ferraro PROPN NNP nsubjpass 8
of of ADP IN prep 1
Bethany Bethany PROPN NNP pobj 2
, , PUNCT , punct 3
Conn. Conn. PROPN NNP appos 3
, , PUNCT , punct 3
was be AUX VBD auxpass 8
shot shoot VERB VBN ROOT 8
. . PUNCT . punct 8""",
        [(0, 2, "PERSON"), (3, 4, "GPE"), (5, 6, "GPE")],
        [("Bethany", "LOCATED_IN", "Conn.")],
        [],
    ),
]


@pytest.mark.parametrize(
    ("what", "text", "rows", "ents", "found", "not_found"),
    TITLES + PARTIES + ROLES + PLACES,
    ids=[row[0] for row in TITLES + PARTIES + ROLES + PLACES],
)
def test_standing_construction(
    vocab: Vocab,
    what: str,
    text: str,
    rows: str,
    ents: list[tuple[int, int, str]],
    found: list[Fact],
    not_found: list[Fact],
) -> None:
    doc = parsed_doc(vocab, rows, ents=ents)
    got = facts(doc)
    for fact in found:
        assert fact in got, (what, got)
    for fact in not_found:
        assert fact not in got, (what, got)


def test_a_party_adjective_on_an_office_of_another_body_is_a_membership(vocab: Vocab) -> None:
    # "Schiff, the Democratic chairman of the House Intelligence Committee": he chairs the committee
    doc = parsed_doc(vocab, """
Schiff Schiff PROPN NNP nsubj 12
, , PUNCT , punct 0
the the DET DT det 4
Democratic Democratic PROPN NNP amod 4
chairman chairman NOUN NN appos 0
of of ADP IN prep 4
the the DET DT det 9
House House PROPN NNP compound 9
Intelligence Intelligence PROPN NNP compound 9
Committee Committee PROPN NNP pobj 5
, , PUNCT , punct 0
will will AUX MD aux 12
preside preside VERB VB ROOT 12
. . PUNCT . punct 12""", ents=[(0, 1, "PERSON"), (3, 4, "NORP"), (7, 10, "ORG")])
    got = {(s, t, o) for s, t, o in facts(doc)}
    assert got == {("Schiff", "MEMBER_OF", "Democratic Party"), ("Schiff", "LEADER_OF", "House Intelligence Committee")}


def test_an_as_phrase_after_a_direct_object_says_nothing_of_the_subject(vocab: Vocab) -> None:
    # "Erdogan attacked the proclamation as Israeli territory": Erdogan is nothing Israeli
    doc = parsed_doc(vocab, """
Erdogan Erdogan PROPN NNP nsubj 1
attacked attack VERB VBD ROOT 1
the the DET DT det 3
proclamation proclamation NOUN NN dobj 1
as as ADP IN prep 1
Israeli israeli ADJ JJ amod 6
territory territory NOUN NN pobj 4
. . PUNCT . punct 1""", ents=[(0, 1, "PERSON"), (5, 6, "NORP")])
    assert facts(doc) == []


def test_a_role_phrase_the_parser_made_a_second_subject_is_an_apposition(vocab: Vocab) -> None:
    # "Park Won-soon, the mayor of Seoul, was found dead" with "mayor" parsed as a subject of "found"
    doc = parsed_doc(vocab, """
Park Park PROPN NNP nsubjpass 9
, , PUNCT , punct 9
the the DET DT det 3
mayor mayor NOUN NN nsubjpass 9
of of ADP IN prep 3
Seoul Seoul PROPN NNP pobj 4
, , PUNCT , punct 9
was be AUX VBD auxpass 9
dead dead ADJ JJ oprd 9
found find VERB VBN ROOT 9
. . PUNCT . punct 9""", ents=[(0, 1, "PERSON"), (5, 6, "GPE")])
    assert ("Park", "LEADER_OF", "Seoul") in facts(doc)


def test_a_minister_of_a_named_unit_is_that_units(vocab: Vocab) -> None:
    # "D'Souza, the Deputy Chief Minister of the state of Goa": Goa, not "the state" read as a description
    doc = parsed_doc(vocab, """
Souza Souza PROPN NNP nsubj 12
, , PUNCT , punct 0
the the DET DT det 5
Deputy Deputy PROPN NNP compound 5
Chief Chief PROPN NNP compound 5
Minister Minister PROPN NNP appos 0
of of ADP IN prep 5
the the DET DT det 8
state state NOUN NN pobj 6
of of ADP IN prep 8
Goa Goa PROPN NNP pobj 9
, , PUNCT , punct 0
died die VERB VBD ROOT 12
. . PUNCT . punct 12""", ents=[(0, 1, "PERSON"), (10, 11, "GPE")])
    assert ("Souza", "MEMBER_OF", "Goa") in facts(doc)
