"""The graph stage's dates: a tie's first/last date from its triples' own dates, else the document's."""

from __future__ import annotations

from typing import Any

from kg.graph.build import GraphBuilder, build_graph
from kg.records import Triple


def test_tie_dates_use_the_event_date_and_fall_back_to_the_document_date(make_triple: Any) -> None:
    old = make_triple("Soviet Union", "ALLY_OF", "North Korea", date="2024-06-19", event_date="1947/1991",
                      event_date_precision="span")
    new = make_triple("Soviet Union", "ALLY_OF", "North Korea", date="2024-06-20", sentence_index=3)
    edge = build_graph([old, new]).edges["soviet_union", "north_korea", "ALLY_OF"]
    assert (edge["first_date"], edge["last_date"]) == ("1947", "2024-06-20")
    # evidence: the Cold War sentence first (its own date is earliest), both dates on each item
    assert [(e["event_date"], e["event_date_precision"], e["date"]) for e in edge["evidence"]] == [
        ("1947/1991", "span", "2024-06-19"), (None, None, "2024-06-20")]


def test_a_lone_dated_triple_gives_its_span(make_triple: Any) -> None:
    t = make_triple(event_date="2019-02-25/2019-03-03", event_date_precision="span", date="2019-03-06",
                    location="Geneva", location_iso3="CHE")
    g = build_graph([t])
    (u, _, d), = g.edges(data=True)
    assert (d["first_date"], d["last_date"]) == ("2019-02-25", "2019-03-03")
    assert (d["evidence"][0]["location"], d["evidence"][0]["location_iso3"]) == ("Geneva", "CHE")
    assert (g.nodes[u]["first_date"], g.nodes[u]["last_date"]) == ("2019-02-25", "2019-03-03")


def test_folded_ties_keep_event_dates(make_triple: Any) -> None:
    triples = [make_triple(sentence_index=i, date="2024-01-01", event_date=f"{2000 + i}",
                           event_date_precision="year") for i in range(12)]
    edge = GraphBuilder(max_evidence=2).update(triples).graph().edges["russia", "ukraine", "ASSAULT"]
    assert (edge["count"], edge["first_date"], edge["last_date"]) == (12, "2000", "2011")
    assert [e["event_date"] for e in edge["evidence"]] == ["2000", "2001"]


def test_records_without_the_new_fields_read_as_undated(make_triple: Any) -> None:
    d = make_triple().to_dict()
    for key in ("event_date", "event_date_precision", "location", "location_iso3"):
        del d[key]
    t = Triple.from_dict(d)
    assert (t.event_date, t.location, t.extra) == (None, None, {})
    edge = GraphBuilder().update([d]).graph().edges["russia", "ukraine", "ASSAULT"]
    assert (edge["first_date"], edge["evidence"][0]["event_date"]) == ("2024-06-19", None)


def test_gexf_timeline_widens_an_event_year_to_whole_days(make_triple: Any) -> None:
    from kg.export.gexf import edge_interval, generate_gexf

    g = build_graph([make_triple("Soviet Union", "ALLY_OF", "North Korea", event_date="1947/1991",
                                 event_date_precision="span")])
    attrs = g.edges["soviet_union", "north_korea", "ALLY_OF"]
    assert edge_interval(attrs) == ("1947-01-01", "1991-12-31")
    text = "".join(generate_gexf(g))
    edge = text[text.index("<edge "):]
    assert 'start="1947-01-01" end="1991-12-31"' in edge and "2024-06-19" not in edge


def test_csv_edges_carry_the_first_evidence_date_and_place(make_triple: Any) -> None:
    from kg.export.csv import edge_rows

    g = build_graph([make_triple(event_date="2019-03-05", event_date_precision="day", location="Geneva",
                                 location_iso3="CHE")])
    header, row = list(edge_rows(g))
    cells = dict(zip(header, row, strict=True))
    assert (cells["first_event_date"], cells["first_event_date_precision"], cells["first_location"],
            cells["first_location_iso3"], cells["first_date"]) == ("2019-03-05", "day", "Geneva", "CHE", "2019-03-05")


def test_exports_list_every_place_of_a_ties_evidence(make_triple: Any, tmp_path: Any) -> None:
    from kg.export.csv import edge_rows
    from kg.export.graphml import write_graphml

    triples = [make_triple(sentence_index=0, date="2019-03-01"),  # the earliest evidence names no place
               make_triple(sentence_index=1, date="2019-03-02", location="Athens", location_iso3="GRC"),
               make_triple(sentence_index=2, date="2019-03-03", location="Mindanao"),
               make_triple(sentence_index=3, date="2019-03-04", location="Athens", location_iso3="GRC")]
    g = build_graph(triples)
    header, row = list(edge_rows(g))
    cells = dict(zip(header, row, strict=True))
    assert (cells["first_location"], cells["locations"]) == ("", "Athens (GRC); Mindanao")
    path = tmp_path / "g.graphml"
    write_graphml(g, path)
    assert "Athens (GRC); Mindanao" in path.read_text("utf-8")
