"""The HTML map without a browser: the page's data, safety, self-containment and determinism.

The graphs are built by hand in kg.graph.build's schema: :func:`story_graph` (Putin's visit to North
Korea, with evidence whose offsets point at the actors) and :func:`hostile_graph` (every string
an attack). The browser tests import both from here.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import random
import re
from typing import Any

import networkx as nx
import pytest

from kg.export.html import render_html, script_json, write_html
from kg.export.html_data import CLASS_COLORS, TYPE_COLORS, page_data, safe_url, select_actors
from tests.graph_fixtures import sample_graph

_QUADS = {"CONSULT": (1, "verbal cooperation"), "AGREE": (1, "verbal cooperation"),
          "LEADER_OF": (0, "standing"), "ALLY_OF": (0, "standing"), "ACCUSE": (3, "verbal conflict"),
          "REQUEST": (3, "verbal conflict"), "THREATEN": (3, "verbal conflict"),
          "ASSAULT": (4, "material conflict")}
DOCS = {"visit": {"title": "Putin makes a rare visit to North Korea", "date": "2024-06-19",
                  "url": "https://example.org/news/putin-visit"},
        "pact": {"title": "Russia and North Korea sign a defence pact", "date": "2024-06-20", "url": None},
        "reaction": {"title": "Seoul condemns the pact", "date": "2024-06-21",
                     "url": "https://example.org/news/reaction"}}
VISIT = "Russian President Vladimir Putin has embarked on a rare visit to North Korea."


def actor(g: nx.MultiDiGraph, key: str, label: str, kind: str, aliases: list[str], mentions: int,
          iso3: str | None = None) -> None:
    g.add_node(key, label=label, type=kind, ner={"state": "GPE", "person": "PERSON"}.get(kind, "ORG"),
               iso3=iso3, aliases=sorted({label, *aliases}), mentions=mentions, documents=sorted(DOCS),
               first_date="2024-06-19", last_date="2024-06-21")


def ev(doc: str, sentence: str, subj: str, obj: str, relation: str = "", start: int = 40,
       **over: Any) -> dict[str, Any]:
    """An evidence item whose spans are document offsets, as kg.graph.build writes them."""
    s, o = sentence.index(subj), sentence.index(obj)
    item = {"doc_id": doc, "sentence_index": 3, "sentence": sentence, "sentence_start": start,
            "subject_text": subj, "subject_span": [start + s, start + s + len(subj)], "object_text": obj,
            "object_span": [start + o, start + o + len(obj)], "relation": relation,
            "date": DOCS.get(doc, {}).get("date"), "title": DOCS.get(doc, {}).get("title"),
            "url": DOCS.get(doc, {}).get("url"), "confidence": 0.8, "modality": "asserted"}
    item.update(over)
    return item


def tie(g: nx.MultiDiGraph, u: str, v: str, rtype: str, evidence: list[dict[str, Any]], count: int = 0,
        negated: bool = False) -> None:
    quad, cls = _QUADS[rtype]
    count = count or len(evidence) or 1
    dates = sorted(e["date"] for e in evidence if e.get("date"))
    g.add_edge(u, v, key=rtype + (":negated" if negated else ""), relation_type=rtype, quad_class=quad,
               class_name=cls, intensity=0.0, negated=negated, count=count, weight=float(count),
               relations=[e["relation"] for e in evidence] or [rtype.lower()], modality="asserted",
               confidence=0.8, first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
               documents=sorted({e["doc_id"] for e in evidence}), evidence=evidence)


def story_graph() -> nx.MultiDiGraph:
    """6 actors and 8 ties over three days; Putin -CONSULT-> North Korea has two reports."""
    g = nx.MultiDiGraph(kg_version="test", max_evidence=5, documents=copy.deepcopy(DOCS))
    actor(g, "vladimir_putin", "Vladimir Putin", "person", ["Putin", "President Putin"], 6)
    actor(g, "RUS", "Russia", "state", ["Moscow", "Russian"], 7, "RUS")
    actor(g, "PRK", "North Korea", "state", ["Pyongyang", "DPRK"], 8, "PRK")
    actor(g, "kim_jong_un", "Kim Jong Un", "person", ["Kim"], 3)
    actor(g, "KOR", "South Korea", "state", ["Seoul"], 2, "KOR")
    actor(g, "united_nations", "United Nations", "organisation", ["UN"], 1)
    tie(g, "vladimir_putin", "PRK", "CONSULT", [
        ev("visit", VISIT, "Vladimir Putin", "North Korea", "visit"),
        ev("pact", "Putin arrived in Pyongyang on Wednesday.", "Putin", "Pyongyang", "arrive in")])
    tie(g, "vladimir_putin", "RUS", "LEADER_OF", [
        ev("visit", VISIT, "Vladimir Putin", "Russian", "president")])
    tie(g, "kim_jong_un", "PRK", "LEADER_OF", [
        ev("visit", "North Korean leader Kim Jong Un greeted him.", "Kim Jong Un", "North Korean", "leader")])
    tie(g, "RUS", "PRK", "AGREE", [ev("pact", "Russia and North Korea signed a defence pact.", "Russia",
                                      "North Korea", "sign")])
    tie(g, "PRK", "RUS", "ALLY_OF", [
        ev("pact", "North Korea called Russia its ally.", "North Korea", "Russia")])
    tie(g, "KOR", "RUS", "ACCUSE", [
        ev("reaction", "Seoul condemned Moscow for the pact.", "Seoul", "Moscow")])
    tie(g, "KOR", "united_nations", "REQUEST", [ev("reaction", "South Korea urged the UN to act.",
                                                   "South Korea", "UN")])
    tie(g, "RUS", "KOR", "THREATEN", [], negated=True)
    return g


def big_graph(n: int = 3000, ties_per_actor: int = 2, *, seed: int = 7) -> nx.MultiDiGraph:
    """``n`` actors, about ``ties_per_actor * n`` ties by preferential attachment, dated over 2023."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph(kg_version="test", max_evidence=5, documents={
        f"doc{d:03d}": {"title": f"Article {d}", "date": f"2023-{1 + d % 12:02d}-{1 + d % 28:02d}",
                        "url": f"https://example.org/{d}"} for d in range(120)})
    kinds = ["state", "person", "organisation", "place", "group"]
    rtypes = sorted(_QUADS)
    ends: list[int] = [0]
    for i in range(n):
        actor(g, f"a{i:05d}", f"Actor {i:04d}", kinds[i % 5], [f"A{i}"], 1 + i % 9)
    for i in range(1, n):
        for _ in range(min(i, ties_per_actor)):
            j = rng.choice(ends)
            u, v = (i, j) if rng.random() < 0.5 else (j, i)
            if u == v:
                continue
            doc = f"doc{rng.randrange(120):03d}"
            a, b = f"Actor {u:04d}", f"Actor {v:04d}"
            item = ev(doc, f"{a} met {b}.", a, b, date=g.graph["documents"][doc]["date"],
                      title=g.graph["documents"][doc]["title"], url=g.graph["documents"][doc]["url"])
            tie(g, f"a{u:05d}", f"a{v:05d}", rng.choice(rtypes), [item], count=1 + int(rng.expovariate(0.7)))
            ends.extend((i, j))
    return g


#: Strings that would run if the page ever treated input as markup or as a link.
XSS_SCRIPT = "<script>window.__pwned = 'script'</script>"
XSS_IMG = "<img src=x onerror=\"window.__pwned = 'img'\">"
XSS_URL = "javascript:window.__pwned='link'"
XSS_SVG = "</script><svg onload=\"window.__pwned='svg'\"><!--"


def hostile_graph() -> nx.MultiDiGraph:
    """A document whose names, sentence, title and URL all carry script."""
    g = nx.MultiDiGraph(kg_version="test", max_evidence=5, documents={
        "evil": {"title": XSS_SVG, "date": "2024-01-02", "url": XSS_URL}})
    actor(g, "evil_1", XSS_IMG, "person", [XSS_SCRIPT], 3)
    actor(g, "__proto__", "Vladimir Putin " + XSS_SCRIPT, "state", ["constructor"], 2, "RUS")
    sentence = f"{XSS_IMG} met Vladimir Putin {XSS_SCRIPT} and <a href=\"{XSS_URL}\">clicked</a>."
    tie(g, "evil_1", "__proto__", "CONSULT", [
        ev("evil", sentence, XSS_IMG, "Vladimir Putin " + XSS_SCRIPT, "meet", date="2024-01-02",
           title=XSS_SVG, url=XSS_URL)])
    tie(g, "__proto__", "evil_1", "ASSAULT", [
        ev("evil", "Plain sentence with a link.", "Plain", "link", date="2024-01-02", title="<b>bold</b>",
           url="https://example.org/ok?a=<b>&c=\"d\"")])
    return g


def page_json(page: str) -> dict[str, Any]:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert m
    return json.loads(m.group(1))


def snapshot(g: nx.MultiDiGraph) -> Any:
    return (copy.deepcopy(g.graph), [(n, copy.deepcopy(d)) for n, d in g.nodes(data=True)],
            [(u, v, k, copy.deepcopy(d)) for u, v, k, d in g.edges(keys=True, data=True)])


def test_same_graph_same_bytes_and_caller_graph_untouched() -> None:
    g = story_graph()
    before = snapshot(g)
    first = render_html(g)
    assert snapshot(g) == before  # pyvis's from_nx would have popped weight and added size/width
    # The same graph built in another order renders identically.
    h = nx.MultiDiGraph(**copy.deepcopy(g.graph))
    h.add_nodes_from(reversed(list(g.nodes(data=True))))
    h.add_edges_from(reversed(list(g.edges(keys=True, data=True))))
    assert render_html(h) == first == render_html(story_graph())


def test_page_is_self_contained_and_has_a_strict_csp() -> None:
    page = render_html(story_graph())
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert "<link" not in page and "<iframe" not in page
    assert not re.search(r"cdnjs|jsdelivr|unpkg|googleapis|bootstrap", page, re.I)
    assert not re.search(r"""\s(src|href)\s*=\s*["']?(https?:)?//""", page)
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert csp
    policy = dict(d.strip().split(" ", 1) for d in csp.group(1).split(";"))
    assert policy["default-src"] == "'none'" and policy["connect-src"] == "'none'"
    assert "unsafe-inline" not in policy["script-src"] and "unsafe-eval" not in policy["script-src"]
    assert policy["img-src"] == "data: blob:"
    # Every executable inline script is allowed by its hash, and nothing else is.
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2 and "vis.Network" not in scripts[0] and "new vis.Network" in scripts[1]
    hashes = {f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts}
    assert hashes == set(policy["script-src"].split())
    assert page.index("Content-Security-Policy") < page.index("<script")


def test_hostile_strings_arrive_as_data_only() -> None:
    page = render_html(hostile_graph(), title=XSS_IMG)
    for payload in (XSS_SCRIPT, XSS_IMG, XSS_SVG, "<b>bold</b>", "onerror=\"", "</script><svg"):
        assert payload not in page
    assert "<title>&lt;img src=x onerror=" in page
    data = page_json(page)  # the escaped JSON reads back to exactly the input strings
    labels = {n["label"] for n in data["node_info"]}
    assert labels == {XSS_IMG, "Vladimir Putin " + XSS_SCRIPT}
    item = next(e for e in data["edge_info"] if e["relation_type"] == "CONSULT")["evidence"][0]
    assert item["title"] == XSS_SVG and item["url"] is None and item["unsafe_url"] == XSS_URL
    ok = next(e for e in data["edge_info"] if e["relation_type"] == "ASSAULT")["evidence"][0]
    assert ok["url"] == "https://example.org/ok?a=<b>&c=\"d\""
    # Node ids on the page are indices; the graph's ids ("__proto__") are data.
    assert [n["id"] for n in data["nodes"]] == [0, 1]
    assert {n["key"] for n in data["node_info"]} == {"evil_1", "__proto__"}


def test_script_json_cannot_close_its_element() -> None:
    text = script_json({"a": "</script><!-- ]]> & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- ]]> & \u2028"}


@pytest.mark.parametrize(("url", "expected"), [
    ("https://en.wikinews.org/wiki/A?b=c#d", True), ("http://example.org", True), ("HTTPS://X.ORG/", True),
    ("javascript:alert(1)", False), (" javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False),
    ("data:text/html,<script>", False), ("//evil.example", False), ("/relative", False),
    ("https://a.org/\nx", False), ("http://a b", False), (None, False), (42, False), ("vbscript:x", False)])
def test_only_http_urls_become_links(url: Any, expected: bool) -> None:
    assert (safe_url(url) is not None) is expected


def test_drawing_follows_types_classes_counts_and_direction() -> None:
    data = page_data(story_graph())
    by_label = {i["label"]: (n, i) for n, i in zip(data["nodes"], data["node_info"], strict=True)}
    assert by_label["Russia"][0]["color"]["background"] == TYPE_COLORS["state"]
    assert by_label["Vladimir Putin"][0]["color"]["background"] == TYPE_COLORS["person"]
    assert by_label["United Nations"][0]["color"]["background"] == TYPE_COLORS["organisation"]
    assert by_label["North Korea"][0]["size"] > by_label["United Nations"][0]["size"]  # 8 vs 1 mention
    assert by_label["Vladimir Putin"][1]["aliases"] == ["President Putin", "Putin", "Vladimir Putin"]
    names = [i["label"] for i in data["node_info"]]
    edges = {(names[e["from"]], i["caption"], names[e["to"]]): (e, i)
             for e, i in zip(data["edges"], data["edge_info"], strict=True)}
    consult, info = edges[("Vladimir Putin", "CONSULT \u00d72", "North Korea")]  # direction kept: from Putin
    assert consult["color"]["color"] == CLASS_COLORS["verbal cooperation"] and consult["arrows"] == "to"
    accuse, _ = edges[("South Korea", "ACCUSE", "Russia")]
    assert accuse["color"]["color"] == CLASS_COLORS["verbal conflict"]
    assert edges[("Kim Jong Un", "LEADER_OF", "North Korea")][0]["color"]["color"] == CLASS_COLORS["standing"]
    assert consult["width"] > accuse["width"]
    threat, _ = edges[("Russia", "not THREATEN", "South Korea")]
    assert threat["dashes"] and "dashes" not in accuse
    # Russia<->North Korea has two ties: both bend, so neither hides the other; single ties stay straight.
    assert edges[("Russia", "AGREE", "North Korea")][0]["smooth"]["type"] == "curvedCW"
    assert edges[("North Korea", "ALLY_OF", "Russia")][0]["smooth"]["type"] == "curvedCW"
    assert "smooth" in accuse  # South Korea <-> Russia: ACCUSE and the denied THREATEN
    assert "smooth" not in edges[("Kim Jong Un", "LEADER_OF", "North Korea")][0]
    assert info["dates"] == ["2024-06-19", "2024-06-20"] and info["count"] == 2
    assert data["meta"]["dates"] == ["2024-06-19", "2024-06-21"] and data["meta"]["physics"] is True


def test_evidence_marks_the_two_actors() -> None:
    data = page_data(story_graph())
    info = next(i for i in data["edge_info"] if i["relation_type"] == "CONSULT")
    first = info["evidence"][0]
    assert first["sentence"] == VISIT and first["url"] == "https://example.org/news/putin-visit"
    assert [VISIT[s:e] for s, e, _ in first["marks"]] == ["Vladimir Putin", "North Korea"]
    assert [role for *_, role in first["marks"]] == ["subject", "object"]
    assert first["title"] == DOCS["visit"]["title"] and first["date"] == "2024-06-19"


def test_marks_count_utf16_units_and_survive_bad_offsets() -> None:
    g = story_graph()
    sentence = "🇷🇺 Путин встретил Kim Jong Un."
    item = ev("visit", sentence, "Путин", "Kim Jong Un")
    bad = ev("visit", "Kim Jong Un praised Putin.", "Putin", "Kim Jong Un")
    bad["subject_span"] = [5000, 5005]  # offsets from another sentence: found by the words instead
    attrs = {**g.edges["vladimir_putin", "PRK", "CONSULT"], "evidence": [item, bad]}
    g.add_edge("vladimir_putin", "kim_jong_un", key="CONSULT", **attrs)
    info = next(i for i in page_data(g)["edge_info"] if i["key"] == "CONSULT" and i["evidence"][0]["sentence"]
                == sentence)
    js = sentence.encode("utf-16-le")
    marks = info["evidence"][0]["marks"]
    assert [js[2 * s:2 * e].decode("utf-16-le") for s, e, _ in marks] == ["Путин", "Kim Jong Un"]
    assert [(s, e) for s, e, _ in info["evidence"][1]["marks"]] == [(0, 11), (20, 25)]


def test_max_nodes_keeps_the_most_connected_and_says_how_many_left() -> None:
    g = story_graph()
    assert select_actors(g, 3)[::-1] == ["PRK", "RUS", "vladimir_putin"]
    data = page_data(g, max_nodes=3)
    meta = data["meta"]
    assert (meta["shown_nodes"], meta["omitted_nodes"], meta["total_nodes"]) == (3, 3, 6)
    assert meta["shown_edges"] == 4 and meta["omitted_edges"] == 4
    keys = {i["key"] for i in data["node_info"]}
    assert all(data["node_info"][e["from"]]["key"] in keys for e in data["edges"])
    with pytest.raises(ValueError):
        page_data(g, max_nodes=-1)


def test_positions_fix_the_layout_and_big_graphs_get_one_from_python(monkeypatch: pytest.MonkeyPatch) -> None:
    g = story_graph()
    pos = {n: (float(i), float(-i)) for i, n in enumerate(sorted(g))}
    data = page_data(g, positions=pos)
    assert data["meta"]["physics"] is False and data["options"]["physics"]["enabled"] is False
    xy = {i["key"]: (n["x"], n["y"]) for n, i in zip(data["nodes"], data["node_info"], strict=True)}
    assert xy["PRK"][0] < xy["RUS"][0] and xy["PRK"][1] < xy["RUS"][1]  # x kept, y flipped (Gephi's y is up)
    calls: list[int] = []

    def fake_layout(graph: nx.MultiDiGraph, nodes: list[str]) -> dict[str, tuple[float, float]]:
        calls.append(len(nodes))
        return {n: (float(i % 40), float(i // 40)) for i, n in enumerate(nodes)}

    # The real one: ForceAtlas2 for the tied actors, actors without ties on a ring around them.
    from kg.export.html_data import python_layout

    g2 = big_graph(60)
    g2.add_node("lonely", label="Lonely", type="person")
    real = python_layout(g2, sorted(g2))
    radius = max(abs(complex(*p)) for n, p in real.items() if n != "lonely")
    assert set(real) == set(g2) and abs(complex(*real["lonely"])) > radius
    monkeypatch.setattr("kg.export.html_data.python_layout", fake_layout)
    big = big_graph(1200)
    data = page_data(big)
    assert calls == [1200] and data["meta"]["physics"] is False
    assert all("x" in n for n in data["nodes"])
    assert page_data(story_graph())["meta"]["physics"] is True and calls == [1200]


def test_write_html_is_utf8_whatever_the_locale(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setenv("PYTHONIOENCODING", "ascii")
    g = story_graph()
    g.nodes["KOR"]["label"] = "대한민국 Zürich 🇰🇷"
    out = tmp_path / "sub" / "graph.html"
    write_html(g, out, title="Карта")
    raw = out.read_bytes()
    assert "대한민국 Zürich 🇰🇷".encode() in raw and "<title>Карта</title>".encode() in raw
    assert raw.decode("utf-8") == render_html(g, title="Карта")
    assert [p.name for p in out.parent.iterdir()] == ["graph.html"]  # no temporary file left


def test_graphs_with_odd_or_missing_attributes_still_render() -> None:
    g = nx.MultiDiGraph()
    g.add_node("a")  # no attributes at all
    g.add_node("b", label="", type="spaceship", aliases="not a list", mentions="many")
    g.add_edge("a", "b", key="X", count=0, class_name="nonsense", evidence=["not a dict"], dates=None)
    data = page_data(g)
    assert [i["type"] for i in data["node_info"]] == ["other", "other"]
    assert data["edge_info"][0]["class_name"] == "related" and data["edge_info"][0]["count"] == 1
    assert data["meta"]["dates"] is None
    assert "<!DOCTYPE html>" in render_html(nx.MultiDiGraph())


def test_exporters_share_the_nasty_fixture() -> None:
    # The exports engineer's fixture: markup, control characters and emoji in names and sentences.
    page = render_html(sample_graph())
    assert "<Un>" not in page and "<pact>" not in page
    data = page_json(page)
    assert len(data["nodes"]) == 5 and len(data["edges"]) == 7


def test_the_graph_builder_output_renders(make_triple: Any) -> None:
    from kg.graph.build import build_graph

    g = build_graph([
        make_triple("Vladimir Putin", "CONSULT", "North Korea", subject_type="PERSON", subject_iso3=None,
                    object_iso3="PRK", object_id="PRK"),
        make_triple("Russia", "AGREE", "North Korea", subject_iso3="RUS", subject_id="RUS", object_iso3="PRK",
                    object_id="PRK", sentence_index=1)])
    data = page_data(g)
    assert sorted(i["label"] for i in data["node_info"]) == ["North Korea", "Russia", "Vladimir Putin"]
    assert {i["type"] for i in data["node_info"]} == {"state", "person"}
    assert all(i["evidence"] and i["evidence"][0]["marks"] for i in data["edge_info"])


def test_page_data_carries_importance_communities_search_names_and_the_glossary() -> None:
    g = story_graph()
    g.nodes["kim_jong_un"]["aliases"].extend(["he", "him"])  # coreference aliases
    data = page_data(g)
    kim = next(n for n in data["node_info"] if n["label"] == "Kim Jong Un")
    assert "he" not in kim["names"] and "he" not in kim["aliases"] and "Kim" in kim["names"]
    from kg.graph.metrics import graph_metrics

    ranks = {n["key"]: n["pagerank"] for n in data["node_info"]}
    assert ranks == graph_metrics(g).pagerank  # computed here when the graph lacks them
    assert {n["community"] for n in data["node_info"]} <= set(range(data["meta"]["communities"]))
    # The graph's own attributes win over a computation here.
    g.nodes["RUS"].update(community=7, pagerank=0.5)
    for n in g:
        g.nodes[n].setdefault("community", 0)
        g.nodes[n].setdefault("pagerank", 0.1)
    again = {n["label"]: n for n in page_data(g)["node_info"]}
    assert again["Russia"]["community"] == 7 and again["Russia"]["pagerank"] == 0.5
    glossary = {row["type"]: row for row in data["meta"]["glossary"]}
    assert glossary["LEADER_OF"]["class_name"] == "standing" and glossary["ASSAULT"]["meaning"]
    assert data["meta"]["modalities"] == [["asserted", 8]] and data["meta"]["negated"] == 1
    assert data["options"]["physics"]["enabled"] is False  # the page lays out what it shows


def test_evidence_keeps_the_event_date_and_place_only_when_given() -> None:
    g = story_graph()
    item = g.edges["RUS", "PRK", "AGREE"]["evidence"][0]
    item.update(event_date="2024-06", event_date_precision="month", location="Pyongyang", location_iso3="PRK")
    edge = next(e for e in page_data(g)["edge_info"] if e["relation_type"] == "AGREE")
    assert {k: edge["evidence"][0][k] for k in ("event_date", "event_date_precision", "location")} == {
        "event_date": "2024-06", "event_date_precision": "month", "location": "Pyongyang"}
    other = next(e for e in page_data(g)["edge_info"] if e["relation_type"] == "CONSULT")
    assert other["evidence"][0]["event_date"] is None and other["evidence"][0]["location"] is None


def test_partial_event_dates_reach_the_timeline_as_days() -> None:
    # a tie dated by its sentence ("during the Cold War": 1947/1991) spans whole days on the map's timeline
    g = story_graph()
    u, v, k = next(iter(g.edges(keys=True)))
    g.edges[u, v, k].update(first_date="1947", last_date="1991")
    info = next(i for i in page_data(g)["edge_info"] if i["key"] == k)
    assert (info["first_date"], info["last_date"]) == ("1947-01-01", "1991-12-31")
    assert info["dates"][0] == "1947-01-01" and "1991-12-31" in info["dates"]
