"""The HTML map in a real browser: headless Chromium, network blocked, every request counted.

Skips, with the reason, when playwright or Chromium is missing (.ci/run installs both).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.export.html import write_html
from kg.export.html_browser import MapPage, browser_missing, open_map
from tests.test_html import DOCS, VISIT, XSS_IMG, XSS_SCRIPT, XSS_SVG, big_graph, hostile_graph, story_graph

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))]

# Records Content-Security-Policy violations from the first line of the page on.
CSP_WATCH = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"""

# The colour drawn at each node's centre and along each edge, as [r, g, b, a].
PIXELS = """() => {
  const net = kgMap.network, canvas = document.querySelector('#kg-map canvas');
  const ctx = canvas.getContext('2d'), ratio = canvas.width / canvas.clientWidth;
  const at = (p, r) => {
    const d = net.canvasToDOM(p), out = [];
    const x = Math.round(d.x * ratio), y = Math.round(d.y * ratio);
    for (let dx = -r; dx <= r; dx++) for (let dy = -r; dy <= r; dy++)
      out.push(Array.from(ctx.getImageData(x + dx, y + dy, 1, 1).data));
    return out;
  };
  const nodes = {}, edges = {};
  for (const id of net.body.nodeIndices) nodes[id] = at(net.getPosition(id), 0)[0];
  // Along the edge at three points: an actor's name may be written over one of them.
  for (const id of net.body.edgeIndices) edges[id] = [0.35, 0.5, 0.65].flatMap(
    (t) => at(net.body.edges[id].edgeType.getPoint(t), 2));
  return {nodes, edges};
}"""


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)


def distance(a: Any, b: Any) -> float:
    return math.dist(a[:3], b[:3])


@pytest.fixture(scope="module")
def story_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("map") / "graph.html"
    write_html(story_graph(), path, title="Putin in Pyongyang")
    return path


@pytest.fixture
def story(chromium: Any, story_file: Path) -> Iterator[MapPage]:
    with open_map(story_file, browser_=chromium, init_script=CSP_WATCH) as m:
        yield m
        assert m.outside_requests() == [] and m.blocked == []
        assert m.errors == [] and m.page.evaluate("window.__csp") == []


def node_id(m: MapPage, label: str) -> int:
    i = m.page.evaluate("(l) => kgMap.findNode(l)", label)
    assert i >= 0
    return int(i)


def edge_id(m: MapPage, source: str, relation: str, target: str) -> int:
    return int(m.page.evaluate("""([s, r, t]) => kgMap.edgeInfo.findIndex((e, i) =>
        e.relation_type === r && kgMap.nodeInfo[kgMap.edges.get(i).from].label === s
        && kgMap.nodeInfo[kgMap.edges.get(i).to].label === t)""", [source, relation, target]))


def hidden(m: MapPage, kind: str, i: int) -> bool:
    return bool(m.page.evaluate(f"(i) => kgMap.network.body.{kind}[i].options.hidden", i))


def test_canvas_draws_every_node_and_edge_in_its_colour(story: MapPage) -> None:
    page = story.page
    page.locator("#kg-tie-labels").uncheck()  # the captions sit on the middle of the ties
    assert page.evaluate("kgMap.network.body.nodeIndices.length") == 6
    assert page.evaluate("kgMap.network.body.edgeIndices.length") == 8
    drawn = page.evaluate(PIXELS)
    info = page.evaluate("kgMap.nodeInfo")
    meta = page.evaluate("kgMap.meta")
    assert len(drawn["nodes"]) == 6 and len(drawn["edges"]) == 8
    for i, px in drawn["nodes"].items():
        assert distance(px, rgb(meta["type_colors"][info[int(i)]["type"]])) < 12, info[int(i)]["label"]
    edges = page.evaluate("kgMap.edgeInfo")
    for i, pxs in drawn["edges"].items():
        want = rgb(meta["class_colors"][edges[int(i)]["class_name"]])
        if edges[int(i)]["negated"]:
            continue  # a dashed line may have a gap exactly at its middle
        assert min(distance(px, want) for px in pxs) < 40, edges[int(i)]["caption"]
    assert page.evaluate("document.body.dataset.state") == "ready"


def test_legend_search_filters_and_panel_are_on_the_page(story: MapPage) -> None:
    page = story.page
    assert page.locator("#kg-title").inner_text() == "Putin in Pyongyang"
    assert page.locator("#kg-legend-types button").all_inner_texts() == [
        "State\n3", "Person\n2", "Organisation\n1"]
    assert len(page.locator("#kg-legend-classes button").all()) == 3
    assert page.locator("#kg-search").is_visible() and page.locator("#kg-rtypes input").count() == 7
    assert page.locator("#kg-min-count").get_attribute("max") == "2"
    assert page.locator("#kg-date-from").input_value() == "2024-06-19"
    assert page.locator("#kg-date-to").input_value() == "2024-06-21"
    assert "6 of 6 actors" in page.locator("#kg-summary").inner_text()
    assert page.locator("#kg-panel").is_hidden()


def test_search_by_alias_focuses_vladimir_putin(story: MapPage) -> None:
    page = story.page
    putin = node_id(story, "Vladimir Putin")
    page.locator("#kg-search").click()
    page.keyboard.type("president put")
    assert page.locator("#kg-results li").first.inner_text().startswith("Vladimir Putin")
    page.keyboard.press("Enter")
    assert page.evaluate("kgMap.network.getSelectedNodes()") == [putin]
    assert page.locator("#kg-panel h2").inner_text() == "Vladimir Putin"
    assert "President Putin" in page.locator("#kg-panel .kg-chips").inner_text()
    # The view glides to the node: wait for the animation, then the node is at the centre.
    page.wait_for_function("""(id) => {
        const v = kgMap.network.getViewPosition(), p = kgMap.network.getPosition(id);
        return Math.hypot(v.x - p.x, v.y - p.y) < 1; }""", arg=putin, timeout=5000)
    # Folded accents and case: "PYONGYANG" finds North Korea by its alias.
    assert page.evaluate("kgMap.search('PYÖNGYANG').map(h => kgMap.nodeInfo[h.id].label)") == ["North Korea"]


def test_neighbour_highlight_on_click(story: MapPage) -> None:
    page = story.page
    kim, prk, kor = (node_id(story, x) for x in ("Kim Jong Un", "North Korea", "South Korea"))
    person = rgb(page.evaluate("kgMap.meta.type_colors.person"))
    state = rgb(page.evaluate("kgMap.meta.type_colors.state"))
    pos = page.evaluate("(id) => kgMap.network.canvasToDOM(kgMap.network.getPosition(id))", kim)
    box = page.locator("#kg-map canvas").bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    assert page.locator("#kg-panel h2").inner_text() == "Kim Jong Un"
    page.wait_for_timeout(100)
    drawn = page.evaluate(PIXELS)["nodes"]
    assert distance(drawn[str(kim)], person) < 12  # Kim
    assert distance(drawn[str(prk)], state) < 12  # his neighbour
    assert distance(drawn[str(kor)], state) > 100 and min(drawn[str(kor)][:3]) > 190  # the rest greyed out
    page.keyboard.press("Escape")
    page.wait_for_timeout(100)
    assert distance(page.evaluate(PIXELS)["nodes"][str(kor)], state) < 12
    assert page.locator("#kg-panel").is_hidden()


def test_filters_hide_what_they_should(story: MapPage) -> None:
    page = story.page
    putin, kim = node_id(story, "Vladimir Putin"), node_id(story, "Kim Jong Un")
    consult = edge_id(story, "Vladimir Putin", "CONSULT", "North Korea")
    page.locator("#kg-legend-types button", has_text="Person").click()  # the legend is a filter
    assert hidden(story, "nodes", putin) and hidden(story, "nodes", kim) and hidden(story, "edges", consult)
    assert page.evaluate("kgMap.visibleCounts()") == {"nodes": 4, "edges": 5}
    assert page.evaluate("kgMap.network.body.nodeIndices.length") == 4
    page.locator("#kg-legend-types button", has_text="Person").click()
    assert page.evaluate("kgMap.visibleCounts()") == {"nodes": 6, "edges": 8}

    page.locator("#kg-legend-classes button", has_text="standing").click()  # class
    assert page.evaluate("kgMap.visibleCounts()") == {"nodes": 5, "edges": 5}  # Kim had only LEADER_OF
    assert hidden(story, "nodes", kim) and not hidden(story, "nodes", putin)
    page.locator("#kg-legend-classes button", has_text="standing").dblclick()  # only standing
    assert page.evaluate("kgMap.visibleCounts()") == {"nodes": 4, "edges": 3}
    page.locator("#kg-reset").click()

    page.locator("#kg-rtypes label", has_text="CONSULT").click()  # relation type
    assert hidden(story, "edges", consult) and not hidden(story, "nodes", putin)  # Putin keeps LEADER_OF
    page.locator("#kg-rtypes-none").click()
    assert page.evaluate("kgMap.visibleCounts()") == {"nodes": 0, "edges": 0}
    page.locator("#kg-rtypes-all").click()

    page.locator("#kg-min-count").fill("2")  # minimum count: only CONSULT has 2 reports
    assert page.evaluate("kgMap.visibleCounts()") == {"nodes": 2, "edges": 1}
    assert not hidden(story, "edges", consult)
    page.locator("#kg-min-count").fill("1")

    page.locator("#kg-date-from").fill("2024-06-21")  # date range: the reaction day only
    assert page.evaluate("kgMap.visibleCounts()") == {"nodes": 3, "edges": 2}
    page.locator("#kg-undated").check()  # plus the undated denied threat
    assert page.evaluate("kgMap.visibleCounts()") == {"nodes": 3, "edges": 3}
    page.locator("#kg-dates-clear").click()
    assert page.evaluate("kgMap.visibleCounts()") == {"nodes": 6, "edges": 8}


def test_clicking_an_edge_shows_its_sentences_with_the_actors_marked(story: MapPage) -> None:
    page = story.page
    consult = edge_id(story, "Vladimir Putin", "CONSULT", "North Korea")
    point = page.evaluate("""(id) => kgMap.network.canvasToDOM(
        kgMap.network.body.edges[id].edgeType.getPoint(0.5))""", consult)
    box = page.locator("#kg-map canvas").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    panel = page.locator("#kg-panel")
    panel.wait_for()  # it opens once the click is known to be no double click
    assert panel.is_visible() and page.evaluate("kgMap.network.getSelectedEdges()") == [consult]
    quotes = panel.locator("blockquote").all_inner_texts()
    assert quotes == [VISIT, "Putin arrived in Pyongyang on Wednesday."]
    marks = panel.locator("blockquote").first.locator("mark")
    assert marks.all_inner_texts() == ["Vladimir Putin", "North Korea"]
    assert panel.locator("mark.kg-object").nth(1).inner_text() == "Pyongyang"
    link = panel.locator(".kg-source a").first
    assert link.inner_text() == DOCS["visit"]["title"] and link.get_attribute("href") == DOCS["visit"]["url"]
    assert link.get_attribute("rel") == "noopener noreferrer nofollow"
    assert "document pact" in panel.inner_text()  # the second document has no URL: title and id as text
    assert panel.locator(".kg-source a").count() == 1


def test_tie_captions_appear_when_zoomed_in_and_never_collide(story: MapPage) -> None:
    page = story.page
    page.evaluate("kgMap.network.moveTo({scale: 0.3}); kgMap.network.redraw()")
    assert page.evaluate("kgMap.edgeLabels()") == []  # zoomed out: no captions
    page.evaluate("kgMap.network.moveTo({scale: 2}); kgMap.network.redraw()")
    labels = page.evaluate("kgMap.edgeLabels()")
    assert "CONSULT \u00d72" in labels and "not THREATEN" in labels
    page.locator("#kg-tie-labels").uncheck()
    assert page.evaluate("kgMap.edgeLabels()") == []
    page.locator("#kg-tie-labels").check()
    # Focused, the actor's ties are named at any zoom, each caption in a box of its own.
    page.evaluate("kgMap.focus('Russia')")
    page.evaluate("kgMap.network.moveTo({scale: 0.5}); kgMap.network.redraw()")
    labels = page.evaluate("kgMap.edgeLabels()")
    assert {"AGREE", "ALLY_OF", "ACCUSE", "not THREATEN", "LEADER_OF"} <= set(labels)
    boxes = page.evaluate("kgMap.edgeLabelBoxes()")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"]
                        and b["y"] < a["y"] + a["h"]), (a, b)


def test_hovering_a_tie_names_its_relation(story: MapPage) -> None:
    page = story.page
    consult = edge_id(story, "Vladimir Putin", "CONSULT", "North Korea")
    point = page.evaluate("""(id) => kgMap.network.canvasToDOM(
        kgMap.network.body.edges[id].edgeType.getPoint(0.5))""", consult)
    box = page.locator("#kg-map canvas").bounding_box()
    page.mouse.move(box["x"] + point["x"] - 3, box["y"] + point["y"])
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tooltip = page.locator(".vis-tooltip")
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.inner_text() == "CONSULT \u00d72"


def test_png_export(story: MapPage) -> None:
    with story.page.expect_download() as download:
        story.page.locator("#kg-png").click()
    data = Path(download.value.path()).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    assert download.value.suggested_filename == "kg-map.png"


def test_hostile_document_runs_nothing(chromium: Any, tmp_path: Path) -> None:
    path = tmp_path / "evil.html"
    write_html(hostile_graph(), path, title=XSS_IMG)
    with open_map(path, browser_=chromium, init_script=CSP_WATCH) as m:
        page = m.page
        assert page.title() == XSS_IMG
        # Open every panel and search for the payloads: still nothing runs.
        for i in range(2):
            page.evaluate("(i) => kgMap.selectNode(i, false)", i)
            assert XSS_SCRIPT in page.locator("#kg-panel").inner_text() or XSS_IMG in page.locator(
                "#kg-panel h2").inner_text()
            page.evaluate("(i) => kgMap.selectEdge(i)", i)
        page.evaluate("kgMap.selectEdge(kgMap.edgeInfo.findIndex(e => e.relation_type === 'CONSULT'))")
        panel = page.locator("#kg-panel")
        assert XSS_SCRIPT in panel.locator("blockquote").inner_text()
        assert XSS_SVG in panel.inner_text() and "link not shown" in panel.inner_text()
        page.locator("#kg-search").fill("script")
        assert page.locator("#kg-results li").count() >= 1
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
        assert m.dialogs == []
        assert page.locator("img, svg, iframe, object, embed").count() == 0
        assert page.locator("a[href^='javascript' i]").count() == 0
        protocols = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.protocol)")
        assert set(protocols) <= {"https:"}
        assert page.locator("script").count() == 3  # data, vis-network, kg: none added
        assert m.outside_requests() == [] and m.blocked == [] and m.errors == []
        assert page.evaluate("window.__csp") == []


def test_csp_blocks_a_request_even_if_one_were_attempted(story: MapPage) -> None:
    # The policy itself refuses connections: a fetch from the page's own script context fails.
    result = story.page.evaluate("""() => fetch('https://example.org/').then(() => 'sent', e => 'refused')""")
    assert result == "refused"
    assert any("connect-src" in v for v in story.page.evaluate("window.__csp"))
    story.page.evaluate("window.__csp = []")  # the fixture asserts no other violation happened
    story.errors.clear()  # the console reported the refusal
    assert story.blocked == []  # refused by the policy before reaching the network


def test_an_actor_without_ties_follows_its_own_dates(chromium: Any, tmp_path: Path) -> None:
    g = story_graph()  # kg build keeps actors a document names without relating them to anyone
    g.add_node("JPN", label="Japan", type="state", ner="GPE", iso3="JPN", aliases=["Japan"], mentions=1,
               documents=["visit"], first_date="2024-06-19", last_date="2024-06-19")
    path = tmp_path / "lone.html"
    write_html(g, path)
    with open_map(path, browser_=chromium) as m:
        japan = node_id(m, "Japan")
        assert hidden(m, "nodes", japan)  # off the map by default, and the summary says so
        assert "1 actor without ties not shown" in m.page.locator("#kg-summary").inner_text()
        m.page.locator("#kg-lone").check()
        assert not hidden(m, "nodes", japan)
        m.page.locator("#kg-date-from").fill("2024-06-20")
        assert hidden(m, "nodes", japan)
        m.page.locator("#kg-date-from").fill("2024-06-19")
        m.page.locator("#kg-date-to").fill("2024-06-19")
        assert not hidden(m, "nodes", japan) and m.page.evaluate("kgMap.visibleCounts()")["edges"] == 3
        m.page.locator("#kg-legend-types button", has_text="State").click()
        assert hidden(m, "nodes", japan)
        m.page.locator("#kg-reset").click()
        assert hidden(m, "nodes", japan)
        m.page.locator("#kg-search").fill("japan")  # search finds it and brings it on the map
        m.page.keyboard.press("Enter")
        assert not hidden(m, "nodes", japan) and m.page.locator("#kg-panel h2").inner_text() == "Japan"


def test_max_nodes_says_how_many_were_left_out(chromium: Any, tmp_path: Path) -> None:
    path = tmp_path / "top.html"
    write_html(story_graph(), path, max_nodes=3)
    with open_map(path, browser_=chromium) as m:
        summary = m.page.locator("#kg-summary").inner_text()
        assert "3 of 3 actors" in summary and "3 less important actors" in summary and "left out" in summary
        assert m.page.evaluate("kgMap.network.body.nodeIndices.length") == 3


@pytest.mark.slow
def test_a_3000_actor_graph_opens_settled_and_filters(chromium: Any, tmp_path: Path) -> None:
    g = big_graph(3000)
    positions = nx.circular_layout(sorted(g))  # given positions: physics off, nothing to settle
    path = tmp_path / "big.html"
    write_html(g, path, positions=positions)
    with open_map(path, browser_=chromium) as m:
        page = m.page
        assert page.evaluate("kgMap.network.body.nodeIndices.length") == 100  # the most important first
        assert "2,900 hidden" in page.locator("#kg-summary").inner_text()
        page.locator("#kg-all").click()
        assert page.evaluate("kgMap.network.body.nodeIndices.length") == 3000
        assert page.evaluate("kgMap.meta.physics") is False
        page.locator("#kg-legend-types button", has_text="Person").click()
        counts = page.evaluate("kgMap.visibleCounts()")
        assert 0 < counts["nodes"] < 3000 and counts["edges"] < g.number_of_edges()
        page.locator("#kg-search").fill("Actor 2999")
        page.keyboard.press("Enter")
        assert page.locator("#kg-panel h2").inner_text() == "Actor 2999"
        selected = page.evaluate("kgMap.network.getSelectedNodes()")
        assert selected == [page.evaluate("kgMap.findNode('Actor 2999')")]
        assert m.outside_requests() == [] and m.errors == []
