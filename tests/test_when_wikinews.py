"""Event dates and places on real passages: the seed and articles of the Wikinews corpus, with the real model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kg.extract import extract_triples
from kg.ingest.documents import read_documents
from kg.records import Document

pytestmark = pytest.mark.model

WIKINEWS = "corpora/wikinews"

# (file, words of the passage, subject, object, event_date, location): the article's own date resolves it
PASSAGES = [
    ("2019-01-24_Car_bomb_ramming_attack_kills_dozens_at_military_base_in_Maidan_Wardak_Afghanist.txt",
     # "in Qatar" hangs from the envoy in the parse, but after the comma closing his apposition: the meeting's
     "met on Monday with Zalmay Khalilzad", "Taliban", "Zalmay Khalilzad", "2019-01-21", "Qatar"),
    ("2019-09-17_US_President_Trump_says_Osama_bin_Laden_27s_son_killed.txt",
     "killed by US special forces in Pakistan in 2011", "United States", "Osama bin Laden", "2011", "Pakistan"),
    ("2019-10-29_Former_US_Senator_Kay_Hagan_dies_at_age_66.txt",
     "A decade later, in 2008, Hagan", "Hagan", "Elizabeth Dole", "2008", None),
    ("2019-09-11_UK_Prime_Minister_Johnson_suspends_parliament_for_five_weeks_as_Brexit_deadline.txt",
     "United Kingdom voted on June 23, 2016", "United Kingdom", "European Union", "2016-06-23", None),
    ("2020-12-14_Red_Hat_to_move_focus_away_from_CentOS_in_favour_of_Stream_CentOS_team_discuss_i.txt",
     "IBM acquired Red Hat last year", "IBM", "Red Hat", "2019", None),
    # the signing is in a relative clause of the summit: the place of the meeting the summit is
    ("2019-07-10_Benin_Nigeria_join_African_Union_continental_free_trade_bloc.txt",
     "member states met in Niamey", "Patrice Talon", "African Continental Free Trade Area", None, "Niamey"),
    # "that time in Athens": a bare noun phrase of the verb; the delegations of a list share its verb
    ("2020-01-10_Greek_prime_minister_reaffirms_EastMed_pipeline_project_is_open_for_other_countr.txt",
     "that time in Athens", "Greece", "Israel", "2020-01-02", "Athens"),
    # the jet (the object's noun) was hit near Tehran; "from Iran" says who the representatives are
    ("2020-01-13_Iran_admits_downing_Ukrainian_jet_cites_27human_error_27.txt",
     "shot down a Ukrainian passenger jet near Tehran", "Iran", "Ukraine", None, "Tehran"),
    ("2019-09-30_U_S_House_issues_subpoena_to_secretary_of_state_as_special_envoy_to_Ukraine_resi.txt",
     "planned trip to Warsaw", "Volodymyr Zelensky", "Donald Trump", None, "Warsaw"),
    # a place named with a person is where the person is, not where the event was
    ("2019-08-08_Gunman_opens_fire_in_El_Paso_Texas_superstore_more_than_20_dead.txt",
     "protections for Mexicans in the United States", "Mexico", "United States", None, None),
    # the state an offensive goes into is where it was fought (country precision)
    ("2019-10-15_Kurds_announce_deal_with_Assad_27s_government_as_Turkey_invades_Syria_27s_northe.txt",
     "Turkey began a military offensive into north-eastern Syria on Wednesday", "Turkey", "Syria", "2019-10-09",
     "Syria"),
]


def _passage(path: Path, words: str) -> tuple[Document, str]:
    (document,) = read_documents([path])
    (line,) = [line for line in document.text.splitlines() if words in line]
    return document, line


@pytest.mark.shared
@pytest.mark.parametrize(("name", "words", "subject", "obj", "event_date", "location"), PASSAGES)
def test_wikinews_passage(nlp: Any, shared: Path, name: str, words: str, subject: str, obj: str,
                          event_date: str, location: str | None) -> None:
    document, line = _passage(shared / WIKINEWS / name, words)
    triples = list(extract_triples(nlp(line), Document(id=document.id, text=line, date=document.date)))
    found = [(t.event_date, t.location) for t in triples if (t.subject, t.object) == (subject, obj)]
    assert found == [(event_date, location)], [(t.subject, t.object, t.event_date) for t in triples]
    assert all(t.date == document.date for t in triples)  # the document's date stays as it was


def test_seed_cold_war_alliance_is_a_span_before_1991(nlp: Any) -> None:
    seed = Path(__file__).resolve().parents[1] / "seeds" / "putin-north-korea-visit.txt"
    text = seed.read_text("utf-8")
    doc = Document(id="seed", text=text, date="2024-06-19")
    triples = list(extract_triples(nlp(text), doc))
    (ally,) = [t for t in triples
               if (t.subject, t.relation_type, t.object) == ("Soviet Union", "ALLY_OF", "North Korea")]
    assert (ally.event_date, ally.event_date_precision, ally.date) == ("1947/1991", "span", "2024-06-19")
    # a sentence without a date of its own gets none: not the document's
    visits = [t for t in triples if t.relation_type == "CONSULT"]
    assert visits and all(t.event_date is None for t in visits)
